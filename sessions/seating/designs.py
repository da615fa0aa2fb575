"""Repeat-free rounds from algebra: people on a grid, seated by a rule that never pairs two people twice.

People sit on a grid of `rows` rows and `tables` columns. In every grid round each row spreads over
all tables (one person of each row per table), so two people of one row never meet; people of rows
r and r' meet in round m only if their columns differ by offset(m, r) - offset(m, r'), so when those
differences are distinct across rounds no pair meets twice.

- When the table count q is a prime power, offset(m, r) = m * r in GF(q) gives q rounds.
- Otherwise a seeded backtracking search looks for offsets over the integers mod q with the same
  property (a partial difference matrix). For 10 tables it finds 8 rounds of 6 (one more than the best
  known count we benchmark against) and 5 of 8.
- When there are as many rows as tables, seating each row together is one more repeat-free round
  (the affine plane's last parallel class).

Removing people (a partial last row) keeps every round repeat-free, with table sizes differing by one.
"""

from __future__ import annotations

import random
import time
from dataclasses import dataclass

from .galois import field

# Backtracking steps allowed when looking for offsets; the search keeps the most rounds it completed.
OFFSET_SEARCH_STEPS = 60_000
# When that falls short, a few restarts of a row-by-row search (about half a second each).
ROW_SEARCH_RESTARTS = 3
ROW_SEARCH_STEPS = 400_000


@dataclass(frozen=True)
class GridDesign:
    """Rounds for people on a grid: `rounds[m][point]` is the table of `point` (row * tables + column)."""

    tables: int
    rows: int
    rounds: tuple[tuple[int, ...], ...]
    source: str  # how it was built, for the bench and the log
    rows_round: bool = False  # the last round seats each row together (row 0 shares one table there)


def _offsets_by_rows(  # noqa: PLR0917 -- the search's whole context
    modulus: int, rows: int, rounds: int, rng: random.Random, steps: int, deadline: float | None = None
) -> list[list[int]] | None:
    """All `rounds` at once, filling one row's offsets across every round before the next row.

    For a full target this order prunes far earlier than filling round by round (10 tables: 8 rounds of
    6 in well under a second), but it finds nothing partial, so the round-by-round search backs it up.
    """
    offsets = [[0] * rows for _ in range(rounds)]
    used = [[{0} for _ in range(r)] for r in range(rows)]
    budget = steps

    def place(r: int, m: int) -> bool:
        nonlocal budget
        if r == rows:
            return True
        if m == rounds:
            return place(r + 1, 1)
        values = list(range(1, modulus))
        rng.shuffle(values)
        for value in values:
            budget -= 1
            if budget < 0 or (deadline is not None and budget % 4096 == 0 and time.monotonic() > deadline):
                budget = -1
                return False
            differences = [(value - offsets[m][r2]) % modulus for r2 in range(r)]
            if any(d in used[r][r2] for r2, d in enumerate(differences)):
                continue
            offsets[m][r] = value
            for r2, d in enumerate(differences):
                used[r][r2].add(d)
            if place(r, m + 1):
                return True
            for r2, d in enumerate(differences):
                used[r][r2].discard(d)
        offsets[m][r] = 0
        return False

    return offsets if rounds <= 1 or rows <= 1 or place(1, 1) else None


def search_offsets(
    modulus: int, rows: int, wanted: int, seed: int, steps: int = OFFSET_SEARCH_STEPS, *, deadline: float | None = None
) -> list[list[int]]:
    """Offsets over Z_modulus for as many rounds as the search completes (at most `wanted`).

    Round 0 and row 0 are all zeros. Filling round by round, each value must keep, for every pair of
    rows, the differences across rounds distinct.
    """
    if rows <= 1:
        return [[0] * rows for _ in range(wanted)]
    rng = random.Random(seed)
    offsets: list[list[int]] = [[0] * rows]
    # used[r][r2]: differences offset(m, r) - offset(m, r2) already taken, for r2 < r.
    used = [[{0} for _ in range(r)] for r in range(rows)]
    best = [list(row) for row in offsets]
    budget = steps
    target = min(wanted, modulus)

    def place(m: int, r: int) -> bool:
        nonlocal budget, best
        if r == rows:
            if m + 1 > len(best):
                best = [list(row) for row in offsets]
            if m + 1 == target:
                return True
            offsets.append([0] * rows)
            if place(m + 1, 1):
                return True
            offsets.pop()
            return False
        values = list(range(1, modulus))
        rng.shuffle(values)
        row = offsets[m]
        for value in values:
            budget -= 1
            if budget < 0:
                return False
            differences = [(value - row[r2]) % modulus for r2 in range(r)]
            if any(d in used[r][r2] for r2, d in enumerate(differences)):
                continue
            row[r] = value
            for r2, d in enumerate(differences):
                used[r][r2].add(d)
            if place(m, r + 1):
                return True
            for r2, d in enumerate(differences):
                used[r][r2].discard(d)
        row[r] = 0
        return False

    if target > 1:
        offsets.append([0] * rows)
        place(1, 1)
    # 6 tables of 6 have at most 3 repeat-free rounds (no two orthogonal Latin squares of order 6), which
    # the round-by-round search already gives with the rows round: more searching would only cost time.
    proven_short = modulus == rows == 6
    if len(best) < target and not proven_short:
        # Short of the target: restarts of the row-by-row order, whose run lengths are heavy-tailed.
        for _ in range(ROW_SEARCH_RESTARTS):
            if deadline is not None and time.monotonic() > deadline:
                break
            whole = _offsets_by_rows(modulus, rows, target, rng, ROW_SEARCH_STEPS, deadline)
            if whole is not None:
                return whole
    return best[:target]


def grid_design(  # noqa: PLR0917 -- callers name the optional ones
    tables: int, rows: int, wanted: int, seed: int = 0, people: int | None = None, deadline: float | None = None
) -> GridDesign:
    """As many repeat-free rounds as algebra and a short search give, up to `wanted`, for the first
    `people` grid points (default: the full grid)."""
    people = rows * tables if people is None else people
    gf = field(tables)
    if rows > tables:
        # More rows than tables: some table takes two people of one row pair again by round 2.
        offsets, source = [[0] * rows], "one round"
    elif gf is not None:
        offsets, source = (
            [[gf.mul[m][r] for r in range(rows)] for m in range(min(wanted, tables))],
            f"GF({tables})",
        )
    else:
        offsets, source = search_offsets(tables, rows, wanted, seed, deadline=deadline), f"offsets mod {tables}"

    def seat(column: int, offset: int) -> int:
        if gf is not None:
            return gf.add[column][offset]
        return (column + offset) % tables

    rounds = [
        tuple(seat(column, round_offsets[r]) for r in range(rows) for column in range(tables))
        for round_offsets in offsets
    ]
    last_row = people - (rows - 1) * tables
    # The rows round seats the partial last row as one table: only when it is at most one short.
    if rows == tables and len(rounds) < wanted and last_row >= tables - 1:
        rounds.append(tuple(r for r in range(rows) for _column in range(tables)))
        source += " + rows"
    kept = tuple(rounds[:wanted])
    return GridDesign(tables=tables, rows=rows, rounds=kept, source=source, rows_round=source.endswith("+ rows"))
