"""The check-in desk: checking people in (never twice), undoing a mistake, walk-ins, no-shows and leavers.

Used alike by the check-in screen and the `checkin` command.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sessions.errors import TablesessionError
from sessions.models import Attendance, Meeting, Member, SeatingPlan
from sessions.roster.cleaning import email as clean_email
from sessions.roster.names import split_full_name
from sessions.store import Store


class Status(StrEnum):
    NOT_REGISTERED = "not registered"
    REGISTERED = "registered"
    CHECKED_IN = "checked in"
    WALK_IN = "walk-in"
    LATE = "late"  # arrived after the seating plan was made
    NO_SHOW = "no-show"
    LEFT = "left"


@dataclass(frozen=True)
class CheckInResult:
    member: Member
    attendance: Attendance
    already: bool  # they were checked in before; nothing changed
    late: bool  # they arrived after seating was planned: the seating area must fit them in


@dataclass(frozen=True)
class Counts:
    registered: int
    checked_in: int  # here now or earlier (left included)
    walk_ins: int
    late: int
    no_shows: int
    left: int

    @property
    def main(self) -> str:
        return f"{self.checked_in} checked in / {self.registered} registered"

    @property
    def details(self) -> str:
        """The exceptions worth a glance: walk-ins, late arrivals, no-shows, leavers ('' when none)."""
        parts = [
            f"{count} {label}"
            for count, label in (
                (self.walk_ins, "walk-in"),
                (self.late, "late"),
                (self.no_shows, "no-show"),
                (self.left, "left"),
            )
            if count
        ]
        return " · ".join(parts)

    def line(self) -> str:
        return " · ".join(part for part in (self.main, self.details) if part)


def meeting_id_of(meeting: Meeting) -> int:
    if meeting.id is None:
        raise TablesessionError("the meeting has not been saved")
    return meeting.id


def seated_since(store: Store, meeting: Meeting) -> dt.datetime | None:
    """When the meeting's seating plan was made, or None while there is none."""
    plan: SeatingPlan | None = store.seating.load(meeting_id_of(meeting))
    return plan.created_at if plan is not None and plan.rounds else None


def is_late(attendance: Attendance, seated_at: dt.datetime | None) -> bool:
    return bool(seated_at and attendance.checked_in_at and attendance.checked_in_at > seated_at)


def status_of(attendance: Attendance | None, seated_at: dt.datetime | None = None) -> Status:
    if attendance is None or (not attendance.registered and not attendance.checked_in):
        return Status.NOT_REGISTERED
    if attendance.no_show:
        return Status.NO_SHOW
    if attendance.left_at is not None:
        return Status.LEFT
    if attendance.checked_in:
        if is_late(attendance, seated_at):
            return Status.LATE
        return Status.WALK_IN if attendance.walk_in else Status.CHECKED_IN
    return Status.REGISTERED


def counts(records: list[Attendance], seated_at: dt.datetime | None = None) -> Counts:
    return Counts(
        registered=sum(1 for a in records if a.registered),
        checked_in=sum(1 for a in records if a.checked_in),
        walk_ins=sum(1 for a in records if a.checked_in and a.walk_in),
        late=sum(1 for a in records if is_late(a, seated_at)),
        no_shows=sum(1 for a in records if a.no_show),
        left=sum(1 for a in records if a.left_at is not None),
    )


def check_in(store: Store, meeting: Meeting, member_id: int, now: dt.datetime) -> CheckInResult:
    """Check a member in. Someone already in is left as they were (`already`); a leaver coming back is back."""
    meeting_id = meeting_id_of(meeting)
    member = store.members.get(member_id)
    before = store.attendance.find(meeting_id, member_id)
    seated_at = seated_since(store, meeting)
    if before is not None and before.checked_in and before.left_at is None and not before.no_show:
        return CheckInResult(member, before, already=True, late=is_late(before, seated_at))
    with store.transaction():
        # Not registered: they came anyway, so they are a walk-in.
        walk_in = before is None or not before.registered
        attendance = store.attendance.check_in(meeting_id, member_id, now, walk_in=walk_in)
        if attendance.left_at is not None:
            attendance = store.attendance.set_left(meeting_id, member_id, None)
    return CheckInResult(member, attendance, already=False, late=is_late(attendance, seated_at))


def undo_check_in(store: Store, meeting: Meeting, member_id: int) -> Attendance:
    meeting_id = meeting_id_of(meeting)
    before = store.attendance.find(meeting_id, member_id)
    if before is None or not before.checked_in:
        name = store.members.get(member_id).full_name
        raise TablesessionError(f"{name} is not checked in, so there is nothing to undo")
    return store.attendance.undo_check_in(meeting_id, member_id)


def walk_in_member(typed: str) -> Member:
    """A new member from what was typed in the search box: a name, or an email address."""
    text = " ".join(typed.split())
    if not text:
        raise TablesessionError("type the walk-in's name first")
    if "@" in text and " " not in text:
        address = clean_email(text)
        if address.value is None:
            raise TablesessionError(f"{text!r} is neither a name nor a valid email address")
        local = address.value.split("@", 1)[0]
        guessed = split_full_name(" ".join(part.capitalize() for part in local.replace("_", ".").split(".") if part))
        return Member(first_name=guessed.first_name or local, last_name=guessed.last_name, email=address.value)
    name = split_full_name(text)
    return Member(first_name=name.first_name, last_name=name.last_name)


def add_walk_in(store: Store, meeting: Meeting, member: Member, now: dt.datetime) -> CheckInResult:
    """Save a new member and check them in as a walk-in, together."""
    meeting_id = meeting_id_of(meeting)
    with store.transaction():
        saved = store.members.add(member)
        assert saved.id is not None
        attendance = store.attendance.check_in(meeting_id, saved.id, now, walk_in=True)
    return CheckInResult(saved, attendance, already=False, late=is_late(attendance, seated_since(store, meeting)))


def toggle_no_show(store: Store, meeting: Meeting, member_id: int) -> Attendance:
    """Mark a registered member who did not come as a no-show, or take the mark back."""
    meeting_id = meeting_id_of(meeting)
    attendance = store.attendance.find(meeting_id, member_id)
    if attendance is None:
        raise TablesessionError("only someone registered for the meeting can be a no-show")
    if attendance.checked_in and not attendance.no_show:
        raise TablesessionError(f"{store.members.get(member_id).full_name} is checked in; undo the check-in first")
    return store.attendance.set_no_show(meeting_id, member_id, not attendance.no_show)


def toggle_left(store: Store, meeting: Meeting, member_id: int, now: dt.datetime) -> Attendance:
    """Mark someone who has gone home early (seating leaves them out of later rounds), or bring them back."""
    meeting_id = meeting_id_of(meeting)
    attendance = store.attendance.find(meeting_id, member_id)
    if attendance is None or not attendance.checked_in:
        raise TablesessionError("only someone checked in can leave")
    return store.attendance.set_left(meeting_id, member_id, None if attendance.left_at else now)


def mark_remaining_no_shows(store: Store, meeting: Meeting) -> int:
    """Everyone registered who has not arrived becomes a no-show; returns how many."""
    meeting_id = meeting_id_of(meeting)
    waiting = [
        a for a in store.attendance.for_meeting(meeting_id) if a.registered and not a.checked_in and not a.no_show
    ]
    with store.transaction():
        for attendance in waiting:
            store.attendance.set_no_show(meeting_id, attendance.member_id, True)
    return len(waiting)
