"""One row per person with every field they share, for a spreadsheet."""

from __future__ import annotations

from collections.abc import Sequence

from .scope import Contact
from .spreadsheet import csv_bytes, joined

HEADER: tuple[str, ...] = (
    "First name",
    "Last name",
    "Headline",
    "Employers",
    "Target roles",
    "Target companies",
    "Sub-groups",
    "Email",
    "Phone",
    "LinkedIn",
    "Website",
    "Tables",
)


def _row(contact: Contact) -> list[str]:
    card = contact.card
    return [
        card.first_name,
        card.last_name,
        card.headline or "",
        joined(card.employers),
        joined(card.target_roles),
        joined(card.target_companies),
        joined(card.subgroups),
        card.email or "",
        card.phone or "",
        card.linkedin or "",
        card.website or "",
        joined(f"round {number}: table {label}" for number, label in contact.seats),
    ]


def plain_csv(contacts: Sequence[Contact]) -> bytes:
    return csv_bytes(HEADER, (_row(c) for c in contacts))
