"""Changes during a meeting: late arrivals, no-shows and early leavers, and manual moves.

Rounds that are locked (already run) never change. A late arrival takes a free seat in each round
still to come and nobody else moves; someone leaving frees a seat, and others move only when a table
falls below the minimum size, as few of them as possible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sessions.errors import ConflictError, TablesessionError
from sessions.models import Round, SeatingPlan, Table, Tag
from sessions.seating.problem import Problem
from sessions.seating.scoring import SeatingContext, compile_for_plan, context_stats, plan_cost
from sessions.seating.stats import SeatingStats


@dataclass(frozen=True)
class SeatMove:
    round: int
    member_id: int
    from_table: str | None  # None: newly seated
    to_table: str | None  # None: removed


@dataclass(frozen=True)
class LiveChange:
    plan: SeatingPlan
    moves: tuple[SeatMove, ...]
    warnings: tuple[str, ...] = ()

    @property
    def others_moved(self) -> int:
        """Seats changed for people other than the one arriving or leaving."""
        return sum(1 for m in self.moves if m.from_table is not None and m.to_table is not None)

    def moved_people(self, name: Callable[[int], str]) -> list[str]:
        """Who else moved and where to, one line a person, so the facilitator can tell them:
        'Ana Lopez: round 2 table 3 to 5, round 3 table 1 to 4'."""
        by_person: dict[int, list[SeatMove]] = {}
        for move in self.moves:
            if move.from_table is not None and move.to_table is not None:
                by_person.setdefault(move.member_id, []).append(move)
        return [
            f"{name(member_id)}: " + ", ".join(f"round {m.round} table {m.from_table} to {m.to_table}" for m in moves)
            for member_id, moves in sorted(by_person.items(), key=lambda item: name(item[0]).casefold())
        ]


@dataclass(frozen=True)
class ManualChange:
    """Swap two people, or move one person to another table, in one round."""

    round: int
    kind: Literal["swap", "move"]
    member_id: int
    other_member_id: int | None = None  # swap partner
    to_table: str | None = None  # move destination


@dataclass(frozen=True)
class ChangeEffect:
    cost_before: float
    cost_after: float
    before: SeatingStats
    after: SeatingStats

    @property
    def better(self) -> bool:
        return self.cost_after < self.cost_before

    def describe(self) -> str:
        """'repeats +1, met before -2' -- what a facilitator needs to judge the change at a glance."""
        parts = []
        for label, name in (
            ("repeats", "repeat_pairs"),
            ("met before", "history_repeat_pairs"),
            ("kept-apart together", "apart_violations"),
            ("groups split", "together_violations"),
        ):
            change = int(getattr(self.after, name)) - int(getattr(self.before, name))
            if change:
                parts.append(f"{label} {change:+d}")
        if not parts:
            if abs(self.cost_after - self.cost_before) < 1e-6:
                return "no change"
            parts.append("balance " + ("better" if self.better else "worse"))
        return ", ".join(parts)


def _replace_round(plan: SeatingPlan, new_round: Round) -> SeatingPlan:
    rounds = tuple(new_round if r.number == new_round.number else r for r in plan.rounds)
    return plan.model_copy(update={"rounds": rounds})


def _with_members(table: Table, members: list[int]) -> Table:
    return Table.of(table.label, members, capacity=table.capacity)


def _limit(table: Table, max_size: int) -> int:
    return min(table.capacity, max_size) if table.capacity else max_size


def seat_late_arrival(plan: SeatingPlan, context: SeatingContext, member_id: int) -> LiveChange:
    """Seat `member_id` at a table with room in every unlocked round, changing nobody else's seat."""
    if any(member_id in r.member_ids for r in plan.rounds if not r.locked):
        return LiveChange(plan, ())
    person = context.person(member_id)
    if person is None:
        raise TablesessionError(f"member {member_id} is not among the people present")
    moves: list[SeatMove] = []
    current = plan
    context = context.with_person(person)
    # Every candidate seats the same people, so one compiled problem scores them all.
    problem = compile_for_plan(context, plan)
    for round_ in plan.rounds:
        if round_.locked:
            continue
        options = [t for t in round_.tables if len(t.seats) < _limit(t, context.policy.max_size)]
        if not options:
            remedy = (
                "every chair in the room is taken; add tables to the room in the settings, then generate"
                if context.policy.physical
                else "regenerate the plan to add a table"
            )
            raise ConflictError(f"round {round_.number} has no free seat for {person.label}: {remedy}")
        best: tuple[float, SeatingPlan, str] | None = None
        for table in options:
            tables = tuple(
                _with_members(t, [*t.member_ids, member_id]) if t.label == table.label else t for t in round_.tables
            )
            candidate = _replace_round(current, round_.model_copy(update={"tables": tables}))
            cost = plan_cost(context, candidate, problem)
            if best is None or cost < best[0]:
                best = (cost, candidate, table.label)
        assert best is not None
        current = best[1]
        moves.append(SeatMove(round_.number, member_id, None, best[2]))
    return LiveChange(current, tuple(moves))


