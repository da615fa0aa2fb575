"""Every transition of the pitch clock, driven by a fake clock."""

from __future__ import annotations

import pytest

from sessions.pitchclock import (
    ClockReading,
    ClockSettings,
    Command,
    Cue,
    Look,
    Phase,
    PitchClock,
    TurnSchedule,
)
from sessions.timekeeping import FakeClock

from .support import ROOM, SETTINGS


def heard(pitch: PitchClock) -> list[Cue]:
    return [fired.cue for fired in pitch.poll()[1]]


def test_a_new_clock_is_ready_for_the_first_speaker_at_full_time(pitch: PitchClock) -> None:
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.digits) == (Look.READY, 0, "5:00")
    assert reading.label == "Speaker 1 of 8 - seat 1"


def test_a_turn_goes_green_yellow_red_then_overtime(pitch: PitchClock, clock: FakeClock) -> None:
    assert pitch.start()
    looks: list[tuple[float, Look, str]] = []
    for elapsed, digits in (
        (0, "5:00"),
        (0.5, "5:00"),
        (1, "4:59"),
        (240, "1:00"),
        (299.5, "0:01"),
        (300, "+0:00"),
    ):
        clock.advance(elapsed - (looks[-1][0] if looks else 0))
        reading = pitch.read()
        looks.append((elapsed, reading.look, reading.digits))
        assert reading.digits == digits
    assert [look for _, look, _ in looks] == [
        Look.GREEN,
        Look.GREEN,
        Look.GREEN,
        Look.YELLOW,
        Look.YELLOW,
        Look.RED,
    ]
    clock.advance(12)
    assert (pitch.read().look, pitch.read().digits) == (Look.RED, "+0:12")
    clock.advance(18)
    assert (pitch.read().look, pitch.read().digits) == (Look.OVERTIME, "+0:30")
    clock.advance(95)
    assert pitch.read().digits == "+2:05"
    assert pitch.read().phase is Phase.SPEAKING


