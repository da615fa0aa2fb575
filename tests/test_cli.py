"""The command line: commands, --db anywhere, and one-line errors with exit status 2."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

import sessions
from app.cli.main import main
from sessions.models import SeatingSettings, parse_room
from sessions.store import Store
from sessions.timekeeping import FakeClock


def run(args: list[str], clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args, clock=clock)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_version(clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["--version"], clock, capsys)
    assert status == 0
    assert out.strip() == f"tablesession {sessions.__version__}"


def test_meeting_new_and_list_with_db_before_or_after_the_command(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "g.sqlite3")
    status, out, _ = run(["--db", db, "meeting", "new", "--title", "Weekly", "--turn", "4:30"], clock, capsys)
    assert status == 0
    assert "created meeting 1" in out
    status, out, _ = run(["meeting", "new", "--date", "2026-12-01", f"--db={db}"], clock, capsys)
    assert status == 0
    status, out, _ = run(["meeting", "list", "--json", "--db", db], clock, capsys)
    meetings = json.loads(out)
    assert [(m["date"], m["current"]) for m in meetings] == [("2026-11-24", True), ("2026-12-01", False)]
    assert meetings[0]["turn_seconds"] == 270
    status, out, _ = run(["meeting", "list", "--db", db], clock, capsys)
    assert "* current meeting: Tue 24 Nov 2026 - Weekly" in out


def test_meeting_show_picks_a_meeting_by_id_or_date(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "g.sqlite3")
    run(["--db", db, "meeting", "new", "--date", "2026-11-17", "--title", "Earlier"], clock, capsys)
    run(["--db", db, "meeting", "new", "--title", "Today", "--changeover", "0:45"], clock, capsys)
    _, out, _ = run(["--db", db, "meeting", "show", "--json"], clock, capsys)
    assert json.loads(out)["title"] == "Today"
    _, out, _ = run(["--db", db, "meeting", "show", "--meeting", "2026-11-17", "--json"], clock, capsys)
    assert json.loads(out)["title"] == "Earlier"
    _, out, _ = run(["--db", db, "meeting", "show", "--meeting", "2"], clock, capsys)
    assert "changeover 0:45" in out
    status, _, err = run(["--db", db, "meeting", "show", "--meeting", "2026-02-30"], clock, capsys)
    assert status == 2
    assert "expected a meeting id or a date" in err


def test_members_lists_the_group(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run(["demo", "--no-open", "--db", str(db)], clock, capsys)[0] == 0
    status, out, _ = run(["members", "--json", "--db", str(db)], clock, capsys)
    members = json.loads(out)
    assert status == 0
    assert len(members) == 48
    assert all(m["email"].endswith("@example.com") for m in members)
    status, out, _ = run(["members", "--db", str(db)], clock, capsys)
    assert out.strip().endswith("48 members")


def test_default_database_lives_in_the_user_data_dir(
    private_data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["members"], clock, capsys)
    assert status == 0
    assert "0 members" in out
    assert (private_data_dir / "tablesession" / "group.sqlite3").exists()


def test_demo_uses_its_own_database_and_resets_on_rerun(
    private_data_dir: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        status, out, _ = run(["demo", "--no-open"], clock, capsys)
        assert status == 0
        assert "48 members, 3 meetings" in out
    demo = private_data_dir / "tablesession" / "demo.sqlite3"
    with Store.opened(demo) as store:
        assert store.members.count() == 48
        assert store.group.is_demo
    assert not (private_data_dir / "tablesession" / "group.sqlite3").exists()


def test_demo_refuses_to_overwrite_a_real_group(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "real.sqlite3")
    run(["--db", db, "meeting", "new"], clock, capsys)
    status, _, err = run(["demo", "--no-open", "--db", db], clock, capsys)
    assert status == 2
    assert "holds a real group's data" in err
    with Store.opened(db) as store:
        assert len(store.meetings.all()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["meeting", "new", "--date", "2026-13-01"], "is not a date like 2026-11-24"),
        (["meeting", "new", "--turn", "five"], "is not a duration like 5:00"),
        (["meeting", "new", "--min", "9", "--max", "8"], "table_min (9) is larger than table_max (8)"),
        (["meeting", "show"], "there are no meetings yet"),
        (["members", "--db"], "--db needs a file path"),
    ],
)
def test_mistakes_get_one_clear_line_and_status_2(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    args = args if "--db" in args else [*args, "--db", str(tmp_path / "g.sqlite3")]
    status, _, err = run(args, clock, capsys)
    assert status == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_a_second_meeting_on_the_same_day_is_refused(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "g.sqlite3")
    run(["--db", db, "meeting", "new"], clock, capsys)
    status, _, err = run(["--db", db, "meeting", "new"], clock, capsys)
    assert status == 2
    assert "already a meeting on 2026-11-24 (id 1)" in err


def test_group_can_be_renamed(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "g.sqlite3")
    status, out, _ = run(["--db", db, "group", "--name", "North Texas Job Seekers", "--region", "us"], clock, capsys)
    assert status == 0
    assert "group: North Texas Job Seekers" in out
    assert "phone region: US" in out
    status, _, err = run(["--db", db, "group", "--region", "USA"], clock, capsys)
    assert status == 2
    assert "default region" in err


def test_no_command_opens_the_app_on_the_group_database(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.tui.app import TableSessionApp

    opened: list[Path] = []
    monkeypatch.setattr(TableSessionApp, "run", lambda self, *a, **k: opened.append(self.store.path))
    db = tmp_path / "g.sqlite3"
    assert run(["--db", str(db)], clock, capsys)[0] == 0
    assert opened == [db]


def test_bench_store_prints_its_figures(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(["bench", "store", "--json", "--db", str(tmp_path / "g.sqlite3")], clock, capsys)
    figures = json.loads(out)
    assert status == 0
    assert figures["check_ins"] == 300
    assert 0 < figures["median_ms"] <= figures["max_ms"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Order #,First Name\n1,Ada\n", "is not a tablesession database (it is not an SQLite file)"),
        (b"SQLite format 3\x00" + b"\x00" * 84 + random.Random(7).randbytes(4000), "not a tablesession database"),
    ],
    ids=["csv", "garbled-sqlite"],
)
def test_installed_command_refuses_a_bad_database_without_a_traceback(
    tmp_path: Path, content: bytes, message: str
) -> None:
    db = tmp_path / "bad.sqlite3"
    db.write_bytes(content)
    result = subprocess.run(
        [sys.executable, "-m", "app", "members", "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_DATA_HOME": str(tmp_path)},
    )
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == content


def test_meeting_show_says_how_the_next_plan_will_seat(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "g.sqlite3")
    run(["--db", db, "meeting", "new", "--date", "2026-11-17", "--title", "Earlier"], clock, capsys)
    with Store.opened(Path(db)) as store:
        earlier = store.meetings.all()[0]
        assert earlier.id is not None
        store.seating_settings.save(earlier.id, SeatingSettings(rounds=3, tables=4, room=parse_room("1-4:8, Bar:6")))
    run(["--db", db, "meeting", "new", "--title", "Today"], clock, capsys)
    _, out, _ = run(["--db", db, "meeting", "show", "--meeting", "2026-11-17"], clock, capsys)
    assert "seating: 3 rounds, tables of 6-8, 4 tables, a room of 5 tables, 38 chairs (1-4:8, Bar:6)" in out
    # A new meeting starts from the last one's habits and room, not its table count.
    _, out, _ = run(["--db", db, "meeting", "show", "--json"], clock, capsys)
    seating = json.loads(out)["seating"]
    assert (seating["rounds"], seating["tables"], len(seating["room"])) == (3, None, 5)
