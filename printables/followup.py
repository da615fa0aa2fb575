"""The follow-up page an attendee gets after the meeting: who they sat with, and what each chose to share.

One document per attendee: their name and the meeting across the top, then each round's table with
its people, flowing down two columns (onto a second page only for someone who met very many people).
Someone met twice is described once and pointed to the second time. Only shared cards reach this
module, so a withheld field cannot be printed. Drawn straight on the canvas: a meeting's worth of
these is made in one go, and platypus was several times slower for the same page.
"""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from sessions.exports import Contact, ExportScope, Followup, PageWriter, TableMet
from sessions.models import SharedCard

from .followup_fonts import fonts_for

# Regions whose printers hold US Letter; everyone else prints on A4.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE"})


@dataclass(frozen=True)
class FollowupLayout:
    """Every size on the page, in points."""

    margin: float = 0.6 * inch
    gutter: float = 20
    name_size: float = 22
    name_min_size: float = 14  # a long name shrinks to this, then wraps
    heading_size: float = 12
    mate_name_size: float = 10.5
    detail_size: float = 8.5
    small_size: float = 8
    leading: float = 1.25  # line height as a multiple of the font size
    after_header: float = 14
    after_mate: float = 7
    after_table: float = 8
    ink: str = "#000000"
    muted: str = "#555555"


LAYOUT = FollowupLayout()
PRIVACY_NOTE = (
    "Each person chose what to share with the people at their table. "
    "Please keep these details for your own follow-up and do not pass them on."
)


def page_size_for(region: str) -> tuple[float, float]:
    width, height = LETTER if region.upper() in LETTER_REGIONS else A4
    return float(width), float(height)


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    color: str

    @property
    def height(self) -> float:
        return self.size * LAYOUT.leading


@functools.lru_cache(maxsize=8192)  # the same person's lines appear on every table-mate's page
def _wrap(text: str, size: float, width: float, bold: bool, color: str) -> tuple[Line, ...]:
    fonts = fonts_for(text)
    font = fonts.bold if bold else fonts.regular
    return tuple(Line(part, font, size, color) for part in simpleSplit(text, font, size, width) or [""])


def wrapped(text: str, size: float, width: float, *, bold: bool = False, color: str = LAYOUT.ink) -> list[Line]:
    """`text` broken into lines no wider than `width`, in a font that has all its characters."""
    return list(_wrap(text, size, width, bold, color))


def card_lines(card: SharedCard) -> list[str]:
    """The shared details of one person, one per line, labelled."""
    lines: list[str] = []
    if card.headline:
        lines.append(card.headline)
    if card.employers:
        earlier = f" (before: {', '.join(card.employers[1:])})" if len(card.employers) > 1 else ""
        lines.append(f"Works at {card.employers[0]}{earlier}")
    if card.target_roles:
        lines.append(f"Looking for: {', '.join(card.target_roles)}")
    if card.target_companies:
        lines.append(f"Target companies: {', '.join(card.target_companies)}")
    for label, value in (
        ("Email", card.email),
        ("Phone", card.phone),
        ("LinkedIn", card.linkedin),
        ("Website", card.website),
    ):
        if value:
            lines.append(f"{label}: {value}")
    return lines


SPACER = Line("", "Helvetica", 2.4, LAYOUT.ink)  # 3 points of air under a table's heading


@dataclass
class Block:
    """Lines kept together in one column, then a gap."""

    lines: list[Line]
    gap: float

    @property
    def height(self) -> float:
        return sum(line.height for line in self.lines) + self.gap


def _mate_block(contact: Contact, seen_at: TableMet | None, width: float) -> Block:
    lines = wrapped(contact.card.full_name, LAYOUT.mate_name_size, width, bold=True)
    if seen_at is not None:
        where = f"also at round {seen_at.round_number}, table {seen_at.table_label}: details there"
        lines += wrapped(where, LAYOUT.small_size, width, color=LAYOUT.muted)
    else:
        for text in card_lines(contact.card):
            lines += wrapped(text, LAYOUT.detail_size, width)
    return Block(lines, LAYOUT.after_mate)


def table_blocks(followup: Followup, width: float) -> list[Block]:
    """Each table's heading joined to its first person (a heading never ends a column), then the rest."""
    blocks: list[Block] = []
    first_seen: dict[int, TableMet] = {}
    for table in followup.tables:
        title = f"Round {table.round_number} · Table {table.table_label}"
        heading = [*wrapped(title, LAYOUT.heading_size, width, bold=True), SPACER]
        if not table.mates:
            note = wrapped("Nobody else sat at this table.", LAYOUT.detail_size, width, color=LAYOUT.muted)
            blocks.append(Block(heading + note, LAYOUT.after_table))
            continue
        mates = []
        for mate in table.mates:
            mates.append(_mate_block(mate, first_seen.get(mate.member_id), width))
            first_seen.setdefault(mate.member_id, table)
        mates[0] = Block(heading + mates[0].lines, mates[0].gap)
        mates[-1].gap += LAYOUT.after_table
        blocks.extend(mates)
    return blocks


