"""The clock area driven through its keys (Pilot), on a temp database and a fake clock."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from app.tui.app import TableSessionApp, create_app
from app.tui.chimes import RoomChimes
from app.tui.screens.clock import ClockScreen
from app.tui.screens.clock_reset import ClockResetConfirm
from app.tui.screens.meeting_form import MeetingForm
from app.tui.widgets.clock_digits import ClockDigits
from app.tui.widgets.clock_face import ClockFace, FaceText
from sessions.models import Meeting
from sessions.pitchclock import Cue, Look
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .support import seat_room

SIZE = (80, 24)


async def open_clock(pilot: Pilot[None]) -> ClockScreen:
    await pilot.press("f5")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ClockScreen)
    return screen


def face(screen: ClockScreen) -> FaceText:
    shown = screen.query_one(ClockFace).shown
    assert shown is not None
    return shown


def heard(screen: ClockScreen) -> list[Cue]:
    assert isinstance(screen.chimes, RoomChimes)
    return screen.chimes.played


async def later(pilot: Pilot[None], screen: ClockScreen, clock: FakeClock, seconds: float) -> None:
    """Let `seconds` pass and refresh, as the screen's timer does."""
    clock.advance(seconds)
    screen.refresh_clock()
    await pilot.pause()


def logged(store: Store, meeting: Meeting) -> list[tuple[str, float | None]]:
    assert meeting.id is not None
    return [(event.command, event.argument) for event in store.clock_log.events(meeting.id)]


