"""Registrations and check-ins for each meeting."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from sessions.errors import NotFoundError
from sessions.models import Attendance, Member

from .codec import from_timestamp, to_timestamp
from .database import Database
from .members import member_from_row


def _attendance_from_row(row: sqlite3.Row) -> Attendance:
    return Attendance(
        meeting_id=row["meeting_id"],
        member_id=row["member_id"],
        registered=bool(row["registered"]),
        source=row["source"],
        registered_at=from_timestamp(row["registered_at"]),
        checked_in_at=from_timestamp(row["checked_in_at"]),
        walk_in=bool(row["walk_in"]),
        no_show=bool(row["no_show"]),
        left_at=from_timestamp(row["left_at"]),
    )


class AttendanceBook:
    def __init__(self, db: Database) -> None:
        self._db = db

    def register(
        self, meeting_id: int, member_id: int, *, source: str = "", at: dt.datetime | None = None
    ) -> Attendance:
        """Register a member for a meeting; registering twice changes nothing."""
        self._db.execute(
            "INSERT INTO attendance (meeting_id, member_id, registered, source, registered_at) "
            "VALUES (?, ?, 1, ?, ?) ON CONFLICT (meeting_id, member_id) DO UPDATE SET registered = 1",
            (meeting_id, member_id, source, to_timestamp(at)),
        )
        return self.get(meeting_id, member_id)

    def get(self, meeting_id: int, member_id: int) -> Attendance:
        rows = self._db.query(
            "SELECT * FROM attendance WHERE meeting_id = ? AND member_id = ?", (meeting_id, member_id)
        )
        if not rows:
            raise NotFoundError(f"member {member_id} is not registered for meeting {meeting_id}")
        return _attendance_from_row(rows[0])

    def find(self, meeting_id: int, member_id: int) -> Attendance | None:
        try:
            return self.get(meeting_id, member_id)
        except NotFoundError:
            return None

    def for_meeting(self, meeting_id: int) -> list[Attendance]:
        rows = self._db.query("SELECT * FROM attendance WHERE meeting_id = ?", (meeting_id,))
        return [_attendance_from_row(r) for r in rows]

    def roster(self, meeting_id: int) -> list[tuple[Member, Attendance]]:
        """Everyone registered for or checked in to the meeting, with their card, by name."""
        rows = self._db.query(
            "SELECT m.*, a.meeting_id, a.member_id, a.registered, a.source, a.registered_at, "
            "a.checked_in_at, a.walk_in, a.no_show, a.left_at "
            "FROM attendance a JOIN members m ON m.id = a.member_id WHERE a.meeting_id = ?",
            (meeting_id,),
        )
        pairs = [(member_from_row(r), _attendance_from_row(r)) for r in rows]
        return sorted(pairs, key=lambda pair: pair[0].sort_key)

    def check_in(self, meeting_id: int, member_id: int, at: dt.datetime, *, walk_in: bool = False) -> Attendance:
        """Mark a member as arrived. Checking in twice keeps the first time."""
        self._db.execute(
            "INSERT INTO attendance (meeting_id, member_id, registered, source, checked_in_at, walk_in) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (meeting_id, member_id) DO UPDATE SET "
            "checked_in_at = coalesce(checked_in_at, excluded.checked_in_at), no_show = 0",
            (
                meeting_id,
                member_id,
                int(not walk_in),
                "walk-in" if walk_in else "",
                to_timestamp(at),
                int(walk_in),
            ),
        )
        return self.get(meeting_id, member_id)

    def undo_check_in(self, meeting_id: int, member_id: int) -> Attendance:
        self._db.execute(
            "UPDATE attendance SET checked_in_at = NULL WHERE meeting_id = ? AND member_id = ?",
            (meeting_id, member_id),
        )
        return self.get(meeting_id, member_id)

    def unregister(self, meeting_id: int, member_id: int) -> bool:
        """Take a member off the meeting's registrations (a refund or a cancellation); True when removed.

        Someone who has checked in came anyway, so their record stays: the check-in is what the room and the
        seating go by, and it must never vanish behind the facilitator's back. The member stays in the group.
        """
        cursor = self._db.execute(
            "DELETE FROM attendance WHERE meeting_id = ? AND member_id = ? AND checked_in_at IS NULL",
            (meeting_id, member_id),
        )
        return cursor.rowcount > 0

    def set_no_show(self, meeting_id: int, member_id: int, no_show: bool = True) -> Attendance:
        self._db.execute(
            "UPDATE attendance SET no_show = ? WHERE meeting_id = ? AND member_id = ?",
            (int(no_show), meeting_id, member_id),
        )
        return self.get(meeting_id, member_id)

    def set_left(self, meeting_id: int, member_id: int, at: dt.datetime | None) -> Attendance:
        self._db.execute(
            "UPDATE attendance SET left_at = ? WHERE meeting_id = ? AND member_id = ?",
            (to_timestamp(at), meeting_id, member_id),
        )
        return self.get(meeting_id, member_id)

    def attended_before(self, meeting_id: int, member_ids: Iterable[int]) -> set[int]:
        """Of `member_ids`, those checked in at a meeting held before this one (an earlier date, or
        an earlier meeting on the same date)."""
        wanted = list(member_ids)
        if not wanted:
            return set()
        rows = self._db.query(
            "SELECT DISTINCT a.member_id FROM attendance a JOIN meetings m ON m.id = a.meeting_id, "
            "meetings this WHERE this.id = ? AND a.checked_in_at IS NOT NULL "
            "AND (m.date < this.date OR (m.date = this.date AND m.id < this.id)) "
            f"AND a.member_id IN ({','.join('?' * len(wanted))})",
            (meeting_id, *wanted),
        )
        return {row[0] for row in rows}

    def any_before(self, meeting_id: int) -> bool:
        """Whether anyone was checked in at a meeting held before this one: the file knows a past."""
        return bool(
            self._db.scalar(
                "SELECT EXISTS (SELECT 1 FROM attendance a JOIN meetings m ON m.id = a.meeting_id, meetings this "
                "WHERE this.id = ? AND a.checked_in_at IS NOT NULL "
                "AND (m.date < this.date OR (m.date = this.date AND m.id < this.id)))",
                (meeting_id,),
            )
        )

    def present_ids(self, meeting_id: int) -> set[int]:
        """Members checked in and still in the room."""
        rows = self._db.query(
            "SELECT member_id FROM attendance WHERE meeting_id = ? AND checked_in_at IS NOT NULL "
            "AND left_at IS NULL AND no_show = 0",
            (meeting_id,),
        )
        return {row[0] for row in rows}
