"""The check-in desk: nobody twice, undo, walk-ins, late arrivals, no-shows and leavers."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.checkin import (
    Status,
    add_walk_in,
    check_in,
    counts,
    mark_remaining_no_shows,
    seated_since,
    status_of,
    toggle_left,
    toggle_no_show,
    undo_check_in,
    walk_in_member,
)
from sessions.errors import TablesessionError
from sessions.models import Meeting, Member, Round, SeatingPlan, Table
from sessions.store import Store
from sessions.timekeeping import FakeClock


@pytest.fixture
def ana(store: Store, meeting: Meeting) -> int:
    member = store.members.add(Member(first_name="Ana", last_name="Silva"))
    assert member.id is not None
    assert meeting.id is not None
    store.attendance.register(meeting.id, member.id, source="eventbrite")
    return member.id


def test_check_in_once_and_only_once(store: Store, meeting: Meeting, clock: FakeClock, ana: int) -> None:
    first = check_in(store, meeting, ana, clock.now())
    assert not first.already
    assert first.attendance.checked_in_at == clock.now()
    assert status_of(first.attendance) is Status.CHECKED_IN
    clock.advance(60)
    again = check_in(store, meeting, ana, clock.now())
    assert again.already
    assert again.attendance.checked_in_at == first.attendance.checked_in_at


def test_undo_takes_a_check_in_back(store: Store, meeting: Meeting, clock: FakeClock, ana: int) -> None:
    check_in(store, meeting, ana, clock.now())
    attendance = undo_check_in(store, meeting, ana)
    assert not attendance.checked_in
    assert attendance.registered
    with pytest.raises(TablesessionError, match="Ana Silva is not checked in, so there is nothing to undo"):
        undo_check_in(store, meeting, ana)


def test_an_unregistered_member_who_comes_is_a_walk_in(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    member = store.members.add(Member(first_name="Omar"))
    result = check_in(store, meeting, member.id or 0, clock.now())
    assert result.attendance.walk_in
    assert status_of(result.attendance) is Status.WALK_IN


def test_walk_in_from_typed_text(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    assert walk_in_member("  mary ann de la cruz ").last_name == "de la cruz"
    by_email = walk_in_member("jordan.cohen@example.com")
    assert (by_email.first_name, by_email.last_name, by_email.email) == ("Jordan", "Cohen", "jordan.cohen@example.com")
    with pytest.raises(TablesessionError, match="type the walk-in's name first"):
        walk_in_member("   ")
    result = add_walk_in(store, meeting, walk_in_member("Cher"), clock.now())
    assert result.member.id is not None
    assert result.member.full_name == "Cher"
    assert result.attendance.walk_in
    assert result.attendance.checked_in_at == clock.now()


def test_arrivals_after_seating_are_late(store: Store, meeting: Meeting, clock: FakeClock, ana: int) -> None:
    other = store.members.add(Member(first_name="Tariq"))
    assert meeting.id is not None
    assert other.id is not None
    store.attendance.check_in(meeting.id, other.id, clock.now())
    clock.advance(60)
    store.seating.save(
        SeatingPlan(
            meeting_id=meeting.id,
            rounds=(Round(number=1, tables=(Table.of("1", [other.id]),)),),
            created_at=clock.now(),
        )
    )
    seated_at = seated_since(store, meeting)
    assert seated_at == clock.now()
    result = check_in(store, meeting, ana, seated_at + dt.timedelta(minutes=5))
    assert result.late
    assert status_of(result.attendance, seated_at) is Status.LATE
    assert counts(store.attendance.for_meeting(meeting.id), seated_at).late == 1


def test_no_shows_and_leavers(store: Store, meeting: Meeting, clock: FakeClock, ana: int) -> None:
    assert toggle_no_show(store, meeting, ana).no_show
    assert not toggle_no_show(store, meeting, ana).no_show
    with pytest.raises(TablesessionError, match="only someone checked in can leave"):
        toggle_left(store, meeting, ana, clock.now())
    check_in(store, meeting, ana, clock.now())
    with pytest.raises(TablesessionError, match="undo the check-in first"):
        toggle_no_show(store, meeting, ana)
    left = toggle_left(store, meeting, ana, clock.now())
    assert status_of(left) is Status.LEFT
    # Coming back through the door clears the leave.
    back = check_in(store, meeting, ana, clock.now())
    assert not back.already
    assert back.attendance.left_at is None


def test_no_show_marked_by_mistake_is_cleared_by_checking_in(
    store: Store, meeting: Meeting, clock: FakeClock, ana: int
) -> None:
    toggle_no_show(store, meeting, ana)
    result = check_in(store, meeting, ana, clock.now())
    assert result.attendance.checked_in
    assert not result.attendance.no_show


def test_mark_remaining_no_shows_and_counts(store: Store, meeting: Meeting, clock: FakeClock, ana: int) -> None:
    assert meeting.id is not None
    came = store.members.add(Member(first_name="Wen"))
    assert came.id is not None
    store.attendance.register(meeting.id, came.id)
    check_in(store, meeting, came.id, clock.now())
    add_walk_in(store, meeting, Member(first_name="Zoë"), clock.now())
    assert mark_remaining_no_shows(store, meeting) == 1
    totals = counts(store.attendance.for_meeting(meeting.id))
    assert (totals.registered, totals.checked_in, totals.walk_ins, totals.no_shows) == (2, 2, 1, 1)
    assert totals.line() == "2 checked in / 2 registered · 1 walk-in · 1 no-show"
