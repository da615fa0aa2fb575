"""Saving every clock command and resuming after a restart (a crash, a closed lid)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.models import Meeting
from sessions.pitchclock import ClockJournal, ClockState, Command, Cue, Look, Phase, PitchClock, replay
from sessions.store import ClockEvent, Store
from sessions.timekeeping import FakeClock

from .support import MEETING_START, ROOM, SETTINGS


def controlling_clock(store: Store, meeting: Meeting, clock: FakeClock, round_number: int = 1) -> PitchClock:
    assert meeting.id is not None
    pitch, replayed = ClockJournal(store.clock_log, meeting.id, round_number).open_clock(SETTINGS, ROOM, clock)
    assert replayed.ignored == ()
    return pitch


def restarted(store: Store, meeting: Meeting, clock: FakeClock, away: float) -> tuple[PitchClock, FakeClock]:
    """The app opened again `away` seconds later, on a machine whose monotonic clock started over."""
    later = FakeClock(clock.now() + dt.timedelta(seconds=away), monotonic_start=3.0)
    return controlling_clock(store, meeting, later), later


def test_each_command_that_changes_the_clock_is_saved(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(12.5)
    pitch.pause()
    pitch.pause()  # does nothing, so nothing is saved
    pitch.add_time(30)
    assert meeting.id is not None
    events = store.clock_log.events(meeting.id, 1)
    assert [(e.command, e.argument, e.round_number) for e in events] == [
        ("start", None, 1),
        ("pause", None, 1),
        ("add_time", 30.0, 1),
    ]
    assert events[1].wall_time == MEETING_START + dt.timedelta(seconds=12.5)


def test_a_command_that_cannot_be_saved_does_not_change_the_clock(clock: FakeClock) -> None:
    def failing(command: Command, argument: float | None, wall_time: dt.datetime) -> None:
        raise OSError("disk full")

    pitch = PitchClock(ROOM, SETTINGS, clock, recorder=failing)
    with pytest.raises(OSError, match="disk full"):
        pitch.start()
    assert pitch.read().look is Look.READY


def test_restart_when_ready(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.next_speaker()
    pitch, _ = restarted(store, meeting, clock, away=600)
    assert (pitch.read().look, pitch.read().turn) == (Look.READY, 1)


def test_restart_while_speaking_counts_the_time_that_passed(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(100)
    pitch, later = restarted(store, meeting, clock, away=150)  # the lid was closed for 2:30
    reading = pitch.read()
    assert (reading.look, reading.digits) == (Look.YELLOW, "0:50")
    assert pitch.poll()[1] == ()  # a restart does not replay old chimes
    later.advance(50)
    assert [f.cue for f in pitch.poll()[1]] == [Cue.TIME_UP]


def test_restart_in_overtime(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(305)
    pitch, _ = restarted(store, meeting, clock, away=40)
    assert (pitch.read().look, pitch.read().digits) == (Look.OVERTIME, "+0:45")


def test_restart_during_a_changeover_that_ended_meanwhile(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(200)
    pitch.next_speaker()
    clock.advance(10)
    pitch, _ = restarted(store, meeting, clock, away=80)  # 20 s of changeover left, then 60 s of speaker 2
    reading = pitch.read()
    assert (reading.phase, reading.turn, reading.digits) == (Phase.SPEAKING, 1, "4:00")


def test_restart_during_a_changeover_without_auto_advance(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.set_auto_advance(False)
    pitch.start()
    pitch.next_speaker()
    clock.advance(10)
    pitch, _ = restarted(store, meeting, clock, away=5)
    assert (pitch.read().look, pitch.read().digits) == (Look.CHANGEOVER, "0:15")
    pitch, _ = restarted(store, meeting, clock, away=80)
    assert (pitch.read().look, pitch.read().turn, pitch.read().auto_advance) == (Look.READY, 1, False)


def test_restart_when_paused_stays_paused(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(250)
    pitch.pause()
    pitch, later = restarted(store, meeting, clock, away=3600)
    assert (pitch.read().look, pitch.read().digits, pitch.read().phase) == (
        Look.PAUSED,
        "0:50",
        Phase.SPEAKING,
    )
    pitch.resume()
    later.advance(10)
    assert (pitch.read().look, pitch.read().digits) == (Look.YELLOW, "0:40")


def test_restart_after_the_round_is_over(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    pitch.end_round()
    pitch, _ = restarted(store, meeting, clock, away=60)
    assert pitch.read().look is Look.OVER
    assert pitch.poll()[1] == ()  # the round-over chime does not sound again


def test_commands_after_a_restart_are_saved_too(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    pitch = controlling_clock(store, meeting, clock)
    pitch.start()
    clock.advance(100)
    pitch, later = restarted(store, meeting, clock, away=20)
    later.advance(30)
    pitch.pause()
    pitch, _ = restarted(store, meeting, later, away=500)
    assert (pitch.read().look, pitch.read().digits) == (Look.PAUSED, "2:30")


def test_each_round_has_its_own_log(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    first = controlling_clock(store, meeting, clock, round_number=1)
    first.start()
    second = controlling_clock(store, meeting, clock, round_number=2)
    assert second.read().look is Look.READY


def test_commands_this_version_does_not_know_are_skipped_and_reported(clock: FakeClock) -> None:
    events = [
        ClockEvent(id=1, meeting_id=1, round_number=1, command="start", wall_time=clock.now()),
        ClockEvent(id=2, meeting_id=1, round_number=1, command="dance", wall_time=clock.now()),
        ClockEvent(id=3, meeting_id=1, round_number=1, command="add_time", argument=-3, wall_time=clock.now()),
    ]
    replayed = replay(events, SETTINGS, ROOM, wall_now=clock.now(), monotonic_now=clock.monotonic())
    assert replayed.state.phase is Phase.SPEAKING
    assert len(replayed.ignored) == 2
    assert "entry 2: 'dance'" in replayed.ignored[0]
    assert "entry 3: 'add_time' with argument -3.0" in replayed.ignored[1]


# -- any sequence of commands replays to the state the live clock reached ----------------------

steps = st.lists(
    st.tuples(
        st.floats(min_value=0, max_value=400, allow_nan=False),
        st.sampled_from(list(Command)),
        st.booleans(),
    ),
    max_size=25,
)


def _argument(command: Command, flag: bool) -> float | None:
    if command is Command.ADD_TIME:
        return 60.0 if flag else 30.0
    if command is Command.AUTO_ADVANCE:
        return 1.0 if flag else 0.0
    return None


def _same(live: ClockState, replayed: ClockState) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        return (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 1e-3)

    return (
        (live.phase, live.turn, live.speech, live.auto_advance)
        == (replayed.phase, replayed.turn, replayed.speech, replayed.auto_advance)
        and close(live.deadline, replayed.deadline)
        and close(live.frozen, replayed.frozen)
        and close(live.left_behind, replayed.left_behind)
    )


@settings(max_examples=150, deadline=None)
@given(steps=steps, away=st.floats(min_value=0, max_value=1000, allow_nan=False))
def test_replaying_the_log_rebuilds_the_live_clock(steps: list[tuple[float, Command, bool]], away: float) -> None:
    clock = FakeClock(MEETING_START)
    log: list[ClockEvent] = []

    def record(command: Command, argument: float | None, wall_time: dt.datetime) -> None:
        log.append(ClockEvent(meeting_id=1, round_number=1, command=command, argument=argument, wall_time=wall_time))

    pitch = PitchClock(ROOM, SETTINGS, clock, recorder=record)
    for wait, command, flag in steps:
        clock.advance(wait)
        pitch.apply(command, _argument(command, flag))
        state = pitch.state
        assert 0 <= state.turn <= ROOM.last_turn
        timed = state.phase in (Phase.SPEAKING, Phase.CHANGEOVER)
        assert timed == (state.running or state.paused)
        assert not (state.running and state.paused)
    clock.advance(away)
    replayed = replay(log, SETTINGS, ROOM, wall_now=clock.now(), monotonic_now=clock.monotonic())
    assert replayed.ignored == ()
    assert _same(pitch.state, replayed.state)
