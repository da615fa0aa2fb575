"""Seating plans saved with their meeting, and the pair history earlier meetings leave behind."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sessions.models import Meeting, Round, Seat, SeatingPlan, Table

from .codec import from_timestamp, to_timestamp, utc_now
from .database import Database

PairKey = tuple[int, int]


class SeatingPlans:
    def __init__(self, db: Database) -> None:
        self._db = db

    def save(self, plan: SeatingPlan) -> SeatingPlan:
        """Replace the meeting's plan with `plan`, atomically."""
        created = plan.created_at or utc_now()
        with self._db.transaction() as connection:
            # The room was seated when its first plan was made: a plan made again later (g again, a
            # late arrival fitted in) must not move that moment, or everyone who came late stops being late.
            before = connection.execute(
                "SELECT created_at FROM seating_plans WHERE meeting_id = ? "
                "AND EXISTS (SELECT 1 FROM rounds WHERE rounds.meeting_id = seating_plans.meeting_id)",
                (plan.meeting_id,),
            ).fetchone()
            first = from_timestamp(before[0]) if before is not None and plan.rounds else None
            if first is not None:
                created = min(created, first)
            connection.execute("DELETE FROM seating_plans WHERE meeting_id = ?", (plan.meeting_id,))
            connection.execute(
                "INSERT INTO seating_plans (meeting_id, seed, created_at) VALUES (?, ?, ?)",
                (plan.meeting_id, plan.seed, to_timestamp(created)),
            )
            for round_ in plan.rounds:
                round_id = connection.execute(
                    "INSERT INTO rounds (meeting_id, number, locked) VALUES (?, ?, ?)",
                    (plan.meeting_id, round_.number, int(round_.locked)),
                ).lastrowid
                for position, table in enumerate(round_.tables):
                    table_id = connection.execute(
                        "INSERT INTO seating_tables (round_id, position, label, capacity) VALUES (?, ?, ?, ?)",
                        (round_id, position, table.label, table.capacity),
                    ).lastrowid
                    connection.executemany(
                        "INSERT INTO seats (table_id, member_id, number) VALUES (?, ?, ?)",
                        [(table_id, seat.member_id, seat.number) for seat in table.seats],
                    )
        return plan.model_copy(update={"created_at": created})

    def load(self, meeting_id: int) -> SeatingPlan | None:
        header = self._db.query("SELECT seed, created_at FROM seating_plans WHERE meeting_id = ?", (meeting_id,))
        if not header:
            return None
        rows = self._db.query(
            "SELECT r.number, r.locked, t.id AS table_id, t.label, t.capacity, s.member_id, s.number AS seat "
            "FROM rounds r JOIN seating_tables t ON t.round_id = r.id LEFT JOIN seats s ON s.table_id = t.id "
            "WHERE r.meeting_id = ? ORDER BY r.number, t.position, s.number",
            (meeting_id,),
        )
        rounds: dict[int, dict[int, tuple[str, int | None, list[Seat]]]] = defaultdict(dict)
        locked: dict[int, bool] = {}
        for row in rows:
            tables = rounds[row["number"]]
            locked[row["number"]] = bool(row["locked"])
            _label, _capacity, seats = tables.setdefault(row["table_id"], (row["label"], row["capacity"], []))
            # A forgotten member's seat stays empty in history; it is not shown as anyone.
            if row["member_id"] is not None:
                seats.append(Seat(member_id=row["member_id"], number=row["seat"]))
        plan_rounds = tuple(
            Round(
                number=number,
                locked=locked[number],
                tables=tuple(
                    Table(label=label, capacity=capacity, seats=tuple(seats))
                    for label, capacity, seats in tables.values()
                ),
            )
            for number, tables in sorted(rounds.items())
        )
        return SeatingPlan(
            meeting_id=meeting_id,
            rounds=plan_rounds,
            seed=header[0]["seed"],
            created_at=from_timestamp(header[0]["created_at"]),
        )

    def round_count(self, meeting_id: int) -> int:
        """Rounds in the meeting's saved plan (0 without one), without reading the plan."""
        return int(self._db.scalar("SELECT count(*) FROM rounds WHERE meeting_id = ?", (meeting_id,)))

    def delete(self, meeting_id: int) -> None:
        self._db.execute("DELETE FROM seating_plans WHERE meeting_id = ?", (meeting_id,))

    def set_locked(self, meeting_id: int, round_number: int, locked: bool) -> None:
        self._db.execute(
            "UPDATE rounds SET locked = ? WHERE meeting_id = ? AND number = ?",
            (int(locked), meeting_id, round_number),
        )

    def pair_history(self, before: Meeting) -> dict[PairKey, list[dt.date]]:
        """For each pair who shared a table in a meeting before `before`: the dates they did."""
        rows = self._db.query(
            "SELECT m.date, a.member_id AS a, b.member_id AS b "
            "FROM seats a JOIN seats b ON a.table_id = b.table_id AND a.member_id < b.member_id "
            "JOIN seating_tables t ON t.id = a.table_id JOIN rounds r ON r.id = t.round_id "
            "JOIN meetings m ON m.id = r.meeting_id "
            "WHERE m.date < ? OR (m.date = ? AND m.id < ?) ORDER BY m.date",
            (before.date.isoformat(), before.date.isoformat(), before.id or 0),
        )
        history: dict[PairKey, list[dt.date]] = defaultdict(list)
        for row in rows:
            history[(row["a"], row["b"])].append(dt.date.fromisoformat(row["date"]))
        return dict(history)
