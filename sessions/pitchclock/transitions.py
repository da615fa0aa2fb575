"""The pitch clock's rules as pure functions of (state, command, time): no clock, no I/O.

`settle` applies what time alone changes (a changeover running out); `apply` settles, then
applies one command. A command that does not fit the state returns the state unchanged, so
the caller can tell (by identity) whether anything happened and needs saving.
"""

from __future__ import annotations

from dataclasses import replace

from .schedule import TurnSchedule
from .settings import ClockSettings
from .state import ClockState, Command, Phase

ADD_TIME_MAX_SECONDS = 3600.0


def settle(state: ClockState, now: float, settings: ClockSettings) -> ClockState:
    """The state at `now` when no command came: the only timed transition is the changeover's end."""
    if state.phase is not Phase.CHANGEOVER or state.deadline is None or now < state.deadline:
        return state
    if not state.auto_advance:
        return ClockState(turn=state.turn + 1, speech=state.speech, auto_advance=state.auto_advance)
    # Chained from the changeover's deadline, not from `now`: a late read must not lengthen the turn.
    return ClockState(
        phase=Phase.SPEAKING,
        turn=state.turn + 1,
        deadline=state.deadline + settings.turn_seconds,
        speech=state.speech + 1,
        auto_advance=state.auto_advance,
    )


def _timed(base: ClockState, seconds: float, now: float, paused: bool) -> ClockState:
    """`base` with a new segment of `seconds`: still paused if the clock was paused, else running."""
    if paused:
        return replace(base, deadline=None, frozen=seconds)
    return replace(base, deadline=now + seconds, frozen=None)


def _fresh_turn(state: ClockState, turn: int, now: float, settings: ClockSettings) -> ClockState:
    base = replace(state, phase=Phase.SPEAKING, turn=turn, speech=state.speech + 1, left_behind=None)
    return _timed(base, settings.turn_seconds, now, state.paused)


def _ready(state: ClockState, turn: int) -> ClockState:
    return ClockState(turn=turn, speech=state.speech, auto_advance=state.auto_advance)


def _over(state: ClockState, left_behind: float | None) -> ClockState:
    return ClockState(
        phase=Phase.OVER,
        turn=state.turn,
        left_behind=left_behind,
        speech=state.speech,
        auto_advance=state.auto_advance,
    )


def _next(state: ClockState, now: float, settings: ClockSettings, schedule: TurnSchedule) -> ClockState:
    last = state.turn >= schedule.last_turn
    if state.phase is Phase.READY:
        return _over(state, None) if last else _ready(state, state.turn + 1)
    if state.phase is Phase.SPEAKING:
        left = state.remaining(now)
        if last:
            return _over(state, left)
        if settings.changeover_seconds > 0:
            base = replace(state, phase=Phase.CHANGEOVER, left_behind=left)
            return _timed(base, settings.changeover_seconds, now, state.paused)
        return _fresh_turn(state, state.turn + 1, now, settings)
    if state.phase is Phase.CHANGEOVER:
        # The facilitator cuts the changeover short: the next speaker starts now.
        return _fresh_turn(state, state.turn + 1, now, settings)
    return state


def _previous(state: ClockState, now: float) -> ClockState:
    if state.phase is Phase.OVER and state.before_end is not None and state.ended_at is not None:
        before = state.before_end
        if before.deadline is None:
            return before
        return replace(before, deadline=before.deadline + (now - state.ended_at))
    if state.left_behind is not None and state.phase in (Phase.CHANGEOVER, Phase.OVER):
        # 'Next' or 'end round' pressed too soon: the speaker gets back the time they had.
        restored = replace(state, phase=Phase.SPEAKING, left_behind=None)
        return _timed(restored, state.left_behind, now, state.paused)
    if state.phase is Phase.OVER:
        return _ready(state, state.turn)
    if state.phase is Phase.SPEAKING:
        # Back to the previous speaker, waiting for 'start'; from the first turn, back to its start.
        return _ready(state, max(state.turn - 1, 0))
    if state.phase is Phase.READY and state.turn > 0:
        return _ready(state, state.turn - 1)
    return state


def _add_time(state: ClockState, seconds: float) -> ClockState:
    if state.phase not in (Phase.SPEAKING, Phase.CHANGEOVER):
        return state
    if state.deadline is not None:
        return replace(state, deadline=state.deadline + seconds)
    return replace(state, frozen=(state.frozen or 0.0) + seconds)


def valid_argument(command: Command, argument: float | None) -> bool:
    if command is Command.ADD_TIME:
        return argument is not None and 0 < argument <= ADD_TIME_MAX_SECONDS
    if command is Command.AUTO_ADVANCE:
        return argument in (0.0, 1.0)
    return argument is None


def apply(
    state: ClockState,
    command: Command,
    argument: float | None,
    *,
    now: float,
    settings: ClockSettings,
    schedule: TurnSchedule,
) -> ClockState:
    """The state after `command` at monotonic time `now`. Raises ValueError for a bad argument."""
    if not valid_argument(command, argument):
        raise ValueError(f"{command.value}: argument {argument!r} is not allowed")
    state = settle(state, now, settings)
    timed = state.phase in (Phase.SPEAKING, Phase.CHANGEOVER)
    match command:
        case Command.START:
            return _fresh_turn(state, state.turn, now, settings) if state.phase is Phase.READY else state
        case Command.PAUSE:
            if timed and state.deadline is not None:
                return replace(state, deadline=None, frozen=state.deadline - now)
            return state
        case Command.RESUME:
            if timed and state.frozen is not None:
                return replace(state, deadline=now + state.frozen, frozen=None)
            return state
        case Command.NEXT:
            return _next(state, now, settings, schedule)
        case Command.PREVIOUS:
            return _previous(state, now)
        case Command.ADD_TIME:
            assert argument is not None
            return _add_time(state, argument)
        case Command.END_ROUND:
            if state.phase is Phase.OVER:
                return state
            left = state.remaining(now) if state.phase is Phase.SPEAKING else state.left_behind
            return replace(_over(state, left), before_end=state, ended_at=now)
        case Command.RESET:
            fresh = ClockState(speech=state.speech, auto_advance=state.auto_advance)
            return state if state == fresh else fresh
        case Command.AUTO_ADVANCE:
            wanted = argument == 1.0
            return state if state.auto_advance == wanted else replace(state, auto_advance=wanted)
    return state  # pragma: no cover - every Command is matched above
