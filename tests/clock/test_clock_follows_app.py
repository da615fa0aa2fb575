"""The projector shows the meeting the app runs, says which, and names who speaks (issue #14)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.cli.main import main
from app.tui.app import create_app
from app.tui.projector_app import ProjectorApp
from app.tui.screens.clock import ClockScreen
from app.tui.screens.meeting_picker import MeetingPicker
from app.tui.widgets.clock_face import ClockFace, FaceText
from sessions.models import Meeting
from sessions.pitchclock import ClockJournal, ClockSettings, TurnSchedule
from sessions.store import Store
from sessions.store.clock_focus import ClockFocus
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .support import seat_room

NEXT_WEEK = dt.date(2026, 12, 1)


def face(screen: ClockScreen | ProjectorApp) -> FaceText:
    root = screen.projector if isinstance(screen, ProjectorApp) else screen
    shown = root.query_one(ClockFace).shown
    assert shown is not None
    return shown


async def test_the_projector_follows_the_meeting_the_app_switches_to(
    db_path: Path,
    store: Store,
    clock: FakeClock,
    meeting: Meeting,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    next_week = store.meetings.add(Meeting(date=NEXT_WEEK, title="Next week's networking"))
    assert next_week.id is not None
    assert meeting.id is not None
    plan = seat_room(store, next_week, sizes=(8, 7), rounds=1)
    first_seats = [table.member_ids[0] for table in plan.rounds[0].tables]
    speakers = [store.members.get(member_id).full_name for member_id in first_seats]

    app = create_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f9")
        await wait_until(pilot, lambda: isinstance(app.screen, MeetingPicker), "the meeting picker")
        await pilot.press("up", "enter")  # next week's, listed above today's
        await wait_until(pilot, lambda: app.meeting is not None and app.meeting.id == next_week.id, "next week")
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, ClockScreen), "the clock area")
        clock_screen = app.screen
        assert isinstance(clock_screen, ClockScreen)
        await pilot.press("space")
        # The app's clock names who speaks at each table.
        await wait_until(pilot, lambda: speakers[0] in face(clock_screen).names, "names on the app's clock")
        assert face(clock_screen).names == f"Table 1: {speakers[0]} · Table 2: {speakers[1]}"
    assert ClockFocus(store.db).meeting_id() == next_week.id

    # `tablesession clock --follow` with no --meeting opens on the app's meeting, not today's.
    opened: list[ProjectorApp] = []
    monkeypatch.setattr(ProjectorApp, "run", lambda self, **_: opened.append(self))
    assert main(["--db", str(db_path), "clock", "--follow"], clock=clock) == 0
    (projector,) = opened
    assert projector.projector.meeting.id == next_week.id

    with Store.opened(db_path, readonly=True) as viewer:
        follower = ProjectorApp(viewer, meeting, clock, follow_app=True)  # opened on today's, follows the app
        async with follower.run_test(size=(100, 30)) as pilot:
            await wait_until(pilot, lambda: "Next week's networking" in face(follower).schedule, "next week shown")
            assert face(follower).schedule.startswith("Tue 01 Dec 2026 - Next week's networking · Round 1 of 1")
            assert face(follower).names == f"Table 1: {speakers[0]} · Table 2: {speakers[1]}"
            assert face(follower).headline == "SPEAKING"

            ClockFocus(store.db).set(meeting.id)  # the app goes back to today's meeting (f9)
            await wait_until(pilot, lambda: "Weekly networking" in face(follower).schedule, "today's shown")
            assert face(follower).headline == "READY"
            assert face(follower).names == ""  # no seating for today's yet


async def test_a_projector_given_a_meeting_stays_on_it(
    db_path: Path, store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    next_week = store.meetings.add(Meeting(date=NEXT_WEEK, title="Next week's networking"))
    ClockFocus(store.db).set(next_week.id)
    assert meeting.id is not None
    pitch, _ = ClockJournal(store.clock_log, meeting.id, 1).open_clock(ClockSettings(), TurnSchedule((8,)), clock)
    with Store.opened(db_path, readonly=True) as viewer:
        projector = ProjectorApp(viewer, meeting, clock)  # `clock --follow --meeting 2026-11-24`
        async with projector.run_test(size=(100, 30)) as pilot:
            pitch.start()
            await wait_until(pilot, lambda: face(projector).headline == "SPEAKING", "the start followed")
            assert face(projector).schedule.startswith("Tue 24 Nov 2026 - Weekly networking")


async def test_the_apps_clock_names_the_speakers_of_a_plan_made_elsewhere(
    db_path: Path, store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    app = create_app(store, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, ClockScreen), "the clock area")
        clock_screen = app.screen
        assert isinstance(clock_screen, ClockScreen)
        assert face(clock_screen).names == ""  # no seating yet
        with Store.opened(db_path) as cli:  # `tablesession seat` while the clock area is open
            plan = seat_room(cli, cli.meetings.get(meeting.id or 0), sizes=(6, 6), rounds=1)
            first = [cli.members.get(table.member_ids[0]).full_name for table in plan.rounds[0].tables]
        await wait_until(
            pilot, lambda: face(clock_screen).names == f"Table 1: {first[0]} · Table 2: {first[1]}", "names"
        )
        assert face(clock_screen).schedule.startswith("Round 1 of 1")
