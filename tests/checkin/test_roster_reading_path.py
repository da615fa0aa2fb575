"""The one reading path of `tablesession import` and the app's import dialog: what it refuses before reading,
how much it reads, which text it recognises, and how it reads a stray quote. Nobody goes missing silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sessions.models import Meeting
from sessions.roster import ImportFileError, import_roster, opening, reading
from sessions.store import Store
from sessions.timekeeping import FakeClock


def refused(store: Store, meeting: Meeting, clock: FakeClock, path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        import_roster(store, path, meeting=meeting, now=clock.now())
    assert store.members.count() == 0
    return str(caught.value)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_before_reading(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    # Read, /dev/zero would fill memory with gigabytes of nothing.
    message = refused(store, meeting, clock, Path("/dev/zero"))
    assert message == "/dev/zero: is a device, not a file; save the export as a file and import that"


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    fifo = tmp_path / "attendees.csv"
    os.mkfifo(fifo)
    message = refused(store, meeting, clock, fifo)  # opening it to read would hang until someone writes
    assert message == f"{fifo}: is a pipe, not a file; save the export as a file and import that"


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs /proc")
def test_a_proc_file_is_refused(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    # /proc files look like empty regular files and can be endless; a link to one is refused the same way.
    message = refused(store, meeting, clock, Path("/proc/self/status"))
    assert message == "/proc/self/status: is a system file under /proc, not an export"
    link = tmp_path / "status.csv"
    link.symlink_to("/proc/self/status")
    assert refused(store, meeting, clock, link) == f"{link}: is a system file under /proc, not an export"


def test_bytes_read_are_capped_with_a_message_naming_file_and_limit(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "huge.csv"
    path.write_text("First Name,Last Name\n" + "Ada,Okafor\n" * 100_000, encoding="utf-8")
    message = refused(store, meeting, clock, path)
    assert message == (
        "huge.csv: more than 1 MB, the most a registration export is read up to; is this the right file?"
    )


def test_a_file_growing_past_the_cap_while_read_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The size on disk said small; what counts is the bytes actually read.
    path = tmp_path / "small.csv"
    path.write_text("First Name,Last Name\nAda,Okafor\n", encoding="utf-8")
    monkeypatch.setattr(opening, "MAX_FILE_BYTES", 10)
    with pytest.raises(ImportFileError, match=r"^small\.csv: more than 10 bytes, the most"):
        reading.read_table(path)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_recognised(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path, codec: str
) -> None:
    path = tmp_path / "unicode.txt"
    path.write_bytes("First Name\tLast Name\tEmail\nZoë\tMüller\tzoe@example.com\n".encode(codec))
    summary = import_roster(store, path, meeting=meeting, now=clock.now())
    (member,) = store.members.all()
    assert (member.first_name, member.last_name, member.email) == ("Zoë", "Müller", "zoe@example.com")
    assert summary.encoding == codec


def test_a_stray_quote_does_not_swallow_the_rows_below(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "stray.csv"
    path.write_text(
        "First Name,Last Name,Email,Company\n"
        'Ada,Un,"Balanced,ada@example.com,Dell\n'
        "Ben,Okoro,ben@example.com,Sabre\n"
        'Cara,Diaz,cara@example.com,"Dell, EDS"\n'
        "Dan,Ek,dan@example.com,Acme\n",
        encoding="utf-8",
    )
    summary = import_roster(store, path, meeting=meeting, now=clock.now())
    names = sorted(member.full_name for member in store.members.all())
    assert names == ["Ada Un", "Ben Okoro", "Cara Diaz", "Dan Ek"]
    assert next(m for m in store.members.all() if m.first_name == "Cara").employers == ["Dell, EDS"]
    lines = [note.line() for note in summary.warnings]
    assert (
        "row 2, 'Email': a quote opens a cell that would run on over the next 2 line(s) as if they were one value; "
        "read the row as written instead: check it" in lines
    )
    assert summary.registered == 4


def test_a_quoted_cell_over_several_lines_is_still_one_cell(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "First Name,Last Name,Email,Notes\n"
        'Ada,Okafor,ada@example.com,"Line one\nline two, with a comma"\n'
        "Ben,Okoro,ben@example.com,\n",
        encoding="utf-8",
    )
    summary = import_roster(store, path, meeting=meeting, now=clock.now())
    ada = next(m for m in store.members.all() if m.first_name == "Ada")
    assert ada.extra == {"Notes": "Line one line two, with a comma"}  # one cell, its spaces tidied
    assert store.members.count() == 2
    assert summary.warnings == []


def test_stray_quotes_closed_by_the_next_rows_quote_are_each_read_as_written(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    # Each stray quote would pair with the one on the row below, merging the rows two by two.
    path = tmp_path / "pairs.csv"
    rows = "".join(f'Person{i},Example,"p{i}@example.com,Acme\n' for i in range(6))
    path.write_text("First Name,Last Name,Email,Company\n" + rows, encoding="utf-8")
    summary = import_roster(store, path, meeting=meeting, now=clock.now())
    assert store.members.count() == 6
    assert [note.row for note in summary.warnings if note.field == "Email" and "quote" in note.message] == [
        2,
        3,
        4,
        5,
        6,
        7,
    ]


def test_an_address_over_two_lines_in_the_middle_of_a_row_is_one_cell(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "address.csv"
    path.write_text(
        'First Name,Last Name,Address,Email\nAda,Okafor,"12 Main St\nDallas, TX",ada@example.com\n', encoding="utf-8"
    )
    summary = import_roster(store, path, meeting=meeting, now=clock.now())
    (ada,) = store.members.all()
    assert (ada.email, ada.extra) == ("ada@example.com", {"Address": "12 Main St Dallas, TX"})
    assert summary.warnings == []
