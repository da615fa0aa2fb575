"""Seat one round greedily: each person (hardest first) takes the open table where they add least cost."""

from __future__ import annotations

import random

from .problem import Problem


def _units(problem: Problem, people: list[int]) -> list[list[int]]:
    """Keep-together groups as one unit each, everyone else alone."""
    present = set(people)
    seen: set[int] = set()
    units: list[list[int]] = []
    for p in people:
        if p in seen:
            continue
        g = problem.group_of[p]
        unit = [q for q in problem.groups[g] if q in present] if g >= 0 else [p]
        seen.update(unit)
        units.append(unit)
    return units


def greedy_round(problem: Problem, meet: list[int], sizes: list[int], rng: random.Random) -> list[list[int]]:
    """One round for everyone, table `i` seating exactly `sizes[i]`, given the meetings so far in `meet`.

    Pinned people go first, then groups, then the rest with the most costly pairs first (ties shuffled).
    """
    n = problem.n
    static, repeat = problem.static, problem.repeat
    tables: list[list[int]] = [[] for _ in sizes]
    counts = [[0] * len(problem.attr_names) for _ in sizes]
    weight_balance = problem.weights.balance
    people = list(range(n))
    rng.shuffle(people)
    trouble = [sum(1 for q in range(n) if static[p * n + q] > 0 or meet[p * n + q] > 0) for p in range(n)]
    people.sort(key=lambda p: -trouble[p])
    units = _units(problem, people)
    units.sort(key=lambda unit: (0 if problem.pinned[unit[0]] >= 0 else 1, -len(unit)))

    def place(unit: list[int], slot: int) -> None:
        for p in unit:
            tables[slot].append(p)
            for attr in problem.attrs[p]:
                counts[slot][attr] += 1

    for unit in units:
        pinned = problem.pinned[unit[0]]
        if pinned >= 0:
            place(unit, pinned)
            continue
        pieces = (
            [unit] if any(sizes[s] - len(tables[s]) >= len(unit) for s in range(len(sizes))) else [[p] for p in unit]
        )
        for piece in pieces:
            best_slot, best_cost = -1, 0.0
            for slot, size in enumerate(sizes):
                if size - len(tables[slot]) < len(piece):
                    continue
                cost = 0.0
                for p in piece:
                    row = p * n
                    for x in tables[slot]:
                        m = meet[row + x]
                        cost += static[row + x] + repeat[row + x] * m * m
                    for attr in problem.attrs[p]:
                        cost += weight_balance * (2 * counts[slot][attr] + 1)
                # Among equal costs, the emptiest table, so groups and latecomers still find room.
                cost -= 1e-6 * (size - len(tables[slot])) / size
                if best_slot < 0 or cost < best_cost:
                    best_slot, best_cost = slot, cost
            place(piece, best_slot)
    return tables


def record_round(meet: list[int], n: int, tables: list[list[int]]) -> None:
    for people in tables:
        for i, p in enumerate(people):
            for q in people[i + 1 :]:
                meet[p * n + q] += 1
                meet[q * n + p] += 1
