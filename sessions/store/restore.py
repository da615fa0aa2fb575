"""Putting a backup back in place of the group's file."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from .backups import Backups
from .database import Database, create_private_file
from .errors import DatabaseError
from .faults import busy_timeout, translate
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
        try:
            source = sqlite3.connect(f"{backup_path.resolve().as_uri()}?mode=ro", uri=True, timeout=busy_timeout())
            try:
                with contextlib.closing(sqlite3.connect(database_path, timeout=busy_timeout())) as target:
                    # sqlite3's backup retries a busy file forever: ask for the write lock first, so another
                    # program's change gets the usual wait and then plain words instead of a hang.
                    target.execute("BEGIN IMMEDIATE")
                    target.execute("ROLLBACK")
                    source.backup(target)
            finally:
                source.close()
        except sqlite3.Error as exc:
            # Busy, full or read-only in the same plain words as every other change to the file.
            plain = translate(exc, database_path) or DatabaseError(database_path, f"could not be restored ({exc})")
            raise plain from exc
    # Opening once brings an older backup up to the current schema (with its own copy first).
    Database.open(database_path).close()
    return safety
