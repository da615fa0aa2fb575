"""Faults a real disk cannot be made to show on demand, injected where the store connects to SQLite,
and the other programs and tampering the fault tests put in the store's way."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sessions.models import Group, Meeting
from sessions.store import Store, database
from sessions.store.lock import lock_path
from sessions.timekeeping import Clock
from tests.conftest import MEETING_DAY, make_member

DISK_FULL = "database or disk is full"
READ_ONLY = "attempt to write a readonly database"
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN IMMEDIATE", "CREATE", "DROP", "ALTER")


def build_group_file(path: Path, clock: Clock) -> Path:
    """A meeting today with three of four members checked in (Kwame is not): every writing command and
    app action has work to do."""
    with Store.opened(path) as store:
        store.save_group(Group(name="Fault test group"))
        meeting = store.meetings.add(Meeting(date=MEETING_DAY, title="Weekly networking"))
        assert meeting.id is not None
        for first, last in (("Olga", "Dubois"), ("Jordan", "Cohen"), ("Mei", "Lindqvist"), ("Kwame", "Osei")):
            member = store.members.add(make_member(first, last))
            assert member.id is not None
            store.attendance.register(meeting.id, member.id, source="test")
            if first != "Kwame":
                store.attendance.check_in(meeting.id, member.id, clock.now())
        # Each meeting's first change keeps a copy first: take it now, so the tests compare the file alone.
        store.backups.ensure_for_meeting(meeting.id)
    return path


class FaultyConnection:
    """A real connection whose statements that write fail as SQLite fails them (or every statement,
    for a fault that strikes while the file is being opened)."""

    def __init__(self, real: sqlite3.Connection, message: str, *, reads_too: bool, failing: tuple[str, ...]) -> None:
        self._real = real
        self._message = message
        self._reads_too = reads_too
        self._failing = failing

    def execute(self, sql: str, parameters: Any = ()) -> sqlite3.Cursor:
        if self._reads_too or sql.lstrip().upper().startswith(self._failing):
            raise sqlite3.OperationalError(self._message)
        return self._real.execute(sql, parameters)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)

    def __setattr__(self, name: str, value: Any) -> None:
        if name.startswith("_"):
            object.__setattr__(self, name, value)
        else:
            setattr(self._real, name, value)


def inject(
    monkeypatch: pytest.MonkeyPatch, message: str, *, reads_too: bool = False, failing: tuple[str, ...] = _WRITES
) -> None:
    """From now on every connection the store opens fails its writes (or the `failing` statements) with `message`."""
    real_connect = database.connect

    def faulty(path: Path, *, readonly: bool) -> sqlite3.Connection:
        connection: Any = FaultyConnection(
            real_connect(path, readonly=readonly), message, reads_too=reads_too, failing=failing
        )
        return connection  # type: ignore[no-any-return]

    monkeypatch.setattr(database, "connect", faulty)


@contextlib.contextmanager
def write_lock_held(path: Path, holder: str | None = None) -> Iterator[None]:
    """Another program holds the file's write lock (and, with `holder`, the app's lock file names it)."""
    other = sqlite3.connect(path, isolation_level=None)
    lock_file = None
    try:
        if holder is not None:
            lock_file = lock_path(path).open("w", encoding="utf-8")
            lock_file.write(holder)
            lock_file.flush()
            import fcntl

            fcntl.flock(lock_file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        other.execute("BEGIN IMMEDIATE")
        yield
    finally:
        other.close()
        if lock_file is not None:
            lock_file.close()


def content(path: Path) -> list[str]:
    """Everything the file holds, as SQL, to show a refused change left it exactly as it was."""
    with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as connection:
        return list(connection.iterdump())


@contextlib.contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make `path` (a file or folder) really unwritable for this process, or skip the test.

    Root ignores permission bits, so as root the file is made immutable (chattr +i) instead."""
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    immutable = False
    if os.geteuid() == 0 and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode == 0
    try:
        if os.access(path, os.W_OK):
            pytest.skip("this machine cannot make a file read-only for this user (no chattr)")
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(mode)


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A small tmpfs mounted at `folder`, for the test to fill; skips where the machine allows no mount."""
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small disk needs root")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)], capture_output=True, check=False
    )
    if mounted.returncode != 0:
        pytest.skip(f"this machine allows no tmpfs mount ({mounted.stderr.decode().strip()})")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def fill(folder: Path) -> None:
    """Write a file until the disk holding `folder` has no room left."""
    with contextlib.suppress(OSError), (folder / "filler").open("wb", buffering=0) as handle:
        while True:  # until the disk says no more (ENOSPC)
            handle.write(b"x" * 4096)
    assert shutil.disk_usage(folder).free < 4096
