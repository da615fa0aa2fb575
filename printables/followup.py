"""The follow-up page an attendee gets after the meeting: who they sat with, and what each chose to share.

One document per attendee: their name and the meeting across the top, then each round's table with
its people, flowing down two columns (onto a second page only for someone who met very many people).
Someone met twice is described once and pointed to the second time. Only shared cards reach this
module, so a withheld field cannot be printed.

A meeting of 2,000 makes 2,000 of these at once, each showing about twenty people who also appear on
everyone else's page. So each person's details are laid out and encoded once per export
(`followup_text`), and each document is a few objects written directly (`pdf_file`): through
reportlab's canvas, drawing and serialising the same lines again for every page took seconds.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import inch
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth

from sessions.exports import Contact, ExportScope, Followup, PageWriter, TableMet
from sessions.models import Meeting, SharedCard

from .bidi import has_right_to_left, shaped, visual
from .cid_fonts import FontObjects
from .followup_fonts import font_runs, text_width
from .followup_text import STANDARD_FONT_OBJECTS, Line, Piece, Typesetter, fill_color
from .pdf_file import PdfFile, pdf_number, text_string

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
PAGE_LABEL = "page {}"
PRIVACY_NOTE = (
    "Each person chose what to share with the people at their table. "
    "Please keep these details for your own follow-up and do not pass them on."
)


def page_size_for(region: str) -> tuple[float, float]:
    width, height = LETTER if region.upper() in LETTER_REGIONS else A4
    return float(width), float(height)


def _word_wrap(text: str, size: float, width: float, bold: bool) -> list[str]:
    """Lines of whole words no wider than `width` (a word wider than that gets a line of its own)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def _break_long(line: str, size: float, width: float, measure: Callable[[str], float]) -> list[str]:
    """A line still wider than `width` (a long web address, Chinese or Japanese without spaces) broken
    between characters, so it never runs into the next column."""
    if measure(line) <= width:
        return [line]
    pieces: list[str] = []
    current, used = "", 0.0
    for char in line:
        advance = measure(char)
        if current and used + advance > width:
            pieces.append(current)
            current, used = "", 0.0
        current += char
        used += advance
    return [*pieces, current]


def _logical_lines(text: str, size: float, width: float, bold: bool, color: str) -> tuple[Line, ...]:
    height = size * LAYOUT.leading
    runs = font_runs(text, bold)
    if not runs:
        return (Line((), size, color, height),)
    # Most lines fit as they are: one measurement instead of one per word. (simpleSplit would give the
    # same single line: the text is already trimmed to single spaces.)
    if len(runs) == 1 and " ".join(text.split()) == text and stringWidth(text, runs[0][0], size) <= width:
        return (Line(runs, size, color, height),)
    blank = (Line((), size, color, height),)
    if len(runs) == 1:  # one font for every line of it, as measured
        font = runs[0][0]

        def measure(part: str) -> float:
            return float(stringWidth(part, font, size))

        parts = [
            piece for part in simpleSplit(text, font, size, width) for piece in _break_long(part, size, width, measure)
        ]
        return tuple(Line(((font, part),), size, color, height) for part in parts) or blank

    # More than one font: measured run by run, and each line split into its own runs.
    def measure_runs(part: str) -> float:
        return text_width(part, size, bold)

    parts = [
        piece for part in _word_wrap(text, size, width, bold) for piece in _break_long(part, size, width, measure_runs)
    ]
    return tuple(Line(font_runs(part, bold), size, color, height) for part in parts) or blank


@functools.lru_cache(maxsize=8192)  # labels and shared employers or roles repeat from person to person
def _wrap(text: str, size: float, width: float, bold: bool, color: str) -> tuple[Line, ...]:
    """Wrapped in reading order, each line then put in drawing order."""
    return tuple(_drawn(line, bold) for line in _logical_lines(text, size, width, bold, color))


