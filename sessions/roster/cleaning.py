"""Cleaning one typed value: phones to E.164, LinkedIn handles to profile URLs, emails checked.

Each cleaner returns the value to store and, when the value could not be cleaned, a problem to
report. Text that looks like a spreadsheet formula is stored as typed: exports neutralise it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers

from sessions.models import limits
from sessions.models.text import clean_line, is_valid_email


@dataclass(frozen=True)
class Cleaned:
    """A value fit to store (None: nothing to store) and, if it was not what we expected, why."""

    value: str | None
    problem: str | None = None


Cleaner = Callable[[str], Cleaned]  # one typed value -> what to store and any problem


def text(value: str) -> str:
    """Trimmed, NFC, one line."""
    cleaned = clean_line(value)
    return cleaned if isinstance(cleaned, str) else ""


def email(value: str) -> Cleaned:
    typed = text(value)
    if not typed:
        return Cleaned(None)
    if typed.lower().startswith("mailto:"):
        typed = typed[len("mailto:") :]
    if len(typed) > limits.EMAIL_MAX or not is_valid_email(typed):
        return Cleaned(None, f"{typed[:60]!r} is not a valid email address; left out")
    return Cleaned(typed)


def phone(value: str, region: str) -> Cleaned:
    """E.164 ('+12145557364') when the number is valid read in `region`; otherwise as typed, with a warning."""
    typed = text(value)
    if not typed:
        return Cleaned(None)
    if len(typed) > limits.PHONE_MAX:
        return Cleaned(None, f"is {len(typed)} characters, longer than a phone number can be; left out")
    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return Cleaned(typed, f"{typed!r} is not a phone number we can read; kept as typed")
    if not phonenumbers.is_valid_number(number):
        return Cleaned(typed, f"{typed!r} is not a valid phone number for region {region}; kept as typed")
    if number.extension:
        return Cleaned(typed, f"{typed!r} has an extension; kept as typed")
    return Cleaned(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


_LINKEDIN_HOST = re.compile(r"^([a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")
_HANDLE = re.compile(r"^[\w%.-]{2,100}$")
LINKEDIN_PROFILE = "https://www.linkedin.com/in/{handle}"


def linkedin(value: str) -> Cleaned:
    """'linkedin.com/in/x', 'https://uk.linkedin.com/in/x/?trk=..', 'in/x', '@x' or 'x' -> the canonical profile URL."""
    typed = text(value)
    if not typed:
        return Cleaned(None)
    bare = typed.removeprefix("@")
    if _HANDLE.match(bare) and "." not in bare:
        return Cleaned(LINKEDIN_PROFILE.format(handle=bare))
    address = typed if "://" in typed else f"https://{typed}"
    parts = urlsplit(address)
    host = (parts.hostname or "").lower()
    if not _LINKEDIN_HOST.match(host):
        if typed.startswith("in/"):
            return linkedin(typed.removeprefix("in/"))
        return Cleaned(None, f"{typed[:60]!r} is not a LinkedIn profile address; left out")
    path = [piece for piece in parts.path.split("/") if piece]
    if len(path) >= 2 and path[0] in ("in", "pub") and _HANDLE.match(path[1]):
        return Cleaned(LINKEDIN_PROFILE.format(handle=path[1]))
    # A company page or another LinkedIn address: keep it whole, without tracking parameters.
    if any(ch.isspace() for ch in typed) or len(address) > limits.URL_MAX:
        return Cleaned(None, f"{typed[:60]!r} is not a LinkedIn profile address; left out")
    return Cleaned(f"https://{host}{parts.path}".rstrip("/"))


def website(value: str) -> Cleaned:
    typed = text(value)
    if not typed:
        return Cleaned(None)
    if any(ch.isspace() for ch in typed) or "." not in typed or len(typed) > limits.URL_MAX:
        return Cleaned(None, f"{typed[:60]!r} is not a web address; left out")
    return Cleaned(typed if "://" in typed else f"https://{typed}")


def split_list(value: str) -> list[str]:
    """'Dell, McKesson; EDS' -> ['Dell', 'McKesson', 'EDS'] (commas, semicolons or new lines)."""
    return [item for item in (text(piece) for piece in re.split(r"[,;\n]", value)) if item]


YES = frozenset({"yes", "y", "true", "1", "x", "ok", "sure", "checked", "oui", "si", "sí", "ja"})
NO = frozenset({"no", "n", "false", "0", "non", "nein", "none"})


def yes_no(value: str) -> bool | None:
    """True for yes-like answers, False for no-like, None when blank or unclear."""
    answer = text(value).casefold().rstrip(".!")
    if answer in YES or answer.startswith("yes"):
        return True
    if answer in NO or answer.startswith("no,") or answer.startswith("no "):
        return False
    return None
