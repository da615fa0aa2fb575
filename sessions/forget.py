"""Forgetting a member: their card, registrations and seating rules go; their seats in past rounds stay, empty.

Seats keep their place with no member (the schema sets member_id to NULL), so everyone else's
pair history is untouched while nothing about the forgotten person remains.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sessions.errors import NotFoundError, TablesessionError
from sessions.models import Member
from sessions.store import Store

MAX_LISTED = 10


class AmbiguousMemberError(TablesessionError):
    """Several members answer to the name given; the message lists them so the user can pick by id."""

    def __init__(self, reference: str, candidates: list[Member]) -> None:
        listed = "; ".join(_describe(m) for m in candidates[:MAX_LISTED])
        more = f"; and {len(candidates) - MAX_LISTED} more" if len(candidates) > MAX_LISTED else ""
        super().__init__(
            f"{len(candidates)} members are called {reference!r}: {listed}{more}. Say which one by id or email"
        )
        self.candidates = candidates


def _describe(member: Member) -> str:
    details = [d for d in (member.email, member.current_employer) if d]
    return f"id {member.id} {member.full_name}" + (f" ({', '.join(details)})" if details else "")


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_member(store: Store, reference: str) -> Member:
    """The member meant by an id, an email (any case), or an exact full name (any case, any spacing)."""
    text = reference.strip()
    if not text:
        raise TablesessionError("say which member: an id, an email or their full name")
    if text.isdigit():
        return store.members.get(int(text))
    if "@" in text:
        member = store.members.find_by_email(text)
        if member is None:
            raise NotFoundError(f"no member with email {text}")
        return member
    wanted = _name_key(text)
    found = [m for m in store.members.all() if _name_key(m.full_name) == wanted]
    if not found:
        raise NotFoundError(f"no member called {text!r} (names must match in full; 'tablesession members' lists them)")
    if len(found) > 1:
        raise AmbiguousMemberError(text, found)
    return found[0]


@dataclass(frozen=True)
class ForgetSummary:
    member_id: int
    name: str
    registrations: int
    seats: int
    rules: int = 0  # seating rules that named them

    def lines(self) -> list[str]:
        rules = f", taken out of {self.rules} seating rules" if self.rules else ""
        return [
            f"forgot {self.name} (id {self.member_id}): card and {self.registrations} registrations deleted{rules}, "
            f"{self.seats} seats in past rounds left empty (other people's pair history is kept)"
        ]


def forget_member(store: Store, member_id: int) -> ForgetSummary:
    """Delete the member, their card, registrations and seating rules, and empty their seats, in one
    transaction. A rule left with fewer than two members is deleted with them."""
    member = store.members.get(member_id)
    db = store.db
    with store.transaction():
        registrations = int(db.scalar("SELECT count(*) FROM attendance WHERE member_id = ?", (member_id,)))
        seats = int(db.scalar("SELECT count(*) FROM seats WHERE member_id = ?", (member_id,)))
        rules = store.seating_rules.drop_member(member_id)
        # attendance rows cascade; seats are set to NULL by the schema's foreign keys.
        store.members.delete(member_id)
        left = db.scalar(
            "SELECT (SELECT count(*) FROM attendance WHERE member_id = ?) + "
            "(SELECT count(*) FROM seats WHERE member_id = ?) + "
            "(SELECT count(*) FROM seating_rule_members WHERE member_id = ?)",
            (member_id, member_id, member_id),
        )
        if left:
            raise TablesessionError(f"could not forget member {member_id}: {left} records still point at them")
    return ForgetSummary(
        member_id=member_id, name=member.full_name, registrations=registrations, seats=seats, rules=rules
    )
