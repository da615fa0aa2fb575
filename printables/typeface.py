"""The bundled TrueType fonts, and splitting a string into runs that each font can draw.

reportlab has no per-glyph fallback, so a name such as "Wang 王小明" is drawn as two runs: the Latin part
in DejaVu Sans Condensed, the Chinese part in Droid Sans Fallback. Fonts are registered on first use
(the CJK font only when a string needs it) and under a lock, because the TUI renders in a worker thread.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).parent / "fonts"


class Weight(StrEnum):
    REGULAR = "regular"
    BOLD = "bold"


@dataclass(frozen=True)
class Face:
    """One TrueType file, registered with reportlab under `name`."""

    name: str
    file: str


SANS = Face("TSSans", "DejaVuSansCondensed.ttf")
SANS_BOLD = Face("TSSans-Bold", "DejaVuSansCondensed-Bold.ttf")
CJK = Face("TSCJK", "DroidSansFallback.ttf")  # no bold cut exists; bold text falls back to the regular one

# For each weight, the faces tried in order for every character.
CHAINS: dict[Weight, tuple[Face, ...]] = {
    Weight.REGULAR: (SANS, CJK),
    Weight.BOLD: (SANS_BOLD, CJK),
}

_lock = threading.Lock()
_loaded: dict[str, TTFont] = {}


def load(face: Face) -> TTFont:
    """The face's reportlab font, registered the first time it is asked for."""
    font = _loaded.get(face.name)
    if font is not None:
        return font
    with _lock:
        font = _loaded.get(face.name)
        if font is None:
            font = TTFont(face.name, str(FONT_DIR / face.file))
            pdfmetrics.registerFont(font)
            _loaded[face.name] = font
    return font


def has_glyph(face: Face, char: str) -> bool:
    return ord(char) in load(face).face.charToGlyph


@dataclass(frozen=True)
class Run:
    """A stretch of text drawn in one font."""

    font: str
    text: str


def _joins_previous(char: str) -> bool:
    """Combining marks and joiners stay with the character before them, whatever the font."""
    return unicodedata.combining(char) != 0 or char in "\u200d\u200c\ufe0f"


@lru_cache(maxsize=8192)
def runs(text: str, weight: Weight = Weight.REGULAR) -> tuple[Run, ...]:
    """`text` (NFC-normalised) split into runs, each in the first face of the chain that has its glyphs.

    Spaces take the font of the run they sit in, so "Wang 王" breaks into two runs, not three. A character
    no face has is drawn in the first face (it shows as a box rather than vanishing).
    """
    chain = CHAINS[weight]
    normal = unicodedata.normalize("NFC", text)
    pieces: list[tuple[Face, list[str]]] = []
    for char in normal:
        if pieces and (char.isspace() or _joins_previous(char)):
            pieces[-1][1].append(char)
            continue
        face = next((f for f in chain if has_glyph(f, char)), chain[0])
        if pieces and pieces[-1][0] == face:
            pieces[-1][1].append(char)
        else:
            pieces.append((face, [char]))
    return tuple(Run(face.name, "".join(chars)) for face, chars in pieces)


@lru_cache(maxsize=16384)
def unit_width(text: str, weight: Weight = Weight.REGULAR) -> float:
    """Width of `text` at 1 pt, in points (scale by the size)."""
    return float(sum(pdfmetrics.stringWidth(run.text, run.font, 1.0) for run in runs(text, weight)))


def width(text: str, size: float, weight: Weight = Weight.REGULAR) -> float:
    return unit_width(text, weight) * size


def metrics(weight: Weight = Weight.REGULAR) -> tuple[float, float]:
    """(ascent, descent) of the weight's main face per point of size; descent is negative."""
    face = load(CHAINS[weight][0]).face
    return face.ascent / 1000.0, face.descent / 1000.0


def faces_used(text: str, weight: Weight = Weight.REGULAR) -> set[str]:
    """Names of the fonts a string is drawn with (tests use it to check the CJK face is picked)."""
    return {run.font for run in runs(text, weight)}
