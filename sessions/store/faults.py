"""SQLite's and the operating system's errors, turned once into messages a facilitator can act on.

Every command and every app action reaches the file through `Database`, which passes what goes wrong
through `translate`: a busy, full, read-only or failing disk is named as such, and "damaged" is said
only when SQLite's own integrity check fails, so nobody rolls back good data on a wrong diagnosis.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
import sqlite3
from pathlib import Path

from sessions.errors import TablesessionError

from .errors import (
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    DiskIOError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from .lock import controller_holder

BUSY_TIMEOUT_ENV = "TABLESESSION_BUSY_TIMEOUT"
# Long enough for another program's import or seating save to finish, short enough that someone at the
# door is not left staring at a frozen screen.
DEFAULT_BUSY_TIMEOUT_SECONDS = 5.0

# SQLite's primary result codes (the low byte of an extended code).
_KINDS_BY_CODE = {
    5: "busy",
    6: "busy",
    8: "readonly",
    10: "io",
    11: "corrupt",
    13: "full",
    14: "cantopen",
    26: "notadb",
}
# Errors raised without a code (by a wrapper, or an older Python) are known by SQLite's fixed wording.
_KINDS_BY_TEXT = (
    ("database is locked", "busy"),
    ("database table is locked", "busy"),
    ("database is busy", "busy"),
    ("database or disk is full", "full"),
    ("readonly database", "readonly"),
    ("disk i/o error", "io"),
    ("malformed", "corrupt"),
    ("file is not a database", "notadb"),
    ("unable to open database file", "cantopen"),
)
_LOW_SPACE_BYTES = 1 << 20  # an I/O error with less than this left is the disk being full


def busy_timeout() -> float:
    """How long to wait for another program's write to finish: TABLESESSION_BUSY_TIMEOUT seconds, or 5."""
    text = os.environ.get(BUSY_TIMEOUT_ENV, "").strip()
    if not text:
        return DEFAULT_BUSY_TIMEOUT_SECONDS
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not math.isfinite(seconds) or seconds < 0:
        raise TablesessionError(f"{BUSY_TIMEOUT_ENV} must be a number of seconds (like 5), not {text!r}")
    return seconds


def _kind(exc: sqlite3.Error) -> str | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _KINDS_BY_CODE:
        return _KINDS_BY_CODE[code & 0xFF]
    text = str(exc).casefold()
    return next((kind for fragment, kind in _KINDS_BY_TEXT if fragment in text), None)


def read_only_reason(path: Path) -> str | None:
    """Why the file cannot be written, or None when it can (as far as the operating system says)."""
    if path.exists() and not os.access(path, os.W_OK):
        return "the file cannot be written"
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} cannot be written"
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists() and not os.access(side, os.W_OK):
            return f"{side.name} beside it cannot be written"
    return None


def _free_bytes(folder: Path) -> int | None:
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return None


def disk_full(path: Path) -> DiskFullError:
    return DiskFullError(
        path,
        f"the disk is full (no room left in {path.parent}); nothing was saved. Free some space there and try again",
    )


def read_only(path: Path) -> ReadOnlyDatabaseError:
    reason = read_only_reason(path) or "the file or its disk is read-only"
    return ReadOnlyDatabaseError(
        path,
        f"is read-only ({reason}); nothing was changed. Commands that only read still work; to make changes, "
        "allow writing to the file and its folder or copy it somewhere you can write",
    )


def busy(path: Path) -> DatabaseBusyError:
    holder = controller_holder(path)
    who = f" (a tablesession app has it open: {holder})" if holder else ""
    return DatabaseBusyError(
        path,
        f"another program is using the group file{who} and did not finish within {busy_timeout():g} s; "
        "nothing was changed. Try again when it has finished",
    )


def _confirmed_damage(connection: sqlite3.Connection | None) -> str | None:
    """SQLite's quick check of the file: what it found wrong, or None when the file is intact."""
    if connection is None:
        return "SQLite could not read it"
    try:
        problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if problems == ["ok"] else str(problems[0])


def translate(exc: sqlite3.Error, path: Path, connection: sqlite3.Connection | None = None) -> DatabaseError | None:
    """The plain-words error for `exc`, or None when it is not about the file (a constraint, a bug)."""
    kind = _kind(exc)
    if kind == "busy":
        return busy(path)
    if kind == "full":
        return disk_full(path)
    if kind == "readonly":
        return read_only(path)
    if kind == "notadb":
        return NotADatabaseError(path, "is not a tablesession database (not a readable SQLite file)")
    if kind == "corrupt":
        damage = _confirmed_damage(connection)
        if damage is not None:
            return CorruptDatabaseError(path, f"is damaged ({damage}); restore a backup")
        return DiskIOError(path, f"could not be read just now ({exc}), though SQLite finds it intact; try again")
    if kind == "io":
        free = _free_bytes(path.parent)
        if free is not None and free < _LOW_SPACE_BYTES:
            return disk_full(path)
        return DiskIOError(
            path, f"the disk reported an error ({exc}); the change was not saved. Check the disk or USB stick"
        )
    if kind == "cantopen":
        if read_only_reason(path):
            return read_only(path)
        return NotADatabaseError(path, f"cannot be opened ({exc}); check that it and its folder can be read")
    return None


def translate_os(exc: OSError, path: Path) -> DatabaseError:
    """The plain-words error for a file operation (creating the database, a backup, a lock file)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(path)
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return read_only(path)
    return DiskIOError(path, f"cannot be written ({exc.strerror or exc})")
