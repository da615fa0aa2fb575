"""Seating rules: keep-apart pairs and keep-together groups, standing or for one meeting.

A rule is only added when it agrees with every rule it would hold alongside: the standing rules,
and for a one-meeting rule that meeting's; a standing rule is checked against each meeting's too.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from sessions.errors import ConflictError, NotFoundError
from sessions.models import RuleKind, SeatingRule, limits, rule_problem

from .codec import from_timestamp, to_timestamp, utc_now
from .database import Database

_SELECT = (
    "SELECT r.id, r.kind, r.meeting_id, r.note, r.created_at, rm.member_id FROM seating_rules r "
    "JOIN seating_rule_members rm ON rm.rule_id = r.id"
)


def _rules_from_rows(rows: list[sqlite3.Row]) -> list[SeatingRule]:
    members: dict[int, list[int]] = defaultdict(list)
    heads: dict[int, sqlite3.Row] = {}
    for row in rows:
        heads.setdefault(row["id"], row)
        members[row["id"]].append(row["member_id"])
    return [
        SeatingRule.model_construct(
            id=rule_id,
            kind=RuleKind(head["kind"]),
            member_ids=tuple(sorted(members[rule_id])),
            meeting_id=head["meeting_id"],
            note=head["note"],
            created_at=from_timestamp(head["created_at"]),
        )
        for rule_id, head in sorted(heads.items())
    ]


class SeatingRules:
    def __init__(self, db: Database) -> None:
        self._db = db

    def add(self, rule: SeatingRule, *, largest_table: int = limits.TABLE_SIZE_MAX) -> SeatingRule:
        """Save a new rule, or refuse it (ConflictError) when it contradicts or repeats a rule in force
        alongside it, or joins a keep-together group larger than `largest_table`."""
        with self._db.transaction() as connection:
            missing = sorted(set(rule.member_ids) - self._member_ids(rule.member_ids))
            if missing:
                raise NotFoundError(f"no member with id {missing[0]}")
            if rule.meeting_id is not None and not self._db.scalar(
                "SELECT count(*) FROM meetings WHERE id = ?", (rule.meeting_id,)
            ):
                raise NotFoundError(f"no meeting with id {rule.meeting_id}")
            self._check(rule, largest_table)
            created = rule.created_at or utc_now()
            rule_id = connection.execute(
                "INSERT INTO seating_rules (kind, meeting_id, note, created_at) VALUES (?, ?, ?, ?)",
                (rule.kind.value, rule.meeting_id, rule.note, to_timestamp(created)),
            ).lastrowid
            connection.executemany(
                "INSERT INTO seating_rule_members (rule_id, member_id) VALUES (?, ?)",
                [(rule_id, m) for m in rule.member_ids],
            )
        return rule.model_copy(update={"id": rule_id, "created_at": created})

    def _member_ids(self, wanted: tuple[int, ...]) -> set[int]:
        marks = ", ".join("?" for _ in wanted)
        return {row[0] for row in self._db.query(f"SELECT id FROM members WHERE id IN ({marks})", wanted)}

    def _check(self, rule: SeatingRule, largest_table: int) -> None:
        everything = self.all()
        standing = [r for r in everything if r.standing]
        if rule.standing:
            meetings = sorted({r.meeting_id for r in everything if r.meeting_id is not None})
            scopes = [standing, *([*standing, *(r for r in everything if r.meeting_id == m)] for m in meetings)]
        else:
            scopes = [[*standing, *(r for r in everything if r.meeting_id == rule.meeting_id)]]
        names = self._names({m for scope in scopes for r in scope for m in r.member_ids} | set(rule.member_ids))
        for number, scope in enumerate(scopes):
            # The first scope is the rule's own; a rule is a repeat only if it adds nothing there.
            problem = rule_problem(
                scope, rule, largest_table, lambda m: names.get(m, f"member {m}"), repeats=number == 0
            )
            if problem is not None:
                raise ConflictError(problem)

    def _names(self, member_ids: set[int]) -> dict[int, str]:
        if not member_ids:
            return {}
        marks = ", ".join("?" for _ in member_ids)
        rows = self._db.query(
            f"SELECT id, first_name, last_name FROM members WHERE id IN ({marks})", tuple(sorted(member_ids))
        )
        return {row["id"]: " ".join(p for p in (row["first_name"], row["last_name"]) if p) for row in rows}

    def get(self, rule_id: int) -> SeatingRule:
        found = _rules_from_rows(self._db.query(f"{_SELECT} WHERE r.id = ?", (rule_id,)))
        if not found:
            raise NotFoundError(f"no seating rule with id {rule_id}")
        return found[0]

    def all(self) -> list[SeatingRule]:
        """Every rule, standing and for each meeting, oldest first."""
        return _rules_from_rows(self._db.query(_SELECT))

    def for_meeting(self, meeting_id: int) -> list[SeatingRule]:
        """The rules that hold at a meeting: the standing ones and that meeting's own."""
        rows = self._db.query(f"{_SELECT} WHERE r.meeting_id IS NULL OR r.meeting_id = ?", (meeting_id,))
        return _rules_from_rows(rows)

    def for_member(self, member_id: int) -> list[SeatingRule]:
        rows = self._db.query(
            f"{_SELECT} WHERE r.id IN (SELECT rule_id FROM seating_rule_members WHERE member_id = ?)", (member_id,)
        )
        return _rules_from_rows(rows)

    def remove(self, rule_id: int) -> SeatingRule:
        """Delete a rule; returns it as it was, so the caller can say what went."""
        with self._db.transaction() as connection:
            rule = self.get(rule_id)
            connection.execute("DELETE FROM seating_rules WHERE id = ?", (rule_id,))
        return rule

    def drop_member(self, member_id: int) -> int:
        """Take a member out of every rule; rules left with fewer than two members go. Returns how many
        rules named them."""
        with self._db.transaction() as connection:
            named = len(self.for_member(member_id))
            connection.execute("DELETE FROM seating_rule_members WHERE member_id = ?", (member_id,))
            self._prune(connection)
        return named

    def move_member(self, from_id: int, to_id: int) -> None:
        """Give `to_id` the rules of `from_id` (two records of one person merged). A rule that named both
        names the kept one once, and goes if that leaves fewer than two members."""
        with self._db.transaction() as connection:
            connection.execute(
                "DELETE FROM seating_rule_members WHERE member_id = :from AND rule_id IN "
                "(SELECT rule_id FROM seating_rule_members WHERE member_id = :to)",
                {"from": from_id, "to": to_id},
            )
            connection.execute("UPDATE seating_rule_members SET member_id = ? WHERE member_id = ?", (to_id, from_id))
            self._prune(connection)

    @staticmethod
    def _prune(connection: sqlite3.Connection) -> None:
        connection.execute(
            "DELETE FROM seating_rules WHERE id NOT IN "
            "(SELECT rule_id FROM seating_rule_members GROUP BY rule_id HAVING count(*) >= 2)"
        )
