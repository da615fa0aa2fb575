"""Every export kind behind one call, so the command line and the Print & export screen do the same thing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from sessions.errors import TablesessionError
from sessions.store import Store

from .files import write_export
from .followup import PageWriter, write_followups
from .google_csv import google_csv
from .meeting_json import document_bytes, meeting_document
from .outlook_csv import outlook_csv, outlook_web_csv
from .plain_csv import plain_csv
from .scope import Contact, ExportScope, contacts_in_scope
from .summary import ExportSummary, FieldCounts
from .vcards import vcard_zip_bytes, vcf_bytes


class ExportKind(StrEnum):
    VCARD = "vcard"
    VCARD_ZIP = "vcard-zip"
    GOOGLE_CSV = "google-csv"
    OUTLOOK_CSV = "outlook-csv"
    OUTLOOK_WEB_CSV = "outlook-web-csv"
    CSV = "csv"
    JSON = "json"
    FOLLOWUP = "followup"


@dataclass(frozen=True)
class KindInfo:
    title: str
    help: str
    file_name: str  # after the date: "2026-11-24 contacts.vcf"
    folder: bool = False


KINDS: dict[ExportKind, KindInfo] = {
    ExportKind.VCARD: KindInfo("vCard (.vcf)", "every card in one .vcf: phones, Apple, Google", "contacts.vcf"),
    ExportKind.VCARD_ZIP: KindInfo(
        "vCards, one per file (.zip)", "for Outlook desktop, which reads one card per file", "contacts.zip"
    ),
    ExportKind.GOOGLE_CSV: KindInfo("Google Contacts CSV", "import at contacts.google.com", "google contacts.csv"),
    ExportKind.OUTLOOK_CSV: KindInfo("Outlook CSV", "import into Outlook on Windows or Mac", "outlook contacts.csv"),
    ExportKind.OUTLOOK_WEB_CSV: KindInfo(
        "Outlook.com CSV", "import at outlook.com (People)", "outlook.com contacts.csv"
    ),
    ExportKind.CSV: KindInfo("Spreadsheet CSV", "one row per person, every shared field", "attendees.csv"),
    ExportKind.JSON: KindInfo(
        "Meeting (.json)",
        "the whole meeting, every card whole (private details too), to import on the group's other laptop",
        "meeting.json",
    ),
    ExportKind.FOLLOWUP: KindInfo(
        "Follow-up files", "per attendee: the cards of their table-mates (.vcf and PDF)", "followup", folder=True
    ),
}

_CONTACT_WRITERS: dict[ExportKind, Callable[[Sequence[Contact], ExportScope], bytes]] = {
    ExportKind.VCARD: vcf_bytes,
    ExportKind.VCARD_ZIP: vcard_zip_bytes,
    ExportKind.GOOGLE_CSV: google_csv,
    ExportKind.OUTLOOK_CSV: outlook_csv,
    ExportKind.OUTLOOK_WEB_CSV: outlook_web_csv,
    ExportKind.CSV: lambda contacts, _scope: plain_csv(contacts),
}


@dataclass(frozen=True)
class ExportRequest:
    kind: ExportKind
    path: Path
    scope: ExportScope
    now: dt.datetime
    overwrite: bool = False
    # For the json kind: only what each member agreed to share, for handing to someone outside the group's
    # laptops. Every other kind carries shared fields only anyway.
    shared_only: bool = False


def suggested_name(kind: ExportKind, scope: ExportScope) -> str:
    """A file (or folder) name that sorts by date and says what is inside."""
    parts = [scope.meeting.date.isoformat()]
    if scope.round_number is not None:
        parts.append(f"round {scope.round_number}")
    if scope.table_label is not None:
        parts.append(f"table {scope.table_label}")
    parts.append(KINDS[kind].file_name)
    return " ".join(parts)


def _privacy_note(shared_only: bool, withheld: FieldCounts) -> str:
    """What the meeting file holds beyond what people shared: the facilitator must know before handing it on."""
    if shared_only:
        return "cards: only what each person agreed to share, like the contact exports"
    if not withheld.people:
        return "cards: whole; nobody in it withheld a field"
    return (
        f"holds private details of {withheld.people} people, fields they did not share: "
        f"{', '.join(withheld.described())}; keep it for the group's own laptops "
        "(only you can read it), and hand others a copy made with --shared-only"
    )


def run_export(store: Store, request: ExportRequest, *, pages: PageWriter | None = None) -> ExportSummary:
    """Write one export and say what went out. Nothing is written when anything is wrong."""
    kind, scope = request.kind, request.scope
    if kind is ExportKind.FOLLOWUP:
        return write_followups(store, scope, request.path, overwrite=request.overwrite, pages=pages)
    if kind is ExportKind.JSON:
        if scope.round_number is not None or scope.table_label is not None:
            raise TablesessionError("the json export is the whole meeting; --round and --table do not apply to it")
        export = meeting_document(store, scope, request.now, shared_only=request.shared_only)
        document = export.document
        write_export(request.path, document_bytes(document), overwrite=request.overwrite)
        return ExportSummary(
            kind=kind.value,
            paths=(request.path,),
            fields=FieldCounts.of(export.cards),
            notes=(
                f"the meeting with {len(document.attendance)} registrations, "
                f"{len(document.seating.rounds) if document.seating else 0} rounds of seating "
                f"and {len(document.clock_log)} clock commands; import it with 'tablesession import'",
                _privacy_note(request.shared_only, export.withheld),
            ),
        )
    contacts = contacts_in_scope(store, scope)
    data = _CONTACT_WRITERS[kind](contacts, scope)
    write_export(request.path, data, overwrite=request.overwrite)
    return ExportSummary(
        kind=kind.value,
        paths=(request.path,),
        fields=FieldCounts.of(c.card for c in contacts),
        files=len(contacts) if kind is ExportKind.VCARD_ZIP else 1,
    )
