"""A meeting is seated by its stored settings and rules: when planning, when someone arrives late or
leaves, and when a move is scored. Rules about people who are not here are left out."""

from __future__ import annotations

import datetime as dt

import pytest

from sessions.errors import ConflictError
from sessions.models import (
    Meeting,
    Member,
    Round,
    RuleKind,
    SeatingPlan,
    SeatingRule,
    SeatingSettings,
    SubgroupMode,
    Table,
)
from sessions.seating import Constraints, Person, SeatingRequest, TablePolicy, solve
from sessions.seating.rules import add_rule, effective_options, rules_in_force, settings_for
from sessions.seating.service import SeatingOptions, arrive_late, leave, plan_meeting, seating_context
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .helpers import where

APART, TOGETHER = RuleKind.APART, RuleKind.TOGETHER


def _group(store: Store, count: int, **fields: object) -> list[int]:
    ids = []
    for i in range(count):
        card = Member(first_name=f"Person{i:02d}", last_name="Example", email=f"p{i}@example.com", **fields)
        member = store.members.add(card)
        assert member.id is not None
        ids.append(member.id)
    return ids


def _meeting(store: Store, day: dt.date, present: list[int], clock: FakeClock) -> Meeting:
    meeting = store.meetings.add(Meeting(date=day))
    assert meeting.id is not None
    for m in present:
        store.attendance.check_in(meeting.id, m, clock.now())
    return meeting


DAY = dt.date(2026, 11, 24)


def test_options_combine_settings_standing_and_this_meetings_rules(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 12)
    meeting = _meeting(store, DAY, ids[:10], clock)
    other = store.meetings.add(Meeting(date=DAY + dt.timedelta(days=7)))
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=3, mode=SubgroupMode.CLUSTER, time_limit=1.5))
    store.seating_rules.add(SeatingRule(kind=APART, member_ids=(ids[0], ids[1])))
    store.seating_rules.add(SeatingRule(kind=TOGETHER, member_ids=(ids[2], ids[3], ids[11]), meeting_id=meeting.id))
    store.seating_rules.add(SeatingRule(kind=APART, member_ids=(ids[4], ids[10])))  # ids[10] is not here
    store.seating_rules.add(SeatingRule(kind=TOGETHER, member_ids=(ids[5], ids[6]), meeting_id=other.id))
    options = effective_options(store, meeting, seed=4)
    assert options.rounds == 3
    assert options.mode is SubgroupMode.CLUSTER
    assert options.time_limit == 1.5
    assert options.seed == 4
    assert options.keep_apart == ((ids[0], ids[1]),)
    # The trio holds among the two who came; the other meeting's rule is not this meeting's.
    assert options.keep_together == ((ids[2], ids[3]),)
    assert [r.member_ids for r in rules_in_force(store, meeting)] == [(ids[0], ids[1]), (ids[2], ids[3], ids[11])]
    context = seating_context(store, meeting)
    assert context.constraints.keep_apart == options.keep_apart
    assert context.constraints.keep_together == options.keep_together


def test_settings_carry_habits_forward_but_not_the_room(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 4)
    last = _meeting(store, DAY - dt.timedelta(days=7), ids, clock)
    assert last.id is not None
    store.seating_settings.save(
        last.id, SeatingSettings(rounds=3, min_size=4, max_size=5, tables=2, apart_same_employer=True)
    )
    this = _meeting(store, DAY, ids, clock)
    assert settings_for(store, this) == SeatingSettings(rounds=3, apart_same_employer=True)
    # A plan made before settings were saved tells how many rounds the meeting has.
    assert this.id is not None
    plan = SeatingPlan(meeting_id=this.id, rounds=tuple(Round(number=n, tables=(Table.of("1", ids),)) for n in (1, 2)))
    store.seating.save(plan)
    assert settings_for(store, this).rounds == 2
    store.seating_settings.save(this.id, SeatingSettings(rounds=1))
    assert settings_for(store, this) == SeatingSettings(rounds=1)


def test_a_stored_plan_keeps_the_together_pair_together_and_the_apart_pair_apart(
    store: Store, clock: FakeClock
) -> None:
    ids = _group(store, 30)
    meeting = _meeting(store, DAY, ids, clock)
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=4, time_limit=1))
    buddy = add_rule(store, meeting, TOGETHER, [ids[3], ids[17]], standing=False, note="newcomer and buddy")
    spouses = add_rule(store, meeting, APART, [ids[5], ids[9]], standing=True)
    result = plan_meeting(store, meeting, None, clock)
    assert len(result.plan.rounds) == 4
    for round_ in result.plan.rounds:
        seated = where(round_)
        assert seated[ids[3]] == seated[ids[17]], f"round {round_.number} split {buddy.member_ids}"
        assert seated[ids[5]] != seated[ids[9]], f"round {round_.number} sat {spouses.member_ids} together"
    assert result.stats.apart_violations == 0
    assert result.stats.together_violations == 0


def _history_meeting(store: Store, day: dt.date, late: int, met: list[int]) -> None:
    """An earlier meeting at which `late` shared a table with each of `met`."""
    past = store.meetings.add(Meeting(date=day))
    assert past.id is not None
    store.seating.save(
        SeatingPlan(meeting_id=past.id, rounds=(Round(number=1, tables=(Table.of("1", [late, *met]),)),))
    )


