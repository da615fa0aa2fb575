"""The seating screen's settings and rules dialogs through Pilot, and the plans that follow them.
Temp database, fake clock, explicit terminal sizes."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from textual.content import Content
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Checkbox, Input, RadioButton, SelectionList, Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.seating import SeatingScreen
from app.tui.screens.seating_rules import SeatingRulesDialog
from app.tui.screens.seating_settings import SeatingSettingsForm
from app.tui.widgets.member_picker import MemberPicker
from app.tui.widgets.rules_table import RulesTable
from app.tui.widgets.table_card import TableCard
from sessions.models import Group, Meeting, Member, RuleKind, SeatingSettings
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .helpers import where

SIZE = (120, 36)
SnapCompare = Callable[..., bool]
FIRST_NAMES = ["Ada", "Bea", "Cy", "Dov", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lu"]


def _room(store: Store, meeting: Meeting, clock: FakeClock, count: int = 24) -> list[int]:
    """`count` people checked in; two of them share an employer, one more is only registered."""
    assert meeting.id is not None
    ids = []
    for i in range(count + 1):
        first = FIRST_NAMES[i % len(FIRST_NAMES)] + ("" if i < len(FIRST_NAMES) else "x")
        employer = "Sabre" if i in (2, 3) else f"Firm {i}"
        card = Member(first_name=first, last_name=f"Example{i:02d}", employers=[employer], email=f"p{i}@example.com")
        member = store.members.add(card)
        assert member.id is not None
        ids.append(member.id)
        store.attendance.register(meeting.id, member.id)
        if i < count:
            store.attendance.check_in(meeting.id, member.id, clock.now())
    return ids


@pytest.fixture
def room(store: Store, meeting: Meeting, clock: FakeClock) -> list[int]:
    return _room(store, meeting, clock)


def _text(app: TableSessionApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


ScreenT = TypeVar("ScreenT", bound=Screen[Any])


async def _press_for(pilot: Pilot[None], key: str, kind: type[ScreenT], what: str) -> ScreenT:
    """Press `key` and wait until a screen of `kind` is showing; return it."""
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, kind), what)
    screen = pilot.app.screen
    assert isinstance(screen, kind)
    return screen


async def _open_seating(pilot: Pilot[None]) -> SeatingScreen:
    return await _press_for(pilot, "f4", SeatingScreen, "the seating area")


async def _open_settings(pilot: Pilot[None]) -> SeatingSettingsForm:
    return await _press_for(pilot, "o", SeatingSettingsForm, "the settings form")


async def _open_rules(pilot: Pilot[None]) -> SeatingRulesDialog:
    await _open_seating(pilot)
    return await _press_for(pilot, "r", SeatingRulesDialog, "the rules dialog")


async def _pick(pilot: Pilot[None], *searches: str) -> None:
    """Put each search in the picker's box and press enter: its best match is picked."""
    picker = pilot.app.screen.query_one(MemberPicker)
    for search in searches:
        picker.search.value = search
        await pilot.press("enter")
    await pilot.pause()


async def test_add_and_delete_rules_in_the_dialog(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        dialog = await _open_rules(pilot)
        picker = dialog.query_one(MemberPicker)
        assert picker.search.has_focus
        # Everyone registered is offered, checked in or not.
        assert picker.choices.option_count == len(room)
        await _pick(pilot, "bea ex", "dov")
        assert picker.picked == [room[1], room[3]]
        dialog.query_one("#seating-rules-note", Input).value = "married"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: store.seating_rules.all() != [], "the rule saved")
        (rule,) = store.seating_rules.all()
        assert (rule.kind, rule.member_ids, rule.meeting_id, rule.note) == (
            RuleKind.APART,
            (room[1], room[3]),
            meeting.id,
            "married",
        )
        assert "Added: keep Bea Example01 and Dov Example03 apart, this meeting only." in _text(
            pilot.app, "#seating-rules-message"
        )
        assert picker.picked == []
        table = dialog.query_one(RulesTable)
        assert table.row_count == 1

        # Keep together, every meeting: three people.
        dialog.query_one("#seating-rules-together", RadioButton).value = True
        dialog.query_one("#seating-rules-standing", Checkbox).value = True
        picker.search.focus()
        await _pick(pilot, "eli", "fay", "gus ex")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(store.seating_rules.all()) == 2, "the second rule")
        together = store.seating_rules.all()[1]
        assert (together.kind, together.member_ids, together.standing) == (
            RuleKind.TOGETHER,
            (room[4], room[5], room[6]),
            True,
        )

        # A contradiction is refused, naming both, and nothing is saved.
        dialog.query_one("#seating-rules-together", RadioButton).value = False
        dialog.query_one("#seating-rules-apart", RadioButton).value = True
        picker.search.focus()
        await _pick(pilot, "eli", "gus ex")
        await pilot.press("ctrl+s")
        await wait_until(
            pilot, lambda: "cannot also be kept apart" in _text(pilot.app, "#seating-rules-message"), "refusal"
        )
        assert "Eli Example04 and Gus Example06 are kept together by rule 2" in _text(
            pilot.app, "#seating-rules-message"
        )
        assert dialog.query_one("#seating-rules-message").has_class("-problem")
        assert len(store.seating_rules.all()) == 2

        # Delete the first rule from the list.
        table.focus()
        table.move_cursor(row=0)
        await pilot.press("delete")
        await wait_until(pilot, lambda: len(store.seating_rules.all()) == 1, "the rule deleted")
        assert store.seating_rules.all() == [together]
        assert table.row_count == 1
        assert "Deleted: keep Bea Example01 and Dov Example03 apart" in _text(pilot.app, "#seating-rules-message")

        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "back on the seating screen")
        assert "Rules changed: 1 in force tonight" in _text(pilot.app, "#seating-effect")


