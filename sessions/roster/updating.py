"""How a row changes a member: fill and refresh, never erase.

A blank cell never clears a stored value. A job title only fills an empty headline. Employers
accumulate (the newest first). Target roles, target companies and sub-groups are replaced by a
non-empty answer, since people's targets move. Sharing: for a new member the file's answers stand; for
a known member a file may only make a field narrower, and never touches a field the member chose
themselves (at the door, in the app, on the command line). A refused change is a warning.
"""

from __future__ import annotations

from typing import Any

from sessions.models import Member, SharedField, Sharing, Tag, limits

from .candidates import Candidate
from .folding import fold, name_key
from .matching import same_person_name


def merged_list(newer: list[str], older: list[str]) -> list[str]:
    """`newer` first, then what `older` adds; case-insensitive duplicates dropped; at most LIST_MAX."""
    seen: set[str] = set()
    result: list[str] = []
    for item in [*newer, *older]:
        key = fold(item) or item.casefold()
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result[: limits.LIST_MAX]


def sharing_with(base: Sharing, choices: dict[SharedField, bool]) -> Sharing:
    updated = base
    for shared, allowed in choices.items():
        updated = updated.with_choice(shared, allowed)
    return updated


def imported_sharing(member: Member, choices: dict[SharedField, bool]) -> tuple[Sharing, list[str]]:
    """`member`'s sharing after a file's answers: (the sharing, a warning for each answer not taken)."""
    sharing = member.sharing
    problems: list[str] = []
    for shared, allowed in choices.items():
        stored = sharing.allows(shared)
        if allowed == stored:
            continue
        what = f"{member.full_name}'s {shared.value}"
        if sharing.is_chosen(shared):
            kept, would = ("shared", "make it private") if stored else ("private", "share it")
            problems.append(f"kept {what} {kept}: chosen on their card; the file would {would}")
        elif allowed:
            problems.append(f"kept {what} private: the file would share it; change it on the card")
        else:
            sharing = sharing.with_choice(shared, False)
    return sharing, problems


def _tags(tags: frozenset[Tag], newcomer: bool | None) -> frozenset[Tag]:
    if newcomer is True:
        return tags | {Tag.NEWCOMER}
    if newcomer is False:
        return tags - {Tag.NEWCOMER}
    return tags


def _bounded_extra(extra: dict[str, str]) -> dict[str, str]:
    return dict(list(extra.items())[: limits.EXTRA_MAX])


def _renamed(stored: str, typed: str) -> bool:
    """Whether `typed` is a new name rather than a sloppier spelling of `stored` (case, accents, an initial)."""
    old, new = fold(stored), fold(typed)
    if not new or new == old:
        return False
    is_initial = len(new) == 1 or typed.endswith(".")
    return not (is_initial and old.startswith(new.rstrip(".")))


def new_member(candidate: Candidate) -> Member:
    """The member a row describes, for someone we did not know. Sharing defaults fill what the file leaves open."""
    return Member(
        first_name=candidate.first_name,
        last_name=candidate.last_name,
        headline=candidate.headline or candidate.title,
        employers=candidate.all_employers,
        target_roles=candidate.target_roles,
        target_companies=candidate.target_companies,
        subgroups=candidate.subgroups,
        email=candidate.email,
        phone=candidate.phone,
        linkedin=candidate.linkedin,
        website=candidate.website,
        tags=_tags(frozenset(), candidate.newcomer),
        sharing=sharing_with(Sharing(), candidate.sharing),
        extra=_bounded_extra(candidate.extra),
    )


def refreshed(member: Member, candidate: Candidate) -> tuple[Member, list[str], list[str]]:
    """`member` updated from `candidate`: (the member, the fields that changed, problems worth a warning)."""
    changes: dict[str, Any] = {}
    problems: list[str] = []

    def offer(name: str, value: object) -> None:
        if value not in (None, "", []) and value != getattr(member, name):
            changes[name] = value

    if name_key(member.first_name, member.last_name) != name_key(candidate.first_name, candidate.last_name):
        if same_person_name(member, candidate):
            if _renamed(member.first_name, candidate.first_name):
                offer("first_name", candidate.first_name)
            if _renamed(member.last_name, candidate.last_name):
                offer("last_name", candidate.last_name)
        else:
            problems.append(
                f"the file names {candidate.full_name!r} for {member.full_name}'s email; kept the stored name"
            )
    offer("headline", candidate.headline or (candidate.title if not member.headline else ""))
    offer("employers", merged_list(candidate.all_employers, member.employers))
    offer("target_roles", candidate.target_roles)
    offer("target_companies", candidate.target_companies)
    offer("subgroups", candidate.subgroups)
    if candidate.email and (member.email or "").casefold() != candidate.email.casefold():
        changes["email"] = candidate.email  # a change of case alone is the same address
    offer("phone", candidate.phone)
    offer("linkedin", candidate.linkedin)
    offer("website", candidate.website)
    offer("tags", _tags(member.tags, candidate.newcomer))
    sharing, refused = imported_sharing(member, candidate.sharing)
    problems.extend(refused)
    offer("sharing", sharing)
    extra = {**member.extra, **candidate.extra}
    if len(extra) > limits.EXTRA_MAX:
        problems.append(f"more than {limits.EXTRA_MAX} extra answers; the newest were left out")
    offer("extra", _bounded_extra(extra))
    if not changes:
        return member, [], problems
    updated = Member.model_validate({**member.model_dump(), **changes})
    return updated, list(changes), problems


def filled(keep: Member, other: Member) -> Member:
    """`keep` with its blanks filled from `other` (for merging two records of one person)."""
    changes: dict[str, Any] = {}
    for name in ("last_name", "headline", "email", "phone", "linkedin", "website"):
        if not getattr(keep, name) and getattr(other, name):
            changes[name] = getattr(other, name)
    for name in ("employers", "target_roles", "target_companies", "subgroups"):
        combined = merged_list(getattr(keep, name), getattr(other, name))
        if combined != getattr(keep, name):
            changes[name] = combined
    if other.notes and other.notes not in keep.notes:
        changes["notes"] = "\n".join(part for part in (keep.notes, other.notes) if part)[: limits.NOTES_MAX]
    if other.tags - keep.tags:
        changes["tags"] = keep.tags | other.tags
    # Two records of one person may carry different sharing choices (one from registration, one given at
    # the door). A merge must never publish a field the person declined on either record.
    sharing = keep.sharing.narrowest(other.sharing)
    if sharing != keep.sharing:
        changes["sharing"] = sharing
    extra = _bounded_extra({**other.extra, **keep.extra})
    if extra != keep.extra:
        changes["extra"] = extra
    if not changes:
        return keep
    return Member.model_validate({**keep.model_dump(), **changes})
