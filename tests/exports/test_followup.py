"""Follow-up files: each attendee gets the cards of exactly the people they sat with, as .vcf and a PDF page."""

from __future__ import annotations

import io
import os
import stat
from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
import vobject

from app.export_pages import followup_pages
from printables.followup import followup_pdf
from sessions.errors import TablesessionError
from sessions.exports import (
    ExportKind,
    ExportRequest,
    ExportScope,
    OutputExistsError,
    build_followups,
    run_export,
)
from sessions.exports.files import WRITE_AHEAD, write_new_folder
from sessions.models import Meeting, Member, display_full_name
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting


def page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(io.BytesIO(data))
    return [page.get_textpage().get_text_range() for page in document]


def expected_mates(run_meeting: RunMeeting, member: Member, *, as_in_vcard: bool = False) -> set[str]:
    """The names of `member`'s table-mates; a vCard's FN writes a name in its script's order (山田美咲)."""
    names = {
        m.id: display_full_name(m.first_name, m.last_name) if as_in_vcard else m.full_name
        for m in run_meeting.members.values()
    }
    mates: set[str] = set()
    for round_ in run_meeting.plan.rounds:
        table = round_.table_of(member.id or 0)
        if table is not None:
            mates |= {names[mid] for mid in table.member_ids if mid != member.id}
    return mates


@pytest.fixture
def written(store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path) -> Path:
    folder = tmp_path / "followup"
    request = ExportRequest(ExportKind.FOLLOWUP, folder, ExportScope(run_meeting.meeting), clock.now())
    summary = run_export(store, request, pages=followup_pages(store))
    assert summary.files == 14  # seven attendees, a .vcf and a PDF each
    return folder


def test_each_attendee_gets_the_cards_of_exactly_their_table_mates(run_meeting: RunMeeting, written: Path) -> None:
    for name, member in run_meeting.members.items():
        path = written / f"2026-11-24 followup - {member.full_name.rstrip('.')}.vcf"
        if name == "Absent":
            assert not path.exists()
            continue
        cards = list(vobject.readComponents(path.read_text(encoding="utf-8")))
        assert {card.fn.value for card in cards} == expected_mates(run_meeting, member, as_in_vcard=True), name
        assert all("Met at Tue 24 Nov 2026 - Weekly networking (round " in card.note.value for card in cards)


def test_each_pdf_names_the_attendee_and_lists_mates_by_round_and_table(run_meeting: RunMeeting, written: Path) -> None:
    olga = run_meeting.members["Olga"]
    pages = page_texts((written / "2026-11-24 followup - Olga Dubois, Jr.pdf").read_bytes())
    assert len(pages) == 1
    text = pages[0]
    assert text.startswith("Olga Dubois, Jr.")
    assert "Round 1 · Table 1" in text
    assert "Round 2 · Table 1" in text
    for name in expected_mates(run_meeting, olga):
        assert name in text
    # Renée shares LinkedIn but not her email; 美咲 shares her email; Kwame only his headline.
    assert "https://www.linkedin.com/in/renee-fm" in text
    assert "misaki@example.com" in text
    assert "Supply chain director" in text
    # Noah sat with Olga in round 2 only: listed once, with nothing he withheld.
    assert text.count("Noah Quinn") == 1


def test_someone_met_twice_is_described_once(run_meeting: RunMeeting, written: Path) -> None:
    # Renée, 美咲 and Kwame sat together in both rounds.
    text = page_texts((written / "2026-11-24 followup - Renée Fernández-Müller.pdf").read_bytes())[0]
    assert text.count("データアナリスト") == 1
    assert "also at round 1, table 1" in text


def test_pdf_pages_render_with_ink_on_them(run_meeting: RunMeeting, written: Path) -> None:
    document = pdfium.PdfDocument(written / "2026-11-24 followup - 美咲 山田.pdf")
    image = document[0].render(scale=0.5).to_pil().convert("L")
    dark = sum(image.histogram()[:128])
    assert dark > 500
    assert "山田" in page_texts((written / "2026-11-24 followup - 美咲 山田.pdf").read_bytes())[0]


def test_existing_files_are_not_replaced_unless_asked(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, written: Path
) -> None:
    before = {p.name: p.read_bytes() for p in written.iterdir()}
    request = ExportRequest(ExportKind.FOLLOWUP, written, ExportScope(run_meeting.meeting), clock.now())
    with pytest.raises(OutputExistsError, match="14 files would be replaced"):
        run_export(store, request, pages=followup_pages(store))
    assert {p.name: p.read_bytes() for p in written.iterdir()} == before
    scope = ExportScope(run_meeting.meeting)
    replaced = ExportRequest(ExportKind.FOLLOWUP, written, scope, clock.now(), overwrite=True)
    assert run_export(store, replaced, pages=followup_pages(store)).files == 14


