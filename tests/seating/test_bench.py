"""The bench's figures come from real solves (the slow full bench runs from the command line)."""

from __future__ import annotations

from sessions.seating.baseline import baseline_rounds
from sessions.seating.bench import Instance, frontier_instance, real_room, reference_instance, season, unavoidable
from sessions.seating.frontier import frontier_instances
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


def test_the_frontier_table_covers_every_room_up_to_100_with_a_source_for_each_value() -> None:
    rows = frontier_instances()
    assert {(r.tables, r.size) for r in rows} == {(g, s) for s in range(3, 11) for g in range(2, 100 // s + 1)}
    assert all(r.source for r in rows)
    assert all(r.best_known is None or 1 <= r.best_known <= r.counting_bound for r in rows)
    known = {(r.tables, r.size): r.best_known for r in rows}
    issue_rows = {(6, 4): 7, (7, 4): 9, (9, 4): 11, (10, 4): 13, (6, 5): 6, (10, 10): 4, (6, 6): 3}
    assert {key: known[key] for key in issue_rows} == issue_rows


def test_a_frontier_row_reports_reached_and_an_open_row_its_construction() -> None:
    row = next(r for r in frontier_instances() if (r.tables, r.size) == (6, 4))
    figures = frontier_instance(row, time_limit=20.0)
    assert figures["reached"] is True
    assert figures["repeat_pairs"] == 0
    open_row = next(r for r in frontier_instances() if (r.tables, r.size) == (11, 6))
    assert open_row.best_known is None
    assert frontier_instance(open_row)["constructed_rounds"] == 11


def test_the_real_room_keeps_every_rule_and_repeats_less_than_the_baseline() -> None:
    figures = real_room(time_limit=2.0)
    assert figures["apart_violations"] == 0
    assert figures["together_violations"] == 0
    assert figures["hosts_stay"] is True
    assert figures["repeat_pairs"] < figures["baseline_repeat_pairs"]
