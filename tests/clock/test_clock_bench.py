"""The bench's measuring logic, run on a fake clock so it takes no real time."""

from __future__ import annotations

from sessions.pitchclock.bench import DISPLAY_UPDATE, run_clock_bench
from sessions.timekeeping import FakeClock

from .support import MEETING_START


def test_the_bench_sees_every_cue_once_and_measures_the_refresh_lag() -> None:
    clock = FakeClock(MEETING_START)
    result = run_clock_bench(clock, clock.advance, refresh_seconds=0.05, idle_seconds=1.0)
    assert result.lateness.count == {
        "next_speaker": 3,
        "warning": 3,
        "time_up": 3,
        "overtime": 1,
        "round_over": 1,
        DISPLAY_UPDATE: result.lateness.count[DISPLAY_UPDATE],
    }
    # 2 s turns show 0:02, 0:01, yellow, +0:00, red...: several updates a turn, each seen within a poll.
    assert result.lateness.count[DISPLAY_UPDATE] >= 12
    assert 0 <= result.worst <= 0.05 + 1e-9
    assert result.idle_seconds >= 1.0
    assert result.report()[-3].endswith("met")


def test_a_slow_refresh_misses_the_target() -> None:
    clock = FakeClock(MEETING_START)
    result = run_clock_bench(clock, clock.advance, refresh_seconds=0.3, idle_seconds=0.0)
    assert result.lateness.worst[DISPLAY_UPDATE] > 0.1
    assert "MISSED" in result.report()[-3]
