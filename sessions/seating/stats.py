"""Figures about a plan: repeats within the meeting and from earlier meetings, and broken rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import combinations

from sessions.models import Round

from .request import PairKey


@dataclass(frozen=True)
class SeatingStats:
    repeat_pairs: int  # pairs who share a table in more than one round of this meeting
    history_repeat_pairs: int  # pairs seated together who already met at an earlier meeting
    max_pair_meetings: int  # most times one seated pair has met, earlier meetings included
    new_pair_ratio: float  # share of the pairs seated together who had never met before
    squared_meetings: int  # sum over pairs of (rounds together)^2: spreads repeats when minimised
    apart_violations: int = 0  # kept-apart pairs seated together (pair-rounds)
    together_violations: int = 0  # keep-together groups split (group-rounds)

    def as_dict(self) -> dict[str, int | float]:
        return asdict(self)


def _key(a: int, b: int) -> PairKey:
    return (a, b) if a < b else (b, a)


def plan_stats(
    rounds: Sequence[Round] | Sequence[Sequence[Sequence[int]]],
    history_counts: Mapping[PairKey, int] | None = None,
    together: Iterable[Sequence[int]] = (),
    apart: Iterable[PairKey] = (),
) -> SeatingStats:
    """Stats for rounds given as models or as lists of tables of member ids."""
    history_counts = history_counts or {}
    tables_by_round = [
        [list(t.member_ids) for t in r.tables] if isinstance(r, Round) else [list(t) for t in r] for r in rounds
    ]
    groups = [tuple(g) for g in together]
    buddies = {_key(a, b) for g in groups for a, b in combinations(g, 2)}
    met: Counter[PairKey] = Counter()
    for tables in tables_by_round:
        for people in tables:
            for a, b in combinations(people, 2):
                met[_key(a, b)] += 1
    counted = {pair: times for pair, times in met.items() if pair not in buddies}
    apart_set = {_key(a, b) for a, b in apart}
    together_violations = 0
    for tables in tables_by_round:
        where = {p: i for i, people in enumerate(tables) for p in people}
        for g in groups:
            if len({where[p] for p in g if p in where}) > 1:
                together_violations += 1
    with_history = [pair for pair in counted if history_counts.get(pair, 0) > 0]
    return SeatingStats(
        repeat_pairs=sum(1 for times in counted.values() if times > 1),
        history_repeat_pairs=len(with_history),
        max_pair_meetings=max((times + history_counts.get(pair, 0) for pair, times in counted.items()), default=0),
        new_pair_ratio=round(1 - len(with_history) / len(counted), 4) if counted else 1.0,
        squared_meetings=sum(times * times for times in counted.values()),
        apart_violations=sum(times for pair, times in met.items() if pair in apart_set),
        together_violations=together_violations,
    )


def history_counts(history: Mapping[PairKey, Sequence[object]]) -> dict[PairKey, int]:
    """How many earlier meetings each pair shared, from the store's pair history."""
    return {_key(a, b): len(dates) for (a, b), dates in history.items() if dates}
