"""Meetings made and changed in the app: the first one on a new group file, then f9's new and edit."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from app.tui.app import create_app
from app.tui.screens.meeting_form import MeetingForm
from app.tui.screens.meeting_picker import MeetingPicker
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZE = (100, 34)


async def _type(pilot: object, field: str, text: str) -> None:
    app = pilot.app  # type: ignore[attr-defined]
    box = app.screen.query_one(f"#meeting-{field}", Input)
    box.value = text
    await pilot.pause()  # type: ignore[attr-defined]


def _problems(app: object) -> str:
    return str(app.screen.query_one("#meeting-form-problems").render())  # type: ignore[attr-defined]


async def test_a_new_group_file_opens_on_its_first_meeting_and_saves_it(store: Store, clock: FakeClock) -> None:
    assert store.meetings.all() == []
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingForm), "the first-meeting form")
        assert app.screen.query_one("#meeting-date", Input).value == clock.today().isoformat()
        await _type(pilot, "title", "Weekly networking")
        await _type(pilot, "turn_seconds", "4:x0")
        await _type(pilot, "table_min", "9")
        await pilot.press("ctrl+s")
        problems = _problems(app)
        assert "Pitch: '4:x0' is not a duration like 5:00" in problems
        assert store.meetings.all() == []  # nothing half-saved
        await _type(pilot, "turn_seconds", "4:30")
        await pilot.press("ctrl+s")
        assert "Smallest table (9) is larger than Largest table (8)" in _problems(app)
        await _type(pilot, "table_min", "5")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, MeetingForm), "the form to close")
        (saved,) = store.meetings.all()
        assert (saved.title, saved.turn_seconds, saved.table_min, saved.date) == (
            "Weekly networking",
            270,
            5,
            clock.today(),
        )
        assert app.meeting is not None
        assert app.meeting.id == saved.id
        assert "Weekly networking" in app.sub_title


async def test_f9_creates_next_weeks_meeting_and_edits_one(store: Store, clock: FakeClock, meeting: Meeting) -> None:
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingPicker), "the meeting picker")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingForm), "the new-meeting form")
        # A week after the latest meeting, with its title, tables and clock.
        assert app.screen.query_one("#meeting-date", Input).value == (meeting.date + dt.timedelta(days=7)).isoformat()
        assert app.screen.query_one("#meeting-title", Input).value == meeting.title
        await _type(pilot, "date", meeting.date.isoformat())
        await pilot.press("ctrl+s")
        assert f"there is already a meeting on {meeting.date.isoformat()}" in _problems(app)
        await _type(pilot, "date", "2026-12-01")
        await _type(pilot, "venue", "Library, room B")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.meeting is not None and app.meeting.venue == "Library, room B", "switch")
        assert len(store.meetings.all()) == 2
        # Edit the one being worked on: the app follows the change at once.
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingPicker), "the meeting picker")
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingForm), "the edit form")
        await _type(pilot, "title", "December kick-off")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "December kick-off" in app.sub_title, "the new title")
        assert store.meetings.on(dt.date(2026, 12, 1))[0].title == "December kick-off"
        assert store.meetings.get(meeting.id or 0).title == meeting.title  # the other one untouched
