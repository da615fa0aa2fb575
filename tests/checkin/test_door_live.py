"""The door under pressure: no check-in without a visible match, walk-ins offered their likely match first."""

from __future__ import annotations

from textual.pilot import Pilot

from app.tui.app import TableSessionApp
from sessions.checkin import Status, status_of

from .test_checkin_screen import attendance_of, registered, result_keys, session, status_text, type_text

__all__ = ["registered", "session"]  # fixtures shared with the check-in screen tests


async def test_enter_with_an_empty_search_checks_in_nobody_and_says_why(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, topics = session
    meeting = app.meeting
    assert meeting is not None and meeting.id is not None
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
