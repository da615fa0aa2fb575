"""How the clock looks in each state, at 80x24 (the laptop) and large (the projector)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from app.tui.app import create_app
from app.tui.projector_app import ProjectorApp
from app.tui.screens.clock import ClockScreen
from sessions.models import Meeting
from sessions.pitchclock import ClockJournal, ClockSettings, TurnSchedule
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import seat_room

SnapCompare = Callable[..., bool]
LAPTOP = (80, 24)
PROJECTOR = (160, 45)

# Each state as (keys pressed, then seconds of fake time) steps after the clock area opens.
STATES: dict[str, list[tuple[tuple[str, ...], float]]] = {
    "ready": [],
    "green": [(("space",), 75.4)],
    "yellow": [(("space",), 262)],
    "red": [(("space",), 300)],
    "overtime": [(("space",), 342)],
    "changeover": [(("space",), 200), (("n",), 12)],
    "paused": [(("space",), 130), (("space",), 600)],
    "over": [(("space", "e"), 0)],
}


def steps_for(state: str, clock: FakeClock) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f5")
        await pilot.pause()
        screen = pilot.app.screen
        assert isinstance(screen, ClockScreen)
        for keys, seconds in STATES[state]:
            await pilot.press(*keys)
            clock.advance(seconds)
            screen.refresh_clock()
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("state", list(STATES))
def test_clock_state_at_80x24(
    snap_compare: SnapCompare, store: Store, clock: FakeClock, meeting: Meeting, state: str
) -> None:
    seat_room(store, meeting)
    assert snap_compare(create_app(store, clock), terminal_size=LAPTOP, run_before=steps_for(state, clock))


def test_projector_view_in_overtime(
    snap_compare: SnapCompare, store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    seat_room(store, meeting, sizes=(8, 8, 6))
    assert meeting.id is not None
    pitch, _ = ClockJournal(store.clock_log, meeting.id, 1).open_clock(ClockSettings(), TurnSchedule((8, 8, 6)), clock)
    for _ in range(6):
        pitch.start() or pitch.next_speaker()
        pitch.next_speaker()
    clock.advance(30 + 342)  # speaker 7 runs 0:42 over, tables of 6 are done
    assert snap_compare(ProjectorApp(store, meeting, clock), terminal_size=PROJECTOR)


def test_projector_view_yellow_at_80x24(
    snap_compare: SnapCompare, store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    assert meeting.id is not None
    pitch, _ = ClockJournal(store.clock_log, meeting.id, 1).open_clock(ClockSettings(), TurnSchedule((8,)), clock)
    pitch.start()
    clock.advance(250)
    assert snap_compare(ProjectorApp(store, meeting, clock), terminal_size=LAPTOP)
