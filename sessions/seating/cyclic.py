"""Repeat-free rounds developed from one base round by a cyclic group (difference families).

People are points (x, c) with x in Z_m and c one of k classes, plus up to one fixed point per table.
One base round splits them into tables; round i adds i to every x (fixed points stay). Two points
(x, c) and (y, d) at one base table meet again in some other round exactly when another base table
holds a pair of classes c, d with the same difference y - x; so the rounds never seat a pair twice
when every base pair has its own (classes, difference), a fixed point sees each class at most once,
and no pair within one class differs by m / 2 (that pair would come back m / 2 rounds later).

This is how most resolvable designs are built by hand: Kirkman triple systems on Z_w x {0, 1} plus a
point, resolvable BIBD(v, 4, 1) on Z_w x {0, 1, 2} plus a point (Hanani, Ray-Chaudhuri and Wilson),
resolvable 4-GDDs of type 3^u with three fixed points. Finding the base round is a small search:
tabu search over swaps between base tables, scored by how many differences are used twice. The base
round is a few dozen people, so it is solved in milliseconds where searching all rounds takes minutes.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from .cyclic_bases import STORED_BASES
from .kirkman_bases import STORED_MULTI_BASES

# Steps of the base-round search before trying the next way of splitting the people into orbits.
BASE_SEARCH_STEPS = 60_000
BASE_TABU_TENURE = (4, 10)
# Seconds one construction may spend over all of its shapes before the caller falls back to search.
CYCLIC_SECONDS = 6.0


@dataclass(frozen=True)
class Shape:
    """m rounds develop k classes of m points each, plus `fixed` points that stay at their table.

    With `bases` > 1 there are that many base rounds, each developed over the same Z_m, for bases * m
    rounds in all: Kirkman systems whose round count has no usable single modulus (21 people over 10
    rounds: Z_10 loses the difference 5, but two base rounds over Z_5 on 4 classes plus a point work).
    """

    modulus: int
    classes: int
    fixed: int
    bases: int = 1

    @property
    def movable(self) -> int:
        return self.modulus * self.classes

    @property
    def rounds(self) -> int:
        return self.modulus * self.bases


@dataclass(frozen=True)
class CyclicDesign:
    """`rounds[r][point]` is the table of `point` in round r; `base` is the base round's tables (with
    several base rounds, all their tables one round after another)."""

    tables: int
    size: int
    shape: Shape
    base: tuple[tuple[int, ...], ...]
    rounds: tuple[tuple[int, ...], ...]
    source: str


def shapes(tables: int, size: int, rounds: int) -> list[Shape]:
    """Ways to write tables * size people as `rounds` orbits... with the fewest fixed points first.

    The group has exactly `rounds` elements (developing more rounds than asked would demand more
    than the instance needs). Fixed points: at most one per table, and two of them never meet.
    """
    people = tables * size
    found: list[Shape] = []
    if rounds < 2:
        return found
    for fixed in range(min(tables, people) + 1):
        rest = people - fixed
        if rest > 0 and rest % rounds == 0:
            classes = rest // rounds
            # A fixed point meets one person of each class per base round.
            if fixed and classes < size - 1:
                continue
            # Every pair at a base table needs its own orbit: skip shapes with too few (an even modulus
            # loses the difference m / 2, so Kirkman systems over Z_10 plus a point cannot exist).
            orbits = classes * (classes - 1) // 2 * rounds + classes * ((rounds - 1) // 2) + fixed * classes
            if orbits < tables * size * (size - 1) // 2:
                continue
            found.append(Shape(rounds, classes, fixed))
    return found


class _BaseSearch:
    """The base rounds under search: tables of points, and how often each (classes, difference) is used.

    Several base rounds are searched as one big round over copies of the people: copy r's movable
    points are r * movable + x, its fixed points come after all movable ones, and its tables are
    r * tables onwards. A pair's key is that of the underlying people, so all copies share the counts
    (each orbit is used once over all base rounds); swaps stay within a copy.
    """

    def __init__(self, shape: Shape, tables: int, size: int, rng: random.Random) -> None:
        self.shape, self.tables, self.size, self.rng = shape, tables, size, rng
        m, k, b = shape.modulus, shape.classes, shape.bases
        self.copy_movable = m * k
        self.movable = self.copy_movable * b
        # Keys: pairs of classes (c <= d) with a difference, then (fixed point, class).
        self.key_count = k * k * m + shape.fixed * k
        self.count = [0] * self.key_count
        total = self.movable + shape.fixed * b
        self.table_of = [0] * total
        self.members: list[list[int]] = [[] for _ in range(tables * b)]
        for r in range(b):
            for j in range(shape.fixed):
                point = self.movable + r * shape.fixed + j
                self.members[r * tables + j].append(point)
                self.table_of[point] = r * tables + j
            points = list(range(r * self.copy_movable, (r + 1) * self.copy_movable))
            rng.shuffle(points)
            t = r * tables
            for p in points:
                while len(self.members[t]) >= size:
                    t += 1
                self.members[t].append(p)
                self.table_of[p] = t
        # Every pair's key, looked up in the search's inner loop.
        self.total = total
        self.keys = [self._key(self.person(p), self.person(q)) for p in range(total) for q in range(total)]
        self.cost = 0
        for people in self.members:
            for i, p in enumerate(people):
                for q in people[i + 1 :]:
                    self.cost += self._add(p, q, 1)

    def person(self, p: int) -> int:
        """The underlying person (as `develop` numbers them) of search point p."""
        if p < self.movable:
            return p % self.copy_movable
        return self.copy_movable + (p - self.movable) % self.shape.fixed

    def copy_points(self, p: int) -> range:
        """The movable points of p's copy: the ones p may swap with."""
        r = p // self.copy_movable
        return range(r * self.copy_movable, (r + 1) * self.copy_movable)

    def base_rounds(self) -> list[list[list[int]]]:
        """The base rounds found, in people as `develop` numbers them."""
        rounds = self.members
        return [
            [[self.person(p) for p in t] for t in rounds[r * self.tables : (r + 1) * self.tables]]
            for r in range(self.shape.bases)
        ]

    def key(self, p: int, q: int) -> int:
        return self.keys[p * self.total + q]

    def _key(self, p: int, q: int) -> int:
        """The pair's orbit; -1 when the pair can never be used (two fixed points, or difference m / 2)."""
        m, mov = self.shape.modulus, self.copy_movable
        if p >= mov or q >= mov:
            if p >= mov and q >= mov:
                return -1
            j, other = (p - mov, q) if p >= mov else (q - mov, p)
            return self.shape.classes * self.shape.classes * m + j * self.shape.classes + other // m
        c, d = p // m, q // m
        diff = (q % m - p % m) % m
        if c > d:
            c, d, diff = d, c, (m - diff) % m
        elif c == d:
            diff = min(diff, m - diff)
            if 2 * diff == m or diff == 0:
                return -1
        return (c * self.shape.classes + d) * m + diff

    def _add(self, p: int, q: int, sign: int) -> int:
        """Use (sign 1) or release (-1) the pair's key; the change in cost."""
        k = self.key(p, q)
        if k < 0:
            return sign
        before = self.count[k]
        self.count[k] = before + sign
        return (1 if before >= 1 else 0) if sign > 0 else (1 if before >= 2 else 0) * -1

    def swap_delta(self, p: int, q: int) -> int:
        """Cost change if p and q (movable, at different tables) trade tables; leaves counts unchanged."""
        a, b = self.table_of[p], self.table_of[q]
        keys, count, total = self.keys, self.count, self.total
        rp, rq = p * total, q * total
        released = [keys[rp + x] for x in self.members[a] if x != p]
        released += [keys[rq + x] for x in self.members[b] if x != q]
        used = [keys[rq + x] for x in self.members[a] if x != p]
        used += [keys[rp + x] for x in self.members[b] if x != q]
        # Release first, then use, counting on the tentative counts so keys that appear in both agree.
        delta = 0
        for k in released:
            if k < 0:
                delta -= 1
            else:
                if count[k] >= 2:
                    delta -= 1
                count[k] -= 1
        for k in used:
            if k < 0:
                delta += 1
            else:
                if count[k] >= 1:
                    delta += 1
                count[k] += 1
        for k in released:
            if k >= 0:
                count[k] += 1
        for k in used:
            if k >= 0:
                count[k] -= 1
        return delta

    def swap(self, p: int, q: int, delta: int) -> None:
        a, b = self.table_of[p], self.table_of[q]
        for x in self.members[a]:
            if x != p:
                self._add(p, x, -1)
                self._add(q, x, 1)
        for x in self.members[b]:
            if x != q:
                self._add(q, x, -1)
                self._add(p, x, 1)
        self.members[a][self.members[a].index(p)] = q
        self.members[b][self.members[b].index(q)] = p
        self.table_of[p], self.table_of[q] = b, a
        self.cost += delta

    def conflicted(self) -> list[int]:
        found: set[int] = set()
        for people in self.members:
            for i, p in enumerate(people):
                for q in people[i + 1 :]:
                    k = self.key(p, q)
                    if k < 0 or self.count[k] > 1:
                        found.update(x for x in (p, q) if x < self.movable)
        return sorted(found)


