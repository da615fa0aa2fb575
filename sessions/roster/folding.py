"""Folding text for comparison: the same person typed with or without accents, in any case, matches."""

from __future__ import annotations

import functools
import re
import unicodedata

# Letters NFKD does not take apart but people routinely type without their mark.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ħ": "h", "ŀ": "l"}
)
_NOT_WORD = re.compile(r"[^\w]+")
_MARKS = {"Mn", "Mc", "Me"}


@functools.lru_cache(maxsize=16384)  # imports fold the same statuses and company names thousands of times
def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free text: 'Renée O'Brien-Trần' -> 'renee o brien tran'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) not in _MARKS)
    plain = stripped.translate(_EXTRA_FOLDS).replace("_", " ")
    return " ".join(_NOT_WORD.sub(" ", plain).split())


def fold_tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return fold(text).split()


def name_key(first_name: str, last_name: str = "") -> str:
    """What two spellings of one person's full name have in common (case, accents, punctuation aside)."""
    return fold(f"{first_name} {last_name}")
