"""Several base rounds over one cyclic group, stored for Kirkman and nearly Kirkman triple systems.

A Kirkman triple system needs a single base round over Z_((v - 1) / 2) plus a point, and for v = 9 mod 12
that modulus is even: the difference m / 2 within a class cannot be used, so no such base round exists
(21 people over Z_10 plus a point). Over a smaller group Z_m with m dividing the rounds, b = rounds / m
base rounds do the same job: people are (x, c) for x in Z_m and one of (v - fixed) / m classes, plus
fixed points, and every (class pair, difference) and every (fixed point, class) is used once over all
base rounds together (`sessions.seating.cyclic.develop_bases`). Nearly Kirkman systems (v = 0 mod 6)
work the same way with two fixed points that never meet (the pairs left unmet, the two fixed points
and either the pairs at difference m / 2 or whole orbits between two classes, are the system's holes).

A base round may also come back to itself after d shifts (d dividing m): it then gives d rounds
(`round_period`). That is how the difference m / 2 is used when m is even: the table
{fixed point, (x, c), (x + m / 2, c)} is fixed by m / 2 shifts, and the rest of its base round is made of
pairs of tables T, T + m / 2. 33 people over 16 rounds (no odd modulus divides 16) are two such base
rounds over Z_16 x {0, 1} plus a point, one per class; 57 people over 28 rounds are one over Z_56 (a
single class). With a single class the differences 1 .. m / 2 - 1 are each used once and each table's
three differences, with suitable signs, add up to 0 mod m, so their sum must be even: m / 2 = 0 or 1
mod 4 (so not for 69, 87 or 93 people).

Each entry: (tables, size, rounds) -> (modulus, classes, fixed, base rounds), point c * modulus + x being
(x, c), each base round listing all its tables. They were found at development time, seed 0 upwards,
minutes at most each: full-period ones by `sessions.seating.cyclic.search_bases` (the tabu search of
`search_base` over all base rounds at once, swaps within one base round); 22-3, 26-3, 29-3 and 30-3
(single base rounds) by a throwaway C port of that same search, a hundred times faster and given longer
runs before a restart (a million steps, 3000 without progress before a kick), each within a second or
two; the half-period ones (11-3, 19-3) by
a throwaway simulated annealing over the m / 2 residues of each class, each with a lift in {0, m / 2},
scored like `search_base` by the differences used twice. tests/seating/test_cyclic.py checks that each
entry develops into repeat-free rounds.
"""

from __future__ import annotations

