"""What a printed name card says about a member, taken only from their SharedCard."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import phonenumbers

from sessions.models import SharedCard
from sessions.vcard import vcard_for

from .bidi import shaped
from .qr import ERROR_LEVELS, modules_of, smallest_version
from .styles import MIN_QR_MODULE
from .typeface import unprintable

_SCHEME = re.compile(r"^(https?://)?(www\.)?", re.IGNORECASE)


def display_url(url: str) -> str:
    """A web address as people read it aloud: no scheme, no www, no trailing slash (the QR keeps it whole)."""
    return _SCHEME.sub("", url).rstrip("/")


# A headline this short reads as a job title; a longer one is a profile sentence, not a TITLE.
TITLE_LIKE = 60
# What a contact QR code leaves out, first to last, when its payload is too dense for the room: the
# least useful to someone saving a contact first. The name, a shared email and a shared phone always stay.
TRIM_ORDER = ("headline", "past employers", "website", "job title", "current employer", "linkedin")


def qr_title(card: SharedCard) -> str | None:
    """The vCard TITLE: the job title, or a headline short enough to be one (when the import had only one)."""
    if card.job_title:
        return card.job_title
    if card.headline and len(card.headline) <= TITLE_LIKE:
        return card.headline
    return None


def _payload(card: SharedCard, left_out: frozenset[str]) -> str:
    def kept(field: str, value: str | None) -> str | None:
        return value if value and field not in left_out else None

    title = kept("job title", qr_title(card))
    employer = kept("current employer", card.current_employer)
    qr_card = SharedCard(
        first_name=card.first_name,
        last_name=card.last_name,
        headline=title,  # vcard_for writes TITLE from the headline
        employers=(employer,) if employer else (),
        email=card.email,
        phone=card.phone,
        linkedin=kept("linkedin", card.linkedin),
        website=kept("website", card.website),
    )
    note: list[str] = []
    headline = kept("headline", card.headline)
    if headline and headline != title:
        note.append(headline)
    if card.employers[1:] and "past employers" not in left_out:
        note.append(f"Also worked at: {', '.join(card.employers[1:])}.")
    return vcard_for(qr_card, note=" ".join(note) or None, fold=False)


def qr_payloads(card: SharedCard) -> list[str]:
    """The contact QR code's possible texts, fullest first, each leaving out one more field in TRIM_ORDER.
    Each is the shared card as vCard 3.0, unfolded (phones need no folding, and every byte saved keeps the
    code's modules larger); nothing beyond the shared card can appear in any of them."""
    payloads: list[str] = []
    for count in range(len(TRIM_ORDER) + 1):
        payload = _payload(card, frozenset(TRIM_ORDER[:count]))
        if not payloads or payload != payloads[-1]:
            payloads.append(payload)
    return payloads


def qr_payload(card: SharedCard) -> str:
    """The fullest contact QR code text for the member (see qr_payloads)."""
    return qr_payloads(card)[0]


@dataclass(frozen=True)
class ContactCode:
    """The contact QR code chosen for a space: its text, error-correction level and modules across
    (quiet zone included)."""

    payload: str
    error_correction: int
    modules: int

    @property
    def least_size(self) -> float:
        """The smallest square it may be drawn in: every module MIN_QR_MODULE wide."""
        return self.modules * MIN_QR_MODULE


@lru_cache(maxsize=4096)
def contact_code(card: SharedCard, room: float) -> ContactCode:
    """The fullest code for `card` whose modules are at least MIN_QR_MODULE in a square `room` points wide:
    fields are left out in TRIM_ORDER, and error correction drops from M to L, until it fits. When even
    the leanest payload does not fit, the leanest at level L (the caller must then make room)."""
    most = int(room / MIN_QR_MODULE + 1e-6)
    payloads = qr_payloads(card)
    for payload in payloads:
        for level in ERROR_LEVELS:
            version = smallest_version(payload, level)
            if version is not None and modules_of(version) <= most:
                return ContactCode(payload, level, modules_of(version))
    leanest = payloads[-1]
    version = smallest_version(leanest, ERROR_LEVELS[-1])
    if version is None:
        raise ValueError("a contact card too long for any QR code")
    return ContactCode(leanest, ERROR_LEVELS[-1], modules_of(version))


@dataclass(frozen=True)
class NameTag:
    """The content of a tent card or badge."""

    first_name: str
    full_name: str | None  # None when it would only repeat the first name
    headline: str | None
    subgroup: str | None
    card: SharedCard
    looking_for: str | None = None
    event: str | None = None  # the group or meeting title and the date
    table: str | None = None  # where they sit in round 1, when asked for
    first_time: bool = False

    @classmethod
    def of(
        cls, card: SharedCard, *, event: str | None = None, table: str | None = None, first_time: bool = False
    ) -> NameTag:
        return cls(
            first_name=card.first_name,
            full_name=card.full_name if card.full_name != card.first_name else None,
            headline=card.headline,
            subgroup=" · ".join(card.subgroups) or None,
            card=card,
            looking_for=seeking_line(card),
            event=event,
            table=table,
            first_time=first_time,
        )

    @property
    def marks(self) -> str | None:
        """'Table 3 · First time here': where to sit, and a welcome for a newcomer."""
        parts = [table_title(self.table)] if self.table else []
        if self.first_time:
            parts.append(FIRST_TIME)
        return " · ".join(parts) or None


FIRST_TIME = "First time here"


def table_title(label: str) -> str:
    """'Table 3' for a numbered table; a named one ('Window 2') goes by its name."""
    return f"Table {label}" if label.isdigit() else label


@dataclass(frozen=True)
class TagExtras:
    """What a tent card or badge says beyond the member's card: set per printing, per person."""

    event: str | None = None
    tables: Mapping[int, str] = field(default_factory=dict)  # member id -> round-1 table label
    first_timers: frozenset[int] = frozenset()

    def tag(self, member_id: int | None, card: SharedCard) -> NameTag:
        table = self.tables.get(member_id) if member_id is not None else None
        return NameTag.of(card, event=self.event, table=table, first_time=member_id in self.first_timers)


def tag_for(card: SharedCard, index: int, ids: Sequence[int | None] | None, extras: TagExtras | None) -> NameTag:
    """The tent card or badge content of the `index`-th card of a printing."""
    if extras is None:
        return NameTag.of(card)
    return extras.tag(ids[index] if ids is not None else None, card)


def event_line(title: str, date: dt.date) -> str:
    """'Weekly networking · Tue 24 Nov 2026'."""
    return " · ".join(part for part in (title, date.strftime("%a %d %b %Y")) if part)


DEFAULT_REGION = "US"


def display_phone(phone: str, region: str = DEFAULT_REGION) -> str:
    """A phone number as people in the group's region write it: '(214) 555-0106' for a US group, the
    international form for a number from elsewhere. The E.164 form stays in QR codes and vCards."""
    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return phone
    if not phonenumbers.is_possible_number(number):
        return phone
    national = phonenumbers.region_code_for_number(number) == region.upper()
    style = phonenumbers.PhoneNumberFormat.NATIONAL if national else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return str(phonenumbers.format_number(number, style))


def contact_lines(card: SharedCard, region: str = DEFAULT_REGION) -> list[str]:
    """The direct contact details the member shares, phone first, as printed on cards and sheets."""
    lines = []
    if card.phone:
        lines.append(display_phone(card.phone, region))
    if card.email:
        lines.append(card.email)
    if card.linkedin:
        lines.append(display_url(card.linkedin))
    if card.website:
        lines.append(display_url(card.website))
    return lines


def role_line(card: SharedCard) -> str | None:
    """'Controller · Capital One': the job title and the current employer, as far as the card shows them."""
    parts = [part for part in (card.job_title, card.current_employer) if part]
    return " · ".join(parts) if parts else None


def seeking_line(card: SharedCard) -> str | None:
    """'Looking for: product management · at Sabre, Dell', or None when nothing is shared."""
    parts = []
    if card.target_roles:
        parts.append(", ".join(card.target_roles))
    if card.target_companies:
        parts.append("at " + ", ".join(card.target_companies))
    return ("Looking for: " + " · ".join(parts)) if parts else None


def drawn_text(card: SharedCard) -> list[str]:
    """Every piece of a member's card that may be drawn on paper."""
    pieces = [card.first_name, card.last_name, card.headline or "", card.job_title or ""]
    pieces += [*card.employers, *card.target_roles, *card.target_companies, *card.subgroups]
    return pieces + contact_lines(card)


def unprintable_warnings(cards: Iterable[SharedCard]) -> list[str]:
    """One line per member whose card holds characters no bundled font has (emoji, mostly): they are left
    out on paper (the QR code keeps them), and the facilitator is told whose."""
    return [warning for warning in map(_unprintable_warning, cards) if warning]


@lru_cache(maxsize=4096)
def _unprintable_warning(card: SharedCard) -> str | None:
    missing = "".join(dict.fromkeys("".join(unprintable(shaped(piece)) for piece in drawn_text(card))))
    if not missing:
        return None
    return f"{card.full_name}: {missing} cannot be printed (no bundled font has it); left out"
