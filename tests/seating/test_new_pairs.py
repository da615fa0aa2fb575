"""Across a season, a pair that never met outranks any choice between pairs that met before."""

from __future__ import annotations

import datetime as dt

from sessions.seating.bench import season
from sessions.seating.request import SeatingRequest, TablePolicy
from sessions.seating.solver import solve

from .helpers import people, tables_of

TODAY = dt.date(2026, 6, 2)
LAST_WEEK = TODAY - dt.timedelta(weeks=1)
LONG_AGO = TODAY - dt.timedelta(weeks=80)


def test_one_new_pair_beats_two_pairs_that_met_long_ago() -> None:
    # 1-2 and 3-4 met long ago; 1-3, 1-4 and 2-3 met last week; 2-4 never met.
    history = {(1, 2): [LONG_AGO], (3, 4): [LONG_AGO], (1, 3): [LAST_WEEK], (1, 4): [LAST_WEEK], (2, 3): [LAST_WEEK]}
    request = SeatingRequest(
        meeting_id=1,
        people=people(4),
        rounds=1,
        policy=TablePolicy(min_size=2, max_size=2, tables=2),
        history=history,
        on=TODAY,
        seed=1,
    )
    tables = sorted(sorted(t) for t in tables_of(solve(request).plan.rounds[0]))
    assert tables == [[1, 3], [2, 4]]


def test_a_season_reports_the_bound_for_the_same_attendance_and_stays_within_it() -> None:
    figures = season(members=24, weeks=3, until_all_met=12, time_limit=0.3)
    assert figures["engine_pairs_met_after_3_weeks"] <= figures["bound_pairs_met_after_3_weeks"]
    assert figures["engine_mean_new_pair_share"] <= figures["bound_mean_new_pair_share"]
    bound_weeks = figures["bound_weeks_until_all_met"]
    engine_weeks = figures["engine_weeks_until_all_met"]
    assert isinstance(bound_weeks, int)
    assert not isinstance(engine_weeks, int) or engine_weeks >= bound_weeks