def _drawn(line: Line, bold: bool) -> Line:
    """A line with right-to-left text put in drawing order (see bidi.py); any other line as it is."""
    text = line.text
    if not has_right_to_left(text):
        return line
    return Line(font_runs(visual(text), bold), line.size, line.color, line.height)


def wrapped(text: str, size: float, width: float, *, bold: bool = False, color: str = LAYOUT.ink) -> list[Line]:
    """`text` broken into lines no wider than `width`, in a font that has all its characters."""
    return list(_wrap(shaped(text), size, width, bold, color))


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


SPACER = Line((), 2.4, LAYOUT.ink, 2.4 * LAYOUT.leading)  # 3 points of air under a table's heading


def mate_lines(contact: Contact, seen_at: TableMet | None, width: float) -> tuple[Line, ...]:
    """A table-mate's name, then their shared details (or, met before, where to find them)."""
    lines = wrapped(contact.card.full_name, LAYOUT.mate_name_size, width, bold=True)
    if seen_at is not None:
        where = f"also at round {seen_at.round_number}, table {seen_at.table_label}: details there"
        lines += wrapped(where, LAYOUT.small_size, width, color=LAYOUT.muted)
    else:
        for text in card_lines(contact.card):
            lines += wrapped(text, LAYOUT.detail_size, width)
    return tuple(lines)


def name_lines(name: str, width: float) -> list[Line]:
    """The attendee's name across the top, shrunk to fit, then wrapped."""
    name = shaped(name)
    size = LAYOUT.name_size
    while size > LAYOUT.name_min_size and text_width(name, size, bold=True) > width:
        size -= 1
    return wrapped(name, size, width, bold=True)


def intro_lines(where: str, width: float) -> list[Line]:
    """Under the name: where they met these people, and the privacy note (the same on every page)."""
    return [
        *wrapped(f"The people you sat with at {where}", LAYOUT.heading_size * 0.9, width),
        *wrapped(PRIVACY_NOTE, LAYOUT.small_size, width, color=LAYOUT.muted),
    ]


class Block(NamedTuple):
    """Pieces kept together in one column, then a gap. `height` includes the gap."""

    pieces: tuple[Piece, ...]
    gap: float
    height: float


@functools.lru_cache(maxsize=64)
def _move_down(distance: float) -> bytes:
    return b"0 %s Td\n" % pdf_number(-distance).encode("ascii")


def _origin(x: float, y: float) -> bytes:
    return b"1 0 0 1 %s %s Tm\n" % (pdf_number(x).encode("ascii"), pdf_number(y).encode("ascii"))


