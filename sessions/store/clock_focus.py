"""Which meeting the controlling app has on its clock: one row, read by the projector view."""

from __future__ import annotations

from .codec import to_timestamp, utc_now
from .database import Database


class ClockFocus:
    def __init__(self, db: Database) -> None:
        self._db = db

    def meeting_id(self) -> int | None:
        """The meeting the app runs, or None before any app recorded one (or once it was deleted)."""
        value = self._db.scalar("SELECT meeting_id FROM clock_focus WHERE id = 1")
        return None if value is None else int(value)

    def set(self, meeting_id: int | None) -> None:
        """Record the app's meeting; writes only when it changed, so opening the app stays read-only."""
        if self.meeting_id() == meeting_id:
            return
        self._db.execute(
            "INSERT INTO clock_focus (id, meeting_id, since) VALUES (1, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET meeting_id = excluded.meeting_id, since = excluded.since",
            (meeting_id, to_timestamp(utc_now())),
        )
