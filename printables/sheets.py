"""Table sheets: one page per table per round, left on the table for everyone seated there.

The header names the group, meeting, round and table and gives the speaking schedule; then each member in
speaking order with what they share (headline, previous employers, targets, contact details), a small QR
code, and ruled space for notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sessions.models import Meeting, Round, SharedCard, Table
from sessions.speaking_times import SpeakingSlot, round_end, speaking_slots

from .content import DEFAULT_REGION, contact_code, contact_lines, table_title, unprintable_warnings
from .geometry import Box, Paper
from .layout import Progress, qr_square, report, stack, stack_height
from .pdf import Item, Pdf, PdfWriter, Rule
from .styles import SHEET, SheetStyle
from .text import Fitted, fit, fit_atoms, place


def clock_time(moment: dt.datetime) -> str:
    """hh:mm, the seconds dropped: a 30-second changeover puts turns on the half minute, and a speaker is
    better ready half a minute early than late."""
    return moment.strftime("%H:%M")


def duration(seconds: int) -> str:
    """A turn length as the clock shows it: 5:00."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def length(seconds: int) -> str:
    """A span of time in words, so it is not mistaken for a time of day: 42 min 30 s."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def schedule_text(meeting: Meeting, slots: Sequence[SpeakingSlot], round_turns: int, ends: dt.datetime | None) -> str:
    """The schedule line of one table's sheet: its seats' times when the round's start is known."""
    each = f"{duration(meeting.turn_seconds)} each, {duration(meeting.changeover_seconds)} to change over"
    if ends is None:
        origin = dt.datetime(2000, 1, 1)
        total = int((round_end(meeting, origin, round_turns) - origin).total_seconds())
        return f"Speaking order: seat 1 first, then around the table; {each}; the round takes {length(total)}."
    times = " · ".join(f"seat {slot.seat} at {clock_time(slot.starts_at)}" for slot in slots)
    return f"Speaking schedule ({each}): {times}; the round ends at {clock_time(ends)}."


@dataclass(frozen=True)
class SheetHeader:
    group: str
    meeting: Meeting
    round_number: int
    table: Table
    schedule: str
    continued: bool = False


def meeting_line(meeting: Meeting) -> str:
    parts = [meeting.title, meeting.date.strftime("%A %d %B %Y"), meeting.venue]
    return " · ".join(part for part in parts if part)


def header_items(header: SheetHeader, content: Box, style: SheetStyle = SHEET) -> tuple[list[Item], float]:
    """The header's items and the y where the member rows may start."""
    right_width = content.width * 0.3
    left_width = content.width - right_width - 12
    round_label = fit(f"Round {header.round_number}", style.round_label, right_width, 30)
    table_text = table_title(header.table.label) + (" (continued)" if header.continued else "")
    table_label = fit(table_text, style.table_label, right_width, 80)
    right_x = content.x + left_width + 12
    right = [*place(round_label, right_x, content.top, right_width, align="right")]
    right += place(table_label, right_x, content.top - round_label.height - 2, right_width, align="right")
    right_bottom = content.top - round_label.height - 2 - table_label.height

    group = fit(header.group, style.group, left_width, 30)
    meeting = fit(meeting_line(header.meeting), style.meeting, left_width, 30)
    left = stack([group, meeting], content.x, content.top, left_width, 3)
    left_bottom = content.top - group.height - 3 - meeting.height

    top = min(left_bottom, right_bottom) - style.header_gap
    schedule = fit(header.schedule, style.schedule, content.width, 40)
    items: list[Item] = [*right, *left, *place(schedule, content.x, top, content.width)]
    top -= schedule.height + style.header_gap / 2
    items.append(Rule(content.x, top, content.right, top, width=1.0, gray=0.2))
    return items, top - style.header_gap / 2


def _line(label: str, values: Sequence[str]) -> str:
    return f"{label}: {', '.join(values)}" if values else ""


def member_text(card: SharedCard) -> list[tuple[str, str]]:
    """(style name, text) lines for a member row, from what they share (contact details come separately)."""
    targets = []
    if card.target_roles:
        targets.append(", ".join(card.target_roles))
    if card.target_companies:
        targets.append("at " + ", ".join(card.target_companies))
    return [
        ("name", card.full_name),
        ("headline", card.headline or ""),
        ("detail", _line("Worked at", card.employers)),
        ("detail", f"Looking for: {' · '.join(targets)}" if targets else ""),
    ]


ROW_SPACING = 2  # between the text blocks of a row
UNBOUNDED = 10_000.0  # a row grows to hold everything shared, so text is fitted to width only


def text_width_of(row_width: float, style: SheetStyle = SHEET) -> float:
    """The width of a row's text column: between the seat number and QR code and the notes."""
    return row_width * (1 - style.notes_share) - 10 - style.seat_column - 4 - style.qr_max - 8


def row_blocks(
    card: SharedCard | None, text_width: float, style: SheetStyle = SHEET, region: str = DEFAULT_REGION
) -> list[Fitted]:
    """Everything a member shares, set to the column width: secondary text shrinks to its floor and wraps
    (the row grows rather than anything being left out), contact details are never cut."""
    if card is None:
        return [fit("(empty seat)", style.headline, text_width, UNBOUNDED)]
    styles = {"name": style.name, "headline": style.headline, "detail": style.detail}
    blocks = [fit(text, styles[kind], text_width, UNBOUNDED) for kind, text in member_text(card) if text]
    return blocks + fit_atoms(contact_lines(card, region), style.contact, text_width)