def search_base(
    shape: Shape, tables: int, size: int, seed: int, *, steps: int = BASE_SEARCH_STEPS, deadline: float | None = None
) -> list[list[int]] | None:
    """A base round whose pairs all have distinct orbits, or None when the steps run out."""
    found = search_bases(shape, tables, size, seed, steps=steps, deadline=deadline)
    return found[0] if found is not None else None


def search_bases(
    shape: Shape, tables: int, size: int, seed: int, *, steps: int = BASE_SEARCH_STEPS, deadline: float | None = None
) -> list[list[list[int]]] | None:
    """`shape.bases` base rounds whose pairs all have distinct orbits, or None when the steps run out."""
    rng = random.Random(seed)
    state = _BaseSearch(shape, tables, size, rng)
    tabu: dict[tuple[int, int], int] = {}
    best = state.cost
    since_best = 0
    for step in range(steps):
        if state.cost == 0:
            return state.base_rounds()
        if deadline is not None and step % 64 == 0 and time.monotonic() > deadline:
            return None
        candidates = state.conflicted()
        if len(candidates) > 6:
            candidates = rng.sample(candidates, 6)
        move: tuple[int, int] | None = None
        move_delta = 0
        ties = 0
        for p in candidates:
            a = state.table_of[p]
            for q in state.copy_points(p):
                if state.table_of[q] == a:
                    continue
                delta = state.swap_delta(p, q)
                b = state.table_of[q]
                if (tabu.get((p, b), -1) > step or tabu.get((q, a), -1) > step) and state.cost + delta >= best:
                    continue
                if move is None or delta < move_delta:
                    move, move_delta, ties = (p, q), delta, 1
                elif delta == move_delta:
                    ties += 1
                    if rng.randrange(ties) == 0:
                        move = (p, q)
        if move is None:
            continue
        p, q = move
        a, b = state.table_of[p], state.table_of[q]
        state.swap(p, q, move_delta)
        tabu[(p, a)] = step + rng.randint(*BASE_TABU_TENURE)
        tabu[(q, b)] = step + rng.randint(*BASE_TABU_TENURE)
        if state.cost < best:
            best, since_best = state.cost, 0
        else:
            since_best += 1
            if since_best > 400:
                # A stall: a few random swaps to leave the basin.
                for _ in range(2):
                    p, q = rng.sample(state.copy_points(rng.randrange(state.movable)), 2)
                    if state.table_of[p] != state.table_of[q]:
                        state.swap(p, q, state.swap_delta(p, q))
                since_best = 0
                best = state.cost
    return state.base_rounds() if state.cost == 0 else None


