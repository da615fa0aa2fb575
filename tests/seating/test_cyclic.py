"""Designs developed from a cyclic base round: every round seats everyone at full tables, no pair twice."""

from __future__ import annotations

from collections.abc import Callable
from itertools import combinations

import pytest

from sessions.seating.cyclic import (
    Shape,
    cyclic_design,
    develop,
    develop_bases,
    round_period,
    search_bases,
    shapes,
    stored_design,
)
from sessions.seating.cyclic_bases import STORED_BASES
from sessions.seating.frontier import frontier_instances
from sessions.seating.kirkman3q import kirkman_3q_rounds
from sessions.seating.kirkman_bases import STORED_MULTI_BASES
from sessions.seating.solver import solve
from sessions.seating.tripling import tripled_kirkman

from .helpers import full_room


def _tables(design_round: tuple[int, ...]) -> dict[int, list[int]]:
    tables: dict[int, list[int]] = {}
    for person, table in enumerate(design_round):
        tables.setdefault(table, []).append(person)
    return tables


def assert_repeat_free(rounds: tuple[tuple[int, ...], ...], tables: int, size: int) -> None:
    met: set[tuple[int, int]] = set()
    for design_round in rounds:
        assert len(design_round) == tables * size
        seated = _tables(design_round)
        assert sorted(len(t) for t in seated.values()) == [size] * tables
        for pair in (p for t in seated.values() for p in combinations(t, 2)):
            assert pair not in met, f"{pair} meet twice"
            met.add(pair)


@pytest.mark.parametrize(
    ("tables", "size", "rounds"),
    [
        (5, 3, 7),  # Kirkman's fifteen schoolgirls
        (6, 4, 7),  # best known; 24 = 7 * 3 + 3 fixed (a resolvable 4-GDD of type 3^8)
        (6, 5, 6),  # best known (OEIS A107431)
        (9, 4, 11),  # best known; base round symmetric under rotating the three classes
        (8, 3, 11),  # nearly Kirkman triple system of order 24
    ],
)
def test_cyclic_searches_reach_the_best_known_rounds(tables: int, size: int, rounds: int) -> None:
    design = cyclic_design(tables, size, rounds, seed=1, seconds=30.0, use_stored=False)
    assert design is not None
    assert len(design.rounds) == rounds
    assert_repeat_free(design.rounds, tables, size)


def test_fixed_points_stay_at_their_table_and_orbits_fill_the_rest() -> None:
    options = shapes(6, 4, 7)
    assert Shape(7, 3, 3) in options
    assert all(s.modulus * s.classes + s.fixed == 24 and s.fixed <= 6 for s in options)
    design = cyclic_design(6, 4, 7, seed=2, seconds=30.0, use_stored=False)
    assert design is not None
    fixed = range(design.shape.modulus * design.shape.classes, 24)
    assert all(len({r[p] for r in design.rounds}) == 1 for p in fixed)


def test_a_base_round_with_a_repeated_difference_repeats_a_pair() -> None:
    # Z_5, one orbit: {0, 1} and {2, 3} both use difference 1, so developing meets a pair twice.
    rounds = develop(Shape(5, 1, 0), [[0, 1], [2, 3], [4]], 3)
    met = [pair for r in rounds for t in _tables(r).values() for pair in combinations(t, 2)]
    assert len(met) != len(set(met))


@pytest.mark.parametrize(("tables", "size", "rounds"), [(6, 4, 7), (6, 5, 6)])
def test_the_engine_seats_the_issue_instances_without_repeats(tables: int, size: int, rounds: int) -> None:
    request = full_room(tables, size, rounds, time_limit=30.0)
    result = solve(request)
    assert result.stats.repeat_pairs == 0
    assert all(sorted(len(t.member_ids) for t in r.tables) == [size] * tables for r in result.plan.rounds)
    assert "cyclic base round" in result.method


@pytest.mark.parametrize("key", sorted(STORED_BASES | STORED_MULTI_BASES), ids=lambda key: "{}-{}-{}".format(*key))
def test_every_stored_base_round_develops_into_repeat_free_rounds(key: tuple[int, int, int]) -> None:
    tables, size, rounds = key
    design = stored_design(tables, size, rounds)
    assert design is not None
    assert len(design.rounds) == rounds
    assert_repeat_free(design.rounds, tables, size)


