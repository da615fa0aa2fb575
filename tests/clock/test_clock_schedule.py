"""The round's turns, labels and open-discussion notes, and the clock's settings."""

from __future__ import annotations

import pytest

from sessions.errors import TablesessionError
from sessions.models import Meeting, Round, Table
from sessions.pitchclock import ClockSettings, TurnSchedule


def test_a_round_has_as_many_turns_as_its_largest_table_seats() -> None:
    round_ = Round(number=2, tables=(Table.of("1", [1, 2, 3, 4, 5, 6]), Table.of("2", list(range(10, 18)))))
    schedule = TurnSchedule.of(round_)
    assert (schedule.turns, schedule.table_sizes) == (8, (8, 6))
    assert schedule.speaker_label(2) == "Speaker 3 of 8 - seat 3"


def test_tables_are_in_open_discussion_once_their_last_speaker_is_done() -> None:
    schedule = TurnSchedule((6, 8, 7, 6, 8))
    assert [schedule.open_discussion_note(turn) for turn in (5, 6, 7)] == [
        "",
        "tables of 6: open discussion",
        "tables of 6 and 7: open discussion",
    ]
    assert [schedule.tables_finished(turn) for turn in (5, 6, 7)] == [0, 2, 3]


def test_three_finished_sizes_read_as_a_list() -> None:
    assert TurnSchedule((8, 5, 6, 7)).open_discussion_note(7) == "tables of 5, 6 and 7: open discussion"


def test_tables_of_one_size_never_open_discussion() -> None:
    schedule = TurnSchedule((7, 7, 7))
    assert [schedule.open_discussion_note(turn) for turn in range(7)] == [""] * 7


def test_a_round_that_seats_nobody_cannot_be_timed() -> None:
    with pytest.raises(TablesessionError, match="round 3: this round seats nobody"):
        TurnSchedule.of(Round(number=3, tables=(Table(label="1"),)))


def test_settings_come_from_the_meeting() -> None:
    meeting = Meeting(date="2026-11-24", turn_seconds=240, warning_seconds=30, changeover_seconds=0)
    settings = ClockSettings.of(meeting)
    assert (settings.turn_seconds, settings.warning_seconds, settings.changeover_seconds) == (240, 30, 0)
    assert settings.overtime_chime_seconds == 30


@pytest.mark.parametrize(
    "values",
    [
        {"turn_seconds": 0},
        {"warning_seconds": 300},
        {"changeover_seconds": -1},
        {"overtime_chime_seconds": 0},
    ],
)
def test_settings_that_cannot_work_are_refused(values: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"must|cannot"):
        ClockSettings(**values)
