"""The order a full name is written in: given name first for most scripts, family name first (and no space) for
names written in Chinese, Japanese or Korean script.

One function, so that vCards, CSV exports and printouts all write "王小明", never "小明 王".
"""

from __future__ import annotations

# Code point ranges of the scripts that put the family name first: Han (CJK ideographs and their extensions and
# compatibility forms), Hiragana, Katakana and Hangul.
_FAMILY_FIRST_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # Hangul Jamo
    (0x2E80, 0x2FDF),  # CJK radicals
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3130, 0x318F),  # Hangul compatibility Jamo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xAC00, 0xD7AF),  # Hangul syllables
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x20000, 0x3134F),  # CJK extensions B to G
)


def _family_first_script(text: str) -> bool:
    """Whether `text` has letters and every letter is in a family-name-first script."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(any(low <= ord(ch) <= high for low, high in _FAMILY_FIRST_RANGES) for ch in letters)


def is_family_name_first(first_name: str, last_name: str) -> bool:
    """Whether a name with these parts is written family name first: both parts in Chinese, Japanese or Korean
    script (a Latin given name with a Chinese family name, "David 王", keeps the Western order)."""
    return bool(last_name) and _family_first_script(last_name) and (not first_name or _family_first_script(first_name))


def display_full_name(first_name: str, last_name: str) -> str:
    """The full name as its script writes it: "王小明" for family name 王 and given name 小明, "Ana Ruiz" otherwise."""
    if is_family_name_first(first_name, last_name):
        return last_name + first_name
    return " ".join(part for part in (first_name, last_name) if part)
