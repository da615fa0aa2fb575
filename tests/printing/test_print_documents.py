"""Every document read back as a person and a phone would: rendered pages, their text, their QR codes."""

from __future__ import annotations

import datetime as dt
import io
import math

import pytest
from pypdf import PdfReader

from printables.badges import badge_items, labels
from printables.calibrate import calibration
from printables.cards import business_cards, card_items
from printables.companies import company_index
from printables.content import NameTag, qr_payload
from printables.door import door_list
from printables.geometry import Box, Paper, mm
from printables.layout import item_boxes
from printables.pdf import QrItem
from printables.qr import qr_matrix
from printables.sheets import table_sheets
from printables.stock import PLAIN, STOCKS, Stock, StockKind, find_stock, iter_stocks
from printables.styles import DOOR
from printables.tents import panel_items, tents
from printables.text import TextLine
from printables.typeface import CJK, SANS, SANS_BOLD, Weight, has_glyph, runs
from sessions.models import Meeting, Member, Round, SharedCard, Table

from .print_fixtures import LONG_NAME_60
from .print_pdf_reading import embedded_fonts, font_size_of, image_xobjects, page_count, page_texts, read_pages

HIDDEN = ("kwame.secret@example.com", "+12145550102", "max.hidden@example.com", "+12145550104", "Texas Instruments")


def assert_private_stays_private(texts: list[str], codes: list[str]) -> None:
    for hidden in HIDDEN:
        assert all(hidden not in text for text in texts), f"{hidden} printed"
        assert all(hidden not in code for code in codes), f"{hidden} in a QR code"


def test_tents_one_page_each_with_both_faces_scannable(cards: list[SharedCard]) -> None:
    pdf = tents(cards, Paper.LETTER)
    assert pdf.pages == len(cards) == page_count(pdf.data)
    pages = read_pages(pdf.data, dpi=72)
    for card, page in zip(cards, pages, strict=True):
        # Front and back each carry the member's code, decoding to their shared card and nothing else.
        assert page.codes == [qr_payload(card)] * 2
        assert page.text.count(card.first_name) >= 2
        if card.headline:
            assert card.headline[:20] in page.text
    assert_private_stays_private([p.text for p in pages], [c for p in pages for c in p.codes])
    assert image_xobjects(pdf.data) == 0


@pytest.mark.parametrize("paper", list(Paper))
@pytest.mark.parametrize("first_name", ["Olga", "Bartholomew", "Christopher", "Konstantinos", "Joaquín", "Дмитрий"])
def test_ordinary_first_names_are_at_least_72_pt_on_tents(first_name: str, paper: Paper) -> None:
    card = Member(first_name=first_name, last_name="Example", headline="Analyst").shared_card()
    panel = find_stock(StockKind.TENT, PLAIN, paper).cells()[1]
    face = Box(0, 0, panel.width, panel.height)
    items = panel_items(NameTag.of(card), face)
    name_lines = [item for item in items if isinstance(item, TextLine) and item.text == first_name]
    assert len(name_lines) == 1
    assert name_lines[0].size >= 72


@pytest.mark.parametrize("paper", list(Paper))
def test_a_60_character_name_fits_a_tent_face(paper: Paper) -> None:
    card = Member(first_name=LONG_NAME_60, last_name="Example-Longname", headline="x" * 150).shared_card()
    panel = find_stock(StockKind.TENT, PLAIN, paper).cells()[1]
    face = Box(0, 0, panel.width, panel.height)
    items = panel_items(NameTag.of(card), face)
    boxes = item_boxes(items)
    assert all(face.contains(box) for box in boxes)
    words = " ".join(item.text for item in items if isinstance(item, TextLine))
    for word in LONG_NAME_60.replace("-", " ").split():
        assert word in words
    qr = next(item for item in items if isinstance(item, QrItem))
    assert not any(qr.box.overlaps(box) for box in boxes if box != qr.box)


BADGE_STOCKS = list(iter_stocks(StockKind.BADGE))


