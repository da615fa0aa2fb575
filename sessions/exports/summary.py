"""What an export wrote: how many people, which of their shared fields, and where."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sessions.models import SharedCard, SharedField

# Direct ways to reach someone: an export carrying any of these must say so when it is written.
CONTACT_FIELDS = (SharedField.EMAIL, SharedField.PHONE, SharedField.LINKEDIN, SharedField.WEBSITE)

FIELD_LABELS = {
    SharedField.HEADLINE: "headline",
    SharedField.EMPLOYERS: "employers",
    SharedField.TARGETS: "targets",
    SharedField.EMAIL: "email",
    SharedField.PHONE: "phone",
    SharedField.LINKEDIN: "LinkedIn",
    SharedField.WEBSITE: "website",
}


def fields_present(card: SharedCard) -> set[SharedField]:
    """The shared fields that carry a value on this card."""
    present = {
        SharedField.HEADLINE: bool(card.headline),
        SharedField.EMPLOYERS: bool(card.employers),
        SharedField.TARGETS: bool(card.target_roles or card.target_companies),
        SharedField.EMAIL: bool(card.email),
        SharedField.PHONE: bool(card.phone),
        SharedField.LINKEDIN: bool(card.linkedin),
        SharedField.WEBSITE: bool(card.website),
    }
    return {name for name, has in present.items() if has}


@dataclass(frozen=True)
class FieldCounts:
    """How many people had each shared field written out."""

    people: int
    counts: dict[SharedField, int]
    with_contact_details: int

    @classmethod
    def of(cls, cards: Iterable[SharedCard]) -> FieldCounts:
        counts: Counter[SharedField] = Counter()
        people = reachable = 0
        for card in cards:  # fields_present, unrolled: this runs over every card of every export
            people += 1
            counts[SharedField.HEADLINE] += bool(card.headline)
            counts[SharedField.EMPLOYERS] += bool(card.employers)
            counts[SharedField.TARGETS] += bool(card.target_roles or card.target_companies)
            contact = (bool(card.email), bool(card.phone), bool(card.linkedin), bool(card.website))
            for name, has in zip(CONTACT_FIELDS, contact, strict=True):
                counts[name] += has
            reachable += any(contact)
        return cls(people=people, counts={f: counts[f] for f in SharedField}, with_contact_details=reachable)

    def described(self, fields: Iterable[SharedField] = tuple(SharedField)) -> list[str]:
        """['email (12)', 'phone (3)']: the fields that went out, with how many people each."""
        return [f"{FIELD_LABELS[f]} ({self.counts[f]})" for f in fields if self.counts.get(f)]


@dataclass(frozen=True)
class ExportSummary:
    kind: str
    paths: tuple[Path, ...]
    fields: FieldCounts
    files: int = 1
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def destination(self) -> Path:
        return self.paths[0]

    @property
    def contact_notice(self) -> str | None:
        """The line every export with contact details prints when it is written, or None when it has none."""
        if not self.fields.with_contact_details:
            return None
        return (
            f"contains contact details of {self.fields.with_contact_details} people: "
            f"{', '.join(self.fields.described(CONTACT_FIELDS))}; share it only with people who should have them"
        )

    def lines(self) -> list[str]:
        written = f"{self.files} files in {self.destination}" if self.files > 1 else str(self.destination)
        result = [
            f"{self.kind}: {self.fields.people} contacts written to {written}",
            "fields: " + ", ".join([f"name ({self.fields.people})", *self.fields.described()])
            if self.fields.people
            else "fields: none (nobody to export)",
        ]
        result.extend(self.notes)
        return result