async def test_the_clock_area_shows_the_first_speaker_ready(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    seat_room(store, meeting)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        shown = face(screen)
        assert (shown.look, shown.digits, shown.speaker) == (Look.READY, "5:00", "Speaker 1 of 8 - seat 1")
        assert shown.schedule == "Round 1 of 2 - ends about 19:13"  # 8 turns of 5:00 and 7 changeovers from 18:30
        assert screen.query_one(ClockDigits).value == "5:00"
        assert "auto-advance on" in str(screen.query_one("#clock-status", Static).render())


async def test_space_starts_pauses_and_resumes_with_chimes_and_a_log(
    store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        assert (face(screen).look, heard(screen)) == (Look.GREEN, [Cue.NEXT_SPEAKER])
        await later(pilot, screen, clock, 240)
        assert (face(screen).look, face(screen).headline, face(screen).digits) == (Look.YELLOW, "1:00 LEFT", "1:00")
        assert heard(screen)[-1] is Cue.WARNING
        await pilot.press("space")
        await later(pilot, screen, clock, 100)
        assert (face(screen).look, face(screen).digits) == (Look.PAUSED, "1:00")
        await pilot.press("space")
        await later(pilot, screen, clock, 60)
        assert (face(screen).look, face(screen).headline) == (Look.RED, "TIME'S UP - PLEASE WRAP UP")
        await later(pilot, screen, clock, 30)
        assert face(screen).look is Look.OVERTIME
        assert heard(screen) == [Cue.NEXT_SPEAKER, Cue.WARNING, Cue.TIME_UP, Cue.OVERTIME]
        assert screen.query_one(ClockFace).has_class("-overtime")
    assert logged(store, meeting) == [("start", None), ("pause", None), ("resume", None)]


async def test_add_time_keys(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        await later(pilot, screen, clock, 310)
        assert face(screen).digits == "+0:10"
        await pilot.press("plus")
        assert face(screen).digits == "0:20"
        await pilot.press("m")
        assert (face(screen).digits, face(screen).look) == ("1:20", Look.GREEN)
        await pilot.press("equals_sign")
        assert face(screen).digits == "1:50"
    assert logged(store, meeting)[1:] == [("add_time", 30.0), ("add_time", 60.0), ("add_time", 30.0)]


async def test_next_previous_and_end_round_keys(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    seat_room(store, meeting)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        await later(pilot, screen, clock, 100)
        await pilot.press("n")
        shown = face(screen)
        assert (shown.look, shown.speaker, shown.digits) == (Look.CHANGEOVER, "Next: Speaker 2 of 8 - seat 2", "0:30")
        await pilot.press("p")
        assert (face(screen).look, face(screen).digits, face(screen).speaker) == (
            Look.GREEN,
            "3:20",
            "Speaker 1 of 8 - seat 1",
        )
        await pilot.press("e")
        assert (face(screen).look, face(screen).speaker) == (Look.OVER, "Ended at speaker 1 of 8")
        assert heard(screen)[-1] is Cue.ROUND_OVER
        await pilot.press("p")
        assert face(screen).look is Look.GREEN


async def test_tables_of_six_are_told_when_their_speakers_are_done(
    store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    seat_room(store, meeting)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        for _ in range(5):
            await pilot.press("n", "n")
        assert (face(screen).speaker, face(screen).note) == ("Speaker 6 of 8 - seat 6", "")
        await pilot.press("n")
        assert face(screen).note == "tables of 6: open discussion"
        await pilot.press("n", "n", "n")
        assert face(screen).note == "tables of 6 and 7: open discussion"
        await pilot.press("n")
        assert (face(screen).look, face(screen).speaker, face(screen).note) == (Look.OVER, "All 8 speakers done", "")


async def test_auto_advance_key_switches_and_is_saved(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("a")
        assert "auto-advance off" in str(screen.query_one("#clock-status", Static).render())
        await pilot.press("space", "n")
        await later(pilot, screen, clock, 31)
        assert (face(screen).look, face(screen).speaker) == (Look.READY, "Speaker 2 of 8 - seat 2")
        await pilot.press("a")
    assert logged(store, meeting) == [("auto_advance", 0.0), ("start", None), ("next", None), ("auto_advance", 1.0)]


async def test_reset_asks_first(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        await later(pilot, screen, clock, 50)
        await pilot.press("r")
        assert isinstance(pilot.app.screen, ClockResetConfirm)
        await pilot.press("n")
        assert face(screen).look is Look.GREEN
        await pilot.press("r", "y")
        await pilot.pause()
        assert pilot.app.screen is screen
        assert (face(screen).look, face(screen).digits) == (Look.READY, "5:00")


async def test_round_keys_switch_between_planned_rounds(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    seat_room(store, meeting, sizes=(8, 6), rounds=2)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        await pilot.press("right_square_bracket")
        assert (face(screen).look, face(screen).schedule[:12]) == (Look.READY, "Round 2 of 2")
        await pilot.press("right_square_bracket")  # there is no round 3
        assert screen.choice is not None
        assert screen.choice.number == 2
        await pilot.press("left_square_bracket")
        assert (face(screen).look, face(screen).schedule[:12]) == (Look.GREEN, "Round 1 of 2")


async def test_the_palette_runs_clock_commands(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("ctrl+p", *"start or")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert face(screen).look is Look.GREEN


async def test_the_clock_keeps_chiming_while_another_area_is_shown(
    store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        await pilot.press("space")
        await pilot.press("f2")
        clock.advance(240)

        def warned() -> bool:
            return Cue.WARNING in heard(screen)

        for _ in range(100):  # the screen's own timer, not this test, must notice (within 5 s)
            if warned():
                break
            await pilot.pause(0.05)
        assert warned()
        assert pilot.app.screen is not screen


async def test_a_restarted_app_resumes_the_clock(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await open_clock(pilot)
        await pilot.press("space")
        clock.advance(100)
        await pilot.press("space")
    clock.advance(900)  # the laptop slept; the clock was paused
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        screen = await open_clock(pilot)
        assert (face(screen).look, face(screen).digits) == (Look.PAUSED, "3:20")
        assert heard(screen) == []


async def test_without_a_meeting_the_keys_explain(store: Store, clock: FakeClock) -> None:
    app: TableSessionApp = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingForm), "the first-meeting form")
        await pilot.press("escape")  # not now: the areas still say what is missing
        screen = await open_clock(pilot)
        await pilot.press("space")
        assert "No meeting yet" in str(screen.query_one("#clock-status", Static).render())
        assert any("no meeting" in note.message for note in app._notifications)
