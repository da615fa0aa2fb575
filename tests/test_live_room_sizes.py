"""Every area at 80x24, 120x40 and 200x60: the area keys are always in the footer, whole."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette
from textual.widgets import Checkbox, Select, Static, TabbedContent
from textual.widgets._footer import FooterKey

from app.tui.app import create_app
from app.tui.areas import AREAS
from app.tui.screens.import_dialog import ImportDialog
from app.tui.screens.print_export import PrintCommands, PrintExportScreen
from app.tui.screens.seating import SeatingScreen
from app.tui.widgets.table_card import TableCard
from sessions.exports import KINDS, ExportKind
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZES = [(80, 24), (120, 40), (200, 60)]


async def test_the_palette_lists_every_export_and_opens_the_export_tab_on_it(
    store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    async with create_app(store, clock).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintExportScreen), "the print area")
        screen = app.screen
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        palette = app.screen
        await pilot.press(*"export: vcard")
        commands = palette.query_one(CommandList)
        await wait_until(pilot, lambda: commands.option_count > 0, "a hit")
        assert str(commands.get_option_at_index(0).prompt).startswith("export: vcard")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.screen is screen, "back in the print area")
        assert screen.query_one(TabbedContent).active == "export-tab"
        assert screen.query_one("#export-kind", Select).value == ExportKind.VCARD.value
        for info in KINDS.values():  # every export is there to find
            assert any(name == f"export: {info.title.lower()}" for name, _, _ in PrintCommands(screen)._commands())


@pytest.mark.parametrize("size", SIZES)
async def test_every_footer_shows_the_area_keys_whole_cuts_nothing_and_hidden_keys_still_answer(
    store: Store, clock: FakeClock, meeting: Meeting, size: tuple[int, int]
) -> None:
    async with create_app(store, clock).run_test(size=size) as pilot:
        app = pilot.app
        for area in AREAS:
            await pilot.press(area.key)
            await wait_until(pilot, lambda area=area: app.current_mode == area.mode, area.title)
            await pilot.pause()
            keys = list(app.screen.query(FooterKey))
            for key in keys:
                assert key.region.right <= size[0], f"{area.title} at {size}: {key.key} {key.description} is cut"
            shown = {
                key.key: key.region
                for key in keys
                if key.region.width and key.region.right <= size[0] - len(" ^p palette")
            }
            missing = [other.key for other in AREAS if other.key not in shown] + (["f9"] if "f9" not in shown else [])
            assert not missing, f"{area.title} at {size}: {missing} not in view"
        await pilot.press("f3")
        await wait_until(pilot, lambda: app.current_mode == "checkin", "the door")
        await pilot.press("ctrl+o")  # in the footer or not, the key works
        await wait_until(pilot, lambda: isinstance(app.screen, ImportDialog), "the import dialog")


async def test_the_seating_stats_line_and_the_print_options_are_whole_at_80x24(
    store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    assert meeting.id is not None
    for number in range(30):
        member = store.members.add(Member(first_name=f"Guest{number:02d}", last_name="Example"))
        assert member.id is not None
        store.attendance.register(meeting.id, member.id)
        store.attendance.check_in(meeting.id, member.id, clock.now())
    async with create_app(store, clock).run_test(size=(80, 24)) as pilot:
        app = pilot.app
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        await pilot.press("g")
        await wait_until(pilot, lambda: bool(app.screen.query(TableCard)), "the plan")
        await pilot.pause()
        stats = app.screen.query_one("#seating-stats", Static)
        text = str(stats.render())
        assert "new pairs" in text
        assert stats.region.height * stats.region.width >= len(text)  # wrapped onto lines it has, not cut
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintExportScreen), "the print area")
        await pilot.pause()
        box = app.screen.query_one("#print-registered", Checkbox)
        assert box.region.right <= 80
        assert box.region.width >= len("Everyone registered") + 3
