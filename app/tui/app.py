"""The Textual app. Built by `create_app(store, clock)` so tests can pass a temp database and a fake clock."""

from __future__ import annotations

import contextlib
import gc
import sqlite3
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar

from textual.actions import ActionParseResult
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.message import Message
from textual.screen import Screen
from textual.signal import Signal
from textual.timer import Timer

from sessions.errors import NotFoundError
from sessions.models import Meeting
from sessions.store import DatabaseError, Store
from sessions.store.clock_focus import ClockFocus
from sessions.store.watch import ChangeWatch, checkpoint
from sessions.timekeeping import Clock

from .areas import AREAS
from .opening import opening_mode
from .screens.meeting_form import MeetingForm, next_meeting
from .screens.meeting_picker import MeetingPicker
from .topics import Topic

# How often the app looks for changes other programs made to the file: a read of SQLite's change
# counter, not of any data, so it costs nothing while the room is quiet.
OUTSIDE_CHECK_SECONDS = 0.5
# Check-ins come in bursts at the door; once one settles, the main file is made complete again.
CHECKPOINT_AFTER_SECONDS = 2.0


def _settle_memory() -> None:
    """Put what start-up made out of the collector's full sweeps: it lives as long as the app, and
    scanning it stalled a key by 30-100 ms every so often. Garbage goes first, so none is kept."""
    gc.collect()
    gc.freeze()