def test_a_late_arrival_is_not_seated_with_someone_they_are_kept_apart_from(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 15)
    late, rival, room = ids[0], ids[1], ids[1:13]  # two tables of 6 in each round
    # The late arrival has met everyone but the rival, so a table with the rival is otherwise the best.
    _history_meeting(store, DAY - dt.timedelta(days=7), late, ids[2:15])
    meeting = _meeting(store, DAY, room, clock)
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=2, min_size=6, max_size=8, time_limit=1))
    plan_meeting(store, meeting, SeatingOptions(rounds=2, min_size=6, max_size=8, seed=1), clock)
    store.attendance.check_in(meeting.id, late, clock.now())

    without_rule = arrive_late(store, meeting, late)
    assert all(where(r)[late] == where(r)[rival] for r in without_rule.plan.rounds)
    store.seating.save(without_rule.plan.model_copy(update={"rounds": _without(without_rule.plan, late)}))

    add_rule(store, meeting, APART, [late, rival], standing=True, note="ex-colleagues")
    change = arrive_late(store, meeting, late)
    assert change.others_moved == 0
    saved = store.seating.load(meeting.id)
    assert saved is not None
    for round_ in saved.rounds:
        seated = where(round_)
        assert late in seated
        assert seated[late] != seated[rival], f"round {round_.number}"


def test_a_late_arrival_who_can_only_sit_with_a_rival_is_flagged(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 14)
    late, rival, buddy = ids[0], ids[1], ids[13]
    meeting = _meeting(store, DAY, ids[1:], clock)
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=1, min_size=6, max_size=7))
    # Table 1 is full; the only free seat is at the rival's table, away from the buddy.
    full, with_room = ids[7:14], [rival, *ids[2:7]]
    plan = SeatingPlan(
        meeting_id=meeting.id, rounds=(Round(number=1, tables=(Table.of("1", full), Table.of("2", with_room))),)
    )
    store.seating.save(plan)
    add_rule(store, meeting, APART, [late, rival], standing=True)
    add_rule(store, meeting, TOGETHER, [late, buddy], standing=False)
    store.attendance.check_in(meeting.id, late, clock.now())
    change = arrive_late(store, meeting, late)
    assert where(change.plan.rounds[0])[late] == "2"
    assert change.warnings == (
        "round 1: Person00 Example shares table 2 with Person01 Example, whom they are kept apart from "
        "(no other table had room): swap someone",
        "round 1: Person00 Example is not at Person13 Example's table, though they are kept together "
        "(that table is full): swap someone",
    )


def _without(plan: SeatingPlan, member: int) -> tuple[Round, ...]:
    return tuple(
        r.model_copy(
            update={"tables": tuple(Table.of(t.label, [m for m in t.member_ids if m != member]) for t in r.tables)}
        )
        for r in plan.rounds
    )


def test_a_leaver_is_taken_out_by_the_stored_table_sizes(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 12)
    meeting = _meeting(store, DAY, ids, clock)
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=1, min_size=3, max_size=5, tables=3))
    planned = plan_meeting(store, meeting, None, clock)
    table = planned.plan.rounds[0].tables[0]
    assert [len(t.seats) for t in planned.plan.rounds[0].tables] == [4, 4, 4]
    first, second = table.member_ids[-2:]
    store.attendance.set_left(meeting.id, first, clock.now())
    # Three left at the table is the stored minimum (the meeting's own is 6): nobody else moves.
    assert leave(store, meeting, first).others_moved == 0
    store.attendance.set_left(meeting.id, second, clock.now())
    # Two is below it: the table is refilled or its people join the others.
    assert leave(store, meeting, second).others_moved > 0
    saved = store.seating.load(meeting.id)
    assert saved is not None
    assert all(len(t.seats) >= 3 for t in saved.rounds[0].tables)


def test_a_rule_is_checked_against_the_meetings_largest_table(store: Store, clock: FakeClock) -> None:
    ids = _group(store, 8)
    meeting = _meeting(store, DAY, ids, clock)
    assert meeting.id is not None
    store.seating_settings.save(meeting.id, SeatingSettings(min_size=3, max_size=4))
    with pytest.raises(ConflictError, match=r"a group of 5, more than the largest table seats \(4\)"):
        add_rule(store, meeting, TOGETHER, ids[:5], standing=False)
    assert store.seating_rules.all() == []


def test_an_explicit_together_rule_outranks_keeping_colleagues_apart() -> None:
    people = [Person(member_id=i, employer="Sabre" if i < 4 else f"Company {i}") for i in range(1, 19)]
    request = SeatingRequest(
        meeting_id=1,
        people=people,
        rounds=3,
        policy=TablePolicy(min_size=6, max_size=6),
        constraints=Constraints(apart_same_employer=True, keep_together=((1, 2),)),
        seed=2,
        time_limit=1,
    )
    result = solve(request)
    assert not result.warnings
    for round_ in result.plan.rounds:
        seated = where(round_)
        assert seated[1] == seated[2]
        assert seated[3] != seated[1]  # the third colleague is still kept apart from both
