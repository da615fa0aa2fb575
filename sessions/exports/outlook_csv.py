"""Outlook's contact import: a subset of Microsoft's template columns, spelled exactly, every cell quoted."""

from __future__ import annotations

from collections.abc import Sequence

from sessions.vcard import contact_note

from .scope import Contact, ExportScope
from .spreadsheet import csv_bytes

# In the template's own order; Outlook maps columns by these exact names.
HEADER: tuple[str, ...] = (
    "First Name",
    "Middle Name",
    "Last Name",
    "Company",
    "Job Title",
    "Mobile Phone",
    "Categories",
    "E-mail Address",
    "E-mail Type",
    "E-mail Display Name",
    "Notes",
    "Web Page",
)


def _row(contact: Contact, scope: ExportScope) -> list[str]:
    card = contact.card
    # One "Web Page" column: the personal site if shared, else LinkedIn; a second link goes in the notes.
    web_page = card.website or card.linkedin or ""
    notes = contact_note(card, met_at=scope.meeting_label) or ""
    if card.website and card.linkedin:
        notes = f"{notes} LinkedIn: {card.linkedin}".strip()
    values = {
        "First Name": card.first_name,
        "Last Name": card.last_name,
        "Company": card.current_employer or "",
        "Job Title": card.headline or "",
        "Mobile Phone": card.phone or "",
        "Categories": scope.contact_label.replace(";", ","),  # Outlook splits categories on ";"
        "E-mail Address": card.email or "",
        "E-mail Type": "SMTP" if card.email else "",
        "E-mail Display Name": f"{card.full_name} ({card.email})" if card.email else "",
        "Notes": notes,
        "Web Page": web_page,
    }
    return [values.get(column, "") for column in HEADER]


def outlook_csv(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    return csv_bytes(HEADER, (_row(c, scope) for c in contacts), quote_all=True, phone_columns=("Mobile Phone",))
