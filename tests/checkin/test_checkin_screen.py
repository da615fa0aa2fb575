"""The check-in screen driven as a facilitator would: search, Enter, undo, walk-in, card, merge, import."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, DataTable, Input, Label, Static, Switch

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.import_dialog import ImportDialog
from app.tui.screens.merge_dialog import MergeDialog
from sessions.models import Meeting, Member
from sessions.roster import import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import FixtureFiles

SIZE = (120, 36)


@pytest.fixture
def registered(store: Store, meeting: Meeting, clock: FakeClock) -> Store:
    import_roster(store, FixtureFiles.EVENTBRITE, meeting=meeting, now=clock.now())
    return store


@pytest.fixture
async def session(registered: Store, clock: FakeClock) -> AsyncIterator[tuple[TableSessionApp, Pilot[None], list[str]]]:
    app = create_app(registered, clock)
    topics: list[str] = []
    async with app.run_test(size=SIZE) as pilot:
        app.data_changed.subscribe(app, topics.append)
        await pilot.press("f3")
        await pilot.pause()
        yield app, pilot, topics


def screen_of(app: TableSessionApp) -> CheckinScreen:
    assert isinstance(app.screen, CheckinScreen)
    return app.screen


def member_named(store: Store, name: str) -> Member:
    return next(m for m in store.members.all() if m.full_name == name)


def attendance_of(app: TableSessionApp, name: str):  # type: ignore[no-untyped-def]
    meeting = app.meeting
    assert meeting is not None
    assert meeting.id is not None
    return app.store.attendance.find(meeting.id, member_named(app.store, name).id or 0)


async def press_keys(pilot: Pilot[None], text: str) -> None:
    """Type key by key, as at the door."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))
    await pilot.pause()


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Put `text` in the focused box at once (the same Changed events as typing, without a key per letter)."""
    focused = pilot.app.focused
    assert isinstance(focused, Input)
    focused.value = text
    focused.cursor_position = len(text)
    await pilot.pause()


def result_keys(app: TableSessionApp) -> list[str]:
    table = app.screen.query_one("#checkin-results", DataTable)
    return [str(key.value) for key in table.rows]


def status_text(app: TableSessionApp) -> str:
    return str(app.screen.query_one("#checkin-status", Static).render())


async def test_search_as_you_type_and_enter_checks_in(
    session: tuple[TableSessionApp, Pilot[None], list[str]], clock: FakeClock
) -> None:
    app, pilot, topics = session
    assert app.screen.query_one("#checkin-search", Input).has_focus
    ruth = member_named(app.store, "Ruth Kowalski")
    await press_keys(pilot, "kowlaski r")
    assert result_keys(app)[0] == str(ruth.id)
    await pilot.press("enter")
    await pilot.pause()
    record = attendance_of(app, "Ruth Kowalski")
    assert record.checked_in_at == clock.now()
    assert status_text(app).startswith("✓ Ruth Kowalski checked in at")
    assert app.screen.query_one("#checkin-search", Input).value == ""
    arrivals = app.screen.query_one("#checkin-arrivals", DataTable)
    assert str(ruth.id) in [str(k.value) for k in arrivals.rows]
    assert str(app.screen.query_one("#checkin-counts", Static).render()).startswith("3 checked in / 38 registered")
    assert "attendance" in topics


async def test_arrow_keys_pick_another_result(session: tuple[TableSessionApp, Pilot[None], list[str]]) -> None:
    app, pilot, _ = session
    await type_text(pilot, "jordan")
    second = result_keys(app)[1]
    await pilot.press("down", "enter")
    await pilot.pause()
    meeting = app.meeting
    assert meeting is not None
    assert meeting.id is not None
    assert app.store.attendance.get(meeting.id, int(second)).checked_in


async def test_nobody_is_checked_in_twice(
    session: tuple[TableSessionApp, Pilot[None], list[str]], clock: FakeClock
) -> None:
    app, pilot, _ = session
    await type_text(pilot, "olga dubois")
    await pilot.press("enter")
    await pilot.pause()
    first = attendance_of(app, "Olga Dubois").checked_in_at
    clock.advance(120)
    await type_text(pilot, "olga dubois")
    await pilot.press("enter")
    await pilot.pause()
    assert attendance_of(app, "Olga Dubois").checked_in_at == first
    assert "Olga Dubois is already checked in" in status_text(app)


async def test_undo_takes_back_the_last_check_in(session: tuple[TableSessionApp, Pilot[None], list[str]]) -> None:
    app, pilot, _ = session
    await type_text(pilot, "isabel kim")
    await pilot.press("enter")
    await pilot.pause()
    assert attendance_of(app, "Isabel Kim").checked_in
    await pilot.press("ctrl+z")
    await pilot.pause()
    assert not attendance_of(app, "Isabel Kim").checked_in
    assert status_text(app) == "Undone: Isabel Kim is no longer checked in."
    await pilot.press("ctrl+z")
    await pilot.pause()
    assert status_text(app) == "No check-in to undo."


async def test_walk_in_is_one_key_and_the_card_can_be_skipped(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, topics = session
    await type_text(pilot, "Jordon Cohen")
    await pilot.press("ctrl+n", "n")  # not Jordan Cohen, offered first: a new person
    await pilot.pause()
    assert isinstance(app.screen, CardForm)
    walk_in = member_named(app.store, "Jordon Cohen")
    assert attendance_of(app, "Jordon Cohen").walk_in
    # The likely duplicate is flagged in the form, with a merge button.
    jordan = member_named(app.store, "Jordan Cohen")
    assert app.screen.query_one(f"#merge-{jordan.id}", Button)
    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(app.screen, CheckinScreen)
    assert app.store.members.get(walk_in.id or 0).full_name == "Jordon Cohen"
    assert "members" in topics
    assert "attendance" in topics


async def test_walk_in_card_filled_and_saved(session: tuple[TableSessionApp, Pilot[None], list[str]]) -> None:
    app, pilot, _ = session
    await type_text(pilot, "Zoe Quinn")
    await pilot.press("ctrl+n")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, CardForm)
    form.query_one("#card-email", Input).value = "zoe.quinn@example.com"
    form.query_one("#card-phone", Input).value = "(214) 555-0199"
    form.query_one("#card-employers", Input).value = "Dell, Sabre"
    form.query_one("#share-email", Switch).value = True
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert isinstance(app.screen, CheckinScreen)
    zoe = member_named(app.store, "Zoe Quinn")
    assert (zoe.email, zoe.phone, zoe.employers, zoe.sharing.email) == (
        "zoe.quinn@example.com",
        "+12145550199",
        ["Dell", "Sabre"],
        True,
    )
    assert status_text(app) == "Card saved: Zoe Quinn."


async def test_a_new_walk_in_from_an_empty_box_needs_a_name(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    before = app.store.members.count()
    await pilot.press("ctrl+n")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, CardForm)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert str(form.query_one("#card-form-problems", Static).render()) == "Cannot save: First name is required"
    form.query_one("#card-first_name", Input).value = "Yara"
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert app.store.members.count() == before + 1
    assert attendance_of(app, "Yara").walk_in


async def test_edit_card_validates_where_typed_and_refuses_to_save(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, topics = session
    await type_text(pilot, "leila rossi")
    await pilot.press("ctrl+t")
    await pilot.pause()
    form = app.screen
    assert isinstance(form, CardForm)
    email = form.query_one("#card-email", Input)
    email.focus()
    email.value = ""
    await pilot.pause()
    await press_keys(pilot, "leila@")
    error = form.query_one("#card-email-error", Label)
    assert "not a valid email address" in str(error.render())
    assert error.has_class("-shown")
    assert email.has_class("-invalid")
    await pilot.press("ctrl+s")
    await pilot.pause()
    problems = str(form.query_one("#card-form-problems", Static).render())
    assert problems == "Cannot save: Email: 'leila@' is not a valid email address; left out"
    assert isinstance(app.screen, CardForm)
    # Someone else's email: refused, with a merge offered.
    email.value = "olga.dubois0@example.com"
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    olga = member_named(app.store, "Olga Dubois")
    assert "belongs to Olga Dubois" in str(form.query_one("#card-form-problems", Static).render())
    assert form.query_one(f"#merge-{olga.id}", Button)
    email.value = "leila.rossi@example.com"
    form.query_one("#share-phone", Switch).value = True
    await pilot.pause()
    await pilot.press("ctrl+s")
    await pilot.pause()
    leila = member_named(app.store, "Leila Rossi")
    assert leila.email == "leila.rossi@example.com"
    assert leila.sharing.phone
    assert "members" in topics


async def test_merge_a_walk_in_into_the_registered_member(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    await type_text(pilot, "Jordon Cohen")
    await pilot.press("ctrl+n", "n")  # not Jordan Cohen, offered first: a new person
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    walk_in = member_named(app.store, "Jordon Cohen")
    jordan = member_named(app.store, "Jordan Cohen")
    await type_text(pilot, "jordon")
    assert result_keys(app)[0] == str(walk_in.id)
    flags = app.screen.query_one("#checkin-results", DataTable).get_cell(str(walk_in.id), "flag")
    assert str(flags) == "dup"
    await pilot.press("ctrl+g")
    await pilot.pause()
    assert isinstance(app.screen, MergeDialog)
    await pilot.press("enter")  # the first option: keep Jordan Cohen, merge the walk-in into him
    await pilot.pause()
    assert isinstance(app.screen, CheckinScreen)
    assert app.store.members.find_by_email("jordan.cohen1@example.com") is not None
    assert all(m.full_name != "Jordon Cohen" for m in app.store.members.all())
    record = attendance_of(app, "Jordan Cohen")
    assert record.checked_in
    assert record.registered
    assert not record.walk_in
    assert status_text(app) == f"Merged Jordon Cohen into Jordan Cohen (id {jordan.id})."


async def test_merge_offered_from_the_card_form(session: tuple[TableSessionApp, Pilot[None], list[str]]) -> None:
    app, pilot, _ = session
    await type_text(pilot, "Jordon Cohen")
    await pilot.press("ctrl+n", "n")  # not Jordan Cohen, offered first: a new person
    await pilot.pause()
    form = app.screen
    assert isinstance(form, CardForm)
    form.query_one("#card-phone", Input).value = "214 555 0111"
    await pilot.pause()
    jordan = member_named(app.store, "Jordan Cohen")
    await pilot.click(f"#merge-{jordan.id}")
    await pilot.pause()
    assert isinstance(app.screen, CheckinScreen)
    merged = app.store.members.get(jordan.id or 0)
    assert merged.phone == "+12145553290" or merged.phone is not None
    assert all(m.full_name != "Jordon Cohen" for m in app.store.members.all())
    assert attendance_of(app, "Jordan Cohen").checked_in


async def test_no_show_and_left_are_marked_here(session: tuple[TableSessionApp, Pilot[None], list[str]]) -> None:
    app, pilot, _ = session
    await type_text(pilot, "hannah brown")
    await pilot.press("ctrl+y")
    await pilot.pause()
    assert attendance_of(app, "Hannah Brown").no_show
    assert status_text(app) == "Hannah Brown marked no-show."
    await pilot.press("ctrl+y")
    await pilot.pause()
    assert not attendance_of(app, "Hannah Brown").no_show
    await pilot.press("enter")
    await pilot.pause()
    await type_text(pilot, "hannah brown")
    await pilot.press("ctrl+l")
    await pilot.pause()
    assert attendance_of(app, "Hannah Brown").left_at is not None


async def test_import_dialog_previews_the_mapping_then_imports(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, topics = session
    before = app.store.members.count()
    await pilot.press("ctrl+o")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    dialog.query_one("#import-path", Input).value = str(FixtureFiles.MEETUP)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    report = str(dialog.query_one("#import-report", Static).render())
    assert "Columns of meetup-attendees.csv (Meetup attendee export):" in report
    assert "name     <- 'Name' (known column)" in report
    assert "meetup-attendees.csv: would add 3" in report
    assert app.store.members.count() == before  # a preview changes nothing
    assert not dialog.query_one("#import-go", Button).disabled
    await pilot.click("#import-go")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, CheckinScreen)
    assert app.store.members.count() == before + 3
    assert status_text(app).startswith("meetup-attendees.csv: added 3")
    assert "members" in topics


async def test_import_dialog_reports_a_bad_file(
    session: tuple[TableSessionApp, Pilot[None], list[str]], tmp_path
) -> None:  # type: ignore[no-untyped-def]
    app, pilot, _ = session
    bad = tmp_path / "list.xlsx"
    bad.write_bytes(b"PK\x03\x04")
    await pilot.press("ctrl+o")
    await pilot.pause()
    dialog = app.screen
    dialog.query_one("#import-path", Input).value = str(bad)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    report = dialog.query_one("#import-report", Static)
    assert "list.xlsx: this is a spreadsheet workbook" in str(report.render())
    assert report.has_class("-problem")
    assert dialog.query_one("#import-go", Button).disabled
