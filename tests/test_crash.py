"""Killing the process (SIGKILL) at any moment loses nothing that was committed and half-writes nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sessions.models import Group, Meeting, Member
from sessions.store import Store
from tests.conftest import MEETING_DAY

ROOT = Path(__file__).resolve().parent.parent
PEOPLE = 400

CHECK_IN_BURST = textwrap.dedent(
    """
    import datetime as dt, sys
    from sessions.store import Store
    store = Store.open(sys.argv[1])
    meeting_id = int(sys.argv[2])
    for member_id in range(1, int(sys.argv[3]) + 1):
        store.attendance.check_in(meeting_id, member_id, dt.datetime.now(dt.UTC))
        print(member_id, flush=True)  # said only after the commit returned
    """
)

ONE_BIG_TRANSACTION = textwrap.dedent(
    """
    import sys
    from sessions.models import Member
    from sessions.store import Store
    store = Store.open(sys.argv[1])
    with store.transaction():
        for i in range(100000):
            store.members.add(Member(first_name=f"Import {i}", last_name="Row"))
            if i == 200:
                print("halfway", flush=True)
    """
)


def prepare(path: Path) -> int:
    with Store.opened(path) as store:
        store.save_group(Group(name="Crash test"))
        meeting = store.meetings.add(Meeting(date=MEETING_DAY))
        with store.transaction():
            for i in range(PEOPLE):
                store.members.add(Member(first_name=f"Person {i}", last_name="Test"))
        assert meeting.id is not None
        return meeting.id


def integrity(path: Path) -> str:
    connection = sqlite3.connect(path)
    try:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.parametrize("kill_after", [1, 57, 233])
def test_kill_during_a_burst_of_check_ins_loses_no_acknowledged_one(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "g.sqlite3"
    meeting_id = prepare(path)
    child = subprocess.Popen(
        [sys.executable, "-c", CHECK_IN_BURST, str(path), str(meeting_id), str(PEOPLE)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    acknowledged = [int(child.stdout.readline()) for _ in range(kill_after)]
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert integrity(path) == "ok"
    with Store.opened(path) as store:
        present = store.attendance.present_ids(meeting_id)
        assert set(acknowledged) <= present
        # Nothing beyond what the child could have committed in the moment before the kill.
        assert len(present) <= PEOPLE
        records = store.attendance.for_meeting(meeting_id)
        assert len(records) == len(present)  # no half-made rows


def test_kill_inside_one_transaction_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    prepare(path)
    child = subprocess.Popen(
        [sys.executable, "-c", ONE_BIG_TRANSACTION, str(path)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "halfway"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert integrity(path) == "ok"
    with Store.opened(path) as store:
        assert store.members.count() == PEOPLE


WRITER = textwrap.dedent(
    """
    import datetime as dt, sys
    from sessions.store import Store
    store = Store.open(sys.argv[1])
    meeting_id, first, last = (int(x) for x in sys.argv[2:5])
    for member_id in range(first, last + 1):
        store.attendance.check_in(meeting_id, member_id, dt.datetime.now(dt.UTC))
        store.members.update(store.members.get(member_id).model_copy(update={"notes": f"seen by {sys.argv[5]}"}))
    print("done", flush=True)
    """
)


def test_two_processes_writing_at_once_lose_nothing_and_a_reader_follows(tmp_path: Path) -> None:
    path = tmp_path / "g.sqlite3"
    meeting_id = prepare(path)
    half = PEOPLE // 2
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), str(meeting_id), str(first), str(last), name],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for first, last, name in ((1, half, "door"), (half + 1, PEOPLE, "laptop"))
    ]
    seen_by_reader: list[int] = []
    with Store.opened(path, readonly=True) as reader:
        while any(w.poll() is None for w in writers):
            seen_by_reader.append(len(reader.attendance.present_ids(meeting_id)))
    assert [w.communicate()[0].strip() for w in writers] == ["done", "done"]
    assert seen_by_reader == sorted(seen_by_reader)  # the reader only ever saw the count grow
    assert integrity(path) == "ok"
    with Store.opened(path) as store:
        assert len(store.attendance.present_ids(meeting_id)) == PEOPLE
        notes = {m.notes for m in store.members.all()}
        assert notes == {"seen by door", "seen by laptop"}
