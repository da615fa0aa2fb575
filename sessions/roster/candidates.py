"""One row of a registration file turned into a candidate member: cleaned values, consent, and what to do.

Every problem is a note naming the row and the column, so the summary can say exactly where to look.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sessions.models import SharedField, limits

from . import cleaning
from .consent import ConsentReader
from .fields import ImportField as F
from .folding import fold
from .formats import FORMAT_SPECS, Identity
from .mapping import ColumnMapping, consent_columns
from .names import split_full_name
from .reading import SourceRow, SourceTable

MULTI_VALUE = ":::"  # Google Contacts' separator for several values in one cell (written " ::: ")
SKIPPED_STATUSES = frozenset({"refunded", "cancelled", "canceled", "transferred", "deleted", "not attending"})
ATTENDING_STATUSES = frozenset({"attending", "checked in", "registered", "confirmed", "going", ""})
ARRIVED = frozenset({"y", "yes", "checked in", "attended", "true", "1"})
EXTRA_KEY_MAX = limits.SHORT_TEXT_MAX * 2
Warn = Callable[["F | str", str], None]  # notes a problem with a column of the row being read


@dataclass(frozen=True)
class RowNote:
    """Something about one row: `row` as a spreadsheet numbers it, `field` the column's title."""

    row: int | None
    name: str
    message: str
    field: str | None = None

    def line(self, unit: str = "row") -> str:
        """One line for the summary; `unit` is what the file is made of ("card" in a .vcf)."""
        where = f"{unit} {self.row}" if self.row is not None else "file"
        who = f" {self.name}" if self.name else ""
        column = f", {self.field!r}" if self.field else ""
        return f"{where}{who}{column}: {self.message}"


@dataclass
class Candidate:
    row: int
    first_name: str
    last_name: str
    name_is_split_guess: bool = False  # the file gave one Name field that we split
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    headline: str = ""
    title: str = ""  # fills an empty headline, never replaces one
    company: str = ""
    employers: list[str] = field(default_factory=list)
    target_roles: list[str] = field(default_factory=list)
    target_companies: list[str] = field(default_factory=list)
    subgroups: list[str] = field(default_factory=list)
    sharing: dict[SharedField, bool] = field(default_factory=dict)
    newcomer: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)
    arrived: bool = False  # the file says they checked in / attended
    waitlisted: bool = False
    attendee_id: str | None = None  # the export's own id for this attendee (a ticket, a Meetup user)

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def all_employers(self) -> list[str]:
        """The current company first, then the rest of the history."""
        listed = [self.company] if self.company else []
        seen = {fold(name) for name in listed}
        for name in self.employers:
            if fold(name) not in seen:
                listed.append(name)
                seen.add(fold(name))
        return listed


@dataclass
class Skip:
    note: RowNote


@dataclass
class Withdrawal(Skip):
    """A row saying the person is not coming after all (refunded, cancelled, RSVP No).

    Not imported, but `candidate` carries who it is (name, email, phone, LinkedIn), so a registration made by an
    earlier import of the week's export can be taken back. `reason` is the file's own word for it.
    """

    candidate: Candidate
    reason: str


