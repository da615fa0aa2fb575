"""Members and their cards."""

from __future__ import annotations

import functools
import sqlite3
from typing import Any

from sessions.errors import ConflictError, NotFoundError
from sessions.models import Member, OwnCard, Sharing, Tag

from .codec import from_json, from_timestamp, to_json, to_timestamp, utc_now
from .database import Database

_COLUMNS = (
    "first_name, last_name, headline, employers, target_roles, target_companies, subgroups, email, "
    "email_key, phone, linkedin, website, notes, tags, sharing, own_card, extra, created_at, updated_at"
)


def email_key(email: str | None) -> str | None:
    """Emails match without regard to case (people type them every which way)."""
    return email.casefold() if email else None


def _row_values(member: Member) -> dict[str, Any]:
    return {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "headline": member.headline,
        "employers": to_json(member.employers),
        "target_roles": to_json(member.target_roles),
        "target_companies": to_json(member.target_companies),
        "subgroups": to_json(member.subgroups),
        "email": member.email,
        "email_key": email_key(member.email),
        "phone": member.phone,
        "linkedin": member.linkedin,
        "website": member.website,
        "notes": member.notes,
        "tags": to_json(sorted(tag.value for tag in member.tags)),
        "sharing": to_json(member.sharing.model_dump()),
        "own_card": to_json(member.own_card.model_dump()),
        "extra": to_json(member.extra),
        "created_at": to_timestamp(member.created_at),
        "updated_at": to_timestamp(member.updated_at),
    }


@functools.lru_cache(maxsize=256)
def _sharing(text: str | None) -> Sharing:
    """Sharing choices by their stored JSON: a handful of combinations, and the model is frozen, so
    members share one instance per combination instead of each validating their own."""
    return Sharing(**from_json(text, {}))


@functools.lru_cache(maxsize=64)
def _own_card(text: str | None) -> OwnCard:
    return OwnCard(**from_json(text, {}))


def member_from_row(row: sqlite3.Row) -> Member:
    return Member.model_construct(
        id=row["id"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        headline=row["headline"],
        employers=from_json(row["employers"], []),
        target_roles=from_json(row["target_roles"], []),
        target_companies=from_json(row["target_companies"], []),
        subgroups=from_json(row["subgroups"], []),
        email=row["email"],
        phone=row["phone"],
        linkedin=row["linkedin"],
        website=row["website"],
        notes=row["notes"],
        tags=frozenset(Tag(tag) for tag in from_json(row["tags"], [])),
        sharing=_sharing(row["sharing"]),
        own_card=_own_card(row["own_card"]),
        extra=from_json(row["extra"], {}),
        created_at=from_timestamp(row["created_at"]),
        updated_at=from_timestamp(row["updated_at"]),
    )


class Members:
    """The group's members. Rows were validated on the way in, so reading skips validation."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, member: Member) -> Member:
        now = utc_now()
        stored = member.model_copy(update={"created_at": member.created_at or now, "updated_at": now})
        values = _row_values(stored)
        placeholders = ", ".join(f":{name.strip()}" for name in _COLUMNS.split(","))
        try:
            cursor = self._db.execute(f"INSERT INTO members ({_COLUMNS}) VALUES ({placeholders})", values)
        except sqlite3.IntegrityError as exc:
            raise self._conflict(member) from exc
        return stored.model_copy(update={"id": cursor.lastrowid})

    def update(self, member: Member) -> Member:
        if member.id is None:
            raise NotFoundError("cannot update a member who was never saved")
        stored = member.model_copy(update={"updated_at": utc_now()})
        values = _row_values(stored)
        values.pop("created_at")
        assignments = ", ".join(f"{name} = :{name}" for name in values)
        try:
            cursor = self._db.execute(f"UPDATE members SET {assignments} WHERE id = :id", {**values, "id": member.id})
        except sqlite3.IntegrityError as exc:
            raise self._conflict(member) from exc
        if cursor.rowcount == 0:
            raise NotFoundError(f"no member with id {member.id}")
        return stored

    def _conflict(self, member: Member) -> ConflictError:
        other = self.find_by_email(member.email) if member.email else None
        owner = f" ({other.full_name}, id {other.id})" if other else ""
        return ConflictError(f"email {member.email} already belongs to another member{owner}")

    def get(self, member_id: int) -> Member:
        rows = self._db.query("SELECT * FROM members WHERE id = ?", (member_id,))
        if not rows:
            raise NotFoundError(f"no member with id {member_id}")
        return member_from_row(rows[0])

    def get_many(self, member_ids: list[int] | set[int]) -> dict[int, Member]:
        wanted = set(member_ids)
        return {m.id: m for m in self.all() if m.id in wanted and m.id is not None}

    def find_by_email(self, email: str | None) -> Member | None:
        if not email:
            return None
        rows = self._db.query("SELECT * FROM members WHERE email_key = ?", (email_key(email),))
        return member_from_row(rows[0]) if rows else None

    def all(self) -> list[Member]:
        members = [member_from_row(row) for row in self._db.query("SELECT * FROM members")]
        return sorted(members, key=lambda m: m.sort_key)

    def count(self) -> int:
        return int(self._db.scalar("SELECT count(*) FROM members"))

    def delete(self, member_id: int) -> None:
        cursor = self._db.execute("DELETE FROM members WHERE id = ?", (member_id,))
        if cursor.rowcount == 0:
            raise NotFoundError(f"no member with id {member_id}")
