"""Resolvable designs that are 1-rotational over Z_a x Z_b: one point stays, the group moves the rest.

RBIBD(65, 5, 1) has no base round over Z_16 (sessions/seating/cyclic.py): every group of order 16 has
an element t of order 2, and a pair {p, p + t} seated in round 0 would meet again in round t. Over a
group G of order 64 whose elements of order 2 all lie in one subgroup H of order 4, it does work:
Z_8 x Z_8 with H = {(0, 0), (0, 4), (4, 0), (4, 4)}. The first round seats infinity with H, and each
base block B as B + h for every h in H; round r moves everything by the r-th coset representative of H.
Every pair meets exactly once when the base blocks' differences cover G minus H exactly once (pairs
within a coset of H meet at infinity's table) and the base blocks hold one point of each coset but H.

The base blocks were found by an exhaustive backtracking search outside the app (seconds; Z_64,
Z_32 x Z_2 and Z_16 x Z_4 have none); tests/seating/test_resolvable_frontier.py checks the rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

Element = tuple[int, int]

# (tables, size) -> (a, b, H, base blocks): points are (i, j) in Z_a x Z_b, numbered i * b + j, then infinity.
STORED_ROTATIONAL: dict[tuple[int, int], tuple[int, int, tuple[Element, ...], tuple[tuple[Element, ...], ...]]] = {
    (13, 5): (
        8,
        8,
        ((0, 0), (0, 4), (4, 0), (4, 4)),
        (
            ((0, 1), (2, 4), (2, 3), (3, 0), (3, 6)),
            ((0, 2), (4, 7), (1, 1), (2, 1), (7, 1)),
            ((1, 0), (5, 2), (5, 7), (2, 6), (7, 3)),
        ),
    ),
}


@dataclass(frozen=True)
class RotationalDesign:
    """`rounds[r][point]` is the table of `point` in round r."""

    tables: int
    size: int
    rounds: tuple[tuple[int, ...], ...]
    source: str


def rotational_design(tables: int, size: int, rounds: int) -> RotationalDesign | None:
    """The first `rounds` rounds of the stored design for tables x size, or None when there is none."""
    entry = STORED_ROTATIONAL.get((tables, size))
    if entry is None:
        return None
    a, b, subgroup, blocks = entry

    def plus(x: Element, y: Element) -> Element:
        return ((x[0] + y[0]) % a, (x[1] + y[1]) % b)

    # One representative per coset of H, in a fixed order: round r moves the first round by the r-th.
    representatives: list[Element] = []
    covered: set[Element] = set()
    for x in ((i, j) for i in range(a) for j in range(b)):
        if x not in covered:
            representatives.append(x)
            covered.update(plus(x, h) for h in subgroup)
    if rounds > len(representatives):
        return None
    infinity = a * b
    first = [[*subgroup]] + [[plus(x, h) for x in block] for block in blocks for h in subgroup]
    developed: list[tuple[int, ...]] = []
    for g in representatives[:rounds]:
        seats = [0] * (infinity + 1)  # infinity keeps table 0, the one it shares with a coset of H
        for table, members in enumerate(first):
            for x in members:
                moved = plus(x, g)
                seats[moved[0] * b + moved[1]] = table
        developed.append(tuple(seats))
    source = f"1-rotational design over Z_{a} x Z_{b} (+ 1 fixed)"
    return RotationalDesign(tables=tables, size=size, rounds=tuple(developed), source=source)
