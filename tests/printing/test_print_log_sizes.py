"""The print log at any terminal size: plain text, in view at 80x24, naming where the files went and any error."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from app.tui.app import create_app
from app.tui.screens.print_export import PrintExportScreen
from app.tui.widgets.print_panel import PrintPanel
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .test_print_tui import Opened, opened

__all__ = ["opened"]  # the fixture, shared with the print screen's tests


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
async def test_the_print_log_is_in_view_in_plain_words_with_the_folder(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path, size: tuple[int, int]
) -> None:
    async with create_app(print_store, clock).run_test(size=size) as pilot:
        app = pilot.app
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintExportScreen), "the print area")
        panel = app.screen.query_one(PrintPanel)
        await pilot.press("g")
        await wait_until(pilot, lambda: not panel.busy and bool(panel.results), "the PDFs made")
        await pilot.pause()
        log = panel.query_one("#print-log", Static)
        text = str(log.render())
        assert "[" not in text  # no markup shown as text
        assert "✓ Tent cards: 2026-11-24-tents-letter.pdf" in text
        folder = tmp_path / "prints" / "2026-11-24"
        assert f"Saved in {folder}" in text
        # On screen: the log's lines are inside the terminal, not scrolled or squeezed out of view.
        region = log.region
        screen = app.screen.region
        assert region.height >= 3, f"the log has {region.height} lines at {size}"
        assert screen.contains_region(region)
