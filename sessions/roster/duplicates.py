"""Spotting two records of one person: the same email, phone or LinkedIn, or a very similar name."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from sessions.models import Member

from .folding import name_key

DETAILS = ("email", "phone", "linkedin")
SIMILAR_NAME = 88.0  # token_sort_ratio of folded full names: "Jordon Cohen" and "Jordan Cohen" score ~92


@dataclass(frozen=True)
class PossibleDuplicate:
    member_id: int
    reason: str  # "same email", "similar name"...


class DuplicateFinder:
    """Every member's identifying details, to check one record against all the others."""

    def __init__(self, members: Iterable[Member]) -> None:
        self._members = [m for m in members if m.id is not None]
        self._names = [name_key(m.first_name, m.last_name) for m in self._members]
        self._details: dict[tuple[str, str], list[int]] = defaultdict(list)
        for member in self._members:
            for detail in DETAILS:
                value = getattr(member, detail)
                if value and member.id is not None:
                    self._details[(detail, value.casefold())].append(member.id)

    def find(self, member: Member) -> list[PossibleDuplicate]:
        found: dict[int, str] = {}
        for detail in DETAILS:
            value = getattr(member, detail)
            for other_id in self._details.get((detail, value.casefold()), []) if value else []:
                if other_id != member.id:
                    found.setdefault(other_id, f"same {detail}")
        key = name_key(member.first_name, member.last_name)
        for _, score, position in process.extract(
            key, self._names, scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR_NAME, limit=None
        ):
            other = self._members[position]
            if other.id is not None and other.id != member.id:
                found.setdefault(other.id, "same name" if score >= 100 else "similar name")
        return [PossibleDuplicate(member_id, reason) for member_id, reason in found.items()]
