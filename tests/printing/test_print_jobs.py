"""Printing for a meeting from the store: who is printed, what is refused, where the file goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from printables.content import qr_payload
from printables.geometry import Paper
from printables.jobs import Document, PrintOptions, file_name, gather, print_document
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.store import Store

from .print_pdf_reading import page_texts, read_pages


def today(store: Store) -> Meeting:
    return store.meetings.all()[-1]


def test_tents_are_for_the_checked_in_members_only(print_store: Store, tmp_path: Path) -> None:
    result = print_document(print_store, today(print_store), Document.TENTS, PrintOptions(), output=tmp_path)
    assert result.path == tmp_path / "2026-11-24-tents-letter.pdf"
    assert result.pages == 5
    texts = " ".join(page_texts(result.path.read_bytes()))
    assert "Renée" not in texts  # registered, not checked in
    assert "Olga" in texts


def test_everyone_registered_when_asked(print_store: Store, tmp_path: Path) -> None:
    options = PrintOptions(registered=True, stock="avery-5395")
    result = print_document(print_store, today(print_store), Document.BADGES, options, output=tmp_path)
    assert result.path.name == "2026-11-24-badges-avery-5395.pdf"
    assert result.pages == 1  # seven badges, eight to a sheet
    codes = read_pages(result.path.read_bytes(), dpi=150)[0].codes
    members = print_store.members.all()
    assert sorted(codes) == sorted(qr_payload(m.shared_card()) for m in members)


def test_chosen_members_only(print_store: Store, tmp_path: Path) -> None:
    olga = next(m for m in print_store.members.all() if m.first_name == "Olga")
    assert olga.id is not None
    options = PrintOptions(member_ids=(olga.id,), copies=3)
    result = print_document(print_store, today(print_store), Document.CARDS, options, output=tmp_path / "olga.pdf")
    assert result.path == tmp_path / "olga.pdf"
    assert read_pages(result.path.read_bytes(), dpi=200)[0].codes == [qr_payload(olga.shared_card())] * 3


def test_sheets_for_one_round_with_its_schedule(print_store: Store, tmp_path: Path) -> None:
    options = PrintOptions(round=2, start=dt.time(19, 30), paper=Paper.A4)
    result = print_document(print_store, today(print_store), Document.SHEETS, options, output=tmp_path)
    assert result.path.name == "2026-11-24-sheets-round-2-a4.pdf"
    texts = page_texts(result.path.read_bytes())
    assert len(texts) == 2
    assert all("Round 2" in text for text in texts)
    assert "seat 1 at 19:30" in texts[0]


def test_round_starts_follow_on_with_a_break(print_store: Store) -> None:
    options = PrintOptions(start=dt.time(18, 45), round_break=dt.timedelta(minutes=10))
    job = gather(print_store, today(print_store), Document.SHEETS, options)
    # Round 1's largest table seats 3: 3 x 5:00 + 2 x 0:30 = 16:00, then a 10-minute break.
    assert job.starts == {1: dt.datetime(2026, 11, 24, 18, 45), 2: dt.datetime(2026, 11, 24, 19, 11)}


def test_no_plan_no_sheets(print_store: Store) -> None:
    meeting = today(print_store)
    assert meeting.id is not None
    print_store.seating.delete(meeting.id)
    with pytest.raises(TablesessionError, match="no seating plan"):
        gather(print_store, meeting, Document.DOOR, PrintOptions())


def test_a_round_the_plan_does_not_have(print_store: Store) -> None:
    with pytest.raises(TablesessionError, match="rounds 1 to 2"):
        gather(print_store, today(print_store), Document.SHEETS, PrintOptions(round=3))


def test_nobody_checked_in(print_store: Store) -> None:
    meeting = print_store.meetings.add(Meeting(date=dt.date(2026, 12, 1)))
    with pytest.raises(TablesessionError, match="nobody is checked in"):
        gather(print_store, meeting, Document.TENTS, PrintOptions())


def test_unknown_member(print_store: Store) -> None:
    with pytest.raises(TablesessionError, match="no member with id 999"):
        gather(print_store, today(print_store), Document.TENTS, PrintOptions(member_ids=(999,)))


def test_calibration_needs_no_meeting(print_store: Store, tmp_path: Path) -> None:
    result = print_document(print_store, None, Document.CALIBRATE, PrintOptions(stock="herma-4412"), output=tmp_path)
    assert result.pages == 1
    assert result.path.name == "calibrate-herma-4412.pdf"


def test_plain_calibration_follows_the_paper(print_store: Store) -> None:
    job = gather(print_store, None, Document.CALIBRATE, PrintOptions(stock="plain", paper=Paper.A4))
    assert file_name(job) == "calibrate-plain.pdf"


def test_a_file_that_cannot_be_written_is_reported(print_store: Store, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("in the way")
    with pytest.raises(TablesessionError, match=r"notes\.txt/door\.pdf: cannot write"):
        print_document(print_store, today(print_store), Document.DOOR, PrintOptions(), output=not_a_folder / "door.pdf")


def test_a_failed_write_leaves_no_half_file(
    print_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("sessions.store.permissions.os.replace", refuse)
    with pytest.raises(TablesessionError, match="No space left"):
        print_document(print_store, today(print_store), Document.DOOR, PrintOptions(), output=tmp_path / "door.pdf")
    assert not [p.name for p in tmp_path.iterdir() if p.name.endswith((".pdf", ".part"))]
