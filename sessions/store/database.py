"""Opening, checking and migrating a group's SQLite file.

Every change is committed in its own transaction (or in one explicit `transaction()` block), in
WAL mode with full sync: a laptop that crashes mid-meeting loses nothing already acknowledged.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from .errors import (
    CorruptDatabaseError,
    DiskIOError,
    NewerDatabaseError,
    NotADatabaseError,
    ReadOnlyDatabaseError,
)
from .faults import busy_timeout, read_only_reason, translate, translate_os
from .permissions import prepare_database_path
from .schema import APPLICATION_ID, CURRENT_VERSION, MIGRATIONS
from .schema_check import check_schema

SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError as exc:
        raise NotADatabaseError(path, f"cannot be read ({exc.strerror or exc})") from exc


def create_private_file(path: Path) -> None:
    """Create an empty file only the owner can read: it will hold people's contact details."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise
    except OSError as exc:
        raise translate_os(exc, path) from exc
    os.close(fd)


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A connection to `path` that waits `busy_timeout()` for another program's write to finish.
    (Tests wrap this to inject faults a real disk cannot be made to show on demand.)"""
    target: Path | str = f"{path.resolve().as_uri()}?mode=ro" if readonly else path
    return sqlite3.connect(target, uri=readonly, isolation_level=None, check_same_thread=False, timeout=busy_timeout())


class Database:
    """A checked, migrated connection to one group's file. Use `Database.open`."""

    def __init__(self, path: Path, connection: sqlite3.Connection, readonly: bool) -> None:
        self.path = path
        self.readonly = readonly  # asked for, or because the file or its folder cannot be written
        self._connection = connection
        # Workers (PDFs, seating) may read from threads; one lock keeps the connection's use serial.
        self._lock = threading.RLock()
        self._depth = 0
        self.migration_backups: list[Path] = []  # copies taken before this open upgraded the file
        self.permission_notices: list[str] = []  # files found readable by others, and made private

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str, *, create: bool = True, readonly: bool = False) -> Database:
        """Open (and create or migrate) the database at `path`.

        Raises a DatabaseError subclass, leaving the file as it was, when the file is not a
        tablesession database, is damaged, or was written by a newer version. A file the operating
        system will not let us write is opened read-only (`readonly` is then True): reading works, and
        a change raises ReadOnlyDatabaseError.
        """
        path = Path(path).expanduser()
        notices = prepare_database_path(path, create=create and not readonly)
        is_new = not path.exists()
        if is_new:
            if not create or readonly:
                raise NotADatabaseError(path, "no such database file")
            create_private_file(path)
        elif path.is_dir():
            raise NotADatabaseError(path, "is a folder, not a database file")
        elif path.stat().st_size > 0 and not _looks_like_sqlite(path):
            raise NotADatabaseError(path, "is not a tablesession database (it is not an SQLite file)")
        elif read_only_reason(path):
            readonly = True

        try:
            connection = connect(path, readonly=readonly)
        except sqlite3.Error as exc:
            raise translate(exc, path) or NotADatabaseError(path, f"cannot be opened ({exc})") from exc
        connection.row_factory = sqlite3.Row
        try:
            version = cls._check(path, connection)
        except BaseException:
            connection.close()
            raise
        database = cls(path, connection, readonly)
        database.permission_notices = notices
        try:
            with database._plain_words():
                database._configure()
                if version < CURRENT_VERSION:
                    database._upgrade(version)
        except BaseException:
            connection.close()
            raise
        return database

    @classmethod
    def check_file(cls, path: Path | str) -> int:
        """The schema version of an existing file, read without writing; raises like `open` for a file
        that is missing, not ours, damaged or newer. An older version is fine: opening migrates it."""
        path = Path(path).expanduser()
        if not path.is_file():
            raise NotADatabaseError(path, "no such database file")
        if not _looks_like_sqlite(path):
            raise NotADatabaseError(path, "is not a tablesession database (it is not an SQLite file)")
        try:
            connection = connect(path, readonly=True)
        except sqlite3.Error as exc:
            raise translate(exc, path) or NotADatabaseError(path, f"cannot be opened ({exc})") from exc
        try:
            return cls._check(path, connection)
        finally:
            connection.close()

    @staticmethod
    def _check(path: Path, connection: sqlite3.Connection) -> int:
        """Return the schema version, or raise without writing anything."""
        try:
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            has_tables = connection.execute("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").fetchone()[0]
            if application_id == APPLICATION_ID or has_tables:
                problems = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
                if problems != ["ok"]:
                    raise CorruptDatabaseError(path, f"is damaged ({problems[0]}); restore a backup")
            if application_id != APPLICATION_ID:
                if has_tables or application_id != 0:
                    raise NotADatabaseError(path, "is an SQLite file from another program, not a tablesession database")
                return 0
            if version > CURRENT_VERSION:
                raise NewerDatabaseError(
                    path,
                    f"was written by a newer tablesession (schema {version}, this version reads up to "
                    f"{CURRENT_VERSION}); upgrade tablesession to open it",
                )
            check_schema(path, connection, version, has_tables=bool(has_tables))
        except sqlite3.Error as exc:
            if "encrypted" in str(exc):
                raise NotADatabaseError(path, "is not a tablesession database (not a readable SQLite file)") from exc
            raise translate(exc, path, connection) or NotADatabaseError(path, f"cannot be read ({exc})") from exc
        return int(version)

    def _configure(self) -> None:
        self._connection.execute("PRAGMA foreign_keys = ON")
        if not self.readonly:
            self._connection.execute("PRAGMA journal_mode = WAL")
            # FULL: each commit reaches the disk before we say it happened.
            self._connection.execute("PRAGMA synchronous = FULL")

    def _upgrade(self, from_version: int) -> None:
        if self.readonly:
            reason = read_only_reason(self.path)
            if reason is None:  # asked for read-only: the controlling app upgrades it
                raise NewerDatabaseError(self.path, "needs upgrading; open it once in the controlling app first")
            raise ReadOnlyDatabaseError(
                self.path, f"needs upgrading to schema {CURRENT_VERSION} but is read-only ({reason}); allow writing"
            )
        self._migrate(from_version)

    def _migrate(self, from_version: int) -> None:
        if from_version > 0:
            from .backups import Backups

            self.migration_backups.append(Backups(self).take(f"before-schema-{CURRENT_VERSION}"))
        for version in range(from_version, CURRENT_VERSION):
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self._connection.execute(statement)
                self._connection.execute(f"PRAGMA user_version = {version + 1}")

    # -- use -------------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.scalar("PRAGMA user_version"))

    @contextlib.contextmanager
    def _plain_words(self) -> Iterator[None]:
        """Raise a busy, full, read-only or failing file as a DatabaseError saying so; constraint
        errors and bugs pass through as they are, for the code that expects them."""
        try:
            yield
        except sqlite3.Error as exc:
            error = translate(exc, self.path, self._connection)
            if error is None:
                raise
            raise error from exc

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic unit of work. Nested blocks join the outermost one."""
        with self._lock, self._plain_words():
            if self._depth == 0:
                self._connection.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self._connection
            except BaseException:
                self._depth -= 1
                if self._depth == 0 and self._connection.in_transaction:
                    self._connection.execute("ROLLBACK")
                raise
            self._depth -= 1
            if self._depth == 0:
                self._commit()

    def _commit(self) -> None:
        try:
            self._connection.execute("COMMIT")
        except sqlite3.Error:
            # A commit that failed (disk full) may leave the transaction open: end it, so the next
            # change does not silently join a half-done one.
            if self._connection.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.execute("ROLLBACK")
            raise

    @property
    def in_transaction(self) -> bool:
        return self._depth > 0

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement; outside a transaction block it commits on its own."""
        with self._lock, self._plain_words():
            return self._connection.execute(sql, parameters)

    def query(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        with self._lock, self._plain_words():
            return self._connection.execute(sql, parameters).fetchall()

    def scalar(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> Any:
        with self._lock, self._plain_words():
            row = self._connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def backup(self, destination: Path) -> Path:
        """Copy the database into `destination` with SQLite's online backup (consistent even while in use)."""
        if not destination.exists():
            create_private_file(destination)
        try:
            target = sqlite3.connect(destination)
            try:
                with self._lock:
                    self._connection.backup(target)
            finally:
                target.close()
        except sqlite3.Error as exc:
            error = translate(exc, destination) or DiskIOError(destination, f"the copy could not be written ({exc})")
            raise error from exc
        return destination

    def close(self) -> None:
        with self._lock:
            self._connection.close()