class TableSessionApp(App[None]):
    """One meeting, run from one laptop."""

    CSS_PATH = "app.tcss"
    TITLE = "tablesession"
    # Below 100 columns screens get the -narrow class and the card panel makes way for the table.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 (textual declares it so)
    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {area.mode: area.screen for area in AREAS}
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(area.key, f"switch_mode('{area.mode}')", area.title, id=f"area.{area.mode}", tooltip=area.help)
            for area in AREAS
        ),
        Binding("f9", "pick_meeting", "Meeting", id="app.pick_meeting", tooltip="work on another meeting"),
    ]

    def __init__(self, store: Store, clock: Clock, *, meeting_id: int | None = None) -> None:
        super().__init__()
        # Keys answer at once in the live room: no sliding tab underline or scrolling to wait for.
        self.animation_level = "none"
        self.store = store
        self.clock = clock
        self.meeting: Meeting | None = (
            store.meetings.get(meeting_id) if meeting_id is not None else store.meetings.current(clock.today())
        )
        # Areas subscribe to this and refresh what a change elsewhere touched (topic: a Topic value).
        self.data_changed: Signal[str] = Signal(self, "data-changed")
        # Members who checked themselves in from their phones while the app ran: Check-in marks them.
        self.phone_check_ins: set[int] = set()
        self._watch = ChangeWatch(store.db)
        self._checkpoint_timer: Timer | None = None

    def report_store_failure(self, error: DatabaseError) -> None:
        """The one place the app tells the facilitator the group file refused a change (busy, full,
        read-only, damaged): the store has already rolled it back, so the app carries on."""
        self.notify(str(error), title="Not done", severity="error", timeout=20)

    # Textual ends the app on any exception a handler lets through. A store failure is not a bug, so
    # the key bindings (run_action) and the messages the app and its area screens handle stop it here.
    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except DatabaseError as error:
            self.report_store_failure(error)
            return True

    async def _on_message(self, message: Message) -> None:
        try:
            await super()._on_message(message)
        except DatabaseError as error:
            self.report_store_failure(error)

    def on_mount(self) -> None:
        self._show_titles()
        self._keep_a_copy()
        self._put_on_the_clock()
        self.set_interval(OUTSIDE_CHECK_SECONDS, self.check_outside_changes)
        self.switch_mode(opening_mode(self.store, self.meeting, self.clock))
        self.call_after_refresh(_settle_memory)
        if self.meeting is None:
            draft = next_meeting(self.store, self.clock.today())
            self.push_screen(MeetingForm(self.store, draft, title="Create your first meeting"), self._meeting_picked)

    def on_unmount(self) -> None:
        gc.unfreeze()  # what start-up made may go now (tests and benches run many apps in one process)
        # A projector view may still have the file open, so SQLite will not fold the log back in on close.
        self._checkpoint()

    def _checkpoint(self) -> None:
        # Busy or closed: the log keeps everything, and the next checkpoint (or the last close) moves it.
        with contextlib.suppress(sqlite3.Error, DatabaseError):
            checkpoint(self.store.db)

    def _put_on_the_clock(self) -> None:
        """Record the meeting this app runs, so the projector view (clock --follow) shows the same one."""
        if self.meeting is None or self.store.db.readonly:
            return
        # A full or busy file: the projector keeps the meeting recorded last; the areas say what failed.
        with contextlib.suppress(DatabaseError):
            ClockFocus(self.store.db).set(self.meeting.id)

    def check_outside_changes(self) -> None:
        """Reload every area when another program (the CLI, a second window) changed the file."""
        try:
            if not self._watch.changed():
                return
            if self.meeting is not None and self.meeting.id is not None:
                try:
                    self.meeting = self.store.meetings.get(self.meeting.id)
                except NotFoundError:
                    self.meeting = self.store.meetings.current(self.clock.today())
                    self._put_on_the_clock()
        except DatabaseError:
            return  # busy for a moment: the next look sees the change again
        self._show_titles()
        self.changed(Topic.OUTSIDE)

    def _keep_a_copy(self) -> None:
        """A copy of the database before the meeting's first change, once per meeting."""
        if self.meeting is not None and self.meeting.id is not None:
            try:
                self.store.backups.ensure_for_meeting(self.meeting.id)
            except DatabaseError as error:  # a full disk: say so, and still open the meeting
                self.report_store_failure(error)

    def _show_titles(self) -> None:
        self.title = self.store.group.name
        self.sub_title = self.meeting.label if self.meeting else "no meeting yet (f9, then n: new meeting)"

    def changed(self, topic: Topic) -> None:
        """Tell every area that `topic` changed in the store."""
        self.data_changed.publish(topic.value)
        if topic is Topic.ATTENDANCE:
            # Restarted by each check-in: the checkpoint waits for a quiet moment at the door.
            if self._checkpoint_timer is not None:
                self._checkpoint_timer.stop()
            self._checkpoint_timer = self.set_timer(CHECKPOINT_AFTER_SECONDS, self._checkpoint)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        for area in AREAS:
            yield SystemCommand(f"go: {area.title.lower()}", area.help, lambda mode=area.mode: self.switch_mode(mode))
        yield SystemCommand("meeting: switch", "work on another meeting", self.action_pick_meeting)
        yield SystemCommand(
            "meeting: new", "create a meeting: date, title, venue, tables, pitch", self.action_new_meeting
        )
        if self.meeting is not None:
            yield SystemCommand(
                "meeting: edit", "change this meeting's date, title, tables or pitch", self.action_edit_meeting
            )

    def action_pick_meeting(self) -> None:
        current = self.meeting.id if self.meeting else None
        self.push_screen(MeetingPicker(self.store, self.clock.today(), current), self._meeting_picked)

    def action_new_meeting(self) -> None:
        draft = next_meeting(self.store, self.clock.today())
        self.push_screen(MeetingForm(self.store, draft, title="New meeting"), self._meeting_picked)

    def action_edit_meeting(self) -> None:
        if self.meeting is not None:
            self.push_screen(
                MeetingForm(self.store, self.meeting, title=f"Edit {self.meeting.label}"), self._meeting_picked
            )

    def _meeting_picked(self, meeting_id: int | None) -> None:
        if meeting_id is None:
            return
        picked = self.store.meetings.get(meeting_id)
        if picked == self.meeting:
            return
        self.meeting = picked
        self._show_titles()
        self._keep_a_copy()
        self._put_on_the_clock()
        self.changed(Topic.MEETING)


def create_app(store: Store, clock: Clock, *, meeting_id: int | None = None) -> TableSessionApp:
    return TableSessionApp(store, clock, meeting_id=meeting_id)
