"""Fonts for the follow-up pages, chosen per string by which characters it holds.

A string is drawn in the first font that has all of its characters: Helvetica (a standard PDF font,
nothing embedded, fast) for Windows-1252 text, else the bundled faces the other printables use
(`typeface`): DejaVu Sans for Greek, Cyrillic, Vietnamese..., else Droid Sans Fallback for Chinese,
Japanese and Korean. Both are embedded, so the pages look the same on any machine and in any PDF
reader. A string no one font covers ("Works at 東京データ") is drawn in runs, changing font where
the characters need it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

from .typeface import CJK, SANS, SANS_BOLD, Face, Weight, load, runs

Run = tuple[str, str]  # (font name, text)


@dataclass(frozen=True)
class FontPair:
    regular: str
    bold: str


STANDARD = FontPair("Helvetica", "Helvetica-Bold")
STANDARD_ENCODING = "cp1252"  # what reportlab's standard fonts can draw


def _pair(regular: Face, bold: Face) -> FontPair:
    load(regular)
    load(bold)
    return FontPair(regular.name, bold.name)


def _covers(face: Face, text: str) -> bool:
    glyphs = load(face).face.charToGlyph
    return all(ord(char) in glyphs for char in text if not char.isspace())


def _single(text: str) -> FontPair | None:
    try:
        text.encode(STANDARD_ENCODING)
    except UnicodeEncodeError:
        pass
    else:
        return STANDARD
    if _covers(SANS, text) and _covers(SANS_BOLD, text):
        return _pair(SANS, SANS_BOLD)
    if _covers(CJK, text):
        return _pair(CJK, CJK)  # Droid Sans Fallback has no bold cut
    return None


@functools.lru_cache(maxsize=4096)
def fonts_for(text: str) -> FontPair:
    """The fonts that can draw every character of `text` (the wide sans when none can)."""
    return _single(text) or _pair(SANS, SANS_BOLD)


@functools.lru_cache(maxsize=8192)
def font_runs(text: str, bold: bool = False) -> tuple[Run, ...]:
    """`text` as runs of (font, text): one run when a font has every character, else a run per
    stretch each bundled face can draw (a character none has shows as a box in the first)."""
    if not text:
        return ()
    pair = _single(text)
    if pair is not None:
        return ((pair.bold if bold else pair.regular, text),)
    _pair(SANS, SANS_BOLD)
    _pair(CJK, CJK)
    return tuple((run.font, run.text) for run in runs(text, Weight.BOLD if bold else Weight.REGULAR))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` is at `size`, drawn in its runs."""
    return float(sum(stringWidth(part, font, size) for font, part in font_runs(text, bold)))
