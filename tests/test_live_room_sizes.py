"""Every area at 80x24, 120x40 and 200x60: the area keys are always in the footer, whole."""

from __future__ import annotations

import pytest
from textual.widgets._footer import FooterKey

from app.tui.app import create_app
from app.tui.areas import AREAS
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZES = [(80, 24), (120, 40), (200, 60)]


@pytest.mark.parametrize("size", SIZES)
async def test_every_area_shows_every_area_key_whole_in_its_footer(
    store: Store, clock: FakeClock, meeting: Meeting, size: tuple[int, int]
) -> None:
    async with create_app(store, clock).run_test(size=size) as pilot:
        app = pilot.app
        for area in AREAS:
            await pilot.press(area.key)
            await wait_until(pilot, lambda area=area: app.current_mode == area.mode, area.title)
            await pilot.pause()
            shown = {
                key.key: key.region
                for key in app.screen.query(FooterKey)
                if key.region.width and key.region.right <= size[0] - len(" ^p palette")
            }
            missing = [other.key for other in AREAS if other.key not in shown] + (["f9"] if "f9" not in shown else [])
            assert not missing, f"{area.title} at {size}: {missing} not in view"
