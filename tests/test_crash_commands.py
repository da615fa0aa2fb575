"""SIGKILL in the middle of real commands: an import, a seating run. On restart nothing is half-written."""

from __future__ import annotations

import datetime as dt
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sessions.checkin.benchmark import write_eventbrite_export
from sessions.store import Store
from tests.test_crash import integrity

ROOT = Path(__file__).resolve().parent.parent
IMPORT_ROWS = 5000
# Moments (seconds after launch) to pull the plug: while starting, while reading, while writing.
KILL_POINTS = (0.3, 0.8, 1.4)


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", str(db), *args]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def kill_after(arguments: list[str], seconds: float) -> int | None:
    """Run a command and SIGKILL it after `seconds` (if still running); its exit code, or None if killed."""
    child = subprocess.Popen(arguments, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        child.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        child.send_signal(signal.SIGKILL)
        child.wait()
        return None
    return child.returncode


@pytest.mark.parametrize("seconds", KILL_POINTS)
def test_a_killed_import_leaves_the_database_as_it_was(tmp_path: Path, seconds: float) -> None:
    db = tmp_path / "g.sqlite3"
    subprocess.run(command(db, "meeting", "new", "--date", "2026-11-24"), cwd=ROOT, check=True, capture_output=True)
    export = tmp_path / "eventbrite.csv"
    write_eventbrite_export(export, IMPORT_ROWS, random.Random(3))
    finished = kill_after(command(db, "import", str(export), "--meeting", "2026-11-24"), seconds)
    assert integrity(db) == "ok"
    with Store.opened(db) as store:
        members = store.members.count()
        assert len(store.meetings.all()) == 1  # the meeting made before the import is untouched
    if finished is not None:
        assert finished == 0
    # All or nothing: a kill may land before the commit (nothing) or after it, while the command prints
    # its summary (everything); never a part.
    assert members in (0, complete_import_count(tmp_path, export))


def complete_import_count(tmp_path: Path, export: Path) -> int:
    reference = tmp_path / "reference.sqlite3"
    subprocess.run(command(reference, "meeting", "new", "--date", "2026-11-24"), cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run(command(reference, "import", str(export)), cwd=ROOT, check=True, capture_output=True)
    with Store.opened(reference) as store:
        return store.members.count()


def test_a_killed_seating_run_keeps_the_plan_that_was_saved(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    subprocess.run(command(db, "demo", "--no-open"), cwd=ROOT, check=True, capture_output=True)
    with Store.opened(db) as store:
        meeting = store.meetings.current(store.meetings.all()[-1].date)
        assert meeting is not None
        for member, _ in store.attendance.roster(meeting.id or 0):
            store.attendance.check_in(meeting.id or 0, member.id or 0, dt.datetime.now(dt.UTC))
    subprocess.run(command(db, "seat", "--rounds", "2", "--seed", "1", "--time-limit", "1"), cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    with Store.opened(db) as store:
        saved = store.seating.load(meeting.id or 0)
    assert saved is not None
    # Seven rounds of 42 people force repeats, so the search runs to its time limit: kill it midway.
    start = time.monotonic()
    finished = kill_after(command(db, "seat", "--rounds", "7", "--time-limit", "30"), 2.0)
    assert finished is None, "the seating run ended before it could be killed"
    assert time.monotonic() - start < 30
    assert integrity(db) == "ok"
    with Store.opened(db) as store:
        assert store.seating.load(meeting.id or 0) == saved
