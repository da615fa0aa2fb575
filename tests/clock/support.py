"""Shared values for the pitch clock's tests: the room's default settings and tables of 8, 8, 7 and 6."""

from __future__ import annotations

import datetime as dt

from sessions.models import Meeting, Member, Round, SeatingPlan, Table
from sessions.pitchclock import ClockSettings, TurnSchedule
from sessions.store import Store

# The room's defaults: 5:00 turns, yellow at 1:00 left, 0:30 changeover, second chime at +0:30.
SETTINGS = ClockSettings()
ROOM = TurnSchedule((8, 8, 7, 6))
# The root conftest's FakeClock starts here.
MEETING_START = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)


def seat_room(store: Store, meeting: Meeting, sizes: tuple[int, ...] = (8, 7, 6), rounds: int = 2) -> SeatingPlan:
    """A saved seating plan: `rounds` rounds of tables of `sizes` (fictional people, example.com)."""
    assert meeting.id is not None
    people = [
        store.members.add(Member(first_name=f"Person{i}", last_name="Example", email=f"person{i}@example.com"))
        for i in range(sum(sizes))
    ]
    ids = [person.id for person in people if person.id is not None]
    made = []
    for number in range(1, rounds + 1):
        order = ids[number - 1 :] + ids[: number - 1]  # a different mix each round
        tables, start = [], 0
        for label, size in enumerate(sizes, start=1):
            tables.append(Table.of(str(label), order[start : start + size]))
            start += size
        made.append(Round(number=number, tables=tuple(tables)))
    return store.seating.save(SeatingPlan(meeting_id=meeting.id, rounds=tuple(made)))
