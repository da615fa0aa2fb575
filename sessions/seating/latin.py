"""Four repeat-free rounds for 10 tables of 10, from two orthogonal Latin squares of order 10.

Seat person (row, column) of a 10 x 10 grid at table `row`, then `column`, then the symbol of square A
in that cell, then the symbol of square B. Rows and columns never share a pair; a Latin square's symbol
classes meet every row and column once; and two orthogonal squares' classes meet once. Euler guessed
no such pair exists; Parker (1959) found one. This pair was found for tablesession by a search for ten
disjoint transversals of a random Latin square (each transversal is one symbol class of B); the test
in tests/seating/test_latin.py checks both squares are Latin and orthogonal.
"""

from __future__ import annotations

ORDER = 10

# Each string is a row; its digits are the symbols in columns 0-9.
SQUARE_A = (
    "5841203967", "2316857490", "3409512786", "9085426173", "6274138509",
    "1962374058", "8127940635", "0693785241", "4758069312", "7530691824",
)  # fmt: skip
SQUARE_B = (
    "6507341829", "1094832675", "7423086591", "0812975346", "3278590164",
    "2189467053", "4650213987", "9765128430", "5346709218", "8931654702",
)  # fmt: skip


def square(rows: tuple[str, ...]) -> list[list[int]]:
    return [[int(symbol) for symbol in row] for row in rows]


def mols10_rounds(rounds: int) -> tuple[tuple[int, ...], ...]:
    """Up to 4 rounds for 100 people (person = row * 10 + column): `result[r][person]` is the table."""
    a, b = square(SQUARE_A), square(SQUARE_B)
    cells = [(r, c) for r in range(ORDER) for c in range(ORDER)]
    all_rounds = (
        tuple(r for r, _c in cells),
        tuple(c for _r, c in cells),
        tuple(a[r][c] for r, c in cells),
        tuple(b[r][c] for r, c in cells),
    )
    return all_rounds[: min(rounds, len(all_rounds))]
