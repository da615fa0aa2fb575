"""`tablesession import`, `checkin`, `attendance` and `bench checkin` from the command line."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.checkin.benchmark import BenchSizes, import_speed, search_latency
from sessions.roster import opening
from sessions.store import list_backups
from sessions.timekeeping import FakeClock

from .support import FixtureFiles


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "group.sqlite3"
    assert main(["--db", str(path), "meeting", "new", "--date", "2026-11-24"], clock=clock) == 0
    return path


def cli(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


def test_import_prints_the_mapping_and_the_summary(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(db, clock, capsys, "import", str(FixtureFiles.EVENTBRITE))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "eventbrite-attendees.csv (Eventbrite attendee report (detected), utf-8): 41 row(s)"
    assert "  employers    <- 'Which companies have you worked for?' (guessed)" in lines
    assert "Into meeting Tue 24 Nov 2026 - Weekly networking:" not in lines  # the meeting has no title
    assert "Into meeting Tue 24 Nov 2026:" in lines
    assert "  added: 38" in lines
    assert "  skipped: 3" in lines
    assert "  warnings: 2" in lines
    assert "    row 7 Kwame Trần, 'Attendee Status': Refunded; not registered" in lines
    assert lines[-1] == "  registered: 38, checked in: 2"


def test_import_dry_run_and_json(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(db, clock, capsys, "import", str(FixtureFiles.MEETUP), "--dry-run", "--json", "--check-in")
    data = json.loads(out)
    assert code == 0
    assert data["dry_run"] is True
    assert data["counts"]["added"] == 18
    assert data["counts"]["checked_in"] == 18
    code, out, _ = cli(db, clock, capsys, "members", "--json")
    assert json.loads(out) == []


def test_dry_run_writes_no_backup_and_a_real_import_keeps_one(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(db, clock, capsys, "import", str(FixtureFiles.MEETUP), "--dry-run")
    assert list_backups(db) == []
    cli(db, clock, capsys, "import", str(FixtureFiles.MEETUP))
    assert len(list_backups(db)) == 1


def test_import_with_format_and_map(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Who,Mood\nAda Lovelace,curious\n", encoding="utf-8")
    code, out, err = cli(
        db, clock, capsys, "import", str(path), "--format", "csv", "--map", "name=Who", "--map", "headline=Mood"
    )
    assert (code, err) == (0, "")
    assert "  name     <- 'Who' (--map)" in out.splitlines()


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", "tablesession: error: bad.csv: the file is empty; export the attendee list again\n"),
        (b"PK\x03\x04", "tablesession: error: bad.csv: this is a spreadsheet workbook or zip archive"),
        (b"Email,Company\nx@example.com,Dell\n", "tablesession: error: bad.csv: no name column"),
    ],
)
def test_import_errors_are_one_line_without_traceback(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *, tmp_path: Path, content: bytes, error: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    code, out, err = cli(db, clock, capsys, "import", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(error)
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_what_is_not_an_export_file_is_refused_before_anything_is_written(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "attendees.csv"
    os.mkfifo(fifo)
    meeting_fifo = tmp_path / "meeting.json"  # routed to the meeting importer, refused all the same
    os.mkfifo(meeting_fifo)
    big = tmp_path / "big.csv"
    big.write_text("First Name,Last Name\n" + "Ada,Okafor\n" * 200, encoding="utf-8")
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 1024)
    refusals = {
        fifo: f"{fifo}: is a pipe, not a file; save the export as a file and import that",
        meeting_fifo: f"{meeting_fifo}: is a pipe, not a file; save the export as a file and import that",
        big: "big.csv: more than 1,024 bytes, the most a registration export is read up to; is this the right file?",
    }
    if Path("/dev/zero").exists():
        refusals[Path("/dev/zero")] = "/dev/zero: is a device, not a file; save the export as a file and import that"
    if Path("/proc/self/status").exists():
        refusals[Path("/proc/self/status")] = "/proc/self/status: is a system file under /proc, not an export"
    for path, message in refusals.items():
        code, out, err = cli(db, clock, capsys, "import", str(path))
        assert (code, out, err) == (2, "", f"tablesession: error: {message}\n")
    # Nothing written: no member, and not even the copy kept before a meeting's first change.
    assert json.loads(cli(db, clock, capsys, "members", "--json")[1]) == []
    assert list_backups(db) == []


def test_a_meeting_json_goes_to_the_meeting_importer(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert cli(db, clock, capsys, "import", str(FixtureFiles.EVENTBRITE), "--check-in")[0] == 0
    exported = tmp_path / "meeting.json"
    assert cli(db, clock, capsys, "export", "json", "-o", str(exported))[0] == 0
    other = tmp_path / "other-laptop.sqlite3"
    code, out, err = cli(other, clock, capsys, "import", str(exported), "--dry-run")
    assert (code, err) == (0, "")
    assert out.rstrip().endswith("dry run: nothing was changed")
    assert json.loads(cli(other, clock, capsys, "members", "--json")[1]) == []
    code, _, err = cli(other, clock, capsys, "import", str(exported))
    assert (code, err) == (0, "")
    present_here = json.loads(cli(db, clock, capsys, "attendance", "--json")[1])
    present_there = json.loads(cli(other, clock, capsys, "attendance", "--json")[1])
    assert present_there["counts"] == present_here["counts"]
    assert cli(other, clock, capsys, "import", str(exported))[0] == 0  # again: nobody duplicated
    assert len(json.loads(cli(other, clock, capsys, "members", "--json")[1])) == len(
        json.loads(cli(db, clock, capsys, "members", "--json")[1])
    )


def test_registration_options_are_refused_for_a_meeting_json(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "meeting.json"
    path.write_text("{}", encoding="utf-8")
    code, _, err = cli(db, clock, capsys, "import", str(path), "--check-in")
    assert code == 2
    assert "meeting.json: --check-in is for registration exports, not for a meeting file" in err
    code, _, err = cli(db, clock, capsys, "import", str(path))
    assert code == 2
    assert "meeting.json" in err
    assert err.count("\n") == 1


def test_unknown_map_field(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(db, clock, capsys, "import", str(FixtureFiles.MEETUP), "--map", "colour=Name")
    assert code == 2
    assert "'colour' is not a field we import" in err


def test_checkin_one_match_several_and_none(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    cli(db, clock, capsys, "import", str(FixtureFiles.EVENTBRITE))
    code, out, err = cli(db, clock, capsys, "checkin", "jordan")
    assert code == 2
    assert "Jordan Cohen" in out
    assert "Jordan Lindqvist" in out
    assert "Jordan Nguyen" in out
    assert "3 people match 'jordan'; nobody was checked in" in err
    code, out, _ = cli(db, clock, capsys, "checkin", "jordn", "cohen")
    assert (code, out) == (0, "checked in: Jordan Cohen at 18:30\n".replace("18:30", _local_time(clock)))
    code, out, _ = cli(db, clock, capsys, "checkin", "jordan", "cohen")
    assert code == 0
    assert "Jordan Cohen was already checked in" in out
    assert "nothing changed" in out
    code, _, err = cli(db, clock, capsys, "checkin", "zebedee")
    assert code == 2
    assert "nobody matches 'zebedee'" in err


def test_checkin_by_id_from_the_list(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    cli(db, clock, capsys, "import", str(FixtureFiles.EVENTBRITE))
    code, out, _ = cli(db, clock, capsys, "checkin", "jordan", "--id", "4")
    assert code == 0
    assert "checked in: Jordan Nguyen" in out
    code, _, err = cli(db, clock, capsys, "checkin", "jordan", "--id", "1")
    assert code == 2
    assert "member 1 does not match 'jordan'" in err


def test_attendance_table_and_json(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    cli(db, clock, capsys, "import", str(FixtureFiles.MEETUP))
    code, out, _ = cli(db, clock, capsys, "attendance")
    assert code == 0
    assert out.splitlines()[-1] == "10 checked in / 18 registered"
    code, out, _ = cli(db, clock, capsys, "attendance", "--json")
    data = json.loads(out)
    assert data["counts"]["registered"] == 18
    assert data["counts"]["checked_in"] == 10
    cher = next(row for row in data["attendance"] if row["name"] == "Cher")
    assert (cher["status"], cher["source"]) == ("registered", "meetup")


def test_bench_figures_are_measured_on_generated_data(clock: FakeClock) -> None:
    sizes = BenchSizes(members=300, typed_names=10, import_rows=200)
    search = search_latency(sizes)
    assert search["members"] == 300
    assert search["keystrokes"] > 10
    assert 0 < search["search_median_ms"] <= search["search_max_ms"]
    assert search["typed_people_found_pct"] == 100.0
    imported = import_speed(clock.today(), clock.now(), sizes)
    assert imported["import_added"] + imported["import_skipped"] == 200
    assert imported["reimport_unchanged"] == imported["import_added"]


def _local_time(clock: FakeClock) -> str:
    return clock.now().astimezone().strftime("%H:%M")


def test_checkin_and_rules_find_a_person_by_their_whole_email(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db, clock, capsys, "import", str(FixtureFiles.EVENTBRITE))[0] == 0
    people = json.loads(cli(db, clock, capsys, "members", "--json")[1])
    first, second = [person for person in people if person["email"]][:2]
    code, out, err = cli(db, clock, capsys, "checkin", first["email"].upper())
    assert (code, err) == (0, "")
    assert first["last_name"] in out
    code, out, err = cli(db, clock, capsys, "rules", "apart", first["email"], second["email"])
    assert (code, err) == (0, ""), out
