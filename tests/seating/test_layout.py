"""Table counts and sizes follow the reference's rules, and say so when the minimum has to give."""

from __future__ import annotations

import pytest

from sessions.errors import TablesessionError
from sessions.seating import PhysicalTable, TablePolicy, choose_layout


def test_45_at_most_8_uses_seven_tables_so_rounds_can_avoid_repeats() -> None:
    layout = choose_layout(45, TablePolicy())
    assert layout.sizes == (7, 7, 7, 6, 6, 6, 6)
    assert layout.warnings == ()


@pytest.mark.parametrize(
    ("people", "sizes"), [(64, (8,) * 8), (49, (7,) * 7), (36, (6,) * 6), (60, (8,) * 4 + (7,) * 4)]
)
def test_fewest_tables_that_still_number_at_least_the_largest_table(people: int, sizes: tuple[int, ...]) -> None:
    assert choose_layout(people, TablePolicy()).sizes == sizes


def test_when_no_table_count_is_large_enough_the_most_tables_within_bounds_are_used() -> None:
    # 40 at 6-8: 5 tables of 8 or 6 of 6-7; neither has as many tables as seats, so the smaller tables win.
    assert choose_layout(40, TablePolicy()).sizes == (7, 7, 7, 7, 6, 6)


def test_no_split_fits_so_the_minimum_is_relaxed_never_the_maximum() -> None:
    layout = choose_layout(9, TablePolicy())
    assert layout.sizes == (5, 4)
    assert max(layout.sizes) <= 8
    assert "below the minimum of 6" in layout.warnings[0]
    assert layout.min_size == 4


def test_an_explicit_table_count_is_kept_with_sizes_one_apart() -> None:
    assert choose_layout(45, TablePolicy(tables=7)).sizes == (7, 7, 7, 6, 6, 6, 6)


def test_an_explicit_table_count_too_small_for_the_room_is_refused() -> None:
    with pytest.raises(TablesessionError, match="at least 6 tables"):
        choose_layout(45, TablePolicy(tables=5))


def test_physical_tables_are_used_by_name_and_never_over_capacity() -> None:
    room = (
        *tuple(PhysicalTable(name=f"Window {i}", capacity=8) for i in range(1, 11)),
        PhysicalTable(name="Bar A", capacity=6),
        PhysicalTable(name="Bar B", capacity=6),
    )
    layout = choose_layout(92, TablePolicy(physical=room))
    assert [s.label for s in layout.slots][-2:] == ["Bar A", "Bar B"]
    assert all(slot.size <= slot.capacity for slot in layout.slots)
    assert sum(layout.sizes) == 92
    small = choose_layout(45, TablePolicy(physical=room))
    assert small.sizes == (7, 7, 7, 6, 6, 6, 6)


def test_a_room_too_small_is_refused() -> None:
    with pytest.raises(TablesessionError, match="seat 12 people"):
        choose_layout(
            13, TablePolicy(physical=(PhysicalTable(name="A", capacity=6), PhysicalTable(name="B", capacity=6)))
        )


def test_min_above_max_is_refused() -> None:
    with pytest.raises(ValueError, match="larger than the largest"):
        TablePolicy(min_size=9, max_size=8)
