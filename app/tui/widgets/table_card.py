"""One table of one round: its people in speaking order, with sub-group and host/newcomer/connector marks."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from sessions.models import Member, Tag

# Marks shown after a name; the seating screen prints the legend.
MARKS: tuple[tuple[Tag, str, str], ...] = (
    (Tag.HOST, "H", "bold magenta"),
    (Tag.NEWCOMER, "N", "bold green"),
    (Tag.CONNECTOR, "C", "bold cyan"),
)


def seat_label(position: int, member: Member | None, member_id: int, picked: bool = False) -> Text:
    """'3. Ana Lopez N  Marketing' -- speaking position, name, marks, sub-group."""
    # One line per seat: a long name is cut with an ellipsis rather than wrapped into the next seat.
    text = Text(f"{position}. ", style="dim", no_wrap=True, overflow="ellipsis")
    if member is None:
        text.append(f"member {member_id}", style="italic")
        return text
    text.append(member.full_name, style="reverse" if picked else "")
    # Marks before the sub-group, so a narrow card cuts the sub-group, never the marks.
    for tag, letter, style in MARKS:
        if tag in member.tags:
            text.append(f" {letter}", style=style)
    if member.subgroups:
        text.append(f"  {member.subgroups[0]}", style="dim")
    return text


class TableCard(OptionList):
    """A table as a card; each seat is an option keyed by the member id."""

    DEFAULT_CSS = """
    TableCard {
        height: auto;
        max-height: 14;
        border: round $primary 50%;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    TableCard:focus {
        border: round $accent;
    }
    TableCard.-locked {
        border: round $panel-lighten-2;
    }
    """

    def __init__(
        self,
        round_number: int,
        label: str,
        member_ids: tuple[int, ...],
        members: dict[int, Member],
        *,
        position: int,
        capacity: int | None = None,
        picked: int | None = None,
        locked: bool = False,
    ) -> None:
        # By position, not label: a room's table may be called anything ("Café #2"), and ids allow
        # only letters, digits, '-' and '_'. The same card shows that position's table in every round.
        super().__init__(id=f"table-{position}")
        self.position = position
        self._drawing: tuple[object, ...] | None = None
        self.show(round_number, label, member_ids, members, capacity=capacity, picked=picked, locked=locked)

    def show(
        self,
        round_number: int,
        label: str,
        member_ids: tuple[int, ...],
        members: dict[int, Member],
        *,
        capacity: int | None = None,
        picked: int | None = None,
        locked: bool = False,
    ) -> None:
        """Show this position's table of round `round_number`, in place of what the card showed."""
        labels = [seat_label(i, members.get(m), m, picked == m) for i, m in enumerate(member_ids, start=1)]
        drawing = (round_number, label, member_ids, tuple(labels), capacity, locked)
        if drawing == self._drawing:
            return  # what it shows already: drawing the seats again is the costly part of a redraw
        self._drawing = drawing
        self.round_number = round_number
        self.label = label
        self.member_ids = member_ids
        self.set_options(Option(text, id=str(m)) for text, m in zip(labels, member_ids, strict=True))
        if member_ids:
            # As a new card starts: on the first seat. Not news to anyone (a person picked to move would
            # see the effect of swapping with whoever is first here).
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = 0
        self.set_class(locked, "-locked")
        seats = f"{len(member_ids)}/{capacity}" if capacity else str(len(member_ids))
        self.border_title = Text(f"Table {label}")  # Text, not markup: a room's table may be called "Bar [2]"
        self.border_subtitle = f"{seats} seats"

    @property
    def highlighted_member(self) -> int | None:
        if self.highlighted is None or not self.member_ids:
            return None
        return self.member_ids[self.highlighted]