@pytest.mark.parametrize(("tables", "size", "rounds"), [(7, 4, 9), (10, 4, 13), (9, 4, 11)])
def test_the_engine_reaches_the_resolvable_designs_the_issue_lists(tables: int, size: int, rounds: int) -> None:
    request = full_room(tables, size, rounds, time_limit=30.0)
    result = solve(request)
    assert result.stats.repeat_pairs == 0
    assert sorted(m for t in result.plan.rounds[-1].tables for m in t.member_ids) == list(range(1, tables * size + 1))


def test_shapes_without_enough_orbits_are_not_searched() -> None:
    # 21 people over 10 rounds: Z_10 x {0, 1} plus a point has 19 pair orbits for the 21 pairs a round seats.
    assert shapes(7, 3, 10) == []


def test_several_base_rounds_over_a_smaller_group_give_a_kirkman_system_no_single_one_can() -> None:
    # 21 people over 10 rounds: Z_10 loses the difference 5, two base rounds over Z_5 (4 classes + a point) do not.
    shape = Shape(5, 4, 1, bases=2)
    found = search_bases(shape, 7, 3, seed=0)
    assert found is not None
    assert len(found) == 2
    assert all(sorted(p for t in base for p in t) == list(range(21)) for base in found)
    assert_repeat_free(develop_bases(shape, found), 7, 3)


def test_a_fixed_point_meeting_one_class_in_two_base_rounds_repeats_a_pair() -> None:
    # Z_3, classes {0, 1, 2} and {3, 4, 5}, fixed point 6: it meets class 0 in both base rounds.
    shape = Shape(3, 2, 1, bases=2)
    rounds = develop_bases(shape, [[[6, 0, 3], [1, 4], [2, 5]], [[6, 1, 5], [0, 4], [2, 3]]])
    met = [pair for r in rounds for t in _tables(r).values() for pair in combinations(t, 2)]
    assert len(met) != len(set(met))


def test_a_base_round_with_a_table_fixed_by_half_the_shifts_gives_half_the_rounds() -> None:
    # 33 people over 16 rounds: {point, (0, 0), (8, 0)} over Z_16 comes back after 8 shifts.
    design = stored_design(11, 3, 16)
    assert design is not None
    assert design.shape.modulus == 16
    assert [round_period(design.shape, [list(t) for t in design.base[i : i + 11]]) for i in (0, 11)] == [8, 8]
    assert_repeat_free(design.rounds, 11, 3)


def test_a_round_made_of_the_shifts_of_one_table_gives_one_round() -> None:
    # 69 people over 34 rounds: one base round over Z_23 (23 rounds) and 11 rounds fixed by every shift.
    design = stored_design(23, 3, 34)
    assert design is not None
    periods = [round_period(design.shape, [list(t) for t in design.base[i : i + 23]]) for i in range(0, 12 * 23, 23)]
    assert periods == [23] + [1] * 11
    assert_repeat_free(design.rounds, 23, 3)


KIRKMAN_CONSTRUCTIONS = [(tripled_kirkman, tables) for tables in (15, 21, 27, 33)]  # three copies of 5, 7, 9, 11
KIRKMAN_CONSTRUCTIONS += [(kirkman_3q_rounds, q) for q in (7, 13, 19, 31)]  # Ray-Chaudhuri-Wilson: q = 1 mod 6 prime


@pytest.mark.parametrize(("build", "tables"), KIRKMAN_CONSTRUCTIONS)
def test_kirkman_constructions_seat_3_x_tables_people_over_all_their_rounds(
    build: Callable[[int, int, int], tuple[tuple[int, ...], ...] | None], tables: int
) -> None:
    rounds = build(tables, 3, (3 * tables - 1) // 2)
    assert rounds is not None
    assert len(rounds) == (3 * tables - 1) // 2
    assert_repeat_free(rounds, tables, 3)


# Tables of 3 the stored base rounds, tripling and Ray-Chaudhuri-Wilson reach at the best known count (issue #19).
REACHED_TRIPLES = [6, 7, 11, 15, 18, 19, 21, 22, 23, 26, 28, 29, 30, 31]


@pytest.mark.parametrize("tables", REACHED_TRIPLES)
def test_the_engine_seats_tables_of_three_at_the_best_known_count(tables: int) -> None:
    best = {row.tables: row.best_known for row in frontier_instances() if row.size == 3}[tables]
    assert best is not None
    result = solve(full_room(tables, 3, best, time_limit=30.0))
    assert result.stats.repeat_pairs == 0
    assert len(result.plan.rounds) == best
    assert all(sorted(len(t.member_ids) for t in r.tables) == [3] * tables for r in result.plan.rounds)
