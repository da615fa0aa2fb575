"""Kirkman triple systems on 3q people, q = 1 mod 6 a prime (Ray-Chaudhuri and Wilson's direct construction).

People are (x, j) for x in Z_q and j in {0, 1, 2}, numbered j * q + x. With q = 6t + 1 and w a primitive
root, the cube roots of unity are {1, e, e^2} for e = w^(2t), and the 2t cosets C_i = w^i {1, e, e^2}
split the nonzero residues. One parallel class P holds:
- {(0, 0), (0, 1), (0, 2)};
- C_i on each level j, for i < t: its differences are (e - 1) w^i times the sixth roots of unity, so
  these t cosets meet every difference within a level once;
- for t <= i < 2t, the points of C_i spread over the levels, (a, 0), (a e, 1), (a e^2, 2) and its two
  rotations for a in C_i: between levels 0 and 1 they meet the differences (e - 1) H, H the union of
  these cosets (likewise (e^2 - 1) H between 0 and 2, (e - 1) H between 1 and 2).
P shifted by each s in Z_q gives q rounds. The 3t differences left between each two levels, (e - 1) h
and (e^2 - 1) h for h in the other cosets H', give 3t more rounds, each the shifts of one table
{(0, 0), ((e - 1) h, 1), ((e^2 - 1) h, 2)}. That is 9t + 1 = (3q - 1) / 2 rounds: 57 people over 28,
93 over 46.
"""

from __future__ import annotations

LEVELS = 3


def _primitive_root(q: int) -> int:
    return next(g for g in range(2, q) if all(pow(g, (q - 1) // f, q) != 1 for f in _prime_factors(q - 1)))


def _prime_factors(n: int) -> list[int]:
    found, f = [], 2
    while f * f <= n:
        if n % f == 0:
            found.append(f)
            while n % f == 0:
                n //= f
        f += 1
    return [*found, n] if n > 1 else found


def _is_prime(q: int) -> bool:
    return q > 1 and all(q % f for f in range(2, int(q**0.5) + 1))


def kirkman_3q_rounds(tables: int, size: int, rounds: int) -> tuple[tuple[int, ...], ...] | None:
    """The (3q - 1) / 2 rounds for q = tables, when tables is a prime = 1 mod 6 and size is 3."""
    q = tables
    if size != LEVELS or q % 6 != 1 or not _is_prime(q) or rounds != (LEVELS * q - 1) // 2:
        return None
    t = (q - 1) // 6
    w = _primitive_root(q)
    e = pow(w, 2 * t, q)
    coset = [[pow(w, i, q) * pow(e, r, q) % q for r in range(LEVELS)] for i in range(2 * t)]
    base: list[list[tuple[int, int]]] = [[(0, j) for j in range(LEVELS)]]
    for i in range(t):
        base.extend([(x, j) for x in coset[i]] for j in range(LEVELS))
    for i in range(t, 2 * t):
        c = coset[i]
        base.extend([(c[r], 0), (c[(r + 1) % LEVELS], 1), (c[(r + 2) % LEVELS], 2)] for r in range(LEVELS))
    developed: list[tuple[int, ...]] = []
    for s in range(q):
        seats = [0] * (LEVELS * q)
        for table, triple in enumerate(base):
            for x, j in triple:
                seats[j * q + (x + s) % q] = table
        developed.append(tuple(seats))
    for i in range(t):
        for h in coset[i]:
            shifts = (0, (e - 1) * h % q, (e * e - 1) * h % q)
            # Table y seats (y + shifts[j], j): person (x, j) sits at x - shifts[j].
            developed.append(tuple((p % q - shifts[p // q]) % q for p in range(LEVELS * q)))
    return tuple(developed)
