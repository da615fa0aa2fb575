"""The projector view: only the clock, following the controlling app through the shared database."""

from __future__ import annotations

import sqlite3

from textual.app import ComposeResult
from textual.screen import Screen

from app.tui.widgets.clock_face import ClockFace, face_text
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.pitchclock import REFRESH_SECONDS, ClockFollower, ClockSettings, TurnSchedule, choose_round
from sessions.store import Store
from sessions.timekeeping import Clock

# How often the shared log is checked for a new command: one indexed query, cheap, but a
# command showing up within a quarter second is quick enough for a room.
FOLLOW_SECONDS = 0.25


class ProjectorScreen(Screen[None]):
    """Never commands the clock: it reads the log and the time, nothing else."""

    def __init__(self, store: Store, meeting: Meeting, clock: Clock) -> None:
        super().__init__()
        assert meeting.id is not None
        self.store = store
        self._meeting = meeting
        self._settings = ClockSettings.of(meeting)
        self.follower = ClockFollower(store.clock_log, meeting.id, self._settings, self._schedule_of, clock)
        self._round_label = ""

    def _schedule_of(self, number: int) -> TurnSchedule:
        return choose_round(self.store, self._meeting, number).schedule

    def compose(self) -> ComposeResult:
        yield ClockFace(id="projector-face")

    def on_mount(self) -> None:
        self.follow()
        self.set_interval(FOLLOW_SECONDS, self.follow)
        self.set_interval(REFRESH_SECONDS, self.refresh_clock)

    def follow(self) -> None:
        try:
            changed = self.follower.refresh()
            if changed or not self._round_label:
                self._round_label = choose_round(self.store, self._meeting, self.follower.round_number).description
        except sqlite3.OperationalError:
            return  # the controlling app is writing: the next poll will see it
        except TablesessionError as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_clock()

    def refresh_clock(self) -> None:
        reading = self.follower.clock.read()
        self.query_one(ClockFace).show(face_text(reading, self._round_label, self._settings.warning_seconds))
