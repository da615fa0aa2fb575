"""Annotated string types shared by the models: trimmed, NFC-normalised, bounded."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from . import limits

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Zero-width non-joiner and joiner are invisible format characters too, but scripts need them inside
# words: Persian writes "mi-khaham" with a non-joiner so two letters stay apart, Devanagari asks for a
# half form with a joiner after a virama, and emoji sequences (a family, a profession) are joined by
# one. They cannot reorder text, so between two letters, marks or symbols they stay; anywhere else
# (at an edge, beside a space or another invisible) they can only hide a difference, and go.
_JOINERS = frozenset("\u200c\u200d")
_JOINABLE = frozenset(("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "So", "Sk"))
_WHITESPACE_RUN = re.compile(r"\s+")
# Syntax only: a mailbox we can write into a vCard. Deliverability is not our business.
_EMAIL = re.compile(
    r"^[^@\s\"(),:;<>\[\]\\]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
)


def _joins_letters(value: str, index: int) -> bool:
    if index == 0 or index == len(value) - 1:
        return False
    return unicodedata.category(value[index - 1]) in _JOINABLE and unicodedata.category(value[index + 1]) in _JOINABLE


def drop_invisible(value: str) -> str:
    """`value` without invisible format characters (Unicode category Cf): bidirectional embeddings,
    overrides and isolates (U+202A-U+202E, U+2066-U+2069), which can show a name reversed or hide
    part of it, and zero-width spaces, directional marks, word joiners, byte-order marks and the like,
    which make two names look the same. Joiners inside a word stay (see _JOINERS)."""
    if value.isprintable():  # no format character (nor newline or tab) at all: most values, at C speed
        return value
    return "".join(
        char
        for index, char in enumerate(value)
        if unicodedata.category(char) != "Cf" or (char in _JOINERS and _joins_letters(value, index))
    )


def clean_text(value: object) -> object:
    """Trim, NFC-normalise and drop control and invisible format characters; leave non-strings for
    pydantic to refuse. Every card field, typed in an edit or read by an import, comes through here."""
    if not isinstance(value, str):
        return value
    return unicodedata.normalize("NFC", _CONTROL.sub("", drop_invisible(value))).strip()


def clean_line(value: object) -> object:
    """Like clean_text, but folds newlines and runs of spaces: for one-line fields."""
    cleaned = clean_text(value)
    if not isinstance(cleaned, str):
        return cleaned
    return _WHITESPACE_RUN.sub(" ", cleaned)


def _blank_to_none(value: object) -> object:
    cleaned = clean_line(value)
    return None if cleaned == "" else cleaned


def _check_email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError("not a valid email address (expected name@example.com)")
    local, _, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}"


def _check_url(value: str) -> str:
    if any(ch.isspace() for ch in value):
        raise ValueError("a web address cannot contain spaces")
    return value


Line = Annotated[str, BeforeValidator(clean_line)]
PersonName = Annotated[str, BeforeValidator(clean_line), Field(max_length=limits.NAME_MAX)]
RequiredName = Annotated[str, BeforeValidator(clean_line), Field(min_length=1, max_length=limits.NAME_MAX)]
ShortText = Annotated[str, BeforeValidator(clean_line), Field(max_length=limits.SHORT_TEXT_MAX)]
Headline = Annotated[str, BeforeValidator(clean_line), Field(max_length=limits.HEADLINE_MAX)]
Notes = Annotated[str, BeforeValidator(clean_text), Field(max_length=limits.NOTES_MAX)]
ListItem = Annotated[str, BeforeValidator(clean_line), Field(min_length=1, max_length=limits.SHORT_TEXT_MAX)]
# Optional fields: blank input becomes None first; the length bound then applies to real strings only.
Email = Annotated[
    Annotated[str, StringConstraints(max_length=limits.EMAIL_MAX), AfterValidator(_check_email)] | None,
    BeforeValidator(_blank_to_none),
]
Phone = Annotated[
    Annotated[str, StringConstraints(max_length=limits.PHONE_MAX)] | None,
    BeforeValidator(_blank_to_none),
]
Url = Annotated[
    Annotated[str, StringConstraints(max_length=limits.URL_MAX), AfterValidator(_check_url)] | None,
    BeforeValidator(_blank_to_none),
]


def is_valid_email(value: str) -> bool:
    """True when `value` passes the same syntax check the Member model applies."""
    return bool(_EMAIL.match(value.strip()))
