"""Time sources. The app, the pitch clock and check-in read time only through a `Clock`,
so tests and benchmarks can drive time by hand."""

from __future__ import annotations

import datetime as dt
import threading
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps (for deadlines)."""
        ...

    def now(self) -> dt.datetime:
        """The wall-clock time, timezone-aware (for what people read and what is stored)."""
        ...

    def today(self) -> dt.date:
        """The local date: which meeting is today's."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def today(self) -> dt.date:
        return dt.date.today()


class FakeClock:
    """A clock that moves only when told to; wall and monotonic time move together."""

    def __init__(self, start: dt.datetime | None = None, monotonic_start: float = 1000.0) -> None:
        self._wall = start or dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)
        if self._wall.tzinfo is None:
            raise ValueError("FakeClock needs a timezone-aware start time")
        self._monotonic = monotonic_start
        self._lock = threading.Lock()

    def monotonic(self) -> float:
        with self._lock:
            return self._monotonic

    def now(self) -> dt.datetime:
        with self._lock:
            return self._wall

    def today(self) -> dt.date:
        return self.now().date()

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._monotonic += seconds
            self._wall += dt.timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Move the wall clock alone, as a laptop waking from sleep or an NTP correction does."""
        with self._lock:
            self._wall += dt.timedelta(seconds=seconds)
