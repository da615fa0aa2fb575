"""The bundled TrueType fonts, and splitting a string into runs that each font can draw.

reportlab has no per-glyph fallback, so a name such as "Wang 王小明" is drawn as two runs: the Latin part
in DejaVu Sans Condensed, the Chinese part in Droid Sans Fallback. Fonts are registered on first use
(the CJK font only when a string needs it) and under a lock, because the TUI renders in a worker thread.
"""

from __future__ import annotations

import re
import struct
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
# Scripts DejaVu lacks, or lacks in part (the Allah ligature U+FDF2 that Arabic shaping forms); regular only.
ARABIC = Face("TSArabic", "NotoSansArabic-Regular.ttf")
THAI = Face("TSThai", "NotoSansThai-Regular.ttf")
DEVANAGARI = Face("TSDevanagari", "NotoSansDevanagari-Regular.ttf")
FALLBACKS = (ARABIC, THAI, DEVANAGARI, CJK)

# For each weight, the faces tried in order for every character.
CHAINS: dict[Weight, tuple[Face, ...]] = {
    Weight.REGULAR: (SANS, *FALLBACKS),
    Weight.BOLD: (SANS_BOLD, *FALLBACKS),
}
# Arabic letters are drawn in Noto Sans Arabic even where DejaVu has them, so a word whose ligature only
# Noto has is not drawn in two styles.
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")

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
    """Combining marks stay with the character before them when its face has them."""
    return unicodedata.combining(char) != 0


# Default-ignorable format characters: zero-width joiners and spaces, direction marks, variation selectors.
_IGNORABLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufe00-\ufe0f\ufeff]")


@lru_cache(maxsize=8192)
def face_for(char: str, weight: Weight = Weight.REGULAR) -> Face | None:
    """The face that draws `char`: the first in the weight's chain that has it (Arabic letters prefer Noto
    Sans Arabic); None when no bundled face has it."""
    chain = CHAINS[weight]
    if _ARABIC_LETTERS.match(char) and has_glyph(ARABIC, char):
        return ARABIC
    return next((face for face in chain if has_glyph(face, char)), None)


@lru_cache(maxsize=16384)
def _drawable(char: str, weight: Weight) -> bool:
    return char.isspace() or _IGNORABLE.match(char) is not None or face_for(char, weight) is not None


def unprintable(text: str, weight: Weight = Weight.REGULAR) -> str:
    """The characters of `text` no bundled face can draw (emoji, scripts not bundled), each once, in order."""
    if text.isascii() and text.isprintable():
        return ""  # the first face has every printable ASCII character
    missing = ""
    for char in unicodedata.normalize("NFC", text):
        if char not in missing and not _drawable(char, weight):
            missing += char
    return missing


@lru_cache(maxsize=8192)
def runs(text: str, weight: Weight = Weight.REGULAR) -> tuple[Run, ...]:
    """`text` (NFC-normalised) split into runs, each in the first face of the chain that has its glyphs.

    Spaces take the font of the run they sit in, so "Wang 王" breaks into two runs, not three. A character
    no face has is left out (never drawn as the font's empty box); printing warns whose text lost it.
    """
    normal = unicodedata.normalize("NFC", text)
    pieces: list[tuple[Face, list[str]]] = []
    for char in normal:
        if char.isspace():
            if pieces:
                pieces[-1][1].append(char)
                continue
            face = CHAINS[weight][0]
        elif _IGNORABLE.match(char):
            continue  # invisible format characters (joiners, variation selectors): nothing to draw
        else:
            found = face_for(char, weight)
            if found is None:
                continue  # left out rather than drawn as an empty box; see unprintable()
            if _joins_previous(char) and pieces and has_glyph(pieces[-1][0], char):
                pieces[-1][1].append(char)  # a mark stays with its letter when that face has it
                continue
            face = found
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


@lru_cache(maxsize=4096)
def ink_top(text: str, weight: Weight = Weight.REGULAR) -> float:
    """How high above the baseline the tallest glyph of `text` reaches, per point of size: stacked accents
    ('Nguyễn', 'Ánh') rise well above the ascent that lines are set by."""
    top = 0.0
    for run in runs(text, weight):
        face = load(_by_name[run.font]).face
        glyf = face.table["glyf"]["offset"]
        for char in run.text:
            glyph = face.charToGlyph.get(ord(char))
            if glyph is None or glyph + 1 >= len(face.glyphPos):
                continue
            start = face.glyphPos[glyph]
            if face.glyphPos[glyph + 1] <= start:
                continue  # an empty glyph (a space)
            (y_max,) = struct.unpack(">h", face._ttf_data[glyf + start + 8 : glyf + start + 10])
            top = max(top, y_max / face.unitsPerEm)
    return top


_by_name = {face.name: face for face in (SANS, SANS_BOLD, *FALLBACKS)}
