"""Repeat-free rounds from the lines of an affine space: q^d people at tables of q, every pair once.

Number the people 0 .. q^d - 1 and read each number's base-q digits as a vector over GF(q). Each
direction (a nonzero vector up to scaling) splits the space into parallel lines of q points: one round.
Two points lie on exactly one line, so the (q^d - 1) / (q - 1) rounds seat every pair exactly once: for
81 people at 27 tables of 3 that is the Kirkman triple system AG(4, 3) with 40 rounds.
"""

from __future__ import annotations

from itertools import product

from .galois import field


def _dimension(people: int, size: int) -> int | None:
    d, rest = 0, 1
    while rest < people:
        rest *= size
        d += 1
    return d if rest == people and d >= 2 else None


def affine_rounds(tables: int, size: int, rounds: int) -> tuple[tuple[int, ...], ...]:
    """Up to `rounds` rounds when tables * size is a power of size and size a prime power, else none."""
    gf = field(size)
    d = _dimension(tables * size, size)
    if gf is None or d is None:
        return ()
    q = size
    points = [tuple((x // q**i) % q for i in range(d)) for x in range(q**d)]
    directions = [v for v in product(range(q), repeat=d) if any(v) and v[next(i for i, c in enumerate(v) if c)] == 1]
    negative = [next(y for y in range(q) if gf.add[t][y] == 0) for t in range(q)]
    found: list[tuple[int, ...]] = []
    for v in directions[:rounds]:
        lead = next(i for i, c in enumerate(v) if c)
        table_of: dict[tuple[int, ...], int] = {}
        seats: list[int] = []
        for x in points:
            # The line's point with coordinate `lead` zero names it: x - x[lead] * v.
            step = negative[x[lead]]
            rep = tuple(gf.add[xi][gf.mul[step][vi]] for xi, vi in zip(x, v, strict=True))
            seats.append(table_of.setdefault(rep, len(table_of)))
        found.append(tuple(seats))
    return tuple(found)
