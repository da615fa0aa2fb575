"""After a restart the app opens where the evening is: on the clock while a round's turns are under way."""

from __future__ import annotations

from app.tui.app import create_app
from app.tui.screens.clock import ClockScreen
from app.tui.screens.roster import RosterScreen
from sessions.models import Meeting
from sessions.pitchclock import Look
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .support import seat_room
from .test_clock_screen import SIZE, face, open_clock


async def test_a_restart_mid_turn_opens_on_the_running_clock(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    seat_room(store, meeting)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        assert isinstance(pilot.app.screen, RosterScreen)  # nothing running yet: the first area
        screen = await open_clock(pilot)
        await pilot.press("space")
        await wait_until(pilot, lambda: face(screen).look is Look.GREEN, "the first turn running")
    clock.advance(30)  # the laptop restarted half a minute into the turn
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await wait_until(pilot, lambda: isinstance(app.screen, ClockScreen), "the clock, at once")
        assert isinstance(app.screen, ClockScreen)
        shown = face(app.screen)
        assert (shown.look, shown.digits) == (Look.GREEN, "4:30")
        await pilot.press("space")  # paused: still mid-round, so a restart still opens on the clock
        await wait_until(
            pilot, lambda: isinstance(app.screen, ClockScreen) and face(app.screen).look is Look.PAUSED, "paused"
        )
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ClockScreen), "the paused clock")
