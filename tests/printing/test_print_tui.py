"""The Print & export screen (F6): choosing, generating in a worker, showing and opening the files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, ProgressBar, Select, SelectionList, Static

from app.tui.app import create_app
from app.tui.screens.print_export import PrintExportScreen
from app.tui.widgets.print_panel import PrintPanel
from printables.jobs import Document
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .print_pdf_reading import page_texts

SIZE = (120, 36)


class Opened:
    """Stands in for the system's PDF viewer."""

    def __init__(self) -> None:
        self.calls: list[list[Path]] = []

    def __call__(self, paths: Sequence[Path]) -> bool:
        self.calls.append(list(paths))
        return True


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Opened:
    opener = Opened()
    monkeypatch.setattr("app.tui.widgets.print_panel.open_paths", opener)
    monkeypatch.setattr(
        "app.tui.widgets.print_panel.default_output_folder",
        lambda store, meeting: tmp_path / "prints" / (meeting.date.isoformat() if meeting else "none"),
    )
    return opener


def log_text(panel: PrintPanel) -> str:
    return str(panel.query_one("#print-log", Static).render())


async def open_print_area(pilot: Pilot[None]) -> PrintPanel:
    await pilot.press("f6")
    await pilot.pause()
    assert isinstance(pilot.app.screen, PrintExportScreen)
    return pilot.app.screen.query_one(PrintPanel)


async def test_f6_opens_the_print_tab_with_the_plan_s_rounds(
    print_store: Store, clock: FakeClock, opened: Opened
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        assert panel.offered["print-round"] == ["all", "1", "2"]
        assert panel.chosen_documents() == [Document.TENTS, Document.SHEETS, Document.DOOR]
        assert "go to" in log_text(panel)


async def test_generate_makes_the_files_in_a_worker_and_opens_them(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        folder = tmp_path / "prints" / "2026-11-24"
        names = sorted(p.name for p in folder.iterdir())
        assert names == ["2026-11-24-door-letter.pdf", "2026-11-24-sheets-letter.pdf", "2026-11-24-tents-letter.pdf"]
        text = log_text(panel)
        assert "Tent cards: 2026-11-24-tents-letter.pdf (5 pages)" in text
        assert f"Saved in {folder}" in text
        bar = panel.query_one("#print-progress", ProgressBar)
        assert bar.progress == bar.total == 300
        made = ["2026-11-24-tents-letter.pdf", "2026-11-24-sheets-letter.pdf", "2026-11-24-door-letter.pdf"]
        assert opened.calls == [[folder / name for name in made]]
        assert not panel.query_one("#print-open").disabled


async def test_problems_are_shown_per_document(print_store: Store, clock: FakeClock, opened: Opened) -> None:
    empty = print_store.meetings.add(Meeting(date=clock.today(), title="Second meeting"))
    async with create_app(print_store, clock, meeting_id=empty.id).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        text = log_text(panel)
        assert "Tent cards: nobody is checked in" in text
        assert "Table sheets: the meeting of 2026-11-24 has no seating plan yet" in text
        assert opened.calls == []
        assert panel.query_one("#print-open").disabled


async def test_a_bad_start_time_is_refused_before_any_work(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        panel.query_one("#print-start", Input).value = "7pm"
        panel.action_generate()
        await pilot.pause()
        assert "expected a time like 18:45" in log_text(panel)
        assert not (tmp_path / "prints").exists()


async def test_paper_choice_offers_only_stock_for_that_paper(
    print_store: Store, clock: FakeClock, opened: Opened
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        assert panel.offered["print-badge-stock"] == ["plain", "avery-5392", "avery-5395"]
        panel.query_one("#print-badge-stock", Select).value = "avery-5392"
        panel.query_one("#print-paper", Select).value = "a4"
        await pilot.pause()
        assert panel.offered["print-badge-stock"] == ["plain", "avery-l4785", "herma-4412"]
        assert panel.offered["print-card-stock"] == ["plain", "avery-c32011"]
        assert panel.query_one("#print-badge-stock", Select).value == "plain"  # Letter stock does not fit A4


async def test_palette_command_prints_one_document(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        assert isinstance(pilot.app.screen, PrintExportScreen)
        pilot.app.screen.generate_only(Document.COMPANIES)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.query_one("#print-documents", SelectionList).selected == ["companies"]
        assert (tmp_path / "prints" / "2026-11-24" / "2026-11-24-companies-letter.pdf").exists()


def test_print_screen_snapshot(
    print_store: Store, clock: FakeClock, opened: Opened, monkeypatch: pytest.MonkeyPatch, snap_compare: Any
) -> None:
    monkeypatch.setattr(
        "app.tui.widgets.print_panel.default_output_folder",
        lambda store, meeting: Path("/home/facilitator/Documents/tablesession/2026-11-24"),
    )

    async def show_print_area(pilot: Pilot[None]) -> None:
        await pilot.press("f6")
        await pilot.pause()

    assert snap_compare(create_app(print_store, clock), terminal_size=SIZE, run_before=show_print_area)


async def test_palette_lists_print_commands(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        await open_print_area(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"print: door list")
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        for _ in range(200):  # the palette searches in the background: wait for its first hit
            await pilot.pause()
            if palette.query_one(CommandList).option_count:
                break
        assert "print: door list" in str(palette.query_one(CommandList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert (tmp_path / "prints" / "2026-11-24" / "2026-11-24-door-letter.pdf").exists()


async def test_switching_meeting_moves_the_panel_along(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    other = print_store.meetings.add(Meeting(date=clock.today().replace(day=30), title="Next week"))
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        pilot.app._meeting_picked(other.id)  # what the meeting picker (F9) does on a choice
        await pilot.pause()
        assert panel.meeting == other
        assert panel.offered["print-round"] == ["all"]  # no seating plan yet
        assert "2026-11-30" in log_text(panel)


def test_opening_files_never_fails_without_a_viewer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from app.tui.widgets import print_panel

    monkeypatch.setattr(print_panel.sys, "platform", "linux")
    monkeypatch.setattr(print_panel.shutil, "which", lambda name: None)
    assert print_panel.open_paths([tmp_path / "a.pdf"]) is False

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("cannot start")

    monkeypatch.setattr(print_panel.shutil, "which", lambda name: "/usr/bin/xdg-open")
    monkeypatch.setattr(print_panel.subprocess, "Popen", broken)
    assert print_panel.open_paths([tmp_path / "a.pdf"]) is False
    assert print_panel.open_paths([]) is False


async def test_the_round_1_table_is_an_option_for_tents_and_badges(
    print_store: Store, clock: FakeClock, opened: Opened, tmp_path: Path
) -> None:
    async with create_app(print_store, clock).run_test(size=SIZE) as pilot:
        panel = await open_print_area(pilot)
        panel.query_one("#print-table-number", Checkbox).value = True
        assert isinstance(pilot.app.screen, PrintExportScreen)
        pilot.app.screen.generate_only(Document.TENTS)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        tents = tmp_path / "prints" / "2026-11-24" / "2026-11-24-tents-letter.pdf"
        assert "Table 1" in " ".join(page_texts(tents.read_bytes()))
