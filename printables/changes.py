"""Seat changes: each time someone left or arrived late during the evening, who moved to which table, in
time order, so a volunteer can tell those people (the table sheets and door list printed earlier are
wrong for them). Names are as each person shares them, as on the door list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sessions.models import Meeting, SharedCard
from sessions.store import SeatChange, SeatChangeEvent, SeatChangeKind

from .content import unprintable_warnings
from .door import distinguishing_notes
from .flow import Block, ColumnFlow
from .geometry import Box, Paper
from .layout import stack
from .pdf import Item, Pdf, PdfWriter, Rule
from .sheets import meeting_line
from .styles import CHANGES, ChangesStyle
from .text import TextStyle, fit, place

NOTHING_YET = "No seat changes yet: nobody has left or arrived late since the plan was made."
SOMEONE = "Someone"  # a person forgotten since: their own moves went with them


@dataclass(frozen=True)
class ChangeEntry:
    """One event as printed: its time, what happened, and a line per person whose seat changed."""

    time: str
    what: str
    lines: tuple[str, ...]


def clock_time(moment: dt.datetime) -> str:
    """The time on this laptop's clock, as the room read it."""
    return moment.astimezone().strftime("%H:%M")


def _names(cards: Mapping[int, SharedCard]) -> dict[int, str]:
    """Each person's shared name, with what tells them apart from someone of the same name."""
    ids = sorted(cards)
    notes = distinguishing_notes([cards[m] for m in ids])
    return {m: cards[m].full_name + (f" ({notes[i]})" if i in notes else "") for i, m in enumerate(ids)}


def table_name(label: str | None) -> str:
    """'table 3' for a numbered table, mid-sentence; a named one ('Window') goes by its name."""
    text = label or "?"
    return f"table {text}" if text.isdigit() else text


def change_entries(events: Sequence[SeatChangeEvent], cards: Mapping[int, SharedCard]) -> list[ChangeEntry]:
    """The events in the order they happened, as lines to print: 'Ana Lopez: round 2, table 3 -> table 5'."""
    names = _names(cards)

    def name(member_id: int | None) -> str:
        return names.get(member_id, SOMEONE) if member_id is not None else SOMEONE

    entries = []
    for event in sorted(events, key=lambda e: (e.happened_at, e.id or 0)):
        lines: list[str] = []
        own = [c for c in event.changes if c.member_id == event.member_id and not c.moved]
        if event.kind is SeatChangeKind.ARRIVED_LATE and own:
            seated = "; ".join(f"round {c.round}, seated at {table_name(c.to_table)}" for c in own)
            lines.append(f"{name(event.member_id)}: {seated}")
        by_person: dict[int, list[SeatChange]] = {}
        for change in event.changes:
            if change.moved:
                by_person.setdefault(change.member_id, []).append(change)
        for member_id, moves in sorted(by_person.items(), key=lambda item: name(item[0]).casefold()):
            where = "; ".join(f"round {c.round}, {table_name(c.from_table)} -> {table_name(c.to_table)}" for c in moves)
            lines.append(f"{name(member_id)}: {where}")
        if not lines:
            lines.append("nobody else moved")
        entries.append(
            ChangeEntry(clock_time(event.happened_at), f"{name(event.member_id)} {event.kind.verb}", tuple(lines))
        )
    return entries


def seat_changes(
    group_name: str,
    meeting: Meeting,
    events: Sequence[SeatChangeEvent],
    cards: Mapping[int, SharedCard],
    paper: Paper = Paper.LETTER,
    *,
    style: ChangesStyle = CHANGES,
) -> Pdf:
    """The list on `paper`; with no changes yet, one page that says so."""
    page = paper.size
    content = Box(0, 0, *page).inset(style.margin)
    writer = PdfWriter("Seat changes", page, subject=f"{meeting.label}: who moved to which table")
    writer.warn(unprintable_warnings(cards.values()))

    def page_heading(number: int) -> tuple[list[Item], float]:
        title = fit("Seat changes", style.title, content.width, 40)
        subtitle_text = f"{group_name} · {meeting_line(meeting)}" if group_name else meeting_line(meeting)
        subtitle = fit(subtitle_text + (f" · page {number}" if number > 1 else ""), style.subtitle, content.width, 30)
        items: list[Item] = [*stack([title, subtitle], content.x, content.top, content.width, 2)]
        top = content.top - title.height - 2 - subtitle.height - 6
        items.append(Rule(content.x, top, content.right, top, width=1.0, gray=0.2))
        return items, top - 10

    flow = ColumnFlow(writer, content, columns=1, gap=0, page_heading=page_heading)
    entries = change_entries(events, cards)
    if not entries:
        flow.add(_text_block(NOTHING_YET, style.move, flow.width))
    for index, entry in enumerate(entries):
        gap = style.event_gap if index else 0.0
        flow.add(_text_block(f"{entry.time}   {entry.what}", style.event, flow.width, gap_before=gap, keep=True))
        for line in entry.lines:
            flow.add(_text_block(line, style.move, flow.width, indent=style.move_indent))
    flow.finish()
    return writer.finish()


def _text_block(
    text: str,
    text_style: TextStyle,
    column_width: float,
    *,
    indent: float = 0.0,
    gap_before: float = 0.0,
    keep: bool = False,
) -> Block:
    # Names are never cut: a long line wraps (or shrinks to the style's minimum) and the block grows.
    fitted = fit(text, text_style, column_width - indent, 10_000)

    def draw(x: float, top: float, _width: float) -> list[Item]:
        return list(place(fitted, x + indent, top - gap_before, column_width - indent))

    return Block(fitted.height + gap_before + 3, draw, keep_with_next=keep)