# fmt: off
STORED_MULTI_BASES: dict[tuple[int, int, int], tuple[int, int, int, tuple[tuple[tuple[int, ...], ...], ...]]] = {
    (6, 3, 8): (4, 4, 2, (
        (
            (16, 10, 13), (17, 5, 3), (15, 12, 4), (11, 6, 7), (8, 1, 2), (14, 9, 0),
        ),
        (
            (16, 3, 6), (17, 15, 9), (5, 14, 1), (10, 11, 4), (8, 12, 0), (13, 2, 7),
        ),
    )),
    (7, 3, 10): (5, 4, 1, (
        (
            (20, 0, 16), (12, 1, 6), (4, 17, 2), (15, 10, 3), (8, 18, 9), (7, 5, 14), (11, 19, 13),
        ),
        (
            (20, 12, 7), (1, 8, 11), (10, 19, 17), (2, 3, 6), (14, 13, 0), (5, 4, 18), (16, 15, 9),
        ),
    )),
    (11, 3, 16): (16, 2, 1, (
        (
            (32, 0, 8), (13, 11, 2), (5, 3, 10), (17, 7, 6), (25, 15, 14), (21, 1, 22), (29, 9, 30), (27, 23, 16),
            (19, 31, 24), (18, 20, 12), (26, 28, 4),
        ),
        (
            (32, 16, 24), (7, 26, 3), (15, 18, 11), (5, 19, 22), (13, 27, 30), (17, 4, 1), (25, 12, 9),
            (14, 23, 29), (6, 31, 21), (0, 10, 28), (8, 2, 20),
        ),
    )),
    (18, 3, 26): (13, 4, 2, (
        (
            (52, 29, 5), (53, 13, 43), (37, 19, 20), (38, 0, 24), (22, 40, 15), (34, 45, 4), (27, 36, 26),
            (9, 42, 51), (18, 1, 6), (41, 14, 11), (31, 39, 33), (48, 28, 50), (21, 7, 3), (46, 17, 32),
            (23, 30, 35), (8, 44, 47), (10, 25, 16), (49, 12, 2),
        ),
        (
            (52, 47, 23), (53, 12, 35), (4, 3, 36), (41, 38, 40), (24, 44, 39), (7, 51, 28), (22, 17, 33),
            (6, 34, 13), (11, 21, 0), (50, 2, 15), (1, 30, 8), (29, 19, 16), (5, 45, 32), (31, 37, 49), (27, 18, 9),
            (43, 26, 20), (42, 10, 48), (46, 25, 14),
        ),
    )),
    (19, 3, 28): (56, 1, 1, (
        (
            (56, 0, 28), (18, 48, 25), (46, 20, 53), (3, 1, 17), (31, 29, 45), (26, 21, 6), (54, 49, 34),
            (23, 55, 44), (51, 27, 16), (52, 9, 15), (24, 37, 43), (11, 33, 2), (39, 5, 30), (41, 38, 42),
            (13, 10, 14), (7, 36, 19), (35, 8, 47), (4, 12, 50), (32, 40, 22),
        ),
    )),
    (22, 3, 32): (32, 2, 2, (
        (
            (64, 13, 38), (65, 57, 24), (15, 22, 14), (34, 20, 3), (18, 5, 46), (49, 6, 54), (35, 45, 0),
            (21, 43, 11), (48, 62, 4), (7, 9, 12), (27, 32, 61), (50, 52, 23), (44, 25, 29), (42, 55, 63),
            (30, 40, 36), (31, 39, 51), (60, 53, 59), (1, 37, 19), (41, 2, 58), (28, 8, 17), (47, 56, 26),
            (33, 16, 10),
        ),
    )),
    (26, 3, 38): (38, 2, 2, (
        (
            (76, 30, 64), (77, 74, 37), (26, 6, 48), (21, 38, 10), (31, 5, 3), (19, 11, 70), (43, 69, 52),
            (9, 32, 40), (71, 55, 56), (1, 25, 0), (61, 13, 16), (53, 73, 20), (27, 22, 18), (45, 51, 15),
            (72, 58, 34), (59, 66, 62), (29, 49, 8), (4, 36, 47), (12, 41, 68), (35, 44, 28), (33, 60, 65),
            (63, 24, 50), (7, 42, 23), (39, 14, 75), (17, 67, 57), (2, 54, 46),
        ),
    )),
    (28, 3, 41): (41, 2, 2, (
        (
            (82, 78, 10), (83, 14, 47), (45, 64, 11), (44, 75, 27), (65, 4, 39), (54, 48, 62), (51, 21, 23),
            (40, 61, 76), (46, 71, 53), (63, 80, 67), (18, 77, 72), (29, 58, 60), (30, 0, 55), (2, 3, 42),
            (26, 50, 70), (32, 19, 79), (33, 49, 6), (73, 38, 43), (37, 8, 5), (41, 31, 81), (34, 16, 57),
            (12, 17, 36), (69, 20, 13), (59, 68, 56), (35, 9, 25), (66, 28, 24), (1, 22, 74), (15, 52, 7),
        ),
    )),
    (29, 3, 43): (43, 2, 1, (
        (
            (86, 68, 0), (65, 24, 7), (31, 42, 8), (53, 3, 18), (28, 46, 79), (71, 48, 11), (78, 2, 74),
            (39, 50, 45), (81, 37, 75), (35, 16, 83), (49, 64, 33), (10, 32, 85), (27, 30, 40), (38, 1, 26),
            (76, 12, 5), (52, 51, 9), (66, 19, 58), (77, 55, 43), (67, 60, 41), (23, 15, 80), (84, 73, 21),
            (34, 70, 57), (69, 14, 13), (25, 29, 59), (56, 54, 72), (63, 36, 82), (4, 6, 20), (44, 61, 47),
            (62, 17, 22),
        ),
    )),
    (30, 3, 44): (44, 2, 2, (
        (
            (88, 72, 11), (89, 27, 62), (73, 83, 23), (43, 75, 57), (12, 15, 71), (3, 52, 69), (58, 51, 53),
            (80, 65, 77), (25, 42, 34), (85, 45, 38), (6, 4, 20), (66, 74, 41), (30, 87, 49), (26, 14, 60),
            (67, 0, 19), (55, 1, 44), (79, 39, 35), (68, 59, 82), (31, 76, 21), (48, 28, 17), (63, 50, 24),
            (37, 22, 64), (13, 18, 36), (5, 70, 29), (7, 8, 81), (2, 9, 40), (54, 16, 78), (33, 61, 86),
            (84, 56, 32), (46, 10, 47),
        ),
    )),
}
# fmt: on
