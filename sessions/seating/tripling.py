"""A Kirkman triple system on 3v people from one on v people (the classic tripling construction).

Person (x, i) is 3 * x + i for x a person of the smaller system and i in Z_3. Each round of the smaller
system gives three rounds: its table {a, b, c} becomes the tables {(a, i), (b, i + j), (c, i + 2j)} for
i in Z_3, in round j. Two people from different x meet once: (a, i) and (b, i') in the round where
j = i' - i, and since 2 is invertible mod 3 the pairs with c are met once as well. One last round seats
each {(x, 0), (x, 1), (x, 2)} together. So (v - 1) / 2 rounds become 3 (v - 1) / 2 + 1 = (3v - 1) / 2:
45 people over 22 rounds from Kirkman's fifteen schoolgirls, 63 over 31 from 21 over 10.
"""

from __future__ import annotations

from .cyclic import stored_design

TRIPLE = 3


def tripled_rounds(inner: tuple[tuple[int, ...], ...]) -> tuple[tuple[int, ...], ...]:
    """The rounds of the tripled system: `inner[r][x]` is the table of person x in the smaller system."""
    people = len(inner[0])
    rounds: list[tuple[int, ...]] = []
    for design_round in inner:
        tables: dict[int, list[int]] = {}
        for person, table in enumerate(design_round):
            tables.setdefault(table, []).append(person)
        for j in range(TRIPLE):
            seats = [0] * (TRIPLE * people)
            for t, members in enumerate(tables.values()):
                for i in range(TRIPLE):
                    for step, x in enumerate(members):
                        seats[TRIPLE * x + (i + step * j) % TRIPLE] = TRIPLE * t + i
            rounds.append(tuple(seats))
    rounds.append(tuple(p // TRIPLE for p in range(TRIPLE * people)))
    return tuple(rounds)


def tripled_kirkman(tables: int, size: int, rounds: int) -> tuple[tuple[int, ...], ...] | None:
    """(3v - 1) / 2 rounds for v = 3 * tables people at tables of 3, when a Kirkman system on v / 3 is known."""
    if size != TRIPLE or tables % TRIPLE or tables % 2 == 0 or rounds != (TRIPLE * tables - 1) // 2:
        return None
    inner_tables, inner_rounds = tables // TRIPLE, (tables - 1) // 2
    inner = stored_design(inner_tables, TRIPLE, inner_rounds)
    found = inner.rounds if inner is not None else tripled_kirkman(inner_tables, TRIPLE, inner_rounds)
    return tripled_rounds(found) if found is not None else None
