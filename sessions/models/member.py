"""A member of the group and their business card, with their per-field sharing choices."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_serializer, field_validator

from . import limits
from .text import Email, Headline, ListItem, Notes, PersonName, Phone, RequiredName, Url, clean_line


class Tag(StrEnum):
    """Roles a facilitator marks on a member; the seating engine spreads or pins them."""

    NEWCOMER = "newcomer"
    CONNECTOR = "connector"
    HOST = "host"


class SharedField(StrEnum):
    """Card fields a member may or may not share with other attendees. The name is always shown."""

    HEADLINE = "headline"
    EMPLOYERS = "employers"
    TARGETS = "targets"
    EMAIL = "email"
    PHONE = "phone"
    LINKEDIN = "linkedin"
    WEBSITE = "website"


class Sharing(BaseModel):
    """What a member agreed to show other attendees: on printed pages, QR codes and exports.

    The defaults follow the group's privacy stance: professional profile shared, direct
    contact details (email, phone) only when the member says so.

    `chosen` names the fields the member decided themselves (at the door, in the app, on the command
    line). Those outrank every import, earlier or later; a field not chosen was read from a file or is
    a default, and an import may only make it narrower. Stored inside the sharing JSON, so rows
    written before it existed read as "nothing chosen".
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    headline: bool = True
    employers: bool = True
    targets: bool = True
    email: bool = False
    phone: bool = False
    linkedin: bool = True
    website: bool = True
    chosen: frozenset[SharedField] = frozenset()

    @field_serializer("chosen")
    def _chosen_in_order(self, chosen: frozenset[SharedField]) -> list[str]:
        # A list in the fields' order, so the stored JSON and exports are the same bytes every time.
        return [field.value for field in SharedField if field in chosen]

    def allows(self, field: SharedField) -> bool:
        return bool(getattr(self, field.value))

    def with_choice(self, field: SharedField, shared: bool) -> Sharing:
        """`field` set as a file or a default says: not recorded as the member's own choice."""
        return self.model_copy(update={field.value: shared})

    def choose(self, field: SharedField, shared: bool) -> Sharing:
        """`field` set as the member chose it themselves: no import changes it afterwards."""
        return self.model_copy(update={field.value: shared, "chosen": self.chosen | {field}})

    def is_chosen(self, field: SharedField) -> bool:
        return field in self.chosen

    def narrowest(self, other: Sharing) -> Sharing:
        """Two records of one person as one: only what both share, and every choice either records.

        Without asking again, a field declined on either record stays private, and it stays an explicit
        choice so no later import can widen it.
        """
        both = {field.value: self.allows(field) and other.allows(field) for field in SharedField}
        return Sharing.model_validate({**both, "chosen": self.chosen | other.chosen})

    @property
    def shared_fields(self) -> list[SharedField]:
        return [field for field in SharedField if self.allows(field)]


def _dedupe(value: object) -> object:
    """Drop blank and repeated entries (case-insensitively), keeping the first spelling and the order."""
    if not isinstance(value, list | tuple):
        return value
    seen: set[str] = set()
    kept: list[object] = []
    for item in value:
        cleaned = clean_line(item)
        if isinstance(cleaned, str):
            if not cleaned or cleaned.casefold() in seen:
                continue
            seen.add(cleaned.casefold())
        kept.append(cleaned)
    return kept


CardList = Annotated[list[ListItem], BeforeValidator(_dedupe), Field(max_length=limits.LIST_MAX)]


# Registration questions whose answer is a job title (a roster import keeps it under its column's title
# when the file also had a headline column).
JOB_TITLE_QUESTIONS = frozenset({"title", "job title", "position", "job", "occupation", "current role"})


