"""The algebraic designs: every round seats everyone, table sizes one apart, and no pair twice."""

from __future__ import annotations

from itertools import combinations

import pytest

from sessions.seating.designs import grid_design, search_offsets
from sessions.seating.galois import field, prime_power


def _check(rounds: tuple[tuple[int, ...], ...], people: int) -> None:
    met: set[tuple[int, int]] = set()
    for design_round in rounds:
        tables: dict[int, list[int]] = {}
        for point in range(people):
            tables.setdefault(design_round[point], []).append(point)
        sizes = [len(t) for t in tables.values()]
        assert max(sizes) - min(sizes) <= 1
        for people_at in tables.values():
            for pair in combinations(people_at, 2):
                assert pair not in met, f"{pair} meet twice"
                met.add(pair)


@pytest.mark.parametrize("q", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_fields_have_inverses_and_distribute(q: int) -> None:
    gf = field(q)
    assert gf is not None
    for a in range(1, q):
        assert sum(1 for b in range(q) if gf.mul[a][b] == 1) == 1
    for a in range(q):
        for b in range(q):
            for c in range(0, q, 3):
                assert gf.mul[a][gf.add[b][c]] == gf.add[gf.mul[a][b]][gf.mul[a][c]]


def test_non_prime_powers_have_no_field() -> None:
    assert field(6) is None
    assert field(10) is None
    assert prime_power(12) is None
    assert prime_power(9) == (3, 2)


@pytest.mark.parametrize(
    ("tables", "size", "best_known"),
    [(6, 6, 3), (8, 5, 8), (7, 6, 7), (8, 6, 8), (7, 7, 8), (9, 6, 9), (8, 7, 8), (10, 6, 7), (9, 7, 9),
     (8, 8, 9), (9, 8, 9), (10, 8, 5)],
)  # fmt: skip
def test_reference_instances_reach_their_best_known_rounds(tables: int, size: int, best_known: int) -> None:
    design = grid_design(tables, size, best_known, seed=1)
    assert len(design.rounds) == best_known
    _check(design.rounds, tables * size)


def test_ten_tables_of_six_get_eight_rounds_one_past_the_reference_table() -> None:
    design = grid_design(10, 6, 8, seed=3)
    assert len(design.rounds) == 8
    _check(design.rounds, 60)


def test_removing_people_keeps_it_repeat_free_45_people_get_7_rounds() -> None:
    design = grid_design(7, 7, 8, people=45)
    assert len(design.rounds) == 7  # the rows round would leave a table of 3
    _check(design.rounds, 45)


def test_offsets_search_is_deterministic_by_seed() -> None:
    assert search_offsets(10, 6, 7, seed=4) == search_offsets(10, 6, 7, seed=4)
