"""Likely duplicates are found; merging keeps one member, fills its blanks, and moves attendance and seats."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.errors import TablesessionError
from sessions.models import Meeting, Member, Round, SeatingPlan, Table, Tag
from sessions.roster.duplicates import DuplicateFinder
from sessions.roster.merge import merge_members
from sessions.store import Store
from sessions.timekeeping import FakeClock


def add(store: Store, **fields: object) -> Member:
    return store.members.add(Member.model_validate(fields))


def test_duplicates_by_detail_and_by_similar_name(store: Store) -> None:
    jordan = add(store, first_name="Jordan", last_name="Cohen", email="jordan@example.com", phone="+12145550001")
    typo = add(store, first_name="Jordon", last_name="Cohen")
    same_phone = add(store, first_name="J.", last_name="C.", phone="+12145550001")
    other = add(store, first_name="Jordan", last_name="Lindqvist")
    finder = DuplicateFinder(store.members.all())
    found = {d.member_id: d.reason for d in finder.find(jordan)}
    assert found == {typo.id: "similar name", same_phone.id: "same phone"}
    assert other.id not in found
    assert finder.find(other) == []


def test_merge_fills_blanks_and_moves_attendance_and_seats(store: Store, clock: FakeClock) -> None:
    past = store.meetings.add(Meeting(date=dt.date(2026, 11, 17)))
    tonight = store.meetings.add(Meeting(date=dt.date(2026, 11, 24)))
    assert past.id is not None
    assert tonight.id is not None
    keep = add(store, first_name="Jordan", last_name="Cohen", employers=["Sabre"], tags=[Tag.HOST], notes="regular")
    walk_in = add(
        store,
        first_name="Jordon",
        last_name="Cohen",
        email="jordan@example.com",
        employers=["Dell"],
        headline="Analyst",
        notes="came with Mei",
    )
    neighbour = add(store, first_name="Mei", last_name="Brown")
    assert keep.id
    assert walk_in.id
    assert neighbour.id
    # Last week the walk-in record sat with Mei; tonight the kept record registered and the walk-in checked in.
    store.attendance.register(past.id, walk_in.id, source="meetup")
    store.attendance.check_in(past.id, walk_in.id, clock.now() - dt.timedelta(days=7))
    store.seating.save(
        SeatingPlan(meeting_id=past.id, rounds=(Round(number=1, tables=(Table.of("1", [walk_in.id, neighbour.id]),)),))
    )
    store.attendance.register(tonight.id, keep.id, source="eventbrite")
    store.attendance.check_in(tonight.id, walk_in.id, clock.now(), walk_in=True)

    merged = merge_members(store, keep.id, walk_in.id)

    assert merged.id == keep.id
    assert merged.full_name == "Jordan Cohen"
    assert merged.email == "jordan@example.com"  # taken over from the absorbed record
    assert merged.headline == "Analyst"
    assert merged.employers == ["Sabre", "Dell"]
    assert merged.tags == frozenset({Tag.HOST})
    assert merged.notes == "regular\ncame with Mei"
    assert store.members.count() == 2
    with pytest.raises(TablesessionError):
        store.members.get(walk_in.id)
    tonight_record = store.attendance.get(tonight.id, keep.id)
    assert tonight_record.registered
    assert tonight_record.checked_in_at == clock.now()
    assert not tonight_record.walk_in  # registered under one of the two records
    assert tonight_record.source == "eventbrite"
    assert store.attendance.get(past.id, keep.id).checked_in
    plan = store.seating.load(past.id)
    assert plan is not None
    assert plan.rounds[0].tables[0].member_ids == (keep.id, neighbour.id)


def test_two_records_seated_in_one_round_keep_one_seat(store: Store) -> None:
    meeting = store.meetings.add(Meeting(date=dt.date(2026, 11, 24)))
    a = add(store, first_name="Ana", last_name="Silva")
    b = add(store, first_name="Anna", last_name="Silva")
    c = add(store, first_name="Tariq", last_name="Walsh")
    assert meeting.id
    assert a.id
    assert b.id
    assert c.id
    store.seating.save(
        SeatingPlan(
            meeting_id=meeting.id,
            rounds=(Round(number=1, tables=(Table.of("1", [a.id, c.id]), Table.of("2", [b.id]))),),
        )
    )
    merge_members(store, a.id, b.id)
    plan = store.seating.load(meeting.id)
    assert plan is not None
    assert plan.rounds[0].member_ids == {a.id, c.id}


def test_merge_from_the_card_form_uses_the_edited_card(store: Store) -> None:
    keep = add(store, first_name="Jordan", last_name="Cohen", email="jordan@example.com")
    walk_in = add(store, first_name="Jordon", last_name="Cohen")
    assert keep.id
    assert walk_in.id
    edited = walk_in.model_copy(update={"phone": "+12145550100", "email": "jordan@example.com"})
    merged = merge_members(store, keep.id, walk_in.id, absorb_as=edited)
    assert merged.phone == "+12145550100"
    assert merged.email == "jordan@example.com"


def test_merging_into_oneself_is_refused(store: Store) -> None:
    member = add(store, first_name="Ana")
    with pytest.raises(TablesessionError, match="cannot merge a member with themselves"):
        merge_members(store, member.id or 0, member.id or 0)


def test_merge_shares_only_what_both_records_allow(store: Store) -> None:
    registered = add(
        store, first_name="Ana", last_name="Ruiz", email="ana@example.com", sharing={"email": True, "linkedin": True}
    )
    at_the_door = add(
        store, first_name="Ana", last_name="Ruiz", phone="+12145550002", sharing={"email": True, "linkedin": False}
    )
    assert registered.id
    assert at_the_door.id
    merged = merge_members(store, registered.id, at_the_door.id)
    # Email was shared on both records; LinkedIn was declined at the door; phone was never offered.
    assert merged.sharing.email is True
    assert merged.sharing.linkedin is False
    assert merged.sharing.phone is False
    assert merged.phone == "+12145550002"
    assert store.members.get(registered.id).sharing == merged.sharing
