"""Why a database file could not be opened. The file is left untouched in every case."""

from pathlib import Path

from sessions.errors import TablesessionError


class DatabaseError(TablesessionError):
    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path


class NotADatabaseError(DatabaseError):
    """The file is not SQLite at all, or is SQLite but belongs to another program."""


class CorruptDatabaseError(DatabaseError):
    """SQLite reports damage."""


class NewerDatabaseError(DatabaseError):
    """Written by a newer tablesession: opening it here could lose data."""
