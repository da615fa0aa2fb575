"""Google Contacts CSV (the current format), with a label naming the meeting so the new contacts are easy to find."""

from __future__ import annotations

from collections.abc import Sequence

from sessions.vcard import contact_note

from .scope import Contact, ExportScope
from .spreadsheet import MULTI_VALUE, csv_bytes

HEADER: tuple[str, ...] = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Phonetic First Name",
    "Phonetic Middle Name",
    "Phonetic Last Name",
    "Name Prefix",
    "Name Suffix",
    "Nickname",
    "File As",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Photo",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - Formatted",
    "Address 1 - Street",
    "Address 1 - City",
    "Address 1 - PO Box",
    "Address 1 - Region",
    "Address 1 - Postal Code",
    "Address 1 - Country",
    "Address 1 - Extended Address",
    "Website 1 - Label",
    "Website 1 - Value",
    "Event 1 - Label",
    "Event 1 - Value",
    "Custom Field 1 - Label",
    "Custom Field 1 - Value",
)
MY_CONTACTS = "* myContacts"  # Google's system group: without it imported people land in "Other contacts"
EMAIL_LABEL = "* Other"
PHONE_LABEL = "Mobile"


def label_for(meeting_label: str) -> str:
    """A Google label cannot hold the multi-value separator; keep the meeting's name readable."""
    return meeting_label.replace(":::", " ").strip()


def _websites(contact: Contact) -> tuple[str, str]:
    card = contact.card
    if card.linkedin and card.website:
        return "Profiles", MULTI_VALUE.join((card.linkedin, card.website))
    if card.linkedin:
        return "LinkedIn", card.linkedin
    if card.website:
        return "Homepage", card.website
    return "", ""


def _row(contact: Contact, scope: ExportScope) -> list[str]:
    card = contact.card
    web_label, web_value = _websites(contact)
    values = {
        "First Name": card.first_name,
        "Last Name": card.last_name,
        "Organization Name": card.current_employer or "",
        "Organization Title": card.headline or "",
        "Notes": contact_note(card, met_at=scope.meeting_label) or "",
        "Labels": MULTI_VALUE.join((label_for(scope.contact_label), MY_CONTACTS)),
        "E-mail 1 - Label": EMAIL_LABEL if card.email else "",
        "E-mail 1 - Value": card.email or "",
        "Phone 1 - Label": PHONE_LABEL if card.phone else "",
        "Phone 1 - Value": card.phone or "",
        "Website 1 - Label": web_label,
        "Website 1 - Value": web_value,
    }
    return [values.get(column, "") for column in HEADER]


def google_csv(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    return csv_bytes(HEADER, (_row(c, scope) for c in contacts), phone_columns=("Phone 1 - Value",))
