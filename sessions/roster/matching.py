"""Is this row someone we already know? The export's own attendee id first, then the email (any case), each
only when the first name can be theirs; else the same full name with nothing contradicting it (a different email,
phone or LinkedIn means a different person).

An address on a row that names someone else than its owner is a shared one (the buyer's, on every ticket of a
group order): it neither finds nor rules out anyone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from sessions.models import Member

from .candidates import Candidate
from .folding import fold, name_key


class MatchedBy(StrEnum):
    ATTENDEE = "attendee id"
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


def contradicts(member: Member, candidate: Candidate, *, email: str | None = None) -> bool:
    """True when an identifying detail on both sides differs (`email`: the row's address, if it is theirs)."""
    return not (
        _same(member.email, email)
        and _same(member.linkedin, candidate.linkedin)
        and (_same(member.phone, candidate.phone) or not _both_e164(member.phone, candidate.phone))
    )


def _both_e164(a: str | None, b: str | None) -> bool:
    # Only numbers we normalised can be compared; "555" against "+12145550100" says nothing.
    return bool(a and b and a.startswith("+") and b.startswith("+"))


class MemberIndex:
    """Members by attendee id, email and folded full name, updated as an import plans additions.

    `identity_key` names the entry of a member's `extra` holding the export's attendee id (None: the file has none).
    """

    def __init__(self, identity_key: str | None = None) -> None:
        self._identity_key = identity_key
        self._members: dict[int, Member] = {}
        self._by_identity: dict[str, set[int]] = defaultdict(set)
        self._by_email: dict[str, int] = {}
        self._by_name: dict[str, set[int]] = defaultdict(set)

    @classmethod
    def of(cls, members: list[Member], identity_key: str | None = None) -> MemberIndex:
        index = cls(identity_key)
        for member in members:
            if member.id is not None:
                index.put(member.id, member)
        return index

    def _identity(self, member: Member) -> str | None:
        return member.extra.get(self._identity_key) if self._identity_key else None

    def put(self, key: int, member: Member) -> None:
        old = self._members.get(key)
        if old is not None:
            if old.email:
                self._by_email.pop(old.email.casefold(), None)
            self._by_name[name_key(old.first_name, old.last_name)].discard(key)
            identity = self._identity(old)
            if identity:
                self._by_identity[identity].discard(key)
        self._members[key] = member
        if member.email:
            self._by_email[member.email.casefold()] = key
        self._by_name[name_key(member.first_name, member.last_name)].add(key)
        identity = self._identity(member)
        if identity:
            self._by_identity[identity].add(key)

    def get(self, key: int) -> Member:
        return self._members[key]

    def owner_of_email(self, email: str | None) -> int | None:
        return self._by_email.get(email.casefold()) if email else None

    def find(self, candidate: Candidate, *, shared: bool = False) -> Match | NameClash | None:
        """Who `candidate` is. `shared`: the row's address is on rows naming other people in the same file."""
        if candidate.attendee_id:
            keys = self._by_identity.get(candidate.attendee_id, set())
            named = sorted(key for key in keys if could_be(self._members[key], candidate))
            if len(named) == 1:
                return Match(named[0], MatchedBy.ATTENDEE)
        by_email = self.owner_of_email(candidate.email)
        if by_email is not None and could_be(self._members[by_email], candidate):
            return Match(by_email, MatchedBy.EMAIL)
        # An address that is somebody else's tells nothing about who this row is.
        email = None if shared or by_email is not None else candidate.email
        keys = self._by_name.get(name_key(candidate.first_name, candidate.last_name), set())
        fitting = sorted(key for key in keys if not contradicts(self._members[key], candidate, email=email))
        if len(fitting) == 1:
            return Match(fitting[0], MatchedBy.NAME)
        if len(fitting) > 1:
            return NameClash(tuple(fitting))
        return None


def could_be(member: Member, candidate: Candidate) -> bool:
    """Whether the row's first name can be the member's: the same, or one a short form of the other ("Rob",
    "R."). A last name may change (marriage), so it does not count; "Pat Lee" and "Sam Lee" are two people."""
    mine, theirs = fold(member.first_name), fold(candidate.first_name).rstrip(".")
    return bool(mine and theirs) and (mine.startswith(theirs) or theirs.startswith(mine))


def same_person_name(member: Member, candidate: Candidate) -> bool:
    """Whether a name in the file can be the member's (for a row matched by email): first or last name agree."""
    return fold(member.first_name) == fold(candidate.first_name) or (
        bool(candidate.last_name) and fold(member.last_name) == fold(candidate.last_name)
    )
