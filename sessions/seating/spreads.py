"""Repeat-free rounds for rooms of 2^m people at tables of 2^k, from subspaces of the binary vector space.

Number the people 0 .. 2^m - 1 and read each number as a vector over GF(2). A k-dimensional subspace U
splits everyone into its cosets x + U, each of 2^k people: one round of tables. Two people x and y share
a table in that round exactly when x XOR y lies in U. So rounds from subspaces that share no vector but
zero (a *partial spread*) never seat a pair together twice.

This beats the grid designs where the table count is a power of two but the rows are fewer than the
tables: 32 people at 8 tables of 4 get 9 rounds (no partial spread of lines in GF(2)^5 has 10), against 8
from GF(8); 64 at 16 tables of 4 get all 21 rounds the bound allows, against 16.

When k divides m the spread is complete and algebraic: the multiples x * GF(2^k) inside GF(2^m). Otherwise
a seeded randomised greedy search collects subspaces; it reaches the maximum for the small cases that
matter here (9 lines in GF(2)^5) within a few tries.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .galois import field

# Greedy passes tried before keeping the best partial spread found; a pass is a few milliseconds.
SPREAD_TRIES = 300
# A pass gives up after this many random picks in a row that overlap what is already chosen.
SPREAD_PATIENCE = 200


@dataclass(frozen=True)
class SpreadDesign:
    """Rounds for `tables` tables of `size`: `rounds[r][person]` is the table of `person` in round r."""

    tables: int
    size: int
    rounds: tuple[tuple[int, ...], ...]
    source: str


def _log2(value: int) -> int | None:
    """k with 2**k == value, or None."""
    if value < 1 or value & (value - 1):
        return None
    return value.bit_length() - 1


def _span(basis: list[int]) -> frozenset[int]:
    vectors = {0}
    for b in basis:
        vectors |= {v ^ b for v in vectors}
    return frozenset(vectors)


def _field_spread(m: int, k: int) -> list[frozenset[int]] | None:
    """The complete spread {x * GF(2^k)} of GF(2^m), when k divides m and the field is tabulated."""
    if m % k:
        return None
    gf = field(2**m)
    if gf is None:
        return None

    def power(x: int, e: int) -> int:
        result = 1
        for _ in range(e):
            result = gf.mul[result][x]
        return result

    subfield = [y for y in range(2**m) if power(y, 2**k) == y]
    seen: set[frozenset[int]] = set()
    spread: list[frozenset[int]] = []
    for x in range(1, 2**m):
        line = frozenset(gf.mul[x][s] for s in subfield)
        if line not in seen:
            seen.add(line)
            spread.append(line)
    return spread


def _greedy_spread(m: int, k: int, wanted: int, rng: random.Random) -> list[frozenset[int]]:
    """The largest partial spread found by random greedy passes (at most `wanted` subspaces)."""
    best: list[frozenset[int]] = []
    for _ in range(SPREAD_TRIES):
        uncovered = set(range(1, 2**m))
        chosen: list[frozenset[int]] = []
        misses = 0
        while misses < SPREAD_PATIENCE and len(chosen) < wanted and len(uncovered) >= 2**k - 1:
            subspace = _span(rng.sample(sorted(uncovered), k))
            if len(subspace) == 2**k and subspace - {0} <= uncovered:
                chosen.append(subspace)
                uncovered -= subspace
                misses = 0
            else:
                misses += 1
        if len(chosen) > len(best):
            best = chosen
        if len(best) >= wanted:
            break
    return best


def spread_design(tables: int, size: int, wanted: int, seed: int = 0) -> SpreadDesign | None:
    """Up to `wanted` repeat-free rounds for exactly tables * size people, or None when the counts are not
    powers of two (or the tables hold one person)."""
    m, k = _log2(tables * size), _log2(size)
    if m is None or k is None or k < 1 or k >= m:
        return None
    bound = (2**m - 1) // (2**k - 1)
    target = min(wanted, bound)
    spread = _field_spread(m, k)
    source = f"spread of GF({2**m}) over GF({2**k})"
    if spread is None:
        spread = _greedy_spread(m, k, target, random.Random(seed))
        source = f"partial spread in GF(2)^{m}"
    rounds = []
    for subspace in spread[:target]:
        # Number the cosets of the subspace 0, 1, ... in order of their smallest member.
        table_of: dict[int, int] = {}
        seats: list[int] = []
        for person in range(2**m):
            leader = min(person ^ u for u in subspace)
            seats.append(table_of.setdefault(leader, len(table_of)))
        rounds.append(tuple(seats))
    return SpreadDesign(tables=tables, size=size, rounds=tuple(rounds), source=source)
