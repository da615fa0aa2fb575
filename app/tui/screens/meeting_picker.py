"""Choosing which meeting the app works on, and creating or editing one."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from sessions.store import Store

from .meeting_form import MeetingForm, next_meeting


class MeetingPicker(ModalScreen[int | None]):
    """A list of meetings, newest first; Enter picks one, n creates one, e edits the highlighted one,
    Escape keeps the current one. Dismisses with the meeting to work on (a new or edited one included)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="meeting_picker.cancel"),
        Binding("n", "new", "New meeting", id="meeting_picker.new"),
        Binding("e", "edit", "Edit", id="meeting_picker.edit"),
    ]

    def __init__(self, store: Store, today: dt.date, current_id: int | None) -> None:
        super().__init__()
        self._store = store
        self._today = today
        self._meetings = store.meetings.all()
        self._current_id = current_id

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-picker"):
            yield Label("Work on which meeting?", id="meeting-picker-title")
            options = [
                Option(("● " if m.id == self._current_id else "  ") + m.label, id=str(m.id))
                for m in reversed(self._meetings)
            ]
            yield OptionList(*options)
            yield Label("enter work on it · n new meeting · e edit · escape back", id="meeting-picker-keys")

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

    def action_new(self) -> None:
        draft = next_meeting(self._store, self._today)
        self.app.push_screen(MeetingForm(self._store, draft, title="New meeting"), self._saved)

    def action_edit(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is None or not self._meetings:
            return
        meeting = list(reversed(self._meetings))[highlighted]
        self.app.push_screen(MeetingForm(self._store, meeting, title=f"Edit {meeting.label}"), self._saved)

    def _saved(self, meeting_id: int | None) -> None:
        if meeting_id is not None:
            self.dismiss(meeting_id)
