"""What the clock shows at one instant, computed from the state and the time: never stored."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from .schedule import TurnSchedule
from .settings import ClockSettings
from .state import ClockState, Look, Phase


@dataclass(frozen=True)
class ClockReading:
    look: Look
    phase: Phase
    paused: bool
    auto_advance: bool
    turn: int  # 0-based; in a changeover, the turn that just ended
    turns: int
    remaining: float  # seconds left in this segment; negative in overtime
    display_seconds: int  # the whole seconds on the display (counting up in overtime)
    counting_up: bool
    # When the display last changed / will next change, on the monotonic clock (None when it stands still).
    changed_at: float | None
    next_change_at: float | None
    seconds_to_round_end: float
    progress: float  # 0..1 through the round's turns
    label: str  # "Speaker 3 of 8 - seat 3"
    note: str  # "tables of 6: open discussion"
    ends_at: dt.datetime | None  # the wall-clock time the round should end; None once it has

    @property
    def speaker(self) -> int:
        return self.turn + 1

    @property
    def digits(self) -> str:
        """'4:59' counting down, '+0:12' in overtime."""
        minutes, seconds = divmod(self.display_seconds, 60)
        return f"{'+' if self.counting_up else ''}{minutes}:{seconds:02d}"


def _look(state: ClockState, remaining: float, settings: ClockSettings) -> Look:
    if state.phase is Phase.READY:
        return Look.READY
    if state.phase is Phase.OVER:
        return Look.OVER
    if state.paused:
        return Look.PAUSED
    if state.phase is Phase.CHANGEOVER:
        return Look.CHANGEOVER
    if remaining > settings.warning_seconds:
        return Look.GREEN
    if remaining > 0:
        return Look.YELLOW
    if remaining > -settings.overtime_chime_seconds:
        return Look.RED
    return Look.OVERTIME


def _seconds_to_end(state: ClockState, remaining: float, settings: ClockSettings, turns: int) -> float:
    turn, change = settings.turn_seconds, settings.changeover_seconds
    after = turns - 1 - state.turn  # turns after the current one
    if state.phase is Phase.READY:
        return (after + 1) * turn + after * change
    if state.phase is Phase.SPEAKING:
        return max(remaining, 0.0) + after * (change + turn)
    if state.phase is Phase.CHANGEOVER:
        return max(remaining, 0.0) + after * turn + (after - 1) * change
    return 0.0


def _progress(state: ClockState, remaining: float, settings: ClockSettings, turns: int) -> float:
    if state.phase is Phase.OVER:
        return 1.0
    done = float(state.turn)
    if state.phase is Phase.SPEAKING:
        done += min(1.0, max(0.0, (settings.turn_seconds - remaining) / settings.turn_seconds))
    elif state.phase is Phase.CHANGEOVER:
        done += 1.0
    return done / turns


def read(
    state: ClockState, now: float, wall_now: dt.datetime, settings: ClockSettings, schedule: TurnSchedule
) -> ClockReading:
    """The reading of a settled `state` at monotonic `now` (wall-clock `wall_now`)."""
    remaining = state.remaining(now) if state.phase in (Phase.SPEAKING, Phase.CHANGEOVER) else 0.0
    counting_up = state.phase is Phase.SPEAKING and remaining <= 0
    if state.phase is Phase.READY:
        shown = math.ceil(settings.turn_seconds)
    elif counting_up:
        shown = math.floor(-remaining)
    else:
        shown = max(math.ceil(remaining), 0)
    changed_at = next_change_at = None
    if state.deadline is not None:
        # The display turns to `shown` when the remaining time crosses a whole second...
        if counting_up:
            changed_at, next_change_at = state.deadline + shown, state.deadline + shown + 1
        else:
            changed_at, next_change_at = state.deadline - shown, state.deadline - shown + 1
        # ...and changes colour at the warning, time up and the second chime, wherever they fall.
        if state.phase is Phase.SPEAKING:
            for offset in (-settings.warning_seconds, 0.0, settings.overtime_chime_seconds):
                moment = state.deadline + offset
                if moment <= now:
                    changed_at = max(changed_at, moment)
                else:
                    next_change_at = min(next_change_at, moment)
    to_end = _seconds_to_end(state, remaining, settings, schedule.turns)
    # In a changeover the room wants to know who is next and which tables are done.
    upcoming = state.turn + 1 if state.phase is Phase.CHANGEOVER else state.turn
    return ClockReading(
        look=_look(state, remaining, settings),
        phase=state.phase,
        paused=state.paused,
        auto_advance=state.auto_advance,
        turn=state.turn,
        turns=schedule.turns,
        remaining=remaining,
        display_seconds=shown,
        counting_up=counting_up,
        changed_at=changed_at,
        next_change_at=next_change_at,
        seconds_to_round_end=to_end,
        progress=_progress(state, remaining, settings, schedule.turns),
        label="" if state.phase is Phase.OVER else schedule.speaker_label(upcoming),
        note="" if state.phase is Phase.OVER else schedule.open_discussion_note(upcoming),
        ends_at=None if state.phase is Phase.OVER else wall_now + dt.timedelta(seconds=to_end),
    )
