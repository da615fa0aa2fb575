"""Database files as an older release of tablesession left them, for the upgrade tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sessions.store.schema import MIGRATIONS


def database_at(path: Path, version: int) -> sqlite3.Connection:
    """A new file at `path` with the schema as it stood at `version`, open for the caller to fill
    (and commit and close)."""
    connection = sqlite3.connect(path)
    for migration in MIGRATIONS[:version]:
        for statement in migration:
            connection.execute(statement)
    connection.execute(f"PRAGMA user_version = {version}")
    return connection
