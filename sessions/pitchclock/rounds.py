"""Which round the clock times, and its turns: from the seating plan when there is one.

Before seating is done the clock still works: it times the meeting's largest table size.
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.store import Store

from .journal import latest_round
from .schedule import TurnSchedule


@dataclass(frozen=True)
class RoundChoice:
    number: int
    schedule: TurnSchedule
    planned: bool  # False: no seating for this round yet, timing tables of the meeting's largest size
    rounds: int  # how many rounds the plan has (at least 1)

    @property
    def description(self) -> str:
        if self.planned:
            return f"Round {self.number} of {self.rounds}"
        return f"Round {self.number} (no seating yet: {self.schedule.turns} speakers)"


def choose_round(store: Store, meeting: Meeting, number: int | None = None) -> RoundChoice:
    """Round `number`, or the one the clock was last used for (else round 1)."""
    if meeting.id is None:
        raise TablesessionError("the meeting has not been saved yet")
    plan = store.seating.load(meeting.id)
    planned = {r.number: r for r in plan.rounds} if plan else {}
    if number is None:
        number = latest_round(store.clock_log, meeting.id) or 1
    rounds = max(len(planned), 1)
    if number < 1 or number > rounds:
        raise TablesessionError(f"this meeting has no round {number} (rounds 1 to {rounds})")
    round_ = planned.get(number)
    if round_ is not None and round_.largest_table > 0:
        return RoundChoice(number, TurnSchedule.of(round_), True, rounds)
    return RoundChoice(number, TurnSchedule((meeting.table_max,)), False, rounds)
