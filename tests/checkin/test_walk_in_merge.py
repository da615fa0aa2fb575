"""A walk-in who turns out to be registered already: typed at the door, card filled and saved, then merged.

The facilitator types a misspelt name (Jordon for Jordan Cohen, registered through Eventbrite), adds them as a
walk-in with ctrl+n, fills and saves their card, and only then notices the duplicate: ctrl+g merges the walk-in
into the registered record. One person must remain: registered, checked in once, with both cards' details.
"""

from __future__ import annotations

import pytest
from textual.widgets import Checkbox, DataTable, Input, OptionList, Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.merge_dialog import MergeDialog
from sessions.models import Attendance, Meeting, Member, Tag
from sessions.roster import import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .support import FixtureFiles

SIZE = (120, 36)
JORDAN_EMAIL = "jordan.cohen1@example.com"


@pytest.fixture
def registered(store: Store, meeting: Meeting, clock: FakeClock) -> Store:
    import_roster(store, FixtureFiles.EVENTBRITE, meeting=meeting, now=clock.now())
    clock.advance(45 * 60)  # the door opens later that evening
    return store


def cohens(store: Store) -> list[Member]:
    return [m for m in store.members.all() if m.last_name == "Cohen"]


def records_of(store: Store, meeting: Meeting, member_id: int) -> list[Attendance]:
    assert meeting.id is not None
    return [a for a in store.attendance.for_meeting(meeting.id) if a.member_id == member_id]


def counts_text(app: TableSessionApp) -> str:
    return str(app.screen.query_one("#checkin-counts", Static).render())


def status_text(app: TableSessionApp) -> str:
    return str(app.screen.query_one("#checkin-status", Static).render())


def keys(app: TableSessionApp, table: str) -> list[str]:
    return [str(key.value) for key in app.screen.query_one(table, DataTable).rows]


async def test_walk_in_card_saved_then_merged_into_the_registered_member(
    registered: Store, meeting: Meeting, clock: FakeClock
) -> None:
    store = registered
    jordan = store.members.find_by_email(JORDAN_EMAIL)
    assert jordan is not None
    assert jordan.id is not None
    members_before = store.members.count()
    app = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        assert counts_text(app).startswith("2 checked in / 38 registered")

        # The walk-in, typed at the door as heard.
        await pilot.press(*"Jordon", "space", *"Cohen")
        await pilot.press("ctrl+n", "n")  # Jordan Cohen is offered first; n: a new person
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the walk-in's card")
        form = app.screen
        assert isinstance(form, CardForm)
        form.query_one("#card-email", Input).value = "jordon.cohen@example.com"
        form.query_one("#card-phone", Input).value = "214 555 0111"
        form.query_one("#card-employers", Input).value = "Toyota North America, Sabre"
        form.query_one("#card-target_companies", Input).value = "Capital One"
        form.query_one("#card-website", Input).value = "jordoncohen.example.com"
        form.query_one("#card-notes", Input).value = "Came with a printed CV"
        form.query_one("#tag-newcomer", Checkbox).value = True
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the card to be saved")
        assert status_text(app) == "Card saved: Jordon Cohen."
        walk_in = next(m for m in cohens(store) if m.first_name == "Jordon")
        assert walk_in.id is not None
        assert walk_in.website == "https://jordoncohen.example.com"
        [walk_in_record] = records_of(store, meeting, walk_in.id)
        assert walk_in_record.walk_in
        assert counts_text(app).startswith("3 checked in / 38 registered")

        # Later the facilitator spots the duplicate and merges the walk-in into the registered record.
        search = app.screen.query_one("#checkin-search", Input)
        search.focus()
        await pilot.press(*"jordon")
        await wait_until(pilot, lambda: keys(app, "#checkin-results")[:1] == [str(walk_in.id)], "the walk-in found")
        await pilot.press("ctrl+g")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeDialog), "the merge dialog")
        options = app.screen.query_one(OptionList)
        first = options.get_option_at_index(0)
        assert first.id == f"{jordan.id}:{walk_in.id}"  # keep the registered Jordan Cohen
        assert "Keep Jordan Cohen" in str(first.prompt)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the merge")
        assert status_text(app) == f"Merged Jordon Cohen into Jordan Cohen (id {jordan.id})."

        # Exactly one of them remains: the registered member.
        assert [m.id for m in cohens(store)] == [jordan.id]
        assert store.members.count() == members_before
        merged = store.members.get(jordan.id)
        # The registered card keeps what it had and gains what the door added.
        assert merged.email == JORDAN_EMAIL
        assert merged.phone == jordan.phone
        assert merged.headline == jordan.headline
        assert merged.employers == ["Bank of America", "Sabre", "Toyota North America"]
        assert merged.target_companies == ["Capital One"]
        assert merged.website == "https://jordoncohen.example.com"
        assert merged.notes == "Came with a printed CV"
        assert Tag.NEWCOMER in merged.tags
        # Registered, and checked in once: at the time the walk-in arrived.
        [record] = records_of(store, meeting, jordan.id)
        assert record.registered
        assert record.source == "eventbrite"
        assert not record.walk_in
        assert record.checked_in_at == walk_in_record.checked_in_at
        assert records_of(store, meeting, walk_in.id) == []
        assert counts_text(app) == "3 checked in / 38 registered"  # the walk-in count is gone
        arrivals = keys(app, "#checkin-arrivals")
        assert arrivals.count(str(jordan.id)) == 1
        assert str(walk_in.id) not in arrivals

        # Checking him in again changes nothing.
        clock.advance(300)
        await pilot.press("escape", *"jordan", "space", *"cohen")  # escape clears the search
        await wait_until(pilot, lambda: keys(app, "#checkin-results")[:1] == [str(jordan.id)], "Jordan found")
        await pilot.press("enter")
        await pilot.pause()
        assert status_text(app).startswith("Jordan Cohen is already checked in")
        [again] = records_of(store, meeting, jordan.id)
        assert again == record

        # The check-in made as a walk-in is now Jordan's: ctrl+z still takes it back, and he stays registered.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert status_text(app) == "Undone: Jordan Cohen is no longer checked in."
        [undone] = records_of(store, meeting, jordan.id)
        assert (undone.registered, undone.checked_in) == (True, False)
        assert counts_text(app) == "2 checked in / 38 registered"


