"""Splitting a one-field name ("Mary Ann de la Cruz") into first and last name, as a person would."""

from __future__ import annotations

from dataclasses import dataclass

# Words that begin a family name: "de la Cruz", "van der Berg", "bin Said". Lower-case comparison.
PARTICLES = frozenset(
    {
        "al",
        "bin",
        "binti",
        "bint",
        "da",
        "das",
        "de",
        "degli",
        "del",
        "della",
        "den",
        "der",
        "des",
        "di",
        "do",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "lo",
        "st",
        "st.",
        "te",
        "ten",
        "ter",
        "van",
        "von",
        "zu",
    }
)
# Generational and academic suffixes stay with the family name: "King Jr.".
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "phd", "ph.d.", "md", "m.d.", "esq", "esq."})


@dataclass(frozen=True)
class SplitName:
    first_name: str
    last_name: str


def split_full_name(full_name: str) -> SplitName:
    """First and last name from one field.

    'Cher' -> ('Cher', ''); 'Mary Ann de la Cruz' -> ('Mary Ann', 'de la Cruz');
    'Cruz, Mary Ann' -> ('Mary Ann', 'Cruz'); 'Martin Luther King Jr.' -> ('Martin Luther', 'King Jr.').
    """
    text = " ".join(full_name.split())
    if "," in text:
        family, _, given = text.partition(",")
        given, family = given.strip(), family.strip()
        # "King, Jr." is a suffix after a comma, not "family, given".
        if given and family and given.casefold() not in SUFFIXES:
            return SplitName(given, family)
        text = " ".join(part for part in (family, given) if part)
    words = text.split()
    if len(words) <= 1:
        return SplitName(text, "")
    suffix: list[str] = []
    while len(words) > 2 and words[-1].casefold().rstrip(",") in SUFFIXES:
        suffix.insert(0, words.pop())
    # The family name starts at the first particle that is neither the first word nor the last.
    start = len(words) - 1
    for index in range(1, len(words) - 1):
        if words[index].casefold() in PARTICLES:
            start = index
            break
    return SplitName(" ".join(words[:start]), " ".join(words[start:] + suffix))
