"""Sharing choices read from a registration file: yes/no questions and checkbox lists."""

from __future__ import annotations

from collections.abc import Iterable

from sessions.models import SharedField

from .cleaning import split_list
from .folding import fold

# Words in a checkbox option and the card field each stands for ("Email", "Phone number", "LinkedIn").
OPTION_WORDS: tuple[tuple[tuple[str, ...], SharedField], ...] = (
    (("linkedin",), SharedField.LINKEDIN),
    (("email", "e mail", "mail"), SharedField.EMAIL),
    (("phone", "mobile", "cell", "telephone", "text", "whatsapp"), SharedField.PHONE),
    (("website", "web", "site", "portfolio"), SharedField.WEBSITE),
    (("headline", "about"), SharedField.HEADLINE),
    (("employer", "employers", "companies", "company", "work history"), SharedField.EMPLOYERS),
    (("target", "targets", "looking"), SharedField.TARGETS),
)
NOTHING = frozenset({"none", "nothing", "no", "none of the above", "n a"})


def option_field(option: str) -> SharedField | None:
    words = f" {fold(option)} "
    for keys, shared in OPTION_WORDS:
        if any(f" {key} " in words for key in keys):
            return shared
    return None


def options_vocabulary(cells: Iterable[str]) -> tuple[set[SharedField], set[str]]:
    """The fields a checkbox column offers (every option anyone ticked) and the options we cannot place."""
    offered: set[SharedField] = set()
    unknown: set[str] = set()
    for cell in cells:
        for option in split_list(cell):
            shared = option_field(option)
            if shared is not None:
                offered.add(shared)
            elif fold(option) not in NOTHING:
                unknown.add(option)
    return offered, unknown


def choices_from_list(cell: str, offered: set[SharedField]) -> dict[SharedField, bool]:
    """Ticked options are shared, offered ones left unticked are not. A blank cell is no answer at all."""
    if not cell.strip():
        return {}
    ticked = {option_field(option) for option in split_list(cell)}
    return {shared: shared in ticked for shared in offered}
