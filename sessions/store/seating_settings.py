"""Each meeting's seating settings (rounds, table sizes, sub-group mode, employers apart, search time)."""

from __future__ import annotations

import sqlite3

from sessions.models import Meeting, PhysicalTable, SeatingSettings, SubgroupMode

from .codec import from_json, to_json, to_timestamp, utc_now
from .database import Database


def _settings_from_row(row: sqlite3.Row) -> SeatingSettings:
    return SeatingSettings(
        rounds=row["rounds"],
        min_size=row["min_size"],
        max_size=row["max_size"],
        tables=row["tables"],
        mode=SubgroupMode(row["mode"]),
        apart_same_employer=bool(row["apart_same_employer"]),
        time_limit=row["time_limit"],
        room=tuple(PhysicalTable(**table) for table in from_json(row["room"], [])),
    )


class SeatingSettingsBook:
    def __init__(self, db: Database) -> None:
        self._db = db

    def get(self, meeting_id: int) -> SeatingSettings | None:
        """The settings saved for the meeting, or None while none were."""
        rows = self._db.query("SELECT * FROM seating_settings WHERE meeting_id = ?", (meeting_id,))
        return _settings_from_row(rows[0]) if rows else None

    def save(self, meeting_id: int, settings: SeatingSettings) -> SeatingSettings:
        self._db.execute(
            "INSERT INTO seating_settings (meeting_id, rounds, min_size, max_size, tables, mode, "
            "apart_same_employer, time_limit, room, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (meeting_id) DO UPDATE SET rounds = excluded.rounds, min_size = excluded.min_size, "
            "max_size = excluded.max_size, tables = excluded.tables, mode = excluded.mode, "
            "apart_same_employer = excluded.apart_same_employer, time_limit = excluded.time_limit, "
            "room = excluded.room, updated_at = excluded.updated_at",
            (
                meeting_id,
                settings.rounds,
                settings.min_size,
                settings.max_size,
                settings.tables,
                settings.mode.value,
                int(settings.apart_same_employer),
                settings.time_limit,
                to_json([table.model_dump() for table in settings.room]),
                to_timestamp(utc_now()),
            ),
        )
        return settings

    def latest_before(self, meeting: Meeting) -> SeatingSettings | None:
        """The settings of the most recent earlier meeting that has some."""
        rows = self._db.query(
            "SELECT s.* FROM seating_settings s JOIN meetings m ON m.id = s.meeting_id "
            "WHERE m.date < ? OR (m.date = ? AND m.id < ?) ORDER BY m.date DESC, m.id DESC LIMIT 1",
            (meeting.date.isoformat(), meeting.date.isoformat(), meeting.id or 0),
        )
        return _settings_from_row(rows[0]) if rows else None
