"""Taking someone off a meeting's registrations: only while they have not come, and nothing else changes."""

from __future__ import annotations

import datetime as dt

from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock


def test_unregister_removes_a_registration_but_keeps_the_member(
    store: Store, meeting: Meeting, people: list[Member]
) -> None:
    assert meeting.id is not None
    olga = people[0]
    assert olga.id is not None
    other = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=7), title="Next week"))
    assert other.id is not None
    store.attendance.register(other.id, olga.id, source="test")

    assert store.attendance.unregister(meeting.id, olga.id) is True

    assert store.attendance.find(meeting.id, olga.id) is None
    assert olga.id not in {member.id for member, _ in store.attendance.roster(meeting.id)}
    assert store.members.get(olga.id) == olga  # the member and their card stay in the group
    assert store.attendance.find(other.id, olga.id) is not None  # other meetings are not touched
    assert len(store.attendance.for_meeting(meeting.id)) == len(people) - 1


def test_unregister_keeps_someone_who_checked_in(
    store: Store, meeting: Meeting, people: list[Member], clock: FakeClock
) -> None:
    assert meeting.id is not None
    jordan = people[1]
    assert jordan.id is not None
    arrived = store.attendance.check_in(meeting.id, jordan.id, clock.now())

    assert store.attendance.unregister(meeting.id, jordan.id) is False

    assert store.attendance.get(meeting.id, jordan.id) == arrived


def test_unregister_clears_a_no_show_and_ignores_someone_never_registered(
    store: Store, meeting: Meeting, people: list[Member]
) -> None:
    assert meeting.id is not None
    mei = people[2]
    assert mei.id is not None
    store.attendance.set_no_show(meeting.id, mei.id)
    stranger = store.members.add(Member(first_name="Noor", last_name="Haddad", email="noor.haddad@example.com"))
    assert stranger.id is not None

    assert store.attendance.unregister(meeting.id, mei.id) is True
    assert store.attendance.unregister(meeting.id, stranger.id) is False

    assert store.attendance.find(meeting.id, mei.id) is None
    assert not any(a.no_show for a in store.attendance.for_meeting(meeting.id))
