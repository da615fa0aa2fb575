"""The group's SQLite file: one per group, WAL, every change committed at once, schema versioned."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from sessions.errors import NotFoundError
from sessions.models import Group

from .attendance import AttendanceBook
from .backups import BackupFile, Backups, list_backups
from .clock_log import ClockEvent, ClockLog
from .codec import to_timestamp, utc_now
from .database import Database
from .errors import (
    CorruptDatabaseError,
    DamagedSchemaError,
    DatabaseBusyError,
    DatabaseError,
    DiskFullError,
    DiskIOError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from .faults import BUSY_TIMEOUT_ENV
from .lock import ControllerBusyError, ControllerLock
from .meetings import Meetings
from .members import Members
from .restore import restore_backup
from .schema import CURRENT_VERSION
from .seat_changes import SeatChange, SeatChangeEvent, SeatChangeKind, SeatChanges
from .seating import SeatingPlans
from .seating_rules import SeatingRules
from .seating_settings import SeatingSettingsBook


class Store:
    """Everything stored for one group, reached through one repository per kind of record."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.members = Members(db)
        self.meetings = Meetings(db)
        self.attendance = AttendanceBook(db)
        self.seating = SeatingPlans(db)
        self.seating_rules = SeatingRules(db)
        self.seating_settings = SeatingSettingsBook(db)
        self.seat_changes = SeatChanges(db)
        self.clock_log = ClockLog(db)
        self.backups = Backups(db)

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Store:
        return cls(Database.open(path, create=create, readonly=readonly))

    @property
    def path(self) -> Path:
        return self.db.path

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        """Group several changes so they land together or not at all (an import, a merge)."""
        return self.db.transaction()

    @property
    def group(self) -> Group:
        rows = self.db.query("SELECT name, default_region, is_demo FROM group_info WHERE id = 1")
        if not rows:
            raise NotFoundError(f"{self.path}: the group has no name yet")
        return Group(name=rows[0]["name"], default_region=rows[0]["default_region"], is_demo=bool(rows[0]["is_demo"]))

    def has_group(self) -> bool:
        return bool(self.db.scalar("SELECT count(*) FROM group_info"))

    def save_group(self, group: Group) -> Group:
        self.db.execute(
            "INSERT INTO group_info (id, name, default_region, is_demo, created_at) VALUES (1, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, default_region = excluded.default_region, "
            "is_demo = excluded.is_demo",
            (group.name, group.default_region, int(group.is_demo), to_timestamp(utc_now())),
        )
        return group

    def close(self) -> None:
        self.db.close()

    @classmethod
    @contextlib.contextmanager
    def opened(cls, path: Path | str, **options: bool) -> Iterator[Store]:
        store = cls.open(path, **options)
        try:
            yield store
        finally:
            store.close()


__all__ = [
    "BUSY_TIMEOUT_ENV",
    "CURRENT_VERSION",
    "BackupFile",
    "Backups",
    "ClockEvent",
    "ControllerBusyError",
    "ControllerLock",
    "CorruptDatabaseError",
    "DamagedSchemaError",
    "Database",
    "DatabaseBusyError",
    "DatabaseError",
    "DiskFullError",
    "DiskIOError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "ReadOnlyDatabaseError",
    "SeatChange",
    "SeatChangeEvent",
    "SeatChangeKind",
    "SeatChanges",
    "Store",
    "list_backups",
    "restore_backup",
]
