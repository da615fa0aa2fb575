"""The seat changes made during the evening, printed: who moved to which table, in time order."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import pytest

from app.cli.main import main
from printables.changes import clock_time
from printables.geometry import Paper
from printables.jobs import Document, PrintOptions, print_document
from sessions.models import Member, Sharing
from sessions.store import SeatChange, SeatChangeKind, Store
from sessions.timekeeping import FakeClock

from .print_pdf_reading import page_count, page_texts

EARLY = dt.datetime(2026, 11, 24, 19, 5, tzinfo=dt.UTC)
LATER = dt.datetime(2026, 11, 24, 19, 40, tzinfo=dt.UTC)


def _record(store: Store) -> dict[str, int]:
    """Two events, the later one recorded first: Olga left (two people moved), then Ana came late.
    Two Ana Lopezes: one shares her employer, the other does not."""
    ids = {m.first_name: m.id or 0 for m in store.members.all()}
    shared = store.members.add(Member(first_name="Ana", last_name="Lopez", employers=["Sabre"]))
    private = store.members.add(
        Member(first_name="Ana", last_name="Lopez", employers=["Hidden Employer"], sharing=Sharing(employers=False))
    )
    ids["Ana shared"], ids["Ana private"] = shared.id or 0, private.id or 0
    meeting_id = store.meetings.all()[0].id or 0
    store.seat_changes.record(
        meeting_id,
        SeatChangeKind.ARRIVED_LATE,
        ids["Ana shared"],
        LATER,
        [SeatChange(round=2, member_id=ids["Ana shared"], from_table=None, to_table="Window")],
    )
    store.seat_changes.record(
        meeting_id,
        SeatChangeKind.LEFT,
        ids["Olga"],
        EARLY,
        [
            SeatChange(round=2, member_id=ids["Olga"], from_table="1", to_table=None),
            SeatChange(round=2, member_id=ids["Kwame"], from_table="3", to_table="5"),
            SeatChange(round=3, member_id=ids["Kwame"], from_table="1", to_table="4"),
            SeatChange(round=2, member_id=ids["Ana private"], from_table="2", to_table="1"),
        ],
    )
    return ids


def _print(store: Store, folder: Path) -> tuple[Path, list[str]]:
    meeting = store.meetings.all()[0]
    result = print_document(store, meeting, Document.CHANGES, PrintOptions(paper=Paper.A4), output=folder)
    return result.path, page_texts(result.path.read_bytes())


def test_each_change_is_printed_in_time_order_with_who_moved_where(print_store: Store, tmp_path: Path) -> None:
    _record(print_store)
    path, (text,) = _print(print_store, tmp_path)
    assert path.name == "2026-11-24-changes-a4.pdf"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert text.startswith("Seat changes Example Networking Group · Weekly networking")
    left = f"{clock_time(EARLY)} Olga Dubois left"
    late = f"{clock_time(LATER)} Ana Lopez (Sabre) arrived late"
    assert left in text
    assert late in text
    assert text.index(left) < text.index(late)  # by when it happened, not by when it was recorded
    moves = text[text.index(left) : text.index(late)]
    assert "Ana Lopez: round 2, table 2 -> table 1" in moves  # the namesake who keeps her employer private
    assert "Kwame Mensah: round 2, table 3 -> table 5; round 3, table 1 -> table 4" in moves
    assert "Olga Dubois:" not in moves  # the leaver's freed seat is no move to tell anyone about
    assert "Ana Lopez (Sabre): round 2, seated at Window" in text[text.index(late) :]
    assert "Hidden Employer" not in text


def test_a_meeting_without_changes_prints_one_page_that_says_so(print_store: Store, tmp_path: Path) -> None:
    path, texts = _print(print_store, tmp_path)
    assert page_count(path.read_bytes()) == 1
    assert "No seat changes yet" in texts[0]


def test_many_changes_run_onto_more_pages_and_nothing_is_dropped(print_store: Store, tmp_path: Path) -> None:
    ids = [m.id or 0 for m in print_store.members.all()]
    meeting_id = print_store.meetings.all()[0].id or 0
    for n in range(60):
        print_store.seat_changes.record(
            meeting_id,
            SeatChangeKind.LEFT,
            ids[n % len(ids)],
            EARLY + dt.timedelta(minutes=n),
            [SeatChange(round=n + 1, member_id=ids[(n + 1) % len(ids)], from_table="1", to_table="2")],
        )
    _path, texts = _print(print_store, tmp_path)
    assert len(texts) > 1
    text = " ".join(texts)
    assert all(f"round {n + 1}, table 1 -> table 2" in text for n in range(60))


def test_print_changes_from_the_command_line(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _record(print_store)
    assert main(["--db", str(print_store.path), "print", "changes", "-o", str(tmp_path)], clock=clock) == 0
    target = tmp_path / "2026-11-24-changes-letter.pdf"
    assert capsys.readouterr().out.strip() == f"wrote {target}: 1 page, {target.stat().st_size // 1024} KB"
    assert "Kwame Mensah: round 2, table 3 -> table 5" in page_texts(target.read_bytes())[0]
    assert main(["--db", str(print_store.path), "print", "changes", "--round", "2"], clock=clock) == 2
    assert "--round is for sheets and the door list, not changes" in capsys.readouterr().err
