"""The export panel in a tiny app that mounts only it: choose, narrow, write in a worker, report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Button, Input, Select, Static

from app.tui.widgets.export_panel import ExportPanel
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting

SIZE = (100, 34)


class PanelApp(App[None]):
    """Just enough of an app for the panel: a store, a clock and the current meeting."""

    def __init__(self, store: Store, clock: FakeClock, meeting: Meeting | None, folder: Path) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.meeting = meeting
        self.folder = folder

    def compose(self) -> ComposeResult:
        yield ExportPanel(folder=self.folder)


def status_text(app: App[Any]) -> str:
    return str(app.query_one("#export-status", Static).render())


async def test_exporting_one_table_to_google_csv(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    app = PanelApp(store, clock, run_meeting.meeting, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        path_input = app.query_one("#export-path", Input)
        assert path_input.value == str(tmp_path / "2026-11-24 contacts.vcf")
        app.query_one("#export-kind", Select).value = "google-csv"
        await pilot.pause()
        app.query_one("#export-round", Input).value = "1"
        app.query_one("#export-table", Input).value = "Window 2"
        await pilot.pause()
        expected = tmp_path / "2026-11-24 round 1 table Window 2 google contacts.csv"
        assert path_input.value == str(expected)

        await pilot.click("#export-run")
        await app.workers.wait_for_complete()
        await pilot.pause()

        assert expected.read_bytes().startswith(b"\xef\xbb\xbfFirst Name,")
        text = status_text(app)
        assert f"google-csv: 3 contacts written to {expected}" in text
        assert "contains contact details of 2 people: email (1), phone (1)" in text
        assert not app.query_one("#export-status").has_class("-failed")
        assert not app.query_one("#export-run", Button).disabled


async def test_a_refused_export_says_why_and_writes_nothing(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    app = PanelApp(store, clock, run_meeting.meeting, tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one("#export-round", Input).value = "7"
        await pilot.pause()
        await pilot.press("ctrl+e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "Not exported:" in status_text(app)
        assert "has no round 7" in status_text(app)
        assert app.query_one("#export-status").has_class("-failed")
        assert list(tmp_path.glob("*.vcf")) == []


async def test_without_a_meeting_there_is_nothing_to_export(store: Store, clock: FakeClock, tmp_path: Path) -> None:
    app = PanelApp(store, clock, None, tmp_path)
    async with app.run_test(size=SIZE):
        assert "No meeting yet" in str(app.query_one("#export-meeting", Static).render())
        assert app.query_one("#export-run", Button).disabled


def test_panel_looks_right(snap_compare: Any, store: Store, run_meeting: RunMeeting, clock: FakeClock) -> None:
    app = PanelApp(store, clock, run_meeting.meeting, Path("/exports"))

    async def steady(pilot: Pilot[None]) -> None:
        for box in app.query(Input):
            box.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=steady)
