"""A plan at once, then better ones while the search goes on: what `g` shows and saves in a busy room."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from itertools import count

import pytest

from sessions.models import Meeting, Member, SeatingPlan
from sessions.seating import ManualChange, SeatingRequest, TablePolicy, apply_change, solve
from sessions.seating.background import solve_elsewhere
from sessions.seating.service import PlanChangedError, SeatingOptions, plan_meeting
from sessions.seating.solver import SeatingResult, first_plan
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .helpers import people, tables_of


def _ticking(step: float = 0.05) -> Callable[[], float]:
    """A monotonic clock that moves on `step` seconds each time it is read."""
    ticks = count()
    return lambda: next(ticks) * step


def _crowded(rounds: int = 6, seed: int = 3) -> SeatingRequest:
    # 25 people at tables of 6-8 over 6 rounds: repeats cannot be avoided, so the search has work to do.
    return SeatingRequest(
        meeting_id=1,
        people=people(25),
        rounds=rounds,
        policy=TablePolicy(min_size=6, max_size=8),
        seed=seed,
        time_limit=3600.0,
    )


def _assert_complete(plan: SeatingPlan, everyone: set[int], rounds: int) -> None:
    assert len(plan.rounds) == rounds
    for round_ in plan.rounds:
        seated = [m for table in tables_of(round_) for m in table]
        assert sorted(seated) == sorted(everyone), "each person exactly once per round"
        assert all(6 <= len(table) <= 8 for table in tables_of(round_))


def test_a_complete_plan_is_offered_first_and_each_later_one_is_better() -> None:
    request = _crowded()
    reports: list[SeatingResult] = []
    final = solve(request, report=reports.append, now=_ticking())
    everyone = {p.member_id for p in request.people}
    assert len(reports) >= 2, "a first plan, then at least one better one"
    assert reports[0].steps == 0, "the first plan comes before any search step"
    for result in [*reports, final]:
        _assert_complete(result.plan, everyone, 6)
    squared = [r.stats.squared_meetings for r in reports]
    assert squared == sorted(squared, reverse=True)
    assert len(set(squared)) == len(squared)
    assert final.stats.squared_meetings <= squared[-1]
    assert not any(r.reached_bound for r in reports)


def test_offering_plans_leaves_the_final_plan_of_a_seed_as_it_was() -> None:
    quiet = solve(_crowded(rounds=3), now=_ticking())
    followed = solve(_crowded(rounds=3), report=lambda _r: None, now=_ticking())
    assert [tables_of(r) for r in followed.plan.rounds] == [tables_of(r) for r in quiet.plan.rounds]


def test_stop_ends_the_search_with_the_best_plan_so_far() -> None:
    reports: list[SeatingResult] = []

    def stop() -> bool:
        return len(reports) >= 1  # as soon as the first plan is on screen

    result = solve(_crowded(), report=reports.append, stop=stop, now=_ticking())
    _assert_complete(result.plan, set(range(1, 26)), 6)
    assert result.steps < 64, "the search asks every few steps and ends at the first ask"
    assert not result.reached_bound


def test_a_room_that_reaches_its_bound_stops_at_once_and_says_so() -> None:
    request = SeatingRequest(
        meeting_id=1,
        people=people(36),
        rounds=2,
        policy=TablePolicy(min_size=6, max_size=6),
        seed=1,
        time_limit=3600.0,
    )
    result = solve(request, report=lambda _r: None, now=_ticking())
    assert result.reached_bound
    assert result.stats.repeat_pairs == 0


# -- with the store -------------------------------------------------------------------------------


def _room(store: Store, clock: FakeClock, present: int) -> Meeting:
    meeting = store.meetings.add(Meeting(date=dt.date(2026, 12, 3)))
    assert meeting.id is not None
    for i in range(present):
        member = store.members.add(Member(first_name=f"Person{i}", last_name="Example", email=f"p{i}@example.com"))
        assert member.id is not None
        store.attendance.check_in(meeting.id, member.id, clock.now())
    return meeting


class TickingClock(FakeClock):
    """Moves on a little each time the search looks at it, so plans are offered as time passes."""

    def monotonic(self) -> float:
        self.advance(0.05)
        return super().monotonic()


def test_each_plan_offered_is_saved_before_the_caller_hears_of_it(store: Store) -> None:
    clock = TickingClock()
    meeting = _room(store, clock, 25)
    assert meeting.id is not None
    saved_when_told: list[bool] = []

    def told(result: SeatingResult) -> None:
        stored = store.seating.load(meeting.id or 0)
        saved_when_told.append(stored is not None and stored.rounds == result.plan.rounds)

    options = SeatingOptions(rounds=6, time_limit=600.0, seed=5)
    final = plan_meeting(store, meeting, options, clock, report=told)
    assert len(saved_when_told) >= 2
    assert all(saved_when_told)
    stored = store.seating.load(meeting.id)
    assert stored is not None
    assert stored.rounds == final.plan.rounds


def test_a_change_made_while_the_plan_improves_is_kept_and_ends_the_planning(store: Store) -> None:
    clock = TickingClock()
    meeting = _room(store, clock, 25)
    assert meeting.id is not None
    changed: list[SeatingPlan] = []

    def swap_by_hand(result: SeatingResult) -> None:
        if changed:
            return
        # After the first plan, the facilitator swaps two people of round 1 (here or in another window).
        plan = result.plan
        a, b = plan.rounds[0].tables[0].member_ids[0], plan.rounds[0].tables[1].member_ids[0]
        swap = ManualChange(round=1, kind="swap", member_id=a, other_member_id=b)
        changed.append(store.seating.save(apply_change(plan, swap, 8)))

    options = SeatingOptions(rounds=6, time_limit=600.0, seed=5)
    with pytest.raises(PlanChangedError, match="the change is kept"):
        plan_meeting(store, meeting, options, clock, report=swap_by_hand)
    stored = store.seating.load(meeting.id)
    assert stored is not None
    assert changed
    assert stored.rounds == changed[0].rounds


def test_the_search_in_a_process_of_its_own_reports_the_first_plan_then_better_ones() -> None:
    request = replace(_crowded(rounds=6), time_limit=2.0)
    reports: list[SeatingResult] = []
    final = solve_elsewhere(request, report=reports.append, stop=lambda: False)
    assert reports[0].steps == 0, "the first plan is made here, before the search starts"
    assert reports[0].plan.rounds == first_plan(request).plan.rounds
    everyone = {p.member_id for p in request.people}
    for result in [*reports, final]:
        _assert_complete(result.plan, everyone, 6)
    assert final.steps > 0
    assert final.stats.squared_meetings <= min(r.stats.squared_meetings for r in reports)


def test_stopping_the_search_in_its_process_ends_it_and_keeps_the_best_so_far() -> None:
    request = replace(_crowded(rounds=6), time_limit=600.0)
    reports: list[SeatingResult] = []
    final = solve_elsewhere(request, report=reports.append, stop=lambda: bool(reports))
    _assert_complete(final.plan, {p.member_id for p in request.people}, 6)
    assert final.stats.squared_meetings <= reports[0].stats.squared_meetings
    assert not final.reached_bound


def test_a_room_a_design_seats_at_once_needs_no_search_process() -> None:
    request = SeatingRequest(
        meeting_id=1, people=people(36), rounds=2, policy=TablePolicy(min_size=6, max_size=6), seed=1
    )
    reports: list[SeatingResult] = []
    final = solve_elsewhere(request, report=reports.append, stop=lambda: False)
    assert final.reached_bound
    assert [r.plan for r in reports] == [final.plan]


def test_without_a_process_to_search_in_the_search_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*_args: object, **_kwargs: object) -> None:
        raise OSError("no interpreter to start")

    monkeypatch.setattr("sessions.seating.background.subprocess.Popen", no_process)
    request = replace(_crowded(rounds=4), time_limit=1.0)
    reports: list[SeatingResult] = []
    final = solve_elsewhere(request, report=reports.append, stop=lambda: False)
    assert reports[0].steps == 0
    assert final.steps > 0, "searched, here"
    _assert_complete(final.plan, {p.member_id for p in request.people}, 4)
