"""Who an export is about: the people at a meeting, or at one round's table."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from sessions.errors import TablesessionError
from sessions.models import Meeting, Member, SeatingPlan, SharedCard
from sessions.store import Store


@dataclass(frozen=True)
class Contact:
    """One person as exports see them: only the card they agreed to share, and where they sat."""

    member_id: int
    card: SharedCard
    seats: tuple[tuple[int, str], ...] = ()  # (round number, table label), in round order


@dataclass(frozen=True)
class ExportScope:
    """A meeting, optionally narrowed to one round, or to one table of one round."""

    meeting: Meeting
    round_number: int | None = None
    table_label: str | None = None

    @property
    def meeting_id(self) -> int:
        if self.meeting.id is None:
            raise TablesessionError("the meeting has not been saved")
        return self.meeting.id

    @functools.cached_property
    def meeting_label(self) -> str:
        """The meeting's label, formatted once: exports put it on every card and row."""
        return self.meeting.label

    @functools.cached_property
    def contact_label(self) -> str:
        """The group/label/category new contacts are filed under: sortable and names the meeting."""
        title = self.meeting.title or "Networking"
        return f"{title} {self.meeting.date.isoformat()}"

    @property
    def description(self) -> str:
        where = self.meeting_label
        if self.round_number is not None:
            where += f", round {self.round_number}"
        if self.table_label is not None:
            where += f", table {self.table_label}"
        return where


def attendee_ids(store: Store, meeting_id: int, plan: SeatingPlan | None) -> set[int]:
    """Everyone who came: checked in (early leavers too, not no-shows) or given a seat."""
    # Straight from the table: building an Attendance model per row costs more than the export itself.
    rows = store.db.query(
        "SELECT member_id FROM attendance WHERE meeting_id = ? AND checked_in_at IS NOT NULL AND no_show = 0",
        (meeting_id,),
    )
    came = {row[0] for row in rows}
    if plan is not None:  # seats read directly: the models' member_ids sort each table again
        came.update(seat.member_id for round_ in plan.rounds for table in round_.tables for seat in table.seats)
    return came


def _seated_ids(plan: SeatingPlan | None, scope: ExportScope) -> set[int]:
    if plan is None or not plan.rounds:
        raise TablesessionError(f"{scope.meeting.label} has no seating yet, so there is no round to export")
    numbers = [r.number for r in plan.rounds]
    if scope.round_number not in numbers:
        raise TablesessionError(
            f"{scope.meeting.label} has no round {scope.round_number} (it has rounds {numbers[0]}-{numbers[-1]})"
        )
    round_ = plan.round(scope.round_number)
    if scope.table_label is None:
        return round_.member_ids
    for table in round_.tables:
        if table.label.casefold() == scope.table_label.strip().casefold():
            return set(table.member_ids)
    labels = ", ".join(t.label for t in round_.tables)
    raise TablesessionError(f"round {scope.round_number} has no table {scope.table_label!r} (tables: {labels})")


def ids_in_scope(store: Store, scope: ExportScope, plan: SeatingPlan | None) -> set[int]:
    """The ids of the members an export covers. Raises when the scope is wrong or holds nobody."""
    if scope.table_label is not None and scope.round_number is None:
        raise TablesessionError("--table needs --round: table labels are per round")
    wanted = _seated_ids(plan, scope) if scope.round_number is not None else attendee_ids(store, scope.meeting_id, plan)
    if not wanted:
        raise TablesessionError(f"nobody has checked in to {scope.meeting.label} yet, so there is nobody to export")
    return wanted


def people_in_scope(store: Store, scope: ExportScope, plan: SeatingPlan | None = None) -> list[Member]:
    """The members an export covers, by name. Raises when the scope is wrong or holds nobody.

    `plan` is the meeting's seating when the caller has already loaded it."""
    if plan is None:
        plan = store.seating.load(scope.meeting_id)
    members = store.members.get_many(ids_in_scope(store, scope, plan))
    return sorted(members.values(), key=lambda m: m.sort_key)


def seats_by_member(plan: SeatingPlan | None) -> dict[int, list[tuple[int, str]]]:
    """member id -> [(round number, table label)], in round order."""
    seats: dict[int, list[tuple[int, str]]] = {}
    if plan is None:
        return seats
    for round_ in plan.rounds:
        for table in round_.tables:
            place = (round_.number, table.label)
            for seat in table.seats:
                seats.setdefault(seat.member_id, []).append(place)
    return seats


def as_contacts(members: Iterable[Member], plan: SeatingPlan | None, cards: dict[int, SharedCard]) -> list[Contact]:
    """`members` as contacts, by name, with the shared cards in `cards` (made here for anyone missing)."""
    seats = seats_by_member(plan)
    contacts = []
    for member in sorted(members, key=lambda m: m.sort_key):
        if member.id is None:
            continue
        card = cards.get(member.id)
        if card is None:
            card = cards[member.id] = member.shared_card()
        contacts.append(Contact(member_id=member.id, card=card, seats=tuple(seats.get(member.id, ()))))
    return contacts


def _meeting_places(store: Store, meeting_id: int) -> dict[int, list[tuple[int, str]]]:
    """member id -> [(round number, table label)], in round order, straight from the seating tables.

    For a whole-meeting export that is all the seating it needs; building the plan's models (with
    their checks) for 2,000 people took most of a contact export's time."""
    rows = store.db.query(
        "SELECT r.number, t.label, s.member_id FROM rounds r JOIN seating_tables t ON t.round_id = r.id "
        "JOIN seats s ON s.table_id = t.id WHERE r.meeting_id = ? AND s.member_id IS NOT NULL "
        "ORDER BY r.number, t.position",
        (meeting_id,),
    )
    places: dict[int, list[tuple[int, str]]] = {}
    for number, label, member_id in rows:
        places.setdefault(member_id, []).append((number, label))
    return places


def contacts_in_scope(store: Store, scope: ExportScope) -> list[Contact]:
    """The people an export covers as shared cards, by name."""
    if scope.round_number is None and scope.table_label is None:
        places = _meeting_places(store, scope.meeting_id)
        wanted = attendee_ids(store, scope.meeting_id, None) | places.keys()
        if not wanted:
            raise TablesessionError(f"nobody has checked in to {scope.meeting.label} yet, so there is nobody to export")
        members = sorted(store.members.get_many(wanted).values(), key=lambda m: m.sort_key)
        return [
            Contact(member_id=m.id, card=m.shared_card(), seats=tuple(places.get(m.id, ())))
            for m in members
            if m.id is not None
        ]
    plan = store.seating.load(scope.meeting_id)
    return as_contacts(people_in_scope(store, scope, plan), plan, {})
