"""Files that cannot be imported (or only in part) get one clear message naming file, row and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.models import Meeting
from sessions.roster import ImportFileError, import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock


def run(store: Store, meeting: Meeting, clock: FakeClock, path: Path, **options: object):  # type: ignore[no-untyped-def]
    return import_roster(store, path, meeting=meeting, now=clock.now(), **options)  # type: ignore[arg-type]


def write(tmp_path: Path, name: str, content: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def refused(store: Store, meeting: Meeting, clock: FakeClock, path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        run(store, meeting, clock, path)
    assert store.members.count() == 0
    return str(caught.value)


def test_empty_file(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(store, meeting, clock, write(tmp_path, "empty.csv", b""))
    assert message == "empty.csv: the file is empty; export the attendee list again"


def test_file_of_blank_lines_is_empty(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    assert "is empty" in refused(store, meeting, clock, write(tmp_path, "blank.csv", "\n \n\r\n"))


def test_xlsx_workbook(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(store, meeting, clock, write(tmp_path, "attendees.xlsx", b"PK\x03\x04\x14\x00rest-of-zip"))
    assert message.startswith("attendees.xlsx: this is a spreadsheet workbook")
    assert "save as 'CSV UTF-8" in message


def test_old_excel_workbook(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(
        store, meeting, clock, write(tmp_path, "old.csv", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 50)
    )
    assert "old-style Excel workbook" in message


def test_binary_file(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(store, meeting, clock, write(tmp_path, "photo.csv", bytes(range(256)) * 8))
    assert message == "photo.csv: this is a binary file, not a CSV export"


def test_binary_without_nul_bytes(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    noise = bytes(b for b in range(1, 32) if b not in (9, 10, 13)) * 40
    assert "binary file" in refused(store, meeting, clock, write(tmp_path, "noise.csv", noise))


def test_cp1252_file_is_read_and_the_fallback_is_said(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "legacy.csv", "First Name,Last Name,Email\nRenée,Lindqvist,renee@example.com\n".encode("cp1252")
    )
    summary = run(store, meeting, clock, path)
    assert [m.full_name for m in store.members.all()] == ["Renée Lindqvist"]
    assert summary.encoding == "cp1252"
    (note,) = [w.message for w in summary.warnings]
    assert "legacy.csv is not UTF-8 (first odd byte on line 2); read it as Windows-1252 (cp1252)" in note


def test_bytes_cp1252_cannot_read_fall_back_to_latin1(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    # 0x81 is undefined in cp1252.
    path = write(tmp_path, "odd.csv", b"First Name,Last Name\nA\x81b,C\n")
    summary = run(store, meeting, clock, path)
    assert summary.encoding == "latin-1"
    assert "read it as Latin-1" in summary.warnings[0].message


def test_utf16_export_with_tabs(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    path = write(
        tmp_path, "unicode.txt", "First Name\tLast Name\tEmail\nZoë\tMüller\tzoe@example.com\n".encode("utf-16")
    )
    run(store, meeting, clock, path)
    (member,) = store.members.all()
    assert (member.first_name, member.last_name, member.email) == ("Zoë", "Müller", "zoe@example.com")


def test_semicolon_separated(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    path = write(tmp_path, "semi.csv", "First Name;Last Name;Company\nAnouk;Horvat;Dell, EDS\n")
    run(store, meeting, clock, path)
    assert store.members.all()[0].employers == ["Dell, EDS"]


def test_missing_name_columns(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(store, meeting, clock, write(tmp_path, "noname.csv", "Email,Company\na@example.com,Dell\n"))
    assert message.startswith("noname.csv: no name column")
    assert "'Email', 'Company'" in message
    assert "--map name=COLUMN" in message


def test_no_header_row(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    message = refused(store, meeting, clock, write(tmp_path, "one.csv", "just one word\nanother\n"))
    assert message.startswith("one.csv: no header row found")


def test_header_without_rows_imports_nothing_and_says_so(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run(store, meeting, clock, write(tmp_path, "header.csv", "First Name,Last Name,Email\n"))
    assert summary.counts["rows"] == 0
    assert any("no rows below the column titles" in w.message for w in summary.warnings)


def test_fifty_thousand_character_cells(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    huge = "x" * 50_000
    path = write(
        tmp_path,
        "long.csv",
        f"First Name,Last Name,Headline,Which book changed you?\nAda,Okafor,{huge},{huge}\n{huge},Long,ok,ok\n",
    )
    summary = run(store, meeting, clock, path)
    (member,) = store.members.all()
    assert member.full_name == "Ada Okafor"
    assert member.headline == ""
    assert member.extra == {}
    lines = [w.line() for w in summary.warnings]
    assert "row 2 Ada Okafor, 'Headline': 50,000 characters, more than the 160 a card holds; left out" in lines
    assert (
        "row 2 Ada Okafor, 'Which book changed you?': "
        "50,000 characters, more than the 1000 kept for an answer; left out" in lines
    )
    (skipped,) = summary.skipped
    assert skipped.row == 3
    assert skipped.field == "First Name"
    assert "50,000 characters, more than the 80 allowed; row not imported" in skipped.message


def test_cell_beyond_the_csv_limit_names_the_row(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = write(tmp_path, "giant.csv", 'First Name,Last Name\nA,B\nC,"' + "y" * 200_000 + '"\n')
    message = refused(store, meeting, clock, path)
    assert message.startswith("giant.csv, row 3: cannot be read as CSV (a cell is longer than")


def test_duplicate_rows_are_reported_and_imported_once(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    row = "Kwame,Brown,kwame@example.com\n"
    path = write(tmp_path, "dupes.csv", "First Name,Last Name,Email\n" + row + row + "KWAME,BROWN,Kwame@Example.com\n")
    summary = run(store, meeting, clock, path)
    assert store.members.count() == 1
    assert [(n.row, n.message) for n in summary.skipped] == [
        (3, "duplicate of row 2 (same email)"),
        (4, "duplicate of row 2 (same email)"),
    ]
    assert summary.registered == 1


def test_duplicate_column_titles_are_renamed_and_said(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = write(tmp_path, "twice.csv", "First Name,Last Name,Note,Note\nA,B,one,two\n")
    summary = run(store, meeting, clock, path)
    assert store.members.all()[0].extra == {"Note": "one", "Note (2)": "two"}
    assert any("two columns are titled 'Note'" in w.message for w in summary.warnings)


def test_missing_file_and_folder(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="no such file"):
        run(store, meeting, clock, tmp_path / "nope.csv")
    with pytest.raises(ImportFileError, match="is a folder"):
        run(store, meeting, clock, tmp_path)


def test_rows_without_a_name_are_skipped_with_their_row(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run(
        store, meeting, clock, write(tmp_path, "gap.csv", "First Name,Last Name,Email\n,,x@example.com\nA,B,\n")
    )
    assert [(n.row, n.field, n.message) for n in summary.skipped] == [(2, "First Name", "no name; row not imported")]
