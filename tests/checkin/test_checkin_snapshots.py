"""How the check-in screens look, at a fixed terminal size, on the Eventbrite sample."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from app.tui.app import TableSessionApp, create_app
from sessions.models import Meeting
from sessions.roster import import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import FixtureFiles

SnapCompare = Callable[..., bool]
SIZE = (120, 36)

pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def app(store: Store, meeting: Meeting, clock: FakeClock) -> TableSessionApp:
    import_roster(store, FixtureFiles.EVENTBRITE, meeting=meeting, now=clock.now())
    return create_app(store, clock)


async def steady(pilot: Pilot[Any]) -> None:
    """No blinking cursors: the picture must not depend on when it is taken."""
    for screen in pilot.app.screen_stack:
        for box in screen.query(Input):
            box.cursor_blink = False
    await pilot.pause()


async def search(pilot: Pilot[Any], text: str) -> None:
    box = pilot.app.screen.query_one("#checkin-search", Input)
    box.value = text
    box.cursor_position = len(text)
    await pilot.pause()


def test_checkin_screen_with_arrivals_and_a_search(app: TableSessionApp, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        for name in ("olga dubois", "kowlaski ruth"):
            await search(pilot, name)
            await pilot.press("enter")
            await pilot.pause()
        await search(pilot, "jordan")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_walk_in_card_form_flags_a_likely_duplicate(app: TableSessionApp, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        await search(pilot, "Jordon Cohen")
        await pilot.press("ctrl+n", "n")  # not Jordan Cohen, offered first: a new person
        await pilot.pause()
        email = pilot.app.screen.query_one("#card-email", Input)
        email.value = "jordon@"
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_merge_dialog(app: TableSessionApp, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        await search(pilot, "Jordon Cohen")
        await pilot.press("ctrl+n", "n")  # not Jordan Cohen, offered first: a new person
        await pilot.pause()
        await pilot.press("escape")
        await search(pilot, "jordon")
        await pilot.press("ctrl+g")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_import_dialog_preview(
    app: TableSessionApp, snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A path relative to the fixtures folder, so the picture is the same wherever the tests run.
    monkeypatch.chdir(FixtureFiles.MEETUP.parent)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        await pilot.press("ctrl+o")
        await pilot.pause()
        pilot.app.screen.query_one("#import-path", Input).value = FixtureFiles.MEETUP.name
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_checkin_screen_narrow(app: TableSessionApp, snap_compare: SnapCompare) -> None:
    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.press("f3")
        await search(pilot, "capital")
        await steady(pilot)

    assert snap_compare(app, terminal_size=(90, 24), run_before=run_before)
