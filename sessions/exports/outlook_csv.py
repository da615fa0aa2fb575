"""Outlook's contact CSV in both shapes Outlook itself exports, so that each imports it column for column: the
desktop's (92 columns) and Outlook.com's (61, without e-mail type, display name and categories). Every cell is
quoted, as Outlook writes them."""

from __future__ import annotations

from collections.abc import Sequence

from sessions.models import display_full_name
from sessions.vcard import contact_note

from .scope import Contact, ExportScope
from .spreadsheet import csv_bytes

# Outlook desktop's export, in its own order; Outlook maps columns by these exact names.
DESKTOP_HEADER: tuple[str, ...] = (
    "Title", "First Name", "Middle Name", "Last Name", "Suffix", "Company", "Department", "Job Title",
    "Business Street", "Business Street 2", "Business Street 3", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home Street 2", "Home Street 3", "Home City",
    "Home State", "Home Postal Code", "Home Country/Region", "Other Street", "Other Street 2", "Other Street 3",
    "Other City", "Other State", "Other Postal Code", "Other Country/Region", "Assistant's Phone", "Business Fax",
    "Business Phone", "Business Phone 2", "Callback", "Car Phone", "Company Main Phone", "Home Fax", "Home Phone",
    "Home Phone 2", "ISDN", "Mobile Phone", "Other Fax", "Other Phone", "Pager", "Primary Phone", "Radio Phone",
    "TTY/TDD Phone", "Telex", "Account", "Anniversary", "Assistant's Name", "Billing Information", "Birthday",
    "Business Address PO Box", "Categories", "Children", "Directory Server", "E-mail Address", "E-mail Type",
    "E-mail Display Name", "E-mail 2 Address", "E-mail 2 Type", "E-mail 2 Display Name", "E-mail 3 Address",
    "E-mail 3 Type", "E-mail 3 Display Name", "Gender", "Government ID Number", "Hobby", "Home Address PO Box",
    "Initials", "Internet Free Busy", "Keywords", "Language", "Location", "Manager's Name", "Mileage", "Notes",
    "Office Location", "Organizational ID Number", "Other Address PO Box", "Priority", "Private", "Profession",
    "Referred By", "Sensitivity", "Spouse", "User 1", "User 2", "User 3", "User 4", "Web Page",
)  # fmt: skip
# Outlook.com's export (People > Manage > Export contacts), in its own order.
WEB_HEADER: tuple[str, ...] = (
    "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi", "Surname Yomi",
    "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Home Phone", "Home Phone 2", "Business Phone",
    "Business Phone 2", "Mobile Phone", "Car Phone", "Other Phone", "Primary Phone", "Pager", "Business Fax",
    "Home Fax", "Other Fax", "Company Main Phone", "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress",
    "Job Title", "Department", "Company", "Office Location", "Manager's Name", "Assistant's Name",
    "Assistant's Phone", "Company Yomi", "Business Street", "Business City", "Business State",
    "Business Postal Code", "Business Country/Region", "Home Street", "Home City", "Home State", "Home Postal Code",
    "Home Country/Region", "Other Street", "Other City", "Other State", "Other Postal Code", "Other Country/Region",
    "Personal Web Page", "Spouse", "Schools", "Hobby", "Location", "Web Page", "Birthday", "Anniversary", "Notes",
)  # fmt: skip
# Kept for callers that name the desktop shape by its old name.
HEADER = DESKTOP_HEADER


def _values(contact: Contact, scope: ExportScope) -> dict[str, str]:
    card = contact.card
    # One "Web Page" column: the personal site if shared, else LinkedIn; a second link goes in the notes.
    web_page = card.website or card.linkedin or ""
    notes = contact_note(card, met_at=scope.meeting_label) or ""
    if card.website and card.linkedin:
        notes = f"{notes} LinkedIn: {card.linkedin}".strip()
    full_name = display_full_name(card.first_name, card.last_name)
    return {
        "First Name": card.first_name,
        "Last Name": card.last_name,
        "Company": card.current_employer or "",
        "Job Title": card.headline or "",
        "Mobile Phone": card.phone or "",
        "Categories": scope.contact_label.replace(";", ","),  # Outlook splits categories on ";"
        "E-mail Address": card.email or "",
        "E-mail Type": "SMTP" if card.email else "",
        "E-mail Display Name": f"{full_name} ({card.email})" if card.email else "",
        "Notes": notes,
        "Web Page": web_page,
    }


def _csv(header: Sequence[str], contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    rows = ([values.get(column, "") for column in header] for values in (_values(c, scope) for c in contacts))
    return csv_bytes(header, rows, quote_all=True, phone_columns=("Mobile Phone",))


def outlook_csv(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    """For Outlook on Windows and Mac (File > Import)."""
    return _csv(DESKTOP_HEADER, contacts, scope)


def outlook_web_csv(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    """For Outlook.com (People > Manage > Import contacts): its shape has no categories; the meeting is in Notes."""
    return _csv(WEB_HEADER, contacts, scope)
