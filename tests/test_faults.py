"""A busy, full, read-only or tampered group file: every command and the app say so in plain words,
exit 2, show no traceback and leave the file exactly as it was."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Group
from sessions.store import BUSY_TIMEOUT_ENV, DiskFullError, ReadOnlyDatabaseError, Store
from sessions.timekeeping import FakeClock
from tests.conftest import make_member
from tests.faults import (
    DISK_FULL,
    READ_ONLY,
    build_group_file,
    content,
    fill,
    full_disk,
    inject,
    read_only,
    write_lock_held,
)

ROOT = Path(__file__).resolve().parent.parent
SHORT_WAIT = "0.2"  # seconds a test waits for a busy file, instead of the 5 a facilitator waits

# Every command that changes the file, as a facilitator would type it.
WRITING = {
    "seat": ["seat", "--rounds", "1", "--seed", "1"],
    "forget": ["forget", "--yes", "mei.lindqvist@example.com"],
    "group --name": ["group", "--name", "Renamed group"],
    "rules": ["rules", "apart", "1", "2"],
    "checkin": ["checkin", "Kwame"],
    "meeting new": ["meeting", "new", "--date", "2026-12-01"],
    "meeting set": ["meeting", "set", "--turn", "75"],
}
READING = {"members": ["members"], "attendance": ["attendance"], "meeting list": ["meeting", "list"]}


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, SHORT_WAIT)


@pytest.fixture
def group_file(tmp_path: Path, clock: FakeClock) -> Path:
    return build_group_file(tmp_path / "group.sqlite3", clock)


Cli = Callable[[list[str]], tuple[int, str]]


@pytest.fixture
def cli(group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> Cli:
    """`tablesession --db GROUP_FILE ...` run in-process: its exit status and what it printed on stderr."""
    return lambda argv: run(group_file, argv, clock, capsys)


def run(path: Path, argv: list[str], clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["--db", str(path), *argv], clock=clock)
    return code, capsys.readouterr().err


def assert_refused(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]


# -- another program holds the write lock ---------------------------------------------------------------


@pytest.mark.parametrize("command", WRITING)
def test_a_held_write_lock_is_waited_for_then_named_and_nothing_changes(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    before = content(group_file)
    with write_lock_held(group_file):
        started = time.monotonic()
        code, err = run(group_file, WRITING[command], clock, capsys)
        waited = time.monotonic() - started
    assert_refused(code, err, str(group_file), "another program is using the group file", "nothing was changed")
    assert waited >= float(SHORT_WAIT)  # it waited for the other program before giving up
    assert content(group_file) == before


def test_the_busy_message_names_the_app_holding_the_file(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    with write_lock_held(group_file, holder="pid 4242, since 18:05"):
        code, err = run(group_file, WRITING["checkin"], clock, capsys)
    assert_refused(code, err, "another program is using the group file", "pid 4242, since 18:05")


def test_the_wait_is_read_from_the_environment_and_a_bad_value_is_named(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "soon")
    code, err = run(group_file, READING["members"], clock, capsys)
    assert_refused(code, err, BUSY_TIMEOUT_ENV, "'soon'")


# -- the disk is full, or the file read-only (injected: root writes through permissions) --------------

INJECTED = {
    "disk full": (DISK_FULL, ("the disk is full", "no room left in {folder}", "nothing was saved")),
    "read-only": (READ_ONLY, ("{path}", "is read-only", "nothing was changed")),
}


@pytest.mark.parametrize("fault", INJECTED)
@pytest.mark.parametrize("command", WRITING)
def test_a_full_disk_or_read_only_file_is_named_as_such_never_damaged(
    group_file: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch, command: str, fault: str
) -> None:
    message, words = INJECTED[fault]
    before = content(group_file)
    inject(monkeypatch, message)
    code, err = cli(WRITING[command])
    assert_refused(code, err, *(word.format(folder=group_file.parent, path=group_file) for word in words))
    assert "is damaged" not in err
    assert content(group_file) == before


def test_a_really_full_disk_refuses_every_change_and_still_reads(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    with full_disk(tmp_path / "small-disk") as folder:
        path = build_group_file(folder / "group.sqlite3", clock)
        before = content(path)
        fill(folder)
        for argv in WRITING.values():
            code, err = run(path, argv, clock, capsys)
            assert_refused(code, err, "the disk is full", f"no room left in {folder}")
        for argv in READING.values():
            code, err = run(path, argv, clock, capsys)
            assert code == 0, err
        assert content(path) == before


def test_a_full_disk_while_opening_is_not_called_damaged(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = content(group_file)
    inject(monkeypatch, DISK_FULL, reads_too=True)
    code, err = run(group_file, READING["members"], clock, capsys)
    assert_refused(code, err, "the disk is full")
    assert "is damaged" not in err
    assert "restore a backup" not in err
    assert content(group_file) == before


def test_a_commit_the_full_disk_refuses_leaves_no_transaction_open(
    group_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failed COMMIT must end its transaction: a later change would otherwise join the half-done one."""
    inject(monkeypatch, DISK_FULL, failing=("COMMIT",))
    with Store.opened(group_file) as store:
        with pytest.raises(DiskFullError), store.transaction():
            store.members.add(make_member("Ana", "Ruiz"))
        assert not store.db.in_transaction
        assert store.members.count() == 4
        store.save_group(Group(name="Renamed"))  # commits on its own, alone
    with Store.opened(group_file, readonly=True) as store:
        assert store.group.name == "Renamed"
        assert store.members.count() == 4


