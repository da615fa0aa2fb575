"""`tablesession seat` and `bench seating` through the real command line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock


def _room(path: Path, clock: FakeClock, present: int) -> int:
    with Store.opened(path) as store:
        meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly"))
        assert meeting.id is not None
        for i in range(present):
            member = store.members.add(Member(first_name=f"Guest{i}", last_name="Example", email=f"g{i}@example.com"))
            assert member.id is not None
            store.attendance.check_in(meeting.id, member.id, clock.now())
        return meeting.id


def test_seat_json_has_the_documented_shape_and_is_saved(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    meeting_id = _room(db, clock, 49)
    status = main(["--db", str(db), "seat", "--rounds", "4", "--seed", "3", "--json"], clock=clock)
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["meeting"] == meeting_id
    assert [r["round"] for r in data["rounds"]] == [1, 2, 3, 4]
    first = data["rounds"][0]["tables"][0]
    assert first["table"] == "1"
    assert set(first["seats"][0]) == {"member_id", "name"}
    assert first["seats"][0]["name"].startswith("Guest")
    assert data["stats"] == {
        "repeat_pairs": 0,
        "history_repeat_pairs": 0,
        "max_pair_meetings": 1,
        "new_pair_ratio": 1.0,
    }
    with Store.opened(db) as store:
        plan = store.seating.load(meeting_id)
        assert plan is not None
        assert len(plan.rounds) == 4


def test_seat_prints_tables_and_warns_when_the_minimum_gives(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    _room(db, clock, 9)
    status = main(["--db", str(db), "seat", "--rounds", "1", "--seed", "1"], clock=clock)
    captured = capsys.readouterr()
    assert status == 0
    assert "Table 1 (5)" in captured.out
    assert "below the minimum of 6" in captured.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--min", "9", "--max", "3"], "--min 9 is larger than --max 3"),
        (["--rounds", "0"], "--rounds must be at least 1"),
        (["--max", "40"], "--max must be between 2 and 20"),
        (["--tables", "2"], "ask for at least"),
        (["--room", "Window 1"], "--room: 'Window 1': write a table as NAME:CHAIRS"),
        (["--room", "1-3:8, Bar:six"], "--room: 'Bar:six': the number of chairs, 'six', is not a whole number"),
        (["--room", "5-1:8"], "--room: '5-1:8': the tables run from 5 down to 1; write 1-5"),
        (["--room", "1-4:8, Bar:1"], "--room: 'Bar:1': capacity: Input should be greater than or equal to 2"),
        (["--room", "1-4:8, bar a:6, Bar A:6"], "--room: table 'Bar A' is listed twice"),
        (["--room", "1-3:8"], "the room's 3 tables seat 24 people, but 30 are present"),
        (["--room", "1-5:8", "--tables", "6"], "--tables 6: the room has only 5 tables"),
    ],
)
def test_bad_options_get_one_line_and_status_2(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db = tmp_path / "g.sqlite3"
    _room(db, clock, 30)
    status = main(["--db", str(db), "seat", *args], clock=clock)
    err = capsys.readouterr().err
    assert status == 2
    assert message in err
    assert "Traceback" not in err


def test_seat_with_nobody_checked_in_says_so(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    _room(db, clock, 0)
    assert main(["--db", str(db), "seat"], clock=clock) == 2
    assert "no one is checked in" in capsys.readouterr().err


def test_a_room_given_once_labels_the_tables_and_is_kept(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    meeting_id = _room(db, clock, 30)
    assert main(["--db", str(db), "seat", "--room", "1-3:8, Bar A:6, Bar B:6", "--seed", "2"], clock=clock) == 0
    out = capsys.readouterr().out
    assert "a room of 5 tables, 36 chairs (1-3:8, Bar A:6, Bar B:6)" in out
    # Seated again without --room: the saved room still holds, and no table has more people than chairs.
    assert main(["--db", str(db), "seat", "--seed", "3", "--json"], clock=clock) == 0
    data = json.loads(capsys.readouterr().out)
    chairs = {"1": 8, "2": 8, "3": 8, "Bar A": 6, "Bar B": 6}
    for round_ in data["rounds"]:
        assert {t["table"] for t in round_["tables"]} <= set(chairs)
        assert all(len(t["seats"]) <= chairs[t["table"]] for t in round_["tables"])
        assert sum(len(t["seats"]) for t in round_["tables"]) == 30
    assert data["settings"]["room"][3] == {"name": "Bar A", "capacity": 6}
    # '' takes the room away.
    assert main(["--db", str(db), "seat", "--room", "", "--seed", "3"], clock=clock) == 0
    with Store.opened(db) as store:
        settings = store.seating_settings.get(meeting_id)
        assert settings is not None
        assert settings.room == ()


def test_plan_shows_the_saved_plan_without_seating_again(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    _room(db, clock, 14)
    assert main(["--db", str(db), "plan"], clock=clock) == 2
    assert "no seating plan yet" in capsys.readouterr().err
    assert main(["--db", str(db), "seat", "--rounds", "3", "--seed", "5", "--json"], clock=clock) == 0
    seated = json.loads(capsys.readouterr().out)
    with Store.opened(db) as store:
        before = store.seating.load(seated["meeting"])
    assert main(["--db", str(db), "plan", "--json"], clock=clock) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["rounds"], shown["stats"], shown["seed"]) == (seated["rounds"], seated["stats"], seated["seed"])
    with Store.opened(db) as store:
        assert store.seating.load(seated["meeting"]) == before  # shown, not seated again
    assert main(["--db", str(db), "plan", "--round", "2"], clock=clock) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("round 2 of 3, seed 5")
    assert "Round 2" in out
    assert not any(line.startswith("Round 1") or line.startswith("Round 3") for line in out)
    table_lines = [line for line in out if line.startswith("  Table ")]
    assert sum(line.count("Guest") for line in table_lines) == 14
    assert main(["--db", str(db), "plan", "--round", "4"], clock=clock) == 2
    assert "--round 4: " in capsys.readouterr().err
