"""The whole meeting as one JSON document, to carry it to another laptop and import it there.

Shape (format "tablesession-meeting", version 4; version 1 lacked the seating settings and rules,
versions 1 and 2 held shared cards only, without "shared_only", and versions before 4 lacked the seat
changes); every key is always present:

    {
      "format": "tablesession-meeting",
      "version": 4,
      "shared_only": false,
      "exported_at": "2026-11-24T21:05:00+00:00",
      "group": {"name": "..."},
      "meeting": {"date": "2026-11-24", "title": "...", "venue": "...", "table_min": 6, "table_max": 8,
                  "turn_seconds": 300, "warning_seconds": 60, "changeover_seconds": 30},
      "members": [{"ref": 1, "first_name": "...", "last_name": "...", "headline": "...",
                   "employers": [...], "target_roles": [...], "target_companies": [...], "subgroups": [...],
                   "email": null, "phone": null, "linkedin": "...", "website": null,
                   "tags": ["newcomer"], "sharing": {"email": false, ...}, "updated_at": "..."}],
      "attendance": [{"member": 1, "registered": true, "source": "eventbrite", "registered_at": null,
                      "checked_in_at": "...", "walk_in": false, "no_show": false, "left_at": null}],
      "seating": null or {"seed": 7, "created_at": "...",
                          "rounds": [{"number": 1, "locked": true,
                                      "tables": [{"label": "1", "capacity": null,
                                                  "seats": [{"number": 1, "member": 1}]}]}]},
      "seating_settings": null or {"rounds": 2, "min_size": null, "max_size": null, "tables": null,
                                   "mode": "mix", "apart_same_employer": false, "time_limit": 5.0,
                                   "room": [{"name": "Bar A", "capacity": 6}]},
      "seating_rules": [{"kind": "apart", "members": [1, 4], "standing": true}],
      "rounds_run": [1, 2],
      "clock_log": [{"round": 1, "command": "start", "argument": null, "wall_time": "..."}],
      "seat_changes": [{"kind": "left", "member": 3, "happened_at": "...",
                        "changes": [{"round": 2, "member": 5, "from_table": "3", "to_table": "1"}]}]
    }

`ref` numbers people within the file only; `member` fields point at them. Members are everyone with a
registration or a seat. The file is for the group's own other laptop, so each card goes whole, unshared
fields too, with its member's sharing choices (the Sharing model as it is, so every part of it travels):
the other laptop can find people by a private email and prints and exports only what each chose. Like
every export it is readable by its owner only, and the export's summary says it holds private details.
With `shared_only` (for handing to someone else) each card carries only what its member agreed to
share, and the file is no more revealing than the contact exports. Either way the facilitator's private
notes and extra registration answers stay on the laptop, as do the notes on seating rules: they are no
part of the card. The rules written
are those in force at the meeting (standing, or for it alone) among people in the file, so whoever
seats the meeting on the other laptop keeps the same people apart or together. A seat whose member
was forgotten is not written, nor is the seat change of someone not in the file (an event about them
keeps its place, naming nobody).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from sessions.models import (
    Meeting,
    Member,
    OwnCard,
    RuleKind,
    SeatingRule,
    SeatingSettings,
    SharedCard,
    SharedField,
    Sharing,
    Tag,
)
from sessions.store import SeatChangeEvent, SeatChangeKind, Store

from .scope import ExportScope, attendee_ids
from .summary import CONTACT_FIELDS, FieldCounts, fields_present

FORMAT = "tablesession-meeting"
VERSION = 4


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GroupRecord(_Record):
    name: str


class MeetingRecord(_Record):
    date: dt.date
    title: str = ""
    venue: str = ""
    table_min: int
    table_max: int
    turn_seconds: int
    warning_seconds: int
    changeover_seconds: int


class MemberRecord(_Record):
    """A card, whole or as its member shares it. Values are checked again by the Member model on import."""

    ref: int = Field(ge=1)
    first_name: str
    last_name: str = ""
    headline: str = ""
    employers: list[str] = Field(default_factory=list)
    target_roles: list[str] = Field(default_factory=list)
    target_companies: list[str] = Field(default_factory=list)
    subgroups: list[str] = Field(default_factory=list)
    email: str | None = None
    phone: str | None = None
    linkedin: str | None = None
    website: str | None = None
    tags: list[Tag] = Field(default_factory=list)
    sharing: Sharing = Field(default_factory=Sharing)
    own_card: OwnCard = Field(default_factory=OwnCard)  # business cards asked for, and what they show
    updated_at: dt.datetime | None = None


class AttendanceRecord(_Record):
    member: int
    registered: bool = True
    source: str = ""
    registered_at: dt.datetime | None = None
    checked_in_at: dt.datetime | None = None
    walk_in: bool = False
    no_show: bool = False
    left_at: dt.datetime | None = None


class SeatRecord(_Record):
    number: int = Field(ge=1)
    member: int


class TableRecord(_Record):
    label: str
    capacity: int | None = None
    seats: list[SeatRecord] = Field(default_factory=list)


class RoundRecord(_Record):
    number: int = Field(ge=1)
    locked: bool = False
    tables: list[TableRecord] = Field(default_factory=list)


class SeatingRecord(_Record):
    seed: int | None = None
    created_at: dt.datetime | None = None
    rounds: list[RoundRecord] = Field(default_factory=list)


class RuleRecord(_Record):
    """A seating rule among people in the file: standing (every meeting), or for this meeting only."""

    kind: RuleKind
    members: list[int] = Field(min_length=2)
    standing: bool = True


class ClockRecord(_Record):
    round: int = Field(ge=1)
    command: str = Field(min_length=1)
    argument: float | None = None
    wall_time: dt.datetime


class MovedRecord(_Record):
    round: int = Field(ge=1)
    member: int
    from_table: str | None = None  # None: newly seated
    to_table: str | None = None  # None: taken out


class SeatChangeRecord(_Record):
    """Someone left or arrived late, and whose seat changed for it (see sessions.store.seat_changes)."""

    kind: SeatChangeKind
    member: int | None = None  # None: someone forgotten, or not in the file
    happened_at: dt.datetime
    changes: list[MovedRecord] = Field(default_factory=list)


class MeetingDocument(_Record):
    format: str
    version: int
    # Files before version 3 carried shared cards only.
    shared_only: bool = True
    exported_at: dt.datetime | None = None
    group: GroupRecord | None = None
    meeting: MeetingRecord
    members: list[MemberRecord] = Field(default_factory=list)
    attendance: list[AttendanceRecord] = Field(default_factory=list)
    seating: SeatingRecord | None = None
    seating_settings: SeatingSettings | None = None
    seating_rules: list[RuleRecord] = Field(default_factory=list)
    rounds_run: list[int] = Field(default_factory=list)
    clock_log: list[ClockRecord] = Field(default_factory=list)
    seat_changes: list[SeatChangeRecord] = Field(default_factory=list)


def seat_change_records(events: list[SeatChangeEvent], refs: dict[int, int]) -> list[SeatChangeRecord]:
    return [
        SeatChangeRecord(
            kind=event.kind,
            member=refs.get(event.member_id) if event.member_id is not None else None,
            happened_at=event.happened_at,
            changes=[
                MovedRecord(round=c.round, member=refs[c.member_id], from_table=c.from_table, to_table=c.to_table)
                for c in event.changes
                if c.member_id in refs
            ],
        )
        for event in events
    ]


_CARD_FIELDS = set(SharedCard.model_fields)


def whole_card(member: Member) -> SharedCard:
    """Every field of `member`'s card, shared or not: what the group holds, for its own other laptop.
    Taken from the member's values directly, so no sharing choice (however it is modelled) holds one back."""
    return SharedCard.model_validate(member.model_dump(include=_CARD_FIELDS))


