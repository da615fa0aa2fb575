"""Fonts for the follow-up pages, chosen per string by which characters it holds.

The follow-up pages draw each string in one font, so a string gets the first font that has all of
its characters: Helvetica (a standard PDF font, nothing embedded, fast) for Windows-1252 text, else
the bundled faces the other printables use (`typeface`): DejaVu Sans for Greek, Cyrillic,
Vietnamese..., else Droid Sans Fallback for Chinese, Japanese and Korean. Both are embedded, so
the pages look the same on any machine and in any PDF reader.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .typeface import CJK, SANS, SANS_BOLD, Face, has_glyph, load


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
    return all(has_glyph(face, char) for char in text if not char.isspace())


@functools.lru_cache(maxsize=4096)
def fonts_for(text: str) -> FontPair:
    """The fonts that can draw every character of `text` (the wide sans when none can)."""
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
    return _pair(SANS, SANS_BOLD)
