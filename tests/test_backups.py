"""Backups before each meeting's first change, on request and before migrations; restore; one controller."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Meeting, Member
from sessions.store import BUSY_TIMEOUT_ENV, ControllerBusyError, ControllerLock, Store, list_backups, restore_backup
from sessions.store.backups import Backups
from sessions.timekeeping import FakeClock
from tests.conftest import MEETING_DAY


def names(path: Path) -> list[str]:
    with Store.opened(path, readonly=True) as store:
        return [m.full_name for m in store.members.all()]


def test_one_copy_per_meeting_before_its_first_change(store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    store.members.add(Member(first_name="Ana", last_name="Before"))
    first = store.backups.ensure_for_meeting(meeting.id)
    assert first is not None
    assert store.backups.ensure_for_meeting(meeting.id) is None
    store.members.add(Member(first_name="Bo", last_name="After"))
    assert names(first) == ["Ana Before"]
    assert os.stat(first).st_mode & 0o077 == 0
    other = store.meetings.add(Meeting(date=MEETING_DAY + dt.timedelta(days=7)))
    assert store.backups.ensure_for_meeting(other.id or 0) is not None
    assert [b.reason for b in store.backups.all()] == [f"meeting-{meeting.id}", f"meeting-{other.id}"]


def test_only_the_newest_copies_are_kept(store: Store) -> None:
    backups = Backups(store.db, keep=3)
    taken = [backups.take(f"manual-{i}") for i in range(5)]
    assert [b.path for b in backups.all()] == taken[2:]


def test_cli_backup_list_and_restore(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept"))
    assert main(["backup", "--db", str(db)], clock=clock) == 0
    copy = Path(capsys.readouterr().out.strip().removeprefix("backed up to "))
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Bo", last_name="Later"))
    assert main(["backup", "--list", "--db", str(db)], clock=clock) == 0
    listing = capsys.readouterr().out
    assert "manual" in listing
    assert str(copy) in listing
    assert main(["restore", str(copy), "--db", str(db)], clock=clock) == 0
    out = capsys.readouterr().out
    assert f"restored {db}" in out
    assert names(db) == ["Ana Kept"]
    safety = [b for b in list_backups(db) if b.reason == "before-restore"]
    assert len(safety) == 1
    assert names(safety[0].path) == ["Ana Kept", "Bo Later"]


def test_restore_refuses_a_file_that_is_not_a_backup(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept"))
    bogus = tmp_path / "attendees.csv"
    bogus.write_text("First Name,Last Name\nAda,Quinn\n")
    assert main(["restore", str(bogus), "--db", str(db)], clock=clock) == 2
    assert "is not a tablesession database" in capsys.readouterr().err
    assert main(["restore", str(tmp_path / "missing.sqlite3"), "--db", str(db)], clock=clock) == 2
    assert "no such file" in capsys.readouterr().err
    assert names(db) == ["Ana Kept"]


def test_commands_on_a_meeting_keep_a_copy_first(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    main(["meeting", "new", "--db", str(db)], clock=clock)
    main(["meeting", "show", "--db", str(db)], clock=clock)
    main(["meeting", "show", "--db", str(db)], clock=clock)
    assert [b.reason for b in list_backups(db)] == ["meeting-1"]


def test_a_second_controller_is_refused_with_a_clear_message(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "g.sqlite3"
    Store.open(db).close()
    with ControllerLock(db) as first:
        first.acquire(clock.now())
        with pytest.raises(ControllerBusyError, match=r"already open in another tablesession \(pid \d+, since 18:30\)"):
            ControllerLock(db).acquire(clock.now())
        with pytest.raises(ControllerBusyError):
            restore_backup(db, db, clock.now())
    ControllerLock(db).acquire(clock.now())  # free again once the first let go


HOLD_LOCK = textwrap.dedent(
    """
    import datetime as dt, sys, time
    from pathlib import Path
    from sessions.store import ControllerLock
    lock = ControllerLock(Path(sys.argv[1]))
    lock.acquire(dt.datetime.now(dt.UTC))
    print("locked", flush=True)
    time.sleep(60)
    """
)


def test_a_killed_controller_leaves_no_stale_lock(tmp_path: Path, clock: FakeClock) -> None:
    db = tmp_path / "g.sqlite3"
    root = Path(__file__).resolve().parent.parent
    holder = subprocess.Popen([sys.executable, "-c", HOLD_LOCK, str(db)], cwd=root, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        result = subprocess.run(
            [sys.executable, "-m", "app", "--db", str(db)], cwd=root, capture_output=True, text=True, check=False
        )
        assert result.returncode == 2
        assert "already open in another tablesession" in result.stderr
        assert "clock --follow" in result.stderr
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    ControllerLock(db).acquire(clock.now())


def test_the_demo_is_not_reset_under_a_running_app(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "demo.sqlite3"
    assert main(["demo", "--no-open", "--db", str(db)], clock=clock) == 0
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Added", last_name="Live"))
    with ControllerLock(db) as running_app:
        running_app.acquire(clock.now())
        assert main(["demo", "--no-open", "--db", str(db)], clock=clock) == 2
        assert "already open in another tablesession" in capsys.readouterr().err
    assert "Added Live" in names(db)
    assert main(["demo", "--no-open", "--db", str(db)], clock=clock) == 0  # reset once the app is closed
    assert "Added Live" not in names(db)


def test_restore_onto_a_file_another_program_is_writing_says_so_and_changes_nothing(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "0.2")
    db = tmp_path / "g.sqlite3"
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept"))
    assert main(["backup", "--db", str(db)], clock=clock) == 0
    copy = Path(capsys.readouterr().out.strip().removeprefix("backed up to "))
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Bo", last_name="Later"))
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a change
    try:
        assert main(["restore", str(copy), "--db", str(db)], clock=clock) == 2
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    err = capsys.readouterr().err
    assert "another program is using the group file" in err
    assert "Traceback" not in err
    assert names(db) == ["Ana Kept", "Bo Later"]
