"""The follow-up PDF writer: fonts embedded and readable, text that reads back whole, the same bytes for
the same meeting, and cached pieces never standing in for changed details."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pypdfium2 as pdfium
from pypdf import PdfReader
from reportlab.lib.pagesizes import LETTER
from reportlab.pdfbase.ttfonts import TTFontFile

from printables.followup import followup_pdf, page_writer
from sessions.exports import Contact, ExportScope, Followup, TableMet, build_followups
from sessions.models import Meeting, SharedCard
from sessions.store import Store
from tests.printing.print_pdf_reading import embedded_fonts, page_texts, render

from .conftest import RunMeeting

MEETING = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Room B")


def card(first: str, last: str, **fields: object) -> SharedCard:
    return SharedCard(first_name=first, last_name=last, **fields)  # type: ignore[arg-type]


def followup_with(attendee: SharedCard, *mates: SharedCard) -> Followup:
    contacts = tuple(Contact(member_id=index, card=mate) for index, mate in enumerate(mates, start=2))
    return Followup(
        attendee=Contact(member_id=1, card=attendee),
        tables=(TableMet(round_number=1, table_label="1", mates=contacts),),
    )


def font_programs(data: bytes) -> list[bytes]:
    programs = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for reference in page["/Resources"]["/Font"].values():
            font = reference.get_object()
            target = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            if "/FontDescriptor" in target:
                programs.append(target["/FontDescriptor"].get_object()["/FontFile2"].get_data())
    return programs


def test_names_in_every_script_read_back_in_embedded_fonts() -> None:
    followup = followup_with(
        card("Tomás", "Trần"),
        card("Ngọc Anh", "Trần", headline="Kỹ sư dữ liệu"),
        card("美咲", "山田", headline="データアナリスト", employers=("東京データ",)),
        card("Αλέξης", "Παπαδόπουλος", headline="Μηχανικός"),
        card("Олег", "Смирнов", target_roles=("инженер-технолог",)),
        card("Olga", "Dubois (Jr.)", headline="Back\\slash; (brackets)"),
    )
    data = followup_pdf(followup, ExportScope(MEETING))
    text = page_texts(data)[0]
    for expected in (
        "Ngọc Anh Trần",
        "Kỹ sư dữ liệu",
        "美咲 山田",
        "データアナリスト",
        "東京データ",
        "Αλέξης Παπαδόπουλος",
        "Олег Смирнов",
        "инженер-технолог",
        "Dubois (Jr.)",
        "Back\\slash; (brackets)",
    ):
        assert expected in text
    # pypdf, a second reader, gets the same text from the same fonts.
    second = " ".join(PdfReader(io.BytesIO(data)).pages[0].extract_text().split())
    assert "Ngọc Anh Trần" in second
    assert "美咲 山田" in second
    assert "Tomás Trần · Tue 24 Nov 2026" in text  # the footer, in the attendee's own subset
    fonts = embedded_fonts(data)
    assert fonts.get("DejaVuSansCondensed-Bold") is True
    assert fonts.get("DroidSansFallback") is True
    assert fonts.get("Helvetica") is False  # a standard font: every reader has it
    # Each embedded subset is a well-formed TrueType file (table checksums checked on parsing).
    programs = font_programs(data)
    assert programs
    for program in programs:
        parsed = TTFontFile(io.BytesIO(program), validate=1, charInfo=0)
        assert 1 < parsed.numGlyphs < 300, "a subset holds only the glyphs drawn (and ASCII), not the face"
    image = render(data, 0, 72)
    assert sum(image.histogram()[:128]) > 2000


def test_the_same_meeting_gives_the_same_bytes(store: Store, run_meeting: RunMeeting) -> None:
    scope = ExportScope(run_meeting.meeting)
    items = build_followups(store, scope)
    first, second = page_writer("US"), page_writer("US")
    assert [first(item, scope) for item in items] == [second(item, scope) for item in items]
    # A page made after others (reusing what they encoded) is the page made alone, byte for byte.
    batch = page_writer("US")
    in_batch = [batch(item, scope) for item in items]
    assert [followup_pdf(item, scope) for item in items] == in_batch


def test_a_changed_card_is_drawn_afresh_by_the_same_writer(store: Store, run_meeting: RunMeeting) -> None:
    scope = ExportScope(run_meeting.meeting)
    item = build_followups(store, scope)[0]
    write = page_writer("DE")
    before = page_texts(write(item, scope))[0]
    mate = item.tables[0].mates[0]
    changed = replace(mate, card=mate.card.model_copy(update={"headline": "Now a harbour pilot"}))
    table = replace(item.tables[0], mates=(changed, *item.tables[0].mates[1:]))
    after = page_texts(write(replace(item, tables=(table, *item.tables[1:])), scope))[0]
    assert "Now a harbour pilot" not in before
    assert "Now a harbour pilot" in after


def test_a_card_taller_than_a_column_breaks_between_its_lines() -> None:
    companies = tuple(f"Company number {n} with a name long enough to wrap across the column" for n in range(20))
    big = card("Kwame", "Mensah", target_companies=companies, employers=companies[:20], target_roles=companies)
    data = followup_pdf(followup_with(card("Olga", "Dubois"), big, card("Noah", "Quinn")), ExportScope(MEETING))
    [text] = page_texts(data)
    for company in companies:
        assert company in text
    assert text.index("Noah Quinn") > text.rindex("Company number 19")
    # Taller than a column, the card starts in the first column and carries on in the second.
    textpage = pdfium.PdfDocument(data)[0].get_textpage()
    raw = textpage.get_text_range()
    middle = float(LETTER[0]) / 2
    assert textpage.get_charbox(raw.index("Kwame Mensah"))[0] < middle
    assert textpage.get_charbox(raw.index("Noah Quinn"))[0] > middle


def test_metadata_and_a_mixed_script_footer_are_written_safely() -> None:
    data = followup_pdf(followup_with(card("美咲", "山田"), card("Noah", "Quinn")), ExportScope(MEETING))
    assert PdfReader(io.BytesIO(data)).metadata.title == "Follow-up for 美咲 山田"
    # The footer mixes the name's script with Latin: drawn in runs, both read back.
    assert "美咲 山田 · Tue 24 Nov 2026 - Weekly networking page 1" in page_texts(data)[0]


def test_a_long_web_address_or_unspaced_japanese_stays_in_its_column() -> None:
    url = "https://www.example.com/profile/" + "a-very-long-path-segment-" * 8
    wide = card("Kwame", "Mensah", website=url, headline="データアナリスト" * 6)
    data = followup_pdf(followup_with(card("Olga", "Dubois"), wide), ExportScope(MEETING))
    textpage = pdfium.PdfDocument(data)[0].get_textpage()
    raw = textpage.get_text_range()
    right_edge = (float(LETTER[0]) - 20) / 2  # the first column ends before the gutter
    for index, char in enumerate(raw):
        if not char.isspace() and raw.find("Mensah") < index < raw.find("Olga Dubois ·"):
            assert textpage.get_charbox(index)[2] <= right_edge + 1, f"{char!r} runs past the column"
    # Broken over lines, both still read back whole.
    flat = "".join(raw.replace("\ufffe", "-").split())  # pdfium marks a hyphen ending a line
    assert url in flat
    assert "データアナリスト" * 6 in flat
