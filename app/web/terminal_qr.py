"""A QR code drawn with half-block characters: two module rows per text row keep it square."""

from __future__ import annotations

import qrcode

# (top dark, bottom dark) -> the character drawn in dark-on-light colours (dark foreground, light background).
_CELLS = {(False, False): " ", (True, False): "\u2580", (False, True): "\u2584", (True, True): "\u2588"}
ANSI_DARK_ON_LIGHT = "\x1b[38;5;16;48;5;231m"
ANSI_RESET = "\x1b[0m"


def qr_rows(text: str) -> list[str]:
    """The code with a two-module light border, to be shown dark-on-light whatever the terminal's theme."""
    code = qrcode.QRCode(border=2)
    code.add_data(text)
    code.make(fit=True)
    matrix: list[list[bool]] = code.get_matrix()
    if len(matrix) % 2:
        matrix.append([False] * len(matrix[0]))
    return [
        "".join(_CELLS[(top, bottom)] for top, bottom in zip(matrix[row], matrix[row + 1], strict=True))
        for row in range(0, len(matrix), 2)
    ]


def ansi(rows: list[str]) -> list[str]:
    return [f"{ANSI_DARK_ON_LIGHT}{row}{ANSI_RESET}" for row in rows]