@dataclass
class RowReader:
    """Reads rows of one table with one mapping; notes what it could not use."""

    table: SourceTable
    mapping: ColumnMapping
    region: str
    file_notes: list[RowNote] = field(default_factory=list)
    _tickets_per_order: Counter[str] = field(default_factory=Counter)
    _consent: ConsentReader = field(init=False)

    def __post_init__(self) -> None:
        spec = FORMAT_SPECS[self.mapping.source]
        self.identity: Identity | None = spec.identity
        self._attended_when_filled = spec.attended_when_filled
        self._address_book = spec.address_book
        self._identity_column = self._column_titled(spec.identity.column if spec.identity else None)
        self._order_column = self._column_titled(spec.identity.order if spec.identity else None)
        self._consent = ConsentReader.of(
            self.mapping.headers, consent_columns(self.mapping), ((row.number, row.values) for row in self.table.rows)
        )
        self.file_notes.extend(RowNote(None, "", message, title) for title, message in self._consent.column_notes)
        for index in self.mapping.extra_columns:
            header = self.mapping.headers[index]
            if len(header) > EXTRA_KEY_MAX:
                self.file_notes.append(
                    RowNote(
                        None, "", f"a column title of {len(header):,} characters is not a question; column left out"
                    )
                )

    def _column_titled(self, title: str | None) -> int | None:
        if title is None:
            return None
        return next((i for i, header in enumerate(self.mapping.headers) if fold(header) == fold(title)), None)

    def _attendee_id(self, row: SourceRow) -> str | None:
        """The export's id for the row's attendee; rows are read in file order, so a ticket's place is stable."""
        if self.identity is None:
            return None
        order = cleaning.text(row.values[self._order_column]) if self._order_column is not None else ""
        if order:
            self._tickets_per_order[order] += 1
        own = cleaning.text(row.values[self._identity_column]) if self._identity_column is not None else ""
        if own and len(own) <= limits.SHORT_TEXT_MAX:
            # A check-in secret would let anyone holding it in: keep only a fingerprint.
            return hashlib.sha256(own.encode()).hexdigest()[:20] if self.identity.secret else own
        return f"{order}-{self._tickets_per_order[order]}" if order and len(order) <= limits.SHORT_TEXT_MAX else None

    def _cell(self, row: SourceRow, wanted: F) -> str:
        index = self.mapping.column_of(wanted)
        return "" if index is None else row.values[index]

    def _values(self, row: SourceRow, wanted: F) -> list[str]:
        """The cell's values: an address book's cell may hold several (Google joins them with ' ::: ')."""
        cell = self._cell(row, wanted)
        if not self._address_book:
            return [cell]
        return [value for value in (piece.strip() for piece in cell.split(MULTI_VALUE)) if value] or [""]

    def _first(self, row: SourceRow, wanted: F) -> str:
        return self._values(row, wanted)[0]

    def _links(self, row: SourceRow) -> tuple[str, str]:
        """(LinkedIn, website) as typed. In an address book a profile is one of the web pages: the first
        LinkedIn address among them fills an empty LinkedIn field, the first other address the website."""
        linkedin = self._first(row, F.LINKEDIN)
        if not self._address_book:
            return linkedin, self._cell(row, F.WEBSITE)
        website = ""
        for value in self._values(row, F.WEBSITE):
            if cleaning.linkedin(value).problem is None and "linkedin." in value.casefold():
                linkedin = linkedin or value
            elif not website:
                website = value
        return linkedin, website

    def _header(self, wanted: F) -> str:
        return self.mapping.header_of(wanted) or wanted.value

    def read(self, row: SourceRow) -> tuple[Candidate | Skip, list[RowNote]]:
        notes: list[RowNote] = []
        attendee_id = self._attendee_id(row)  # counted on every row, skipped or not
        first, last, split = self._names(row)
        display = " ".join(part for part in (first[:40], last[:40]) if part)

        def warn(wanted: F | str, message: str) -> None:
            column = self._header(wanted) if isinstance(wanted, F) else wanted
            notes.append(RowNote(row.number, display, message, column))

        skip = self._skip_reason(row, display, first, last)
        if isinstance(skip, Withdrawal):
            skip.candidate.attendee_id = attendee_id
        if skip is not None:
            return skip, notes
        name_column = F.FIRST_NAME if self.mapping.column_of(F.FIRST_NAME) is not None else F.FULL_NAME
        if not first:
            return Skip(RowNote(row.number, "", "no name; row not imported", self._header(name_column))), notes
        for part, column in ((first, name_column), (last, F.LAST_NAME if not split else F.FULL_NAME)):
            if len(part) > limits.NAME_MAX:
                message = (
                    f"the name is {len(part):,} characters, more than the {limits.NAME_MAX} allowed; row not imported"
                )
                return Skip(RowNote(row.number, display, message, self._header(column))), notes

        candidate = Candidate(row=row.number, first_name=first, last_name=last, name_is_split_guess=split)
        linkedin, website = self._links(row)
        candidate.email = self._cleaned(row, F.EMAIL, cleaning.email(self._first(row, F.EMAIL)), warn)
        candidate.phone = self._cleaned(row, F.PHONE, cleaning.phone(self._first(row, F.PHONE), self.region), warn)
        candidate.linkedin = self._cleaned(row, F.LINKEDIN, cleaning.linkedin(linkedin), warn)
        candidate.website = self._cleaned(row, F.WEBSITE, cleaning.website(website), warn)
        candidate.headline = self._text(row, F.HEADLINE, limits.HEADLINE_MAX, warn)
        candidate.title = self._text(row, F.JOB_TITLE, limits.HEADLINE_MAX, warn)
        candidate.company = self._text(row, F.COMPANY, limits.SHORT_TEXT_MAX, warn)
        candidate.employers = self._list(row, F.EMPLOYERS, warn)
        candidate.target_roles = self._list(row, F.TARGET_ROLES, warn)
        candidate.target_companies = self._list(row, F.TARGET_COMPANIES, warn)
        candidate.subgroups = self._list(row, F.SUBGROUPS, warn)
        candidate.sharing = self._consent.read(row.values, warn)
        candidate.newcomer = cleaning.yes_no(self._cell(row, F.FIRST_TIME))
        attended = fold(self._cell(row, F.ATTENDED))
        candidate.arrived = (
            attended in ARRIVED
            or bool(attended and self._attended_when_filled)
            or fold(self._cell(row, F.STATUS)) == "checked in"
        )
        candidate.waitlisted = fold(self._cell(row, F.RSVP)) == "waitlist"
        if candidate.waitlisted:
            warn(F.RSVP, "on the waitlist; registered so they can be checked in if they come")
        guests = cleaning.text(self._cell(row, F.GUESTS))
        if guests.isdigit() and int(guests) > 0:
            warn(F.GUESTS, f"brings {guests} guest(s); check them in as walk-ins when they arrive")
        status = fold(self._cell(row, F.STATUS))
        if status not in ATTENDING_STATUSES:
            warn(F.STATUS, f"status {cleaning.text(self._cell(row, F.STATUS))!r} is not one we know; registered anyway")
        if candidate.headline and candidate.title:
            # Both asked: the headline is the card's line; keep the title as an answer.
            candidate.extra[self._header(F.JOB_TITLE)] = candidate.title
        candidate.extra.update(self._extra(row, warn))
        if attendee_id and self.identity is not None:
            # First, so that the id is kept however many answers the row has.
            candidate.attendee_id = attendee_id
            candidate.extra = {self.identity.key: attendee_id, **candidate.extra}
        return candidate, notes

    # -- pieces -----------------------------------------------------------------------------

    def _names(self, row: SourceRow) -> tuple[str, str, bool]:
        first = cleaning.text(self._cell(row, F.FIRST_NAME))
        last = cleaning.text(self._cell(row, F.LAST_NAME))
        if first or last:
            # A row with only a last name still names someone: use it as the first (required) name.
            return (first, last, False) if first else (last, "", False)
        full = cleaning.text(self._cell(row, F.FULL_NAME))
        if not full:
            return "", "", False
        split = split_full_name(full)
        return split.first_name, split.last_name, True

    def _skip_reason(self, row: SourceRow, display: str, first: str, last: str) -> Skip | None:
        status = cleaning.text(self._cell(row, F.STATUS))
        if fold(status) in SKIPPED_STATUSES:
            return self._withdrawal(row, display, (first, last), reason=status, column=F.STATUS)
        rsvp = cleaning.text(self._cell(row, F.RSVP))
        if fold(rsvp) == "no":
            return self._withdrawal(row, display, (first, last), reason="RSVP No", column=F.RSVP)
        return None

    def _withdrawal(self, row: SourceRow, display: str, names: tuple[str, str], *, reason: str, column: F) -> Skip:
        first, last = names
        note = RowNote(row.number, display, f"{reason}; not registered", self._header(column))
        if not first or len(first) > limits.NAME_MAX or len(last) > limits.NAME_MAX:
            return Skip(note)  # nobody to recognise: reported as skipped, as it always was
        # Only what identifies the person is read, and silently: the row itself is not imported.
        identity = Candidate(
            row=row.number,
            first_name=first,
            last_name=last,
            email=cleaning.email(self._cell(row, F.EMAIL)).value,
            phone=cleaning.phone(self._cell(row, F.PHONE), self.region).value,
            linkedin=cleaning.linkedin(self._cell(row, F.LINKEDIN)).value,
        )
        return Withdrawal(note, candidate=identity, reason=reason)

    def _cleaned(self, row: SourceRow, wanted: F, cleaned: cleaning.Cleaned, warn: Warn) -> str | None:
        if cleaned.problem:
            warn(wanted, cleaned.problem)
        return cleaned.value

    def _text(self, row: SourceRow, wanted: F, limit: int, warn: Warn) -> str:
        value = cleaning.text(self._cell(row, wanted))
        if len(value) > limit:
            warn(wanted, f"{len(value):,} characters, more than the {limit} a card holds; left out")
            return ""
        return value

    def _list(self, row: SourceRow, wanted: F, warn: Warn) -> list[str]:
        raw = self._cell(row, wanted)
        if len(raw) > limits.EXTRA_VALUE_MAX * 4:
            warn(wanted, f"{len(raw):,} characters is not a list of names; left out")
            return []
        items = cleaning.split_list(raw)
        kept = [item for item in items if len(item) <= limits.SHORT_TEXT_MAX]
        if len(kept) < len(items):
            warn(wanted, f"{len(items) - len(kept)} entry(ies) longer than {limits.SHORT_TEXT_MAX} characters left out")
        if len(kept) > limits.LIST_MAX:
            warn(wanted, f"{len(kept)} entries; kept the first {limits.LIST_MAX}")
            kept = kept[: limits.LIST_MAX]
        return kept

    def _extra(self, row: SourceRow, warn: Warn) -> dict[str, str]:
        answers: dict[str, str] = {}
        kept_as = FORMAT_SPECS[self.mapping.source].kept_as
        for index in self.mapping.extra_columns:
            header = self.mapping.headers[index]
            value = cleaning.text(row.values[index])
            if not value:
                continue
            if len(header) > EXTRA_KEY_MAX:
                continue  # reported once for the file, not on every row
            if len(value) > limits.EXTRA_VALUE_MAX:
                warn(
                    header,
                    f"{len(value):,} characters, more than the {limits.EXTRA_VALUE_MAX} kept for an answer; left out",
                )
                continue
            answers[kept_as.get(fold(header), header)] = value
        return answers
