"""Repeats no plan can avoid: the engine proves them and stops once it reaches them."""

from __future__ import annotations

from sessions.seating.request import SeatingRequest, TablePolicy
from sessions.seating.solver import solve
from sessions.seating.state import counted_forced, forced_meetings, most_repeat_free_rounds, square_forced

from .helpers import people


def _square_rounds(tables: int, rounds: int) -> list[list[list[int]]]:
    """Table sizes are all the bounds look at: any plan of `rounds` rounds of `tables` tables of `tables`."""
    return [[list(range(t * tables, (t + 1) * tables)) for t in range(tables)] for _ in range(rounds)]


def test_six_tables_of_six_have_three_repeat_free_rounds_and_a_fourth_forces_two_repeats() -> None:
    assert most_repeat_free_rounds(6) == 3
    assert square_forced(_square_rounds(6, 3)) == 0
    # Four rounds: two of them share pairs, and two rounds of 6 x 6 never share exactly one.
    assert square_forced(_square_rounds(6, 4)) == 2
    assert square_forced(_square_rounds(6, 5)) == 4
    # Prime orders reach the counting bound g + 1 (affine planes); one round more forces repeats.
    assert square_forced(_square_rounds(7, 8)) == 0
    assert square_forced(_square_rounds(7, 9)) == 2


def test_more_meetings_than_pairs_count_as_repeats() -> None:
    rounds = [[[0, 1, 2], [3, 4, 5], [6, 7, 8]] for _ in range(5)]  # 9 people: 36 pairs, 45 meetings
    assert counted_forced(rounds) == 9
    assert forced_meetings(rounds) >= 9


def test_36_at_six_tables_of_six_over_four_rounds_stops_at_the_proven_two_repeats() -> None:
    request = SeatingRequest(
        meeting_id=1,
        people=people(36),
        rounds=4,
        policy=TablePolicy(min_size=6, max_size=6),
        seed=1,
        time_limit=60.0,
    )
    result = solve(request)
    assert result.stats.repeat_pairs == 2
    assert result.stats.max_pair_meetings == 2
    assert result.reached_bound  # stopped because nothing better exists, not on the clock
    assert all(sorted(len(t.member_ids) for t in r.tables) == [6] * 6 for r in result.plan.rounds)
