"""Type sizes, margins and proportions of every document, as data.

Legibility guidance: first name largest, sans-serif, black on white, no italics; a tent card is read across
a table (1-2 m), so its first name is as large as the panel allows (ordinary names land well above 72 pt)
and its QR code is 6-10 cm wide. Badges and business cards are designed at a reference cell size and
scaled to the stock's cell.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .geometry import inches, mm
from .text import TextStyle
from .typeface import Weight

BOLD = Weight.BOLD

# Smallest module a phone reliably reads held at arm's length; QR codes grow to give every module this much
# where the cell has room.
MIN_QR_MODULE = mm(0.4)
# Lines enough for any text a member can enter (see sessions.models.limits): never shortened.
EVERYTHING = 400
# Ink keeps at least this far from a label's die-cut edge (a die-cut wanders by about a millimetre).
SAFE_EDGE = mm(1.5)
# Secondary text on a small cell is not scaled below this.
LEGIBLE_MINIMUM = 6.5


@dataclass(frozen=True)
class TentStyle:
    edge_margin: float  # the panel edge that sits on the table
    fold_margin: float  # keep type off the crease
    side_margin: float
    qr_max: float
    gap: float  # between the text column and the QR code
    spacing: float  # between text blocks
    first_name: TextStyle
    full_name: TextStyle
    headline: TextStyle
    subgroup: TextStyle
    fold_gray: float
    fold_dash: tuple[float, ...]
    event: TextStyle
    event_gray: float
    looking_for: TextStyle
    marks: TextStyle
    first_name_share: float  # the other lines leave the first name at least this share of the column


TENT = TentStyle(
    edge_margin=inches(0.45),
    fold_margin=inches(0.4),
    side_margin=inches(0.45),
    qr_max=inches(2.9),  # 7.4 cm with its quiet zone (6.6 cm of code): scannable across a table
    gap=inches(0.25),
    spacing=7,
    first_name=TextStyle(130, floor=44, minimum=18, weight=BOLD, leading=1.05),
    full_name=TextStyle(28, floor=16, minimum=9),
    headline=TextStyle(18, floor=13, max_lines=2, shorten=True),
    subgroup=TextStyle(16, floor=11, weight=BOLD, shorten=True),
    fold_gray=0.7,
    fold_dash=(4, 4),
    event=TextStyle(13, floor=10, shorten=True),
    event_gray=0.35,
    looking_for=TextStyle(15, floor=12, max_lines=2, shorten=True),
    marks=TextStyle(20, floor=13, weight=BOLD, shorten=True),
    first_name_share=0.42,
)


@dataclass(frozen=True)
class BadgeStyle:
    """Designed for a 4 x 3 in badge; other cells scale it by the smaller of their width and height ratios."""

    reference_width: float
    reference_height: float
    padding: float
    gap: float
    first_name_share: float  # at most this share of the content height goes to the first name
    qr_share: float  # the QR code takes this share of the content width when the cell is roomy
    qr_share_max: float  # and may grow to this share to reach MIN_QR_MODULE
    first_name: TextStyle
    full_name: TextStyle
    headline: TextStyle
    subgroup: TextStyle
    event: TextStyle
    event_gray: float


BADGE = BadgeStyle(
    reference_width=inches(4),
    reference_height=inches(3),
    padding=inches(0.14),
    gap=inches(0.08),
    first_name_share=0.4,
    qr_share=0.44,
    qr_share_max=0.5,
    first_name=TextStyle(64, floor=28, minimum=9, weight=BOLD, leading=1.05),
    full_name=TextStyle(17, floor=10, minimum=6),
    headline=TextStyle(11, floor=8.5, max_lines=3, shorten=True),
    subgroup=TextStyle(11, floor=8, weight=BOLD, shorten=True),
    event=TextStyle(9, floor=7, shorten=True),
    event_gray=0.35,
)


@dataclass(frozen=True)
class CardStyle:
    """Business cards, designed for 3.5 x 2 in and scaled like badges."""

    reference_width: float
    reference_height: float
    padding: float
    gap: float
    qr_share: float
    qr_share_max: float  # the QR code may grow to this share of the width to keep its modules MIN_QR_MODULE
    name: TextStyle
    headline: TextStyle
    contact: TextStyle
    seeking: TextStyle


CARD = CardStyle(
    reference_width=inches(3.5),
    reference_height=inches(2),
    padding=inches(0.13),
    gap=inches(0.08),
    qr_share=0.4,
    qr_share_max=0.48,
    name=TextStyle(15, floor=10, minimum=6, weight=BOLD),
    headline=TextStyle(8.5, floor=7, max_lines=2, shorten=True),
    contact=TextStyle(8, floor=7, minimum=5.5),  # never shortened: a cut address is a wrong one
    seeking=TextStyle(7.5, floor=6.5, max_lines=2, shorten=True),
)

CUT_LINE_GRAY = 0.6
CUT_LINE_DASH = (3, 3)
CUT_LINE_WIDTH = 0.4


@dataclass(frozen=True)
class SheetStyle:
    margin: float
    group: TextStyle
    meeting: TextStyle
    round_label: TextStyle
    table_label: TextStyle
    schedule: TextStyle
    seat: TextStyle
    seat_time: TextStyle
    name: TextStyle
    headline: TextStyle
    detail: TextStyle
    contact: TextStyle
    notes_label: TextStyle
    seat_column: float
    qr_max: float
    notes_share: float  # of the row width
    note_line_pitch: float
    row_max: float
    row_min: float
    row_padding: float
    header_gap: float
    rule_gray: float


SHEET = SheetStyle(
    margin=inches(0.5),
    group=TextStyle(13, floor=9, weight=BOLD, shorten=True),
    meeting=TextStyle(10.5, floor=8, max_lines=2, shorten=True),
    round_label=TextStyle(16, floor=12, weight=BOLD),
    table_label=TextStyle(30, floor=14, minimum=10, weight=BOLD),
    schedule=TextStyle(9.5, floor=8, max_lines=3, shorten=True),
    seat=TextStyle(22, floor=12, weight=BOLD),
    seat_time=TextStyle(10, floor=7, weight=BOLD),
    name=TextStyle(14, floor=9, minimum=6, weight=BOLD),
    # A row grows to hold all a member shares: secondary text wraps at its floor without a line limit
    # (EVERYTHING is more lines than the longest profile the model accepts takes).
    headline=TextStyle(10, floor=8, max_lines=EVERYTHING, shorten=True),
    detail=TextStyle(9, floor=7.5, max_lines=EVERYTHING, shorten=True),
    contact=TextStyle(8.5, floor=7, minimum=5),
    notes_label=TextStyle(7, floor=6),
    seat_column=38,
    qr_max=mm(30),  # read at arm's length: about 2.5-3 cm; 75 modules of 0.4 mm (version 12 and its margin)
    notes_share=0.27,
    note_line_pitch=15,
    row_max=110,
    row_min=70,
    row_padding=5,
    header_gap=8,
    rule_gray=0.75,
)


@dataclass(frozen=True)
class DoorStyle:
    margin: float
    columns: int
    column_gap: float
    title: TextStyle
    subtitle: TextStyle
    heading: TextStyle
    name: TextStyle
    table: TextStyle
    note: TextStyle  # what tells two people of the same name apart
    round_column_min: float
    round_column_max: float
    row_padding: float
    rule_gray: float
    larger_scales: tuple[float, ...]  # tried largest first; kept when the list still fits its pages

    def scaled(self, factor: float) -> DoorStyle:
        return replace(
            self,
            heading=self.heading.scaled(factor),
            name=self.name.scaled(factor),
            table=self.table.scaled(factor),
            note=self.note.scaled(factor),
            round_column_min=self.round_column_min * factor,
            round_column_max=self.round_column_max * factor,
            row_padding=self.row_padding * factor,
        )


DOOR = DoorStyle(
    margin=inches(0.5),
    columns=3,
    column_gap=inches(0.3),
    title=TextStyle(26, floor=16, weight=BOLD, shorten=True),
    subtitle=TextStyle(13, floor=9, shorten=True),
    heading=TextStyle(11, floor=8, weight=BOLD),
    name=TextStyle(16, floor=10, minimum=6),
    table=TextStyle(16, floor=9, minimum=6, weight=BOLD),
    note=TextStyle(10, floor=8, max_lines=2, shorten=True),
    round_column_min=26,
    round_column_max=60,
    row_padding=3,
    rule_gray=0.85,
    larger_scales=(1.5, 1.25),
)


@dataclass(frozen=True)
class CompanyStyle:
    margin: float
    columns: int
    column_gap: float
    title: TextStyle
    subtitle: TextStyle
    company: TextStyle
    label: TextStyle
    people: TextStyle
    block_gap: float
    rule_gray: float


COMPANIES = CompanyStyle(
    margin=inches(0.5),
    columns=2,
    column_gap=inches(0.35),
    title=TextStyle(20, floor=14, weight=BOLD, shorten=True),
    subtitle=TextStyle(11, floor=8, shorten=True),
    company=TextStyle(13, floor=9, minimum=6, weight=BOLD),
    label=TextStyle(8.5, floor=7, weight=BOLD),
    people=TextStyle(10.5, floor=10.5, minimum=6),
    block_gap=9,
    rule_gray=0.8,
)


@dataclass(frozen=True)
class ChangesStyle:
    margin: float
    title: TextStyle
    subtitle: TextStyle
    event: TextStyle  # "19:05  Ana Lopez left"
    move: TextStyle  # "Ben Ortiz: round 2, table 3 -> table 5"
    move_indent: float
    event_gap: float


CHANGES = ChangesStyle(
    margin=inches(0.6),
    title=TextStyle(22, floor=14, weight=BOLD, shorten=True),
    subtitle=TextStyle(11, floor=8, shorten=True),
    event=TextStyle(14, floor=10, minimum=7, weight=BOLD, max_lines=EVERYTHING),
    move=TextStyle(13, floor=10, minimum=7, max_lines=EVERYTHING),
    move_indent=inches(0.35),
    event_gap=12,
)


@dataclass(frozen=True)
class CalibrationStyle:
    outline_gray: float
    outline_width: float
    margin_gray: float
    margin_dash: tuple[float, ...]
    cross: float  # half-length of the centre mark
    label: TextStyle
    info: TextStyle
    ruler_length_in: float
    ruler_length_mm: float


CALIBRATION = CalibrationStyle(
    outline_gray=0.2,
    outline_width=0.6,
    margin_gray=0.6,
    margin_dash=(2, 3),
    cross=9,
    label=TextStyle(9, floor=6, weight=BOLD),
    info=TextStyle(8, floor=5.5, max_lines=12, shorten=True),
    ruler_length_in=2,
    ruler_length_mm=50,
)
