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

from .content import contact_lines, qr_payload
from .geometry import Box, Paper
from .layout import Progress, qr_square, report, stack
from .pdf import Item, Pdf, PdfWriter, Rule
from .styles import SHEET, SheetStyle
from .text import Fitted, fit, place


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


def table_title(label: str) -> str:
    """'Table 3' for a numbered table; a named one ('Window 2') goes by its name."""
    return f"Table {label}" if label.isdigit() else label


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
    """(style name, text) lines for a member row, from what they share."""
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
        ("contact", "  ·  ".join(contact_lines(card))),
    ]


def row_items(
    seat_number: int,
    card: SharedCard | None,
    slot: SpeakingSlot | None,
    row: Box,
    style: SheetStyle = SHEET,
) -> list[Item]:
    items: list[Item] = []
    inner = row.inset(0, style.row_padding, 0, style.row_padding)
    seat = fit(str(seat_number), style.seat, style.seat_column, inner.height / 2)
    items += place(seat, row.x, inner.top, style.seat_column, align="center")
    if slot is not None:
        time = fit(clock_time(slot.starts_at), style.seat_time, style.seat_column, inner.height / 3)
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
        items.append(qr_square(qr_payload(card), x, inner.top - qr_size, qr_size))
        x += qr_size + 8
    text_width = notes.x - 10 - x
    room = inner.height
    blocks: list[Fitted] = []
    lines = member_text(card) if card is not None else [("headline", "(empty seat)")]
    styles = {"name": style.name, "headline": style.headline, "detail": style.detail, "contact": style.contact}
    for kind, text in lines:
        if not text:
            continue
        block = fit(text, styles[kind], text_width, room)
        if not block.lines:
            break
        blocks.append(block)
        room -= block.height + 2
    items += stack(blocks, x, inner.top, text_width, 2)
    items.append(Rule(row.x, row.y, row.right, row.y, width=0.5, gray=style.rule_gray))
    return items


def _pages_of(seats: int, available: float, style: SheetStyle) -> list[int]:
    """How many rows go on each page of one table."""
    per_page = max(1, int(available // style.row_min))
    if seats <= per_page:
        return [seats]
    counts = []
    left = seats
    while left > 0:
        counts.append(min(per_page, left))
        left -= per_page
    return counts


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
) -> Pdf:
    """A page per table per round. `starts` maps a round number to its start time, for the schedule."""
    page = paper.size
    content = Box(0, 0, *page).inset(style.margin)
    writer = PdfWriter("Table sheets", page, subject=f"{meeting.label}: table sheets")
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
            first = True
            position = 0
            header = SheetHeader(group_name, meeting, round_.number, table, schedule)
            _, rows_top = header_items(header, content, style)
            for count in _pages_of(len(seats), rows_top - content.y, style):
                header = SheetHeader(group_name, meeting, round_.number, table, schedule, continued=not first)
                items, rows_top = header_items(header, content, style)
                row_height = min(style.row_max, (rows_top - content.y) / max(count, 1))
                for seat in seats[position : position + count]:
                    row = Box(content.x, rows_top - row_height, content.width, row_height)
                    items += row_items(seat.number, cards.get(seat.member_id), by_seat.get(seat.number), row, style)
                    rows_top -= row_height
                writer.draw(items)
                writer.next_page()
                position += count
                first = False
            if not seats:
                items, _ = header_items(header, content, style)
                writer.draw(items)
                writer.next_page()
            done += 1
            report(progress, done, total)
    return writer.finish()
