"""`tablesession meeting set`: change a meeting's tables or pitch clock after it was created."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.store import Store
from sessions.timekeeping import FakeClock


def run(args: list[str], clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args, clock=clock)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def shown(db: str, clock: FakeClock, capsys: pytest.CaptureFixture[str], *extra: str) -> dict[str, object]:
    status, out, _ = run(["--db", db, "meeting", "show", "--json", *extra], clock, capsys)
    assert status == 0
    data: dict[str, object] = json.loads(out)
    return data


def test_set_changes_only_what_is_given(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "group.sqlite3")
    run(["--db", db, "meeting", "new", "--title", "Weekly", "--venue", "Room B", "--max", "7"], clock, capsys)

    status, out, _ = run(["--db", db, "meeting", "set", "--turn", "4:00", "--changeover", "0:15"], clock, capsys)

    assert status == 0
    assert "pitch: 4:00, warning 1:00 before the end, changeover 0:15" in out
    meeting = shown(db, clock, capsys)
    assert (meeting["turn_seconds"], meeting["warning_seconds"], meeting["changeover_seconds"]) == (240, 60, 15)
    unchanged = (meeting["title"], meeting["venue"], meeting["table_min"], meeting["table_max"])
    assert unchanged == ("Weekly", "Room B", 6, 7)


def test_a_shorter_turn_and_warning_are_checked_together(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 0:30 turn is shorter than the default 1:00 warning: only the pair given together is valid."""
    db = str(tmp_path / "group.sqlite3")
    run(["--db", db, "meeting", "new"], clock, capsys)

    status, _, _ = run(["--db", db, "meeting", "set", "--turn", "0:30", "--warning", "0:25"], clock, capsys)

    assert status == 0
    meeting = shown(db, clock, capsys)
    assert (meeting["turn_seconds"], meeting["warning_seconds"]) == (30, 25)


def test_set_picks_the_meeting_named_by_id_or_date(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "group.sqlite3")
    run(["--db", db, "meeting", "new", "--date", "2026-11-17"], clock, capsys)
    run(["--db", db, "meeting", "new"], clock, capsys)

    status, _, _ = run(["--db", db, "meeting", "set", "--meeting", "2026-11-17", "--title", "Earlier"], clock, capsys)

    assert status == 0
    assert shown(db, clock, capsys, "--meeting", "1")["title"] == "Earlier"
    assert shown(db, clock, capsys)["title"] == ""


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "say what to change: --turn"),
        (["--turn", "0:10"], "greater than or equal to 30"),
        (["--warning", "5:00"], "warning_seconds must be shorter than the turn"),
        (["--min", "9"], "table_min (9) is larger than table_max (8)"),
        (["--turn", "soon"], "is not a duration like 5:00"),
        (["--meeting", "2026-01-01", "--turn", "4:00"], "no meeting on 2026-01-01"),
    ],
)
def test_a_refused_change_says_why_and_changes_nothing(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    db = str(tmp_path / "group.sqlite3")
    run(["--db", db, "meeting", "new"], clock, capsys)
    before = shown(db, clock, capsys)

    status, out, err = run(["--db", db, "meeting", "set", *args], clock, capsys)

    assert status == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""
    with Store.opened(Path(db), readonly=True) as store:
        assert store.meetings.get(1).model_dump(mode="json") == {
            key: value for key, value in before.items() if key not in ("registered", "checked_in", "rounds", "seating")
        }
