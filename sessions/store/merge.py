"""Moving one member's attendance, seats and seating rules onto another, for merging two records of one person.

Runs inside the caller's transaction; the caller deletes the absorbed member afterwards.
"""

from __future__ import annotations

from .database import Database
from .seating_rules import SeatingRules


def _earliest(a: str | None, b: str | None) -> str | None:
    present = [value for value in (a, b) if value is not None]
    return min(present) if present else None


def _latest(a: str | None, b: str | None) -> str | None:
    present = [value for value in (a, b) if value is not None]
    return max(present) if present else None


def move_member_records(db: Database, from_id: int, to_id: int) -> None:
    """Give `to_id` everything `from_id` attended, every seat they had and the rules naming them."""
    with db.transaction() as connection:
        rows = connection.execute("SELECT * FROM attendance WHERE member_id = ?", (from_id,)).fetchall()
        for moved in rows:
            meeting_id = moved["meeting_id"]
            kept = connection.execute(
                "SELECT * FROM attendance WHERE meeting_id = ? AND member_id = ?", (meeting_id, to_id)
            ).fetchone()
            if kept is None:
                connection.execute(
                    "UPDATE attendance SET member_id = ? WHERE meeting_id = ? AND member_id = ?",
                    (to_id, meeting_id, from_id),
                )
                continue
            registered = max(kept["registered"], moved["registered"])
            checked_in_at = _earliest(kept["checked_in_at"], moved["checked_in_at"])
            # Registered under either record means they did not walk in unannounced.
            walk_in = int(not registered and bool(kept["walk_in"] or moved["walk_in"]))
            no_show = 0 if checked_in_at else max(kept["no_show"], moved["no_show"])
            connection.execute(
                "UPDATE attendance SET registered = ?, source = ?, registered_at = ?, checked_in_at = ?, "
                "walk_in = ?, no_show = ?, left_at = ? WHERE meeting_id = ? AND member_id = ?",
                (
                    registered,
                    kept["source"] or moved["source"],
                    _earliest(kept["registered_at"], moved["registered_at"]),
                    checked_in_at,
                    walk_in,
                    no_show,
                    _latest(kept["left_at"], moved["left_at"]),
                    meeting_id,
                    to_id,
                ),
            )
            connection.execute("DELETE FROM attendance WHERE meeting_id = ? AND member_id = ?", (meeting_id, from_id))
        # A round that seated both records keeps the kept member's seat; the other seat is freed.
        connection.execute(
            "DELETE FROM seats WHERE member_id = :from AND table_id IN ("
            " SELECT t.id FROM seating_tables t WHERE t.round_id IN ("
            "  SELECT t2.round_id FROM seats s2 JOIN seating_tables t2 ON t2.id = s2.table_id"
            "  WHERE s2.member_id = :to))",
            {"from": from_id, "to": to_id},
        )
        connection.execute("UPDATE seats SET member_id = ? WHERE member_id = ?", (to_id, from_id))
        SeatingRules(db).move_member(from_id, to_id)
