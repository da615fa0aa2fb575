"""The baseline the engine is measured against, written from its published description (Good-Enough
Golfers): build one round at a time; a pair seated together costs (times they met before)^2; kept-apart
pairs are forbidden; each round is improved by swaps until no swap helps, and never revisited."""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from itertools import combinations

from sessions.seating.layout import Layout, choose_layout
from sessions.seating.request import PairKey, SeatingRequest

FORBIDDEN = 1e9  # "infinite" cost of a kept-apart pair


def baseline_rounds(request: SeatingRequest, layout: Layout | None = None) -> list[list[list[int]]]:
    """Rounds of tables of member ids for `request` (constraints other than keep-apart are ignored)."""
    ids = sorted(p.member_id for p in request.people)
    layout = layout or choose_layout(len(ids), request.policy)
    rng = random.Random(request.seed)
    met: dict[PairKey, int] = {}
    for (a, b), dates in request.history.items():
        met[(min(a, b), max(a, b))] = len(dates)
    forbidden = {(min(a, b), max(a, b)) for a, b in request.constraints.keep_apart}
    rounds: list[list[list[int]]] = []
    for _ in range(request.rounds):
        tables = _one_round(ids, list(layout.sizes), met, forbidden, rng)
        for people in tables:
            for a, b in combinations(sorted(people), 2):
                met[(a, b)] = met.get((a, b), 0) + 1
        rounds.append(tables)
    return rounds


def _cost(p: int, table: Sequence[int], met: Mapping[PairKey, int], forbidden: set[PairKey]) -> float:
    total = 0.0
    for x in table:
        if x == p:
            continue
        key = (p, x) if p < x else (x, p)
        total += FORBIDDEN if key in forbidden else met.get(key, 0) ** 2
    return total


def _one_round(
    ids: list[int], sizes: list[int], met: Mapping[PairKey, int], forbidden: set[PairKey], rng: random.Random
) -> list[list[int]]:
    order = list(ids)
    rng.shuffle(order)
    tables: list[list[int]] = [[] for _ in sizes]
    for p in order:
        open_ = [i for i in range(len(sizes)) if len(tables[i]) < sizes[i]]
        best = min(open_, key=lambda i: (_cost(p, tables[i], met, forbidden), len(tables[i])))
        tables[best].append(p)
    improved = True
    while improved:  # first-improvement swaps within this round only
        improved = False
        for a, b in combinations(range(len(tables)), 2):
            for i, p in enumerate(tables[a]):
                for j, q in enumerate(tables[b]):
                    rest_a = [x for x in tables[a] if x != p]
                    rest_b = [x for x in tables[b] if x != q]
                    before = _cost(p, rest_a, met, forbidden) + _cost(q, rest_b, met, forbidden)
                    after = _cost(q, rest_a, met, forbidden) + _cost(p, rest_b, met, forbidden)
                    if after < before:
                        tables[a][i], tables[b][j] = q, p
                        improved = True
                        break
                if improved:
                    break
            if improved:
                break
    return tables
