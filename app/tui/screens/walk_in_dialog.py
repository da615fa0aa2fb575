"""Before a walk-in becomes a new member: is this someone already on the list, spelt differently at the door?"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from sessions.models import Member

NEW_PERSON = "new"


@dataclass(frozen=True)
class LikelyMatch:
    member: Member
    reason: str  # "similar name", "same email"...
    note: str  # their status tonight: "registered", "checked in 18:42"...


@dataclass(frozen=True)
class WalkInChoice:
    """Either an existing member to check in, or (member_id None) the typed person as someone new."""

    member_id: int | None


class WalkInDialog(ModalScreen[WalkInChoice | None]):
    """The likely matches first (Enter checks the highlighted one in); `n` confirms a new person."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_person", "New person", id="walk_in_dialog.new", tooltip="add what was typed as new"),
        Binding("escape", "cancel", "Cancel", id="walk_in_dialog.cancel", tooltip="add nobody"),
    ]

    def __init__(self, typed: str, matches: list[LikelyMatch]) -> None:
        super().__init__()
        self._typed = typed
        self._matches = matches

    def compose(self) -> ComposeResult:
        options = [
            Option(Text(f"Check in {self._describe(match)}"), id=str(match.member.id))
            for match in self._matches
            if match.member.id is not None
        ]
        options.append(Option(Text(f"n  New person: add {self._typed} as a walk-in"), id=NEW_PERSON))
        with Vertical(id="walk-in-dialog"):
            yield Label(f"Is {self._typed} someone already on the list?", id="walk-in-dialog-title", markup=False)
            yield Static(
                "Enter checks in the highlighted person · n adds a new person · Escape adds nobody",
                id="walk-in-dialog-help",
            )
            yield OptionList(*options, id="walk-in-dialog-options")

    @staticmethod
    def _describe(match: LikelyMatch) -> str:
        member = match.member
        details = [part for part in (member.email, member.current_employer, match.note, match.reason) if part]
        return f"{member.full_name} ({'; '.join(details)})"

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        picked = str(event.option.id)
        self.dismiss(WalkInChoice(None if picked == NEW_PERSON else int(picked)))

    def action_new_person(self) -> None:
        self.dismiss(WalkInChoice(None))

    def action_cancel(self) -> None:
        self.dismiss(None)
