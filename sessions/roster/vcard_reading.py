"""Reading a .vcf file (one card or many; vCard 2.1, 3.0 and 4.0) into rows, one per card, so that address-book
cards go through the same mapping, matching and updating as any registration export.

vobject does the parsing (unfolding, escapes, QUOTED-PRINTABLE with its CHARSET). What it does not do is
done here: splitting the file into cards (so that a broken card is named by its number and the others still
import), and joining QUOTED-PRINTABLE soft line breaks, which older Android phones write and vobject reads as
the end of the value. Photos and everything else a card of ours has no place for are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import vobject

from .candidates import MULTI_VALUE
from .errors import ImportFileError
from .formats import SourceFormat
from .opening import read_export_bytes
from .reading import SourceRow, SourceTable, decode_text, read_table

VCARD_SUFFIXES = frozenset({".vcf", ".vcard"})
# The columns a card is read into; FORMAT_SPECS[SourceFormat.VCARD] says what each means.
COLUMNS: tuple[str, ...] = (
    "Name",
    "Given Name",
    "Family Name",
    "Email",
    "Phone",
    "Organization",
    "Title",
    "URL",
    "Note",
)
# Several emails or web pages in one cell, joined as Google Contacts joins them; the row reader splits them again.
JOINED = f" {MULTI_VALUE} "
_BEGIN = "BEGIN:VCARD"
_END = "END:VCARD"
_QUOTED_PRINTABLE = re.compile(r"quoted-printable", re.IGNORECASE)
_AT_LINE = re.compile(r"^at line \d+: ", re.IGNORECASE)
_BINARY_PROPERTIES = frozenset({"PHOTO", "LOGO", "SOUND", "KEY"})
_PREFERRED_PHONES = ("cell", "mobile", "iphone")


@dataclass(frozen=True)
class RawCard:
    number: int  # the card's place in the file, from 1
    line: int  # the line its BEGIN:VCARD is on
    text: str
    ended: bool


def is_vcard_file(path: Path, raw: bytes) -> bool:
    """Whether `path` holds vCards: by its name, or by its first line whatever it is called."""
    return path.suffix.lower() in VCARD_SUFFIXES or raw.lstrip(b"\xef\xbb\xbf \t\r\n")[:11].upper() == b"BEGIN:VCARD"


def read_source(path: Path) -> SourceTable:
    """Read `path` as a vCard file when it is one, else as a CSV export."""
    raw = read_export_bytes(path)
    if raw and is_vcard_file(path, raw):
        return read_vcards(path, raw)
    return read_table(path)


def read_vcards(path: Path, raw: bytes) -> SourceTable:
    """Every card of the file as a row numbered by its place in the file; a card that cannot be read is noted."""
    if not raw.strip():
        raise ImportFileError(f"{path.name}: the file is empty; export the contacts again")
    text, encoding, notes = decode_text(path, raw)
    cards = list(split_cards(text))
    if not cards:
        raise ImportFileError(
            f"{path.name}: no vCard in the file (no line 'BEGIN:VCARD'); export the contacts as vCard (.vcf) again"
        )
    rows: list[SourceRow] = []
    for card in cards:
        if not card.ended:
            notes.append(f"card {card.number} (line {card.line}): never ends (no END:VCARD); left out")
            continue
        try:
            values = card_values(card.text)
        except Exception as exc:  # vobject raises many kinds on a broken card; each one is that card's problem
            # vobject counts lines from the card's start, after our own joining: the card's own line says more.
            reason = _AT_LINE.sub("", " ".join(str(exc).split()))[:120] or type(exc).__name__
            notes.append(f"card {card.number} (line {card.line}): cannot be read ({reason}); left out")
            continue
        rows.append(SourceRow(number=card.number, values=values))
    return SourceTable(
        path=path,
        encoding=encoding,
        headers=list(COLUMNS),
        header_row=0,
        rows=rows,
        notes=notes,
        declared=SourceFormat.VCARD.value,
        unit="card",
    )


def split_cards(text: str) -> Iterator[RawCard]:
    """The cards of a file, each from its BEGIN:VCARD to its END:VCARD; lines between cards are ignored."""
    lines: list[str] = []
    start = 0
    number = 0
    for index, line in enumerate(text.splitlines(), start=1):
        bare = line.strip().upper()
        if bare == _BEGIN:
            if lines:  # a card that never ended: the next one begins
                yield RawCard(number, start, "\r\n".join(lines), ended=False)
            number += 1
            start, lines = index, [line.strip()]
        elif lines:
            lines.append(line)
            if bare == _END:
                yield RawCard(number, start, "\r\n".join(lines) + "\r\n", ended=True)
                lines = []
    if lines:
        yield RawCard(number, start, "\r\n".join(lines), ended=False)


def join_soft_breaks(text: str) -> str:
    """Join QUOTED-PRINTABLE soft line breaks (a value line ending in '=' goes on on the next line)."""
    joined: list[str] = []
    carrying = False
    for line in text.split("\r\n"):
        if carrying:
            joined[-1] = joined[-1][:-1] + line.lstrip(" \t")
        else:
            joined.append(line)
        name, colon, _ = joined[-1].partition(":")
        carrying = bool(colon) and bool(_QUOTED_PRINTABLE.search(name)) and joined[-1].endswith("=")
    if carrying:
        joined[-1] = joined[-1][:-1]
    return "\r\n".join(joined)


def without_binaries(text: str) -> str:
    """The card without its photo, logo, sound or key: never imported, and a damaged one (bad base64 padding)
    would make vobject refuse the whole card. Their data runs on over folded lines (and, in 2.1, to a blank one)."""
    kept: list[str] = []
    skipping = False
    for line in text.split("\r\n"):
        if skipping and (line[:1] in (" ", "\t") or not line.strip()):
            continue
        name = re.split(r"[;:]", line, maxsplit=1)[0].rpartition(".")[2].upper()
        skipping = name in _BINARY_PROPERTIES
        if not skipping:
            kept.append(line)
    return "\r\n".join(kept)


def card_values(text: str) -> tuple[str, ...]:
    """One card's values in the order of COLUMNS."""
    card = vobject.readOne(join_soft_breaks(without_binaries(text)), ignoreUnreadable=False)
    given, family = _name_parts(card)
    return (
        _text(_first(card, "fn")),
        given,
        family,
        JOINED.join(_ordered(card, "email", ("pref", "internet"))),
        next(iter(_ordered(card, "tel", ("pref", *_PREFERRED_PHONES))), ""),
        _organization(card),
        _text(_first(card, "title")),
        JOINED.join(_urls(card)),
        _text(_first(card, "note")),
    )


