"""A whole meeting through the real app (Pilot) and the command line, then a restart that finds it all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input

from app.cli.main import main
from app.tui.app import TableSessionApp, create_app
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.clock import ClockScreen
from app.tui.screens.seating import SeatingScreen
from sessions.models import SeatingPlan
from sessions.pitchclock.state import Look, Phase
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.checkin.support import FixtureFiles
from tests.printing.print_pdf_reading import page_texts
from tests.waiting import wait_until

SIZE = (130, 40)
ARRIVING = 10  # checked in at the door through the app, typing each name
DOCUMENTS = ("tents", "badges", "cards", "sheets", "door", "companies", "calibrate")
EXPORTS = ("vcard", "google-csv", "outlook-csv", "csv", "json", "followup")


def cli(clock: FakeClock, db: Path, *args: str) -> str:
    assert main([*args, "--db", str(db)], clock=clock) == 0, args
    return ""


def present(db: Path) -> set[int]:
    with Store.opened(db, readonly=True) as store:
        meeting = store.meetings.all()[-1]
        return store.attendance.present_ids(meeting.id or 0)


async def check_in_by_typing(pilot: object, app: TableSessionApp, name: str) -> None:
    search = app.screen.query_one("#checkin-search", Input)
    search.value = ""
    await pilot.press(*name)  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: app.screen.query_one("#checkin-search", Input).value == name, name)  # type: ignore[arg-type]
    before = len(present(app.store.path))
    await pilot.press("enter")  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: len(present(app.store.path)) == before + 1, f"{name} checked in")  # type: ignore[arg-type]


async def test_a_whole_meeting_survives_a_restart(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "meeting.sqlite3"
    cli(clock, db, "demo", "--no-open")
    cli(clock, db, "import", str(FixtureFiles.EVENTBRITE))
    capsys.readouterr()

    store = Store.open(db)
    meeting = store.meetings.current(clock.today())
    assert meeting is not None
    assert meeting.id is not None
    roster = store.attendance.roster(meeting.id)
    # People with a name of their own, so typing it finds just them (the import brings a second Olga Dubois).
    name_count: dict[str, int] = {}
    for member in store.members.all():
        name_count[member.full_name.casefold()] = name_count.get(member.full_name.casefold(), 0) + 1
    waiting = [m for m, a in roster if not a.checked_in and name_count[m.full_name.casefold()] == 1]
    arriving, late, no_show = waiting[:ARRIVING], waiting[ARRIVING], waiting[ARRIVING + 1]
    already_in = len(store.attendance.present_ids(meeting.id))

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        # The door: check people in by typing their names, then a walk-in who skips the card form.
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        for member in arriving:
            await check_in_by_typing(pilot, app, member.full_name)
        await pilot.press(*"Nova Walker", "ctrl+n")
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the walk-in's card form")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the form to close")
        walk_in = store.members.all()
        assert any(m.full_name == "Nova Walker" for m in walk_in)
        assert len(store.attendance.present_ids(meeting.id)) == already_in + ARRIVING + 1

        # Seating: three rounds, generated in a worker.
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        seating = app.screen
        assert isinstance(seating, SeatingScreen)
        while seating.rounds_wanted < 3:
            await pilot.press("plus")
        await pilot.press("g")

        def plan_saved() -> bool:
            # The search stops at its time limit on the app's clock; a fake clock that stood still let it run
            # for about 20 s of real time, and the wait passed or failed with the machine's speed.
            clock.advance(0.25)
            return store.seating.load(meeting.id or 0) is not None

        await wait_until(pilot, plan_saved, "a saved plan")
        await app.workers.wait_for_complete()
        plan = store.seating.load(meeting.id)
        assert plan is not None
        assert len(plan.rounds) == 3
        assert all(r.member_ids == store.attendance.present_ids(meeting.id or 0) for r in plan.rounds)

        # A late arrival and a no-show, marked at the door, reach the plan.
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        await check_in_by_typing(pilot, app, late.full_name)
        search = app.screen.query_one("#checkin-search", Input)
        search.value = ""
        await pilot.press(*no_show.full_name)
        await wait_until(pilot, lambda: search.value == no_show.full_name, "the no-show's name")
        await pilot.press("ctrl+y")
        await wait_until(
            pilot, lambda: store.attendance.get(meeting.id or 0, no_show.id or 0).no_show, "the no-show marked"
        )
        await pilot.press("f4")
        await wait_until(
            pilot,
            lambda: all(late.id in r.member_ids for r in _plan(store, meeting.id or 0).rounds),
            "the late arrival seated in every round",
        )

        # The clock: round 1 runs; the first speaker goes yellow, then red; next speaker.
        await pilot.press("f5")
        await wait_until(pilot, lambda: isinstance(app.screen, ClockScreen), "the clock area")
        clock_screen = app.screen
        assert isinstance(clock_screen, ClockScreen)
        turns = max(len(t.seats) for t in _plan(store, meeting.id).rounds[0].tables)
        await pilot.press("space")
        await wait_until(pilot, lambda: _look(clock_screen) == Look.GREEN, "green")
        clock.advance(meeting.turn_seconds - meeting.warning_seconds + 1)
        await wait_until(pilot, lambda: _look(clock_screen) == Look.YELLOW, "yellow at the warning")
        clock.advance(meeting.warning_seconds)
        await wait_until(pilot, lambda: _look(clock_screen) == Look.RED, "red at time up")
        await pilot.press("n")
        await wait_until(pilot, lambda: _label(clock_screen).startswith(f"Speaker 2 of {turns}"), "the second speaker")
        clock.advance(meeting.changeover_seconds + 10)
        await wait_until(pilot, lambda: _phase(clock_screen) == Phase.SPEAKING, "speaker 2 speaking")
        shown_before_quit = _label(clock_screen)
        plan_at_quit = _plan(store, meeting.id)
        present_at_quit = store.attendance.present_ids(meeting.id)
        await pilot.press("ctrl+q")
    store.close()

    # Every printed document, read back: each PDF names the people it is for.
    with Store.opened(db, readonly=True) as reader:
        seated_id = next(iter(plan_at_quit.rounds[0].tables[0].member_ids))
        someone_seated = reader.members.get(seated_id).first_name
    someone_seated_id = str(seated_id)
    # The seated person asks for business cards of their own, as people do at the door.
    cli(clock, db, "card", someone_seated_id, "--business-cards")
    for kind in DOCUMENTS:
        pdf = tmp_path / f"{kind}.pdf"
        cli(clock, db, "print", kind, "-o", str(pdf))
        text = "".join(page_texts(pdf.read_bytes()))
        assert text.strip(), kind
        if kind in ("tents", "sheets", "door", "cards"):
            assert someone_seated in text, kind

    # After the meeting: every export, from the command line.
    for kind in EXPORTS:
        target = tmp_path / ("followup" if kind == "followup" else f"contacts-{kind}")
        cli(clock, db, "export", kind, "-o", str(target))
        assert target.exists()
    meeting_json = json.loads((tmp_path / "contacts-json").read_text(encoding="utf-8"))
    assert meeting_json

    # Restart: everything is where it was, the clock included (ten seconds later).
    clock.advance(10)
    with Store.opened(db) as again:
        assert again.attendance.present_ids(meeting.id) == present_at_quit
        assert again.attendance.get(meeting.id, no_show.id or 0).no_show
        assert _plan(again, meeting.id) == plan_at_quit
        async with create_app(again, clock).run_test(size=SIZE) as pilot:
            app = pilot.app
            await pilot.press("f5")
            await wait_until(pilot, lambda: isinstance(app.screen, ClockScreen), "the clock area")
            resumed = app.screen
            assert isinstance(resumed, ClockScreen)
            await wait_until(pilot, lambda: _label(resumed) == shown_before_quit, "the same speaker")
            assert _phase(resumed) == Phase.SPEAKING
            reading = resumed.reading
            assert reading is not None
            assert reading.remaining == pytest.approx(meeting.turn_seconds - 20, abs=1)


def _plan(store: Store, meeting_id: int) -> SeatingPlan:
    plan = store.seating.load(meeting_id)
    assert plan is not None
    return plan


def _look(screen: ClockScreen) -> Look | None:
    return screen.reading.look if screen.reading else None


def _phase(screen: ClockScreen) -> Phase | None:
    return screen.reading.phase if screen.reading else None


def _label(screen: ClockScreen) -> str:
    return screen.reading.label if screen.reading else ""


async def test_print_and_export_area_offers_both_tabs(store: Store, clock: FakeClock, people: list[object]) -> None:
    from textual.widgets import TabbedContent

    from app.tui.screens.print_export import PrintExportScreen
    from app.tui.widgets.export_panel import ExportPanel

    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f6")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintExportScreen), "the print & export area")
        tabs = app.screen.query_one(TabbedContent)
        tabs.active = "export-tab"
        await wait_until(pilot, lambda: app.screen.query_one(ExportPanel).display, "the export panel")
