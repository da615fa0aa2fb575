"""The projector view: only the clock, following the controlling app through the shared database."""

from __future__ import annotations

import sqlite3

from textual.app import ComposeResult
from textual.screen import Screen

from app.tui.widgets.clock_face import ClockFace, face_text
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.pitchclock import REFRESH_SECONDS, ClockFollower, ClockSettings, TurnSchedule, choose_round
from sessions.pitchclock.speakers import SpeakerNames
from sessions.store import DatabaseBusyError, Store
from sessions.store.clock_focus import ClockFocus
from sessions.store.watch import ChangeWatch
from sessions.timekeeping import Clock

# How often the file is checked for a change: a read of SQLite's change counter, nothing more, so a
# command shows up within a quarter second and an idle room costs nothing.
FOLLOW_SECONDS = 0.25


class ProjectorScreen(Screen[None]):
    """Never commands the clock: it reads the log and the time, nothing else.

    With `follow_app` it shows the meeting the controlling app has on its clock, switching when the
    app switches (f9); without, the one meeting it was opened on.
    """

    def __init__(self, store: Store, meeting: Meeting, clock: Clock, *, follow_app: bool = False) -> None:
        super().__init__()
        self.store = store
        self._clock = clock
        self._follow_app = follow_app
        self._watch = ChangeWatch(store.db)
        self._behind = True  # a change not yet followed (set again when reading it failed)
        self._round_label = ""
        self._names = SpeakerNames()
        self._show(meeting)

    def _show(self, meeting: Meeting) -> None:
        assert meeting.id is not None
        self.meeting = meeting
        self._settings = ClockSettings.of(meeting)
        self.follower = ClockFollower(self.store.clock_log, meeting.id, self._settings, self._schedule_of, self._clock)
        self._round_label = ""

    def _schedule_of(self, number: int) -> TurnSchedule:
        return choose_round(self.store, self.meeting, number).schedule

    def compose(self) -> ComposeResult:
        yield ClockFace(id="projector-face")

    def on_mount(self) -> None:
        self.follow()
        self.set_interval(FOLLOW_SECONDS, self.follow)
        self.set_interval(REFRESH_SECONDS, self.refresh_clock)

    def follow(self) -> None:
        try:
            if self._watch.changed():
                self._behind = True
            if not self._behind:
                return  # nothing was written since the last look
            self._follow_the_app()
            self.follower.refresh()
            # Any change may be a new round, a new plan or a renamed member: read the labels again.
            assert self.meeting.id is not None
            number = self.follower.round_number
            choice = choose_round(self.store, self.meeting, number)
            self._round_label = f"{self.meeting.label} · {choice.description}"
            self._names = SpeakerNames.load(self.store, self.meeting.id, number)
        except (sqlite3.OperationalError, DatabaseBusyError):
            return  # the controlling app is writing: the next poll tries again
        except TablesessionError as exc:
            self._behind = False  # not passing: said once, until the next change
            self.notify(str(exc), severity="error")
            return
        self._behind = False
        self.refresh_clock()

    def _follow_the_app(self) -> None:
        if not self._follow_app:
            return
        wanted = ClockFocus(self.store.db).meeting_id()
        if wanted is not None and wanted != self.meeting.id:
            self._show(self.store.meetings.get(wanted))

    def refresh_clock(self) -> None:
        reading = self.follower.clock.read()
        face = face_text(reading, self._round_label, self._settings.warning_seconds, self._names)
        self.query_one(ClockFace).show(face)