def row_height_needed(
    card: SharedCard | None, row_width: float, style: SheetStyle = SHEET, region: str = DEFAULT_REGION
) -> float:
    """Room for everything the member shares, and for a QR code with modules of at least MIN_QR_MODULE."""
    text = stack_height(row_blocks(card, text_width_of(row_width, style), style, region), ROW_SPACING)
    code = contact_code(card, style.qr_max).least_size if card is not None else 0.0
    return max(style.row_min, text + 2 * style.row_padding, code + 2 * style.row_padding)


def row_items(
    seat_number: int,
    card: SharedCard | None,
    slot: SpeakingSlot | None,
    row: Box,
    style: SheetStyle = SHEET,
    *,
    region: str = DEFAULT_REGION,
) -> list[Item]:
    items: list[Item] = []
    inner = row.inset(0, style.row_padding, 0, style.row_padding)
    seat = fit(str(seat_number), style.seat, style.seat_column, min(inner.height / 2, 40))
    items += place(seat, row.x, inner.top, style.seat_column, align="center")
    if slot is not None:
        time = fit(clock_time(slot.starts_at), style.seat_time, style.seat_column, min(inner.height / 3, 20))
        items += place(time, row.x, inner.top - seat.height - 3, style.seat_column, align="center")

    notes_width = row.width * style.notes_share
    notes = Box(row.right - notes_width, inner.y, notes_width, inner.height)
    label = fit("Notes", style.notes_label, notes.width, 10)
    items += place(label, notes.x, notes.top, notes.width, gray=0.45)
    y = notes.top - label.height - style.note_line_pitch + 4
    while y >= notes.y:
        items.append(Rule(notes.x, y, notes.right, y, width=0.4, gray=style.rule_gray))
        y -= style.note_line_pitch

    x = row.x + style.seat_column + 4
    if card is not None:
        qr_size = min(style.qr_max, inner.height)
        items.append(qr_square(contact_code(card, qr_size), x, inner.top - qr_size, qr_size))
    x += style.qr_max + 8
    text_width = text_width_of(row.width, style)
    items += stack(row_blocks(card, text_width, style, region), x, inner.top, text_width, ROW_SPACING)
    items.append(Rule(row.x, row.y, row.right, row.y, width=0.5, gray=style.rule_gray))
    return items


def paginate(heights: Sequence[float], available: float) -> list[list[int]]:
    """Row indexes for each page: rows in order, a new page when the next row would not fit."""
    pages: list[list[int]] = [[]]
    used = 0.0
    for index, height in enumerate(heights):
        if pages[-1] and used + height > available + 1e-6:
            pages.append([])
            used = 0.0
        pages[-1].append(index)
        used += height
    return pages


def spread(heights: Sequence[float], available: float, style: SheetStyle = SHEET) -> list[float]:
    """Row heights on one page: each at least what it needs; spare room shared out, up to `row_max` a row
    (a row that needs more keeps what it needs)."""
    even = min(style.row_max, available / max(len(heights), 1))
    grown = [max(height, even) for height in heights]
    if sum(grown) <= available + 1e-6:
        return grown
    spare = max(available - sum(heights), 0.0) / max(len(heights), 1)
    return [height + spare for height in heights]


def table_sheets(
    group_name: str,
    meeting: Meeting,
    rounds: Sequence[Round],
    cards: Mapping[int, SharedCard],
    paper: Paper = Paper.LETTER,
    *,
    starts: Mapping[int, dt.datetime] | None = None,
    progress: Progress | None = None,
    style: SheetStyle = SHEET,
    region: str = DEFAULT_REGION,
) -> Pdf:
    """A page per table per round. `starts` maps a round number to its start time, for the schedule."""
    page = paper.size
    content = Box(0, 0, *page).inset(style.margin)
    writer = PdfWriter("Table sheets", page, subject=f"{meeting.label}: table sheets")
    writer.warn(unprintable_warnings(cards.values()))
    total = sum(len(r.tables) for r in rounds)
    done = 0
    for round_ in rounds:
        turns = round_.largest_table
        start = (starts or {}).get(round_.number)
        slots = speaking_slots(meeting, start, turns) if start is not None else ()
        by_seat = {slot.seat: slot for slot in slots}
        ends = round_end(meeting, start, turns) if start is not None else None
        for table in round_.tables:
            seats = sorted(table.seats, key=lambda s: s.number)
            mine = [by_seat[seat.number] for seat in seats if seat.number in by_seat]
            schedule = schedule_text(meeting, mine, turns, ends)
            header = SheetHeader(group_name, meeting, round_.number, table, schedule)
            _, rows_top = header_items(header, content, style)
            available = rows_top - content.y
            cards_at = [cards.get(seat.member_id) for seat in seats]
            needed = [min(row_height_needed(card, content.width, style, region), available) for card in cards_at]
            for number, page_rows in enumerate(paginate(needed, available) if seats else []):
                header = SheetHeader(group_name, meeting, round_.number, table, schedule, continued=number > 0)
                items, rows_top = header_items(header, content, style)
                heights = spread([needed[i] for i in page_rows], rows_top - content.y, style)
                for index, row_height in zip(page_rows, heights, strict=True):
                    row = Box(content.x, rows_top - row_height, content.width, row_height)
                    slot = by_seat.get(seats[index].number)
                    items += row_items(seats[index].number, cards_at[index], slot, row, style, region=region)
                    rows_top -= row_height
                writer.draw(items)
                writer.next_page()
            if not seats:
                items, _ = header_items(header, content, style)
                writer.draw(items)
                writer.next_page()
            done += 1
            report(progress, done, total)
    return writer.finish()