@pytest.mark.parametrize("stock", BADGE_STOCKS, ids=lambda s: f"{s.name}-{s.paper.value}")
def test_badges_fill_the_stock_and_every_code_scans(stock: Stock, cards: list[SharedCard]) -> None:
    pdf = labels(cards, stock)
    assert pdf.pages == math.ceil(len(cards) / stock.per_page) == page_count(pdf.data)
    pages = read_pages(pdf.data, dpi=150)
    codes = [code for page in pages for code in page.codes]
    assert sorted(codes) == sorted(qr_payload(card) for card in cards)
    texts = [page.text for page in pages]
    for card in cards:
        assert any(card.first_name.split("-")[0] in text for text in texts)
    assert_private_stays_private(texts, codes)


@pytest.mark.parametrize("stock", BADGE_STOCKS, ids=lambda s: f"{s.name}-{s.paper.value}")
def test_badge_content_stays_inside_its_cell_even_for_long_names(stock: Stock, cards: list[SharedCard]) -> None:
    long_card = Member(first_name=LONG_NAME_60, last_name="von Hohenzollern", headline="y" * 160).shared_card()
    for card in [*cards, long_card]:
        for cell in stock.cells()[:2]:
            items = badge_items(NameTag.of(card), cell)
            boxes = item_boxes(items)
            assert all(cell.contains(box) for box in boxes), f"{card.first_name} leaves a {stock.name} cell"
            qr = next(item for item in items if isinstance(item, QrItem))
            assert not any(qr.box.overlaps(box) for box in boxes if box != qr.box)


def test_badge_codes_keep_modules_readable_on_roomy_badges(cards: list[SharedCard]) -> None:
    stock = find_stock(StockKind.BADGE, "avery-5392")
    for card in cards:
        qr = next(item for item in badge_items(NameTag.of(card), stock.cells()[0]) if isinstance(item, QrItem))
        module = qr.box.width / qr_matrix(qr.payload).size_with_quiet_zone
        assert module >= mm(0.4)


@pytest.mark.parametrize("stock", list(iter_stocks(StockKind.CARD)), ids=lambda s: f"{s.name}-{s.paper.value}")
def test_business_cards_a_sheet_per_member(stock: Stock, cards: list[SharedCard]) -> None:
    chosen = [cards[0], cards[1]]  # Olga shares email and phone; Kwame shares neither
    pdf = business_cards(chosen, stock)
    assert pdf.pages == 2
    pages = read_pages(pdf.data, dpi=200)
    for card, page in zip(chosen, pages, strict=True):
        assert page.codes == [qr_payload(card)] * stock.per_page
    assert "olga@example.com" in pages[0].text
    assert "(214) 555-0101" in pages[0].text  # the national form on paper; E.164 in the QR code
    assert "linkedin.com/in/olga-dubois" in pages[0].text
    assert "example.com/kwame" in pages[1].text
    assert_private_stays_private([p.text for p in pages], [c for p in pages for c in p.codes])
    for card in cards:
        items = card_items(card, stock.cells()[0])
        assert all(stock.cells()[0].contains(box) for box in item_boxes(items))


def test_business_card_copies(cards: list[SharedCard]) -> None:
    stock = find_stock(StockKind.CARD, "avery-5371")
    pdf = business_cards(cards[:3], stock, copies=4)
    assert pdf.pages == 2  # 12 cards, 10 to a sheet
    codes = [code for page in read_pages(pdf.data, dpi=200) for code in page.codes]
    assert sorted(codes) == sorted(qr_payload(card) for card in cards[:3] for _ in range(4))


