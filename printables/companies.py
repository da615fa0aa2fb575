"""The company index: each company named in the room, who here worked there, and who is looking for an
insider there ("who here worked at Sabre?"). Built from shared employers and target companies only."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from sessions.models import Meeting, Round, SharedCard

from .content import unprintable_warnings
from .door import MISSING, sort_key
from .flow import Block, ColumnFlow
from .geometry import Box, Paper
from .layout import stack
from .pdf import Item, Pdf, PdfWriter, Rule
from .sheets import meeting_line
from .styles import COMPANIES, CompanyStyle
from .text import TextStyle, fit, fit_atoms, place

WORKED = "Worked there"
LOOKING = "Looking for an insider"
SEATS_NOTE = " · (their table in rounds 1 to {})"


@dataclass
class CompanyEntry:
    name: str
    worked: list[SharedCard] = field(default_factory=list)
    looking: list[SharedCard] = field(default_factory=list)


def _key(company: str) -> str:
    return " ".join(company.split()).casefold()


def company_entries(cards: Sequence[SharedCard]) -> list[CompanyEntry]:
    """Companies by name (spellings that differ only in case or spacing are one company, shown in the most
    common spelling), each with the people who worked there and those who want to work there."""
    spellings: dict[str, Counter[str]] = {}
    worked: dict[str, list[SharedCard]] = {}
    looking: dict[str, list[SharedCard]] = {}
    for card in cards:
        for target, companies in ((worked, card.employers), (looking, card.target_companies)):
            for company in companies:
                key = _key(company)
                spellings.setdefault(key, Counter())[company] += 1
                people = target.setdefault(key, [])
                if card not in people:
                    people.append(card)
    entries = [
        CompanyEntry(
            name=counts.most_common(1)[0][0],
            worked=sorted(worked.get(key, []), key=sort_key),
            looking=sorted(looking.get(key, []), key=sort_key),
        )
        for key, counts in spellings.items()
    ]
    return sorted(entries, key=lambda entry: entry.name.casefold())


def company_index(
    group_name: str,
    meeting: Meeting,
    cards: Mapping[int, SharedCard] | Sequence[SharedCard],
    paper: Paper = Paper.LETTER,
    *,
    style: CompanyStyle = COMPANIES,
    rounds: Sequence[Round] = (),
) -> Pdf:
    """`rounds` (with `cards` keyed by member id) adds each person's table in every round after their name,
    so whoever wants an introduction can find them."""
    people = list(cards.values()) if isinstance(cards, Mapping) else list(cards)
    seats = seat_labels(cards, rounds) if isinstance(cards, Mapping) else {}
    page = paper.size
    content = Box(0, 0, *page).inset(style.margin)
    writer = PdfWriter("Company index", page, subject=f"{meeting.label}: who here worked where")
    writer.warn(unprintable_warnings(people))

    def page_heading(number: int) -> tuple[list[Item], float]:
        title = fit("Who here worked at…?", style.title, content.width, 40)
        subtitle_text = f"Company index · {group_name} · {meeting_line(meeting)}"
        subtitle = fit(subtitle_text + (f" · page {number}" if number > 1 else ""), style.subtitle, content.width, 30)
        items: list[Item] = [*stack([title, subtitle], content.x, content.top, content.width, 2)]
        top = content.top - title.height - 2 - subtitle.height - 6
        items.append(Rule(content.x, top, content.right, top, width=1.0, gray=0.2))
        return items, top - 10

    flow = ColumnFlow(writer, content, columns=style.columns, gap=style.column_gap, page_heading=page_heading)
    entries = company_entries(people)
    if not entries:
        flow.add(_text_block("No one here has shared employers or target companies yet.", style.people, flow.width))
    for entry in entries:
        flow.add(_text_block(entry.name, style.company, flow.width, keep=True, gap_before=style.block_gap))
        for label, group in ((WORKED, entry.worked), (LOOKING, entry.looking)):
            if not group:
                continue
            heading = label + (SEATS_NOTE.format(len(rounds)) if seats else "")
            flow.add(_text_block(heading, style.label, flow.width, keep=True, gray=0.35, gap_before=2))
            # A person and their tables stay on one line: a line breaks only between people.
            names = [card.full_name + seats.get(id(card), "") for card in group]
            entries_text = [name + ("," if index < len(names) - 1 else "") for index, name in enumerate(names)]
            for block in fit_atoms(entries_text, style.people, flow.width, " "):
                for line in block.lines:
                    flow.add(_text_block(line, replace(style.people, size=block.size), flow.width))
    flow.finish()
    return writer.finish()


def seat_labels(cards: Mapping[int, SharedCard], rounds: Sequence[Round]) -> dict[int, str]:
    """' (1, Window, 2)': the table in each round for each card (keyed by the card object: two members may
    share a card's wording), in round order; '–' for a round they were not seated in."""
    if not rounds:
        return {}
    labels = {}
    for member_id, card in cards.items():
        tables = [round_.table_of(member_id) for round_ in rounds]
        if any(tables):
            shown = ", ".join(table.label if table is not None else MISSING for table in tables)
            labels[id(card)] = f" ({shown})"
    return labels


def _text_block(
    text: str,
    text_style: TextStyle,
    column_width: float,
    *,
    keep: bool = False,
    gray: float = 0.0,
    gap_before: float = 0,
) -> Block:
    fitted = fit(text, text_style, column_width, 10_000)

    def draw(x: float, top: float, _width: float) -> list[Item]:
        return list(place(fitted, x, top - gap_before, column_width, gray=gray))

    return Block(fitted.height + gap_before + 1.5, draw, keep_with_next=keep)
