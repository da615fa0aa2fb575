"""Files and folders holding people's contact details are private to their owner: files 0600, folders 0700.

Folders are made one level at a time, because `Path.mkdir(parents=True, mode=...)` gives the levels
above the last the default (usually world-readable) mode. A group file another user can already read
is tightened when it is opened, and the caller is told, so the facilitator knows it had been exposed.
"""

from __future__ import annotations

import contextlib
import os
import stat
import uuid
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
# SQLite's companions of a database file: they hold the same rows as the file itself.
_COMPANIONS = ("-wal", "-shm", "-journal")


def make_private_folder(folder: Path) -> None:
    """Create `folder` and any missing folders above it, each readable only by its owner.

    Folders that exist already are left as they are: they may be the user's own (Documents, home)."""
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:
            continue  # made meanwhile by another process; it is theirs to set
        if os.name == "posix":
            os.chmod(path, PRIVATE_FOLDER)  # a umask can only narrow the mode; this makes it exact


def _is_shared(path: Path) -> bool:
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


def tighten_database(path: Path) -> list[str]:
    """Make an existing database file and its journal files owner-only. Returns one notice line when any
    had been readable by others (none where the OS has no such permissions, as on Windows)."""
    if os.name != "posix":
        return []
    shared: list[tuple[Path, int]] = []
    for candidate in (path, *(path.with_name(path.name + suffix) for suffix in _COMPANIONS)):
        with contextlib.suppress(OSError):  # a journal file may come and go meanwhile
            if candidate.is_file() and _is_shared(candidate):
                shared.append((candidate, stat.S_IMODE(candidate.stat().st_mode)))
    if not shared:
        return []
    failed: list[str] = []
    for candidate, mode in shared:
        try:
            os.chmod(candidate, mode & PRIVATE_FOLDER)
        except OSError as exc:
            failed.append(f"{candidate.name} ({exc.strerror or exc})")
    first, mode = shared[0]
    if failed:
        return [
            f"{first}: other users on this computer can read it, and it could not be made private "
            f"({', '.join(failed)}); run: chmod 600 '{path}'*"
        ]
    return [
        f"{first} was readable by other users on this computer (mode {mode:04o}); "
        f"made it private to you ({mode & PRIVATE_FOLDER:04o})"
    ]


def prepare_database_path(path: Path, *, create: bool) -> list[str]:
    """Before opening `path`: tighten an existing file, or make its missing folders privately when it will
    be created. Returns notices for the user (files that had been readable by others)."""
    if path.exists():
        return tighten_database(path)
    if create:
        make_private_folder(path.parent)
    return []


MAX_NUMBERED = 999


def numbered(path: Path, number: int) -> Path:
    """`door.pdf` as the `number`th file of that name: door.pdf, door-2.pdf, door-3.pdf..."""
    return path if number == 1 else path.with_name(f"{path.stem}-{number}{path.suffix}")


def write_private_file(path: Path, data: bytes, *, replace: bool = False) -> Path:
    """Write `data` readable only by its owner, whole or not at all (through a temporary file beside it), in a
    folder made privately if need be. A file already at `path` is replaced only when `replace` says so;
    otherwise the next free numbered name is used (door-2.pdf, ...). Returns the path written."""
    make_private_folder(path.parent)
    temporary = path.with_name(f".{path.name}.{uuid.uuid4().hex}.part")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        if replace:
            os.replace(temporary, path)
            return path
        for number in range(1, MAX_NUMBERED + 1):
            candidate = numbered(path, number)
            try:
                # Claim the name first (O_EXCL: two writers never get the same one), then fill it at once.
                os.close(os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE))
            except FileExistsError:
                continue
            try:
                os.replace(temporary, candidate)
            except BaseException:
                candidate.unlink(missing_ok=True)  # give the claimed name back: no empty PDF left behind
                raise
            return candidate
        raise FileExistsError(f"{path} and {MAX_NUMBERED - 1} numbered copies of it already exist")
    finally:
        temporary.unlink(missing_ok=True)
