"""The request compiled for the search: people as indices 0..n-1 and every pair's cost in flat tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sessions.models import Tag
from sessions.models.seating_rules import list_names

from .history import pair_weights
from .layout import Layout
from .request import Person, SeatingRequest, SubgroupMode


@dataclass(frozen=True)
class CostWeights:
    """The objective, in order: hard rules, sub-group clusters when asked, no pair twice in a meeting,
    fewest pairs from earlier meetings (recent ones weigh more), then balance. Each tier outweighs
    everything a plan can realistically accumulate in the tiers below it."""

    hard: float = 1_000_000.0
    cluster: float = 30_000.0
    repeat: float = 10_000.0
    history: float = 100.0
    met_before: float = 3.0  # in units of `history`: the part of a pair's cost for having met at all
    balance: float = 1.0


@dataclass
class Problem:
    ids: list[int]
    layout: Layout
    rounds: int
    weights: CostWeights
    # Flat n*n tables indexed p * n + q (symmetric).
    static: list[float]  # cost each time the pair shares a table: keep-apart, clusters, history
    repeat: list[float]  # weight of the pair's repeats within the meeting (0 for people kept together)
    base_meetings: list[int]  # times the pair already sat together in locked rounds
    history: dict[tuple[int, int], float]  # recency-weighted earlier meetings, by index pair (p < q)
    pinned: list[int]  # slot index a person never leaves, or -1
    group_of: list[int]  # keep-together group index, or -1
    groups: list[tuple[int, ...]]
    attrs: list[tuple[int, ...]]  # spread attributes (tags, mixed sub-groups) per person
    attr_names: list[str]
    apart: set[tuple[int, int]]
    warnings: list[str] = field(default_factory=list)

    @property
    def n(self) -> int:
        return len(self.ids)

    @property
    def together_pairs(self) -> int:
        return sum(len(g) * (len(g) - 1) // 2 for g in self.groups)


def _merge_groups(groups: list[set[int]]) -> list[set[int]]:
    """Groups sharing a person become one group (a buddy of two newcomers sits with both)."""
    merged: list[set[int]] = []
    for group in groups:
        overlapping = [m for m in merged if m & group]
        combined = set(group).union(*overlapping)
        merged = [m for m in merged if not (m & group)] + [combined]
    return merged


def _listed(people: Sequence[Person], indexes: Sequence[int]) -> str:
    """'Olga Dubois, Kwame Mensah and Hana Kim': the people at `indexes`, as the facilitator knows them."""
    return list_names(indexes, lambda i: people[i].label)


def compile_problem(request: SeatingRequest, layout: Layout, weights: CostWeights | None = None) -> Problem:
    weights = weights or CostWeights()
    people = sorted(request.people, key=lambda p: p.member_id)
    ids = [p.member_id for p in people]
    if len(set(ids)) != len(ids):
        raise ValueError("a person is listed twice")
    index = {mid: i for i, mid in enumerate(ids)}
    n = len(ids)
    c = request.constraints
    warnings: list[str] = []
    static = [0.0] * (n * n)
    repeat = [weights.repeat] * (n * n)

    apart: set[tuple[int, int]] = set()
    for a, b in c.keep_apart:
        if a in index and b in index and a != b:
            apart.add((min(index[a], index[b]), max(index[a], index[b])))
    # Colleagues are kept apart unless a keep-together rule names them: the rule about two people
    # outranks the setting about everyone.
    colleagues: set[tuple[int, int]] = set()
    if c.apart_same_employer:
        by_employer: dict[str, list[int]] = {}
        for i, person in enumerate(people):
            if person.employer and person.employer.strip():
                by_employer.setdefault(person.employer.strip().casefold(), []).append(i)
        for staff in by_employer.values():
            colleagues.update((p, q) for k, p in enumerate(staff) for q in staff[k + 1 :])

    raw_groups = [{index[m] for m in group if m in index} for group in c.keep_together]
    groups: list[set[int]] = []
    for group in _merge_groups([g for g in raw_groups if len(g) > 1]):
        listed = sorted(group)
        names = _listed(people, listed)
        if len(listed) > layout.largest:
            warnings.append(f"{names} cannot all sit together at tables of {layout.largest}")
        elif any((p, q) in apart for k, p in enumerate(listed) for q in listed[k + 1 :]):
            warnings.append(f"{names} are to be kept both together and apart: kept apart")
        else:
            groups.append(group)
    pinned = [-1] * n
    hosts = [i for i, person in enumerate(people) if c.pin_hosts and Tag.HOST in person.tags]
    if len(hosts) > len(layout.slots):
        warnings.append(
            f"{len(hosts)} hosts but {len(layout.slots)} tables: "
            f"no host's seat for {_listed(people, hosts[len(layout.slots) :])}"
        )
    for slot, host in enumerate(hosts[: len(layout.slots)]):
        pinned[host] = slot
    group_list: list[tuple[int, ...]] = []
    for group in sorted(groups, key=min):
        members = tuple(sorted(group))
        slots = {pinned[p] for p in members if pinned[p] >= 0}
        if len(slots) > 1:
            warnings.append(f"{_listed(people, members)} include two hosts: not kept together")
            continue
        for p in members:
            pinned[p] = next(iter(slots)) if slots else -1
        group_list.append(members)
    group_of = [-1] * n
    for gi, members in enumerate(group_list):
        for p in members:
            group_of[p] = gi
            for q in members:
                if p != q:
                    # Apart costs `hard` per round: the negative cost rewards sitting together.
                    static[p * n + q] -= weights.hard
                    repeat[p * n + q] = 0.0

    apart |= {(p, q) for p, q in colleagues if group_of[p] < 0 or group_of[p] != group_of[q]}
    for p, q in apart:
        static[p * n + q] += weights.hard
        static[q * n + p] += weights.hard

    if c.subgroups is SubgroupMode.CLUSTER:
        keys = [(person.subgroup or "").strip().casefold() or None for person in people]
        for p in range(n):
            for q in range(p + 1, n):
                if keys[p] and keys[q] and keys[p] != keys[q]:
                    static[p * n + q] += weights.cluster
                    static[q * n + p] += weights.cluster

    history: dict[tuple[int, int], float] = {}
    for (a, b), h in pair_weights(request.history, request.on).items():
        if a in index and b in index:
            p, q = sorted((index[a], index[b]))
            history[(p, q)] = h
            # Having met at all costs a fixed part, so a new pair outranks any choice between old ones
            # (a season then meets everyone sooner); the rest grows with the square of earlier meetings.
            cost = weights.history * (weights.met_before + (h + 1.0) ** 2 - 1.0)
            static[p * n + q] += cost
            static[q * n + p] += cost

    attr_index: dict[str, int] = {}
    attrs: list[tuple[int, ...]] = []
    for person in people:
        spread = [f"tag:{tag.value}" for tag in sorted(person.tags & c.spread_tags) if tag is not Tag.HOST]
        if c.subgroups is SubgroupMode.MIX and person.subgroup and person.subgroup.strip():
            spread.append(f"subgroup:{person.subgroup.strip().casefold()}")
        attrs.append(tuple(attr_index.setdefault(name, len(attr_index)) for name in spread))
    attr_names = sorted(attr_index, key=attr_index.__getitem__)

    base = [0] * (n * n)
    for locked in request.locked:
        for a, b in locked.pairs():
            if a in index and b in index:
                p, q = index[a], index[b]
                base[p * n + q] += 1
                base[q * n + p] += 1

    return Problem(
        ids=ids,
        layout=layout,
        rounds=request.rounds,
        weights=weights,
        static=static,
        repeat=repeat,
        base_meetings=base,
        history=history,
        pinned=pinned,
        group_of=group_of,
        groups=group_list,
        attrs=attrs,
        attr_names=attr_names,
        apart=apart,
        warnings=warnings,
    )
