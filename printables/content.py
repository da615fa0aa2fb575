"""What a printed name card says about a member, taken only from their SharedCard."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sessions.models import SharedCard
from sessions.vcard import vcard_for

_SCHEME = re.compile(r"^(https?://)?(www\.)?", re.IGNORECASE)


def display_url(url: str) -> str:
    """A web address as people read it aloud: no scheme, no www, no trailing slash (the QR keeps it whole)."""
    return _SCHEME.sub("", url).rstrip("/")


def qr_payload(card: SharedCard) -> str:
    """The contact QR code's text: the shared card as vCard 3.0, unfolded (phones need no folding, and
    every byte saved keeps the code's modules larger)."""
    return vcard_for(card, fold=False)


@dataclass(frozen=True)
class NameTag:
    """The content of a tent card or badge."""

    first_name: str
    full_name: str | None  # None when it would only repeat the first name
    headline: str | None
    subgroup: str | None
    payload: str

    @classmethod
    def of(cls, card: SharedCard) -> NameTag:
        return cls(
            first_name=card.first_name,
            full_name=card.full_name if card.full_name != card.first_name else None,
            headline=card.headline,
            subgroup=" · ".join(card.subgroups) or None,
            payload=qr_payload(card),
        )


def contact_lines(card: SharedCard) -> list[str]:
    """The direct contact details the member shares, phone first, as printed on cards and sheets."""
    lines = []
    if card.phone:
        lines.append(card.phone)
    if card.email:
        lines.append(card.email)
    if card.linkedin:
        lines.append(display_url(card.linkedin))
    if card.website:
        lines.append(display_url(card.website))
    return lines


def seeking_line(card: SharedCard) -> str | None:
    """'Seeking: product management · at Sabre, Dell', or None when nothing is shared."""
    parts = []
    if card.target_roles:
        parts.append(", ".join(card.target_roles))
    if card.target_companies:
        parts.append("at " + ", ".join(card.target_companies))
    return ("Seeking: " + " · ".join(parts)) if parts else None