def test_each_cue_sounds_once_at_its_moment(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    timeline: list[tuple[float, Cue]] = []
    for step in range(int(340 / 0.25)):
        timeline += [(step * 0.25, cue) for cue in heard(pitch)]
        clock.advance(0.25)
    assert timeline == [
        (0.0, Cue.NEXT_SPEAKER),
        (240.0, Cue.WARNING),
        (300.0, Cue.TIME_UP),
        (330.0, Cue.OVERTIME),
    ]


def test_a_cue_reports_when_it_was_due_even_if_noticed_late(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    start = clock.monotonic()
    pitch.poll()
    clock.advance(240.07)
    (fired,) = pitch.poll()[1]
    assert fired.cue is Cue.WARNING
    assert fired.due == pytest.approx(start + 240)


def test_after_a_long_gap_only_the_latest_cue_sounds(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.poll()
    clock.advance(310)  # the app was busy through the warning and the time-up
    assert heard(pitch) == [Cue.TIME_UP]
    clock.advance(60)
    assert heard(pitch) == [Cue.OVERTIME]
    clock.advance(60)
    assert heard(pitch) == []


def test_next_speaker_starts_a_changeover_that_auto_advances(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(200)
    pitch.poll()
    assert pitch.next_speaker()
    reading = pitch.read()
    assert (reading.look, reading.digits, reading.turn) == (Look.CHANGEOVER, "0:30", 0)
    assert reading.label == "Speaker 2 of 8 - seat 2"  # the changeover names who is next
    clock.advance(29.9)
    assert pitch.read().phase is Phase.CHANGEOVER
    assert heard(pitch) == []
    clock.advance(0.1)
    assert heard(pitch) == [Cue.NEXT_SPEAKER]
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.digits) == (Look.GREEN, 1, "5:00")


def test_an_auto_advance_read_late_does_not_lengthen_the_next_turn(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.next_speaker()
    clock.advance(30 + 100)  # nobody looked for 100 s after the changeover ended
    reading = pitch.read()
    assert reading.turn == 1
    assert reading.remaining == pytest.approx(200)


def test_without_auto_advance_the_clock_waits_for_the_facilitator(pitch: PitchClock, clock: FakeClock) -> None:
    assert pitch.set_auto_advance(False)
    assert not pitch.set_auto_advance(False)
    pitch.start()
    pitch.next_speaker()
    clock.advance(45)
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.digits) == (Look.READY, 1, "5:00")
    clock.advance(60)
    assert pitch.read().look is Look.READY
    pitch.poll()
    assert pitch.start()
    assert heard(pitch) == [Cue.NEXT_SPEAKER]
    assert pitch.read().remaining == pytest.approx(300)


def test_next_during_the_changeover_starts_the_next_speaker_at_once(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.next_speaker()
    clock.advance(10)
    pitch.next_speaker()
    reading = pitch.read()
    assert (reading.phase, reading.turn) == (Phase.SPEAKING, 1)
    assert reading.remaining == pytest.approx(300)


def test_without_a_changeover_next_starts_the_next_speaker(clock: FakeClock) -> None:
    pitch = PitchClock(ROOM, ClockSettings(changeover_seconds=0), clock)
    pitch.start()
    clock.advance(100)
    pitch.next_speaker()
    assert (pitch.read().phase, pitch.read().turn) == (Phase.SPEAKING, 1)


def test_pause_freezes_the_time_and_resume_carries_on(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(100)
    assert pitch.pause()
    assert not pitch.pause()
    clock.advance(600)
    reading = pitch.read()
    assert (reading.look, reading.digits, reading.phase) == (Look.PAUSED, "3:20", Phase.SPEAKING)
    assert reading.changed_at is None
    assert pitch.resume()
    assert not pitch.resume()
    clock.advance(20)
    assert (pitch.read().look, pitch.read().digits) == (Look.GREEN, "3:00")


def test_pause_during_the_changeover_holds_the_next_speaker(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.next_speaker()
    clock.advance(10)
    pitch.pause()
    clock.advance(300)
    reading = pitch.read()
    assert (reading.look, reading.phase, reading.digits) == (Look.PAUSED, Phase.CHANGEOVER, "0:20")
    pitch.resume()
    clock.advance(19.5)
    assert pitch.read().phase is Phase.CHANGEOVER
    clock.advance(0.5)
    assert (pitch.read().phase, pitch.read().turn) == (Phase.SPEAKING, 1)


def test_the_toggle_key_starts_pauses_and_resumes(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.toggle()
    assert pitch.read().look is Look.GREEN
    pitch.toggle()
    assert pitch.read().look is Look.PAUSED
    pitch.toggle()
    assert pitch.read().look is Look.GREEN


def test_pausing_in_overtime_keeps_the_overtime(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(312)
    pitch.pause()
    clock.advance(50)
    assert pitch.read().digits == "+0:12"
    pitch.resume()
    clock.advance(1)
    assert pitch.read().digits == "+0:13"


def test_adding_time_in_overtime_counts_down_again_and_rearms_the_chimes(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(310)
    pitch.poll()
    assert pitch.add_time(60)
    reading = pitch.read()
    assert (reading.look, reading.digits) == (Look.YELLOW, "0:50")
    assert heard(pitch) == []  # going back up the clock crosses no threshold downwards
    clock.advance(50)
    assert heard(pitch) == [Cue.TIME_UP]
    assert heard(pitch) == []


def test_adding_a_minute_and_a_half_minute_moves_the_deadline(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(250)  # yellow with 0:50 left
    pitch.add_time(60)
    pitch.add_time(30)
    assert (pitch.read().look, pitch.read().digits) == (Look.GREEN, "2:20")


def test_adding_time_while_paused_or_in_a_changeover(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.pause()
    pitch.add_time(30)
    assert pitch.read().digits == "5:30"
    pitch.resume()
    pitch.next_speaker()
    pitch.add_time(30)
    assert (pitch.read().phase, pitch.read().digits) == (Phase.CHANGEOVER, "1:00")


def test_adding_time_when_nothing_is_timed_does_nothing(pitch: PitchClock) -> None:
    assert not pitch.add_time(60)
    pitch.end_round()
    assert not pitch.add_time(60)


@pytest.mark.parametrize(
    ("command", "argument"),
    [(Command.ADD_TIME, None), (Command.ADD_TIME, -5.0), (Command.AUTO_ADVANCE, 0.5), (Command.START, 1.0)],
)
def test_a_bad_argument_is_refused(pitch: PitchClock, command: Command, argument: float | None) -> None:
    with pytest.raises(ValueError, match=command.value):
        pitch.apply(command, argument)


def test_previous_from_the_first_turn_goes_back_to_its_start(pitch: PitchClock, clock: FakeClock) -> None:
    assert not pitch.previous()  # ready for the first speaker: nothing before it
    pitch.start()
    clock.advance(100)
    assert pitch.previous()
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.digits) == (Look.READY, 0, "5:00")
    assert not pitch.previous()


def test_previous_while_speaking_goes_to_the_previous_speaker(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.next_speaker()
    clock.advance(30 + 100)
    assert pitch.read().turn == 1
    pitch.previous()
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 0)


def test_previous_when_ready_steps_back_one_speaker(pitch: PitchClock) -> None:
    pitch.next_speaker()
    pitch.next_speaker()
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 2)
    pitch.previous()
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 1)


def test_previous_in_the_changeover_gives_the_speaker_back_their_time(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(170)  # 2:10 left when 'next' is pressed by mistake
    pitch.next_speaker()
    clock.advance(8)
    pitch.previous()
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.digits) == (Look.GREEN, 0, "2:10")
    assert heard(pitch) == [Cue.NEXT_SPEAKER]  # the first start, not a new chime for the same speaker
    assert heard(pitch) == []


def test_previous_in_a_paused_changeover_gives_back_the_time_still_paused(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(170)
    pitch.next_speaker()
    pitch.pause()
    pitch.previous()
    clock.advance(100)
    assert (pitch.read().look, pitch.read().digits, pitch.read().turn) == (Look.PAUSED, "2:10", 0)


def test_next_while_paused_stays_paused(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    pitch.pause()
    pitch.next_speaker()
    clock.advance(100)
    assert (pitch.read().look, pitch.read().phase, pitch.read().digits) == (
        Look.PAUSED,
        Phase.CHANGEOVER,
        "0:30",
    )
    pitch.next_speaker()
    assert (pitch.read().look, pitch.read().turn, pitch.read().digits) == (Look.PAUSED, 1, "5:00")
    pitch.poll()
    pitch.resume()
    assert heard(pitch) == [Cue.NEXT_SPEAKER]  # the chime sounds when the speaker can actually start


def test_next_on_the_last_turn_ends_the_round_and_previous_undoes_it(clock: FakeClock) -> None:
    pitch = PitchClock(TurnSchedule((2,)), SETTINGS, clock)
    pitch.start()
    pitch.next_speaker()
    clock.advance(30)
    pitch.poll()
    clock.advance(200)
    assert pitch.next_speaker()
    reading = pitch.read()
    assert (reading.look, reading.ends_at, reading.progress, reading.label) == (Look.OVER, None, 1.0, "")
    assert heard(pitch) == [Cue.ROUND_OVER]
    assert not pitch.next_speaker()
    clock.advance(5)
    pitch.previous()
    assert (pitch.read().look, pitch.read().turn, pitch.read().digits) == (Look.GREEN, 1, "1:40")


def test_skipping_a_speaker_who_is_not_ready(pitch: PitchClock) -> None:
    for _ in range(7):
        pitch.next_speaker()
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 7)
    pitch.next_speaker()
    assert pitch.read().look is Look.OVER


@pytest.mark.parametrize("setup", ["ready", "speaking", "changeover", "paused"])
def test_end_round_works_from_every_state(pitch: PitchClock, clock: FakeClock, setup: str) -> None:
    if setup != "ready":
        pitch.start()
        clock.advance(10)
    if setup == "changeover":
        pitch.next_speaker()
    if setup == "paused":
        pitch.pause()
    assert pitch.end_round()
    assert pitch.read().look is Look.OVER
    assert not pitch.end_round()


def test_previous_after_ending_the_round_early_resumes_the_speaker(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    clock.advance(60)
    pitch.end_round()
    pitch.previous()
    assert (pitch.read().look, pitch.read().digits) == (Look.GREEN, "4:00")
    pitch.next_speaker()
    pitch.next_speaker()
    pitch.pause()
    pitch.previous()  # speaking turn 2, paused -> ready for turn 1
    pitch.end_round()
    pitch.previous()
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 0)


def test_reset_goes_back_to_the_first_speaker_and_keeps_the_setting(pitch: PitchClock, clock: FakeClock) -> None:
    assert not pitch.reset()
    pitch.set_auto_advance(False)
    pitch.start()
    pitch.next_speaker()
    clock.advance(40)
    assert pitch.reset()
    reading = pitch.read()
    assert (reading.look, reading.turn, reading.auto_advance) == (Look.READY, 0, False)
    pitch.start()
    assert heard(pitch) == [Cue.NEXT_SPEAKER]


def test_smaller_tables_are_told_they_are_in_open_discussion(pitch: PitchClock, clock: FakeClock) -> None:
    notes = {}
    pitch.start()
    for turn in range(8):
        reading = pitch.read()
        notes[reading.speaker] = reading.note
        pitch.next_speaker()
        if turn == 5:  # the changeover before speaker 7 already says so
            assert pitch.read().note == "tables of 6: open discussion"
        pitch.next_speaker()
    assert notes == {
        1: "",
        2: "",
        3: "",
        4: "",
        5: "",
        6: "",
        7: "tables of 6: open discussion",
        8: "tables of 6 and 7: open discussion",
    }
    assert pitch.read().look is Look.OVER


def test_the_round_end_time_moves_with_the_clock(pitch: PitchClock, clock: FakeClock) -> None:
    start = clock.now()

    def minutes(reading: ClockReading) -> float:
        assert reading.ends_at is not None
        return (reading.ends_at - start).total_seconds() / 60

    assert minutes(pitch.read()) == pytest.approx(8 * 5 + 7 * 0.5)  # 43:30 for tables of 8
    pitch.start()
    clock.advance(100)
    assert minutes(pitch.read()) == pytest.approx(43.5)  # on schedule
    pitch.pause()
    clock.advance(120)
    assert minutes(pitch.read()) == pytest.approx(45.5)  # two minutes of pause push the end back
    pitch.resume()
    clock.advance(200 + 90)  # 1:30 of overtime
    assert minutes(pitch.read()) == pytest.approx(47.0)
    pitch.next_speaker()
    clock.advance(10)
    assert minutes(pitch.read()) == pytest.approx(47.0)


def test_progress_runs_through_the_round(clock: FakeClock) -> None:
    pitch = PitchClock(TurnSchedule((4, 3)), SETTINGS, clock)
    assert pitch.read().progress == 0
    pitch.start()
    clock.advance(150)
    assert pitch.read().progress == pytest.approx(0.125)
    clock.advance(500)
    assert pitch.read().progress == pytest.approx(0.25)  # overtime does not run past the turn
    pitch.next_speaker()
    assert pitch.read().progress == pytest.approx(0.25)


def test_the_display_changes_on_whole_seconds_from_the_deadline(pitch: PitchClock, clock: FakeClock) -> None:
    pitch.start()
    start = clock.monotonic()
    clock.advance(2.3)
    reading = pitch.read()
    assert (reading.digits, reading.changed_at, reading.next_change_at) == ("4:58", start + 2, start + 3)
    clock.advance(300)
    reading = pitch.read()
    assert (reading.digits, reading.changed_at, reading.next_change_at) == ("+0:02", start + 302, start + 303)


def test_a_colour_change_between_whole_seconds_counts_as_a_display_change(clock: FakeClock) -> None:
    pitch = PitchClock(ROOM, ClockSettings(turn_seconds=10, warning_seconds=2.5, overtime_chime_seconds=0.5), clock)
    pitch.start()
    start = clock.monotonic()
    clock.advance(7.6)  # yellow since 7.5 s, '0:03' since 7 s
    reading = pitch.read()
    assert (reading.look, reading.changed_at, reading.next_change_at) == (Look.YELLOW, start + 7.5, start + 8)
    clock.advance(2.7)  # time up at 10 s, the second chime due at 10.5 s
    reading = pitch.read()
    assert (reading.look, reading.changed_at, reading.next_change_at) == (Look.RED, start + 10, start + 10.5)


@pytest.mark.parametrize("setup", ["ready", "speaking", "overtime", "changeover", "paused", "paused-changeover"])
def test_previous_after_end_round_puts_back_exactly_what_was_there(
    pitch: PitchClock, clock: FakeClock, setup: str
) -> None:
    pitch.start()
    clock.advance(320 if setup == "overtime" else 40)
    if setup in ("changeover", "paused-changeover"):
        pitch.next_speaker()
        clock.advance(10)
    if setup == "ready":
        pitch.next_speaker()
        clock.advance(40)  # the changeover ran out; auto-advance is off in this room's settings
        pitch.set_auto_advance(False)
        pitch.previous()
    if setup.startswith("paused"):
        pitch.pause()
    before = pitch.read()
    assert pitch.end_round()
    clock.advance(25)  # the facilitator notices the slip a little later
    assert pitch.previous()
    after = pitch.read()
    shown = (after.look, after.turn, after.digits, after.label)
    assert shown == (before.look, before.turn, before.digits, before.label)
    clock.advance(5)
    still_paused = setup.startswith("paused") or setup == "ready"
    assert (pitch.read().digits == before.digits) is still_paused
