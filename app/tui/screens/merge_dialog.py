"""Choosing how to merge a member with a likely duplicate: which record to keep."""

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


@dataclass(frozen=True)
class MergeChoice:
    keep_id: int
    absorb_id: int


@dataclass(frozen=True)
class MergeCandidate:
    member: Member
    reason: str
    note: str = ""  # e.g. "registered", "checked in 18:42"


def _describe(member: Member, note: str) -> str:
    details = [part for part in (member.email, member.current_employer, note) if part]
    return f"{member.full_name} (id {member.id}{'; ' + '; '.join(details) if details else ''})"


class MergeDialog(ModalScreen[MergeChoice | None]):
    """For each likely duplicate, two options: keep this record or keep that one. Blanks are filled
    from the other record, and its attendance and seats move over."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="merge_dialog.cancel", tooltip="merge nothing"),
    ]

    def __init__(self, member: Member, note: str, candidates: list[MergeCandidate]) -> None:
        super().__init__()
        self._member = member
        self._note = note
        self._candidates = candidates

    def compose(self) -> ComposeResult:
        this = self._member
        options: list[Option] = []
        for candidate in self._candidates:
            other = candidate.member
            options.append(
                Option(
                    Text(
                        f"Keep {_describe(other, candidate.note)}\n"
                        f"  and merge {this.full_name} (id {this.id}) into it ({candidate.reason})"
                    ),
                    id=f"{other.id}:{this.id}",
                )
            )
            options.append(
                Option(
                    Text(f"Keep {_describe(this, self._note)}\n  and merge {other.full_name} (id {other.id}) into it"),
                    id=f"{this.id}:{other.id}",
                )
            )
        with Vertical(id="merge-dialog"):
            yield Label(f"Merge {this.full_name} with a likely duplicate", id="merge-dialog-title", markup=False)
            yield Static(
                "The kept record's blanks are filled from the other; attendance and seats move to it; "
                "the other record is deleted.",
                id="merge-dialog-help",
            )
            yield OptionList(*options, id="merge-dialog-options")

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        keep, _, absorb = str(event.option.id).partition(":")
        self.dismiss(MergeChoice(keep_id=int(keep), absorb_id=int(absorb)))

    def action_cancel(self) -> None:
        self.dismiss(None)
