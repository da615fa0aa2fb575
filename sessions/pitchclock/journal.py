"""Saving the clock's commands to the store and replaying them after a restart.

The log holds wall-clock times (the monotonic clock restarts with the laptop). Replaying maps
each command onto the current monotonic clock by its distance from the wall-clock time now,
so a running clock resumes with the time that passed accounted for, and a paused one as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sessions.store.clock_log import ClockEvent, ClockLog
from sessions.timekeeping import Clock

from . import transitions
from .machine import PitchClock
from .schedule import TurnSchedule
from .settings import ClockSettings
from .state import ClockState, Command


@dataclass(frozen=True)
class Replayed:
    state: ClockState
    ignored: tuple[str, ...]  # commands this version could not apply, described for the user


def replay(
    events: Sequence[ClockEvent],
    settings: ClockSettings,
    schedule: TurnSchedule,
    *,
    wall_now: dt.datetime,
    monotonic_now: float,
) -> Replayed:
    """The clock's state now, rebuilt from its logged commands, oldest first."""
    offset = monotonic_now - wall_now.timestamp()
    state, ignored = ClockState(), []
    for event in events:
        try:
            command = Command(event.command)
            at = event.wall_time.timestamp() + offset
            state = transitions.apply(state, command, event.argument, now=at, settings=settings, schedule=schedule)
        except ValueError:
            ignored.append(
                f"clock log entry {event.id}: '{event.command}' with argument {event.argument} "
                "was not understood and is ignored"
            )
    return Replayed(transitions.settle(state, monotonic_now, settings), tuple(ignored))


class ClockJournal:
    """The command log of one round's clock."""

    def __init__(self, log: ClockLog, meeting_id: int, round_number: int) -> None:
        self._log = log
        self.meeting_id = meeting_id
        self.round_number = round_number

    def record(self, command: Command, argument: float | None, wall_time: dt.datetime) -> None:
        self._log.append(
            ClockEvent(
                meeting_id=self.meeting_id,
                round_number=self.round_number,
                command=command.value,
                argument=argument,
                wall_time=wall_time,
            )
        )

    def replay(self, settings: ClockSettings, schedule: TurnSchedule, clock: Clock) -> Replayed:
        events = self._log.events(self.meeting_id, self.round_number)
        return replay(events, settings, schedule, wall_now=clock.now(), monotonic_now=clock.monotonic())

    def open_clock(self, settings: ClockSettings, schedule: TurnSchedule, clock: Clock) -> tuple[PitchClock, Replayed]:
        """The round's clock, resumed from the log, saving each command from now on."""
        replayed = self.replay(settings, schedule, clock)
        return PitchClock(schedule, settings, clock, state=replayed.state, recorder=self.record), replayed


def latest_round(log: ClockLog, meeting_id: int) -> int | None:
    """The round the clock was last used for at this meeting (what a projector view should follow)."""
    events = log.events(meeting_id)
    return events[-1].round_number if events else None