class _Sheet:
    """One document's pages: pieces down two columns, starting new columns and pages as they fill.

    A piece's operators end at its bottom-left corner, so the next piece in a column follows with
    at most a constant move for the gap; only a column's first piece is given a position."""

    def __init__(self, typesetter: Typesetter, size: tuple[float, float], footer: str) -> None:
        self.typesetter = typesetter
        self.width, self.height = size
        self.column_width = (self.width - 2 * LAYOUT.margin - LAYOUT.gutter) / 2
        self.pages: list[list[bytes]] = [[]]
        self.fonts: dict[bytes, FontObjects] = {}  # the embedded subsets drawn with, by resource name
        self.column = 0
        self.top = self.height - LAYOUT.margin
        self.y = self.top
        self.placed = False  # whether the column has a piece already (else the next one needs a position)
        # The footer (with the attendee's name) has fonts of its own; page numbers are Latin.
        runs = font_runs(visual(shaped(footer)))
        subsets = typesetter.fonts_for(runs)
        self.footer = b"".join(
            (
                fill_color(LAYOUT.muted),
                _origin(LAYOUT.margin, LAYOUT.margin / 2),
                typesetter.show_runs(runs, LAYOUT.small_size, subsets),
            )
        )
        for subset in subsets.values():
            self.fonts[subset.resource] = subset.objects

    def place(self, piece: Piece) -> None:
        ops = self.pages[-1]
        if not self.placed:
            ops.append(_origin(LAYOUT.margin + self.column * (self.column_width + LAYOUT.gutter), self.y))
            self.placed = True
        ops.append(piece.ops)
        self.y -= piece.height
        for resource, objects in piece.fonts:
            self.fonts[resource] = objects

    def skip(self, gap: float) -> None:
        if self.placed:
            self.pages[-1].append(_move_down(gap))
        self.y -= gap

    def full_width(self, pieces: tuple[Piece, ...], gap: float) -> None:
        for piece in pieces:
            self.place(piece)
        self.skip(gap)
        self.top = self.y

    def next_column(self) -> None:
        if self.column == 0:
            self.column = 1
        else:
            self.finish_page()
            self.pages.append([])
            self.column = 0
            self.top = self.height - LAYOUT.margin
        self.y = self.top
        self.placed = False

    def block(self, block: Block) -> None:
        room = self.y - LAYOUT.margin
        if block.height > room and block.height <= self.top - LAYOUT.margin and self.y < self.top:
            self.next_column()
            room = self.y - LAYOUT.margin
        if block.height - block.gap <= room:
            for piece in block.pieces:
                self.place(piece)
        else:  # a block taller than a column (never in practice) breaks between lines
            for line in (line for piece in block.pieces for line in piece.lines):
                if line.height > self.y - LAYOUT.margin and self.y < self.top:
                    self.next_column()
                self.place(self.typesetter.line(line))
        self.skip(block.gap)

    def finish_page(self) -> None:
        label = PAGE_LABEL.format(len(self.pages))
        right = self.width - LAYOUT.margin - text_width(label, LAYOUT.small_size)
        shown = self.typesetter.show_runs(font_runs(label), LAYOUT.small_size, {})
        self.pages[-1] += (self.footer, _origin(right, LAYOUT.margin / 2), shown)


