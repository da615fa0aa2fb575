"""Tabu search over swaps (after Dotu & Van Hentenryck, and Triska & Musliu).

Each step looks at people involved in a costly pair (a repeat, a pair from earlier meetings, a
keep-apart pair, a split group) or in a crowded tag, and tries trading them with everyone at the other
tables of that round; the best trade is made even when it makes things worse, unless it is tabu (the
person returning to a table they just left). After a long stall a few random trades shake the plan.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from .state import Assignment, SeatingState

EPSILON = 1e-6
TABU_TENURE = (8, 14)  # iterations a person may not return to the table they left
CANDIDATES_PER_STEP = 12  # conflicted people examined per step; the rest wait for later steps
SHAKE_AFTER = 150  # steps without a new best before random trades
RESTORE_AFTER_SHAKES = 6  # shakes without a new best before going back to the best plan

Progress = Callable[[float, float], None]  # (share of the budget used, best cost so far)
# A better plan than the last one taken: the caller may show it while the search goes on. It answers
# whether it took the plan (it may take at most a few a second; an unneeded one is offered again later).
Better = Callable[[Assignment, float], bool]


@dataclass(frozen=True)
class SearchLimits:
    deadline: float  # time.monotonic() value
    patience: int  # steps without a new best before giving up
    max_steps: int = 1_000_000
    began: float | None = None  # when the whole solve began, so progress runs on across restarts
    stop: Callable[[], bool] | None = None  # asked every few steps: True ends the search with its best so far


@dataclass(frozen=True)
class SearchOutcome:
    steps: int
    best_cost: float
    reached_bound: bool
    timed_out: bool


def conflicted(state: SeatingState, rounds: list[int]) -> list[tuple[int, int]]:
    """(round, person) for everyone in a costly pair, a split group or an over-full tag, not pinned."""
    pr, n = state.problem, state.n
    static, repeat, meet, pinned = pr.static, pr.repeat, state.meet, pr.pinned
    found: list[tuple[int, int]] = []
    for r in rounds:
        marked: set[int] = set()
        for people in state.tables[r]:
            for i, p in enumerate(people):
                row = p * n
                for q in people[i + 1 :]:
                    k = row + q
                    if static[k] > 0 or (repeat[k] and meet[k] > 1):
                        marked.add(p)
                        marked.add(q)
        for group in pr.groups:
            if len({state.where[r][p] for p in group}) > 1:
                marked.update(group)
        if pr.attr_names:
            slots = state.attr_count[r]
            for a in range(len(pr.attr_names)):
                total = sum(slot[a] for slot in slots)
                ceiling = -(-total // len(slots))
                for s, slot in enumerate(slots):
                    if slot[a] > ceiling:
                        marked.update(p for p in state.tables[r][s] if a in pr.attrs[p])
        found.extend((r, p) for p in sorted(marked) if pinned[p] < 0)
    return found


def _unit(state: SeatingState, r: int, p: int) -> list[int]:
    g = state.problem.group_of[p]
    if g < 0:
        return [p]
    slot = state.where[r][p]
    return [q for q in state.problem.groups[g] if state.where[r][q] == slot]


def _partners(state: SeatingState, r: int, slot: int, size: int) -> list[list[int]]:
    """Sets of `size` movable people at `slot` to trade with a unit of that size."""
    pr = state.problem
    people = [q for q in state.tables[r][slot] if pr.pinned[q] < 0]
    if size == 1:
        return [[q] for q in people if pr.group_of[q] < 0 or len(_unit(state, r, q)) == 1]
    options: list[list[int]] = []
    seen: set[tuple[int, ...]] = set()
    for q in people:
        unit = _unit(state, r, q)
        if len(unit) == size and tuple(unit) not in seen:
            seen.add(tuple(unit))
            options.append(unit)
    singles = [q for q in people if pr.group_of[q] < 0]
    if len(singles) >= size:
        options.append(singles[:size])
        options.append(singles[-size:])
    return options


def tabu_search(
    state: SeatingState,
    rounds: list[int],
    rng: random.Random,
    limits: SearchLimits,
    *,
    progress: Progress | None = None,
    better: Better | None = None,
    now: Callable[[], float] = time.monotonic,
) -> tuple[SearchOutcome, Assignment]:
    """Improve `state` in the given rounds; returns the outcome and the best assignment seen.

    `better`, when given, is offered each new best as the search finds it (at most every 32 steps)."""
    bound = state.lower_bound()
    best_cost = state.cost
    best = state.snapshot()
    tabu: dict[tuple[int, int, int], int] = {}
    step = since_best = shakes = 0
    started = now() if limits.began is None else limits.began
    total_time = max(limits.deadline - started, EPSILON)
    timed_out = False
    offered = best_cost
    while best_cost > bound + EPSILON and step < limits.max_steps and since_best < limits.patience:
        if step % 32 == 0:
            moment = now()
            if moment >= limits.deadline or (limits.stop is not None and limits.stop()):
                timed_out = True
                break
            if progress is not None:
                progress(min(1.0, (moment - started) / total_time), best_cost)
            if better is not None and best_cost < offered - EPSILON and better(best, best_cost):
                offered = best_cost
        step += 1
        since_best += 1
        candidates = conflicted(state, rounds)
        if not candidates:
            break  # nothing costly left: the rest of the cost is the bound's own
        if len(candidates) > CANDIDATES_PER_STEP:
            candidates = rng.sample(candidates, CANDIDATES_PER_STEP)
        move: tuple[int, list[int], list[int]] | None = None
        move_delta = 0.0
        ties = 0
        for r, p in candidates:
            unit = _unit(state, r, p)
            a = state.where[r][p]
            for b in range(len(state.tables[r])):
                if b == a:
                    continue
                for partner in _partners(state, r, b, len(unit)):
                    delta = state.exchange_delta(r, unit, partner)
                    forbidden = any(tabu.get((r, x, b), 0) > step for x in unit) or any(
                        tabu.get((r, y, a), 0) > step for y in partner
                    )
                    if forbidden and state.cost + delta >= best_cost - EPSILON:
                        continue
                    if move is None or delta < move_delta - EPSILON:
                        move, move_delta, ties = (r, unit, partner), delta, 1
                    elif delta <= move_delta + EPSILON:
                        ties += 1
                        if rng.randrange(ties) == 0:
                            move = (r, unit, partner)
        if move is None:
            continue
        r, unit, partner = move
        a, b = state.where[r][unit[0]], state.where[r][partner[0]]
        state.apply(r, unit, partner, move_delta)
        for x in unit:
            tabu[(r, x, a)] = step + rng.randint(*TABU_TENURE)
        for y in partner:
            tabu[(r, y, b)] = step + rng.randint(*TABU_TENURE)
        if state.cost < best_cost - EPSILON:
            best_cost, best = state.cost, state.snapshot()
            since_best = shakes = 0
        elif since_best % SHAKE_AFTER == 0:
            shakes += 1
            if shakes % RESTORE_AFTER_SHAKES == 0:
                _restore(state, best)
            _shake(state, rounds, rng)
    return SearchOutcome(step, best_cost, best_cost <= bound + EPSILON, timed_out), best


def _shake(state: SeatingState, rounds: list[int], rng: random.Random) -> None:
    """Two random trades of movable single people, to leave a basin the tabu list cannot."""
    pr = state.problem
    for _ in range(2):
        r = rng.choice(rounds)
        slots = len(state.tables[r])
        if slots < 2:
            return
        a, b = rng.sample(range(slots), 2)
        left = [p for p in state.tables[r][a] if pr.pinned[p] < 0 and pr.group_of[p] < 0]
        right = [q for q in state.tables[r][b] if pr.pinned[q] < 0 and pr.group_of[q] < 0]
        if left and right:
            state.apply(r, [rng.choice(left)], [rng.choice(right)])


def _restore(state: SeatingState, best: Assignment) -> None:
    fresh = SeatingState(state.problem, [[list(t) for t in round_] for round_ in best])
    state.tables, state.where, state.meet = fresh.tables, fresh.where, fresh.meet
    state.attr_count, state.cost = fresh.attr_count, fresh.cost
