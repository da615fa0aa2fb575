"""Seat changes made during a meeting: each time someone leaves or arrives late and the saved plan changes,
what happened, when, and whose seat changed in which round, so the list can be printed and handed out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from .codec import from_timestamp, to_timestamp
from .database import Database


class SeatChangeKind(StrEnum):
    LEFT = "left"
    ARRIVED_LATE = "arrived_late"

    @property
    def verb(self) -> str:
        return "left" if self is SeatChangeKind.LEFT else "arrived late"


class SeatChange(BaseModel):
    """One person's seat in one round: `from_table` None for someone newly seated, `to_table` None for
    someone taken out."""

    model_config = ConfigDict(frozen=True)

    round: int
    member_id: int
    from_table: str | None
    to_table: str | None

    @property
    def moved(self) -> bool:
        """A seat changed from one table to another (not the arriving or leaving person's own)."""
        return self.from_table is not None and self.to_table is not None


class SeatChangeEvent(BaseModel):
    model_config = ConfigDict(frozen=True)

    id: int | None = None
    meeting_id: int
    kind: SeatChangeKind
    member_id: int | None  # None: the person was forgotten since
    happened_at: dt.datetime
    changes: tuple[SeatChange, ...] = ()


class SeatChanges:
    def __init__(self, db: Database) -> None:
        self._db = db

    def record(
        self,
        meeting_id: int,
        kind: SeatChangeKind,
        member_id: int | None,
        happened_at: dt.datetime,
        changes: Iterable[SeatChange],
    ) -> SeatChangeEvent:
        """Save one event and its seat changes together (joining the caller's transaction, if any)."""
        changes = tuple(changes)
        with self._db.transaction() as connection:
            event_id = connection.execute(
                "INSERT INTO seat_change_events (meeting_id, kind, member_id, happened_at) VALUES (?, ?, ?, ?)",
                (meeting_id, kind.value, member_id, to_timestamp(happened_at)),
            ).lastrowid
            connection.executemany(
                "INSERT INTO seat_changes (event_id, round_number, member_id, from_table, to_table) "
                "VALUES (?, ?, ?, ?, ?)",
                [(event_id, c.round, c.member_id, c.from_table, c.to_table) for c in changes],
            )
        return SeatChangeEvent(
            id=event_id, meeting_id=meeting_id, kind=kind, member_id=member_id, happened_at=happened_at, changes=changes
        )

    def for_meeting(self, meeting_id: int) -> list[SeatChangeEvent]:
        """The meeting's events in the order they happened, each with its changes by round and member."""
        events = self._db.query(
            "SELECT * FROM seat_change_events WHERE meeting_id = ? ORDER BY happened_at, id", (meeting_id,)
        )
        rows = self._db.query(
            "SELECT c.* FROM seat_changes c JOIN seat_change_events e ON e.id = c.event_id "
            "WHERE e.meeting_id = ? ORDER BY c.event_id, c.round_number, c.member_id",
            (meeting_id,),
        )
        changes: dict[int, list[SeatChange]] = {}
        for row in rows:
            changes.setdefault(row["event_id"], []).append(
                SeatChange(
                    round=row["round_number"],
                    member_id=row["member_id"],
                    from_table=row["from_table"],
                    to_table=row["to_table"],
                )
            )
        return [
            SeatChangeEvent(
                id=row["id"],
                meeting_id=row["meeting_id"],
                kind=SeatChangeKind(row["kind"]),
                member_id=row["member_id"],
                happened_at=from_timestamp(row["happened_at"]) or dt.datetime.min,
                changes=tuple(changes.get(row["id"], ())),
            )
            for row in events
        ]