def test_two_attendees_with_one_name_get_separate_files(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    twin = store.members.add(Member(first_name="Noah", last_name="Quinn", email="noah2@example.com"))
    meeting_id = run_meeting.meeting.id or 0
    plan = run_meeting.plan
    round_two = plan.rounds[1]
    table = round_two.tables[0]
    seats = (*table.member_ids, twin.id or 0)
    wider = type(table).of(table.label, seats)
    changed = plan.model_copy(
        update={"rounds": (plan.rounds[0], round_two.model_copy(update={"tables": (wider, *round_two.tables[1:])}))}
    )
    store.seating.save(changed.model_copy(update={"meeting_id": meeting_id}))
    folder = tmp_path / "twins"
    run_export(store, ExportRequest(ExportKind.FOLLOWUP, folder, ExportScope(run_meeting.meeting), clock.now()))
    names = sorted(p.name for p in folder.iterdir())
    assert "2026-11-24 followup - Noah Quinn.vcf" in names
    assert "2026-11-24 followup - Noah Quinn (2).vcf" in names


def test_a_meeting_without_seating_has_nothing_to_follow_up(store: Store, clock: FakeClock) -> None:
    meeting = store.meetings.add(Meeting(date=clock.today()))
    with pytest.raises(TablesessionError, match="has no seating"):
        build_followups(store, ExportScope(meeting))


def test_a_long_list_flows_onto_a_second_column_and_page(run_meeting: RunMeeting, store: Store) -> None:
    followup = build_followups(store, ExportScope(run_meeting.meeting))[0]
    # Twenty rounds with the same people: the first lists them in full, the rest point back to it.
    crowded = replace(followup, tables=tuple(replace(followup.tables[0], round_number=n) for n in range(1, 21)))
    texts = page_texts(followup_pdf(crowded, ExportScope(run_meeting.meeting)))
    assert len(texts) >= 2
    assert "page 2" in texts[1]
    assert "Round 20 · Table" in "".join(texts)


def test_a_new_folder_appears_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "deeper" / "followup"

    def failing() -> object:
        for number in range(200):  # more than are ever waiting to be written
            yield f"{number}.vcf", b"BEGIN:VCARD"
        raise TablesessionError("the next page could not be drawn")

    with pytest.raises(TablesessionError, match="could not be drawn"):
        write_new_folder(target, failing())  # type: ignore[arg-type]
    assert not target.exists()
    assert list(target.parent.iterdir()) == []  # no staging folder left behind
    # A file that cannot be created: a clear message, and again nothing left.
    with pytest.raises(TablesessionError, match=r"followup: cannot be written"):
        write_new_folder(target, [("one.vcf", b"1"), ("no/such/folder.pdf", b"2"), ("three.vcf", b"3")])
    assert list(target.parent.iterdir()) == []

    assert write_new_folder(target, [("one.vcf", b"1"), ("two.pdf", b"2" * 70_000)]) == 2
    assert sorted(p.name for p in target.iterdir()) == ["one.vcf", "two.pdf"]
    assert (target / "two.pdf").read_bytes() == b"2" * 70_000
    if os.name == "posix":
        assert stat.S_IMODE((target / "one.vcf").stat().st_mode) == 0o600
        assert stat.S_IMODE(target.stat().st_mode) == 0o700
    with pytest.raises(TablesessionError, match="already exists"):
        write_new_folder(target, [])


def test_a_failed_write_stops_the_export_soon_after(tmp_path: Path) -> None:
    """Files are created on a thread of their own; once one cannot be, no more pages are drawn in vain."""
    target = tmp_path / "followup"
    made: list[str] = []

    def files() -> object:
        for number in range(2_000):
            name = "no/such/folder.pdf" if number == 10 else f"{number}.vcf"
            made.append(name)
            yield name, b"BEGIN:VCARD"

    with pytest.raises(TablesessionError, match=r"followup: cannot be written"):
        write_new_folder(target, files())  # type: ignore[arg-type]
    # After the eleventh (the failed one), at most a queue's worth waiting for the writer, one waiting
    # to join them, and one made before the failure is heard of.
    assert 11 <= len(made) <= 11 + WRITE_AHEAD + 2
    assert list(tmp_path.iterdir()) == []


def test_every_file_of_a_big_set_is_written_in_order_given(tmp_path: Path) -> None:
    files = [(f"{number:04}.vcf", f"card {number}".encode()) for number in range(3 * WRITE_AHEAD + 5)]
    assert write_new_folder(tmp_path / "set", iter(files)) == len(files)
    assert sorted((p.name, p.read_bytes()) for p in (tmp_path / "set").iterdir()) == files
