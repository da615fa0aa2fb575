"""Solve a seating request: choose tables, start from an algebraic design (or greedily), then tabu search."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from sessions.models import Round, SeatingPlan, Table

from .affine import affine_rounds
from .cyclic import CyclicDesign, cyclic_design, stored_design
from .designs import grid_design
from .greedy import greedy_round, record_round
from .kirkman3q import kirkman_3q_rounds
from .latin import ORDER, mols10_rounds
from .layout import Layout, choose_layout
from .order import speaking_order
from .problem import CostWeights, Problem, compile_problem
from .request import SeatingRequest
from .search import Progress, SearchLimits, tabu_search
from .spreads import spread_design
from .state import Assignment, SeatingState, most_repeat_free_rounds
from .stats import SeatingStats, history_counts, plan_stats
from .translated import TranslatedDesign, translated_design
from .tripling import tripled_kirkman

# Rounds beyond what an algebraic design covers start as greedy rounds, and whether the search then removes
# every repeat depends much on that start (32 people at 8 tables of 4 over 10 rounds: about one start in
# six). So from such a start the search gives up sooner and begins again from a fresh design and greedy
# rounds, keeping the best plan; the count, not the clock, bounds it, so a seed still gives one plan.
EXTENDED_DESIGN_PATIENCE = 300
EXTENDED_DESIGN_STARTS = 16
# Seconds the cyclic construction may look for a base round before the search takes over.
CYCLIC_SECONDS = 6.0


@dataclass(frozen=True)
class SeatingResult:
    plan: SeatingPlan
    stats: SeatingStats
    layout: Layout
    warnings: tuple[str, ...]
    method: str  # e.g. "GF(7) + search": how the plan was reached
    seconds: float
    steps: int
    reached_bound: bool  # nothing better is possible (no repeats, groups kept, tags spread)


def _enforce_pins(problem: Problem, round_: list[list[int]]) -> None:
    """Move pinned people to their table by trading with someone unpinned there."""
    where = {p: s for s, people in enumerate(round_) for p in people}
    for p, slot in enumerate(problem.pinned):
        current = where[p]
        if slot < 0 or current == slot:
            continue
        other = next((q for q in round_[slot] if problem.pinned[q] != slot), None)
        if other is None:
            continue
        round_[current][round_[current].index(p)] = other
        round_[slot][round_[slot].index(other)] = p
        where[p], where[other] = slot, current


def _cyclic_may_help(sizes: list[int], rounds: int) -> bool:
    """Equal tables, at least as many tables as seats, and no more rounds than the counting bound."""
    size, tables = sizes[0], len(sizes)
    if min(sizes) != size or size < 2 or tables < size:
        return False
    if tables == size and rounds > most_repeat_free_rounds(tables):
        return False  # proven impossible (6 tables of 6 past 3 rounds): let the search spread the repeats
    return rounds <= (tables * size - 1) // (size - 1)


def design_rounds(
    problem: Problem, rounds: int, rng: random.Random, seed: int, seconds: float = CYCLIC_SECONDS
) -> tuple[Assignment, str]:
    """Rounds from a grid design when the tables are balanced, else nothing."""
    sizes = list(problem.layout.sizes)
    tables, n = len(sizes), problem.n
    if rounds < 2 or tables < 2 or max(sizes) - min(sizes) > 1:
        return [], ""
    if any(slot.capacity < max(sizes) for slot in problem.layout.slots):
        return [], ""
    started = time.monotonic()
    anchors: dict[int, int] = {}
    for p in range(n):
        if problem.pinned[p] >= 0:
            anchors.setdefault(problem.pinned[p], p)
    stored: CyclicDesign | TranslatedDesign | None = None
    if not anchors and _cyclic_may_help(sizes, rounds):
        stored = stored_design(tables, sizes[0], rounds) or translated_design(tables, sizes[0], rounds)
    if stored is not None:
        # A stored design reaches the best known count at once: no grid or search needed.
        return _seat_design(problem, list(stored.rounds), {}, rng), stored.source
    # Planes (q^2) come from the grid designs already; spaces of dimension 3 and up only from here.
    spaces = not anchors and n > sizes[0] ** 2 and _cyclic_may_help(sizes, rounds)
    lines = affine_rounds(tables, sizes[0], rounds) if spaces else ()
    if len(lines) >= rounds:
        # q^d people at tables of q: the lines of AG(d, q) seat every pair once (81 at tables of 3: 40 rounds).
        dimension = round(math.log(n, sizes[0]))
        return _seat_design(problem, list(lines), {}, rng), f"AG({dimension}, {sizes[0]})"
    # 45 and 63 people at tables of 3: three copies of the Kirkman systems on 15 and 21 (after AG(4, 3) for 81).
    tripled = None if anchors or not _cyclic_may_help(sizes, rounds) else tripled_kirkman(tables, sizes[0], rounds)
    if tripled is not None:
        return _seat_design(problem, list(tripled), {}, rng), f"Kirkman triple system tripled from {n // 3} people"
    direct = None if anchors or not _cyclic_may_help(sizes, rounds) else kirkman_3q_rounds(tables, sizes[0], rounds)
    if direct is not None:
        return _seat_design(
            problem, list(direct), {}, rng
        ), f"Kirkman triple system on 3 x {tables} (Ray-Chaudhuri-Wilson)"
    if not anchors and tables == ORDER and sizes == [ORDER] * ORDER and rounds > 2:
        # 10 tables of 10: no field of order 10, but two orthogonal Latin squares give 4 rounds.
        return _seat_design(problem, list(mols10_rounds(rounds)), {}, rng), "two orthogonal Latin squares of order 10"
    rows = -(-n // tables)
    # The offsets search for tables that are not a prime power gets at most half the construction time.
    design = grid_design(tables, rows, rounds, seed=seed, people=n, deadline=started + seconds / 2)
    design_list = list(design.rounds)
    if anchors and design.rows_round:
        design_list.pop()  # the rows round seats all of row 0 (the hosts) at one table
    source = design.source
    if not anchors and len(design_list) < rounds and min(sizes) == max(sizes):
        # A full room of 2^m at tables of 2^k may get more rounds from a spread than from the grid.
        spread = spread_design(tables, sizes[0], rounds, seed=seed)
        if spread is not None and len(spread.rounds) > len(design_list):
            design_list, source = list(spread.rounds), spread.source
    if not anchors and len(design_list) < rounds and _cyclic_may_help(sizes, rounds):
        # Resolvable designs with a cyclic base round (Kirkman systems, RBIBD(v, 4, 1), ...).
        left = seconds - (time.monotonic() - started)  # the grid's offsets search may have used some
        cyclic = cyclic_design(tables, sizes[0], rounds, seed=seed, seconds=max(0.0, left))
        if cyclic is not None:
            design_list, source = list(cyclic.rounds), cyclic.source
    if len(design_list) < 2:
        return [], ""
    return _seat_design(problem, design_list, anchors, rng), source


def _seat_design(
    problem: Problem, design_list: list[tuple[int, ...]], anchors: dict[int, int], rng: random.Random
) -> Assignment:
    """People onto the design's points: one pinned person per table on row 0, whose people keep their
    table in every grid round; anyone else pinned (a host's buddy) is brought to the table afterwards."""
    n, sizes = problem.n, problem.layout.sizes
    points: list[int] = [-1] * n
    for slot, p in anchors.items():
        points[slot] = p
    others = [p for p in range(n) if p not in anchors.values()]
    rng.shuffle(others)
    free = (i for i in range(n) if points[i] < 0)
    for p, point in zip(others, free, strict=False):
        points[point] = p
    assignment: Assignment = []
    for design_round in design_list:
        round_: list[list[int]] = [[] for _ in sizes]
        for point in range(n):
            round_[design_round[point]].append(points[point])
        _enforce_pins(problem, round_)
        assignment.append(round_)
    return assignment


@dataclass(frozen=True)
class Start:
    """Where a search begins: the rounds, how they were made, and how many came from a design."""

    assignment: Assignment
    method: str
    designed: int

    def extends_design(self) -> bool:
        return 2 <= self.designed < len(self.assignment)


def initial_assignment(
    problem: Problem, rounds: int, rng: random.Random, seed: int, construction_seconds: float = CYCLIC_SECONDS
) -> Start:
    assignment, method = design_rounds(problem, rounds, rng, seed, construction_seconds)
    designed = len(assignment)
    meet = list(problem.base_meetings)
    for round_ in assignment:
        record_round(meet, problem.n, round_)
    sizes = list(problem.layout.sizes)
    if len(assignment) < rounds:
        method = f"{method} + greedy" if method else "greedy"
    while len(assignment) < rounds:
        round_ = greedy_round(problem, meet, sizes, rng)
        record_round(meet, problem.n, round_)
        assignment.append(round_)
    return Start(assignment, method, designed)


def _search(
    problem: Problem,
    free: int,
    request: SeatingRequest,
    rng: random.Random,
    *,
    started: float,
    progress: Progress | None,
    reporter: _Reporter | None,
    stop: Callable[[], bool] | None,
    now: Callable[[], float],
) -> tuple[Assignment, str, int, bool]:
    """Search from one start, or from several when the start extends a design; the best plan found."""
    # The constructions get most of the time limit once; restarts do not look again.
    start = initial_assignment(problem, free, rng, request.seed, min(CYCLIC_SECONDS, 0.6 * request.time_limit))
    restarting = start.extends_design()
    patience = min(request.patience, EXTENDED_DESIGN_PATIENCE) if restarting else request.patience
    limits = SearchLimits(deadline=started + request.time_limit, patience=patience, began=started, stop=stop)
    best: tuple[float, Assignment] = (float("inf"), start.assignment)
    steps, method, attempt = 0, start.method, 0
    while True:
        state = SeatingState(problem, start.assignment)
        better = reporter.better(start.method) if reporter is not None else None
        if better is not None:
            better(state.snapshot(), state.cost)  # a design start may already beat the first plan shown
        outcome, assignment = tabu_search(
            state, list(range(free)), rng, limits, progress=progress, better=better, now=now
        )
        steps += outcome.steps
        if outcome.best_cost < best[0]:
            best, method = (outcome.best_cost, assignment), start.method
        attempt += 1
        stopped = stop is not None and stop()
        if outcome.reached_bound or outcome.timed_out or stopped or not restarting or attempt >= EXTENDED_DESIGN_STARTS:
            break
        start = initial_assignment(problem, free, rng, request.seed + attempt, construction_seconds=0.0)
    if steps:
        method += " + search"
    if attempt > 1:
        method += f" ({attempt} starts)"
    return best[1], method, steps, outcome.reached_bound


# Plans offered while the search goes on reach the caller at most this often: the screen shows each one.
REPORT_SECONDS = 0.5
PlanReport = Callable[[SeatingResult], None]


@dataclass
class _Compiled:
    """What turns an assignment of the rounds still free into a plan: the problem, its tables, the kept rounds."""

    request: SeatingRequest
    problem: Problem
    layout: Layout
    locked: list[Round]

    def result(  # noqa: PLR0917 -- a plan's whole account, as solve gives it
        self,
        assignment: Assignment,
        rng: random.Random,
        method: str,
        seconds: float,
        steps: int,
        reached: bool,
    ) -> SeatingResult:
        request, problem, layout, locked = self.request, self.problem, self.layout, self.locked
        ordered = speaking_order(assignment, rng)
        new_rounds = tuple(
            Round(
                number=len(locked) + i + 1,
                tables=tuple(
                    Table.of(slot.label, [problem.ids[p] for p in people], capacity=slot.capacity)
                    for slot, people in zip(layout.slots, round_, strict=True)
                ),
            )
            for i, round_ in enumerate(ordered)
        )
        plan = SeatingPlan(meeting_id=request.meeting_id, rounds=(*locked, *new_rounds), seed=request.seed)
        stats = plan_stats(
            plan.rounds,
            history_counts(request.history),
            together=[[problem.ids[p] for p in g] for g in problem.groups],
            apart=[(problem.ids[p], problem.ids[q]) for p, q in problem.apart],
        )
        warnings = [*layout.warnings, *problem.warnings]
        if stats.apart_violations:
            warnings.append(f"{stats.apart_violations} kept-apart pair(s) had to share a table")
        if stats.together_violations:
            warnings.append(f"{stats.together_violations} time(s) a keep-together group could not sit together")
        return SeatingResult(
            plan=plan,
            stats=stats,
            layout=layout,
            warnings=tuple(warnings),
            method=method,
            seconds=seconds,
            steps=steps,
            reached_bound=reached,
        )


class _Reporter:
    """Offers the caller each plan better than the last one it got, at most every REPORT_SECONDS."""

    def __init__(self, compiled: _Compiled, report: PlanReport, started: float, now: Callable[[], float]) -> None:
        self.compiled, self.report, self.started, self.now = compiled, report, started, now
        self.cost = float("inf")
        self.when = float("-inf")

    def offer(self, assignment: Assignment, cost: float, method: str) -> bool:
        """Report the plan if it beats the last one reported and enough time has passed; whether it did."""
        moment = self.now()
        if cost >= self.cost - 1e-6 or moment - self.when < REPORT_SECONDS:
            return False
        self.cost, self.when = cost, moment
        # Its own random order of speakers, so the final plan for a seed stays what it always was.
        rng = random.Random(self.compiled.request.seed)
        self.report(self.compiled.result(assignment, rng, method, moment - self.started, 0, reached=False))
        return True

    def better(self, method: str) -> Callable[[Assignment, float], bool]:
        return lambda assignment, cost: self.offer(assignment, cost, f"{method} + search")


def _compiled(request: SeatingRequest, weights: CostWeights | None) -> tuple[_Compiled, int]:
    if request.rounds < 1:
        raise ValueError("at least one round is needed")
    locked = sorted(request.locked, key=lambda r: r.number)
    layout = choose_layout(len(request.people), request.policy)
    problem = compile_problem(request, layout, weights)
    return _Compiled(request, problem, layout, locked), max(0, request.rounds - len(locked))


def _quick_start(compiled: _Compiled, free: int) -> tuple[Start, SeatingState]:
    """Greedy rounds (and designs found without searching): a complete plan in milliseconds, and its state."""
    request, problem = compiled.request, compiled.problem
    start = initial_assignment(problem, free, random.Random(request.seed), request.seed, 0.0)
    return start, SeatingState(problem, start.assignment)


def first_plan(request: SeatingRequest, *, weights: CostWeights | None = None) -> SeatingResult:
    """The plan `solve(request, report=...)` offers first, made without any search."""
    started = time.monotonic()
    compiled, free = _compiled(request, weights)
    if not free or not compiled.problem.n:
        return compiled.result([], random.Random(request.seed), "locked", 0.0, 0, reached=True)
    start, state = _quick_start(compiled, free)
    # A design may seat everyone at once as well as can be: then there is nothing left to search for.
    reached = state.cost <= state.lower_bound() + 1e-6
    rng = random.Random(request.seed)
    return compiled.result(start.assignment, rng, start.method, time.monotonic() - started, 0, reached=reached)


def solve(
    request: SeatingRequest,
    *,
    weights: CostWeights | None = None,
    progress: Progress | None = None,
    report: PlanReport | None = None,
    stop: Callable[[], bool] | None = None,
    first_shown: bool = False,
    now: Callable[[], float] = time.monotonic,
) -> SeatingResult:
    """A plan for `request`; the same request and seed give the same plan.

    With `report`, a complete plan is offered at once (`first_plan`, made in milliseconds; not when the
    caller has `first_shown` it already), then each better one the search finds (at most every
    REPORT_SECONDS), and the best is returned at the end. `stop` returning True ends the search early
    with the best plan so far.
    """
    started = now()
    compiled, free = _compiled(request, weights)
    problem = compiled.problem
    rng = random.Random(request.seed)
    steps, reached, method = 0, True, "locked"
    assignment: Assignment = []
    if free and problem.n:
        reporter = _Reporter(compiled, report, started, now) if report is not None else None
        if reporter is not None:
            start, state = _quick_start(compiled, free)
            if first_shown:
                reporter.cost, reporter.when = state.cost, now()  # only better plans than the one on screen
            else:
                reporter.offer(start.assignment, state.cost, start.method)
        assignment, method, steps, reached = _search(
            problem, free, request, rng, started=started, progress=progress, reporter=reporter, stop=stop, now=now
        )
    result = compiled.result(assignment, rng, method, now() - started, steps, reached)
    if progress is not None:
        progress(1.0, 0.0)
    return result
