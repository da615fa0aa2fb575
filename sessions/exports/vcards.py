"""vCard files: one .vcf holding every card (Apple, Google, Android), or a zip of one card per file (Outlook
desktop reads only the first card of a file)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence

from sessions.models import display_full_name
from sessions.vcard import contact_note, vcard_for

from .files import safe_file_name
from .scope import Contact, ExportScope

# A fixed timestamp inside the zip: the same export gives the same bytes (zip's epoch is 1980).
ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def card_text(contact: Contact, scope: ExportScope) -> str:
    return vcard_for(contact.card, note=contact_note(contact.card, met_at=scope.meeting_label))


def vcf_bytes(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    return "".join(card_text(c, scope) for c in contacts).encode("utf-8")


def unique_names(stems: Sequence[str], suffix: str) -> list[str]:
    """File names from `stems`, made safe, with ' (2)', ' (3)'... on repeats (two people may share a name)."""
    used: set[str] = set()
    names: list[str] = []
    for stem in stems:
        safe = safe_file_name(stem, fallback="contact")
        candidate, repeat = safe, 1
        while candidate.casefold() in used:  # macOS and Windows file names ignore case
            repeat += 1
            candidate = f"{safe} ({repeat})"
        used.add(candidate.casefold())
        names.append(candidate + suffix)
    return names


def vcard_zip_bytes(contacts: Sequence[Contact], scope: ExportScope) -> bytes:
    buffer = io.BytesIO()
    # Named as the card's FN is written: "山田美咲.vcf".
    names = unique_names([display_full_name(c.card.first_name, c.card.last_name) for c in contacts], ".vcf")
    # Stored, not deflated: cards of half a kilobyte barely shrink (a quarter, on 2,000 of them), and
    # compressing each on its own took longer than the rest of the export.
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, contact in zip(names, contacts, strict=True):
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o600 << 16
            archive.writestr(info, card_text(contact, scope).encode("utf-8"))
    return buffer.getvalue()
