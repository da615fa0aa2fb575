"""Forgetting a member removes them everywhere; their seats stay empty so others' history still counts."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from sessions.errors import NotFoundError
from sessions.forget import AmbiguousMemberError, find_member, forget_member
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting


def test_forget_deletes_the_card_and_registrations_and_empties_the_seats(
    store: Store, run_meeting: RunMeeting, clock: FakeClock
) -> None:
    olga = run_meeting.members["Olga"]
    assert olga.id is not None
    meeting_id = run_meeting.meeting.id or 0
    summary = forget_member(store, olga.id)
    assert (summary.registrations, summary.seats) == (1, 2)

    with pytest.raises(NotFoundError):
        store.members.get(olga.id)
    assert olga.id not in {m.id for m, _ in store.attendance.roster(meeting_id)}
    assert store.db.scalar("SELECT count(*) FROM attendance WHERE member_id = ?", (olga.id,)) == 0
    assert store.db.scalar("SELECT count(*) FROM seats WHERE member_id = ?", (olga.id,)) == 0
    # The seats are still there, empty: seat numbers and tables keep their shape.
    assert store.db.scalar("SELECT count(*) FROM seats WHERE member_id IS NULL") == 2
    plan = store.seating.load(meeting_id)
    assert plan is not None
    assert all(olga.id not in r.member_ids for r in plan.rounds)
    assert [len(t.seats) for t in plan.rounds[0].tables] == [3, 3]


def test_pairs_between_other_people_still_count(store: Store, run_meeting: RunMeeting, clock: FakeClock) -> None:
    next_week = store.meetings.add(Meeting(date=clock.today() + dt.timedelta(days=7)))
    before = store.seating.pair_history(next_week)
    olga_id = run_meeting.members["Olga"].id or 0
    forget_member(store, olga_id)
    after = store.seating.pair_history(next_week)
    assert after == {pair: dates for pair, dates in before.items() if olga_id not in pair}
    renee, misaki = run_meeting.members["Renée"].id or 0, run_meeting.members["美咲"].id or 0
    assert after[(min(renee, misaki), max(renee, misaki))] == [clock.today(), clock.today()]
    assert not any(olga_id in pair for pair in after)


def test_forgotten_people_leave_every_later_export(store: Store, run_meeting: RunMeeting, clock: FakeClock) -> None:
    from sessions.exports import ExportScope, contacts_in_scope

    forget_member(store, run_meeting.members["Kwame"].id or 0)
    names = {c.card.full_name for c in contacts_in_scope(store, ExportScope(run_meeting.meeting))}
    assert "Kwame Mensah" not in names
    assert "Olga Dubois, Jr." in names


def test_members_are_found_by_id_email_or_exact_name(store: Store, run_meeting: RunMeeting) -> None:
    olga = run_meeting.members["Olga"]
    assert find_member(store, str(olga.id)).id == olga.id
    assert find_member(store, "olga.dubois@EXAMPLE.com").id == olga.id
    assert find_member(store, "  olga   DUBOIS, jr. ").id == olga.id
    with pytest.raises(NotFoundError, match="no member called 'Olga'"):
        find_member(store, "Olga")


def test_an_ambiguous_name_is_refused_with_the_candidates(store: Store) -> None:
    first, second = (
        store.members.add(Member(first_name="Sam", last_name="Lee", email=email, employers=[employer]))
        for email, employer in zip(("sam1@example.com", "sam2@example.com"), ("Dell", "Sabre"), strict=True)
    )
    with pytest.raises(AmbiguousMemberError) as raised:
        find_member(store, "Sam Lee")
    message = str(raised.value)
    assert message.startswith("2 members are called 'Sam Lee'")
    assert f"id {first.id} Sam Lee (sam1@example.com, Dell)" in message
    assert f"id {second.id} Sam Lee (sam2@example.com, Sabre)" in message
    assert store.members.count() == 2


def test_no_pair_mentions_an_empty_seat(store: Store, run_meeting: RunMeeting, clock: FakeClock) -> None:
    for member in itertools.islice(run_meeting.members.values(), 3):
        forget_member(store, member.id or 0)
    later = store.meetings.add(Meeting(date=clock.today() + dt.timedelta(days=7)))
    assert all(None not in pair for pair in store.seating.pair_history(later))
