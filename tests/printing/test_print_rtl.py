"""Arabic and Hebrew names printed the way they are read: letters joined, right-to-left runs drawn
right to left, Latin text beside them left alone. Checked on the rendered page by where each
character lands, not by what the text layer says."""

from __future__ import annotations

import datetime as dt
import itertools

import pypdfium2 as pdfium
import pytest

from printables.bidi import shaped, visual
from printables.followup import followup_pdf
from printables.geometry import Paper
from printables.sheets import table_sheets
from printables.tents import tents
from sessions.exports import Contact, ExportScope, Followup, TableMet
from sessions.models import Meeting, Member, Round, SharedCard, Table

HEBREW_FIRST, HEBREW_LAST = "דנה", "כהן"  # Dana Cohen
ARABIC_FIRST, ARABIC_LAST = "ليلى", "حداد"  # Layla Haddad


def _cards() -> list[SharedCard]:
    return [
        Member(id=1, first_name=HEBREW_FIRST, last_name=HEBREW_LAST, headline="Works at שלום Ltd").shared_card(),
        Member(id=2, first_name=ARABIC_FIRST, last_name=ARABIC_LAST, headline="Analyst").shared_card(),
        Member(id=3, first_name="Olga", last_name="Dubois", headline="Controller").shared_card(),
    ]


def _x_positions(data: bytes, word: str) -> list[list[float]]:
    """For each place `word` appears on any page (as the text layer reads it), the x-centre of each
    of its characters on the page."""
    found = []
    for page in pdfium.PdfDocument(data):
        text_page = page.get_textpage()
        text = text_page.get_text_range()
        start = text.find(word)
        while start >= 0:
            boxes = [text_page.get_charbox(start + i) for i in range(len(word))]
            found.append([(left + right) / 2 for left, _bottom, right, _top in boxes])
            start = text.find(word, start + 1)
    return found


def _reads_right_to_left(positions: list[float]) -> bool:
    return all(a > b for a, b in itertools.pairwise(positions))


def _reads_left_to_right(positions: list[float]) -> bool:
    return all(a < b for a, b in itertools.pairwise(positions))


def test_arabic_letters_take_their_joined_forms_and_keep_their_vowel_marks() -> None:
    # Lam, yeh, lam, alef maksura: initial, medial, medial and final forms.
    assert shaped(ARABIC_FIRST) == "\ufedf\ufef4\ufee0\ufef0"
    assert "\u064f" in shaped("مُحَمَّد")  # damma kept
    assert shaped("Olga Dubois") == "Olga Dubois"
    assert shaped(HEBREW_FIRST) == HEBREW_FIRST  # Hebrew letters do not join


def test_lines_are_put_in_drawing_order() -> None:
    assert visual(HEBREW_FIRST) == "הנד"
    assert visual(f"Works at {HEBREW_FIRST} Ltd") == "Works at הנד Ltd"
    assert visual("Olga Dubois") == "Olga Dubois"


@pytest.mark.parametrize("word", [HEBREW_FIRST, HEBREW_LAST, ARABIC_FIRST, ARABIC_LAST, "שלום"])
def test_tent_cards_draw_right_to_left_names_right_to_left(word: str) -> None:
    pdf = tents(_cards(), Paper.LETTER)
    found = _x_positions(pdf.data, word)
    assert found, f"{word} not on the page"
    # Both faces of the tent: the back is turned upside down, so it reads the other way on the page.
    assert any(_reads_right_to_left(xs) for xs in found)
    assert all(_reads_right_to_left(xs) or _reads_left_to_right(xs) for xs in found)
    latin = _x_positions(pdf.data, "Works")
    assert any(_reads_left_to_right(xs) for xs in latin)


def test_table_sheets_and_follow_up_pages_draw_right_to_left_names_right_to_left() -> None:
    cards = _cards()
    meeting = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking")
    round_ = Round(number=1, tables=(Table.of("1", [1, 2, 3]),))
    sheets = table_sheets("Group", meeting, [round_], dict(zip((1, 2, 3), cards, strict=True)), Paper.LETTER)
    for word in (HEBREW_FIRST, ARABIC_LAST):
        found = _x_positions(sheets.data, word)
        assert found
        assert all(_reads_right_to_left(xs) for xs in found)

    contacts = [Contact(member_id=i, card=card) for i, card in enumerate(cards, start=1)]
    followup = Followup(
        attendee=contacts[2],
        tables=(TableMet(round_number=1, table_label="1", mates=(contacts[0], contacts[1])),),
    )
    page = followup_pdf(followup, ExportScope(meeting))
    for word in (HEBREW_FIRST, HEBREW_LAST, ARABIC_FIRST, "שלום"):
        found = _x_positions(page, word)
        assert found, f"{word} not on the follow-up page"
        assert all(_reads_right_to_left(xs) for xs in found)
    assert all(_reads_left_to_right(xs) for xs in _x_positions(page, "Works"))
