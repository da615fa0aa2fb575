"""Writing export files: whole or not at all, readable only by their owner, with names any OS accepts."""

from __future__ import annotations

import os
import queue
import re
import shutil
import stat
import tempfile
import threading
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from sessions.errors import TablesessionError

# Characters Windows, macOS or a mail client refuse or mangle in a file name.
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_SPACES = re.compile(r"\s+")
NAME_MAX = 120  # well inside every file system's 255, leaving room for a folder path on Windows
# Files made but not yet written, at most: enough to keep the writer busy, few enough that a big
# export never holds more than a few megabytes in memory.
WRITE_AHEAD = 64


class OutputExistsError(TablesessionError):
    """The export would replace a file the user did not say to replace."""


def safe_file_name(text: str, *, fallback: str = "export") -> str:
    """`text` made safe as one file name: NFC, no path separators or reserved characters, bounded length."""
    cleaned = _UNSAFE.sub(" ", unicodedata.normalize("NFC", text))
    cleaned = _SPACES.sub(" ", cleaned).strip(" .")
    if len(cleaned) > NAME_MAX:
        cleaned = cleaned[:NAME_MAX].rstrip(" .")
    return cleaned or fallback


def refuse_special(path: Path) -> None:
    """Refuse a path that is not a regular file, even when replacing files is allowed: writing goes
    through a temporary file renamed over the path, which would put a file where a device (as root,
    /dev/full), a named pipe or a symbolic link was, instead of writing to it or through it."""
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise TablesessionError(f"{path}: cannot be checked ({exc.strerror or exc})") from exc
    kinds = (
        (stat.S_ISLNK, "is a symbolic link"),
        (stat.S_ISCHR, "is a device"),
        (stat.S_ISBLK, "is a device"),
        (stat.S_ISFIFO, "is a named pipe (FIFO)"),
        (stat.S_ISSOCK, "is a socket"),
    )
    for test, what in kinds:
        if test(mode):
            raise TablesessionError(
                f"{path}: {what}, not a regular file; exports never replace one, choose another name"
            )


def check_writable(path: Path, *, overwrite: bool) -> None:
    """Refuse before anything is written: a missing folder, a folder where a file goes, a file in the way,
    or anything but a regular file (even with `overwrite`)."""
    refuse_special(path)
    if path.is_dir():
        raise TablesessionError(f"{path}: is a folder; give a file name")
    if not path.parent.is_dir():
        raise TablesessionError(f"{path}: the folder {path.parent} does not exist")
    if path.exists() and not overwrite:
        raise OutputExistsError(f"{path}: already exists; choose another name or allow replacing it (--force)")


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, so readers never see half a file."""
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise TablesessionError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        # mkstemp already made it 0600: contact details stay private to the facilitator's account.
        os.replace(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise TablesessionError(f"{path}: cannot be written ({exc.strerror or exc})") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_export(path: Path, data: bytes, *, overwrite: bool) -> None:
    check_writable(path, overwrite=overwrite)
    write_atomically(path, data)


def _write_new(path: Path, data: bytes) -> None:
    """Create `path` (it must not exist) holding `data`, readable only by its owner."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


class _FolderWriter:
    """Creates files in one folder on a thread of its own, while the caller goes on making the next.

    Creating a file is work in the kernel (about a third of a millisecond each on a laptop's
    journalled file system), and the thread runs it on another core while Python draws the next
    page: the follow-up export makes thousands of files. The first failure stops the writing; the
    caller hears of it at its next `put` or on leaving the `with` block."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0
        self.error: OSError | None = None
        self._waiting: queue.Queue[tuple[str, bytes] | None] = queue.Queue(maxsize=WRITE_AHEAD)
        self._thread = threading.Thread(target=self._run, name="tablesession-export-writer", daemon=True)

    def _run(self) -> None:
        while (item := self._waiting.get()) is not None:
            if self.error is not None:
                continue  # keep taking files, so the caller never waits on a full queue
            try:
                _write_new(self.folder / item[0], item[1])
            except OSError as exc:
                self.error = exc
            else:
                self.count += 1

    def put(self, name: str, data: bytes) -> None:
        if self.error is not None:
            raise self.error
        self._waiting.put((name, data))

    def __enter__(self) -> _FolderWriter:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self._waiting.put(None)
        self._thread.join()
        if kind is None and self.error is not None:
            raise self.error


def write_new_folder(folder: Path, files: Iterable[tuple[str, bytes]]) -> int:
    """Create `folder` holding `files` (name, data), all at once; returns how many were written.

    The files go into a hidden folder beside it, renamed to `folder` when the last one is written, so
    the folder never appears half-filled, and a failure (even while `files` is still being made)
    leaves nothing behind. One rename for the set instead of one per file: a follow-up export
    writes thousands, created on a thread of their own while the next are made. The folder is private
    to its owner, like every export file."""
    if folder.exists():
        raise OutputExistsError(f"{folder}: already exists")
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".part", dir=folder.parent))
    except OSError as exc:
        raise TablesessionError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from exc
    try:
        with _FolderWriter(staging) as writer:
            for name, data in files:
                writer.put(name, data)
        os.rename(staging, folder)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise TablesessionError(f"{folder}: cannot be written ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return writer.count
