"""One group file, many windows: what another program writes shows in the open app (issue #14).

"Another program" is a second Store on the same file, as the CLI opens it: its commits reach the app
only through the file, never through the app's own signals.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.roster import RosterScreen
from app.tui.screens.seating import SeatingScreen
from app.tui.widgets.table_card import TableCard
from sessions.checkin import check_in
from sessions.forget import forget_member
from sessions.models import Meeting, Member
from sessions.roster.merge import merge_members
from sessions.seating.service import plan_meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZE = (120, 36)


def text_of(screen: object, selector: str) -> str:
    assert isinstance(screen, CheckinScreen | SeatingScreen)
    return str(screen.query_one(selector, Static).render())


def roster_names(roster: object) -> list[str]:
    assert isinstance(roster, RosterScreen)
    table = roster.query_one("#roster-table", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def result_names(app: TableSessionApp) -> list[str]:
    table = app.screen.query_one("#checkin-results", DataTable)
    return [str(table.get_row(key)[0]) for key in table.rows]


async def find_at_the_door(pilot: Pilot[None], app: TableSessionApp, name: str) -> Input:
    """In the check-in area, search for `name` until they are the highlighted result; returns the search box."""
    if not isinstance(app.screen, CheckinScreen):
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
    search = app.screen.query_one("#checkin-search", Input)
    search.value = name.split(maxsplit=1)[0]
    await wait_until(pilot, lambda: result_names(app)[:1] == [name], f"{name} found")
    return search


async def test_check_ins_and_a_plan_made_elsewhere_show_on_the_open_screens(
    db_path: Path, store: Store, meeting: Meeting, people: list[Member], clock: FakeClock
) -> None:
    app = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, RosterScreen), "the roster area")
        roster = app.screen
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        checkin = app.screen
        assert text_of(checkin, "#checkin-counts").startswith("0 checked in / 6 registered")
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        seating = app.screen
        await wait_until(pilot, lambda: text_of(seating, "#seating-stats").startswith("0 checked in"), "no one in")

        with Store.opened(db_path) as cli:  # the CLI: `tablesession checkin` for everyone
            for person in people:
                assert person.id is not None
                check_in(cli, meeting, person.id, clock.now())
        await wait_until(pilot, lambda: text_of(seating, "#seating-stats").startswith("6 checked in"), "seating")
        await wait_until(
            pilot, lambda: text_of(checkin, "#checkin-counts").startswith("6 checked in / 6 registered"), "check-in"
        )

        with Store.opened(db_path) as cli:  # `tablesession seat`
            plan_meeting(cli, cli.meetings.get(meeting.id or 0), None, clock)
        await wait_until(pilot, lambda: len(seating.query(TableCard)) > 0, "the plan made elsewhere")
        seated = {m for card in seating.query(TableCard) for m in card.member_ids}
        assert seated == {person.id for person in people}

        olga, jordan = people[0], people[1]
        assert olga.id is not None
        assert jordan.id is not None
        assert "Olga Dubois" in roster_names(roster)
        with Store.opened(db_path) as cli:  # `tablesession` merging a duplicate in another window
            merge_members(cli, jordan.id, olga.id)
        await wait_until(pilot, lambda: "Olga Dubois" not in roster_names(roster), "the merged card gone")
        assert "Jordan Cohen" in roster_names(roster)
        await wait_until(
            pilot, lambda: olga.id not in {m for c in seating.query(TableCard) for m in c.member_ids}, "unseated"
        )


async def test_a_member_forgotten_elsewhere_is_dropped_without_a_crash(
    db_path: Path, store: Store, people: list[Member], clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app does not look for outside changes here: Enter comes before it would notice.
    monkeypatch.setattr(TableSessionApp, "check_outside_changes", lambda self: None, raising=False)
    app = create_app(store, clock)
    kwame = next(p for p in people if p.first_name == "Kwame")
    assert kwame.id is not None
    async with app.run_test(size=SIZE) as pilot:
        search = await find_at_the_door(pilot, app, "Kwame Trần")
        with Store.opened(db_path) as cli:  # `tablesession forget kwame.trần@example.com --yes`
            forget_member(cli, kwame.id)
        await pilot.press("enter")
        await wait_until(pilot, lambda: "no longer in the group" in text_of(app.screen, "#checkin-status"), "told")
        assert "Kwame Trần" in text_of(app.screen, "#checkin-status")
        assert app.is_running
        assert "Kwame Trần" not in result_names(app)
        search.value = ""
        await wait_until(pilot, lambda: len(result_names(app)) == 5, "the five still expected")
        assert "Kwame Trần" not in result_names(app)


async def test_a_card_changed_underneath_is_not_saved_back_stale(
    db_path: Path, store: Store, meeting: Meeting, people: list[Member], clock: FakeClock
) -> None:
    app = create_app(store, clock)
    kwame = next(p for p in people if p.first_name == "Kwame")
    assert kwame.id is not None
    async with app.run_test(size=SIZE) as pilot:
        await find_at_the_door(pilot, app, "Kwame Trần")
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "Kwame's card")
        form = app.screen
        form.query_one("#card-notes", Input).value = "met at the door"  # the facilitator's own edit

        with Store.opened(db_path) as cli:  # a re-import brings a new phone and headline
            cli.members.update(
                cli.members.get(kwame.id).model_copy(update={"phone": "+12145550199", "headline": "Data engineer"})
            )
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: stale_shown(form) or app.screen is not form, "the save answered")
        after = store.members.get(kwame.id)
        assert (after.phone, after.headline) == ("+12145550199", "Data engineer")  # nothing stale written back
        assert app.screen is form
        shown = str(form.query_one("#card-form-stale-text", Static).render())
        assert "Phone: was (empty), now +12145550199" in shown
        assert "Headline: was Kwame the professional, now Data engineer" in shown

        await pilot.click("#card-form-take-new")
        assert form.query_one("#card-headline", Input).value == "Data engineer"
        assert form.query_one("#card-notes", Input).value == "met at the door"  # their own edit stays
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the card saved")
        saved = store.members.get(kwame.id)
        assert (saved.phone, saved.headline, saved.notes) == ("+12145550199", "Data engineer", "met at the door")

        # Another change, and this time the facilitator keeps what the form has.
        with Store.opened(db_path) as cli:
            cli.members.update(cli.members.get(kwame.id).model_copy(update={"headline": "Platform engineer"}))
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "Kwame's card again")
        form = app.screen
        # Opened after the change: the form shows the new values.
        assert form.query_one("#card-headline", Input).value == "Platform engineer"
        with Store.opened(db_path) as cli:
            cli.members.update(cli.members.get(kwame.id).model_copy(update={"headline": "Staff engineer"}))
        form.query_one("#card-headline", Input).value = "Data platform lead"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: stale_shown(form), "the second change shown")
        assert "the form has Data platform lead" in str(form.query_one("#card-form-stale-text", Static).render())
        form.query_one("#card-form-keep-mine", Button).press()
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "kept and saved")
        assert store.members.get(kwame.id).headline == "Data platform lead"


def stale_shown(form: object) -> bool:
    assert isinstance(form, CardForm)
    return any(panel.display for panel in form.query("#card-form-stale"))


def checked_in_in_copy(db_path: Path, copy: Path) -> int:
    """Check-ins found in a copy of the main file alone, as someone copying group.sqlite3 gets."""
    shutil.copyfile(db_path, copy)
    connection = sqlite3.connect(copy)
    try:
        if not connection.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'attendance'").fetchone()[0]:
            return 0  # even the tables are still only in the -wal file
        return int(connection.execute("SELECT count(*) FROM attendance WHERE checked_in_at IS NOT NULL").fetchone()[0])
    finally:
        connection.close()


async def test_the_main_file_alone_holds_the_check_ins_after_quitting_with_a_viewer_open(
    tmp_path: Path, db_path: Path, store: Store, people: list[Member], clock: FakeClock
) -> None:
    with Store.opened(db_path, readonly=True) as projector:
        app = create_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            await find_at_the_door(pilot, app, "Mei Lindqvist")
            await pilot.press("enter")
            assert len(projector.members.all()) == len(people)  # the viewer reads along
            # Once the burst at the door settles, the main file is complete even with the app still open.
            await wait_until(pilot, lambda: checked_in_in_copy(db_path, tmp_path / "settled.sqlite3") == 1, "settled")
            await find_at_the_door(pilot, app, "Olga Dubois")
            await pilot.press("enter")
            await pilot.press("ctrl+q")
        assert checked_in_in_copy(db_path, tmp_path / "copy.sqlite3") == 2
