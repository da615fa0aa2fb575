"""Pairs who met at earlier meetings, weighed by how recently: last week counts 1, older meetings fade
towards one half, so a pair from months ago is still worth avoiding, just less than last week's."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from .request import PairKey

# A meeting this many weeks before the last one has lost half of what can fade.
HALF_LIFE_WEEKS = 6.0
FLOOR = 0.5  # the weight an old meeting keeps


def recency_weight(when: dt.date, on: dt.date | None) -> float:
    """1.0 for the latest week (or any date when `on` is unknown), fading towards FLOOR."""
    if on is None:
        return 1.0
    weeks_before = max(0.0, (on - when).days / 7.0 - 1.0)
    return FLOOR + (1.0 - FLOOR) * float(0.5 ** (weeks_before / HALF_LIFE_WEEKS))


def pair_weights(history: Mapping[PairKey, Sequence[dt.date]], on: dt.date | None) -> dict[PairKey, float]:
    """Each pair's earlier meetings as one recency-weighted count, smaller member id first."""
    weights: dict[PairKey, float] = {}
    for (a, b), dates in history.items():
        if a == b or not dates:
            continue
        key = (a, b) if a < b else (b, a)
        weights[key] = weights.get(key, 0.0) + sum(recency_weight(d, on) for d in dates)
    return weights
