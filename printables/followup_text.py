"""Lines of text turned into PDF text operators once, then placed on any number of follow-up pages.

A meeting's follow-up pages show each person's details on the page of everyone they sat with: about
twenty times over for 2,000 people. So a group of lines (one person's details, a table heading)
becomes a `Piece`: its operators move down from the piece's top-left corner, wherever that lands,
and are encoded once per export. A page only sets each piece's origin and appends its bytes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from reportlab.lib.colors import HexColor

from .cid_fonts import FontObjects, SubsetFont
from .followup_fonts import STANDARD, STANDARD_ENCODING, Run
from .pdf_file import literal, pdf_number
from .typeface import CJK, SANS, SANS_BOLD

BASELINE = 0.8  # a line's baseline sits this far down its height, leaving the rest for descenders

# Resource names each font has in every follow-up document.
STANDARD_RESOURCES = {STANDARD.regular: b"/F1", STANDARD.bold: b"/F2"}
EMBEDDED_FACES = {face.name: face for face in (SANS, SANS_BOLD, CJK)}
# The standard fonts are every PDF reader's own: named, not embedded. cp1252 is WinAnsiEncoding.
STANDARD_FONT_OBJECTS = {
    resource: b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % name.encode("ascii")
    for name, resource in STANDARD_RESOURCES.items()
}

Fonts = tuple[tuple[bytes, FontObjects], ...]  # the embedded subsets a piece draws with, by resource name


@dataclass(frozen=True)
class Line:
    """One line of text, in runs of (font, text) (none for a blank line); `height` is its share of the column."""

    runs: tuple[Run, ...]
    size: float
    color: str
    height: float

    @property
    def text(self) -> str:
        return "".join(part for _font, part in self.runs)


@dataclass(frozen=True)
class Piece:
    """Lines ready to draw, and the embedded fonts they use (none for Latin text). The operators start
    from the piece's top-left corner and end at its bottom-left, so pieces chain down a column."""

    lines: tuple[Line, ...]
    ops: bytes
    height: float
    fonts: Fonts


@functools.lru_cache(maxsize=64)
def fill_color(color: str) -> bytes:
    ink = HexColor(color)
    return b"%s %s %s rg\n" % tuple(pdf_number(round(c, 4)).encode("ascii") for c in (ink.red, ink.green, ink.blue))


@functools.lru_cache(maxsize=256)  # a handful of sizes and line spacings, over and over
def _number(value: float) -> bytes:
    return pdf_number(value).encode("ascii")


def _move(down: float) -> bytes:
    """To the start of a line `down` points below the current one (negative: below)."""
    return b"0 %s Td\n" % _number(round(down, 3))


@dataclass
class Typesetter:
    """Encodes lines for one export, keeping each subset font it makes for the next text with the same
    characters in the same face (a person's name on their own page and on everyone else's)."""

    _subsets: dict[tuple[str, frozenset[str]], SubsetFont] = field(default_factory=dict)
    _lines: dict[Line, Piece] = field(default_factory=dict)

    def subset(self, font: str, chars: frozenset[str]) -> SubsetFont:
        subset = self._subsets.get((font, chars))
        if subset is None:
            subset = self._subsets[(font, chars)] = SubsetFont(EMBEDDED_FACES[font], chars)
        return subset

    def fonts_for(self, runs: Iterable[Run]) -> dict[str, SubsetFont]:
        """The subset of each embedded font that draws every (font, text) run given in it."""
        chars: dict[str, set[str]] = {}
        for font, text in runs:
            if font not in STANDARD_RESOURCES:
                chars.setdefault(font, set()).update(text)
        return {font: self.subset(font, frozenset(used)) for font, used in chars.items()}

    def show(self, text: str, font: str, subsets: dict[str, SubsetFont]) -> bytes:
        """The operator drawing `text` at the current point, in `font` (with `subsets` for embedded fonts)."""
        if font in STANDARD_RESOURCES:
            return literal(text.encode(STANDARD_ENCODING)) + b" Tj\n"
        return subsets[font].encode(text) + b" Tj\n"

    @staticmethod
    def resource(font: str, subsets: dict[str, SubsetFont]) -> bytes:
        return STANDARD_RESOURCES[font] if font in STANDARD_RESOURCES else subsets[font].resource

    def select(self, font: str, size: float, subsets: dict[str, SubsetFont]) -> bytes:
        return b"%s %s Tf\n" % (self.resource(font, subsets), _number(size))

    def show_runs(self, runs: Iterable[Run], size: float, subsets: dict[str, SubsetFont]) -> bytes:
        """Each run in its font, one after the other on the current line."""
        return b"".join(self.select(font, size, subsets) + self.show(text, font, subsets) for font, text in runs)

    def piece(self, lines: tuple[Line, ...]) -> Piece:
        """`lines` stacked downwards from the origin; blank lines only take their height."""
        subsets = self.fonts_for(run for line in lines for run in line.runs)
        ops: list[bytes] = []
        font: tuple[str, float] | None = None
        color: str | None = None
        top = 0.0  # how far the current line's top is below the origin
        baseline = 0.0  # where the last Td left the line start, relative to the origin
        for line in lines:
            if line.runs:
                if line.color != color:
                    color = line.color
                    ops.append(fill_color(line.color))
                here = -(top + line.height * BASELINE)
                ops.append(_move(here - baseline))
                baseline = here
                for run_font, text in line.runs:
                    if (run_font, line.size) != font:
                        font = (run_font, line.size)
                        ops.append(self.select(run_font, line.size, subsets))
                    ops.append(self.show(text, run_font, subsets))
            top += line.height
        ops.append(_move(-top - baseline))  # to the bottom-left corner
        fonts = tuple((subset.resource, subset.objects) for subset in subsets.values())
        return Piece(lines, b"".join(ops), top, fonts)

    def line(self, line: Line) -> Piece:
        """One line as its own piece, for the rare block that must break between lines."""
        piece = self._lines.get(line)
        if piece is None:
            piece = self._lines[line] = self.piece((line,))
        return piece
