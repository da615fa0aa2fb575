"""Google, Outlook and spreadsheet CSVs: exact headers, BOM + CRLF, formulas neutralised, labels."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from sessions.exports import ExportKind, ExportRequest, ExportScope, run_export
from sessions.exports.spreadsheet import neutralise
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting

DATA = Path(__file__).parent / "data"


def write(store: Store, meeting: RunMeeting, clock: FakeClock, kind: ExportKind, path: Path) -> bytes:
    run_export(store, ExportRequest(kind, path, ExportScope(meeting.meeting), clock.now()))
    return path.read_bytes()


def rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "kind", [ExportKind.GOOGLE_CSV, ExportKind.OUTLOOK_CSV, ExportKind.OUTLOOK_WEB_CSV, ExportKind.CSV]
)
def test_every_csv_is_utf8_with_bom_and_crlf(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path, kind: ExportKind
) -> None:
    data = write(store, run_meeting, clock, kind, tmp_path / "out.csv")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    assert "山田" in text
    assert "Fernández-Müller" in text
    assert "Trần" in text


def test_google_header_matches_the_reference_exactly(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    reference = (DATA / "google_contacts_header.csv").read_text(encoding="utf-8").strip()
    data = write(store, run_meeting, clock, ExportKind.GOOGLE_CSV, tmp_path / "google.csv")
    assert data.decode("utf-8-sig").split("\r\n")[0] == reference


def test_google_rows_carry_a_label_naming_the_meeting_and_shared_fields(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    table = rows(write(store, run_meeting, clock, ExportKind.GOOGLE_CSV, tmp_path / "google.csv"))
    by_first = {row["First Name"]: row for row in table}
    olga = by_first["Olga"]
    assert olga["Labels"] == "Weekly networking 2026-11-24 ::: * myContacts"
    assert olga["Last Name"] == "Dubois, Jr."
    assert olga["E-mail 1 - Value"] == "Olga.Dubois@example.com"
    assert olga["Phone 1 - Value"] == "+12145550101"  # a valid number, written as a number (E.164)
    assert olga["Website 1 - Value"] == "https://www.linkedin.com/in/olga-dubois ::: https://olga.example.com/a,b;c"
    assert olga["Organization Name"] == "Acme, Inc."
    assert "Looking for: FP&A lead" in olga["Notes"]
    assert by_first["美咲"]["Last Name"] == "山田"
    assert "Absent" not in by_first  # a no-show is not handed to anyone


def test_outlook_header_uses_only_template_column_names(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    template = {
        line.strip()
        for line in (DATA / "outlook_template_columns.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    data = write(store, run_meeting, clock, ExportKind.OUTLOOK_CSV, tmp_path / "outlook.csv")
    header_line = data.decode("utf-8-sig").split("\r\n")[0]
    header = next(csv.reader([header_line]))
    # Outlook desktop's own export, whole (92 columns, quoted as Outlook writes them): it imports column for column.
    assert header_line.startswith('"Title","First Name","Middle Name","Last Name"')
    assert len(header) == 92
    assert template <= set(header)
    assert {"First Name", "Last Name", "E-mail Address", "Mobile Phone", "Company", "Job Title"} <= set(header)
    olga = next(row for row in rows(data) if row["First Name"] == "Olga")
    assert olga["E-mail Address"] == "Olga.Dubois@example.com"
    assert olga["E-mail Type"] == "SMTP"
    assert olga["Web Page"] == "https://olga.example.com/a,b;c"
    assert "LinkedIn: https://www.linkedin.com/in/olga-dubois" in olga["Notes"]


@pytest.mark.parametrize(
    ("kind", "column"),
    [
        (ExportKind.GOOGLE_CSV, "Phone 1 - Value"),
        (ExportKind.OUTLOOK_CSV, "Mobile Phone"),
        (ExportKind.OUTLOOK_WEB_CSV, "Mobile Phone"),
    ],
)
def test_address_book_csvs_write_valid_phones_as_numbers_and_neutralise_the_rest(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path, *, kind: ExportKind, column: str
) -> None:
    people = run_meeting.members
    for name, phone in (("Tomás", "=1+2"), ("Noah", "+1 214 555 0105 ext. 7"), ("Kwame", "+12145550108")):
        sharing = people[name].sharing.model_copy(update={"phone": True})
        store.members.update(people[name].model_copy(update={"phone": phone, "sharing": sharing}))
    by_first = {row["First Name"]: row for row in rows(write(store, run_meeting, clock, kind, tmp_path / "out.csv"))}
    # Address books keep an apostrophe as typed, so a number goes out bare, and only in E.164 form,
    # which a spreadsheet can only read as a number.
    assert by_first["Olga"][column] == "+12145550101"  # stored as "+1 214 555 0101"
    assert by_first["Kwame"][column] == "+12145550108"
    assert by_first["美咲"][column] == ""  # not shared
    # Anything else is text an attendee typed, and stays neutralised.
    assert by_first["Tomás"][column] == "'=1+2"
    assert by_first["Noah"][column] == "'+1 214 555 0105 ext. 7"
    assert by_first["Ingrid"][column] == "'-5"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1 214", "'+1 214"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Olga", "Olga"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(cell: str, expected: str) -> None:
    assert neutralise(cell) == expected


def test_attendee_typed_formulas_arrive_as_text_in_every_csv(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    for kind in (ExportKind.GOOGLE_CSV, ExportKind.OUTLOOK_CSV, ExportKind.OUTLOOK_WEB_CSV, ExportKind.CSV):
        table = rows(write(store, run_meeting, clock, kind, tmp_path / f"{kind.value}.csv"))
        cells = [cell for row in table for cell in row.values() if cell]
        assert cells, kind
        # Only a phone number in E.164 form starts with one of them, and a spreadsheet reads it as a number.
        assert not [c for c in cells if c[0] in "=+-@\t\r" and not re.fullmatch(r"\+[1-9]\d{6,14}", c)], kind
        assert any(c == '\'=HYPERLINK("http://evil.example.com")' for c in cells), kind


def test_plain_csv_has_every_shared_field_and_the_tables(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    table = rows(write(store, run_meeting, clock, ExportKind.CSV, tmp_path / "all.csv"))
    olga = next(row for row in table if row["First name"] == "Olga")
    assert olga == {
        "First name": "Olga",
        "Last name": "Dubois, Jr.",
        "Headline": "Controller; moving into FP&A",
        "Employers": "Acme, Inc.; Globex",
        "Target roles": "FP&A lead",
        "Target companies": "Initech",
        "Sub-groups": "",
        "Email": "Olga.Dubois@example.com",
        "Phone": "'+1 214 555 0101",
        "LinkedIn": "https://www.linkedin.com/in/olga-dubois",
        "Website": "https://olga.example.com/a,b;c",
        "Tables": "round 1: table 1; round 2: table 1",
    }


def test_a_round_and_table_narrow_the_export(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    scope = ExportScope(run_meeting.meeting, round_number=1, table_label="window 2")
    path = tmp_path / "table.csv"
    summary = run_export(store, ExportRequest(ExportKind.CSV, path, scope, clock.now()))
    assert sorted(row["First name"] for row in rows(path.read_bytes())) == ["Ingrid", "Noah", "Tomás"]
    assert summary.fields.people == 3
