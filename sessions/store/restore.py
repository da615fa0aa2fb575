"""Putting a backup back in place of the group's file."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from .backups import Backups
from .database import Database, create_private_file
from .lock import ControllerLock


def restore_backup(backup_path: Path, database_path: Path, now: dt.datetime) -> Path | None:
    """Replace the database's contents with the backup's. Returns the copy taken of what was replaced.

    The backup is checked first (it must be a tablesession database this version can read), and
    nothing is changed while an app is controlling the database.
    """
    # A copy taken before an upgrade has the older schema: it is checked here and upgraded once in place.
    Database.check_file(backup_path)
    with ControllerLock(database_path) as lock:
        lock.acquire(now)
        safety: Path | None = None
        if database_path.exists():
            current = Database.open(database_path)
            try:
                safety = Backups(current).take("before-restore")
            finally:
                current.close()
        if not database_path.exists():
            # sqlite3 would create it world-readable; it is about to hold everyone's contact details.
            create_private_file(database_path)
        source = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            with contextlib.closing(sqlite3.connect(database_path)) as target:
                source.backup(target)
        finally:
            source.close()
    # Opening once brings an older backup up to the current schema (with its own copy first).
    Database.open(database_path).close()
    return safety