async def test_walk_in_giving_a_registered_email_is_merged_from_the_card_form(
    registered: Store, meeting: Meeting, clock: FakeClock
) -> None:
    """The other way the door finds out: the walk-in's email is already a member's, so saving offers the merge."""
    store = registered
    jordan = store.members.find_by_email(JORDAN_EMAIL)
    assert jordan is not None
    assert jordan.id is not None
    members_before = store.members.count()
    app = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        await pilot.press(*"Jordon", "space", *"Cohen", "ctrl+n", "n")
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the walk-in's card")
        form = app.screen
        assert isinstance(form, CardForm)
        walk_in = next(m for m in cohens(store) if m.first_name == "Jordon")
        assert walk_in.id is not None
        form.query_one("#card-email", Input).value = "Jordan.Cohen1@example.com"  # as typed at the door
        form.query_one("#card-target_companies", Input).value = "Capital One"
        form.query_one("#card-notes", Input).value = "Came with a printed CV"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        problems = str(form.query_one("#card-form-problems", Static).render())
        assert problems == (
            f"Cannot save: email Jordan.Cohen1@example.com belongs to Jordan Cohen (id {jordan.id}); "
            "merge the two instead"
        )
        await pilot.click(f"#merge-{jordan.id}")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the merge")
        assert status_text(app) == f"Merged Jordon Cohen into Jordan Cohen (id {jordan.id})."

        assert [m.id for m in cohens(store)] == [jordan.id]
        assert store.members.count() == members_before
        merged = store.members.get(jordan.id)
        assert (merged.email, merged.phone) == (JORDAN_EMAIL, jordan.phone)
        assert merged.target_companies == ["Capital One"]
        assert merged.notes == "Came with a printed CV"
        [record] = records_of(store, meeting, jordan.id)
        assert (record.registered, record.walk_in, record.source) == (True, False, "eventbrite")
        assert record.checked_in_at == clock.now()
        assert counts_text(app) == "3 checked in / 38 registered"
        assert keys(app, "#checkin-arrivals").count(str(jordan.id)) == 1
