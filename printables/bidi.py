"""Right-to-left text (Arabic, Hebrew, Persian, Urdu names) made ready for a PDF.

A PDF draws glyphs left to right exactly as given: it neither joins Arabic letters nor reverses
right-to-left runs. So text is prepared in two steps. `shaped` swaps Arabic letters for the joined
forms they take in their word (still in reading order), before the text is measured and wrapped,
since joined forms have their own widths. `visual` then puts one finished line into the order it is
drawn in, by the Unicode bidirectional algorithm, so a Hebrew name is not printed backwards and
"Works at" stays left of an Arabic company name. Text with no right-to-left letter, nearly all of
it, passes through both untouched after one regular-expression check.
"""

from __future__ import annotations

import functools
import re

import arabic_reshaper
from bidi import get_display

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic, Arabic Extended, and the Hebrew and
# Arabic presentation forms: the blocks whose letters are written right to left.
_RIGHT_TO_LEFT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
# Keep harakat (short vowel marks) instead of the reshaper's default of dropping them: a name is
# printed as it was written.
_RESHAPER = arabic_reshaper.ArabicReshaper(configuration={"delete_harakat": False})


def has_right_to_left(text: str) -> bool:
    return _RIGHT_TO_LEFT.search(text) is not None


@functools.lru_cache(maxsize=4096)
def _shaped(text: str) -> str:
    return str(_RESHAPER.reshape(text))


def shaped(text: str) -> str:
    """`text` with Arabic letters in their joined forms, still in reading order."""
    return _shaped(text) if _ARABIC.search(text) else text


@functools.lru_cache(maxsize=4096)
def _visual(line: str) -> str:
    return str(get_display(line))


def visual(line: str) -> str:
    """One line of (shaped) text in the left-to-right order a PDF draws it."""
    return _visual(line) if has_right_to_left(line) else line
