"""The projector view's copy of the clock follows the controlling app through the database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sessions.models import Meeting
from sessions.pitchclock import ClockFollower, ClockJournal, Look, Phase, TurnSchedule
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import ROOM, SETTINGS

SMALL_ROUND = TurnSchedule((3, 2))


def schedule_of(number: int) -> TurnSchedule:
    return ROOM if number == 1 else SMALL_ROUND


def test_the_follower_shows_what_the_controlling_app_commands(
    tmp_path: Path, store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    assert meeting.id is not None
    pitch, _ = ClockJournal(store.clock_log, meeting.id, 1).open_clock(SETTINGS, ROOM, clock)
    # The projector is a second process: its own read-only connection and its own monotonic clock.
    projector_clock = FakeClock(clock.now(), monotonic_start=77.0)
    with Store.opened(tmp_path / "group.sqlite3", readonly=True) as readonly:
        follower = ClockFollower(readonly.clock_log, meeting.id, SETTINGS, schedule_of, projector_clock)
        assert follower.refresh()
        assert follower.clock.read().look is Look.READY
        assert not follower.refresh()  # nothing new: no replay

        pitch.start()
        clock.advance(100)
        projector_clock.advance(100)
        assert follower.refresh()
        assert (follower.clock.read().look, follower.clock.read().digits) == (Look.GREEN, "3:20")

        pitch.pause()
        clock.advance(50)
        projector_clock.advance(50)
        follower.refresh()
        assert (follower.clock.read().look, follower.clock.read().digits) == (Look.PAUSED, "3:20")
        assert follower.clock.poll()[1] == ()  # it never sounds what it only follows

        second, _ = ClockJournal(store.clock_log, meeting.id, 2).open_clock(SETTINGS, SMALL_ROUND, clock)
        second.start()
        clock.advance(1)
        projector_clock.advance(1)
        follower.refresh()
        reading = follower.clock.read()
        assert (follower.round_number, reading.phase, reading.turns, reading.digits) == (
            2,
            Phase.SPEAKING,
            3,
            "4:59",
        )


def test_a_follower_opened_before_any_command_waits_on_round_one(store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    clock = FakeClock(dt.datetime(2026, 11, 24, 19, 0, tzinfo=dt.UTC))
    follower = ClockFollower(store.clock_log, meeting.id, SETTINGS, schedule_of, clock)
    follower.refresh()
    assert (follower.round_number, follower.clock.read().turns) == (1, 8)
