"""The speaking schedule printed on table sheets."""

from __future__ import annotations

import datetime as dt

from sessions.models import Meeting
from sessions.speaking_times import round_end, round_starts, speaking_slots

START = dt.datetime(2026, 11, 24, 18, 45)


def test_each_seat_starts_a_turn_and_a_changeover_after_the_previous() -> None:
    meeting = Meeting(date=START.date(), turn_seconds=300, changeover_seconds=30)
    slots = speaking_slots(meeting, START, 3)
    assert [slot.seat for slot in slots] == [1, 2, 3]
    assert [slot.starts_at.time() for slot in slots] == [dt.time(18, 45), dt.time(18, 50, 30), dt.time(18, 56)]
    assert slots[0].ends_at == START + dt.timedelta(minutes=5)


def test_the_round_ends_when_the_last_speaker_finishes() -> None:
    meeting = Meeting(date=START.date(), turn_seconds=240, warning_seconds=30, changeover_seconds=60)
    assert round_end(meeting, START, 8) == START + dt.timedelta(minutes=7 * 5 + 4)
    assert round_end(meeting, START, 0) == START


def test_later_rounds_start_after_a_break() -> None:
    meeting = Meeting(date=START.date(), turn_seconds=300, changeover_seconds=30)
    starts = round_starts(meeting, START, [2, 3], dt.timedelta(minutes=5))
    # round 1: 5:00 + 0:30 + 5:00 = 10:30, then a 5-minute break
    assert starts == [START, START + dt.timedelta(minutes=15, seconds=30)]