def member_record(ref: int, member: Member, card: SharedCard) -> MemberRecord:
    """The record for `member`, built from `card`: their shared card, so withheld fields stay out, or
    their whole card.

    Records are put together from models already checked (the store's), so they are constructed
    without checking each value again: for 2,000 members that took longer than writing the file."""
    return MemberRecord.model_construct(
        ref=ref,
        first_name=card.first_name,
        last_name=card.last_name,
        headline=card.headline or "",
        employers=list(card.employers),
        target_roles=list(card.target_roles),
        target_companies=list(card.target_companies),
        subgroups=list(card.subgroups),
        email=card.email,
        phone=card.phone,
        linkedin=card.linkedin,
        website=card.website,
        tags=sorted(member.tags),
        sharing=member.sharing,
        own_card=member.own_card,
        updated_at=member.updated_at,
    )


def rule_record(rule: SeatingRule, refs: dict[int, int]) -> RuleRecord:
    return RuleRecord(kind=rule.kind, members=[refs[m] for m in rule.member_ids], standing=rule.standing)


@dataclass(frozen=True)
class MeetingExport:
    document: MeetingDocument
    cards: list[SharedCard]  # as written, for the export summary
    withheld: FieldCounts  # fields written that their members did not share, by field (none when shared only)


def _withheld(members: list[Member], whole: dict[int, SharedCard]) -> FieldCounts:
    """How many people have fields on their whole cards that they did not share, and which."""
    counts: Counter[SharedField] = Counter()
    people = reachable = 0
    for member in members:
        if member.id is None:
            continue
        hidden = {field for field in fields_present(whole[member.id]) if not member.sharing.allows(field)}
        people += bool(hidden)
        reachable += bool(hidden.intersection(CONTACT_FIELDS))
        counts.update(hidden)
    return FieldCounts(people=people, counts={f: counts[f] for f in SharedField}, with_contact_details=reachable)


