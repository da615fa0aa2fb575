"""The stored pair of orthogonal Latin squares of order 10, and the four rounds of 10 x 10 they give."""

from __future__ import annotations

from sessions.seating.latin import ORDER, SQUARE_A, SQUARE_B, mols10_rounds, square
from sessions.seating.solver import solve

from .helpers import full_room
from .test_cyclic import assert_repeat_free


def test_both_squares_are_latin_and_orthogonal() -> None:
    a, b = square(SQUARE_A), square(SQUARE_B)
    for grid in (a, b):
        assert all(sorted(row) == list(range(ORDER)) for row in grid)
        assert all(sorted(grid[r][c] for r in range(ORDER)) == list(range(ORDER)) for c in range(ORDER))
    assert len({(a[r][c], b[r][c]) for r in range(ORDER) for c in range(ORDER)}) == ORDER * ORDER


def test_rows_columns_and_both_squares_are_four_repeat_free_rounds() -> None:
    assert_repeat_free(mols10_rounds(4), 10, 10)


def test_the_engine_seats_100_at_ten_tables_of_ten_for_four_rounds_without_repeats() -> None:
    request = full_room(10, 10, 4, time_limit=30.0)
    result = solve(request)
    assert result.stats.repeat_pairs == 0
    assert result.method.startswith("two orthogonal Latin squares")
