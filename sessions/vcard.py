"""The one vCard 3.0 writer (RFC 2426), used by contact exports, follow-up files and QR codes.

Only a SharedCard goes in, so a field a member withheld cannot reach a vCard. The output keeps
to what phone cameras and address books read reliably: N and FN always, then ORG, TITLE, EMAIL,
TEL, URL and an optional NOTE. Lines end in CRLF; text values are escaped (URLs are URIs, not
text: what a reader would take as an escape or a separator is percent-encoded instead); long
lines are folded at 75 octets without cutting a UTF-8 sequence in two (unless `fold=False`, for
QR codes, where every byte counts and no reader needs folding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote

from sessions.models import SharedCard, display_full_name

CRLF = "\r\n"
LINE_OCTETS = 75  # RFC 2426 section 2.6: lines SHOULD NOT be longer than 75 octets, excluding the break
VERSION = "3.0"
# Percent-encoded in a URL: what a URI can never hold (RFC 3986: whitespace, including Unicode line
# breaks, control characters, the backslash), and the comma and semicolon. A URI may hold those two,
# but common readers (vobject, and address books built like it) decode URL as a text value, cutting it
# at a comma or semicolon; percent-encoded, the address is the same to a web server and arrives whole.
_ENCODED_IN_URI = re.compile(r"[\s\x00-\x1f\x7f-\x9f\\,;]")


def escape_text(value: str) -> str:
    """Escape a text value: backslash first, then comma, semicolon and newlines (RFC 2426 section 4)."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def uri_value(value: str) -> str:
    """A URI value as written: never text-escaped, since URL's value type is uri, not text (RFC 2426
    sections 3.6.8 and 5), but with every character a reader could take as an escape, a separator or
    the end of the line percent-encoded (see _ENCODED_IN_URI). The Member model already refuses
    whitespace in a web address and drops control characters; a card built some other way gets them
    encoded here too, so a value can never end its line early and start a property of its own."""
    return _ENCODED_IN_URI.sub(lambda found: quote(found.group(), safe=""), value)


def _is_continuation_byte(byte: int) -> bool:
    return byte & 0b1100_0000 == 0b1000_0000


def fold_line(line: str) -> list[str]:
    """Split one content line into physical lines of at most 75 octets; each continuation starts with a space."""
    if line.isascii():  # one octet per character: slices, no encoding (most lines of most cards)
        if len(line) <= LINE_OCTETS:
            return [line]
        rest = LINE_OCTETS - 1
        return [line[:LINE_OCTETS], *(" " + line[i : i + rest] for i in range(LINE_OCTETS, len(line), rest))]
    data = line.encode("utf-8")
    if len(data) <= LINE_OCTETS:
        return [line]
    pieces: list[str] = []
    start, room = 0, LINE_OCTETS
    while len(data) - start > room:
        end = start + room
        while _is_continuation_byte(data[end]):  # never cut inside a character's UTF-8 bytes
            end -= 1
        pieces.append(data[start:end].decode("utf-8"))
        # A continuation line's leading space counts towards its 75 octets.
        start, room = end, LINE_OCTETS - 1
    pieces.append(data[start:].decode("utf-8"))
    return [pieces[0], *(" " + piece for piece in pieces[1:])]


def _head_lines(card: SharedCard) -> Iterable[str]:
    yield "BEGIN:VCARD"
    yield f"VERSION:{VERSION}"
    # N is structured: family;given;additional;prefixes;suffixes.
    yield f"N:{escape_text(card.last_name)};{escape_text(card.first_name)};;;"
    # FN in the order the name's script writes it: "王小明", not "小明 王".
    yield f"FN:{escape_text(display_full_name(card.first_name, card.last_name))}"
    if card.current_employer:
        yield f"ORG:{escape_text(card.current_employer)}"
    if card.headline:
        yield f"TITLE:{escape_text(card.headline)}"
    if card.email:
        yield f"EMAIL;TYPE=INTERNET:{escape_text(card.email)}"
    if card.phone:
        yield f"TEL;TYPE=CELL:{escape_text(card.phone)}"
    for url in (card.linkedin, card.website):
        if url:
            yield f"URL:{uri_value(url)}"


def _physical(lines: Iterable[str], fold: bool) -> str:
    physical: list[str] = []
    for line in lines:
        physical.extend(fold_line(line) if fold else [line])
    return "".join(line + CRLF for line in physical)


def vcard_head(card: SharedCard, *, fold: bool = True) -> str:
    """The card up to its NOTE: the same for every note, so a follow-up export makes it once per person."""
    return _physical(_head_lines(card), fold)


def vcard_tail(note: str | None, *, fold: bool = True) -> str:
    """The optional NOTE and the end of the card."""
    return _physical(([f"NOTE:{escape_text(note)}"] if note else []) + ["END:VCARD"], fold)


def vcard_for(card: SharedCard, *, note: str | None = None, fold: bool = True) -> str:
    """One vCard 3.0 for `card`, CRLF-terminated. URLs come LinkedIn first, then the website."""
    return vcard_head(card, fold=fold) + vcard_tail(note, fold=fold)


def contact_note(card: SharedCard, *, met_at: str | None = None) -> str | None:
    """The NOTE for an address-book export: where we met and the shared profile that has no vCard field."""
    parts: list[str] = []
    if met_at:
        parts.append(f"Met at {met_at}.")
    earlier = card.employers[1:]
    if earlier:
        parts.append(f"Also worked at: {', '.join(earlier)}.")
    if card.target_roles:
        parts.append(f"Looking for: {', '.join(card.target_roles)}.")
    if card.target_companies:
        parts.append(f"Target companies: {', '.join(card.target_companies)}.")
    return " ".join(parts) or None