def remove_member(plan: SeatingPlan, context: SeatingContext, member_id: int) -> LiveChange:
    """Take `member_id` out of every unlocked round; refill any table left below the minimum with the
    fewest moves (one person from a roomier table, or the short table's few people spread out)."""
    moves: list[SeatMove] = []
    warnings: list[str] = []
    current = plan
    min_size = context.policy.min_size
    problem = compile_for_plan(context, plan)
    for round_ in plan.rounds:
        if round_.locked or member_id not in round_.member_ids:
            continue
        source = round_.table_of(member_id)
        assert source is not None
        tables = [
            _with_members(t, [m for m in t.member_ids if m != member_id]) if t.label == source.label else t
            for t in round_.tables
        ]
        moves.append(SeatMove(round_.number, member_id, source.label, None))
        short = next(t for t in tables if t.label == source.label)
        if len(short.seats) < min_size and len(short.seats) < len(source.seats):
            tables, extra, warning = _refill(current, round_, tables, short, context, problem)
            moves.extend(extra)
            warnings.extend(warning)
        tables = [t for t in tables if t.seats]
        current = _replace_round(current, round_.model_copy(update={"tables": tuple(tables)}))
    return LiveChange(current, tuple(moves), tuple(warnings))


def _is_host(context: SeatingContext, member_id: int) -> bool:
    person = context.person(member_id)
    return bool(person and context.constraints.pin_hosts and Tag.HOST in person.tags)


def _refill(  # noqa: PLR0917 -- one private helper, called once
    plan: SeatingPlan,
    round_: Round,
    tables: list[Table],
    short: Table,
    context: SeatingContext,
    problem: Problem,
) -> tuple[list[Table], list[SeatMove], list[str]]:
    min_size, max_size = context.policy.min_size, context.policy.max_size
    options: list[tuple[int, float, list[Table], list[SeatMove]]] = []

    def cost_of(candidate: list[Table]) -> float:
        trial = _replace_round(plan, round_.model_copy(update={"tables": tuple(candidate)}))
        return plan_cost(context, trial, problem)

    # One person from a table that stays at or above the minimum joins the short table.
    for donor in tables:
        if donor.label == short.label or len(donor.seats) <= min_size:
            continue
        for m in donor.member_ids:
            if _is_host(context, m):
                continue
            candidate = [
                _with_members(t, [x for x in t.member_ids if x != m])
                if t.label == donor.label
                else _with_members(t, [*t.member_ids, m])
                if t.label == short.label
                else t
                for t in tables
            ]
            options.append((1, cost_of(candidate), candidate, [SeatMove(round_.number, m, donor.label, short.label)]))
    # Or the short table's people go to tables with room, and the table is cleared.
    remaining = list(short.member_ids)
    room = sum(_limit(t, max_size) - len(t.seats) for t in tables if t.label != short.label)
    if remaining and room >= len(remaining) and not any(_is_host(context, m) for m in remaining):
        candidate = [t for t in tables if t.label != short.label]
        spread: list[SeatMove] = []
        for m in remaining:
            best: tuple[float, list[Table], str] | None = None
            for i, t in enumerate(candidate):
                if len(t.seats) >= _limit(t, max_size):
                    continue
                trial = list(candidate)
                trial[i] = _with_members(t, [*t.member_ids, m])
                cost = cost_of([*trial, _with_members(short, [])])
                if best is None or cost < best[0]:
                    best = (cost, trial, t.label)
            assert best is not None
            candidate = best[1]
            spread.append(SeatMove(round_.number, m, short.label, best[2]))
        options.append((len(spread), cost_of(candidate), candidate, spread))
    if not options:
        return (
            tables,
            [],
            [f"round {round_.number}: table {short.label} is below {min_size} and no one can move"],
        )
    options.sort(key=lambda option: (option[0], option[1]))
    _count, _cost, chosen, moved = options[0]
    return chosen, moved, []


def apply_change(plan: SeatingPlan, change: ManualChange, max_size: int | None = None) -> SeatingPlan:
    """The plan after a manual swap or move; refuses changes to locked rounds or full tables."""
    round_ = plan.round(change.round)
    if round_.locked:
        raise ConflictError(f"round {change.round} is locked: it has already run")
    source = round_.table_of(change.member_id)
    if source is None:
        raise TablesessionError(f"member {change.member_id} is not seated in round {change.round}")
    if change.kind == "swap":
        if change.other_member_id is None:
            raise TablesessionError("a swap needs a second member")
        target = round_.table_of(change.other_member_id)
        if target is None:
            raise TablesessionError(f"member {change.other_member_id} is not seated in round {change.round}")
        a, b = change.member_id, change.other_member_id

        def swapped(t: Table) -> Table:
            return _with_members(t, [b if m == a else a if m == b else m for m in t.member_ids])

        tables = tuple(swapped(t) if t.label in (source.label, target.label) else t for t in round_.tables)
    else:
        target = next((t for t in round_.tables if t.label == change.to_table), None)
        if target is None:
            raise TablesessionError(f"round {change.round} has no table {change.to_table!r}")
        if target.label == source.label:
            return plan
        limit = target.capacity if target.capacity else max_size
        if limit is not None and len(target.seats) >= limit:
            raise ConflictError(f"table {target.label} is full in round {change.round}")
        tables = tuple(
            _with_members(t, [m for m in t.member_ids if m != change.member_id])
            if t.label == source.label
            else _with_members(t, [*t.member_ids, change.member_id])
            if t.label == target.label
            else t
            for t in round_.tables
        )
    return _replace_round(plan, round_.model_copy(update={"tables": tables}))


def score_change(plan: SeatingPlan, context: SeatingContext, change: ManualChange) -> ChangeEffect:
    """What a manual change would do to the plan's cost and stats, without making it."""
    after = apply_change(plan, change, context.policy.max_size)
    problem = compile_for_plan(context, plan)
    return ChangeEffect(
        cost_before=plan_cost(context, plan, problem),
        cost_after=plan_cost(context, after, problem),
        before=context_stats(context, plan),
        after=context_stats(context, after),
    )
