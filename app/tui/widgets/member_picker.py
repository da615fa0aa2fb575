"""Picking a few members from a list: type to narrow it (name, email or company, typos forgiven),
space or enter to pick. Picks are kept while the search changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from sessions.checkin import CheckinIndex
from sessions.models import Member

SEARCH_LIMIT = 200  # rows shown at once: more than a meeting's roster; the rest of a big group is found by search


@dataclass(frozen=True)
class Pickable:
    member: Member
    status: str  # "in", "registered"...: shown beside the name

    @property
    def member_id(self) -> int:
        return self.member.id or 0


class MemberPicker(Vertical):
    """A search box over a checkbox list of members. `picked` holds member ids in the order picked."""

    DEFAULT_CSS = """
    MemberPicker {
        height: auto;
    }
    MemberPicker > .member-picker-row {
        height: 1;
    }
    MemberPicker .member-picker-label {
        width: 6;
        padding: 0 0 0 1;
    }
    MemberPicker > SelectionList {
        height: 8;
        border: round $primary-darken-2;
    }
    MemberPicker > SelectionList:focus {
        border: round $primary;
    }
    MemberPicker > .member-picker-picked {
        height: auto;
        color: $text-muted;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_list", "To the list", show=False, id="member_picker.to_list"),
    ]

    class PicksChanged(Message):
        """The picked members changed (by the user, or cleared)."""

        def __init__(self, picker: MemberPicker) -> None:
            super().__init__()
            self.picker = picker

    def __init__(self, people: list[Pickable], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._people = {p.member_id: p for p in people}
        self._order = [p.member_id for p in people]
        self._index = CheckinIndex(p.member for p in people)
        self.picked: list[int] = []

    def compose(self) -> ComposeResult:
        with Horizontal(classes="member-picker-row"):
            yield Label("Find", classes="member-picker-label")
            yield Input(
                placeholder="a name, email or company; enter picks the first match",
                compact=True,
                classes="member-picker-search",
            )
        yield SelectionList[int](classes="member-picker-list")
        yield Static("", classes="member-picker-picked")

    def on_mount(self) -> None:
        self._show("")
        self._show_picked()

    @property
    def search(self) -> Input:
        return self.query_one(".member-picker-search", Input)

    @property
    def choices(self) -> SelectionList[int]:
        return self.query_one(".member-picker-list", SelectionList)

    def name_of(self, member_id: int) -> str:
        person = self._people.get(member_id)
        return person.member.full_name if person else f"member {member_id}"

    def _matches(self, query: str) -> list[int]:
        if not query.strip():
            return self._order[:SEARCH_LIMIT]
        return [hit.member_id for hit in self._index.search(query, limit=SEARCH_LIMIT) if hit.member_id in self._people]

    def _show(self, query: str) -> None:
        choices = self.choices
        choices.clear_options()
        selections = []
        for member_id in self._matches(query):
            person = self._people[member_id]
            details = [d for d in (person.member.current_employer, person.status) if d]
            prompt = Text(person.member.full_name)
            if details:
                prompt.append("  " + " · ".join(details), style="dim")
            selections.append(Selection(prompt, member_id, member_id in self.picked))
        choices.add_options(selections)
        if selections:
            choices.highlighted = 0

    def _show_picked(self) -> None:
        names = ", ".join(self.name_of(m) for m in self.picked) or "nobody yet (space or enter picks)"
        self.query_one(".member-picker-picked", Static).update(Text(f"Picked: {names}"))

    def _toggle(self, member_id: int) -> None:
        if member_id in self.picked:
            self.picked.remove(member_id)
        else:
            self.picked.append(member_id)
        self._show_picked()
        self.post_message(self.PicksChanged(self))

    @on(Input.Changed, ".member-picker-search")
    def _searched(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    @on(Input.Submitted, ".member-picker-search")
    def _pick_first(self, event: Input.Submitted) -> None:
        """Type a name, press enter: the best match is picked and the search clears for the next one."""
        event.stop()
        matches = self._matches(event.value)
        if not matches or not event.value.strip():
            return
        if matches[0] not in self.picked:
            self._toggle(matches[0])
        self.search.value = ""

    @on(SelectionList.SelectionToggled)
    def _toggled(self, event: SelectionList.SelectionToggled[int]) -> None:
        event.stop()
        self._toggle(event.selection.value)

    def action_to_list(self) -> None:
        if self.search.has_focus:
            self.choices.focus()

    def clear(self) -> None:
        """Forget the picks and the search (after a rule was added). Not a user's pick: no message."""
        self.picked = []
        with self.prevent(Input.Changed):
            self.search.value = ""
        self._show("")
        self._show_picked()
