"""A read-only copy of the room's clock for a second screen (the projector).

It never commands: it notices new entries in the shared command log (one cheap query per poll)
and replays them, then reads the time itself, as the controlling app does.
"""

from __future__ import annotations

from collections.abc import Callable

from sessions.store.clock_log import ClockLog
from sessions.timekeeping import Clock

from .journal import latest_round, replay
from .machine import PitchClock
from .schedule import TurnSchedule
from .settings import ClockSettings


class ClockFollower:
    def __init__(
        self,
        log: ClockLog,
        meeting_id: int,
        settings: ClockSettings,
        schedule_of: Callable[[int], TurnSchedule],  # a round number's schedule
        clock: Clock,
        *,
        round_number: int = 1,
    ) -> None:
        self._log = log
        self._meeting_id = meeting_id
        self._settings = settings
        self._schedule_of = schedule_of
        self._clock = clock
        self._seen = -1
        self.round_number = round_number
        self.clock = PitchClock(schedule_of(round_number), settings, clock)

    def refresh(self) -> bool:
        """Catch up with the log; True when something changed since the last refresh."""
        last = self._log.last_id(self._meeting_id)
        if last == self._seen:
            return False
        self._seen = last
        number = latest_round(self._log, self._meeting_id) or self.round_number
        schedule = self._schedule_of(number)
        if number != self.round_number or schedule != self.clock.schedule:
            self.round_number = number
            self.clock = PitchClock(schedule, self._settings, self._clock)
        events = self._log.events(self._meeting_id, number)
        replayed = replay(
            events,
            self._settings,
            schedule,
            wall_now=self._clock.now(),
            monotonic_now=self._clock.monotonic(),
        )
        self.clock.adopt(replayed.state)
        return True
