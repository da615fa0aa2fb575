"""The app shell and its roster, driven through Pilot with a temp database and a fake clock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.meeting_form import MeetingForm
from app.tui.screens.meeting_picker import MeetingPicker
from app.tui.topics import Topic
from app.tui.widgets.member_card import MemberCard
from sessions.demo import build_demo
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZE = (120, 36)
SnapCompare = Callable[..., bool]


def table_names(app: TableSessionApp) -> list[str]:
    table = app.screen.query_one("#roster-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def table_status(app: TableSessionApp, name: str) -> str:
    table = app.screen.query_one("#roster-table", DataTable)
    for i in range(table.row_count):
        row = table.get_row_at(i)
        if str(row[0]) == name:
            return str(row[1])
    raise AssertionError(f"{name} is not in the roster")


async def test_header_names_the_group_and_meeting(store: Store, clock: FakeClock, people: list[Member]) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert pilot.app.title == "Test Networking Group"
        assert pilot.app.sub_title == "Tue 24 Nov 2026 - Weekly networking"


async def test_roster_lists_the_meetings_people_with_status_and_card(
    store: Store, clock: FakeClock, meeting: Meeting, people: list[Member]
) -> None:
    assert meeting.id is not None
    store.attendance.check_in(meeting.id, people[0].id or 0, clock.now())
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        assert table_names(app) == [
            "Cher",
            "Jordan Cohen",
            "Olga Dubois",
            "Mei Lindqvist",
            "Renée Moreau",
            "Kwame Trần",
        ]
        assert table_status(app, "Olga Dubois") == "checked in"
        assert table_status(app, "Cher") == "registered"
        counts = app.screen.query_one("#roster-counts", Static)
        assert "6 registered" in str(counts.render())
        assert "1 checked in" in str(counts.render())
        await pilot.press("down", "down")
        card = app.screen.query_one(MemberCard)
        assert card.member is not None
        assert card.member.full_name == "Olga Dubois"


async def test_filter_narrows_by_employer_and_escape_clears(
    store: Store, clock: FakeClock, people: list[Member]
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("slash", *"sabre")
        await pilot.pause()
        assert table_names(app) == ["Jordan Cohen", "Renée Moreau"]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#roster-filter", Input).value == ""
        assert len(table_names(app)) == 6


async def test_scope_toggle_shows_members_not_registered(store: Store, clock: FakeClock, people: list[Member]) -> None:
    store.members.add(Member(first_name="Unregistered", last_name="Person"))
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        assert "Unregistered Person" not in table_names(app)
        await pilot.press("a")
        await pilot.pause()
        assert table_status(app, "Unregistered Person") == "not registered"


async def test_roster_follows_changes_published_by_other_areas(
    store: Store, clock: FakeClock, meeting: Meeting, people: list[Member]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.pause()
        await pilot.press("down", "down")  # cursor on Olga
        store.attendance.check_in(meeting.id, people[1].id or 0, clock.now())
        app.changed(Topic.ATTENDANCE)
        await pilot.pause()
        assert table_status(app, "Jordan Cohen") == "checked in"
        card = app.screen.query_one(MemberCard)
        assert card.member is not None
        assert card.member.full_name == "Olga Dubois"  # the cursor stayed put


async def test_meeting_picker_switches_the_meeting(store: Store, clock: FakeClock, people: list[Member]) -> None:
    import datetime as dt

    store.meetings.add(Meeting(date=dt.date(2026, 11, 17), title="Last week"))
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingPicker), "the meeting picker")
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: not isinstance(app.screen, MeetingPicker), "the picker to close")
        assert app.meeting is not None
        assert app.meeting.title == "Last week"
        assert app.sub_title == "Tue 17 Nov 2026 - Last week"
        assert table_names(app) == []


async def test_an_empty_group_opens_without_a_meeting(tmp_path: Path, clock: FakeClock) -> None:
    with Store.opened(tmp_path / "empty.sqlite3") as empty:
        from sessions.models import Group

        empty.save_group(Group(name="New Group"))
        async with create_app(empty, clock).run_test(size=SIZE) as pilot:
            # The first thing a new group file asks for is its first meeting; escape puts it off.
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, MeetingForm), "the first-meeting form")
            await pilot.press("escape")
            await wait_until(pilot, lambda: not isinstance(pilot.app.screen, MeetingForm), "the roster")
            assert "no meeting yet" in pilot.app.sub_title
            assert table_names(pilot.app) == []


@pytest.fixture
def demo_store(tmp_path: Path, clock: FakeClock) -> Store:
    store = Store.open(tmp_path / "demo.sqlite3")
    build_demo(store, clock.today(), clock.now())
    return store


def test_roster_snapshot_wide(snap_compare: SnapCompare, demo_store: Store, clock: FakeClock) -> None:
    async def highlight_third(pilot: Pilot[None]) -> None:
        await pilot.press("down", "down")

    assert snap_compare(create_app(demo_store, clock), terminal_size=(120, 36), run_before=highlight_third)


def test_roster_snapshot_narrow(snap_compare: SnapCompare, demo_store: Store, clock: FakeClock) -> None:
    assert snap_compare(create_app(demo_store, clock), terminal_size=(80, 24))


async def test_palette_offers_area_and_meeting_commands(store: Store, clock: FakeClock, people: list[Member]) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "go: roster" in titles
        assert "meeting: switch" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"meeting: switch")
        palette = app.screen
        await wait_until(pilot, lambda: _palette_has_hits(palette), "palette hits")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingPicker), "the meeting picker")


def _palette_has_hits(palette: object) -> bool:
    from textual.command import CommandList

    assert isinstance(palette, CommandPalette)
    return palette.query_one(CommandList).option_count > 0


async def test_names_that_look_like_markup_are_shown_as_typed(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    assert meeting.id is not None
    odd = store.members.add(Member(first_name="Sam", last_name="[bold]Ops[/bold]", employers=["[link]"]))
    store.attendance.register(meeting.id, odd.id or 0)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert table_names(pilot.app) == ["Sam [bold]Ops[/bold]"]
