"""The follow-up page an attendee gets after the meeting: who they sat with, and what each chose to share.

One document per attendee: their name and the meeting across the top, then each round's table with
its people, flowing down two columns (onto further pages for someone who met many people). Someone met
twice is described once and pointed to the second time. Only shared cards reach this module, so a
withheld field cannot be printed.

Drawn like every other printable: text fitted with `text.fit`, placed as items, flowed down columns by
`flow.ColumnFlow` and drawn by `pdf.PdfWriter` through reportlab. A person's lines are fitted once per
export and reused on every page that shows them (a meeting's cards do not change during an export).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4, LETTER

from sessions.exports import Contact, ExportScope, Followup, PageWriter, TableMet
from sessions.models import SharedCard

from .content import DEFAULT_REGION, display_phone, table_title, unprintable_warnings
from .flow import Block, ColumnFlow
from .geometry import Box, inches
from .pdf import Item, PdfWriter
from .styles import EVERYTHING
from .text import Fitted, TextStyle, fit, fit_atoms, place
from .typeface import Weight, width

# Regions whose printers hold US Letter; everyone else prints on A4.
LETTER_REGIONS = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE"})
UNBOUNDED = 10_000.0
PAGE_LABEL = "page {}"
PRIVACY_NOTE = (
    "Each person chose what to share with the people at their table. "
    "Please keep these details for your own follow-up and do not pass them on."
)


def _body(size: float, weight: Weight = Weight.REGULAR) -> TextStyle:
    """Running text: set at one size and wrapped, never shortened."""
    return TextStyle(size, floor=size, weight=weight, max_lines=EVERYTHING, leading=1.25, shorten=True)


@dataclass(frozen=True)
class FollowupStyle:
    """Every size on the page, in points."""

    margin: float
    gutter: float
    name: TextStyle
    intro: TextStyle
    heading: TextStyle
    mate_name: TextStyle
    detail: TextStyle
    contact: TextStyle  # a web address or email too long for the column shrinks on its own line, unbroken
    small: TextStyle
    after_header: float
    after_heading: float
    after_mate: float
    after_table: float
    muted: float  # grey of secondary text


FOLLOWUP = FollowupStyle(
    margin=inches(0.6),
    gutter=20,
    name=TextStyle(22, floor=14, minimum=10, weight=Weight.BOLD, leading=1.2),
    intro=_body(10.8),
    heading=_body(12, Weight.BOLD),
    mate_name=_body(10.5, Weight.BOLD),
    detail=_body(8.5),
    contact=TextStyle(8.5, floor=8.5, minimum=6, leading=1.25),
    small=_body(8),
    after_header=14,
    after_heading=3,
    after_mate=7,
    after_table=8,
    muted=0.33,
)


def page_size_for(region: str) -> tuple[float, float]:
    width_, height = LETTER if region.upper() in LETTER_REGIONS else A4
    return float(width_), float(height)


def card_lines(card: SharedCard, region: str = DEFAULT_REGION) -> list[tuple[str, str | None]]:
    """The shared details of one person, one per line: (label or text, value for a contact detail)."""
    lines: list[tuple[str, str | None]] = []
    if card.headline:
        lines.append((card.headline, None))
    if card.employers:
        earlier = f" (before: {', '.join(card.employers[1:])})" if len(card.employers) > 1 else ""
        lines.append((f"Works at {card.employers[0]}{earlier}", None))
    if card.target_roles:
        lines.append((f"Looking for: {', '.join(card.target_roles)}", None))
    if card.target_companies:
        lines.append((f"Target companies: {', '.join(card.target_companies)}", None))
    for label, value in (
        ("Email", card.email),
        ("Phone", display_phone(card.phone, region) if card.phone else None),
        ("LinkedIn", card.linkedin),
        ("Website", card.website),
    ):
        if value:
            lines.append((f"{label}:", value))
    return lines


@dataclass(frozen=True)
class Piece:
    """Fitted lines drawn one under the other, `gap` below the last; `gray` for secondary text."""

    fitted: Fitted
    gray: float = 0.0
    gap: float = 0.0

    @property
    def height(self) -> float:
        return self.fitted.height + self.gap


def _block(piece: Piece, *, keep: bool) -> Block:
    def draw(x: float, top: float, column_width: float) -> list[Item]:
        return list(place(piece.fitted, x, top, column_width, gray=piece.gray))

    return Block(piece.height, draw, keep_with_next=keep)


def _line_pieces(fitted: Fitted, gray: float = 0.0) -> list[Piece]:
    """A wrapped paragraph as one piece per line, so a card taller than a column can break between lines."""
    if len(fitted.lines) <= 1:
        return [Piece(fitted, gray)]
    return [Piece(Fitted((line,), fitted.size, fitted.style), gray) for line in fitted.lines]


@dataclass
class FollowupRenderer:
    """Makes follow-up documents on one page size, for one export, in one thread."""

    page: tuple[float, float] = (float(LETTER[0]), float(LETTER[1]))
    style: FollowupStyle = FOLLOWUP
    region: str = DEFAULT_REGION  # phones print in its national format
    _mates: dict[tuple[int, tuple[int, str] | None], tuple[SharedCard, list[Piece]]] = field(default_factory=dict)

    @property
    def column_width(self) -> float:
        return (self.page[0] - 2 * self.style.margin - self.style.gutter) / 2

    def mate_pieces(self, contact: Contact, seen_at: TableMet | None) -> list[Piece]:
        """A table-mate's name, then their shared details (or, met before, where to find them)."""
        key = (contact.member_id, None if seen_at is None else (seen_at.round_number, seen_at.table_label))
        cached = self._mates.get(key)
        if cached is not None and cached[0] == contact.card:
            return cached[1]
        style, column = self.style, self.column_width
        pieces = _line_pieces(fit(contact.card.full_name, style.mate_name, column, UNBOUNDED))
        if seen_at is not None:
            where = f"also at round {seen_at.round_number}, table {seen_at.table_label}: details there"
            pieces += _line_pieces(fit(where, style.small, column, UNBOUNDED), style.muted)
        else:
            for text, value in card_lines(contact.card, self.region):
                if value is None:
                    pieces += _line_pieces(fit(text, style.detail, column, UNBOUNDED))
                else:
                    for fitted in fit_atoms([text, value], style.contact, column, " "):
                        pieces += _line_pieces(fitted)
        self._mates[key] = (contact.card, pieces)
        return pieces

    def heading_pieces(self, table: TableMet) -> list[Piece]:
        style = self.style
        title = f"Round {table.round_number} · {table_title(table.table_label)}"
        pieces = _line_pieces(fit(title, style.heading, self.column_width, UNBOUNDED))
        pieces[-1] = Piece(pieces[-1].fitted, gap=style.after_heading)
        if not table.mates:
            note = fit("Nobody else sat at this table.", style.detail, self.column_width, UNBOUNDED)
            pieces += _line_pieces(note, style.muted)
        return pieces

    def blocks(self, followup: Followup) -> Iterator[Block]:
        """Each table's heading kept with its first person (a heading never ends a column); each person's
        lines kept together unless they are taller than a column."""
        first_seen: dict[int, TableMet] = {}
        style = self.style
        for table in followup.tables:
            heading = self.heading_pieces(table)
            if not table.mates:
                heading[-1] = Piece(heading[-1].fitted, heading[-1].gray, style.after_table)
                yield from (_block(piece, keep=i < len(heading) - 1) for i, piece in enumerate(heading))
                continue
            yield from (_block(piece, keep=True) for piece in heading)
            last = len(table.mates) - 1
            for index, mate in enumerate(table.mates):
                pieces = list(self.mate_pieces(mate, first_seen.get(mate.member_id)))
                first_seen.setdefault(mate.member_id, table)
                gap = style.after_mate + (style.after_table if index == last else 0)
                pieces[-1] = Piece(pieces[-1].fitted, pieces[-1].gray, gap)
                yield from (_block(piece, keep=i < len(pieces) - 1) for i, piece in enumerate(pieces))

    def document(self, followup: Followup, scope: ExportScope) -> bytes:
        """One attendee's follow-up document as PDF bytes. The same meeting gives the same bytes."""
        style = self.style
        name = followup.attendee.card.full_name
        label = scope.meeting.label
        where = f"{label}, {scope.meeting.venue}" if scope.meeting.venue else label
        page_width, page_height = self.page
        content = Box(0, 0, page_width, page_height).inset(style.margin)
        writer = PdfWriter(f"Follow-up for {name}", self.page, subject=label)
        writer.warn(unprintable_warnings([followup.attendee.card, *(m.card for t in followup.tables for m in t.mates)]))
        footer = fit(f"{name} · {label}", style.small, content.width * 0.75, UNBOUNDED)

        def page_heading(number: int) -> tuple[list[Item], float]:
            items: list[Item] = list(place(footer, content.x, style.margin / 2 + style.small.size, content.width,
                                           gray=style.muted))  # fmt: skip
            page_label = PAGE_LABEL.format(number)
            right = content.right - width(page_label, style.small.size)
            items += place(fit(page_label, style.small, content.width, UNBOUNDED), right,
                           style.margin / 2 + style.small.size, content.right - right, gray=style.muted)  # fmt: skip
            if number > 1:
                return items, content.top
            top = content.top
            for fitted, gray in (
                (fit(name, style.name, content.width, UNBOUNDED), 0.0),
                (fit(f"The people you sat with at {where}", style.intro, content.width, UNBOUNDED), 0.0),
                (fit(PRIVACY_NOTE, style.small, content.width, UNBOUNDED), style.muted),
            ):
                items += place(fitted, content.x, top, content.width, gray=gray)
                top -= fitted.height + 2
            return items, top - style.after_header

        flow = ColumnFlow(writer, content, columns=2, gap=style.gutter, page_heading=page_heading)
        for block in self.blocks(followup):
            flow.add(block)
        flow.finish()
        return writer.finish().data


def followup_pdf(followup: Followup, scope: ExportScope, *, page: tuple[float, float] = LETTER) -> bytes:
    """One attendee's follow-up document as PDF bytes."""
    return FollowupRenderer((float(page[0]), float(page[1]))).document(followup, scope)


def page_writer(region: str) -> PageWriter:
    """The follow-up page renderer for a group in `region` (Letter or A4), for one export."""
    return FollowupRenderer(page_size_for(region), region=region.upper()).document
