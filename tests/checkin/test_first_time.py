"""'First time here' comes from attendance: the newcomer mark expires once someone has come."""

from __future__ import annotations

import datetime as dt

from sessions.checkin.first_time import as_at_meeting, first_timers
from sessions.models import Meeting, Member, Tag
from sessions.seating.service import present_people
from sessions.store import Store
from sessions.timekeeping import FakeClock


def _member(store: Store, name: str, *, newcomer: bool = False) -> Member:
    tags = frozenset({Tag.NEWCOMER}) if newcomer else frozenset()
    return store.members.add(Member(first_name=name, last_name="Example", tags=tags))


def _meeting(store: Store, day: int) -> Meeting:
    return store.meetings.add(Meeting(date=dt.date(2026, 11, day), title="Weekly"))


def test_attendance_decides_once_the_file_has_a_past(store: Store, clock: FakeClock) -> None:
    came_tagged = _member(store, "Ana", newcomer=True)  # the form said first time; she came last week
    came = _member(store, "Bo")
    first = _member(store, "Cy")  # never tagged, never here before
    registered_only = _member(store, "Di")  # registered last week but did not come
    last_week, tonight = _meeting(store, 17), _meeting(store, 24)
    assert last_week.id is not None
    assert tonight.id is not None
    for member in (came_tagged, came):
        assert member.id is not None
        store.attendance.check_in(last_week.id, member.id, clock.now())
    assert registered_only.id is not None
    store.attendance.register(last_week.id, registered_only.id)
    people = [came_tagged, came, first, registered_only]
    for member in people:
        assert member.id is not None
        store.attendance.check_in(tonight.id, member.id, clock.now())
    assert first_timers(store, tonight, people) == {first.id, registered_only.id}
    # Last week, nobody had come before it: the form's answer is all there is.
    assert first_timers(store, last_week, [came_tagged, came]) == {came_tagged.id}
    seen = as_at_meeting(store, tonight, {m.id: m for m in people if m.id is not None})
    assert {m.id for m in seen.values() if m.has_tag(Tag.NEWCOMER)} == {first.id, registered_only.id}
    seated = {person.member_id: person for person in present_people(store, tonight)}
    assert {m for m, person in seated.items() if Tag.NEWCOMER in person.tags} == {first.id, registered_only.id}
    assert store.members.get(came_tagged.id).has_tag(Tag.NEWCOMER)  # type: ignore[arg-type]  # stored card unchanged


def test_a_second_meeting_on_the_same_date_counts_the_first(store: Store, clock: FakeClock) -> None:
    member = _member(store, "Eve")
    morning, evening = _meeting(store, 24), _meeting(store, 24)
    assert member.id is not None
    assert morning.id is not None
    assert evening.id is not None
    store.attendance.check_in(morning.id, member.id, clock.now())
    store.attendance.check_in(evening.id, member.id, clock.now())
    assert first_timers(store, evening, [member]) == set()
    assert first_timers(store, morning, [member]) == set()  # no past yet, and no tag
