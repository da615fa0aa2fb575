"""What the pages do, on top of the check-in desk's own functions: the same check-in, undo and walk-in as the
app, so two desks and the app together never check anyone in twice (each write runs to the end on the one
event loop before the next starts, and `check_in` leaves someone already in as they were)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from sessions.checkin import CheckinIndex, CheckInResult, add_walk_in, check_in, undo_check_in, walk_in_member
from sessions.checkin.desk import Status, seated_since, status_of
from sessions.errors import TablesessionError
from sessions.models import Meeting, Member, SharedField
from sessions.roster.card_fields import CARD_FIELDS, CardField, edited_card
from sessions.roster.folding import fold
from sessions.store import Store
from sessions.timekeeping import Clock

# The card fields an attendee fills in themselves (sub-groups and notes are the facilitator's).
ATTENDEE_FIELDS: tuple[CardField, ...] = tuple(f for f in CARD_FIELDS if f.key not in ("subgroups", "notes"))
DESK_RESULTS = 12


class Change(StrEnum):
    """What a page changed, for the app to refresh (its Topic values)."""

    MEMBERS = "members"
    ATTENDANCE = "attendance"


@dataclass(frozen=True)
class DeskRow:
    member_id: int
    name: str
    company: str
    status: Status


def masked_name(member: Member) -> str:
    """'Kwame B.': enough to recognise yourself, little to learn about anyone else."""
    initial = member.last_name[:1]
    return f"{member.first_name} {initial}." if initial else member.first_name


def masked_email(address: str | None) -> str:
    """'k***@e***.com'."""
    if not address or "@" not in address:
        return ""
    local, _, domain = address.partition("@")
    ending = domain.rsplit(".", 1)[1] if "." in domain else ""
    return f"{local[:1]}***@{domain[:1]}***" + (f".{ending}" if ending else "")


def desk_view(member: Member) -> Member:
    """The member as the desk may find and see them: employers only when the person shares them (a volunteer at
    the desk is another attendee). Email still finds people, as they say it at the door, but is never shown."""
    if member.sharing.allows(SharedField.EMPLOYERS):
        return member
    return member.model_copy(update={"employers": []})


class SelfService:
    """The meeting's self check-in, over the store the caller owns. `on_change` tells the app what to refresh."""

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        clock: Clock,
        on_change: Callable[[Change], None] | None = None,
        on_arrival: Callable[[Member, bool], None] | None = None,
    ) -> None:
        """`on_arrival(member, new_card)` hears of each self check-in, for the app to show it as such."""
        if meeting.id is None:
            raise TablesessionError("the meeting has not been saved")
        self.store = store
        self.meeting = meeting
        self.clock = clock
        self._on_change = on_change
        self._on_arrival = on_arrival
        self._index = CheckinIndex()
        self._members: dict[int, Member] = {}
        self.self_checked_in: set[int] = set()  # checked in from an attendee page, for the app to mark
        self.reload()

    @property
    def region(self) -> str:
        return self.store.group.default_region

    def reload(self) -> None:
        """Re-read the members (the app calls this when cards changed elsewhere)."""
        members = self.store.members.all()
        self._members = {m.id: m for m in members if m.id is not None}
        self._index = CheckinIndex(desk_view(m) for m in members)

    def _changed(self, *changes: Change) -> None:
        if self._on_change is not None:
            for change in changes:
                self._on_change(change)

    def member(self, member_id: int) -> Member:
        return self._members.get(member_id) or self.store.members.get(member_id)

    # -- attendee ----------------------------------------------------------------------------

    def find_exactly(self, typed: str) -> Member | None:
        """The one member whose whole email, or whole name, is `typed`; None when none or several are."""
        text = " ".join(typed.split())
        if not text:
            return None
        hits = self._index.search(text, limit=50)
        if "@" in text:
            wanted = text.casefold()
            found = [m for m in (self._members[h.member_id] for h in hits) if (m.email or "").casefold() == wanted]
        else:
            wanted = fold(text)
            found = [self._members[h.member_id] for h in hits if fold(self._members[h.member_id].full_name) == wanted]
        return found[0] if len(found) == 1 else None

    def check_in(self, member_id: int, *, by_self: bool) -> CheckInResult:
        result = check_in(self.store, self.meeting, member_id, self.clock.now())
        if by_self and not result.already:
            self.self_checked_in.add(member_id)
        self._changed(Change.ATTENDANCE)
        if by_self and not result.already and self._on_arrival is not None:
            self._on_arrival(result.member, False)
        return result

    def new_card(self, typed: Mapping[CardField, str], shared: Mapping[SharedField, bool]) -> CheckInResult:
        """A new attendee's own card, every sharing choice theirs; raises CardError naming each bad field."""
        member = edited_card(None, typed, shared, region=self.region, chosen=shared.keys())
        result = add_walk_in(self.store, self.meeting, member, self.clock.now())
        self._remember(result.member)
        if result.member.id is not None:
            self.self_checked_in.add(result.member.id)
        self._changed(Change.MEMBERS, Change.ATTENDANCE)
        if self._on_arrival is not None:
            self._on_arrival(result.member, True)
        return result

    def table_label(self, member_id: int) -> str | None:
        """Where they sit in the first round they are seated in, once seating exists."""
        plan = self.store.seating.load(self.meeting.id or 0)
        if plan is None:
            return None
        for round_ in plan.rounds:
            table = round_.table_of(member_id)
            if table is not None:
                return table.label
        return None

    # -- desk --------------------------------------------------------------------------------

    def search(self, typed: str) -> list[DeskRow]:
        hits = self._index.search(typed, limit=DESK_RESULTS)
        assert self.meeting.id is not None
        attendance = {a.member_id: a for a in self.store.attendance.for_meeting(self.meeting.id)}
        seated_at = seated_since(self.store, self.meeting)
        rows = []
        for hit in hits:
            member = self._members[hit.member_id]
            status = status_of(attendance.get(hit.member_id), seated_at)
            rows.append(DeskRow(hit.member_id, member.full_name, desk_view(member).current_employer or "", status))
        return rows

    def undo(self, member_id: int) -> Member:
        undo_check_in(self.store, self.meeting, member_id)
        self.self_checked_in.discard(member_id)
        self._changed(Change.ATTENDANCE)
        return self.member(member_id)

    def walk_in(self, typed: str) -> CheckInResult:
        result = add_walk_in(self.store, self.meeting, walk_in_member(typed), self.clock.now())
        self._remember(result.member)
        self._changed(Change.MEMBERS, Change.ATTENDANCE)
        return result

    def _remember(self, member: Member) -> None:
        if member.id is not None:
            self._members[member.id] = member
            self._index.upsert(desk_view(member))