def test_table_sheets_one_page_per_table_per_round(
    meeting: Meeting, rounds: tuple[Round, ...], cards_by_id: dict[int, SharedCard]
) -> None:
    start = dt.datetime(2026, 11, 24, 18, 45)
    pdf = table_sheets("Example Networking Group", meeting, rounds, cards_by_id, Paper.A4, starts={1: start})
    assert pdf.pages == 4 == page_count(pdf.data)
    pages = read_pages(pdf.data, dpi=200)
    tables = [(r, t) for r in rounds for t in r.tables]
    for (round_, table), page in zip(tables, pages, strict=True):
        assert sorted(page.codes) == sorted(qr_payload(cards_by_id[mid]) for mid in table.member_ids)
        assert f"Round {round_.number}" in page.text
        assert "Example Networking Group" in page.text
        for mid in table.member_ids:
            assert cards_by_id[mid].full_name.split(" ")[0][:25] in page.text
    # Round 1 started at 18:45: 5:00 turns, 0:30 changeovers; table 2 seats 3.
    assert "seat 1 at 18:45" in pages[0].text
    assert "seat 2 at 18:50" in pages[0].text  # 18:50:30, shown to the minute before
    assert "seat 4 at 19:01" in pages[0].text
    assert "round ends at 19:06" in pages[1].text
    assert "Window" in pages[3].text
    assert "Worked at: Sabre, Dell" in pages[0].text
    assert_private_stays_private([p.text for p in pages], [c for p in pages for c in p.codes])


def test_a_big_table_continues_on_a_second_page(meeting: Meeting) -> None:
    people = {i: Member(id=i, first_name=f"Person{i}", last_name="Example").shared_card() for i in range(1, 15)}
    round_ = Round(number=1, tables=(Table.of("1", list(people)),))
    pdf = table_sheets("Group", meeting, [round_], people, Paper.LETTER)
    texts = page_texts(pdf.data)
    assert len(texts) == 2
    assert "continued" in texts[1]
    joined = " ".join(texts) + " "
    assert all(f"Person{i} Example" in joined for i in people)


def test_door_list_lists_everyone_with_their_tables(
    meeting: Meeting, rounds: tuple[Round, ...], cards_by_id: dict[int, SharedCard]
) -> None:
    pdf = door_list("Example Networking Group", meeting, rounds, cards_by_id, Paper.LETTER)
    (text,) = page_texts(pdf.data)
    assert "Find your table" in text
    assert "Dubois, Olga" in text
    assert "Παπαδόπουλος, Γιώργος" in text
    assert "王小明" in text
    assert "Window" in text
    # Alphabetical by family name.
    assert text.index("Dubois, Olga") < text.index("Mensah, Kwame") < text.index("O'Brien, Renée")


def test_door_list_runs_over_columns_and_pages(meeting: Meeting) -> None:
    people = {i: Member(id=i, first_name="Alex", last_name=f"Family{i:03d}").shared_card() for i in range(1, 161)}
    ids = list(people)
    round_ = Round(number=1, tables=tuple(Table.of(str(t + 1), ids[t::20]) for t in range(20)))
    pdf = door_list("Group", meeting, [round_], people, Paper.A4)
    texts = page_texts(pdf.data)
    assert len(texts) >= 2
    joined = "\n".join(texts)
    assert all(joined.count(f"Family{i:03d}, Alex") == 1 for i in people)


def test_company_index_merges_spellings_and_respects_sharing(
    meeting: Meeting, cards_by_id: dict[int, SharedCard]
) -> None:
    pdf = company_index("Example Networking Group", meeting, cards_by_id, Paper.LETTER)
    text = "\n".join(page_texts(pdf.data))
    assert text.count("Sabre") == 1  # "Sabre" and "sabre" are one company
    sabre = text[text.index("Sabre") :]
    worked, looking = sabre.index("Worked there"), sabre.index("Looking for an insider")
    assert worked < sabre.index("Olga Dubois") < looking
    assert sabre.index("Kwame Mensah") > looking
    assert "Capital One" in text
    assert "Texas Instruments" not in text  # Γιώργος keeps his employers to himself


def test_calibration_has_a_page_per_stock_at_the_stock_size() -> None:
    pdf = calibration(STOCKS)
    assert pdf.pages == len(STOCKS)
    reader = PdfReader(io.BytesIO(pdf.data))
    for stock, page in zip(STOCKS, reader.pages, strict=True):
        width, height = stock.page_size
        assert float(page.mediabox.width) == pytest.approx(width, abs=0.5)
        assert float(page.mediabox.height) == pytest.approx(height, abs=0.5)
        assert stock.name in page.extract_text()