async def test_keep_apart_needs_exactly_two_picked(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        dialog = await _open_rules(pilot)
        await _pick(pilot, "ada")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "exactly two people: pick two (1 picked)" in _text(pilot.app, "#seating-rules-message")
        # Picking from the list with the keyboard works too; space toggles a pick off again.
        await pilot.press("down")
        choices = dialog.query_one(MemberPicker).choices
        assert isinstance(pilot.app.focused, SelectionList)
        choices.highlighted = 1
        await pilot.press("space", "down", "space", "space")
        await pilot.pause()
        assert dialog.query_one(MemberPicker).picked == [room[0], room[1]]
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "closed")
        assert store.seating_rules.all() == []
        assert "Rules changed" not in _text(pilot.app, "#seating-effect")


async def test_settings_and_rules_lead_to_a_plan_that_honours_them(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_rules(pilot)
        pilot.app.screen.query_one("#seating-rules-together", RadioButton).value = True
        pilot.app.screen.query_one(MemberPicker).search.focus()
        await _pick(pilot, "hal", "ida")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: len(store.seating_rules.all()) == 1, "the together rule")
        await pilot.press("escape")
        screen = await _open_seating(pilot)

        form = await _open_settings(pilot)
        for field, value in (("rounds", "3"), ("min_size", "4"), ("max_size", "4")):
            form.query_one(f"#seating-settings-{field}", Input).value = value
        form.query_one("#seating-settings-apart-same-employer", Checkbox).value = True
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "the form closed")
        assert store.seating_settings.get(meeting.id) == SeatingSettings(
            rounds=3, min_size=4, max_size=4, apart_same_employer=True
        )
        assert screen.rounds_wanted == 3
        assert "Settings saved: 3 rounds, tables of 4, sub-groups mixed, colleagues apart" in _text(
            pilot.app, "#seating-effect"
        )

        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await wait_until(pilot, lambda: "Planned 3 rounds" in _text(pilot.app, "#seating-effect"), "the plan")
        plan = store.seating.load(meeting.id)
        assert plan is not None
        assert len(plan.rounds) == 3
        for round_ in plan.rounds:
            assert [len(t.seats) for t in round_.tables] == [4] * 6
            seated = where(round_)
            assert seated[room[7]] == seated[room[8]]  # kept together
            assert seated[room[2]] != seated[room[3]]  # both at Sabre
        assert "1 rule kept" in _text(pilot.app, "#seating-stats")

        # The +/- keys change the stored setting too.
        await pilot.press("minus")
        assert store.seating_settings.get(meeting.id) == SeatingSettings(
            rounds=2, min_size=4, max_size=4, apart_same_employer=True
        )
        assert "next: 2 rounds" in _text(pilot.app, "#seating-stats")

        # A rule the plan does not keep shows on the stats line until the plan is made again.
        from sessions.seating.rules import add_rule

        a, b = [m for m in plan.rounds[0].tables[0].member_ids if m not in (room[7], room[8])][:2]
        add_rule(store, meeting, RuleKind.APART, [a, b], standing=False)
        await screen.reload()
        assert re.search(r"2 rules, broken \d+ times?", _text(pilot.app, "#seating-stats"))


async def test_the_room_given_in_the_form_names_and_sizes_the_tables(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_seating(pilot)
        await _open_settings(pilot)
        # Any name the room uses, symbols and accents included, reaches the screen.
        pilot.app.screen.query_one("#seating-settings-room", Input).value = " 1-3 : 8 ,  Café [b]:6 "
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "the form closed")
        settings = store.seating_settings.get(meeting.id)
        assert settings is not None
        assert [(t.name, t.capacity) for t in settings.room] == [("1", 8), ("2", 8), ("3", 8), ("Café [b]", 6)]
        assert "a room of 4 tables, 30 chairs (1-3:8, Café [b]:6)" in _text(pilot.app, "#seating-effect")

        await pilot.press("g")
        await pilot.app.workers.wait_for_complete()
        await wait_until(pilot, lambda: "Planned" in _text(pilot.app, "#seating-effect"), "the plan")
        plan = store.seating.load(meeting.id)
        assert plan is not None
        for round_ in plan.rounds:
            assert [(t.label, t.capacity) for t in round_.tables] == [("1", 8), ("2", 8), ("3", 8), ("Café [b]", 6)]
            assert all(len(t.seats) <= (t.capacity or 0) for t in round_.tables)
        titles = [Content.from_markup(card.border_title or "").plain for card in pilot.app.screen.query(TableCard)]
        assert titles == ["Table 1", "Table 2", "Table 3", "Table Café [b]"]  # the round shown
        # The form shows the room as it reads it.
        form = await _open_settings(pilot)
        assert form.query_one("#seating-settings-room", Input).value == "1-3:8, Café [b]:6"


