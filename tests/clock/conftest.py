"""Fixtures for the pitch clock: a fake clock, short settings and a room of tables of 8, 8, 7 and 6."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.models import Meeting
from sessions.pitchclock import ClockSettings, PitchClock, TurnSchedule
from sessions.store import Store
from sessions.timekeeping import FakeClock

# The room's defaults: 5:00 turns, yellow at 1:00 left, 0:30 changeover, second chime at +0:30.
SETTINGS = ClockSettings()
ROOM = TurnSchedule((8, 8, 7, 6))
MEETING_START = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(MEETING_START)


@pytest.fixture
def pitch(clock: FakeClock) -> PitchClock:
    return PitchClock(ROOM, SETTINGS, clock)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.opened(tmp_path / "group.sqlite3") as opened:
        yield opened


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(date=MEETING_START.date(), title="Tuesday pitches"))
