"""Every area of the demo group as it looks at 80x24, 120x40 and 200x60."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from app.tui.app import create_app
from app.tui.areas import AREAS, Area
from sessions.demo import build_demo
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.checkin.conftest import utc_local_time

SnapCompare = Callable[..., bool]
SIZES = [(80, 24), (120, 40), (200, 60)]
__all__ = ["utc_local_time"]  # times on screen are local: pinned to UTC
pytestmark = pytest.mark.usefixtures("utc_local_time")


@pytest.fixture
def demo_store(tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch) -> Store:
    # Where prints and exports go is named on screen: the same folder on every machine.
    for module in ("app.tui.widgets.print_panel", "app.tui.widgets.export_panel"):
        monkeypatch.setattr(f"{module}.default_output_folder", lambda store, meeting: Path("/prints/demo"))
    store = Store.open(tmp_path / "demo.sqlite3")
    build_demo(store, clock.today(), clock.now())
    return store


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("area", AREAS, ids=lambda area: area.mode)
def test_area_at_each_size(
    snap_compare: SnapCompare, demo_store: Store, clock: FakeClock, area: Area, size: tuple[int, int]
) -> None:
    async def open_area(pilot: Pilot[Any]) -> None:
        await pilot.press(area.key)
        await pilot.pause()
        for box in pilot.app.screen.query(Input):
            box.cursor_blink = False
        await pilot.pause()

    assert snap_compare(create_app(demo_store, clock), terminal_size=size, run_before=open_area)
