"""Resolvable designs stored as a few rounds and the translations that develop each of them.

Points are the elements (i, j) of Z_a x Z_b, numbered i * b + j, plus one fixed point numbered a * b when
the room has a * b + 1 people. Translating by g (numbered like a point) moves (i, j) to (i, j) + g and
keeps the fixed point. An entry lists rounds, each with the translations that give its copies.

These designs do not fit sessions/seating/cyclic.py's one base round over Z_rounds:
- 13 tables of 5, RBIBD(65, 5, 1): over Z_16 (or any group of order 16) a pair {p, p + t} with t of
  order 2, seated in round 0, would meet again in round t. Over a group G of order 64 whose elements of
  order 2 all lie in one subgroup H of order 4 it works: Z_8 x Z_8, H = {(0, 0), (0, 4), (4, 0), (4, 4)}.
  The first round seats the fixed point with H and three base blocks B as B + h for each h in H (their
  differences cover G minus H once, and they hold one point of each coset but H); the other rounds are
  its translates by one representative of each coset of H. An exhaustive backtracking search found the
  base blocks in seconds (Z_64, Z_32 x Z_2 and Z_16 x Z_4 have none).
- 17 tables of 5, RBIBD(85, 5, 1): the lines of PG(3, 4) split into 21 spreads (a packing; Denniston
  1972). Point i is omega^i up to GF(4)* for a primitive element omega of GF(256), so adding 1 is a
  Singer cycle and the lines are translates of five base lines. The packing here is invariant under
  adding 17: the regular spread (cosets of {0, 17, 34, 51, 68}), then four spreads with their translates
  by multiples of 17, found by an exact cover search (Knuth's Algorithm X) over the line orbits in a
  fraction of a second. (No base round over Z_21 can come from PG(3, 4): a collineation of order 3
  that fixes a point fixes more than one.)
tests/seating/test_resolvable_frontier.py checks that each develops into repeat-free rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

Tables = tuple[tuple[int, ...], ...]

# fmt: off
# (tables, size) -> (name, a, b, ((one round's tables, the translations giving its copies), ...))
STORED_TRANSLATED: dict[tuple[int, int], tuple[str, int, int, tuple[tuple[Tables, tuple[int, ...]], ...]]] = {
    (13, 5): ("RBIBD(65, 5, 1), 1-rotational over Z_8 x Z_8", 8, 8, (
        (
            (
                (64, 0, 4, 32, 36), (1, 20, 19, 24, 30), (5, 16, 23, 28, 26), (33, 52, 51, 56, 62),
                (37, 48, 55, 60, 58), (2, 39, 9, 17, 57), (6, 35, 13, 21, 61), (34, 7, 41, 49, 25),
                (38, 3, 45, 53, 29), (8, 42, 47, 22, 59), (12, 46, 43, 18, 63), (40, 10, 15, 54, 27),
                (44, 14, 11, 50, 31),
            ),
            (
                0, 1, 2, 3, 8, 9, 10, 11, 16, 17, 18, 19, 24, 25, 26, 27,
            ),
        ),
    )),
    (17, 5): ("RBIBD(85, 5, 1), a packing of PG(3, 4) over Z_85", 85, 1, (
        (
            (
                (0, 17, 34, 51, 68), (1, 18, 35, 52, 69), (2, 19, 36, 53, 70), (3, 20, 37, 54, 71),
                (4, 21, 38, 55, 72), (5, 22, 39, 56, 73), (6, 23, 40, 57, 74), (7, 24, 41, 58, 75),
                (8, 25, 42, 59, 76), (9, 26, 43, 60, 77), (10, 27, 44, 61, 78), (11, 28, 45, 62, 79),
                (12, 29, 46, 63, 80), (13, 30, 47, 64, 81), (14, 31, 48, 65, 82), (15, 32, 49, 66, 83),
                (16, 33, 50, 67, 84),
            ),
            (0,),
        ),
        (
            (
                (0, 31, 44, 45, 69), (1, 5, 16, 34, 80), (2, 6, 17, 35, 81), (3, 9, 13, 24, 42), (4, 40, 47, 59, 67),
                (7, 29, 65, 72, 84), (8, 39, 52, 53, 77), (10, 26, 57, 70, 71), (11, 18, 30, 38, 60),
                (12, 58, 64, 68, 79), (14, 23, 46, 49, 51), (15, 21, 25, 36, 54), (19, 55, 62, 74, 82),
                (20, 56, 63, 75, 83), (22, 28, 32, 43, 61), (27, 33, 37, 48, 66), (41, 50, 73, 76, 78),
            ),
            (0, 17, 34, 51, 68),
        ),
        (
            (
                (0, 23, 26, 28, 76), (1, 24, 27, 29, 77), (2, 33, 46, 47, 71), (3, 6, 8, 56, 65), (4, 7, 9, 57, 66),
                (5, 36, 49, 50, 74), (10, 41, 54, 55, 79), (11, 14, 16, 64, 73), (12, 19, 31, 39, 61),
                (13, 20, 32, 40, 62), (15, 51, 58, 70, 78), (17, 53, 60, 72, 80), (18, 25, 37, 45, 67),
                (21, 34, 35, 59, 75), (22, 38, 69, 82, 83), (30, 43, 44, 68, 84), (42, 48, 52, 63, 81),
            ),
            (0, 17, 34, 51, 68),
        ),
        (
            (
                (0, 4, 15, 33, 79), (1, 23, 59, 66, 78), (2, 48, 54, 58, 69), (3, 25, 61, 68, 80), (5, 9, 20, 38, 84),
                (6, 37, 50, 51, 75), (7, 14, 26, 34, 56), (8, 21, 22, 46, 62), (10, 19, 42, 45, 47),
                (11, 12, 36, 52, 83), (13, 29, 60, 73, 74), (16, 32, 63, 76, 77), (17, 30, 31, 55, 71),
                (18, 24, 28, 39, 57), (27, 40, 41, 65, 81), (35, 44, 67, 70, 72), (43, 49, 53, 64, 82),
            ),
            (0, 17, 34, 51, 68),
        ),
        (
            (
                (0, 3, 5, 53, 62), (1, 37, 44, 56, 64), (2, 8, 12, 23, 41), (4, 22, 68, 74, 78), (6, 18, 26, 48, 84),
                (7, 30, 33, 35, 83), (9, 16, 28, 36, 58), (10, 13, 15, 63, 72), (11, 24, 25, 49, 65),
                (14, 17, 19, 67, 76), (20, 29, 52, 55, 57), (21, 27, 31, 42, 60), (32, 39, 51, 59, 81),
                (34, 43, 66, 69, 71), (38, 47, 70, 73, 75), (40, 46, 50, 61, 79), (45, 54, 77, 80, 82),
            ),
            (0, 17, 34, 51, 68),
        ),
    )),
}
# fmt: on


@dataclass(frozen=True)
class TranslatedDesign:
    """`rounds[r][point]` is the table of `point` in round r."""

    tables: int
    size: int
    rounds: tuple[tuple[int, ...], ...]
    source: str


def translated_design(tables: int, size: int, rounds: int) -> TranslatedDesign | None:
    """The first `rounds` rounds of the stored design for tables x size, or None when it has fewer."""
    entry = STORED_TRANSLATED.get((tables, size))
    if entry is None:
        return None
    name, a, b, orbits = entry
    moves = [(base, g) for base, shifts in orbits for g in shifts]
    if rounds > len(moves):
        return None
    fixed = a * b

    def moved(p: int, g: int) -> int:
        if p == fixed:
            return p
        return ((p // b + g // b) % a) * b + (p % b + g % b) % b

    developed: list[tuple[int, ...]] = []
    for base, g in moves[:rounds]:
        seats = [0] * (tables * size)
        for table, members in enumerate(base):
            for p in members:
                seats[moved(p, g)] = table
        developed.append(tuple(seats))
    return TranslatedDesign(tables=tables, size=size, rounds=tuple(developed), source=f"stored {name}")
