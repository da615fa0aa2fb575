"""Issue #19: tables of 4 and 5 at the frontier reach the best known repeat-free rounds (resolvable designs)."""

from __future__ import annotations

import pytest

from sessions.seating.frontier import frontier_instances
from sessions.seating.solver import solve

from .helpers import full_room

# (tables, size) of the rows the issue found short: resolvable BIBD(v, 4, 1) and 4-GDDs of type 3^u.
ISSUE_ROWS = [(18, 4), (19, 4), (21, 4), (22, 4), (24, 4), (25, 4)]


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