def test_damaged_is_said_only_when_the_integrity_check_fails(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite reporting 'malformed' on a file its own check finds intact is not a reason to restore a backup."""
    inject(monkeypatch, "database disk image is malformed")
    code, err = run(group_file, WRITING["checkin"], clock, capsys)
    assert_refused(code, err, "SQLite finds it intact")
    assert "is damaged" not in err


# -- read-only for real ---------------------------------------------------------------------------------


def test_a_store_opened_read_only_refuses_writes_in_plain_words(group_file: Path) -> None:
    """SQLite's own read-only connection (mode=ro), as the projector view opens it: root cannot write through it."""
    with Store.opened(group_file, readonly=True) as store:
        assert store.members.count() == 4  # reading works
        with pytest.raises(ReadOnlyDatabaseError, match="is read-only"):
            store.save_group(Group(name="Renamed"))
        with pytest.raises(ReadOnlyDatabaseError, match="is read-only"), store.transaction():
            store.members.add(make_member("Ana", "Ruiz"))


@contextlib.contextmanager
def unwritable(path: Path, what: str) -> Iterator[None]:
    with read_only(path if what == "file" else path.parent):
        yield


@pytest.mark.parametrize("what", ["file", "folder"])
def test_a_read_only_file_or_folder_reads_refuses_writes_and_the_app_says_why(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], what: str
) -> None:
    before = content(group_file)
    with unwritable(group_file, what):
        for argv in READING.values():
            code, err = run(group_file, argv, clock, capsys)
            assert code == 0, err
        for argv in WRITING.values():
            code, err = run(group_file, argv, clock, capsys)
            assert_refused(code, err, "is read-only", "cannot be written")
        code, err = run(group_file, [], clock, capsys)  # no command: the app
        assert_refused(code, err, "is read-only", "the app cannot save check-ins")
    assert content(group_file) == before


# -- a tampered schema ----------------------------------------------------------------------------------

TAMPERING = {
    "table dropped": ("DROP TABLE seating_rule_members", "table 'seating_rule_members' is missing"),
    "column dropped": ("ALTER TABLE members DROP COLUMN headline", "table 'members' has no column 'headline'"),
    "version zeroed": ("PRAGMA user_version = 0", "says schema version 0 but already holds tables"),
    "not json": (
        "UPDATE members SET employers = 'not json' WHERE id = 2",
        "table 'members', row 2, column 'employers' does not hold valid JSON",
    ),
}


def tamper(path: Path, statement: str) -> None:
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as connection:
        connection.execute(statement)


@pytest.mark.parametrize("case", TAMPERING)
def test_a_tampered_file_is_refused_at_open_naming_what_is_wrong(
    group_file: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    statement, problem = TAMPERING[case]
    tamper(group_file, statement)
    before = content(group_file)
    for argv in [*READING.values(), *WRITING.values(), []]:  # [] opens the app
        code, err = run(group_file, argv, clock, capsys)
        assert_refused(code, err, str(group_file), problem, "changed outside tablesession")
    assert content(group_file) == before


def test_the_schema_check_at_open_stays_cheap(tmp_path: Path) -> None:
    """Every command opens the file: checking it must not be felt even with thousands of members."""
    path = tmp_path / "big.sqlite3"
    with Store.opened(path) as store, store.transaction():
        for i in range(3000):
            store.members.add(make_member(f"Person{i}", "Example", employers=["Acme"], subgroups=["HR"]))
    started = time.perf_counter()
    Store.open(path).close()
    assert time.perf_counter() - started < 0.5


# -- the one cell run as a user would: nothing but the message reaches the terminal ---------------------


def test_a_real_command_on_a_busy_file_prints_one_line_and_no_traceback(group_file: Path) -> None:
    environment = {**os.environ, BUSY_TIMEOUT_ENV: SHORT_WAIT, "HOME": str(group_file.parent)}
    with write_lock_held(group_file, holder="pid 4242, since 18:05"):
        done = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(group_file), "checkin", "Kwame"],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert "another program is using the group file" in done.stderr
