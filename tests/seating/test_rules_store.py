"""Seating rules and settings as stored: scope, contradictions refused by name, forgetting and merging."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from sessions.errors import ConflictError, NotFoundError
from sessions.forget import forget_member
from sessions.models import Meeting, Member, RuleKind, SeatingRule, SeatingSettings, SubgroupMode
from sessions.store import Store
from sessions.store.merge import move_member_records
from tests.conftest import make_member

APART, TOGETHER = RuleKind.APART, RuleKind.TOGETHER


def _ids(members: list[Member]) -> list[int]:
    return [m.id or 0 for m in members]


@pytest.fixture
def crowd(store: Store) -> list[int]:
    names = ["Ada", "Bea", "Cy", "Dov", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo"]
    return _ids([store.members.add(make_member(n, "Example")) for n in names])


def _rule(kind: RuleKind, *members: int, meeting: int | None = None, note: str = "") -> SeatingRule:
    return SeatingRule(kind=kind, member_ids=members, meeting_id=meeting, note=note)


def test_rules_are_standing_or_for_one_meeting(store: Store, meeting: Meeting, crowd: list[int]) -> None:
    assert meeting.id is not None
    other = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=7)))
    assert other.id is not None
    a, b, c, d = crowd[:4]
    spouses = store.seating_rules.add(_rule(APART, b, a, note="married"))
    buddy = store.seating_rules.add(_rule(TOGETHER, c, d, meeting=meeting.id))
    assert spouses.member_ids == (a, b)  # in id order, whoever was named first
    assert spouses.standing
    assert not buddy.standing
    assert store.seating_rules.for_meeting(meeting.id) == [spouses, buddy]
    assert store.seating_rules.for_meeting(other.id) == [spouses]
    assert store.seating_rules.get(spouses.id or 0).note == "married"
    assert store.seating_rules.remove(buddy.id or 0) == buddy
    assert store.seating_rules.all() == [spouses]
    with pytest.raises(NotFoundError, match="no seating rule with id"):
        store.seating_rules.remove(buddy.id or 0)


@pytest.mark.parametrize(
    ("kind", "count", "message"),
    [
        (APART, 3, "keeping apart is for exactly 2 members, not 3"),
        (APART, 1, "exactly 2 members, not 1"),
        (TOGETHER, 1, "keeping together needs 2 to 20 members, not 1"),
    ],
)
def test_rule_sizes_are_checked(kind: RuleKind, count: int, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        _rule(kind, *range(1, count + 1))


def test_a_member_named_twice_is_refused() -> None:
    with pytest.raises(ValidationError, match="a member is named twice"):
        _rule(TOGETHER, 1, 1)


def test_unknown_members_and_meetings_are_refused(store: Store, crowd: list[int]) -> None:
    with pytest.raises(NotFoundError, match="no member with id 999"):
        store.seating_rules.add(_rule(APART, crowd[0], 999))
    with pytest.raises(NotFoundError, match="no meeting with id 42"):
        store.seating_rules.add(_rule(APART, crowd[0], crowd[1], meeting=42))
    assert store.seating_rules.all() == []


def test_a_pair_kept_both_apart_and_together_is_refused_naming_both(store: Store, crowd: list[int]) -> None:
    a, b = crowd[:2]
    apart = store.seating_rules.add(_rule(APART, a, b))
    with pytest.raises(ConflictError, match=rf"Ada Example and Bea Example are kept apart by rule {apart.id}"):
        store.seating_rules.add(_rule(TOGETHER, a, b))
    store.seating_rules.remove(apart.id or 0)
    together = store.seating_rules.add(_rule(TOGETHER, a, b))
    with pytest.raises(ConflictError, match=rf"Ada Example and Bea Example are kept together by rule {together.id}"):
        store.seating_rules.add(_rule(APART, b, a))
    assert store.seating_rules.all() == [together]


def test_a_contradiction_through_a_together_group_is_refused(store: Store, crowd: list[int]) -> None:
    a, b, c, d = crowd[:4]
    store.seating_rules.add(_rule(APART, a, b))
    store.seating_rules.add(_rule(TOGETHER, a, c))
    # c with b would put a and b at one table.
    with pytest.raises(ConflictError, match="Ada Example and Bea Example are kept apart by rule 1") as refused:
        store.seating_rules.add(_rule(TOGETHER, c, b))
    assert "with rule 2" in str(refused.value)
    # And the other way round: a chain of groups, then the pair.
    store.seating_rules.add(_rule(TOGETHER, c, d))
    with pytest.raises(ConflictError, match="Ada Example and Dov Example are kept together by rules 2, 3"):
        store.seating_rules.add(_rule(APART, d, a))
    assert len(store.seating_rules.all()) == 3


def test_repeated_rules_are_refused(store: Store, crowd: list[int]) -> None:
    a, b, c = crowd[:3]
    store.seating_rules.add(_rule(APART, a, b))
    with pytest.raises(ConflictError, match="already kept apart"):
        store.seating_rules.add(_rule(APART, b, a))
    store.seating_rules.add(_rule(TOGETHER, a, c))
    with pytest.raises(ConflictError, match="Ada Example and Cy Example are already kept together"):
        store.seating_rules.add(_rule(TOGETHER, c, a))


def test_a_group_larger_than_the_largest_table_is_refused(store: Store, crowd: list[int]) -> None:
    with pytest.raises(ConflictError, match=r"makes a group of 9, more than the largest table seats \(8\)"):
        store.seating_rules.add(_rule(TOGETHER, *crowd[:9]), largest_table=8)
    store.seating_rules.add(_rule(TOGETHER, *crowd[:5]), largest_table=8)
    # Joined through a shared member, two groups of 5 make 9.
    with pytest.raises(ConflictError, match=r"a group of 9 \(joined with rule 1\)"):
        store.seating_rules.add(_rule(TOGETHER, crowd[4], *crowd[5:9]), largest_table=8)


def test_one_off_rules_of_different_meetings_do_not_clash(store: Store, meeting: Meeting, crowd: list[int]) -> None:
    assert meeting.id is not None
    later = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=7)))
    a, b = crowd[:2]
    store.seating_rules.add(_rule(TOGETHER, a, b, meeting=meeting.id))
    store.seating_rules.add(_rule(APART, a, b, meeting=later.id))
    # A standing rule holds at every meeting, so it clashes with either one-off rule.
    with pytest.raises(ConflictError, match="kept together by rule 1"):
        store.seating_rules.add(_rule(APART, a, b))
    with pytest.raises(ConflictError, match="already kept apart"):
        store.seating_rules.add(_rule(APART, a, b, meeting=later.id))


def test_forgetting_a_member_takes_them_out_of_every_rule(store: Store, meeting: Meeting, crowd: list[int]) -> None:
    assert meeting.id is not None
    a, b, c, d = crowd[:4]
    pair = store.seating_rules.add(_rule(APART, a, b))
    trio = store.seating_rules.add(_rule(TOGETHER, a, c, d, meeting=meeting.id))
    duo = store.seating_rules.add(_rule(TOGETHER, a, c))  # standing: more than the trio's one meeting
    kept = store.seating_rules.add(_rule(APART, c, b))
    assert not {pair.id, trio.id, duo.id, kept.id} & {None}
    summary = forget_member(store, a)
    assert summary.rules == 3
    assert "taken out of 3 seating rules" in summary.lines()[0]
    left = {rule.id: rule.member_ids for rule in store.seating_rules.all()}
    # The pair and the duo are left with one member each and go; the trio keeps two.
    assert left == {trio.id: (c, d), kept.id: (b, c)}
    assert store.db.scalar("SELECT count(*) FROM seating_rule_members WHERE member_id = ?", (a,)) == 0


def test_merging_two_records_moves_their_rules(store: Store, meeting: Meeting, crowd: list[int]) -> None:
    later = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=7)))
    a, b, c, d = crowd[:4]
    store.seating_rules.add(_rule(APART, a, b))  # a and b: becomes a and c
    store.seating_rules.add(_rule(APART, b, c, meeting=meeting.id))  # the two records of one person: goes
    store.seating_rules.add(_rule(TOGETHER, b, c, d, meeting=later.id))  # names c once: c and d
    with store.transaction():
        move_member_records(store.db, b, c)
        store.members.delete(b)
    assert sorted(rule.member_ids for rule in store.seating_rules.all()) == [(a, c), (c, d)]


def test_settings_round_trip_and_carry_forward(store: Store, meeting: Meeting) -> None:
    assert meeting.id is not None
    settings = SeatingSettings(
        rounds=3, min_size=5, max_size=7, tables=4, mode=SubgroupMode.CLUSTER, apart_same_employer=True, time_limit=2.5
    )
    assert store.seating_settings.get(meeting.id) is None
    store.seating_settings.save(meeting.id, settings)
    assert store.seating_settings.get(meeting.id) == settings
    store.seating_settings.save(meeting.id, settings.model_copy(update={"rounds": 4}))
    assert store.seating_settings.get(meeting.id) == settings.model_copy(update={"rounds": 4})
    later = store.meetings.add(Meeting(date=meeting.date + dt.timedelta(days=7)))
    earlier = store.meetings.add(Meeting(date=meeting.date - dt.timedelta(days=7)))
    assert store.seating_settings.latest_before(later) == settings.model_copy(update={"rounds": 4})
    assert store.seating_settings.latest_before(earlier) is None


def test_settings_refuse_a_minimum_above_the_maximum() -> None:
    with pytest.raises(ValidationError, match=r"smallest table size \(9\) is larger than the largest \(6\)"):
        SeatingSettings(min_size=9, max_size=6)
