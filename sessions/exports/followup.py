"""After the meeting: for each attendee, the cards of the people they sat with, one file each to email on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sessions.errors import TablesessionError
from sessions.models import SeatingPlan
from sessions.store import Store
from sessions.vcard import contact_note, vcard_for

from .files import OutputExistsError, write_atomically
from .scope import Contact, ExportScope, contacts_in_scope
from .summary import ExportSummary, FieldCounts
from .vcards import unique_names


@dataclass(frozen=True)
class TableMet:
    """One table an attendee sat at, and who else sat there (in speaking order)."""

    round_number: int
    table_label: str
    mates: tuple[Contact, ...]


@dataclass(frozen=True)
class Followup:
    attendee: Contact
    tables: tuple[TableMet, ...]

    @property
    def contacts(self) -> list[Contact]:
        """Everyone they sat with, once each, in the order they met."""
        seen: dict[int, Contact] = {}
        for table in self.tables:
            for mate in table.mates:
                seen.setdefault(mate.member_id, mate)
        return list(seen.values())

    def first_met(self, member_id: int) -> TableMet:
        return next(t for t in self.tables if any(m.member_id == member_id for m in t.mates))


# Renders one attendee's page as PDF bytes; the printables layer provides it (the domain draws nothing).
PageWriter = Callable[[Followup, ExportScope], bytes]


def build_followups(store: Store, scope: ExportScope) -> list[Followup]:
    """For each attendee in the scope who sat with anyone: their tables this meeting and who sat there."""
    plan: SeatingPlan | None = store.seating.load(scope.meeting_id)
    if plan is None or not plan.rounds:
        raise TablesessionError(f"{scope.meeting.label} has no seating, so nobody sat with anybody yet")
    attendees = contacts_in_scope(store, scope)
    seated = {mid for round_ in plan.rounds for mid in round_.member_ids}
    cards = {mid: m.shared_card() for mid, m in store.members.get_many(seated).items()}
    # (round, table) -> the people there in speaking order, as shared cards only.
    tables = {
        (round_.number, table.label): [Contact(member_id=m, card=cards[m]) for m in table.member_ids if m in cards]
        for round_ in plan.rounds
        for table in round_.tables
    }
    result = []
    for attendee in attendees:
        met = tuple(
            TableMet(
                round_number=number,
                table_label=label,
                mates=tuple(c for c in tables[(number, label)] if c.member_id != attendee.member_id),
            )
            for number, label in attendee.seats
        )
        if any(t.mates for t in met):
            result.append(Followup(attendee=attendee, tables=met))
    return result


def followup_vcf(followup: Followup, scope: ExportScope, cache: dict[tuple[int, int, str], str] | None = None) -> bytes:
    """The cards of everyone they sat with; each note says where they met.

    `cache` shares cards between attendees: everyone at a table gets the same card for each mate."""
    cache = {} if cache is None else cache
    cards = []
    for mate in followup.contacts:
        table = followup.first_met(mate.member_id)
        key = (mate.member_id, table.round_number, table.table_label)
        if key not in cache:
            where = f"{scope.meeting.label} (round {table.round_number}, table {table.table_label})"
            cache[key] = vcard_for(mate.card, note=contact_note(mate.card, met_at=where))
        cards.append(cache[key])
    return "".join(cards).encode("utf-8")


def followup_stem(scope: ExportScope, followup: Followup) -> str:
    """'2026-11-24 followup - Olga Dubois': sorts by date, says whose it is when attached to an email."""
    return f"{scope.meeting.date.isoformat()} followup - {followup.attendee.card.full_name}"


def write_followups(
    store: Store, scope: ExportScope, folder: Path, *, overwrite: bool, pages: PageWriter | None = None
) -> ExportSummary:
    """One .vcf (and, given `pages`, one PDF) per attendee in `folder`, created if missing."""
    items = build_followups(store, scope)
    if not items:
        raise TablesessionError(f"nobody in {scope.description} sat with anyone, so there is nothing to follow up")
    if folder.exists() and not folder.is_dir():
        raise TablesessionError(f"{folder}: is a file; follow-up files go in a folder")
    stems = unique_names([followup_stem(scope, f) for f in items], "")
    suffixes = (".vcf", ".pdf") if pages is not None else (".vcf",)
    targets = [folder / f"{stem}{suffix}" for stem in stems for suffix in suffixes]
    clashes = [t for t in targets if t.exists()]
    if clashes and not overwrite:
        raise OutputExistsError(
            f"{clashes[0]}: already exists ({len(clashes)} files would be replaced); "
            "choose another folder or allow replacing them (--force)"
        )
    # Everything is rendered before the first file is written, so a failure leaves no partial set.
    rendered: list[tuple[Path, bytes]] = []
    cards: dict[tuple[int, int, str], str] = {}
    for stem, item in zip(stems, items, strict=True):
        rendered.append((folder / f"{stem}.vcf", followup_vcf(item, scope, cards)))
        if pages is not None:
            rendered.append((folder / f"{stem}.pdf", pages(item, scope)))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TablesessionError(f"{folder}: cannot create the folder ({exc.strerror or exc})") from exc
    for path, data in rendered:
        write_atomically(path, data)
    shared = {c.member_id: c.card for item in items for c in item.contacts}
    notes = [f"{len(items)} attendees get a file each, named '{followup_stem(scope, items[0])}' and so on"]
    if pages is None:
        notes.append("PDF pages were not made (no page writer)")
    return ExportSummary(
        kind="followup",
        paths=(folder,),
        fields=FieldCounts.of(shared.values()),
        files=len(rendered),
        notes=tuple(notes),
    )
