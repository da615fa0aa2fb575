"""Which area the app opens on: where the evening is, so a restart mid-round lands on the running clock."""

from __future__ import annotations

from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.pitchclock import ClockJournal, ClockSettings, Phase, choose_round, latest_round
from sessions.store import Store
from sessions.timekeeping import Clock

from .areas import AREAS

CLOCK_MODE = "clock"


def round_under_way(store: Store, meeting: Meeting | None, clock: Clock) -> bool:
    """True while the clock's last round has a turn running, paused or in its changeover, or waits
    between two speakers: the room is listening to the clock."""
    if meeting is None or meeting.id is None:
        return False
    try:
        number = latest_round(store.clock_log, meeting.id)
        if number is None:
            return False
        choice = choose_round(store, meeting, number)
        journal = ClockJournal(store.clock_log, meeting.id, choice.number)
        state = journal.replay(ClockSettings.of(meeting), choice.schedule, clock).state
    except TablesessionError:  # no plan any more, a busy file: open as usual, the areas say why
        return False
    return state.phase in (Phase.SPEAKING, Phase.CHANGEOVER) or (state.phase is Phase.READY and state.turn > 0)


def opening_mode(store: Store, meeting: Meeting | None, clock: Clock) -> str:
    return CLOCK_MODE if round_under_way(store, meeting, clock) else AREAS[0].mode