def header_lines(followup: Followup, scope: ExportScope, width: float) -> list[Line]:
    name = followup.attendee.card.full_name
    fonts = fonts_for(name)
    size = LAYOUT.name_size
    while size > LAYOUT.name_min_size and stringWidth(name, fonts.bold, size) > width:
        size -= 1
    meeting = scope.meeting
    where = f"{meeting.label}, {meeting.venue}" if meeting.venue else meeting.label
    return [
        *wrapped(name, size, width, bold=True),
        *wrapped(f"The people you sat with at {where}", LAYOUT.heading_size * 0.9, width),
        *wrapped(PRIVACY_NOTE, LAYOUT.small_size, width, color=LAYOUT.muted),
    ]


class _Pages:
    """Draws lines down two columns, starting new columns and pages as they fill."""

    def __init__(self, canvas: Canvas, size: tuple[float, float], footer: str) -> None:
        self.canvas = canvas
        self.width, self.height = size
        self.footer = footer
        self.column_width = (self.width - 2 * LAYOUT.margin - LAYOUT.gutter) / 2
        self.page = 1
        self.column = 0
        self.top = self.height - LAYOUT.margin
        self.y = self.top
        self._start_text()

    def _start_text(self) -> None:
        # One text object per page: far cheaper than a drawString (its own text object) per line.
        self.text = self.canvas.beginText()
        self.font: tuple[str, float] | None = None
        self.color: str | None = None

    @property
    def x(self) -> float:
        return LAYOUT.margin + self.column * (self.column_width + LAYOUT.gutter)

    @property
    def room(self) -> float:
        return self.y - LAYOUT.margin

    def draw(self, line: Line, x: float) -> None:
        self.y -= line.height
        if not line.text:
            return
        if (line.font, line.size) != self.font:
            self.text.setFont(line.font, line.size)
            self.font = (line.font, line.size)
        if line.color != self.color:
            self.text.setFillColor(HexColor(line.color))
            self.color = line.color
        # The baseline sits a fifth of the line height above the line's bottom, leaving room for descenders.
        self.text.setTextOrigin(x, self.y + line.height * 0.2)
        self.text.textOut(line.text)

    def full_width(self, lines: list[Line], gap: float) -> None:
        for line in lines:
            self.draw(line, LAYOUT.margin)
        self.y -= gap
        self.top = self.y

    def next_column(self) -> None:
        if self.column == 0:
            self.column = 1
        else:
            self.finish_page()
            self.canvas.showPage()
            self._start_text()
            self.page += 1
            self.column = 0
            self.top = self.height - LAYOUT.margin
        self.y = self.top

    def block(self, block: Block) -> None:
        column_height = self.top - LAYOUT.margin
        if block.height > self.room and block.height <= column_height and self.y < self.top:
            self.next_column()
        for line in block.lines:  # a block taller than a column (never in practice) breaks between lines
            if line.height > self.room and self.y < self.top:
                self.next_column()
            self.draw(line, self.x)
        self.y -= block.gap

    def finish_page(self) -> None:
        self.canvas.drawText(self.text)
        fonts = fonts_for(self.footer)
        self.canvas.setFont(fonts.regular, LAYOUT.small_size)
        self.canvas.setFillColor(HexColor(LAYOUT.muted))
        baseline = LAYOUT.margin / 2
        self.canvas.drawString(LAYOUT.margin, baseline, self.footer)
        self.canvas.drawRightString(self.width - LAYOUT.margin, baseline, f"page {self.page}")


def followup_pdf(followup: Followup, scope: ExportScope, *, page: tuple[float, float] = LETTER) -> bytes:
    """One attendee's follow-up document as PDF bytes."""
    buffer = io.BytesIO()
    name = followup.attendee.card.full_name
    # invariant: the same meeting gives the same bytes. Uncompressed: twice as fast to make, and at
    # ~50 KiB a page still a small email attachment.
    canvas = Canvas(buffer, pagesize=page, invariant=True, pageCompression=0)
    canvas.setTitle(f"Follow-up for {name}")
    canvas.setAuthor("tablesession")
    canvas.setSubject(scope.meeting.label)
    pages = _Pages(canvas, page, f"{name} · {scope.meeting.label}")
    text_width = pages.width - 2 * LAYOUT.margin
    pages.full_width(header_lines(followup, scope, text_width), LAYOUT.after_header)
    for block in table_blocks(followup, pages.column_width):
        pages.block(block)
    pages.finish_page()
    canvas.save()
    return buffer.getvalue()


def page_writer(region: str) -> PageWriter:
    """The follow-up page renderer for a group in `region` (Letter or A4)."""
    size = page_size_for(region)

    def write(followup: Followup, scope: ExportScope) -> bytes:
        return followup_pdf(followup, scope, page=size)

    return write
