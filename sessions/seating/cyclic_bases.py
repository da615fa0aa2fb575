"""Base rounds for cyclic designs, stored because finding them takes longer than a seating may wait.

Each entry develops over Z_modulus as `sessions.seating.cyclic.develop` does: `classes` orbits of
`modulus` points (point c * modulus + x is (x, c)) plus `fixed` points that keep their table. They are
difference families in the sense of Hanani, Ray-Chaudhuri and Wilson (resolvable BIBD(v, 4, 1) on
Z_w x Z_3 plus a point; resolvable 4-GDDs of type 3^u on Z_w x Z_3 plus three points; Kirkman and nearly
Kirkman triple systems on Z_w x Z_2 plus one or two points). These were found by this module's own
searches (`cyclic_design`, given minutes instead of seconds); tests/seating/test_cyclic.py checks that
each develops into repeat-free rounds.
"""

from __future__ import annotations

# fmt: off
# (tables, size, rounds) -> (modulus, classes, fixed, base round: one tuple of points per table)
STORED_BASES: dict[tuple[int, int, int], tuple[int, int, int, tuple[tuple[int, ...], ...]]] = {
    (13, 3, 19): (19, 2, 1, (
        (38, 1, 23), (3, 2, 28), (13, 15, 7), (27, 37, 18), (30, 29, 25), (35, 19, 6), (17, 33, 10), (12, 20, 9),
        (8, 22, 4), (16, 11, 31), (32, 21, 34), (5, 26, 14), (0, 36, 24),
    )),
    (7, 4, 9): (9, 3, 1, (
        (27, 7, 11, 22), (1, 21, 23, 4), (17, 14, 5, 0), (19, 25, 15, 16), (13, 9, 2, 3), (6, 8, 24, 20),
        (26, 12, 18, 10),
    )),
    (10, 4, 13): (13, 3, 1, (
        (39, 0, 13, 26), (1, 12, 31, 34), (14, 25, 5, 8), (27, 38, 18, 21), (2, 11, 16, 23), (15, 24, 29, 36),
        (28, 37, 3, 10), (4, 9, 32, 33), (17, 22, 6, 7), (30, 35, 19, 20),
    )),
    (12, 4, 15): (15, 3, 3, (
        (45, 2, 21, 44), (46, 17, 36, 14), (47, 32, 6, 29), (0, 25, 31, 34), (15, 40, 1, 4), (30, 10, 16, 19),
        (3, 5, 11, 43), (18, 20, 26, 13), (33, 35, 41, 28), (7, 8, 12, 24), (22, 23, 27, 39), (37, 38, 42, 9),
    )),
}
# fmt: on
