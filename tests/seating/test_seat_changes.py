"""Seat changes made during the evening are recorded with the plan they changed, so they can be printed."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from sessions.models import Meeting, Member, SeatingPlan, SeatingSettings
from sessions.seating.service import arrive_late, leave, plan_meeting
from sessions.store import DiskIOError, SeatChange, SeatChangeKind, Store
from sessions.timekeeping import FakeClock

from .helpers import seats

DAY = dt.date(2026, 11, 24)


def _seated_meeting(store: Store, clock: FakeClock, count: int = 12) -> tuple[Meeting, list[int]]:
    """`count` people checked in and seated at three tables of four in two rounds (3 to 5 a table)."""
    ids = []
    for i in range(count):
        member = store.members.add(Member(first_name=f"Person{i}", last_name="Example", email=f"p{i}@example.com"))
        assert member.id is not None
        ids.append(member.id)
    meeting = store.meetings.add(Meeting(date=DAY))
    assert meeting.id is not None
    for m in ids[:-1]:
        store.attendance.check_in(meeting.id, m, clock.now())
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=2, min_size=3, max_size=5, tables=3))
    plan_meeting(store, meeting, None, clock)
    return meeting, ids


def _plan(store: Store, meeting: Meeting) -> SeatingPlan:
    plan = store.seating.load(meeting.id or 0)
    assert plan is not None
    return plan


def _expected(before: SeatingPlan, after: SeatingPlan) -> set[SeatChange]:
    """Every seat that differs between the plans, as a recorded change would name it."""
    old, new = seats(before), seats(after)
    return {
        SeatChange(round=r, member_id=m, from_table=old.get((r, m)), to_table=new.get((r, m)))
        for r, m in set(old) | set(new)
        if old.get((r, m)) != new.get((r, m))
    }


def test_a_leaver_and_everyone_moved_for_them_are_recorded_with_their_tables(store: Store, clock: FakeClock) -> None:
    meeting, _ = _seated_meeting(store, clock)
    assert meeting.id is not None
    table = _plan(store, meeting).rounds[0].tables[0]
    first, second = table.member_ids[-2:]
    recorded = []
    for leaver in (first, second):
        clock.advance(600)
        before = _plan(store, meeting)
        store.attendance.set_left(meeting.id, leaver, clock.now())
        change = leave(store, meeting, leaver, clock=clock)
        after = _plan(store, meeting)
        recorded.append((leaver, clock.now(), _expected(before, after), change.others_moved))
    events = store.seat_changes.for_meeting(meeting.id)
    assert [(e.kind, e.member_id, e.happened_at, set(e.changes)) for e in events] == [
        (SeatChangeKind.LEFT, leaver, when, expected) for leaver, when, expected, _ in recorded
    ]
    # The second leaver left their table too small: others moved, and each is named with both tables.
    assert recorded[1][3] > 0
    moved = [c for c in events[1].changes if c.moved]
    assert len(moved) == recorded[1][3]
    assert all(c.member_id not in (first, second) for c in moved)
    # The leaver's own seats: taken out of each round, to no table.
    assert {(c.round, c.to_table) for c in events[1].changes if c.member_id == second} == {(1, None), (2, None)}


def test_a_late_arrival_is_recorded_with_the_table_given_each_round(store: Store, clock: FakeClock) -> None:
    meeting, ids = _seated_meeting(store, clock)
    assert meeting.id is not None
    late = ids[-1]
    clock.advance(900)
    store.attendance.check_in(meeting.id, late, clock.now())
    before = _plan(store, meeting)
    change = arrive_late(store, meeting, late, clock=clock)
    after = _plan(store, meeting)
    (event,) = store.seat_changes.for_meeting(meeting.id)
    assert (event.kind, event.member_id, event.happened_at) == (SeatChangeKind.ARRIVED_LATE, late, clock.now())
    assert set(event.changes) == _expected(before, after)
    assert {(c.round, c.from_table, c.to_table) for c in event.changes} == {
        (r.number, None, r.table_of(late).label)  # type: ignore[union-attr]
        for r in after.rounds
    }
    assert len(event.changes) == len(change.moves) == 2
    # Nobody else moved, and nothing is recorded for someone already seated.
    arrive_late(store, meeting, late, clock=clock)
    assert len(store.seat_changes.for_meeting(meeting.id)) == 1


def test_a_failed_save_records_nothing_and_a_failed_record_saves_nothing(
    store: Store, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting, ids = _seated_meeting(store, clock)
    assert meeting.id is not None
    late = ids[-1]
    store.attendance.check_in(meeting.id, late, clock.now())
    before = _plan(store, meeting)

    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    with monkeypatch.context() as patch:
        patch.setattr(store.seating, "save", broken)
        with pytest.raises(DiskIOError):
            arrive_late(store, meeting, late, clock=clock)
    assert store.seat_changes.for_meeting(meeting.id) == []
    with monkeypatch.context() as patch:
        patch.setattr(store.seat_changes, "record", broken)
        with pytest.raises(DiskIOError):
            arrive_late(store, meeting, late, clock=clock)
    # The plan saved before the record failed was rolled back with it: the two never disagree.
    assert _plan(store, meeting) == before
    arrive_late(store, meeting, late, clock=clock)
    assert len(store.seat_changes.for_meeting(meeting.id)) == 1


def test_forgetting_someone_removes_their_seat_changes_and_keeps_the_others(store: Store, clock: FakeClock) -> None:
    from sessions.forget import forget_member

    meeting, _ = _seated_meeting(store, clock)
    assert meeting.id is not None
    table = _plan(store, meeting).rounds[0].tables[0]
    first, second = table.member_ids[-2:]
    for leaver in (first, second):
        store.attendance.set_left(meeting.id, leaver, clock.now())
        leave(store, meeting, leaver, clock=clock)
    events = store.seat_changes.for_meeting(meeting.id)
    moved = next(c.member_id for c in events[1].changes if c.moved)
    kept = [[c for c in e.changes if c.member_id not in (second, moved)] for e in events]

    forget_member(store, second)
    forget_member(store, moved)
    after = store.seat_changes.for_meeting(meeting.id)
    # Their seat changes are gone and the event about the forgotten leaver names nobody; the rest stay.
    assert [(e.kind, e.member_id) for e in after] == [(SeatChangeKind.LEFT, first), (SeatChangeKind.LEFT, None)]
    assert [list(e.changes) for e in after] == kept
    for table_name in ("seat_changes", "seat_change_events"):
        assert not store.db.scalar(f"SELECT count(*) FROM {table_name} WHERE member_id IN (?, ?)", (second, moved))


async def test_p_in_the_seating_area_prints_the_seat_changes_through_the_print_area(
    store: Store, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from textual.widgets import Static

    from app.tui.app import create_app
    from app.tui.screens.print_export import PrintExportScreen
    from app.tui.screens.seating import SeatingScreen
    from app.tui.widgets.print_panel import PrintPanel
    from printables.changes import clock_time
    from tests.printing.print_pdf_reading import page_texts
    from tests.waiting import wait_until

    opened: list[list[Path]] = []
    monkeypatch.setattr("app.tui.widgets.print_panel.open_paths", lambda paths: opened.append(list(paths)) or True)
    monkeypatch.setattr("app.tui.widgets.print_panel.default_output_folder", lambda store, meeting: tmp_path / "prints")
    meeting, _ = _seated_meeting(store, clock)
    assert meeting.id is not None
    first, second = _plan(store, meeting).rounds[0].tables[0].member_ids[-2:]
    clock.advance(45 * 60)
    for leaver in (first, second):  # marked as gone at the door while another area was shown
        store.attendance.set_left(meeting.id, leaver, clock.now())
    async with create_app(store, clock).run_test(size=(130, 40)) as pilot:
        app = pilot.app
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        await wait_until(pilot, lambda: len(store.seat_changes.for_meeting(meeting.id or 0)) == 2, "both recorded")
        effect = str(app.screen.query_one("#seating-effect", Static).render())
        assert "moved to keep tables full" in effect
        assert "p prints the list" in effect
        await pilot.press("p")
        await wait_until(pilot, lambda: isinstance(app.screen, PrintExportScreen), "the print area")
        panel = app.screen.query_one(PrintPanel)
        await wait_until(pilot, lambda: bool(panel.results) and not panel.busy, "the seat changes printed")
        (result,) = panel.results
        assert result.path == tmp_path / "prints" / "2026-11-24-changes-letter.pdf"
        log = str(panel.query_one("#print-log", Static).render())
        assert f"✓ Seat changes: {result.path.name}" in log
        assert f"Saved in {result.path.parent}" in log
        assert opened == [[result.path]]
    text = page_texts(result.path.read_bytes())[0]
    names = {m.id: m.full_name for m in store.members.all()}
    assert f"{clock_time(clock.now())} {names[first]} left" in text
    assert f"{clock_time(clock.now())} {names[second]} left" in text
    (event,) = [e for e in store.seat_changes.for_meeting(meeting.id) if e.member_id == second]
    for change in (c for c in event.changes if c.moved):
        assert f"{names[change.member_id]}: round {change.round}, table {change.from_table} -> " in text
