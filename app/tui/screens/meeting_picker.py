"""Choosing which meeting the app works on."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.models import Meeting


class MeetingPicker(ModalScreen[int | None]):
    """A list of meetings, newest first; Enter picks one, Escape keeps the current one."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel", id="meeting_picker.cancel")]

    def __init__(self, meetings: list[Meeting], current_id: int | None) -> None:
        super().__init__()
        self._meetings = meetings
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-picker"):
            yield Label("Work on which meeting?", id="meeting-picker-title")
            options = [
                Option(("● " if m.id == self._current_id else "  ") + m.label, id=str(m.id))
                for m in reversed(self._meetings)
            ]
            yield OptionList(*options)

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        ids = [str(m.id) for m in reversed(self._meetings)]
        if self._current_id is not None and str(self._current_id) in ids:
            option_list.highlighted = ids.index(str(self._current_id))

    @on(OptionList.OptionSelected)
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
