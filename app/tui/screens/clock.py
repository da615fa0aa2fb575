"""The pitch clock area: the facilitator's controls over the one clock the whole room follows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import Header, Static

from app.tui.chimes import Chimes, RoomChimes
from app.tui.clock_commands import ClockCommands
from app.tui.clock_keys import CLOCK_KEYS
from app.tui.topics import Topic
from app.tui.widgets.clock_face import ClockFace, face_text
from app.tui.widgets.steady_footer import SteadyFooter
from sessions.errors import TablesessionError
from sessions.pitchclock import (
    REFRESH_SECONDS,
    ClockJournal,
    ClockReading,
    ClockSettings,
    Command,
    PitchClock,
    RoundChoice,
    choose_round,
)
from sessions.pitchclock.bench import Lateness
from sessions.pitchclock.speakers import SpeakerNames

from .base import AreaScreen
from .clock_reset import ClockResetConfirm


def minutes(seconds: float) -> str:
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


class ClockScreen(AreaScreen):
    """Reads the clock every REFRESH_SECONDS (the time itself comes from the stored deadline) and
    keeps doing so while another area is shown, so the room hears every cue."""

    BINDINGS: ClassVar[list[BindingType]] = [key.binding() for key in CLOCK_KEYS]
    COMMANDS = {ClockCommands}  # noqa: RUF012 (textual declares it so)

    def __init__(self, chimes: Chimes | None = None, settings: ClockSettings | None = None) -> None:
        super().__init__()
        self.chimes = chimes
        self._settings = settings  # None: the meeting's turn, warning and changeover
        self.pitch: PitchClock | None = None
        self.choice: RoundChoice | None = None
        self.reading: ClockReading | None = None
        self.names = SpeakerNames()
        # Set by `tablesession bench clock`: how late each cue and display change is.
        self.lateness: Lateness | None = None
        self._commanded_at = 0.0

    def compose(self) -> ComposeResult:
        yield Header()
        yield ClockFace(id="clock-face")
        yield Static(id="clock-status", markup=False)
        yield SteadyFooter(compact=True)

    def on_mount(self) -> None:
        if self.chimes is None:
            self.chimes = RoomChimes.for_terminal(self.app.bell, headless=self.app.is_headless)
        self.session_app.data_changed.subscribe(self, self._on_data_changed)
        self.load()
        self.set_interval(REFRESH_SECONDS, self.refresh_clock)

    def _on_data_changed(self, topic: str) -> None:
        if topic in (Topic.MEETING, Topic.SEATING):
            self.load(self.choice.number if self.choice and topic == Topic.SEATING else None)
        elif topic == Topic.OUTSIDE:
            self._outside_changed()
        elif topic == Topic.MEMBERS and self.choice is not None and self.meeting and self.meeting.id:
            self.names = SpeakerNames.load(self.store, self.meeting.id, self.choice.number)

    def _outside_changed(self) -> None:
        """Another program changed the file: reopen the clock only if its round or timings changed."""
        meeting, pitch, choice = self.meeting, self.pitch, self.choice
        if meeting is None or meeting.id is None or pitch is None or choice is None:
            self.load()
            return
        try:
            now = choose_round(self.store, meeting, choice.number)
        except TablesessionError:
            self.load()
            return
        settings = self._settings or ClockSettings.of(meeting)
        if now != choice or settings != pitch.settings:
            self.load(now.number)
        else:
            self.names = SpeakerNames.load(self.store, meeting.id, choice.number)

    # -- the clock ----------------------------------------------------------------------------

    def load(self, round_number: int | None = None) -> None:
        """Open (and resume from its log) the clock of the current meeting's round."""
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            self.pitch = self.choice = None
            status = self.query_one("#clock-status", Static)
            status.update("No meeting yet: create one with 'tablesession meeting new'.")
            return
        try:
            choice = choose_round(self.store, meeting, round_number)
            journal = ClockJournal(self.store.clock_log, meeting.id, choice.number)
            settings = self._settings or ClockSettings.of(meeting)
            pitch, replayed = journal.open_clock(settings, choice.schedule, self.clock)
            self.names = SpeakerNames.load(self.store, meeting.id, choice.number)
        except TablesessionError as exc:
            self.notify(str(exc), severity="error")
            return
        self.pitch, self.choice = pitch, choice
        for message in replayed.ignored:
            self.notify(message, severity="warning", timeout=10)
        self.refresh_clock()

    def refresh_clock(self) -> None:
        if self.pitch is None or self.choice is None:
            return
        reading, fired = self.pitch.poll()
        self.reading = reading
        face = self.query_one(ClockFace)
        before = face.shown
        face.show(face_text(reading, self.choice.description, self.pitch.settings.warning_seconds, self.names))
        if self.lateness is not None:
            now = self.clock.monotonic()
            self.lateness.cues(now, fired)
            after = face.shown
            if before is None or after is None or (before.look, before.digits) != (after.look, after.digits):
                self.lateness.display(now, reading, self._commanded_at)
        settings = self.pitch.settings
        status = (
            f"auto-advance {'on' if reading.auto_advance else 'off'} · turns {minutes(settings.turn_seconds)} · "
            f"yellow at {minutes(settings.warning_seconds)} · changeover {minutes(settings.changeover_seconds)}"
        )
        status_line = self.query_one("#clock-status", Static)
        if str(status_line.render()) != status:
            status_line.update(status)
        if self.chimes is not None:
            for cue in fired:
                self.chimes.play(cue.cue)

    def _command(self, command: Callable[[PitchClock], bool]) -> None:
        if self.pitch is None:
            self.notify("There is no clock to run: this app has no meeting yet.", severity="warning")
            return
        try:
            changed = command(self.pitch)
        except (TablesessionError, sqlite3.Error, OSError) as exc:
            self.notify(f"The clock could not save that command: {exc}", severity="error", timeout=10)
            return
        if changed:
            self._commanded_at = self.clock.monotonic()
            self.session_app.changed(Topic.CLOCK)
        self.refresh_clock()

    def command(self, command: Command, argument: float | None = None) -> None:
        """Apply one clock command as its key does (the bench's facilitator uses this)."""
        self._command(lambda pitch: pitch.apply(command, argument))

    # -- actions ------------------------------------------------------------------------------

    def action_start_pause(self) -> None:
        self._command(PitchClock.toggle)

    def action_next_speaker(self) -> None:
        self._command(PitchClock.next_speaker)

    def action_previous(self) -> None:
        self._command(PitchClock.previous)

    def action_add_time(self, seconds: float) -> None:
        self._command(lambda pitch: pitch.add_time(seconds))

    def action_end_round(self) -> None:
        self._command(PitchClock.end_round)

    def action_auto_advance(self) -> None:
        self._command(lambda pitch: pitch.set_auto_advance(not pitch.state.auto_advance))
        if self.pitch is not None:
            self.notify(f"Auto-advance {'on' if self.pitch.state.auto_advance else 'off'}", timeout=2)

    def action_reset(self) -> None:
        if self.choice is None:
            return

        def answered(reset: bool | None) -> None:
            if reset:
                self._command(PitchClock.reset)

        self.app.push_screen(ClockResetConfirm(self.choice.number), answered)

    def action_change_round(self, step: int) -> None:
        if self.choice is None:
            return
        wanted = self.choice.number + step
        if not 1 <= wanted <= self.choice.rounds:
            self.notify(f"There is no round {wanted}: this meeting has {self.choice.rounds}.", timeout=3)
            return
        self.load(wanted)
