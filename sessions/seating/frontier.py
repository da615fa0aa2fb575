"""Best known repeat-free rounds for every g tables x s seats with g * s <= 100 and s from 3 to 10.

The social golfer problem's published values (OEIS A107431; Harvey's and Triska's tables; Miller,
Valkov and Abel 2026) and the design families behind them. Where we know no published value for an
instance, `best_known` is None: the bench shows what the engine builds there beside the counting
bound, and counts only instances with a value in its reached / total.
"""

from __future__ import annotations

from dataclasses import dataclass

SMALLEST_SIZE, LARGEST_SIZE, MOST_PEOPLE = 3, 10, 100

PRIME_POWERS = frozenset({2, 3, 4, 5, 7, 8, 9, 11, 13, 16, 17, 19, 23, 25, 27, 29, 31, 32})


@dataclass(frozen=True)
class FrontierInstance:
    tables: int
    size: int
    best_known: int | None  # None: no published value recorded here
    source: str

    @property
    def people(self) -> int:
        return self.tables * self.size

    @property
    def counting_bound(self) -> int:
        """Each round a person meets size - 1 new people, out of people - 1."""
        return (self.people - 1) // (self.size - 1)

    @property
    def name(self) -> str:
        return f"{self.tables}-{self.size}"


# Values no family rule below gives: (tables, size) -> (best known rounds, source).
PUBLISHED: dict[tuple[int, int], tuple[int, str]] = {
    (4, 3): (4, "OEIS A107431 (no nearly Kirkman triple system of order 12)"),
    (5, 4): (5, "OEIS A107431"),
    (8, 4): (10, "Aguado 2004 (Triska's table); counting bound"),
    (6, 5): (6, "OEIS A107431"),
    (7, 5): (7, "OEIS A107431 (8 open)"),
    (8, 5): (8, "Miller, Valkov and Abel 2026"),
    (7, 6): (7, "Miller, Valkov and Abel 2026"),
    (8, 6): (8, "Miller, Valkov and Abel 2026"),
    (9, 6): (9, "Miller, Valkov and Abel 2026"),
    (10, 6): (7, "Miller, Valkov and Abel 2026 (search heuristics)"),
    (8, 7): (8, "Miller, Valkov and Abel 2026"),
    (9, 7): (9, "Miller, Valkov and Abel 2026"),
    (9, 8): (9, "Miller, Valkov and Abel 2026"),
    (10, 8): (5, "Miller, Valkov and Abel 2026 (search heuristics)"),
    (13, 5): (16, "resolvable BIBD(65, 5, 1) (Abel, Ge, Greig and Zhu: v = 5 mod 20)"),
    (17, 5): (21, "resolvable BIBD(85, 5, 1) (Abel, Ge, Greig and Zhu: v = 5 mod 20)"),
}


def _family(tables: int, size: int) -> tuple[int | None, str]:
    """The best known value from a design family, or (None, why none is recorded)."""
    people = tables * size
    if tables < size:
        return 1, "pigeonhole: fewer tables than seats, round 2 repeats"
    if tables == size:
        if size == 6:
            return 3, "no two orthogonal Latin squares of order 6 (Tarry 1900)"
        if size == 10:
            return 4, "two orthogonal Latin squares of order 10 (Parker 1959)"
        if size in PRIME_POWERS:
            return size + 1, f"affine plane of order {size}"
    if (tables, size) in PUBLISHED:
        return PUBLISHED[(tables, size)]
    if size == 3:
        if tables % 2:
            return (people - 1) // 2, "Kirkman triple system (Ray-Chaudhuri and Wilson 1971)"
        return (people - 2) // 2, "nearly Kirkman triple system, v = 0 mod 6, v >= 18 (Baker and Wilson 1977)"
    if size == 4:
        if people % 12 == 4:
            return (people - 1) // 3, "resolvable BIBD(v, 4, 1), v = 4 mod 12 (Hanani, Ray-Chaudhuri and Wilson 1972)"
        if people % 12 == 0:
            return (people - 3) // 3, "resolvable 4-GDD of type 3^u, u = 0 mod 4, u >= 8 (Shen; Ge and Lam)"
    if tables in PRIME_POWERS and size <= tables:
        return None, f"open here: at least {tables} (resolvable transversal design over GF({tables}))"
    return None, "open here: no published value recorded"


def frontier_instances() -> tuple[FrontierInstance, ...]:
    """Every g x s with s in 3..10, g >= 2 and g * s <= 100, smallest tables first."""
    rows: list[FrontierInstance] = []
    for size in range(SMALLEST_SIZE, LARGEST_SIZE + 1):
        for tables in range(2, MOST_PEOPLE // size + 1):
            best, source = _family(tables, size)
            rows.append(FrontierInstance(tables, size, best, source))
    return tuple(rows)
