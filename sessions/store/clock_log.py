"""The pitch clock's command log: every command with the wall-clock time it was given."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict

from .codec import from_timestamp, to_timestamp
from .database import Database


class ClockEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int | None = None
    meeting_id: int
    round_number: int
    command: str
    argument: float | None = None
    wall_time: dt.datetime


class ClockLog:
    def __init__(self, db: Database) -> None:
        self._db = db

    def append(self, event: ClockEvent) -> ClockEvent:
        cursor = self._db.execute(
            "INSERT INTO clock_events (meeting_id, round_number, command, argument, wall_time) VALUES (?, ?, ?, ?, ?)",
            (
                event.meeting_id,
                event.round_number,
                event.command,
                event.argument,
                to_timestamp(event.wall_time),
            ),
        )
        return event.model_copy(update={"id": cursor.lastrowid})

    def events(self, meeting_id: int, round_number: int | None = None) -> list[ClockEvent]:
        sql = "SELECT * FROM clock_events WHERE meeting_id = ?"
        parameters: list[object] = [meeting_id]
        if round_number is not None:
            sql += " AND round_number = ?"
            parameters.append(round_number)
        rows = self._db.query(sql + " ORDER BY id", parameters)
        return [
            ClockEvent(
                id=r["id"],
                meeting_id=r["meeting_id"],
                round_number=r["round_number"],
                command=r["command"],
                argument=r["argument"],
                wall_time=from_timestamp(r["wall_time"]) or dt.datetime.min,
            )
            for r in rows
        ]

    def last_id(self, meeting_id: int) -> int:
        """Changes when a command is logged: the projector view polls this."""
        return int(self._db.scalar("SELECT coalesce(max(id), 0) FROM clock_events WHERE meeting_id = ?", (meeting_id,)))
