"""Rounds from subspaces of GF(2)^m: rooms of 2^m people at tables of 2^k, and the 32 at 8 tables of 4 case
that needs them plus the search to reach its proven 10 rounds."""

from __future__ import annotations

from itertools import combinations

import pytest

from sessions.seating.request import Person, SeatingRequest, TablePolicy
from sessions.seating.solver import solve
from sessions.seating.spreads import spread_design


def _pairs_once(rounds: tuple[tuple[int, ...], ...], people: int, size: int) -> int:
    met: set[tuple[int, int]] = set()
    for design_round in rounds:
        tables: dict[int, list[int]] = {}
        for person in range(people):
            tables.setdefault(design_round[person], []).append(person)
        assert sorted(len(t) for t in tables.values()) == [size] * (people // size)
        for pair in (p for t in tables.values() for p in combinations(t, 2)):
            assert pair not in met, f"{pair} meet twice"
            met.add(pair)
    return len(met)


@pytest.mark.parametrize(
    ("tables", "size", "rounds", "source"),
    [
        (8, 4, 9, "partial spread in GF(2)^5"),  # no partial spread of lines in GF(2)^5 has 10
        (16, 4, 21, "spread of GF(64) over GF(4)"),  # every pair meets: 63 / 3 rounds
        (4, 4, 5, "spread of GF(16) over GF(4)"),
        (8, 8, 9, "spread of GF(64) over GF(8)"),
        (16, 8, 15, "partial spread in GF(2)^7"),
    ],
)
def test_spreads_seat_everyone_and_never_pair_twice(tables: int, size: int, rounds: int, source: str) -> None:
    design = spread_design(tables, size, 30, seed=1)
    assert design is not None
    assert design.source == source
    assert len(design.rounds) >= rounds
    _pairs_once(design.rounds, tables * size, size)


def test_a_complete_spread_meets_every_pair_exactly_once() -> None:
    design = spread_design(16, 4, 21)
    assert design is not None
    assert _pairs_once(design.rounds, 64, 4) == 64 * 63 // 2


@pytest.mark.parametrize(("tables", "size"), [(6, 4), (8, 3), (8, 1), (1, 8)])
def test_counts_that_are_not_powers_of_two_get_no_spread(tables: int, size: int) -> None:
    assert spread_design(tables, size, 5) is None


def test_the_same_seed_gives_the_same_partial_spread() -> None:
    assert spread_design(8, 4, 9, seed=5) == spread_design(8, 4, 9, seed=5)


def test_32_people_at_8_tables_of_4_meet_no_one_twice_over_10_rounds() -> None:
    # The proven maximum (each person meets 30 of the other 31): 9 rounds from the spread, the 10th by search.
    people = [Person(member_id=i) for i in range(1, 33)]
    request = SeatingRequest(
        meeting_id=1,
        people=people,
        rounds=10,
        policy=TablePolicy(min_size=4, max_size=4, tables=8),
        seed=1,
        time_limit=60.0,
    )
    result = solve(request)
    assert result.stats.repeat_pairs == 0
    assert result.method.startswith("partial spread in GF(2)^5")
    met = {pair for r in result.plan.rounds for t in r.tables for pair in combinations(sorted(t.member_ids), 2)}
    assert len(met) == 10 * 8 * 6
