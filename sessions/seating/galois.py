"""Finite fields GF(q) for prime powers q, as addition and multiplication tables.

The algebraic seating designs need a field with as many elements as there are tables; integers
mod q only form a field when q is prime, so 8 and 9 tables need polynomial arithmetic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import product

# Tables grow with q squared; beyond this a room has hundreds of tables and the cyclic search is used.
LARGEST_FIELD = 512


def prime_power(q: int) -> tuple[int, int] | None:
    """(p, k) with q = p**k and p prime, or None."""
    if q < 2:
        return None
    p = next(d for d in range(2, q + 1) if q % d == 0)
    k, rest = 0, q
    while rest % p == 0:
        rest //= p
        k += 1
    return (p, k) if rest == 1 else None


def _poly_mul_mod(a: list[int], b: list[int], modulus: list[int], p: int) -> list[int]:
    """Multiply two polynomials (coefficients lowest degree first) modulo a monic `modulus` over Z_p."""
    k = len(modulus) - 1
    product_ = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                product_[i + j] = (product_[i + j] + x * y) % p
    for degree in range(len(product_) - 1, k - 1, -1):
        factor = product_[degree]
        if factor:
            for i in range(k + 1):
                product_[degree - k + i] = (product_[degree - k + i] - factor * modulus[i]) % p
    return (product_ + [0] * k)[:k]


def _digits(value: int, p: int, k: int) -> list[int]:
    return [(value // p**i) % p for i in range(k)]


def _number(digits: list[int], p: int) -> int:
    return sum(d * p**i for i, d in enumerate(digits))


def _irreducible(p: int, k: int) -> list[int]:
    """The first monic polynomial of degree k with no root and no factor of lower degree over Z_p."""
    for tail in product(range(p), repeat=k):
        modulus = [*reversed(tail), 1]
        if modulus[0] == 0:
            continue
        # A polynomial of degree k is irreducible iff x^(p^k) = x mod it and it has no factor of degree
        # k/d for a prime d; for the small k used here, testing every lower-degree monic divisor is simpler.
        if not any(_divides(divisor, modulus, p) for divisor in _monics_up_to(k // 2, p)):
            return modulus
    raise AssertionError(f"no irreducible polynomial of degree {k} over Z_{p}")


def _monics_up_to(max_degree: int, p: int) -> list[list[int]]:
    found: list[list[int]] = []
    for degree in range(1, max_degree + 1):
        for tail in product(range(p), repeat=degree):
            found.append([*reversed(tail), 1])
    return found


def _divides(divisor: list[int], polynomial: list[int], p: int) -> bool:
    remainder = list(polynomial)
    d = len(divisor) - 1
    inverse_lead = pow(divisor[-1], p - 2, p)
    for degree in range(len(remainder) - 1, d - 1, -1):
        factor = remainder[degree] * inverse_lead % p
        if factor:
            for i in range(d + 1):
                remainder[degree - d + i] = (remainder[degree - d + i] - factor * divisor[i]) % p
    return not any(remainder[:d])


@dataclass(frozen=True)
class Field:
    """GF(q): elements are 0..q-1; 0 and 1 are the field's zero and one."""

    order: int
    add: tuple[tuple[int, ...], ...]
    mul: tuple[tuple[int, ...], ...]


@lru_cache(maxsize=16)
def field(q: int) -> Field | None:
    """GF(q), or None when q is not a prime power (or too large to tabulate)."""
    power = prime_power(q)
    if power is None or q > LARGEST_FIELD:
        return None
    p, k = power
    if k == 1:
        add = tuple(tuple((a + b) % p for b in range(p)) for a in range(p))
        mul = tuple(tuple((a * b) % p for b in range(p)) for a in range(p))
        return Field(q, add, mul)
    modulus = _irreducible(p, k)
    digits = [_digits(v, p, k) for v in range(q)]
    add = tuple(
        tuple(_number([(x + y) % p for x, y in zip(digits[a], digits[b], strict=True)], p) for b in range(q))
        for a in range(q)
    )
    mul = tuple(tuple(_number(_poly_mul_mod(digits[a], digits[b], modulus, p), p) for b in range(q)) for a in range(q))
    return Field(q, add, mul)