def test_names_in_every_script_are_drawn_with_embedded_fonts_that_have_the_glyphs(cards: list[SharedCard]) -> None:
    pdf = tents(cards, Paper.A4)
    fonts = embedded_fonts(pdf.data)
    assert fonts.get("DroidSansFallback") is True
    assert fonts.get("DejaVuSansCondensed-Bold") is True
    faces = {SANS.name: SANS, SANS_BOLD.name: SANS_BOLD, CJK.name: CJK}
    for name in ("王小明", "Γιώργος", "Дмитрий", "Renée"):
        for run in runs(name, Weight.BOLD):
            assert all(has_glyph(faces[run.font], char) for char in run.text if not char.isspace())
    assert {run.font for run in runs("王小明", Weight.BOLD)} == {CJK.name}
    texts = page_texts(pdf.data)
    assert any("王小明" in text for text in texts)
    assert any("Γιώργος Παπαδόπουλος" in text for text in texts)
    assert any("Дмитрий Иванов" in text for text in texts)


def test_qr_payload_is_the_unfolded_vcard_of_the_shared_card(members: list[Member]) -> None:
    for member in members:
        payload = qr_payload(member.shared_card())
        lines = payload.split("\r\n")
        assert lines[:2] == ["BEGIN:VCARD", "VERSION:3.0"]
        assert lines[-2:] == ["END:VCARD", ""]
        assert not any(line.startswith(" ") for line in lines)  # never folded
        assert any(line.startswith("N:") for line in lines)
        assert any(line.startswith("FN:") for line in lines)
        if member.email and not member.sharing.email:
            assert member.email not in payload
        if member.phone and not member.sharing.phone:
            assert member.phone not in payload


def test_a_short_door_list_gets_larger_type(meeting: Meeting, cards_by_id: dict[int, SharedCard]) -> None:
    ordinary = {mid: card for mid, card in cards_by_id.items() if len(card.full_name) < 30}
    small = Round(number=1, tables=(Table.of("1", list(ordinary)),))
    short = door_list("Group", meeting, [small], ordinary, Paper.LETTER)
    assert font_size_of(short.data, 0, "Dubois, Olga") == pytest.approx(DOOR.name.size * max(DOOR.larger_scales))
    people = {i: Member(id=i, first_name="Alex", last_name=f"Family{i:03d}").shared_card() for i in range(1, 161)}
    ids = list(people)
    crowded = Round(number=1, tables=tuple(Table.of(str(t + 1), ids[t::20]) for t in range(20)))
    long = door_list("Group", meeting, [crowded], people, Paper.LETTER)
    assert font_size_of(long.data, 0, "Family001, Alex") == pytest.approx(DOOR.name.size)


def test_door_list_shows_a_long_room_table_name_whole(meeting: Meeting) -> None:
    """Named tables may differ only in their last word: every line of a label that wraps is printed."""
    people = {i: Member(id=i, first_name="Alex", last_name=f"Family{i:02d}").shared_card() for i in range(1, 25)}
    ids = list(people)
    labels = ("1", "2", "Garden room left", "Garden room right")
    rotated = {n: ids[n:] + ids[:n] for n in (1, 2)}
    rounds = [
        Round(number=n, tables=tuple(Table.of(label, rotated[n][t::4]) for t, label in enumerate(labels)))
        for n in (1, 2)
    ]
    assert all(sorted(r.member_ids) == ids for r in rounds)
    pdf = door_list("Group", meeting, rounds, people, Paper.LETTER)
    text = " ".join(" ".join(page_texts(pdf.data)).split())
    seats = {label: sum(len(t.seats) for r in rounds for t in r.tables if t.label == label) for label in labels[2:]}
    assert text.count("room left") == seats["Garden room left"]
    assert text.count("room right") == seats["Garden room right"]
