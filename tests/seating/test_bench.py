"""The bench's figures come from real solves (the slow full bench runs from the command line)."""

from __future__ import annotations

from sessions.seating.baseline import baseline_rounds
from sessions.seating.bench import Instance, reference_instance, season, unavoidable
from sessions.seating.request import Constraints, SeatingRequest, TablePolicy
from sessions.seating.stats import plan_stats

from .helpers import people


def test_a_reference_instance_reports_engine_and_baseline() -> None:
    figures = reference_instance(Instance(7, 7, 8))
    assert figures["reached"] is True
    assert figures["repeat_pairs"] == 0
    assert figures["baseline_repeat_pairs"] > 0  # one round at a time cannot find the affine plane
    assert figures["method"] == "GF(7) + rows"


def test_unavoidable_repeats_engine_spreads_them_no_worse_than_the_baseline() -> None:
    figures = unavoidable(36, 4, TablePolicy(min_size=6, max_size=6), time_limit=2.0)
    assert figures["squared_meetings"] <= figures["baseline_squared_meetings"]
    assert figures["squared_meetings"] > 36 * 15 // 6 * 4  # some pairs had to meet twice


def test_a_short_season_counts_new_pairs_each_week() -> None:
    figures = season(members=24, weeks=3, until_all_met=3, time_limit=0.3)
    assert len(figures["engine_new_pair_share_by_week"]) == 3
    assert figures["engine_new_pair_share_by_week"][0] == 1.0
    assert figures["engine_weeks_until_all_met"] == "> 3"


def test_the_baseline_keeps_kept_apart_pairs_apart_and_seats_everyone() -> None:
    request = SeatingRequest(
        meeting_id=1,
        people=people(20),
        rounds=2,
        policy=TablePolicy(min_size=4, max_size=5),
        constraints=Constraints(keep_apart=((1, 2), (3, 4))),
    )
    rounds = baseline_rounds(request)
    assert all(sorted(m for t in r for m in t) == list(range(1, 21)) for r in rounds)
    assert plan_stats(rounds, apart=[(1, 2), (3, 4)]).apart_violations == 0
