"""Nothing shared is dropped: every shared contact detail reaches the page whole, however full the row."""

from __future__ import annotations

import datetime as dt

import pytest

from printables.cards import business_cards
from printables.content import contact_lines, display_url
from printables.geometry import Paper
from printables.sheets import table_sheets
from printables.stock import PLAIN, StockKind, find_stock
from printables.tents import tents
from printables.text import ELLIPSIS, TextStyle, fit
from printables.typeface import Weight
from sessions.models import Meeting, Member

from .long_profiles import long_profile, long_table
from .print_pdf_reading import font_size_of, page_texts

MEETING = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Community Center, Room B")


@pytest.mark.parametrize("paper", list(Paper))
def test_a_full_table_of_long_profiles_keeps_every_shared_field(paper: Paper) -> None:
    members, rounds = long_table(8)
    cards = {member.id: member.shared_card() for member in members if member.id is not None}
    pdf = table_sheets("Example Networking Group", MEETING, rounds, cards, paper)
    text = " ".join(page_texts(pdf.data))
    assert ELLIPSIS not in text
    for card in cards.values():
        # Each detail whole: an address is never cut, never broken by a space.
        for detail in contact_lines(card):
            assert detail in text, f"{detail} missing"
        assert card.headline is not None
        assert card.headline in text
        for employer in card.employers:
            assert employer in text
    if pdf.pages > 1:
        assert "Table 1 (continued)" in text


def test_a_long_website_on_a_business_card_is_printed_whole() -> None:
    card = long_profile(7).shared_card()
    stock = find_stock(StockKind.CARD, PLAIN, Paper.LETTER)
    pdf = business_cards([card], stock, copies=1)
    text = page_texts(pdf.data)[0]
    assert card.website is not None
    assert card.linkedin is not None
    assert display_url(card.website) in text
    # Every contact detail whole (the headline may be shortened on a card this small; its details never).
    for detail in contact_lines(card):
        assert detail in text, f"{detail} missing"


def test_an_address_wider_than_the_line_moves_to_its_own_line_and_is_never_split() -> None:
    url = "linkedin.com/in/bartholomew-alexander-featherstonehaugh"
    style = TextStyle(10, floor=8, minimum=5)
    fitted = fit(url, style, 150, 200, atomic=True)
    assert fitted.lines == (url,)
    assert fitted.size < 8


def test_a_long_hyphenated_first_name_takes_the_largest_size_that_fits_on_a_tent() -> None:
    card = Member(first_name="Maximiliana-Alexandrina", last_name="Example", headline="Analyst").shared_card()
    pdf = tents([card], Paper.LETTER)
    assert font_size_of(pdf.data, 0, "Maximiliana") >= 70


def test_wrapped_names_use_the_largest_size_that_fits() -> None:
    style = TextStyle(130, floor=44, minimum=18, weight=Weight.BOLD, leading=1.05)
    fitted = fit("Maximiliana-Alexandrina", style, 470, 230)
    assert fitted.lines == ("Maximiliana-", "Alexandrina")
    assert fitted.size > 60
    assert not fit("Maximiliana-Alexandrina", style, 470, 230).overflow
