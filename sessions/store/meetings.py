"""Meetings, and which one a command means when the user does not say."""

from __future__ import annotations

import datetime as dt
import sqlite3

from sessions.errors import ConflictError, NotFoundError, TablesessionError
from sessions.models import Meeting

from .codec import to_timestamp, utc_now
from .database import Database

_FIELDS = (
    "date",
    "title",
    "venue",
    "table_min",
    "table_max",
    "turn_seconds",
    "warning_seconds",
    "changeover_seconds",
)


def _meeting_from_row(row: sqlite3.Row) -> Meeting:
    return Meeting(
        id=row["id"],
        date=dt.date.fromisoformat(row["date"]),
        title=row["title"],
        venue=row["venue"],
        table_min=row["table_min"],
        table_max=row["table_max"],
        turn_seconds=row["turn_seconds"],
        warning_seconds=row["warning_seconds"],
        changeover_seconds=row["changeover_seconds"],
    )


class Meetings:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, meeting: Meeting) -> Meeting:
        values = meeting.model_dump(include=set(_FIELDS))
        values["date"] = meeting.date.isoformat()
        cursor = self._db.execute(
            f"INSERT INTO meetings ({', '.join(_FIELDS)}, created_at) "
            f"VALUES ({', '.join(':' + f for f in _FIELDS)}, :created_at)",
            {**values, "created_at": to_timestamp(utc_now())},
        )
        return meeting.model_copy(update={"id": cursor.lastrowid})

    def update(self, meeting: Meeting) -> Meeting:
        values = meeting.model_dump(include=set(_FIELDS))
        values["date"] = meeting.date.isoformat()
        assignments = ", ".join(f"{name} = :{name}" for name in _FIELDS)
        cursor = self._db.execute(f"UPDATE meetings SET {assignments} WHERE id = :id", {**values, "id": meeting.id})
        if cursor.rowcount == 0:
            raise NotFoundError(f"no meeting with id {meeting.id}")
        return meeting

    def get(self, meeting_id: int) -> Meeting:
        rows = self._db.query("SELECT * FROM meetings WHERE id = ?", (meeting_id,))
        if not rows:
            raise NotFoundError(f"no meeting with id {meeting_id}")
        return _meeting_from_row(rows[0])

    def all(self) -> list[Meeting]:
        """Oldest first."""
        return [_meeting_from_row(r) for r in self._db.query("SELECT * FROM meetings ORDER BY date, id")]

    def on(self, day: dt.date) -> list[Meeting]:
        rows = self._db.query("SELECT * FROM meetings WHERE date = ? ORDER BY id", (day.isoformat(),))
        return [_meeting_from_row(r) for r in rows]

    def check_date_free(self, meeting: Meeting) -> None:
        """Raise ConflictError when another meeting is on `meeting`'s date: the facilitator's commands and
        forms keep one meeting a day, so 'the meeting of 2026-11-24' always means one."""
        others = [m for m in self.on(meeting.date) if m.id != meeting.id]
        if others:
            raise ConflictError(
                f"there is already a meeting on {meeting.date.isoformat()} (id {others[0].id}): {others[0].label}"
            )

    def current(self, today: dt.date) -> Meeting | None:
        """Today's meeting, else the latest one (a facilitator preparing next week sees next week)."""
        todays = self.on(today)
        if todays:
            return todays[-1]
        rows = self._db.query("SELECT * FROM meetings ORDER BY date DESC, id DESC LIMIT 1")
        return _meeting_from_row(rows[0]) if rows else None

    def before(self, meeting: Meeting) -> list[Meeting]:
        """Meetings held earlier than `meeting`, oldest first: the seating history."""
        rows = self._db.query(
            "SELECT * FROM meetings WHERE date < ? OR (date = ? AND id < ?) ORDER BY date, id",
            (meeting.date.isoformat(), meeting.date.isoformat(), meeting.id or 0),
        )
        return [_meeting_from_row(r) for r in rows]

    def resolve(self, reference: str | None, today: dt.date) -> Meeting:
        """The meeting named by `--meeting ID|YYYY-MM-DD`, or the current one when None."""
        if reference is None:
            meeting = self.current(today)
            if meeting is None:
                raise NotFoundError("there are no meetings yet; create one with 'tablesession meeting new'")
            return meeting
        text = reference.strip()
        if text.isdigit():
            return self.get(int(text))
        try:
            day = dt.date.fromisoformat(text)
        except ValueError:
            raise TablesessionError(
                f"--meeting {reference!r}: expected a meeting id or a date like 2026-11-24"
            ) from None
        found = self.on(day)
        if not found:
            raise NotFoundError(f"no meeting on {day.isoformat()}")
        return found[-1]
