"""vCard 3.0 text for a member's shared card: what contact QR codes and .vcf exports carry.

vCard 3.0 because iOS Contacts reads only 3.0 and stock Android refuses 4.0. Only a SharedCard goes in,
so a field a member withheld cannot reach a QR code or an export. N and FN are always present; lines end
in CRLF; text values are escaped; the caller encodes the result as UTF-8.
"""

from __future__ import annotations

from .models import SharedCard

CRLF = "\r\n"
FOLD_OCTETS = 75  # RFC 2425: lines longer than this SHOULD be folded


def escape_text(value: str) -> str:
    """Escape a text value: backslash, comma, semicolon and newlines (RFC 2426 section 4)."""
    return (
        value.replace("\\", "\\\\")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
        .replace(",", "\\,")
        .replace(";", "\\;")
    )


def _single_line(value: str) -> str:
    """URIs, phone numbers and addresses are not escaped (a comma in a URL is part of it) but stay on one line."""
    return " ".join(value.split())


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets of UTF-8, never inside a character; continuations start with a space."""
    encoded = line.encode("utf-8")
    if len(encoded) <= FOLD_OCTETS:
        return line
    parts: list[str] = []
    current = ""
    size = 0
    limit = FOLD_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
            limit = FOLD_OCTETS - 1  # the leading space of a continuation counts
        current += char
        size += octets
    parts.append(current)
    return (CRLF + " ").join(parts)


def vcard_lines(card: SharedCard, *, note: str | None = None) -> list[str]:
    """The content lines (unfolded, without line ends), in the order phones display them."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape_text(card.last_name)};{escape_text(card.first_name)};;;",
        f"FN:{escape_text(card.full_name)}",
    ]
    if card.current_employer:
        lines.append(f"ORG:{escape_text(card.current_employer)}")
    if card.headline:
        lines.append(f"TITLE:{escape_text(card.headline)}")
    if card.phone:
        lines.append(f"TEL;TYPE=CELL:{_single_line(card.phone)}")
    if card.email:
        lines.append(f"EMAIL;TYPE=INTERNET:{_single_line(card.email)}")
    for url in (card.linkedin, card.website):
        if url:
            lines.append(f"URL:{_single_line(url)}")
    if note:
        lines.append(f"NOTE:{escape_text(note)}")
    lines.append("END:VCARD")
    return lines


def vcard_for(card: SharedCard, *, note: str | None = None, fold: bool = False) -> str:
    """The vCard 3.0 text of `card`, CRLF line ends included.

    ORG is the most recent employer, TITLE the headline; TEL, EMAIL and URL (LinkedIn, then website) appear
    only when shared. `note` adds a NOTE line (an export may say where the contact was met). `fold=True`
    folds long lines at 75 octets as RFC 2425 asks of files; QR codes leave it off, which phones prefer and
    which keeps the code small.
    """
    lines = vcard_lines(card, note=note)
    if fold:
        lines = [fold_line(line) for line in lines]
    return CRLF.join(lines) + CRLF
