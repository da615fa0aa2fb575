"""The door under pressure: no check-in without a visible match, walk-ins offered their likely match first."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from app.tui.app import TableSessionApp
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.walk_in_dialog import WalkInDialog
from app.tui.topics import Topic
from sessions.checkin import Status, status_of
from sessions.models import Member
from tests.printing.print_pdf_reading import page_texts
from tests.waiting import wait_until

from .test_checkin_screen import (
    attendance_of,
    member_named,
    registered,
    result_keys,
    session,
    status_text,
    type_text,
)

__all__ = ["registered", "session"]  # fixtures shared with the check-in screen tests


async def test_enter_with_an_empty_search_checks_in_nobody_and_says_why(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, topics = session
    meeting = app.meeting
    assert meeting is not None
    assert meeting.id is not None
    assert result_keys(app), "the people still expected are listed while nothing is typed"
    before = [a for a in app.store.attendance.for_meeting(meeting.id) if a.checked_in]
    await pilot.press("enter")
    await pilot.pause()
    after = [a for a in app.store.attendance.for_meeting(meeting.id) if a.checked_in]
    assert after == before
    assert "attendance" not in topics
    assert status_text(app) == "Type a name first: Enter checks in the highlighted match, never the top of the list."
    # Typed and matched, Enter still checks the highlighted person in.
    await type_text(pilot, "Ruth Kowalski")
    await pilot.press("enter")
    await pilot.pause()
    assert status_of(attendance_of(app, "Ruth Kowalski"), None) is Status.CHECKED_IN


async def test_a_walk_in_with_a_likely_match_on_screen_is_offered_the_match_first(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    meeting = app.meeting
    assert meeting is not None
    assert meeting.id is not None
    aisha = app.store.members.add(Member(first_name="Aisha", last_name="Johansson", email="aisha.j@example.com"))
    assert aisha.id is not None
    app.store.attendance.register(meeting.id, aisha.id, source="eventbrite", at=app.clock.now())
    app.changed(Topic.MEMBERS)
    members_before = app.store.members.count()
    await type_text(pilot, "Aisha Johanson")
    await wait_until(pilot, lambda: str(aisha.id) in result_keys(app)[:3], "Aisha Johansson on screen")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: isinstance(app.screen, WalkInDialog), "the likely match offered")
    options = app.screen.query_one(OptionList)
    assert options.highlighted == 0
    assert "Aisha Johansson" in str(options.get_option_at_index(0).prompt)
    await pilot.press("enter")  # the match, first and highlighted
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "back at the door")
    assert app.store.members.count() == members_before  # nobody new
    assert status_of(attendance_of(app, "Aisha Johansson"), None) is Status.CHECKED_IN


async def test_only_a_confirmed_new_person_becomes_a_member_and_stays_a_walk_in(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    members_before = app.store.members.count()
    await type_text(pilot, "Jordon Cohen")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: isinstance(app.screen, WalkInDialog), "the likely match offered")
    await pilot.press("escape")  # neither: nothing is added
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "back at the door")
    assert app.store.members.count() == members_before
    assert not attendance_of(app, "Jordan Cohen").checked_in
    await pilot.press("ctrl+n", "n")  # n: a new person, confirmed
    await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the new walk-in's card")
    await pilot.press("escape")
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "back at the door")
    assert app.store.members.count() == members_before + 1
    walk_in = member_named(app.store, "Jordon Cohen")
    assert status_of(attendance_of(app, "Jordon Cohen"), None) is Status.WALK_IN
    assert not attendance_of(app, "Jordan Cohen").checked_in
    await type_text(pilot, "Jordon Cohen")
    table = app.screen.query_one("#checkin-results", DataTable)
    assert str(table.get_cell(str(walk_in.id), "status")) == "walk-in"


async def test_a_walk_in_with_no_likely_match_goes_straight_to_the_card(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    await type_text(pilot, "Zoe Quinn")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the walk-in's card")
    assert status_of(attendance_of(app, "Zoe Quinn"), None) is Status.WALK_IN


async def test_one_key_prints_the_highlighted_walk_in_s_tent_card_and_badge(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    app, pilot, _ = session
    opened: list[list[Path]] = []
    folder = tmp_path / "prints"

    def viewer(paths: Sequence[Path]) -> bool:
        opened.append(list(paths))
        return True

    monkeypatch.setattr("app.tui.widgets.print_panel.default_output_folder", lambda store, meeting: folder)
    monkeypatch.setattr("app.tui.widgets.print_panel.open_paths", viewer)
    await type_text(pilot, "Zoe Quinn")
    await pilot.press("ctrl+n")
    await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the walk-in's card")
    await pilot.press("escape")
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "back at the door")
    await type_text(pilot, "Zoe Quinn")
    await pilot.press("ctrl+b")
    await wait_until(pilot, lambda: status_text(app).startswith("Printed Zoe Quinn's"), "the prints made")
    assert app.meeting is not None
    date = app.meeting.date.isoformat()
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [f"{date}-badges-zoe-quinn.pdf", f"{date}-tents-zoe-quinn.pdf"]
    for file in files:
        assert "Zoe" in " ".join(page_texts(file.read_bytes()))
    assert str(folder) in status_text(app)
    assert opened == [[folder / files[1].name, folder / files[0].name]]  # the tent card first, then the badge
