"""After the meeting: for each attendee, the cards of the people they sat with, one file each to email on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sessions.errors import TablesessionError
from sessions.models import SeatingPlan, SharedCard
from sessions.store import Store
from sessions.vcard import contact_note, vcard_head, vcard_tail

from .files import OutputExistsError, refuse_special, write_atomically, write_new_folder
from .scope import Contact, ExportScope, as_contacts, ids_in_scope
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
        return [mate for mate, _table in self.first_meetings()]

    def first_meetings(self) -> list[tuple[Contact, TableMet]]:
        """Everyone they sat with, once each, in the order they met, with the table where they first met."""
        seen: dict[int, tuple[Contact, TableMet]] = {}
        for table in self.tables:
            for mate in table.mates:
                if mate.member_id not in seen:
                    seen[mate.member_id] = (mate, table)
        return list(seen.values())


# Renders one attendee's page as PDF bytes; the printables layer provides it (the domain draws nothing).
PageWriter = Callable[[Followup, ExportScope], bytes]


def build_followups(store: Store, scope: ExportScope) -> list[Followup]:
    """For each attendee in the scope who sat with anyone: their tables this meeting and who sat there."""
    plan: SeatingPlan | None = store.seating.load(scope.meeting_id)
    if plan is None or not plan.rounds:
        raise TablesessionError(f"{scope.meeting.label} has no seating, so nobody sat with anybody yet")
    wanted = ids_in_scope(store, scope, plan)
    seated = {mid for round_ in plan.rounds for mid in round_.member_ids}
    # One read of the members for attendees and table-mates alike, and one shared card per person.
    members = store.members.get_many(wanted | seated)
    cards: dict[int, SharedCard] = {}
    attendees = as_contacts((members[mid] for mid in wanted if mid in members), plan, cards)
    for mid in seated:
        if mid not in cards and mid in members:
            cards[mid] = members[mid].shared_card()
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


@dataclass
class CardCache:
    """Cards shared between attendees' files: everyone at a table gets the same card for each mate,
    and a person's card differs between tables only in its note."""

    heads: dict[int, str] = field(default_factory=dict)
    cards: dict[tuple[int, int, str], bytes] = field(default_factory=dict)
    places: dict[tuple[int, str], str] = field(default_factory=dict)  # (round, table) -> where they met


def followup_vcf(followup: Followup, scope: ExportScope, cache: CardCache | None = None) -> bytes:
    """The cards of everyone they sat with; each note says where they met."""
    cache = CardCache() if cache is None else cache
    cards = []
    for mate, table in followup.first_meetings():
        key = (mate.member_id, table.round_number, table.table_label)
        card = cache.cards.get(key)
        if card is None:
            head = cache.heads.get(mate.member_id)
            if head is None:
                head = cache.heads[mate.member_id] = vcard_head(mate.card)
            place = (table.round_number, table.table_label)
            where = cache.places.get(place)
            if where is None:
                where = cache.places[place] = f"{scope.meeting_label} (round {place[0]}, table {place[1]})"
            note = contact_note(mate.card, met_at=where)
            card = cache.cards[key] = (head + vcard_tail(note)).encode("utf-8")
        cards.append(card)
    return b"".join(cards)


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
    cards = CardCache()

    def rendered() -> Iterator[tuple[str, bytes]]:
        for stem, item in zip(stems, items, strict=True):
            yield f"{stem}.vcf", followup_vcf(item, scope, cards)
            if pages is not None:
                yield f"{stem}.pdf", pages(item, scope)

    if not folder.exists():
        # Made beside the folder and renamed into place, so a failure leaves no partial set.
        files = write_new_folder(folder, rendered())
    else:
        targets = [folder / f"{stem}{suffix}" for stem in stems for suffix in suffixes]
        for target in targets:
            refuse_special(target)
        clashes = [path for path in targets if path.exists()]
        if clashes and not overwrite:
            raise OutputExistsError(
                f"{clashes[0]}: already exists ({len(clashes)} files would be replaced); "
                "choose another folder or allow replacing them (--force)"
            )
        # Everything is rendered before the first file is written, so a failure leaves no partial set.
        everything = list(rendered())
        for name, data in everything:
            write_atomically(folder / name, data)
        files = len(everything)
    shared = {c.member_id: c.card for item in items for c in item.contacts}
    notes = [f"{len(items)} attendees get a file each, named '{followup_stem(scope, items[0])}' and so on"]
    if pages is None:
        notes.append("PDF pages were not made (no page writer)")
    return ExportSummary(
        kind="followup",
        paths=(folder,),
        fields=FieldCounts.of(shared.values()),
        files=files,
        notes=tuple(notes),
    )
