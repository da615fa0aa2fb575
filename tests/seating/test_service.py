"""Planning a stored meeting: who is checked in, what earlier meetings left, and what is locked."""

from __future__ import annotations

import datetime as dt

from sessions.models import Meeting, Member
from sessions.seating.service import SeatingOptions, arrive_late, leave, plan_meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock


def _group(store: Store, count: int) -> list[int]:
    ids = []
    for i in range(count):
        member = store.members.add(Member(first_name=f"Person{i}", last_name="Example", email=f"p{i}@example.com"))
        assert member.id is not None
        ids.append(member.id)
    return ids


def _meeting(store: Store, day: dt.date, present: list[int], clock: FakeClock) -> Meeting:
    meeting = store.meetings.add(Meeting(date=day))
    assert meeting.id is not None
    for m in present:
        store.attendance.check_in(meeting.id, m, clock.now())
    return meeting


def test_the_plan_seats_who_is_checked_in_and_is_saved(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 50)
    meeting = _meeting(store, dt.date(2026, 11, 24), ids[:45], clock)
    result = plan_meeting(store, meeting, SeatingOptions(rounds=3, seed=7), clock)
    assert {m for r in result.plan.rounds for m in r.member_ids} == set(ids[:45])
    assert result.stats.repeat_pairs == 0
    assert store.seating.load(meeting.id or 0) == result.plan
    assert result.plan.created_at == clock.now()


def test_last_weeks_pairs_are_avoided_this_week(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 42)
    last = _meeting(store, dt.date(2026, 11, 17), ids, clock)
    plan_meeting(store, last, SeatingOptions(rounds=2, seed=1), clock)
    this = _meeting(store, dt.date(2026, 11, 24), ids, clock)
    result = plan_meeting(store, this, SeatingOptions(rounds=1, seed=2), clock)
    assert result.stats.history_repeat_pairs == 0


def test_regenerating_keeps_locked_rounds(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 42)
    meeting = _meeting(store, dt.date(2026, 11, 24), ids, clock)
    first = plan_meeting(store, meeting, SeatingOptions(rounds=3, seed=1), clock)
    store.seating.set_locked(meeting.id or 0, 1, True)
    again = plan_meeting(store, meeting, SeatingOptions(rounds=3, seed=99), clock)
    assert again.plan.rounds[0].tables == first.plan.rounds[0].tables
    assert again.plan.rounds[0].locked
    assert again.stats.repeat_pairs == 0


def test_late_arrivals_and_leavers_update_the_saved_plan(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 46)
    meeting = _meeting(store, dt.date(2026, 11, 24), ids[:45], clock)
    assert meeting.id is not None
    plan_meeting(store, meeting, SeatingOptions(rounds=2, seed=3), clock)
    store.attendance.check_in(meeting.id, ids[45], clock.now())
    arrived = arrive_late(store, meeting, ids[45])
    assert arrived.others_moved == 0
    saved = store.seating.load(meeting.id)
    assert saved is not None
    assert all(ids[45] in r.member_ids for r in saved.rounds)
    store.attendance.set_left(meeting.id, ids[0], clock.now())
    left = leave(store, meeting, ids[0])
    saved = store.seating.load(meeting.id)
    assert saved is not None
    assert all(ids[0] not in r.member_ids for r in saved.rounds)
    assert left.plan == saved
