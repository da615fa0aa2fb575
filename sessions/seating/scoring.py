"""Scoring a saved plan the way the search does, so live changes and manual moves can be compared."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sessions.models import SeatingPlan
from sessions.seating.layout import Layout, TableSlot
from sessions.seating.problem import CostWeights, Problem, compile_problem
from sessions.seating.request import Constraints, PairKey, Person, SeatingRequest, TablePolicy
from sessions.seating.state import SeatingState
from sessions.seating.stats import SeatingStats, history_counts, plan_stats


@dataclass(frozen=True)
class SeatingContext:
    """Who may be seated and what the plan is judged by: constraints and earlier meetings."""

    people: Sequence[Person]
    constraints: Constraints = field(default_factory=Constraints)
    history: Mapping[PairKey, Sequence[dt.date]] = field(default_factory=dict)
    on: dt.date | None = None
    policy: TablePolicy = field(default_factory=TablePolicy)
    weights: CostWeights = field(default_factory=CostWeights)
    # Problems compiled for plans of this context, by their tables and people: a screen scores the same
    # plan's shape again and again (each move tried, each redraw), and compiling is most of the cost.
    problems: dict[tuple[object, ...], Problem] = field(default_factory=dict, compare=False, repr=False)

    def person(self, member_id: int) -> Person | None:
        return next((p for p in self.people if p.member_id == member_id), None)

    def with_person(self, person: Person) -> SeatingContext:
        others = [p for p in self.people if p.member_id != person.member_id]
        return SeatingContext([*others, person], self.constraints, self.history, self.on, self.policy, self.weights)


def _everyone(context: SeatingContext, plan: SeatingPlan) -> list[Person]:
    """The context's people plus anyone seated in the plan whom it does not know (they still met people)."""
    known = {p.member_id for p in context.people}
    extra = sorted({m for r in plan.rounds for t in r.tables for m in t.member_ids} - known)
    return [*context.people, *(Person(member_id=m) for m in extra)]


def compile_for_plan(context: SeatingContext, plan: SeatingPlan) -> Problem:
    widest = max((r for r in plan.rounds), key=lambda r: len(r.tables), default=None)
    slots = tuple(
        TableSlot(label=t.label, capacity=t.capacity or context.policy.max_size, size=len(t.seats))
        for t in (widest.tables if widest else ())
    )
    layout = Layout(slots=slots, min_size=context.policy.min_size)
    people = _everyone(context, plan)
    key = (slots, tuple(p.member_id for p in people), len(plan.rounds), plan.meeting_id)
    known = context.problems.get(key)
    if known is not None:
        return known
    request = SeatingRequest(
        meeting_id=plan.meeting_id,
        people=people,
        rounds=max(1, len(plan.rounds)),
        constraints=context.constraints,
        history=context.history,
        on=context.on,
    )
    problem = context.problems[key] = compile_problem(request, layout, context.weights)
    return problem


def plan_cost(context: SeatingContext, plan: SeatingPlan, problem: Problem | None = None) -> float:
    """The search's cost of `plan` (lower is better)."""
    problem = problem or compile_for_plan(context, plan)
    index = {mid: i for i, mid in enumerate(problem.ids)}
    assignment = [
        [[index[m] for m in table.member_ids if m in index] for table in round_.tables] for round_ in plan.rounds
    ]
    return SeatingState(problem, assignment).cost


def context_stats(context: SeatingContext, plan: SeatingPlan) -> SeatingStats:
    problem = compile_for_plan(context, plan)
    return plan_stats(
        plan.rounds,
        history_counts(context.history),
        together=[[problem.ids[p] for p in g] for g in problem.groups],
        apart=[(problem.ids[p], problem.ids[q]) for p, q in problem.apart],
    )
