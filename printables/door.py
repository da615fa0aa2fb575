"""The door list: everyone alphabetically with their table in each round, in large type, several columns,
for the entrance (or a screen) so people find their table without queueing at the facilitator."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sessions.models import Meeting, Round, SharedCard, Table

from .content import unprintable_warnings
from .flow import Block, ColumnFlow
from .geometry import Box, Paper
from .layout import stack
from .pdf import Item, Pdf, PdfWriter, Rule
from .sheets import meeting_line
from .styles import DOOR, DoorStyle
from .text import TextLine, fit, place
from .typeface import metrics, width

MISSING = "–"  # not seated in that round (arrived late, left early)


def sort_key(card: SharedCard) -> tuple[str, str]:
    return (card.last_name.casefold() or card.first_name.casefold(), card.first_name.casefold())


def listed_name(card: SharedCard) -> str:
    return f"{card.last_name}, {card.first_name}" if card.last_name else card.first_name


def distinguishing_notes(cards: Sequence[SharedCard]) -> dict[int, str]:
    """For people listed under the same name, what tells them apart (keyed by position in `cards`): their
    current employer, else their headline, else their sub-group, as far as they share them."""
    by_name: dict[str, list[int]] = {}
    for index, card in enumerate(cards):
        by_name.setdefault(" ".join(listed_name(card).casefold().split()), []).append(index)
    notes: dict[int, str] = {}
    for indexes in by_name.values():
        if len(indexes) < 2:
            continue
        for index in indexes:
            card = cards[index]
            note = card.current_employer or card.headline or " · ".join(card.subgroups)
            if note:
                notes[index] = note
    return notes


def _initial(card: SharedCard) -> str:
    key = sort_key(card)[0]
    return key[:1].upper() if key else "?"


def door_list(
    group_name: str,
    meeting: Meeting,
    rounds: Sequence[Round],
    cards: Mapping[int, SharedCard],
    paper: Paper = Paper.LETTER,
    *,
    style: DoorStyle = DOOR,
) -> Pdf:
    """The list at the style's size, or larger when the larger type still fits on as few pages with every
    name on one line (a small meeting's list can be read from further away)."""
    base, _ = _door_list(group_name, meeting, rounds, cards, paper=paper, style=style)
    for scale in style.larger_scales:
        larger, one_line = _door_list(group_name, meeting, rounds, cards, paper=paper, style=style.scaled(scale))
        if one_line and larger.pages <= base.pages:
            return larger
    return base


def _door_list(
    group_name: str,
    meeting: Meeting,
    rounds: Sequence[Round],
    cards: Mapping[int, SharedCard],
    *,
    paper: Paper,
    style: DoorStyle,
) -> tuple[Pdf, bool]:
    """The document, and whether every name fitted on one line at or above the style's floor."""
    page = paper.landscape
    content = Box(0, 0, *page).inset(style.margin)
    writer = PdfWriter("Door list", page, subject=f"{meeting.label}: who sits where")
    writer.warn(unprintable_warnings(cards.values()))
    seated = sorted(
        ((mid, cards[mid]) for mid in {mid for r in rounds for mid in r.member_ids} if mid in cards),
        key=lambda pair: sort_key(pair[1]),
    )
    labels = [table.label for r in rounds for table in r.tables]
    widest = max((width(label, style.table.size, style.table.weight) for label in labels), default=0.0)
    round_width = min(max(widest + 8, style.round_column_min), style.round_column_max)

    def page_heading(number: int) -> tuple[list[Item], float]:
        title = fit("Find your table", style.title, content.width, 40)
        subtitle_text = f"{group_name} · {meeting_line(meeting)}" + (f" · page {number}" if number > 1 else "")
        subtitle = fit(subtitle_text, style.subtitle, content.width, 40)
        items: list[Item] = [*stack([title, subtitle], content.x, content.top, content.width, 2)]
        top = content.top - title.height - 2 - subtitle.height - 6
        items.append(Rule(content.x, top, content.right, top, width=1.0, gray=0.2))
        return items, top - 8

    def column_heading(x: float, top: float, column_width: float) -> tuple[list[Item], float]:
        name_width = column_width - round_width * len(rounds)
        label = fit("Name", style.heading, name_width, 20)
        items: list[Item] = [*place(label, x, top, name_width, gray=0.3)]
        for index, round_ in enumerate(rounds):
            heading = fit(f"R{round_.number}", style.heading, round_width, 20)
            items += place(heading, x + name_width + index * round_width, top, round_width, align="center", gray=0.3)
        height = label.height + 4
        items.append(Rule(x, top - height + 1, x + column_width, top - height + 1, width=0.6, gray=0.4))
        return items, height + 2

    flow = ColumnFlow(
        writer,
        content,
        columns=style.columns,
        gap=style.column_gap,
        page_heading=page_heading,
        column_heading=column_heading,
    )
    name_width = flow.width - round_width * len(rounds) - 6
    one_line = True
    previous = ""
    notes = distinguishing_notes([card for _, card in seated])
    for position, (member_id, card) in enumerate(seated):
        one_line = one_line and len(fit(listed_name(card), style.name, name_width, style.name.size * 2.4).lines) == 1
        initial = _initial(card)
        if initial != previous:
            previous = initial
            flow.add(_letter_block(initial, flow.width, style))
        labels_of = [_label(r.table_of(member_id)) for r in rounds]
        flow.add(_entry_block(listed_name(card), labels_of, flow.width, round_width, style, note=notes.get(position)))
    flow.finish()
    return writer.finish(), one_line


def _label(table: Table | None) -> str:
    return table.label if table is not None else MISSING


def _letter_block(initial: str, column_width: float, style: DoorStyle) -> Block:
    fitted = fit(initial, style.heading, column_width, 30)

    def draw(x: float, top: float, _width: float) -> list[Item]:
        return list(place(fitted, x, top - 5, column_width, gray=0.35))

    return Block(fitted.height + 7, draw, keep_with_next=True)


def _entry_block(
    name: str,
    labels: Sequence[str],
    column_width: float,
    round_width: float,
    style: DoorStyle,
    *,
    note: str | None = None,
) -> Block:
    """One person: name on the left (shrunk, then wrapped, never cut), a table label under each round; under
    the name, smaller, what tells them apart from someone of the same name."""
    name_width = column_width - round_width * len(labels) - 6
    fitted = fit(name, style.name, name_width, style.name.size * 2.4)
    noted = fit(note or "", style.note, name_width, style.note.size * 2.4)
    below = noted.height + 1 if noted.lines else 0.0
    # A room's table name ("Garden room left") may take two lines; both are drawn, since two tables
    # can differ only in their last word.
    cells = [fit(label, style.table, round_width - 4, style.table.size * 2.4) for label in labels]
    height = fitted.height + below + 2 * style.row_padding
    if fitted.lines:
        # A label's first line sits on the name's first baseline, so its second line may reach lower.
        baseline = style.row_padding + metrics(fitted.style.weight)[0] * fitted.size
        for cell in cells:
            last = baseline + (len(cell.lines) - 1) * cell.size * cell.style.leading
            height = max(height, last - metrics(cell.style.weight)[1] * cell.size + style.row_padding)

    def draw(x: float, top: float, _width: float) -> list[Item]:
        items: list[Item] = list(place(fitted, x, top - style.row_padding, name_width))
        baseline = items[0].y if items and isinstance(items[0], TextLine) else top - height
        items += place(noted, x, top - style.row_padding - fitted.height - 1, name_width, gray=0.3)
        left = x + column_width - round_width * len(labels)
        for index, cell in enumerate(cells):
            lines = place(cell, left + index * round_width, top, round_width, align="center")
            # Table labels sit on the name's first baseline, so a row reads straight across.
            shift = baseline - lines[0].y if lines else 0.0
            items += [TextLine(line.text, line.x, line.y + shift, line.size, line.weight) for line in lines]
        items.append(Rule(x, top - height, x + column_width, top - height, width=0.4, gray=style.rule_gray))
        return items

    return Block(height, draw)
