"""Speaking order at each table: who spoke early in one round speaks later in the next."""

from __future__ import annotations

import random


def speaking_order(rounds: list[list[list[int]]], rng: random.Random) -> list[list[list[int]]]:
    """The same tables with each table's people in speaking order."""
    earliness: dict[int, float] = {}  # summed share of the table that spoke after them
    opened: dict[int, int] = {}  # times they spoke first: opening a table is the hardest slot
    ordered: list[list[list[int]]] = []
    for round_ in rounds:
        tables: list[list[int]] = []
        for people in round_:
            shuffled = list(people)
            rng.shuffle(shuffled)
            shuffled.sort(key=lambda p: (opened.get(p, 0), earliness.get(p, 0.0)))
            if shuffled:
                opened[shuffled[0]] = opened.get(shuffled[0], 0) + 1
            last = max(len(shuffled) - 1, 1)
            for position, p in enumerate(shuffled):
                earliness[p] = earliness.get(p, 0.0) + (len(shuffled) - 1 - position) / last
            tables.append(shuffled)
        ordered.append(tables)
    return ordered
