"""The fields of a business card as a person edits them (in the app's card form or with `tablesession card`):
what each is called, which sharing choice goes with it, and how a typed value is checked and stored.

One set of rules for both, so a value refused in the app is refused on the command line with the same words.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from sessions.errors import TablesessionError
from sessions.models import Member, SharedField, Sharing, describe_validation_error, limits

from . import cleaning


@dataclass(frozen=True)
class CardField:
    key: str  # the Member attribute
    label: str
    shared: SharedField | None = None  # the sharing choice that goes with this field
    kind: str = "text"  # text | list | email | phone | linkedin | website

    @property
    def name(self) -> str:
        """The label without the required-field mark, as problems name it."""
        return self.label.rstrip("*")


CARD_FIELDS: tuple[CardField, ...] = (
    CardField("first_name", "First name*"),
    CardField("last_name", "Last name"),
    CardField("headline", "Headline", SharedField.HEADLINE),
    CardField("employers", "Worked at", SharedField.EMPLOYERS, "list"),
    CardField("target_roles", "Looking for", SharedField.TARGETS, "list"),
    CardField("target_companies", "Target cos.", None, "list"),
    CardField("subgroups", "Sub-groups", None, "list"),
    CardField("email", "Email", SharedField.EMAIL, "email"),
    CardField("phone", "Phone", SharedField.PHONE, "phone"),
    CardField("linkedin", "LinkedIn", SharedField.LINKEDIN, "linkedin"),
    CardField("website", "Website", SharedField.WEBSITE, "website"),
    CardField("notes", "Notes"),
)
_MAX_LENGTH = {"first_name": limits.NAME_MAX, "last_name": limits.NAME_MAX, "headline": limits.HEADLINE_MAX}
_MAX_LENGTH["notes"] = limits.NOTES_MAX


class CardError(TablesessionError):
    """A typed value the card cannot hold; the message names the field and says why."""


def _cleaner(card_field: CardField, region: str) -> cleaning.Cleaner:
    cleaners: dict[str, cleaning.Cleaner] = {
        "email": cleaning.email,
        "phone": functools.partial(cleaning.phone, region=region),
        "linkedin": cleaning.linkedin,
        "website": cleaning.website,
    }
    return cleaners[card_field.kind]


def field_problem(card_field: CardField, typed: str, region: str) -> str | None:
    """Why `typed` cannot go into `card_field`, or None when it can (blank is fine except for the first name)."""
    what = card_field.name
    if card_field.kind == "list":
        items = cleaning.split_list(typed)
        if len(items) > limits.LIST_MAX:
            return f"{what}: at most {limits.LIST_MAX} entries"
        long = next((item for item in items if len(item) > limits.SHORT_TEXT_MAX), None)
        if long is not None:
            return f"{what}: {long[:20]!r}... is longer than {limits.SHORT_TEXT_MAX} characters"
        return None
    if card_field.kind != "text":
        return _cleaner(card_field, region)(typed).problem if typed.strip() else None
    text = cleaning.text(typed)
    if card_field.key == "first_name" and not text:
        return f"{what} is required"
    if len(text) > _MAX_LENGTH[card_field.key]:
        return f"{what} is too long (at most {_MAX_LENGTH[card_field.key]} characters)"
    return None


def named(card_field: CardField, problem: str) -> str:
    """`problem` naming its field, for a message read away from the field itself ("Email: 'x@' is not ...")."""
    return problem if problem.startswith(card_field.name) else f"{card_field.name}: {problem}"


def stored_value(card_field: CardField, typed: str, region: str) -> object:
    """`typed` as the card stores it: lists split, contact details cleaned."""
    if card_field.kind == "list":
        return cleaning.split_list(typed)
    if card_field.kind == "text":
        return typed
    return _cleaner(card_field, region)(typed).value


def card_field(name: str) -> CardField:
    """The field a command-line name means: its attribute ("target_roles") or its label ("Looking for")."""
    wanted = name.strip().casefold().replace("-", "_").replace(" ", "_")
    for candidate in CARD_FIELDS:
        if wanted in (candidate.key, candidate.name.casefold().replace(" ", "_").rstrip(".")):
            return candidate
    known = ", ".join(f.key for f in CARD_FIELDS)
    raise CardError(f"{name!r} is not a card field (fields: {known})")


def shared_field(name: str) -> SharedField:
    """The sharing choice a command-line name means: "email", or a card field that has one ("target_roles")."""
    wanted = name.strip().casefold().replace("-", "_")
    for shared in SharedField:
        if wanted == shared.value:
            return shared
    try:
        found = card_field(name)
    except CardError:
        found = None
    if found is not None and found.shared is not None:
        return found.shared
    known = ", ".join(shared.value for shared in SharedField)
    raise CardError(f"{name!r} is not something a card shares (choices: {known}; the name is always shown)")


def edited_card(
    member: Member | None,
    typed: Mapping[CardField, str],
    choices: Mapping[SharedField, bool],
    *,
    region: str,
    chosen: Iterable[SharedField] = (),
    extra: Mapping[str, Any] | None = None,
) -> Member:
    """`member` (None: a new card) with `typed` values and sharing `choices`; `chosen` are the choices the person
    made themselves. Every problem is found before anything changes, and all are raised together, each naming
    its field."""
    problems = [named(f, problem) for f, value in typed.items() if (problem := field_problem(f, value, region))]
    if problems:
        raise CardError("; ".join(problems))
    values = {f.key: stored_value(f, value, region) for f, value in typed.items()}
    own = set(chosen)
    sharing = member.sharing if member is not None else Sharing()
    for shared, allowed in choices.items():
        sharing = sharing.choose(shared, allowed) if shared in own else sharing.with_choice(shared, allowed)
    base = member.model_dump() if member is not None else {}
    try:
        return Member.model_validate({**base, **values, **(extra or {}), "sharing": sharing})
    except ValidationError as exc:
        raise CardError(describe_validation_error(exc)) from None
