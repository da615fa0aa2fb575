"""The live pitch clock: the pure rules driven by an injected `Clock`, with cues and a command recorder."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

from sessions.timekeeping import Clock

from . import transitions
from .reading import ClockReading, read
from .schedule import TurnSchedule
from .settings import ClockSettings
from .state import ClockState, Command, Cue, Phase

# Saves a command that changed the clock, with the wall-clock time it was given.
Recorder = Callable[[Command, float | None, dt.datetime], None]

ADD_HALF_MINUTE = 30.0
ADD_MINUTE = 60.0


@dataclass(frozen=True)
class CueFired:
    cue: Cue
    due: float  # when it should have sounded, on the monotonic clock


class PitchClock:
    """One clock for the whole room. Read it as often as you like: every reading subtracts the
    monotonic time from a stored deadline, so a busy or sleeping app never loses time.

    `poll()` also reports the cues whose moment has passed since the previous poll, each once.
    When one poll finds several (the app was busy or the laptop asleep), only the latest is
    reported: a burst of stale chimes would tell the room nothing true.
    """

    def __init__(
        self,
        schedule: TurnSchedule,
        settings: ClockSettings,
        clock: Clock,
        *,
        state: ClockState | None = None,
        recorder: Recorder | None = None,
    ) -> None:
        self.schedule = schedule
        self.settings = settings
        self._clock = clock
        self._recorder = recorder
        self._state = state or ClockState()
        # What the last poll saw, to tell which cues have come due since.
        self._announced: int = 0
        self._last_speech: int = 0
        self._last_remaining: float = 0.0
        self._last_phase: Phase = Phase.READY
        self._adopt_quietly()

    # -- reading ---------------------------------------------------------------------------

    @property
    def state(self) -> ClockState:
        return transitions.settle(self._state, self._clock.monotonic(), self.settings)

    def read(self) -> ClockReading:
        now = self._clock.monotonic()
        self._state = transitions.settle(self._state, now, self.settings)
        return read(self._state, now, self._clock.now(), self.settings, self.schedule)

    def poll(self) -> tuple[ClockReading, tuple[CueFired, ...]]:
        """The reading now and the cue (at most one) that came due since the last poll."""
        reading = self.read()
        fired = self._cues(reading)
        return reading, tuple(fired[-1:])

    def _cues(self, reading: ClockReading) -> list[CueFired]:
        state, now = self._state, self._clock.monotonic()
        fired: list[CueFired] = []
        if state.phase is Phase.SPEAKING:
            if state.running and state.speech != self._announced:
                assert state.deadline is not None
                fired.append(CueFired(Cue.NEXT_SPEAKER, state.deadline - self.settings.turn_seconds))
                self._announced = state.speech
            before = self._last_remaining if state.speech == self._last_speech else math.inf
            for cue, threshold in (
                (Cue.WARNING, self.settings.warning_seconds),
                (Cue.TIME_UP, 0.0),
                (Cue.OVERTIME, -self.settings.overtime_chime_seconds),
            ):
                if before > threshold >= reading.remaining:
                    due = state.deadline - threshold if state.deadline is not None else now
                    fired.append(CueFired(cue, due))
            self._last_speech, self._last_remaining = state.speech, reading.remaining
        if state.phase is Phase.OVER and self._last_phase is not Phase.OVER:
            fired.append(CueFired(Cue.ROUND_OVER, now))
        self._last_phase = state.phase
        return fired

    def _adopt_quietly(self) -> None:
        """Take the current state as already heard: a restart or a follower must not chime."""
        state = self.state
        self._announced = state.speech
        self._last_speech = state.speech
        self._last_remaining = state.remaining(self._clock.monotonic())
        self._last_phase = state.phase

    def adopt(self, state: ClockState) -> None:
        """Replace the state (a projector view following the controlling app)."""
        self._state = state
        self._adopt_quietly()

    # -- commands --------------------------------------------------------------------------

    def apply(self, command: Command, argument: float | None = None) -> bool:
        """Apply `command`; True if it changed the clock (and was saved), False if it did not apply."""
        now = self._clock.monotonic()
        settled = transitions.settle(self._state, now, self.settings)
        changed = transitions.apply(settled, command, argument, now=now, settings=self.settings, schedule=self.schedule)
        if changed is settled:
            self._state = settled
            return False
        # Saved before it takes effect: if saving fails, the clock and its log still agree.
        if self._recorder is not None:
            self._recorder(command, argument, self._clock.now())
        self._state = changed
        return True

    def start(self) -> bool:
        return self.apply(Command.START)

    def pause(self) -> bool:
        return self.apply(Command.PAUSE)

    def resume(self) -> bool:
        return self.apply(Command.RESUME)

    def toggle(self) -> bool:
        """One key for the facilitator: start when ready, otherwise pause or resume."""
        state = self.state
        if state.phase is Phase.READY:
            return self.start()
        return self.resume() if state.paused else self.pause()

    def next_speaker(self) -> bool:
        return self.apply(Command.NEXT)

    def previous(self) -> bool:
        return self.apply(Command.PREVIOUS)

    def add_time(self, seconds: float) -> bool:
        return self.apply(Command.ADD_TIME, seconds)

    def end_round(self) -> bool:
        return self.apply(Command.END_ROUND)

    def reset(self) -> bool:
        return self.apply(Command.RESET)

    def set_auto_advance(self, on: bool) -> bool:
        return self.apply(Command.AUTO_ADVANCE, 1.0 if on else 0.0)
