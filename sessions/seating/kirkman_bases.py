"""Several base rounds over one cyclic group, stored for Kirkman and nearly Kirkman triple systems.

A Kirkman triple system needs a single base round over Z_((v - 1) / 2) plus a point, and for v = 9 mod 12
that modulus is even: the difference m / 2 within a class cannot be used, so no such base round exists
(21 people over Z_10 plus a point). Over a smaller group Z_m with m dividing the rounds, b = rounds / m
base rounds do the same job: people are (x, c) for x in Z_m and one of (v - fixed) / m classes, plus
fixed points, and every (class pair, difference) and every (fixed point, class) is used once over all
base rounds together (`sessions.seating.cyclic.develop_bases`). Nearly Kirkman systems (v = 0 mod 6)
work the same way with two fixed points that never meet.

Each entry: (tables, size, rounds) -> (modulus, classes, fixed, base rounds), point c * modulus + x being
(x, c). They were found at development time by `sessions.seating.cyclic.search_bases` (the tabu search of
`search_base` run over all base rounds at once, swaps within one base round), from seed 0 upwards, a few
minutes at most each. tests/seating/test_cyclic.py checks that each develops into repeat-free rounds.
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
}
# fmt: on