def meeting_document(
    store: Store, scope: ExportScope, exported_at: dt.datetime, *, shared_only: bool = False
) -> MeetingExport:
    """The document for the scope's meeting: whole cards, or with `shared_only` shared cards only."""
    meeting: Meeting = scope.meeting
    meeting_id = scope.meeting_id
    plan = store.seating.load(meeting_id)
    records = store.attendance.for_meeting(meeting_id)
    wanted = {r.member_id for r in records} | attendee_ids(store, meeting_id, plan)
    members = sorted(store.members.get_many(wanted).values(), key=lambda m: m.sort_key)
    refs = {m.id: index for index, m in enumerate(members, start=1) if m.id is not None}
    card_of = Member.shared_card if shared_only else whole_card
    cards = {m.id: card_of(m) for m in members if m.id is not None}
    withheld = FieldCounts.of(()) if shared_only else _withheld(members, cards)

    seating = None
    if plan is not None:
        seating = SeatingRecord(
            seed=plan.seed,
            created_at=plan.created_at,
            rounds=[
                RoundRecord(
                    number=round_.number,
                    locked=round_.locked,
                    tables=[
                        TableRecord(
                            label=table.label,
                            capacity=table.capacity,
                            seats=[
                                SeatRecord.model_construct(number=seat.number, member=refs[seat.member_id])
                                for seat in sorted(table.seats, key=lambda s: s.number)
                                if seat.member_id in refs
                            ],
                        )
                        for table in round_.tables
                    ],
                )
                for round_ in plan.rounds
            ],
        )
    events = store.clock_log.events(meeting_id)
    rounds_run = {e.round_number for e in events}
    if plan is not None:
        rounds_run |= {r.number for r in plan.rounds if r.locked}
    document = MeetingDocument(
        format=FORMAT,
        version=VERSION,
        shared_only=shared_only,
        exported_at=exported_at,
        group=GroupRecord(name=store.group.name) if store.has_group() else None,
        meeting=MeetingRecord(**meeting.model_dump(exclude={"id"})),
        members=[member_record(refs[m.id], m, cards[m.id]) for m in members if m.id is not None],
        attendance=[
            AttendanceRecord.model_construct(
                member=refs[r.member_id],
                registered=r.registered,
                source=r.source,
                registered_at=r.registered_at,
                checked_in_at=r.checked_in_at,
                walk_in=r.walk_in,
                no_show=r.no_show,
                left_at=r.left_at,
            )
            for r in sorted(records, key=lambda r: refs.get(r.member_id, 0))
            if r.member_id in refs
        ],
        seating=seating,
        seating_settings=store.seating_settings.get(meeting_id),
        seating_rules=[
            rule_record(rule, refs)
            for rule in store.seating_rules.for_meeting(meeting_id)
            if all(m in refs for m in rule.member_ids)
        ],
        rounds_run=sorted(rounds_run),
        clock_log=[
            ClockRecord(round=e.round_number, command=e.command, argument=e.argument, wall_time=e.wall_time)
            for e in events
        ],
        seat_changes=seat_change_records(store.seat_changes.for_meeting(meeting_id), refs),
    )
    return MeetingExport(document=document, cards=list(cards.values()), withheld=withheld)


def document_bytes(document: MeetingDocument) -> bytes:
    # pydantic's serialiser: the standard library's indenting encoder is pure Python and 10x slower.
    return (document.model_dump_json(indent=2) + "\n").encode("utf-8")
