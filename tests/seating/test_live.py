"""Changes during a meeting touch as few seats as possible and never a locked round."""

from __future__ import annotations

import pytest

from sessions.errors import ConflictError
from sessions.models import Tag
from sessions.seating import (
    ManualChange,
    Person,
    PhysicalTable,
    SeatingContext,
    SeatingRequest,
    TablePolicy,
    apply_change,
    remove_member,
    score_change,
    seat_late_arrival,
    solve,
)

from .helpers import changed_seats, people, where


def _plan(count: int, rounds: int = 3, policy: TablePolicy | None = None):  # type: ignore[no-untyped-def]
    request = SeatingRequest(meeting_id=1, people=people(count), rounds=rounds, policy=policy or TablePolicy())
    return solve(request).plan


def test_a_late_arrival_takes_a_free_seat_in_every_round_and_nobody_else_moves() -> None:
    plan = _plan(45)  # 7 tables of 6-7: four have room
    context = SeatingContext(people=people(46))
    change = seat_late_arrival(plan, context, 46)
    assert change.others_moved == 0
    assert changed_seats(plan, change.plan, ignore=[46]) == 0
    for round_ in change.plan.rounds:
        assert 46 in round_.member_ids
        assert max(len(t.seats) for t in round_.tables) <= 8
    for before, after in zip(plan.rounds, change.plan.rounds, strict=True):
        table = after.table_of(46)
        assert table is not None
        assert len(table.seats) == len(next(t for t in before.tables if t.label == table.label).seats) + 1 <= 8


def test_a_late_arrival_skips_locked_rounds() -> None:
    plan = _plan(45)
    first = plan.rounds[0].model_copy(update={"locked": True})
    plan = plan.model_copy(update={"rounds": (first, *plan.rounds[1:])})
    change = seat_late_arrival(plan, SeatingContext(people=people(46)), 46)
    assert 46 not in change.plan.rounds[0].member_ids
    assert change.plan.rounds[0] == first
    assert [m.round for m in change.moves] == [2, 3]


def test_no_free_seat_is_refused_with_a_way_out() -> None:
    plan = _plan(64)  # 8 full tables of 8
    late = Person(member_id=65, name="Nova Walker")
    with pytest.raises(ConflictError, match="round 1 has no free seat for Nova Walker: regenerate the plan"):
        seat_late_arrival(plan, SeatingContext(people=[*people(64), late]), 65)
    # In a room whose chairs are all taken, regenerating cannot add a table: the room must grow.
    room = TablePolicy(physical=(PhysicalTable(name="Bar A", capacity=6), PhysicalTable(name="Bar B", capacity=6)))
    full = _plan(12, policy=room)
    with pytest.raises(ConflictError, match="no free seat for Nova Walker: every chair in the room is taken"):
        seat_late_arrival(full, SeatingContext(people=[*people(12), late], policy=room), 65)


@pytest.mark.parametrize("size_in_round_1", [7, 6])
def test_someone_leaving_moves_one_person_only_where_their_table_falls_below_the_minimum(size_in_round_1: int) -> None:
    plan = _plan(45)  # 7 tables of 7 and 6 each round
    table = next(t for t in plan.rounds[0].tables if len(t.seats) == size_in_round_1)
    leaver = table.member_ids[0]
    change = remove_member(plan, SeatingContext(people=people(45)), leaver)
    assert all(leaver not in r.member_ids for r in change.plan.rounds)
    for round_ in change.plan.rounds:
        assert min(len(t.seats) for t in round_.tables) >= 6
    rounds_short = sum(1 for r in plan.rounds if len(r.table_of(leaver).seats) == 6)  # type: ignore[union-attr]
    assert change.others_moved == rounds_short  # one move per round where the table fell short, else none
    assert changed_seats(plan, change.plan, ignore=[leaver]) == rounds_short
    # Each person moved is named with the round and both tables, as the facilitator must tell them.
    lines = change.moved_people(lambda m: f"Person {m}")
    said = [(line.split(": ")[0], part) for line in lines for part in line.split(": ")[1].split(", ")]
    assert len(said) == rounds_short
    for who, place in said:
        member_id = int(who.removeprefix("Person "))
        number, _, tables = place.removeprefix("round ").partition(" table ")
        before, after = (plan.rounds[int(number) - 1], change.plan.rounds[int(number) - 1])
        assert tables == f"{before.table_of(member_id).label} to {after.table_of(member_id).label}"  # type: ignore[union-attr]


def test_when_no_table_can_spare_anyone_the_short_table_is_shared_out() -> None:
    plan = _plan(36, policy=TablePolicy(min_size=6, max_size=7))  # 6 tables of 6: none can give
    leaver = plan.rounds[0].tables[0].member_ids[0]
    change = remove_member(plan, SeatingContext(people=people(36), policy=TablePolicy(min_size=6, max_size=7)), leaver)
    for round_ in change.plan.rounds:
        assert len(round_.tables) == 5
        assert sorted(len(t.seats) for t in round_.tables) == [7, 7, 7, 7, 7]
    assert change.others_moved == 5 * 3  # five people per round, the fewest that keeps every table at 6+


def test_hosts_are_never_moved_to_refill_a_table() -> None:
    crowd = [Person(member_id=i, tags=frozenset({Tag.HOST}) if i <= 7 else frozenset()) for i in range(1, 46)]
    plan = solve(SeatingRequest(meeting_id=1, people=crowd, rounds=2)).plan
    context = SeatingContext(people=crowd)
    small = next(t for t in plan.rounds[0].tables if len(t.seats) == 6)
    leaver = next(m for m in small.member_ids if m > 7)
    change = remove_member(plan, context, leaver)
    for before, after in zip(plan.rounds, change.plan.rounds, strict=True):
        for host in range(1, 8):
            assert where(before)[host] == where(after)[host]


def test_a_manual_swap_is_scored_before_it_is_made() -> None:
    plan = _plan(49, rounds=3, policy=TablePolicy(min_size=7, max_size=7))
    context = SeatingContext(people=people(49))
    round2 = plan.rounds[1]
    a, b = round2.tables[0].member_ids[0], round2.tables[1].member_ids[0]
    # Swapping a into b's table of round 2 puts a with people a met in round 1 (unless by chance).
    effect = score_change(plan, context, ManualChange(round=2, kind="swap", member_id=a, other_member_id=b))
    assert effect.cost_after > effect.cost_before
    assert effect.after.repeat_pairs > effect.before.repeat_pairs == 0
    assert effect.describe().startswith("repeats +")
    swapped = apply_change(plan, ManualChange(round=2, kind="swap", member_id=a, other_member_id=b))
    assert where(swapped.rounds[1])[a] == round2.tables[1].label


def test_moves_into_a_full_table_or_a_locked_round_are_refused() -> None:
    plan = _plan(64)
    member = plan.rounds[0].tables[0].member_ids[0]
    with pytest.raises(ConflictError, match="full"):
        apply_change(plan, ManualChange(round=1, kind="move", member_id=member, to_table="2"), max_size=8)
    locked = plan.model_copy(update={"rounds": (plan.rounds[0].model_copy(update={"locked": True}), *plan.rounds[1:])})
    with pytest.raises(ConflictError, match="locked"):
        apply_change(locked, ManualChange(round=1, kind="swap", member_id=member, other_member_id=member + 1))
