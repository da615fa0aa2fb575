"""Why a database file could not be opened, read or written, in words a facilitator can act on.

Opening leaves the file untouched in every case; a refused write changes nothing (its transaction is
rolled back).
"""

from pathlib import Path

from sessions.errors import TablesessionError


class DatabaseError(TablesessionError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path


class NotADatabaseError(DatabaseError):
    """The file is not SQLite at all, or is SQLite but belongs to another program."""


class CorruptDatabaseError(DatabaseError):
    """SQLite's integrity check fails: only a backup can bring the data back."""


class DamagedSchemaError(CorruptDatabaseError):
    """The tables, columns or stored values are not what tablesession wrote (changed by another tool)."""


class NewerDatabaseError(DatabaseError):
    """Written by a newer tablesession: opening it here could lose data."""


class DatabaseBusyError(DatabaseError):
    """Another program held the file's write lock for longer than we wait."""


class DiskFullError(DatabaseError):
    """The disk holding the file (or its backups) has no room for the change."""


class ReadOnlyDatabaseError(DatabaseError):
    """The file or its folder cannot be written: reading works, changes are refused."""


class DiskIOError(DatabaseError):
    """The operating system failed to read or write the file (a failing disk, a pulled USB stick)."""