def _lines(card: Any, name: str) -> list[Any]:
    return list(card.contents.get(name, []))


def _first(card: Any, name: str) -> Any:
    lines = _lines(card, name)
    return lines[0].value if lines else ""


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return " ".join(_text(part) for part in value if part)
    if isinstance(value, bytes):
        return ""  # binary (a photo inlined where text was expected): nothing to read
    return " ".join(str(value).split())


def _name_parts(card: Any) -> tuple[str, str]:
    lines = _lines(card, "n")
    if not lines or not isinstance(lines[0].value, vobject.vcard.Name):
        return "", ""
    name = lines[0].value
    given = " ".join(part for part in (_text(name.given), _text(name.additional)) if part)
    return given, _text(name.family)


def _types(line: Any) -> set[str]:
    """A property's TYPE values, however written: TYPE=a,b / type=a;type=b / 2.1's bare ;CELL."""
    types = {value.casefold() for raw in line.params.get("TYPE", []) for value in str(raw).split(",")}
    types |= {str(value).casefold() for value in line.singletonparams}
    if "PREF" in line.params:  # 4.0: PREF=1
        types.add("pref")
    return types


def _ordered(card: Any, name: str, preferred: Iterable[str]) -> list[str]:
    """The property's values, the first preferred kind first (a 4.0 tel: URI read as its number)."""
    lines = _lines(card, name)
    order = list(preferred)

    def rank(line: Any) -> int:
        types = _types(line)
        return next((place for place, kind in enumerate(order) if kind in types), len(order))

    values = []
    for line in sorted(lines, key=rank):
        value = _text(line.value)
        if value.casefold().startswith("tel:"):
            value = value[4:]
        if value.casefold().startswith("mailto:"):
            value = value[7:]
        if value and value not in values:
            values.append(value)
    return values


def _organization(card: Any) -> str:
    value = _first(card, "org")
    if isinstance(value, (list, tuple)):
        return _text(value[0]) if value else ""  # ORG is the organisation, then its units
    return _text(value)


def _urls(card: Any) -> list[str]:
    """Web pages and social profiles (iPhone keeps LinkedIn in X-SOCIALPROFILE); a value never holds the
    separator, so the cell splits back into the same addresses."""
    urls: list[str] = []
    for name in ("url", "x-socialprofile"):
        for line in _lines(card, name):
            value = _text(line.value).replace(MULTI_VALUE, "")
            if value.casefold().startswith("x-apple:"):
                continue  # iPhone's own reference to a profile, not an address
            if value and value not in urls:
                urls.append(value)
    return urls
