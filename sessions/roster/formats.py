"""The registration exports we know, told apart by their column titles, and what each fixed column means."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from .fields import ImportField as F
from .folding import fold

# What a member's role in the Meetup group is kept as among their answers: never read as a job title.
MEETUP_ROLE = "Meetup group role"


class SourceFormat(StrEnum):
    """Values are what `--format` accepts (and the registration's `source`)."""

    EVENTBRITE = "eventbrite"
    PRETIX = "pretix"
    MEETUP = "meetup"
    GOOGLE_FORMS = "google-forms"
    LINKEDIN = "linkedin"
    MEETUP_MEMBERS = "meetup-members"
    VCARD = "vcard"
    GOOGLE_CONTACTS = "google-contacts"
    OUTLOOK = "outlook"
    OUTLOOK_WEB = "outlook-web"
    CSV = "csv"

    @property
    def label(self) -> str:
        return FORMAT_SPECS[self].title


@dataclass(frozen=True)
class FormatSpec:
    title: str
    # Column title (folded) -> field, for the columns this export always has.
    known: dict[str, F]
    # Columns we read past on purpose: order bookkeeping and home addresses have no place on a card.
    bookkeeping: frozenset[str] = frozenset()
    # Columns kept as extra answers as they are, never guessed to mean a card field.
    keep: frozenset[str] = frozenset()
    # Kept columns stored under another name, where the export's own would read as something else on a card
    # (Meetup's "Title" is a role in the Meetup group, and "Title" elsewhere is a job title).
    kept_as: dict[str, str] = field(default_factory=dict)
    # Whether the export is a registration list for one meeting (LinkedIn connections are not).
    registers: bool = True
    # Who each row is by the export's own reckoning, so that people sharing a buyer's email stay apart and a
    # re-import finds them again. The id is kept in the member's `extra` under `identity_key`.
    identity: Identity | None = None
    # Whether any text in the "attended" column means they came (pretix writes the time of check-in).
    attended_when_filled: bool = False
    # An address book (or a group's member list): only the known and kept columns are read, nothing is guessed
    # (Outlook's "E-mail Display Name" is no consent answer, Google's "Middle Name" no full name), and a cell
    # may hold several values (Google's " ::: "): the first email and phone count, a LinkedIn address among
    # the web pages goes to the LinkedIn field.
    address_book: bool = False

    @property
    def guesses(self) -> bool:
        """Whether columns the format does not know are guessed from their titles."""
        return not self.address_book


@dataclass(frozen=True)
class Identity:
    """Where a row's attendee id comes from: `column`, else `order` code and the ticket's place in its order.

    `secret`: the column holds a ticket's check-in code, so only a fingerprint of it is kept. `person`: the id is
    a person's (a Meetup user), not a ticket's, so two ids in one file are two people even under one name.
    """

    key: str
    column: str | None = None
    order: str | None = None
    secret: bool = False
    person: bool = False


def _titles(*names: str) -> frozenset[str]:
    return frozenset(fold(name) for name in names)


def _outlook(title: str) -> FormatSpec:
    """Outlook's desktop export (92 columns) and Outlook.com's (61) name the columns we read alike."""
    return FormatSpec(
        title=title,
        known={
            fold("First Name"): F.FIRST_NAME,
            fold("Last Name"): F.LAST_NAME,
            fold("Company"): F.COMPANY,
            fold("Job Title"): F.JOB_TITLE,
            fold("E-mail Address"): F.EMAIL,
            fold("Mobile Phone"): F.PHONE,
            fold("Web Page"): F.WEBSITE,
        },
        keep=_titles("Notes"),
        registers=False,
        address_book=True,
    )


FORMAT_SPECS: dict[SourceFormat, FormatSpec] = {
    SourceFormat.EVENTBRITE: FormatSpec(
        title="Eventbrite attendee report",
        known={
            fold("First Name"): F.FIRST_NAME,
            fold("Last Name"): F.LAST_NAME,
            fold("Email"): F.EMAIL,
            fold("Cell Phone"): F.PHONE,
            fold("Job Title"): F.JOB_TITLE,
            fold("Company"): F.COMPANY,
            fold("Attendee Status"): F.STATUS,
            fold("Checked In"): F.ATTENDED,
            fold("Website"): F.WEBSITE,
        },
        bookkeeping=_titles(
            "Order #",
            "Order Date",
            "Quantity",
            "Price Tier",
            "Ticket Type",
            "Group",
            "Order Type",
            "Currency",
            "Total Paid",
            "Fees Paid",
            "Eventbrite Fees",
            "Eventbrite Payment Processing",
            "Barcode #",
            "Event Name",
            "Event ID",
            "Home Address 1",
            "Home Address 2",
            "Home City",
            "Home State",
            "Home Zip",
            "Home Country",
        ),
        keep=_titles("Attendee #"),
        identity=Identity(key="Attendee #", column="Attendee #"),
    ),
    SourceFormat.PRETIX: FormatSpec(
        title="pretix check-in list",
        known={
            fold("Attendee name"): F.FULL_NAME,
            fold("Attendee name: Given name"): F.FIRST_NAME,
            fold("Attendee name: First name"): F.FIRST_NAME,
            fold("Attendee name: Family name"): F.LAST_NAME,
            fold("E-mail"): F.EMAIL,
            fold("Phone number"): F.PHONE,
            fold("Company"): F.COMPANY,
            fold("Checked in"): F.ATTENDED,
        },
        bookkeeping=_titles(
            "Order code",
            "Product",
            "Price",
            "Checked out",
            "Automatically checked in",
            "Paid",
            "Secret",
            "Voucher code",
            "Order date",
            "Requires special attention",
            "Comment",
            "Seat ID",
            "Seat name",
            "Seat zone",
            "Seat row",
            "Seat number",
            "Date",
            "Start date",
            "End date",
            "Attendee name: Title",
        ),
        identity=Identity(key="pretix ticket", column="Secret", order="Order code", secret=True),
        attended_when_filled=True,
    ),
    SourceFormat.MEETUP: FormatSpec(
        title="Meetup attendee export",
        known={
            fold("Name"): F.FULL_NAME,
            fold("RSVP"): F.RSVP,
            fold("Attendance"): F.ATTENDED,
            fold("Guests"): F.GUESTS,
        },
        bookkeeping=_titles("RSVPed on", "Joined Group on", "Event Host"),
        # Meetup's "Title" is a role in the Meetup group (Organizer), not a job title.
        keep=_titles("User ID", "Title", "URL of Member Profile", "Notes"),
        kept_as={fold("Title"): MEETUP_ROLE},
        identity=Identity(key="User ID", column="User ID", person=True),
    ),
    SourceFormat.GOOGLE_FORMS: FormatSpec(
        title="Google Forms responses",
        known={fold("Email Address"): F.EMAIL},
        bookkeeping=_titles("Timestamp"),
    ),
    SourceFormat.LINKEDIN: FormatSpec(
        title="LinkedIn Connections.csv",
        known={
            fold("First Name"): F.FIRST_NAME,
            fold("Last Name"): F.LAST_NAME,
            fold("URL"): F.LINKEDIN,
            fold("Email Address"): F.EMAIL,
            fold("Company"): F.COMPANY,
            fold("Position"): F.JOB_TITLE,
        },
        bookkeeping=_titles("Connected On"),
        registers=False,
    ),
    SourceFormat.MEETUP_MEMBERS: FormatSpec(
        title="Meetup member list",
        known={fold("Name"): F.FULL_NAME},
        # Meetup's "Title" is a role in the Meetup group, "Intro" what they wrote about themselves.
        keep=_titles("User ID", "Title", "URL of Member Profile", "Intro"),
        kept_as={fold("Title"): MEETUP_ROLE},
        registers=False,
        identity=Identity(key="User ID", column="User ID", person=True),
        address_book=True,
    ),
    SourceFormat.VCARD: FormatSpec(
        title="vCard file",
        # The columns are the vCard reader's own (sessions/roster/vcard_reading.py).
        known={
            fold("Name"): F.FULL_NAME,
            fold("Given Name"): F.FIRST_NAME,
            fold("Family Name"): F.LAST_NAME,
            fold("Email"): F.EMAIL,
            fold("Phone"): F.PHONE,
            fold("Organization"): F.COMPANY,
            fold("Title"): F.JOB_TITLE,
            fold("URL"): F.WEBSITE,
        },
        keep=_titles("Note"),
        registers=False,
        address_book=True,
    ),
    SourceFormat.GOOGLE_CONTACTS: FormatSpec(
        title="Google Contacts CSV",
        known={
            fold("First Name"): F.FIRST_NAME,
            fold("Last Name"): F.LAST_NAME,
            fold("Organization Name"): F.COMPANY,
            fold("Organization Title"): F.JOB_TITLE,
            fold("E-mail 1 - Value"): F.EMAIL,
            fold("Phone 1 - Value"): F.PHONE,
            fold("Website 1 - Value"): F.WEBSITE,
            # The older Google CSV: "Name,Given Name,Additional Name,Family Name,...".
            fold("Given Name"): F.FIRST_NAME,
            fold("Family Name"): F.LAST_NAME,
            fold("Name"): F.FULL_NAME,
            fold("Organization 1 - Name"): F.COMPANY,
            fold("Organization 1 - Title"): F.JOB_TITLE,
        },
        keep=_titles("Notes"),
        registers=False,
        address_book=True,
    ),
    SourceFormat.OUTLOOK: _outlook("Outlook CSV (desktop)"),
    SourceFormat.OUTLOOK_WEB: _outlook("Outlook.com CSV"),
    SourceFormat.CSV: FormatSpec(title="CSV file", known={}),
}


# Columns of both Outlook shapes that no registration export has.
_OUTLOOK_ONLY = _titles("Mobile Phone", "Business Phone", "Home Phone", "Web Page", "Business Street")


def detect_format(headers: list[str]) -> SourceFormat:
    """Which export these column titles come from (CSV when none fits)."""
    titles = {fold(header) for header in headers}
    first = fold(headers[0]) if headers else ""
    if fold("Attendee Status") in titles or {fold("Order #"), fold("Attendee #")} <= titles:
        return SourceFormat.EVENTBRITE
    if {fold("Order code"), fold("Attendee name")} <= titles:
        return SourceFormat.PRETIX
    if fold("Name") in titles and titles & _titles("Last visited group on", "Member ID", "Meetups attended"):
        return SourceFormat.MEETUP_MEMBERS
    if titles & _titles("E-mail 1 - Value", "Phone 1 - Value", "Organization 1 - Name", "Organization Name"):
        return SourceFormat.GOOGLE_CONTACTS
    if _titles("First Name", "Last Name", "E-mail Address") <= titles and titles & _OUTLOOK_ONLY:
        # Outlook.com leaves out the desktop's e-mail type, display name and categories.
        desktop = titles & _titles("E-mail Type", "E-mail Display Name", "Categories")
        return SourceFormat.OUTLOOK if desktop else SourceFormat.OUTLOOK_WEB
    if {fold("Name"), fold("RSVP")} <= titles and titles & _titles("URL of Member Profile", "User ID", "RSVPed on"):
        return SourceFormat.MEETUP
    if _titles("First Name", "Last Name", "URL", "Connected On") <= titles:
        return SourceFormat.LINKEDIN
    if first == fold("Timestamp"):
        return SourceFormat.GOOGLE_FORMS
    return SourceFormat.CSV
