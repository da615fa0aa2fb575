"""Lines of affine spaces: every round full tables, every pair exactly once over all the rounds."""

from __future__ import annotations

import pytest

from sessions.seating.affine import affine_rounds
from sessions.seating.solver import solve

from .helpers import full_room
from .test_cyclic import assert_repeat_free


@pytest.mark.parametrize(("tables", "size", "rounds"), [(27, 3, 40), (9, 3, 13), (16, 4, 21), (5, 5, 6)])
def test_affine_spaces_seat_every_pair_once(tables: int, size: int, rounds: int) -> None:
    found = affine_rounds(tables, size, 100)
    assert len(found) == rounds  # (q^d - 1) / (q - 1): every pair exactly once
    assert_repeat_free(found, tables, size)


def test_rooms_that_are_not_a_power_of_the_table_size_get_none() -> None:
    assert affine_rounds(7, 3, 10) == ()
    assert affine_rounds(6, 6, 3) == ()


def test_the_engine_seats_81_at_27_tables_of_3_for_40_rounds_without_repeats() -> None:
    request = full_room(27, 3, 40, time_limit=30.0)
    result = solve(request)
    assert result.stats.repeat_pairs == 0
    assert result.method.startswith("AG(4, 3)")
