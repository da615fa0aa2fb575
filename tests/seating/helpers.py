"""Building seating requests and reading plans in tests."""

from __future__ import annotations

from collections.abc import Iterable

from sessions.models import Round, SeatingPlan
from sessions.seating import Person, SeatingRequest, TablePolicy


def people(count: int, start: int = 1) -> list[Person]:
    return [Person(member_id=i) for i in range(start, start + count)]


def tables_of(round_: Round) -> list[list[int]]:
    return [list(t.member_ids) for t in round_.tables]


def where(round_: Round) -> dict[int, str]:
    return {m: t.label for t in round_.tables for m in t.member_ids}


def seats(plan: SeatingPlan) -> dict[tuple[int, int], str]:
    """(round, member) -> table label, for comparing plans seat by seat."""
    return {(r.number, m): label for r in plan.rounds for m, label in where(r).items()}


def changed_seats(before: SeatingPlan, after: SeatingPlan, ignore: Iterable[int] = ()) -> int:
    skip = set(ignore)
    old, new = seats(before), seats(after)
    return sum(1 for key, label in old.items() if key[1] not in skip and new.get(key) != label)


def full_room(tables: int, size: int, rounds: int, time_limit: float = 30.0) -> SeatingRequest:
    """`tables` tables of exactly `size` for `rounds` rounds: a social golfer instance, seed 1."""
    return SeatingRequest(
        meeting_id=1,
        people=people(tables * size),
        rounds=rounds,
        policy=TablePolicy(min_size=size, max_size=size, tables=tables),
        seed=1,
        time_limit=time_limit,
    )
