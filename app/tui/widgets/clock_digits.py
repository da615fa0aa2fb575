"""The clock's time in digits as large as the space allows: a projector needs them readable across a room."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widgets import Digits

# A 3x5 pixel font; each pixel becomes a block of cells. "#" is lit.
GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", "###", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("...", "...", "...", "...", "..."),
}
GLYPH_ROWS = 5
LIT = "█"
# Scale for the widest time the clock shows, so the digits keep their size as overtime adds a '+'.
WIDEST = "+00:00"
# Pixels at most this much taller than wide (cells are about twice as tall as they are wide).
MIN_PIXEL_COLUMNS = 2


def pixel_width(text: str) -> int:
    return sum(len(GLYPHS.get(char, GLYPHS[" "])[0]) for char in text) + max(len(text) - 1, 0)


def scale_for(size: Size, reference: str = WIDEST) -> tuple[int, int]:
    """(columns, rows) per pixel that fit `reference` in `size`; (0, 0) when the block font does not fit."""
    columns = min(size.width // max(pixel_width(reference), 1), 2 * (size.height // GLYPH_ROWS))
    if columns < MIN_PIXEL_COLUMNS:
        return 0, 0
    # Roughly square pixels look like a clock face; pure squares would waste the width.
    rows = min(size.height // GLYPH_ROWS, max(1, (2 * columns + 2) // 3))
    return columns, rows


def block_lines(text: str, columns: int, rows: int) -> list[str]:
    """`text` drawn in the pixel font, each pixel `columns` wide and `rows` tall."""
    lines: list[str] = []
    for pixel_row in range(GLYPH_ROWS):
        cells = []
        for char in text:
            row = GLYPHS.get(char, GLYPHS[" "])[pixel_row]
            cells.append("".join((LIT if lit == "#" else " ") * columns for lit in row))
        lines.extend([(" " * columns).join(cells)] * rows)
    return lines


class ClockDigits(Digits):
    """Textual's Digits when space is tight; a scaled block font as soon as it fits."""

    DEFAULT_CSS = """
    ClockDigits {
        width: 1fr;
        height: 1fr;
        min-height: 3;
        text-align: left;
    }
    """

    def render(self) -> RenderResult:
        size = self.content_size
        columns, rows = scale_for(size)
        if not columns:
            return Align(DigitsRenderable(self.value, self.rich_style), "center")
        lines = block_lines(self.value, columns, rows)
        # Centred here as one block: aligning each line on its own would shear the glyphs.
        width = max((len(line) for line in lines), default=0)
        left = " " * max((size.width - width) // 2, 0)
        top = max((size.height - len(lines)) // 2, 0)
        padded = [""] * top + [left + line for line in lines]
        return Text("\n".join(padded), no_wrap=True, overflow="crop")

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(3, container.height)
