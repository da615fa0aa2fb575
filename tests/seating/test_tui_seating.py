"""The seating area through Pilot: generate in a worker, lock, swap with the keyboard, and late
arrivals and leavers from check-in fitted in at once. Temp database, fake clock, explicit sizes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.seating import SeatingScreen
from app.tui.topics import Topic
from app.tui.widgets.table_card import TableCard
from sessions.models import Meeting, Member, SeatingSettings, Tag, parse_room
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZE = (130, 40)
SnapCompare = Callable[..., bool]


def _fill(store: Store, meeting: Meeting, clock: FakeClock, count: int, present: int) -> list[int]:
    assert meeting.id is not None
    ids = []
    for i in range(count):
        tags = frozenset({Tag.NEWCOMER}) if i % 7 == 3 else frozenset({Tag.HOST}) if i == 0 else frozenset()
        member = store.members.add(
            Member(
                first_name=f"Guest{i:02d}",
                last_name="Example",
                email=f"guest{i}@example.com",
                subgroups=["Marketing" if i % 2 else "Engineering"],
                tags=tags,
            )
        )
        assert member.id is not None
        ids.append(member.id)
        store.attendance.register(meeting.id, member.id)
        if i < present:
            store.attendance.check_in(meeting.id, member.id, clock.now())
    return ids


@pytest.fixture
def room(store: Store, meeting: Meeting, clock: FakeClock) -> list[int]:
    return _fill(store, meeting, clock, 47, 45)


def _text(app: TableSessionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def _open_and_generate(pilot: Pilot[None]) -> None:
    await pilot.press("f4")
    await pilot.pause()
    await pilot.press("g")
    await pilot.app.workers.wait_for_complete()
    await wait_until(pilot, lambda: len(pilot.app.screen.query(TableCard)) > 0, "table cards")


async def test_generate_shows_rounds_of_table_cards_and_saves(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_and_generate(pilot)
        app = pilot.app
        assert isinstance(app.screen, SeatingScreen)
        plan = store.seating.load(meeting.id or 0)
        assert plan is not None
        assert len(plan.rounds) == 2
        cards = [c for c in app.screen.query(TableCard) if c.round_number == 1]
        assert [c.label for c in cards] == ["1", "2", "3", "4", "5", "6", "7"]
        assert sorted(m for c in cards for m in c.member_ids) == sorted(room[:45])
        assert "repeats 0" in _text(app, "#seating-stats")
        assert "Planned 2 rounds" in _text(app, "#seating-effect")


async def test_lock_marks_the_round_and_stores_it(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_and_generate(pilot)
        await pilot.press("l")
        await wait_until(pilot, lambda: "locked" in _text(pilot.app, "#seating-effect"), "lock message")
        plan = store.seating.load(meeting.id or 0)
        assert plan is not None
        assert plan.rounds[0].locked
        assert not plan.rounds[1].locked
        # A locked round refuses picks.
        await pilot.press("space")
        assert "locked" in _text(pilot.app, "#seating-effect")


async def test_pick_preview_and_swap_with_the_keyboard(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_and_generate(pilot)
        app = pilot.app
        await pilot.press("tab")  # from table 1 (its host first) to table 2
        focused = app.focused
        assert isinstance(focused, TableCard)
        picked = focused.highlighted_member
        assert picked is not None
        await pilot.press("space", "tab", "down")
        target_card = app.focused
        assert isinstance(target_card, TableCard)
        other = target_card.highlighted_member
        assert other is not None
        await wait_until(pilot, lambda: "swap with" in _text(app, "#seating-effect"), "swap preview")
        assert "move to table" in _text(app, "#seating-effect")
        await pilot.press("s")
        await wait_until(pilot, lambda: _text(app, "#seating-effect").startswith("Done"), "swap done")
        plan = store.seating.load(meeting.id or 0)
        assert plan is not None
        first = plan.rounds[0]
        assert first.table_of(picked).label == target_card.label  # type: ignore[union-attr]
        assert first.table_of(other).label == focused.label  # type: ignore[union-attr]


async def test_late_arrival_and_leaver_from_check_in_are_fitted_in(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_and_generate(pilot)
        app = pilot.app
        before = store.seating.load(meeting.id)
        store.attendance.check_in(meeting.id, room[45], clock.now())
        app.changed(Topic.ATTENDANCE)
        await wait_until(pilot, lambda: "(late)" in _text(app, "#seating-effect"), "late arrival note")
        after = store.seating.load(meeting.id)
        assert after is not None
        assert before is not None
        assert all(room[45] in r.member_ids for r in after.rounds)
        assert any(room[45] in c.member_ids for c in app.screen.query(TableCard))
        store.attendance.set_left(meeting.id, room[5], clock.now())
        app.changed(Topic.ATTENDANCE)
        await wait_until(pilot, lambda: "Took Guest05" in _text(app, "#seating-effect"), "leaver note")
        gone = store.seating.load(meeting.id)
        assert gone is not None
        assert all(room[5] not in r.member_ids for r in gone.rounds)


async def test_with_no_one_checked_in_generate_explains(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert "No one is checked in" in _text(pilot.app, "#seating-effect")
        assert store.seating.load(meeting.id or 0) is None


def test_seating_snapshot(snap_compare: SnapCompare, tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "snap.sqlite3")
    from sessions.models import Group

    store.save_group(Group(name="Snapshot Networking Group"))
    meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking"))
    _fill(store, meeting, clock, 45, 45)

    async def generate_and_pick(pilot: Pilot[None]) -> None:
        await _open_and_generate(pilot)
        await pilot.press("space", "tab", "down")
        await wait_until(pilot, lambda: "swap with" in _text(pilot.app, "#seating-effect"), "swap preview")

    assert snap_compare(create_app(store, clock), terminal_size=SIZE, run_before=generate_and_pick)


def test_seating_snapshot_narrow(snap_compare: SnapCompare, tmp_path: Path, clock: FakeClock) -> None:
    store = Store.open(tmp_path / "snap.sqlite3")
    from sessions.models import Group

    store.save_group(Group(name="Snapshot Networking Group"))
    meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking"))
    _fill(store, meeting, clock, 45, 45)
    assert snap_compare(create_app(store, clock), terminal_size=(80, 24), run_before=_open_and_generate)


async def test_palette_offers_seating_commands(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    from textual.command import CommandList, CommandPalette

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"seating: generate")
        await wait_until(pilot, lambda: palette.query_one(CommandList).option_count > 0, "palette hits")
        await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await wait_until(pilot, lambda: store.seating.load(meeting.id or 0) is not None, "plan saved")


async def test_a_late_arrival_in_a_full_room_is_told_once_what_to_do(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    # 45 present, and a room of exactly 45 chairs.
    store.seating_settings.save(meeting.id, SeatingSettings(room=parse_room("1-5:7, 6-7:5")))
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_and_generate(pilot)
        app = pilot.app
        store.attendance.check_in(meeting.id, room[45], clock.now())
        app.changed(Topic.ATTENDANCE)
        await wait_until(pilot, lambda: "no free seat" in _text(app, "#seating-effect"), "the full-room note")
        note = _text(app, "#seating-effect")
        assert note.startswith("Round 1 has no free seat for Guest45 Example: every chair in the room is taken")
        assert note.count("Guest45 Example") == 1
        plan = store.seating.load(meeting.id)
        assert plan is not None
        assert all(room[45] not in r.member_ids for r in plan.rounds)


async def test_the_round_shown_stays_when_another_window_changes_the_file(
    db_path: Path, store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    from textual.widgets import Tabs

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await _open_and_generate(pilot)
        screen = app.screen
        assert isinstance(screen, SeatingScreen)
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen.query_one("#round-tabs", Tabs).active == "round-tab-2", "round 2 shown")
        with Store.opened(db_path) as cli:  # `tablesession checkin` for the last one expected
            assert meeting.id is not None
            cli.attendance.check_in(meeting.id, room[45], clock.now())
        await wait_until(
            pilot, lambda: any(room[45] in c.member_ids for c in screen.query(TableCard)), "the late one seated"
        )
        await wait_until(pilot, lambda: screen.query_one("#round-tabs", Tabs).active == "round-tab-2", "still round 2")
        assert screen.active_round == 2


async def test_rounds_and_areas_switch_by_refilling_the_cards_and_keeping_the_footer(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    """`]` and f4 answer fast because nothing is rebuilt: the cards take the next round's tables, and the
    footer keeps its keys while the keys it shows stay the same (it follows them when they change)."""
    from textual.widgets import Tabs
    from textual.widgets._footer import FooterKey

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await _open_and_generate(pilot)
        screen = app.screen
        assert isinstance(screen, SeatingScreen)
        plan = store.seating.load(meeting.id or 0)
        assert plan is not None
        cards = list(screen.query(TableCard))
        keys = list(screen.query(FooterKey))
        assert [c.member_ids for c in cards] == [t.member_ids for t in plan.round(1).tables]

        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen.active_round == 2, "round 2")
        await pilot.pause()
        assert screen.query_one("#round-tabs", Tabs).active == "round-tab-2"
        assert list(screen.query(TableCard)) == cards, "the same cards"
        assert [c.member_ids for c in cards] == [t.member_ids for t in plan.round(2).tables]
        assert {c.round_number for c in cards} == {2}
        await pilot.press("tab")  # focus moves to the next card: the same keys in force
        await pilot.pause()
        assert list(screen.query(FooterKey)) == keys, "the footer was not rebuilt"

        await pilot.press("f3")
        await pilot.press("f4")
        await wait_until(pilot, lambda: app.screen is screen, "back at seating")
        await pilot.pause()
        assert list(screen.query(TableCard)) == cards
        assert screen.active_round == 2

        await pilot.resize_terminal(80, 24)  # narrow: the area keys group under one label
        await wait_until(pilot, lambda: list(screen.query(FooterKey)) != keys, "the footer follows the width")
        shown = {k.key for k in screen.query(FooterKey)}
        assert {"f3", "f4", "f5"} <= shown