async def test_the_settings_form_refuses_what_cannot_be_seated(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    assert meeting.id is not None
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_seating(pilot)
        form = await _open_settings(pilot)
        attempts = (
            ({"min_size": "9"}, "Fewest a table (9) is more than most a table (8)"),
            ({"min_size": "6", "rounds": "0"}, "Rounds: a whole number from 1 to 20"),
            ({"rounds": "2", "room": "1-3:8, Patio"}, "Room: 'Patio': write a table as NAME:CHAIRS"),
            ({"room": "1-3:8", "tables": "4"}, "Tables: 4 asked for, but the room has 3"),
        )
        for values, problem in attempts:
            for field, value in values.items():
                form.query_one(f"#seating-settings-{field}", Input).value = value
            await pilot.press("ctrl+s")
            await wait_until(
                pilot, lambda problem=problem: problem in _text(pilot.app, "#seating-settings-problems"), problem
            )
        assert isinstance(pilot.app.screen, SeatingSettingsForm)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "cancelled")
        assert store.seating_settings.get(meeting.id) is None


async def test_palette_opens_settings_and_rules(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    from textual.command import CommandList, CommandPalette

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_seating(pilot)
        for typed, command, dialog in (
            ("g: set", "seating: settings", SeatingSettingsForm),
            ("g: rul", "seating: rules", SeatingRulesDialog),
        ):
            await pilot.press("ctrl+p")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "the palette")
            palette = pilot.app.screen
            await pilot.press(*typed)
            hits = palette.query_one(CommandList)
            await wait_until(pilot, lambda: hits.option_count > 0, "palette hits")  # noqa: B023
            assert command in str(hits.get_option_at_index(0).prompt)
            await pilot.press("enter")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, dialog), command)  # noqa: B023
            await pilot.press("escape")
            await wait_until(pilot, lambda: isinstance(pilot.app.screen, SeatingScreen), "closed")


def _snapshot_store(tmp_path: Path, clock: FakeClock) -> Store:
    store = Store.open(tmp_path / "snap.sqlite3")
    store.save_group(Group(name="Snapshot Networking Group"))
    meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking"))
    ids = _room(store, meeting, clock, 12)
    from sessions.seating.rules import add_rule

    add_rule(store, meeting, RuleKind.APART, [ids[0], ids[1]], standing=True, note="married")
    add_rule(store, meeting, RuleKind.TOGETHER, [ids[4], ids[5], ids[12]], standing=False, note="newcomer's buddies")
    return store


def test_rules_dialog_snapshot(snap_compare: SnapCompare, tmp_path: Path, clock: FakeClock) -> None:
    async def open_and_pick(pilot: Pilot[None]) -> None:
        await _open_rules(pilot)
        await _pick(pilot, "cy", "dov")
        await pilot.press(*"gu")

    app = create_app(_snapshot_store(tmp_path, clock), clock)
    assert snap_compare(app, terminal_size=(110, 34), run_before=open_and_pick)


def test_settings_form_snapshot(snap_compare: SnapCompare, tmp_path: Path, clock: FakeClock) -> None:
    async def open_settings(pilot: Pilot[None]) -> None:
        await _open_seating(pilot)
        await _open_settings(pilot)
        pilot.app.screen.query_one("#seating-settings-max_size", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()

    app = create_app(_snapshot_store(tmp_path, clock), clock)
    assert snap_compare(app, terminal_size=(90, 28), run_before=open_settings)


async def test_a_standing_rule_can_name_someone_not_registered_this_week(
    store: Store, meeting: Meeting, clock: FakeClock, room: list[int]
) -> None:
    # A bracket in a name is text, not a style: the dialog's messages show it as typed.
    away = store.members.add(Member(first_name="Quinn", last_name="[b]Awayweek", email="quinn@example.com"))
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        await _open_rules(pilot)
        picker = pilot.app.screen.query_one(MemberPicker)
        # The meeting's people come first; the rest of the group follows, marked.
        shown = [picker.choices.get_option_at_index(i).value for i in range(picker.choices.option_count)]
        assert shown.index(room[-1]) < shown.index(away.id or 0)
        assert "not registered" in str(picker.choices.get_option_at_index(shown.index(away.id or 0)).prompt)
        pilot.app.screen.query_one("#seating-rules-standing", Checkbox).value = True
        picker.search.focus()
        await _pick(pilot, "awayweek", "ada")
        assert picker.picked == [away.id, room[0]]
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: store.seating_rules.all() != [], "the rule saved")
        (rule,) = store.seating_rules.all()
        assert rule.standing
        assert set(rule.member_ids) == {away.id, room[0]}
        assert "Added: keep Ada Example00 and Quinn [b]Awayweek apart, every meeting." in _text(
            pilot.app, "#seating-rules-message"
        )
