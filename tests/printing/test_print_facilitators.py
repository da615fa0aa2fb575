"""What facilitators expect on paper: the meeting, tables and newcomers on tags, readable phones, door list and
company index that answer 'where is who', calibration on the chosen paper, accents clear of the die-cut."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from printables.badges import labels
from printables.bench import bench_members, bench_rounds
from printables.cards import business_cards
from printables.companies import company_index
from printables.content import FIRST_TIME, TagExtras, contact_lines, display_phone
from printables.door import door_list
from printables.geometry import Paper, mm
from printables.jobs import Document, PrintOptions, print_document
from printables.sheets import table_sheets
from printables.stock import PLAIN, STOCKS, Stock, StockKind, find_stock, iter_stocks
from printables.styles import COMPANIES, DOOR
from printables.tents import tents
from sessions.models import Meeting, Member, Round, Table, Tag
from sessions.store import Store

from .print_fixtures import fictional_members
from .print_pdf_reading import font_size_of, page_texts, read_pages, render

MEETING = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Room B")
OLGA = fictional_members()[0]  # shares her phone, +12145550101, and looks for product management at Capital One


@pytest.mark.parametrize("paper", list(Paper))
def test_tents_and_badges_carry_the_meeting_the_table_looking_for_and_a_first_timer_mark(paper: Paper) -> None:
    card = OLGA.shared_card()
    extras = TagExtras("Weekly networking · Tue 24 Nov 2026", {1: "3"}, frozenset({1}))
    for pdf in (
        tents([card], paper, extras=extras, ids=[1]),
        labels([card], find_stock(StockKind.BADGE, PLAIN, paper), extras=extras, ids=[1]),
    ):
        text = page_texts(pdf.data)[0]
        assert "Weekly networking · Tue 24 Nov 2026" in text
        assert "Table 3" in text
        assert FIRST_TIME in text
        assert "Looking for: product management · at Capital One" in text
    # Someone not new, not seated: no mark, no table.
    text = page_texts(tents([card], paper, extras=TagExtras("Weekly networking"), ids=[1]).data)[0]
    assert FIRST_TIME not in text
    assert "Table" not in text


def test_a_first_name_stays_large_on_a_tent_with_every_extra_line() -> None:
    card = OLGA.shared_card()
    extras = TagExtras("Weekly networking · Tue 24 Nov 2026", {1: "3"}, frozenset({1}))
    pdf = tents([card], Paper.LETTER, extras=extras, ids=[1])
    assert font_size_of(pdf.data, 0, "Olga") >= 72


def test_print_jobs_mark_newcomers_and_print_the_round_1_table_when_asked(print_store: Store, tmp_path: Path) -> None:
    meeting = print_store.meetings.all()[0]
    members = sorted(print_store.members.get_many(list(range(1, 8))).values(), key=lambda m: m.id or 0)
    newcomer = members[0].model_copy(update={"tags": frozenset({Tag.NEWCOMER})})
    print_store.members.update(newcomer)
    plain = print_document(print_store, meeting, Document.TENTS, PrintOptions(), output=tmp_path / "a.pdf")
    texts = page_texts(plain.path.read_bytes())
    assert sum(FIRST_TIME in text for text in texts) == 1
    assert not any("Table 1" in text for text in texts)
    assert all(MEETING.title in text for text in texts)
    options = PrintOptions(table_number=True)
    seated = print_document(print_store, meeting, Document.BADGES, options, output=tmp_path / "b.pdf")
    text = " ".join(page_texts(seated.path.read_bytes()))
    assert "Table 1" in text
    assert "Table 2" in text


def test_phones_print_in_the_national_format_and_stay_e164_in_the_qr() -> None:
    card = OLGA.shared_card()
    assert display_phone("+12145550106", "US") == "(214) 555-0106"
    assert display_phone("+442079460958", "US") == "+44 20 7946 0958"
    assert contact_lines(card)[0] == "(214) 555-0101"
    sheets = table_sheets("Group", MEETING, (Round(number=1, tables=(Table.of("1", [1]),)),), {1: card})
    pdf = business_cards([card], find_stock(StockKind.CARD, PLAIN, Paper.LETTER), copies=1)
    for document in (sheets, pdf):
        page = read_pages(document.data, dpi=200, pages=[0])[0]
        assert "(214) 555-0101" in page.text
        assert "+12145550101" not in page.text
        assert all("TEL;TYPE=CELL:+12145550101" in code for code in page.codes)


def test_the_company_index_gives_each_persons_table_in_every_round() -> None:
    jordan = Member(id=2, first_name="Jordan", last_name="Nguyen", employers=["Sabre"]).shared_card()
    olga = OLGA.model_copy(update={"employers": ["Sabre"]}).shared_card()
    rounds = (
        Round(number=1, tables=(Table.of("1", [1]), Table.of("2", [2]))),
        Round(number=2, tables=(Table.of("Window", [1, 2]),)),
    )
    text = page_texts(company_index("Group", MEETING, {1: olga, 2: jordan}, rounds=rounds).data)[0]
    assert "Olga Dubois (1, Window)" in text
    assert "Jordan Nguyen (2, Window)" in text


def test_the_door_list_tells_two_people_of_the_same_name_apart_and_keeps_its_large_type() -> None:
    twins = {
        1: Member(id=1, first_name="Jordan", last_name="Nguyen", employers=["Sabre"]).shared_card(),
        2: Member(id=2, first_name="Jordan", last_name="Nguyen", employers=["Dell"]).shared_card(),
        3: Member(id=3, first_name="Olga", last_name="Dubois", employers=["Dell"]).shared_card(),
    }
    rounds = (Round(number=1, tables=(Table.of("1", [1, 3]), Table.of("2", [2]))),)
    pdf = door_list("Group", MEETING, rounds, twins)
    text = page_texts(pdf.data)[0]
    assert text.count("Nguyen, Jordan") == 2
    assert "Sabre" in text
    assert "Dell" in text
    assert text.count("Dell") == 1  # only the namesakes get a note
    assert font_size_of(pdf.data, 0, "Nguyen, Jordan") >= DOOR.name.size * 1.5 - 0.01


@pytest.mark.parametrize("paper", list(Paper))
def test_calibration_honours_the_paper(print_store: Store, tmp_path: Path, paper: Paper) -> None:
    result = print_document(print_store, None, Document.CALIBRATE, PrintOptions(paper=paper), output=tmp_path)
    assert result.pages == sum(1 for stock in STOCKS if stock.paper is paper)
    texts = page_texts(result.path.read_bytes())
    other = Paper.A4 if paper is Paper.LETTER else Paper.LETTER
    assert all(other.label not in text for text in texts)


def ink_top_gap(data: bytes, cell_top: float, cell_x: float, cell_width: float, page_height: float) -> float:
    """mm from the top edge of a cell down to the first inked pixel in it."""
    dpi = 300
    image = render(data, 0, dpi)
    scale = dpi / 72
    top = round((page_height - cell_top) * scale)
    left, right = round(cell_x * scale) + 3, round((cell_x + cell_width) * scale) - 3
    region = image.crop((left, top, right, top + round(mm(25) * scale)))
    inked = region.point(lambda value: 255 if value < 160 else 0).getbbox()
    assert inked is not None, "nothing printed in the cell"
    return inked[1] / scale / mm(1)


@pytest.mark.parametrize(
    "stock", [s for s in iter_stocks() if s.kind is not StockKind.TENT], ids=lambda s: f"{s.name}-{s.paper}"
)
def test_stacked_accents_keep_1_5_mm_from_the_die_cut(stock: Stock) -> None:
    card = Member(first_name="Nguyễn", last_name="Thị Ánh").shared_card()
    if stock.kind is StockKind.BADGE:
        pdf = labels([card], stock, cut=False, extras=TagExtras())
    else:
        pdf = business_cards([card], stock, copies=1, cut=False)
    cell = stock.cells()[0]
    assert ink_top_gap(pdf.data, cell.top, cell.x, cell.width, stock.page_size[1]) >= 1.5


def test_company_index_pages_are_filled_before_the_next_one_starts() -> None:
    members = bench_members(120)
    cards = {member.id: member.shared_card() for member in members if member.id is not None}
    pdf = company_index("Group", MEETING, cards, rounds=bench_rounds(list(cards)))
    assert pdf.pages >= 3
    document = pdfium.PdfDocument(pdf.data)
    bottom_margin = COMPANIES.margin
    for index in range(pdf.pages - 1):
        textpage = document[index].get_textpage()
        middle = document[index].get_width() / 2
        lowest = {"left": 1e9, "right": 1e9}
        for char in range(textpage.count_chars()):
            left, bottom, _, _ = textpage.get_charbox(char)
            side = "left" if left < middle else "right"
            lowest[side] = min(lowest[side], bottom)
        # Each column runs down to within a few lines of the bottom margin.
        assert all(low - bottom_margin < 45 for low in lowest.values()), (index, lowest)
