"""Whose is an email address that several people's rows carry (the buyer's, on every ticket of a group order)?

An address belongs to one member (the database keeps emails unique). It stays with the member who has it, or goes
to the first row of the file that carries it; everyone else on it comes in without it, and the summary says so on
their own row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .candidates import Candidate
from .folding import fold
from .matching import MemberIndex


@dataclass(frozen=True)
class SharedAddresses:
    """Addresses the file gives to rows naming different people: address (casefolded) -> rows carrying it."""

    rows: dict[str, list[int]]

    @classmethod
    def of(cls, candidates: Iterable[Candidate]) -> SharedAddresses:
        rows: dict[str, list[int]] = defaultdict(list)
        firsts: dict[str, set[str]] = defaultdict(set)
        for candidate in candidates:
            if candidate.email:
                rows[candidate.email.casefold()].append(candidate.row)
                firsts[candidate.email.casefold()].add(fold(candidate.first_name))
        return cls({address: found for address, found in rows.items() if len(firsts[address]) > 1})

    def __contains__(self, email: object) -> bool:
        return isinstance(email, str) and email.casefold() in self.rows


def settle_address(
    candidate: Candidate,
    target: int | None,
    index: MemberIndex,
    shared: SharedAddresses,
    rows_planned: dict[int, int],
) -> str | None:
    """Take the row's email away when it is someone else's; return what to tell the user, or None.

    `target` is the member the row was matched to (None: someone new); `rows_planned` gives the row of each member
    this import has planned so far.
    """
    email = candidate.email
    if not email:
        return None
    owner = index.owner_of_email(email)
    own = index.get(target).email if target is not None else None
    name = candidate.full_name
    if owner is not None and owner != target:
        holder = index.get(owner).full_name
        planned = rows_planned.get(owner)
        where = f"is also on row {planned} for {holder}" if planned is not None else f"is {holder}'s"
        candidate.email = None
        keeps = f"{name} keeps their own" if own else f"{name} comes in without an email"
        merge = "" if planned is not None or own else " (merge the two if they are one person)"
        return f"{email} {where}, another person: it stays with {holder}; {keeps}{merge}"
    if owner is None and own and own.casefold() != email.casefold() and email in shared:
        # Not theirs, and not to replace their own: the order's address goes to the person it is for.
        others = [row for row in shared.rows[email.casefold()] if row != candidate.row]
        candidate.email = None
        return f"{email} is also on row {others[0]} for another person; {name} keeps their own"
    return None