class OwnCard(BaseModel):
    """The member's own business cards: whether they asked for a sheet, and what goes on it. They hand
    these out themselves, so what the cards show is their choice for their own cards, apart from what
    they share with everyone in the room (by default, the whole card)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    wanted: bool = False
    fields: frozenset[SharedField] = frozenset(SharedField)

    @field_serializer("fields")
    def _fields_in_order(self, fields: frozenset[SharedField]) -> list[str]:
        return [field.value for field in SharedField if field in fields]


class SharedCard(BaseModel):
    """The part of a card a member agreed to share. Every printout and export is built from this,
    so a field the member withheld cannot leak through a forgotten check."""

    model_config = ConfigDict(frozen=True)

    first_name: str
    last_name: str
    headline: str | None = None
    job_title: str | None = None  # shared with the headline: both are the professional profile
    employers: tuple[str, ...] = ()
    target_roles: tuple[str, ...] = ()
    target_companies: tuple[str, ...] = ()
    subgroups: tuple[str, ...] = ()
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def current_employer(self) -> str | None:
        return self.employers[0] if self.employers else None


class Member(BaseModel):
    """A person in the group and their business card.

    `employers` is most recent first. `extra` keeps answers to registration questions we have no
    field for, so an import never silently drops what people told us.
    """

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    first_name: RequiredName
    last_name: PersonName = ""
    headline: Headline = ""
    employers: CardList = Field(default_factory=list)
    target_roles: CardList = Field(default_factory=list)
    target_companies: CardList = Field(default_factory=list)
    subgroups: CardList = Field(default_factory=list)
    email: Email = None
    phone: Phone = None
    linkedin: Url = None
    website: Url = None
    notes: Notes = ""
    tags: frozenset[Tag] = frozenset()
    sharing: Sharing = Field(default_factory=Sharing)
    own_card: OwnCard = Field(default_factory=OwnCard)
    extra: dict[str, str] = Field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @field_validator("extra")
    @classmethod
    def _bounded_extra(cls, value: dict[str, str]) -> dict[str, str]:
        if len(value) > limits.EXTRA_MAX:
            raise ValueError(f"at most {limits.EXTRA_MAX} extra answers")
        for key, answer in value.items():
            if len(key) > limits.SHORT_TEXT_MAX * 2 or len(answer) > limits.EXTRA_VALUE_MAX:
                raise ValueError(f"the answer to {key[:40]!r} is too long")
        return value

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.last_name.casefold() or self.first_name.casefold(), self.first_name.casefold())

    @property
    def current_employer(self) -> str | None:
        return self.employers[0] if self.employers else None

    def has_tag(self, tag: Tag) -> bool:
        return tag in self.tags

    @property
    def job_title(self) -> str | None:
        """The job title an import kept as an answer (its headline came from another column), if any."""
        for question, answer in self.extra.items():
            if " ".join(question.casefold().split()) in JOB_TITLE_QUESTIONS and answer.strip():
                return answer.strip()
        return None

    def shared_card(self) -> SharedCard:
        """The card as other attendees may see it."""
        return self._card_showing(frozenset(self.sharing.shared_fields))

    def business_card(self) -> SharedCard:
        """The card as the member's own business cards show it: what they chose for the cards they hand
        out themselves, which may be more than they share with everyone in the room."""
        return self._card_showing(self.own_card.fields)

    def _card_showing(self, shown: frozenset[SharedField]) -> SharedCard:
        targets = SharedField.TARGETS in shown
        return SharedCard(
            first_name=self.first_name,
            last_name=self.last_name,
            headline=(self.headline or None) if SharedField.HEADLINE in shown else None,
            job_title=self.job_title if SharedField.HEADLINE in shown else None,
            employers=tuple(self.employers) if SharedField.EMPLOYERS in shown else (),
            target_roles=tuple(self.target_roles) if targets else (),
            target_companies=tuple(self.target_companies) if targets else (),
            subgroups=tuple(self.subgroups),
            email=self.email if SharedField.EMAIL in shown else None,
            phone=self.phone if SharedField.PHONE in shown else None,
            linkedin=self.linkedin if SharedField.LINKEDIN in shown else None,
            website=self.website if SharedField.WEBSITE in shown else None,
        )
