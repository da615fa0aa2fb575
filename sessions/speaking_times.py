"""When each seat at a table speaks: the round's timetable from the meeting's turn and changeover lengths.

Every table follows one clock, so seat k speaks at the same time at every table: the round starts, seat 1
pitches for a turn, a changeover follows, then seat 2, and so on. A round has as many turns as its largest
table seats; smaller tables finish early.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from .models import Meeting


@dataclass(frozen=True)
class SpeakingSlot:
    seat: int
    starts_at: dt.datetime
    ends_at: dt.datetime


def _turn_pitch(meeting: Meeting) -> dt.timedelta:
    return dt.timedelta(seconds=meeting.turn_seconds + meeting.changeover_seconds)


def speaking_slots(meeting: Meeting, start: dt.datetime, turns: int) -> tuple[SpeakingSlot, ...]:
    """Seat 1..turns with the time each starts and stops speaking, for a round starting at `start`."""
    if turns < 0:
        raise ValueError("a round cannot have a negative number of turns")
    turn = dt.timedelta(seconds=meeting.turn_seconds)
    pitch = _turn_pitch(meeting)
    return tuple(
        SpeakingSlot(seat=k, starts_at=start + (k - 1) * pitch, ends_at=start + (k - 1) * pitch + turn)
        for k in range(1, turns + 1)
    )


def round_end(meeting: Meeting, start: dt.datetime, turns: int) -> dt.datetime:
    """When the last speaker of a round with `turns` turns finishes (no changeover after the last)."""
    if turns <= 0:
        return start
    return start + (turns - 1) * _turn_pitch(meeting) + dt.timedelta(seconds=meeting.turn_seconds)


def round_starts(
    meeting: Meeting, first_start: dt.datetime, turns_per_round: Sequence[int], break_between: dt.timedelta
) -> list[dt.datetime]:
    """Start times of consecutive rounds: each begins `break_between` after the previous one ends
    (people need a few minutes to find their next table)."""
    starts: list[dt.datetime] = []
    start = first_start
    for turns in turns_per_round:
        starts.append(start)
        start = round_end(meeting, start, turns) + break_between
    return starts
