"""Issue #19: tables of 4 and 5 at the frontier reach the best known repeat-free rounds (resolvable designs)."""

from __future__ import annotations

import pytest

from sessions.seating.frontier import frontier_instances
from sessions.seating.solver import solve
from sessions.seating.translated import STORED_TRANSLATED, translated_design

from .helpers import full_room
from .test_cyclic import assert_repeat_free

# (tables, size) of the rows the issue found short: RBIBD(v, 4, 1), 4-GDDs of type 3^u, RBIBD(65 and 85, 5, 1).
ISSUE_ROWS = [(18, 4), (19, 4), (21, 4), (22, 4), (24, 4), (25, 4), (13, 5), (17, 5)]


def _best_known(tables: int, size: int) -> int:
    row = next(r for r in frontier_instances() if (r.tables, r.size) == (tables, size))
    assert row.best_known is not None
    return row.best_known


@pytest.mark.parametrize(("tables", "size"), ISSUE_ROWS)
def test_the_solver_seats_the_row_at_its_best_known_rounds_without_repeats(tables: int, size: int) -> None:
    rounds = _best_known(tables, size)
    result = solve(full_room(tables, size, rounds, time_limit=10.0))
    assert len(result.plan.rounds) == rounds
    assert result.stats.repeat_pairs == 0
    everyone = list(range(1, tables * size + 1))
    for round_ in result.plan.rounds:
        assert sorted(len(t.member_ids) for t in round_.tables) == [size] * tables
        assert sorted(m for t in round_.tables for m in t.member_ids) == everyone


@pytest.mark.parametrize("key", sorted(STORED_TRANSLATED), ids=lambda key: "{}-{}".format(*key))
def test_every_stored_translated_design_seats_everyone_at_full_tables_without_repeats(key: tuple[int, int]) -> None:
    tables, size = key
    design = translated_design(tables, size, _best_known(tables, size))
    assert design is not None
    assert len(design.rounds) == _best_known(tables, size)
    assert_repeat_free(design.rounds, tables, size)


def test_a_translated_design_gives_fewer_rounds_when_asked_and_none_past_its_last() -> None:
    design = translated_design(13, 5, 5)
    assert design is not None
    assert len(design.rounds) == 5
    assert translated_design(13, 5, _best_known(13, 5) + 1) is None
    assert translated_design(12, 5, 5) is None
