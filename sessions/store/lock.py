"""One controlling app per database. A projector view may read alongside; a second controller may not.

The lock is an OS file lock, so it disappears with the process that held it: a crashed or killed
app never leaves a stale lock behind.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import IO

from sessions.errors import TablesessionError

from .permissions import make_private_folder


class ControllerBusyError(TablesessionError):
    """Another app is already controlling this database."""


def lock_path(database_path: Path) -> Path:
    return database_path.with_name(database_path.name + ".lock")


def _try_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def controller_holder(database_path: Path) -> str | None:
    """Who the lock file says controls the database ("pid 4242, since 18:30"), or None when no other process
    holds it. Only reads: a busy or read-only file's message must not create or change anything."""
    try:
        handle = lock_path(database_path).open(encoding="utf-8")
    except OSError:
        return None
    with handle:
        if _try_lock(handle):
            return None  # nobody holds it (closing the handle lets go again)
        holder = handle.read().strip()
    if not holder or holder.startswith(f"pid {os.getpid()},"):
        return None  # this process is the controller: the program in the way is another one
    return holder


class ControllerLock:
    def __init__(self, database_path: Path) -> None:
        self.database_path = database_path
        self.path = lock_path(database_path)
        self._handle: IO[str] | None = None

    def acquire(self, now: dt.datetime) -> None:
        """Become the controller, or raise ControllerBusyError naming who is."""
        # On first run the data folder may not exist yet; the lock file lives beside the database.
        try:
            make_private_folder(self.path.parent)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as exc:
            from .faults import translate_os  # faults names the lock's holder, so it imports this module

            raise translate_os(exc, self.database_path) from exc
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        if not _try_lock(handle):
            holder = handle.read().strip() or "another process"
            handle.close()
            raise ControllerBusyError(
                f"{self.database_path} is already open in another tablesession ({holder}); close that one first, "
                "or use 'tablesession clock --follow' for a projector view"
            )
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}, since {now.strftime('%H:%M')}")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file releases the OS lock
            self._handle = None

    def __enter__(self) -> ControllerLock:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.release()
