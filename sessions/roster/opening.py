"""Getting the bytes of an export file, and refusing what is not one before reading a byte of it.

A device (/dev/zero never ends), a pipe (opening one waits for a writer) or a file under /proc or /sys (it looks
empty and can be endless) is refused from its file status alone. A regular file is read up to a cap, whatever size
it claimed, so nothing the user points the import at can fill the memory.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import ImportFileError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a registration export is kilobytes; more than this is something else
_SYSTEM_FOLDERS = ("proc", "sys")  # kernel views: sizes mean nothing and reads may never end
_CHUNK = 1024 * 1024


def check_export_path(path: Path) -> None:
    """Refuse `path` unless it is a regular file we may read, from its file status alone (nothing is opened)."""
    with _said_plainly(path):
        _refuse_non_file(path, os.stat(path).st_mode)


def read_export_bytes(path: Path) -> bytes:
    """The bytes of `path`, or ImportFileError saying why it is not a file we read."""
    with _said_plainly(path):
        _refuse_non_file(path, os.stat(path).st_mode)
        # O_NONBLOCK: should the path become a pipe after the check, opening it still does not wait.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as file:
            _refuse_non_file(path, os.fstat(file.fileno()).st_mode)
            return _read_capped(path, file.fileno())


@contextmanager
def _said_plainly(path: Path) -> Iterator[None]:
    """What the system says about a path, as one line for the user."""
    try:
        yield
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except PermissionError:
        raise ImportFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def _refuse_non_file(path: Path, mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise ImportFileError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(mode):
        kind = "a pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
        raise ImportFileError(f"{path}: is {kind}, not a file; save the export as a file and import that")
    parts = Path(os.path.realpath(path)).parts
    if len(parts) > 1 and parts[1] in _SYSTEM_FOLDERS:
        raise ImportFileError(f"{path}: is a system file under /{parts[1]}, not an export")


def _read_capped(path: Path, descriptor: int) -> bytes:
    limit = MAX_FILE_BYTES
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(descriptor, min(_CHUNK, limit + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise ImportFileError(
                f"{path.name}: more than {_size(limit)}, the most a registration export is read up to; "
                "is this the right file?"
            )


def _size(count: int) -> str:
    megabyte = 1024 * 1024
    return f"{count // megabyte} MB" if count >= megabyte and count % megabyte == 0 else f"{count:,} bytes"
