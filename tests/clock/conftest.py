"""The pitch clock under test: the room's schedule on the shared fake clock (tests/conftest.py)."""

from __future__ import annotations

import pytest

from sessions.pitchclock import PitchClock
from sessions.timekeeping import FakeClock

from .support import ROOM, SETTINGS


@pytest.fixture
def pitch(clock: FakeClock) -> PitchClock:
    return PitchClock(ROOM, SETTINGS, clock)
