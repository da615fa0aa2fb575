"""Is this row someone we already know? Email first (any case); else the same full name with nothing
contradicting it (a different email, phone or LinkedIn means a different person)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sessions.models import Member

from .candidates import Candidate
from .folding import fold, name_key


class MatchedBy(StrEnum):
    EMAIL = "email"
    NAME = "name"


@dataclass(frozen=True)
class Match:
    key: int  # the member's id, or a negative number for someone this import adds
    matched_by: MatchedBy


@dataclass(frozen=True)
class NameClash:
    """The name fits several members and nothing tells them apart."""

    keys: tuple[int, ...]


def _same(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def contradicts(member: Member, candidate: Candidate) -> bool:
    """True when an identifying detail on both sides differs."""
    return not (
        _same(member.email, candidate.email)
        and _same(member.linkedin, candidate.linkedin)
        and (_same(member.phone, candidate.phone) or not _both_e164(member.phone, candidate.phone))
    )


def _both_e164(a: str | None, b: str | None) -> bool:
    # Only numbers we normalised can be compared; "555" against "+12145550100" says nothing.
    return bool(a and b and a.startswith("+") and b.startswith("+"))


class MemberIndex:
    """Members by email and by folded full name, updated as an import plans additions."""

    def __init__(self) -> None:
        self._members: dict[int, Member] = {}
        self._by_email: dict[str, int] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)

    @classmethod
    def of(cls, members: list[Member]) -> MemberIndex:
        index = cls()
        for member in members:
            if member.id is not None:
                index.put(member.id, member)
        return index

    def put(self, key: int, member: Member) -> None:
        old = self._members.get(key)
        if old is not None:
            if old.email:
                self._by_email.pop(old.email.casefold(), None)
            self._by_name[name_key(old.first_name, old.last_name)].discard(key)
        self._members[key] = member
        if member.email:
            self._by_email[member.email.casefold()] = key
        self._by_name[name_key(member.first_name, member.last_name)].add(key)

    def get(self, key: int) -> Member:
        return self._members[key]

    def owner_of_email(self, email: str | None) -> int | None:
        return self._by_email.get(email.casefold()) if email else None

    def find(self, candidate: Candidate) -> Match | NameClash | None:
        by_email = self.owner_of_email(candidate.email)
        if by_email is not None:
            return Match(by_email, MatchedBy.EMAIL)
        keys = self._by_name.get(name_key(candidate.first_name, candidate.last_name), set())
        fitting = sorted(key for key in keys if not contradicts(self._members[key], candidate))
        if len(fitting) == 1:
            return Match(fitting[0], MatchedBy.NAME)
        if len(fitting) > 1:
            return NameClash(tuple(fitting))
        return None


def same_person_name(member: Member, candidate: Candidate) -> bool:
    """Whether a name in the file can be the member's (for a row matched by email): first or last name agree."""
    return fold(member.first_name) == fold(candidate.first_name) or (
        bool(candidate.last_name) and fold(member.last_name) == fold(candidate.last_name)
    )
