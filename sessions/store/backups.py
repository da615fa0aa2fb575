"""Copies of the group's file: before each meeting's first change, before migrations, and on request.

Copies go to a folder beside the database (`<name>-backups/`), made with SQLite's online backup so
they are consistent even while the app writes. Only the newest `keep` copies are kept.

A copy is written under a hidden temporary name and renamed when complete, so a backup killed halfway
never shows up as a copy (nor counts toward the ones kept); the next backup deletes what it left.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

from .database import Database, create_private_file
from .permissions import make_private_folder

DEFAULT_KEEP = 12  # about three months of weekly meetings
_NAME = re.compile(r"^(?P<stem>.+)\.(?P<reason>[a-z0-9-]+)\.(?P<stamp>\d{8}-\d{6}-\d{6})\.sqlite3$")
# A copy being written: `.<final name>.<pid of the writer>.part`, and SQLite's journal for it while it is.
_TEMPORARY = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.part(-journal|-wal|-shm)?$")
# No copy takes this long to write: a temporary this old is left over whoever wrote it.
STALE_AFTER_SECONDS = 24 * 3600


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


def _writer_is_gone(pid: int) -> bool:
    if pid == os.getpid():
        return False  # this process may be writing it in another thread
    if os.name != "posix":
        return False  # no safe way to ask; the age test below decides
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it exists but belongs to someone else
    return False


def stale_temporaries(database_path: Path) -> list[Path]:
    """Half-written copies whose writer was killed or crashed: never copies, but they may hold people's details."""
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return []
    stale: list[Path] = []
    for path in folder.iterdir():
        match = _TEMPORARY.match(path.name)
        if match is None or not match["name"].startswith(f"{database_path.stem}."):
            continue
        try:
            old = time.time() - path.stat().st_mtime > STALE_AFTER_SECONDS
        except OSError:
            continue  # renamed or removed meanwhile: it was not stale
        if old or _writer_is_gone(int(match["pid"])):
            stale.append(path)
    return sorted(stale)


class Backups:
    def __init__(self, db: Database, keep: int = DEFAULT_KEEP) -> None:
        self._db = db
        self.keep = keep

    @property
    def folder(self) -> Path:
        return backup_folder(self._db.path)

    def take(self, reason: str = "manual") -> Path:
        folder = self.folder
        make_private_folder(folder)
        self.remove_stale()
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        destination = folder / f"{self._db.path.stem}.{reason}.{stamp}.sqlite3"
        temporary = folder / f".{destination.name}.{os.getpid()}.part"
        create_private_file(temporary)
        try:
            self._db.backup(temporary)
            os.replace(temporary, destination)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
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

    def remove_stale(self) -> list[Path]:
        """Delete what killed backups left behind; returns what was deleted."""
        removed = []
        for path in stale_temporaries(self._db.path):
            path.unlink(missing_ok=True)
            removed.append(path)
        return removed

    def prune(self) -> None:
        backups = self.all()
        for old in backups[: max(len(backups) - self.keep, 0)]:
            old.path.unlink(missing_ok=True)
