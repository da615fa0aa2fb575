"""Copies of the group's file: before each meeting's first change, before migrations, and on request.

Copies go to a folder beside the database (`<name>-backups/`), made with SQLite's online backup so
they are consistent even while the app writes. Only the newest `keep` copies are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from .database import Database, create_private_file

DEFAULT_KEEP = 12  # about three months of weekly meetings
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    reason: str  # "meeting-12", "before-schema-4", "manual", "before-restore"
    taken_at: dt.datetime


def backup_folder(database_path: Path) -> Path:
    return database_path.with_name(f"{database_path.stem}-backups")


def list_backups(database_path: Path) -> list[BackupFile]:
    """Backups of the database at `database_path`, oldest first."""
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match and match["stem"] == database_path.stem:
            taken = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S-%f").replace(tzinfo=dt.UTC)
            found.append(BackupFile(path=path, reason=match["reason"], taken_at=taken))
    return sorted(found, key=lambda backup: backup.taken_at)


class Backups:
    def __init__(self, db: Database, keep: int = DEFAULT_KEEP) -> None:
        self._db = db
        self.keep = keep

    @property
    def folder(self) -> Path:
        return backup_folder(self._db.path)

    def take(self, reason: str = "manual") -> Path:
        folder = self.folder
        if not folder.exists():
            folder.mkdir(mode=0o700, parents=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        destination = folder / f"{self._db.path.stem}.{reason}.{stamp}.sqlite3"
        create_private_file(destination)
        self._db.backup(destination)
        self.prune()
        return destination

    def ensure_for_meeting(self, meeting_id: int) -> Path | None:
        """Take a copy before the first change to a meeting; None when one exists already."""
        if self._db.readonly:
            return None
        reason = f"meeting-{meeting_id}"
        if any(backup.reason == reason for backup in list_backups(self._db.path)):
            return None
        return self.take(reason)

    def all(self) -> list[BackupFile]:
        return list_backups(self._db.path)

    def prune(self) -> None:
        backups = self.all()
        for old in backups[: max(len(backups) - self.keep, 0)]:
            old.path.unlink(missing_ok=True)