@dataclass
class FollowupRenderer:
    """Makes follow-up documents on one page size; keeps each person's encoded details for the next page.

    One renderer serves one export (a meeting's cards do not change during it), in one thread."""

    page: tuple[float, float] = (float(LETTER[0]), float(LETTER[1]))
    typesetter: Typesetter = field(default_factory=Typesetter)
    _mates: dict[tuple[int, tuple[int, str] | None], tuple[SharedCard, Piece]] = field(default_factory=dict)
    _headings: dict[tuple[int, str, bool], Piece] = field(default_factory=dict)
    _intros: dict[str, Piece] = field(default_factory=dict)
    _meeting: Meeting | None = None
    _meeting_label: str = ""

    @property
    def column_width(self) -> float:
        return (self.page[0] - 2 * LAYOUT.margin - LAYOUT.gutter) / 2

    def _mate(self, contact: Contact, seen_at: TableMet | None) -> Piece:
        key = (contact.member_id, None if seen_at is None else (seen_at.round_number, seen_at.table_label))
        cached = self._mates.get(key)
        if cached is not None and (cached[0] is contact.card or cached[0] == contact.card):
            return cached[1]
        piece = self.typesetter.piece(mate_lines(contact, seen_at, self.column_width))
        self._mates[key] = (contact.card, piece)
        return piece

    def _heading(self, table: TableMet) -> Piece:
        key = (table.round_number, table.table_label, bool(table.mates))
        piece = self._headings.get(key)
        if piece is None:
            title = f"Round {table.round_number} · Table {table.table_label}"
            lines = (*wrapped(title, LAYOUT.heading_size, self.column_width, bold=True), SPACER)
            if not table.mates:
                note = "Nobody else sat at this table."
                lines += tuple(wrapped(note, LAYOUT.detail_size, self.column_width, color=LAYOUT.muted))
            piece = self._headings[key] = self.typesetter.piece(lines)
        return piece

    def blocks(self, followup: Followup) -> Iterator[Block]:
        """Each table's heading joined to its first person (a heading never ends a column), then the rest."""
        first_seen: dict[int, TableMet] = {}
        after_mate, after_table = LAYOUT.after_mate, LAYOUT.after_mate + LAYOUT.after_table
        for table in followup.tables:
            heading = self._heading(table)
            if not table.mates:
                yield Block((heading,), LAYOUT.after_table, heading.height + LAYOUT.after_table)
                continue
            last = len(table.mates) - 1
            for index, mate in enumerate(table.mates):
                piece = self._mate(mate, first_seen.get(mate.member_id))
                first_seen.setdefault(mate.member_id, table)
                gap = after_table if index == last else after_mate
                if index == 0:
                    yield Block((heading, piece), gap, heading.height + piece.height + gap)
                else:
                    yield Block((piece,), gap, piece.height + gap)

    def _label(self, meeting: Meeting) -> str:
        """The meeting's label, worked out once per export (it formats a date)."""
        if self._meeting is not meeting:
            self._meeting, self._meeting_label = meeting, meeting.label
        return self._meeting_label

    def document(self, followup: Followup, scope: ExportScope) -> bytes:
        """One attendee's follow-up document as PDF bytes. The same meeting gives the same bytes."""
        name = followup.attendee.card.full_name
        label = self._label(scope.meeting)
        sheet = _Sheet(self.typesetter, self.page, f"{name} · {label}")
        width = self.page[0] - 2 * LAYOUT.margin
        where = f"{label}, {scope.meeting.venue}" if scope.meeting.venue else label
        intro = self._intros.get(where)
        if intro is None:
            intro = self._intros[where] = self.typesetter.piece(tuple(intro_lines(where, width)))
        sheet.full_width((self.typesetter.piece(tuple(name_lines(name, width))), intro), LAYOUT.after_header)
        for block in self.blocks(followup):
            sheet.block(block)
        sheet.finish_page()
        return self._file(sheet, title=f"Follow-up for {name}", subject=label)

    def _file(self, sheet: _Sheet, *, title: str, subject: str) -> bytes:
        pdf = PdfFile()
        catalog, tree = pdf.reserve(), pdf.reserve()
        info = pdf.add(
            b"<< /Title %s /Author (tablesession) /Subject %s /Creator (tablesession) /Producer (tablesession) >>"
            % (text_string(title), text_string(subject))
        )
        fonts = [b"%s %d 0 R" % (resource, pdf.add(body)) for resource, body in STANDARD_FONT_OBJECTS.items()]
        for resource, objects in sorted(sheet.fonts.items()):
            fonts.append(b"%s %d 0 R" % (resource, objects.write(pdf)))
        resources = pdf.add(b"<< /ProcSet [/PDF /Text] /Font << %s >> >>" % b" ".join(fonts))
        box = b"[0 0 %s %s]" % (pdf_number(self.page[0]).encode("ascii"), pdf_number(self.page[1]).encode("ascii"))
        kids = []
        for ops in sheet.pages:
            content = pdf.add_stream(b"BT\n" + b"".join(ops) + b"ET")
            kids.append(
                pdf.add(
                    b"<< /Type /Page /Parent %d 0 R /MediaBox %s /Resources %d 0 R /Contents %d 0 R >>"
                    % (tree, box, resources, content)
                )
            )
        pdf.put(
            tree, b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % kid for kid in kids), len(kids))
        )
        pdf.put(catalog, b"<< /Type /Catalog /Pages %d 0 R >>" % tree)
        return pdf.to_bytes(catalog, info)


def followup_pdf(followup: Followup, scope: ExportScope, *, page: tuple[float, float] = LETTER) -> bytes:
    """One attendee's follow-up document as PDF bytes."""
    return FollowupRenderer((float(page[0]), float(page[1]))).document(followup, scope)


def page_writer(region: str) -> PageWriter:
    """The follow-up page renderer for a group in `region` (Letter or A4), for one export."""
    return FollowupRenderer(page_size_for(region)).document
