"""Shared values for the pitch clock's tests: the room's default settings and tables of 8, 8, 7 and 6."""

from __future__ import annotations

import datetime as dt

from sessions.pitchclock import ClockSettings, TurnSchedule

# The room's defaults: 5:00 turns, yellow at 1:00 left, 0:30 changeover, second chime at +0:30.
SETTINGS = ClockSettings()
ROOM = TurnSchedule((8, 8, 7, 6))
# The root conftest's FakeClock starts here.
MEETING_START = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)
