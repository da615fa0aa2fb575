"""Who a whole-meeting export covers, read straight from the seating tables, matches the seating plan."""

from __future__ import annotations

from sessions.exports import ExportScope, contacts_in_scope
from sessions.exports.scope import as_contacts, people_in_scope
from sessions.forget import forget_member
from sessions.models import Member
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting


def from_the_plan(store: Store, scope: ExportScope) -> list[tuple[int, str, tuple[tuple[int, str], ...]]]:
    plan = store.seating.load(scope.meeting_id)
    return [
        (c.member_id, c.card.full_name, c.seats) for c in as_contacts(people_in_scope(store, scope, plan), plan, {})
    ]


def test_the_whole_meeting_reads_the_same_as_through_the_plan(
    store: Store, run_meeting: RunMeeting, clock: FakeClock
) -> None:
    meeting_id = run_meeting.meeting.id or 0
    # Someone checked in but never seated, and a forgotten member whose seats stay empty.
    late = store.members.add(Member(first_name="Late", last_name="Arrival"))
    store.attendance.check_in(meeting_id, late.id or 0, clock.now())
    forget_member(store, run_meeting.members["Kwame"].id or 0)
    scope = ExportScope(run_meeting.meeting)
    fast = [(c.member_id, c.card.full_name, c.seats) for c in contacts_in_scope(store, scope)]
    assert fast == from_the_plan(store, scope)
    names = [name for _id, name, _seats in fast]
    assert "Late Arrival" in names
    assert "Kwame Mensah" not in names
    olga = next(seats for _id, name, seats in fast if name.startswith("Olga"))
    assert olga == ((1, "1"), (2, "1"))