def develop(shape: Shape, base: list[list[int]], rounds: int) -> tuple[tuple[int, ...], ...]:
    """Round i of the design: every movable point (x, c) of base table t moves to (x + i, c)."""
    m, mov = shape.modulus, shape.modulus * shape.classes
    developed: list[tuple[int, ...]] = []
    for i in range(rounds):
        seats = [0] * (mov + shape.fixed)
        for t, people in enumerate(base):
            for p in people:
                if p >= mov:
                    seats[p] = t
                else:
                    seats[(p // m) * m + (p % m + i) % m] = t
        developed.append(tuple(seats))
    return tuple(developed)


def develop_bases(shape: Shape, bases: list[list[list[int]]]) -> tuple[tuple[int, ...], ...]:
    """Every base round developed over Z_m in turn, each for its period (`round_period`)."""
    return tuple(r for base in bases for r in develop(shape, base, round_period(shape, base)))


def round_period(shape: Shape, base: list[list[int]]) -> int:
    """The fewest shifts d (dividing m) that bring the base round back to itself: it gives d rounds.

    A Kirkman system with an even modulus (33 people over Z_16 x {0, 1} plus a point) uses the pairs
    at difference m / 2 at a table {point, (x, c), (x + m / 2, c)}, which comes back after m / 2 shifts;
    the base round holding it is made of such table pairs T, T + m / 2 and gives only m / 2 rounds.
    """
    m, movable = shape.modulus, shape.movable

    def shifted(people: list[int], d: int) -> frozenset[int]:
        return frozenset(p if p >= movable else (p // m) * m + (p % m + d) % m for p in people)

    tables = {shifted(t, 0) for t in base}
    return next(d for d in range(1, m + 1) if m % d == 0 and {shifted(t, d) for t in base} == tables)


def cyclic_design(
    tables: int, size: int, rounds: int, seed: int = 0, seconds: float = CYCLIC_SECONDS, *, use_stored: bool = True
) -> CyclicDesign | None:
    """`rounds` repeat-free rounds for tables * size people from a cyclic base round, or None."""
    if tables < size or rounds < 2:
        return None
    stored = stored_design(tables, size, rounds) if use_stored else None
    if stored is not None:
        return stored
    deadline = time.monotonic() + seconds
    options = shapes(tables, size, rounds)
    found: tuple[Shape, list[list[int]]] | None = None
    # Where one search finds a base round the other often cannot (the symmetric one needs a symmetric
    # design, the tabu one is slow on tight families), so they take turns in growing slices of the time.
    attempt = 0
    for share in SLICES:
        for shape in options:
            slice_end = min(deadline, time.monotonic() + share * seconds / len(options))
            base = symmetric_base(shape, tables, size, seed + attempt, deadline=slice_end)
            if base is None:
                slice_end = min(deadline, time.monotonic() + share * seconds / len(options))
                base = search_base(shape, tables, size, seed + attempt, deadline=slice_end)
            attempt += 1
            if base is not None:
                found = (shape, base)
                break
        if found is not None or time.monotonic() >= deadline:
            break
    if found is None:
        return None
    shape, base = found
    source = f"cyclic base round over Z_{shape.modulus} ({shape.classes} orbits"
    source += f" + {shape.fixed} fixed)" if shape.fixed else ")"
    return CyclicDesign(
        tables=tables,
        size=size,
        shape=shape,
        base=tuple(tuple(t) for t in base),
        rounds=develop(shape, base, rounds),
        source=source,
    )


def stored_design(tables: int, size: int, rounds: int) -> CyclicDesign | None:
    """The design from stored base rounds (cyclic_bases.py, kirkman_bases.py), when there are some."""
    key = (tables, size, rounds)
    single = STORED_BASES.get(key)
    if single is not None:
        modulus, classes, fixed, base = single
        bases: tuple[tuple[tuple[int, ...], ...], ...] = (base,)
    elif key in STORED_MULTI_BASES:
        modulus, classes, fixed, bases = STORED_MULTI_BASES[key]
    else:
        return None
    shape = Shape(modulus, classes, fixed, len(bases))
    source = f"stored cyclic base round{'s' if len(bases) > 1 else ''} over Z_{modulus} ("
    source += f"{len(bases)} base rounds, " if len(bases) > 1 else ""
    source += f"{classes} orbits" + (f" + {fixed} fixed)" if fixed else ")")
    developed = develop_bases(shape, [[list(t) for t in base] for base in bases])
    if len(developed) != rounds:
        return None
    if len(developed) < shape.rounds:
        periods = [round_period(shape, [list(t) for t in base]) for base in bases]
        parts = [f"{periods.count(p)} x {p}" if periods.count(p) > 1 else str(p) for p in dict.fromkeys(periods)]
        source = source[:-1] + f"; {' + '.join(parts)} rounds)"
    flat = tuple(t for base in bases for t in base)
    return CyclicDesign(tables=tables, size=size, shape=shape, base=flat, rounds=developed, source=source)


def _rotate(shape: Shape, p: int, i: int) -> int:
    """sigma^i: the class rotation (x, c) -> (x, c + i), and fixed point j -> j + i when there are k of them."""
    m, k, movable = shape.modulus, shape.classes, shape.modulus * shape.classes
    if p >= movable:
        return p if shape.fixed == 1 else movable + (p - movable + i) % k
    return ((p // m + i) % k) * m + p % m


# Shares of the construction's time for each turn of the two searches (each search gets half a turn).
SLICES = (0.05, 0.15, 0.3, 0.5)
SYMMETRIC_NODES = 500  # nodes per try: the runs are heavy-tailed, so many short tries beat a long one


def symmetric_base(shape: Shape, tables: int, size: int, seed: int, *, deadline: float) -> list[list[int]] | None:
    """Tries of `_symmetric_try` with fresh random orders until one succeeds or the deadline passes."""
    k = shape.classes
    if k < 2 or shape.fixed not in (0, 1, k) or (shape.fixed == 1 and size != k + 1):
        return None
    keys = _BaseSearch(shape, tables, size, random.Random(seed)).keys
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        base = _symmetric_try(shape, tables, size, keys, rng, deadline)
        if base is not None:
            return base
        if base is None and shape.fixed == 1 and not _invariant_block_fits(shape, keys):
            return None
    return None


def _invariant_block_fits(shape: Shape, keys: list[int]) -> bool:
    total = shape.modulus * shape.classes + shape.fixed
    block = [shape.modulus * shape.classes, *(c * shape.modulus for c in range(shape.classes))]
    found = [keys[p * total + x] for i, p in enumerate(block) for x in block[:i]]
    return all(k >= 0 for k in found) and len(set(found)) == len(found)


def _symmetric_try(  # noqa: PLR0917 -- one try's whole context, passed down from symmetric_base
    shape: Shape, tables: int, size: int, keys: list[int], rng: random.Random, deadline: float
) -> list[list[int]] | None:
    """Like `backtrack_base`, but the base round is also invariant under rotating the classes
    (Z_m x Z_k = Z_mk when gcd(m, k) = 1: the classic 1-rotational constructions, e.g. RBIBD(40, 4, 1) on
    Z_39 plus a point). Only a k-th of the tables is searched, so tight families are found in moments."""
    k, movable = shape.classes, shape.modulus * shape.classes
    total = movable + shape.fixed
    used = [False] * (k * k * shape.modulus + shape.fixed * k)
    seated = [False] * total
    reps: list[list[int]] = []
    invariant: list[list[int]] = []
    if shape.fixed == 1:
        if size != k + 1:
            return None
        block = [movable, *(c * shape.modulus for c in range(k))]
        invariant.append(block)
    elif shape.fixed == k:
        reps.append([movable])
    if (tables - len(invariant)) % k:
        return None
    for block in invariant:
        for i, p in enumerate(block):
            seated[p] = True
            for x in block[:i]:
                kx = keys[p * total + x]
                if kx < 0 or used[kx]:
                    return None
                used[kx] = True
    for j in range(shape.fixed):
        seated[movable + j] = True
    while len(reps) < (tables - len(invariant)) // k:
        reps.append([])
    budget = SYMMETRIC_NODES

    def images(p: int, table: list[int]) -> list[int] | None:
        taken: list[int] = []
        for x in table:
            for i in range(k):
                key = keys[_rotate(shape, p, i) * total + _rotate(shape, x, i)]
                if key < 0 or used[key] or key in taken:
                    return None
                taken.append(key)
        return taken

    def fill(t: int) -> bool:
        nonlocal budget
        if t == len(reps):
            return True
        table = reps[t]
        if len(table) == size:
            return fill(t + 1)
        budget -= 1
        if budget < 0 or (budget % 128 == 0 and time.monotonic() > deadline):
            return False
        free = [p for p in range(movable) if not seated[p]]
        if not table:
            choices = free[:1]
        else:
            last = max((x for x in table if x < movable), default=-1)
            choices = [p for p in free if p > last] if last >= 0 else free
            rng.shuffle(choices)
        for p in choices:
            taken = images(p, table)
            if taken is None:
                continue
            orbit = [_rotate(shape, p, i) for i in range(k)]
            for key in taken:
                used[key] = True
            for q in orbit:
                seated[q] = True
            table.append(p)
            if fill(t):
                return True
            table.pop()
            for q in orbit:
                seated[q] = False
            for key in taken:
                used[key] = False
            if budget < 0:
                return False
        return False

    if not fill(0):
        return None
    base = [list(b) for b in invariant]
    for table in reps:
        base.extend([_rotate(shape, p, i) for p in table] for i in range(k))
    return base
