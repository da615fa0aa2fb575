"""One drawing pipeline: follow-up pages are fitted, placed and drawn like every other printable."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io

from pypdf import PdfReader

from printables.followup import followup_pdf, page_writer
from sessions.exports import Contact, ExportScope, Followup, TableMet
from sessions.models import Meeting, SharedCard

from .print_pdf_reading import page_texts

MEETING = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Room B")


def followup_with(*mates: SharedCard) -> Followup:
    contacts = tuple(Contact(member_id=index, card=mate) for index, mate in enumerate(mates, start=2))
    return Followup(
        attendee=Contact(member_id=1, card=SharedCard(first_name="Olga", last_name="Dubois")),
        tables=(TableMet(round_number=1, table_label="3", mates=contacts),),
    )


def test_the_hand_made_pdf_writer_is_gone_and_reportlab_draws_the_pages() -> None:
    for module in ("pdf_file", "cid_fonts", "followup_fonts", "followup_text"):
        assert importlib.util.find_spec(f"printables.{module}") is None
    data = followup_pdf(followup_with(SharedCard(first_name="Kwame", last_name="Mensah")), ExportScope(MEETING))
    assert PdfReader(io.BytesIO(data)).metadata.creator == "tablesession"
    assert b"ReportLab" in data[:200]


def test_a_long_address_on_a_follow_up_page_reads_back_whole_and_phones_are_national() -> None:
    url = "https://thalassa-supply-chain-consulting.example.com/people/bartholomew-alexander"
    mate = SharedCard(first_name="Bartholomew", last_name="Alexander", website=url, phone="+12145550106")
    text = page_texts(page_writer("US")(followup_with(mate), ExportScope(MEETING)))[0]
    assert url in text  # never broken with a space or a hyphen
    assert "Phone: (214) 555-0106" in text
    assert "Round 1 · Table 3" in text
