"""Seating rules the facilitator sets: keep two people apart (spouses, colleagues), or keep a few
together (a newcomer with a buddy). A rule stands for every meeting, or holds for one meeting only.

`rule_problem` says why a new rule cannot join the ones already in force (a contradiction, a group
too large for a table, or a rule that is already there), in words that name the members.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, field_validator, model_validator

from . import limits
from .text import ShortText


class RuleKind(StrEnum):
    APART = "apart"
    TOGETHER = "together"


class SeatingRule(BaseModel):
    """Who the rule is about, and whether it stands for every meeting (meeting_id None) or one."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int | None = None
    kind: RuleKind
    member_ids: tuple[int, ...]
    meeting_id: int | None = None
    note: ShortText = ""
    created_at: dt.datetime | None = None

    @field_validator("member_ids")
    @classmethod
    def _distinct(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if len(set(value)) != len(value):
            raise ValueError("a member is named twice")
        return tuple(sorted(value))

    @model_validator(mode="after")
    def _sized(self) -> Self:
        count = len(self.member_ids)
        if self.kind is RuleKind.APART and count != 2:
            raise ValueError(f"keeping apart is for exactly 2 members, not {count}")
        if self.kind is RuleKind.TOGETHER and not 2 <= count <= limits.TABLE_SIZE_MAX:
            raise ValueError(f"keeping together needs 2 to {limits.TABLE_SIZE_MAX} members, not {count}")
        return self

    @property
    def standing(self) -> bool:
        return self.meeting_id is None

    def applies_to(self, meeting_id: int) -> bool:
        return self.meeting_id is None or self.meeting_id == meeting_id

    def present(self, present: set[int]) -> tuple[int, ...]:
        """The rule's members who are here; the rule holds among them when there are two or more."""
        return tuple(m for m in self.member_ids if m in present)

    def in_force(self, present: set[int]) -> bool:
        here = self.present(present)
        return len(here) == len(self.member_ids) if self.kind is RuleKind.APART else len(here) >= 2

    @property
    def verb(self) -> str:
        return "keep apart" if self.kind is RuleKind.APART else "keep together"


def _label(rule: SeatingRule) -> str:
    return "this rule" if rule.id is None else f"rule {rule.id}"


def _labels(rules: Iterable[SeatingRule]) -> str:
    listed = sorted(rules, key=lambda r: (r.id is None, r.id or 0))
    if len(listed) == 1:
        return _label(listed[0])
    return "rules " + ", ".join(str(r.id) if r.id is not None else "this one" for r in listed)


def _remove_first(rules: Sequence[SeatingRule]) -> str:
    return "remove that rule first" if len(rules) == 1 else "remove one of those rules first"


class _Groups:
    """Keep-together rules joined where they share a member: everyone in one group sits at one table."""

    def __init__(self, rules: Iterable[SeatingRule]) -> None:
        self._parent: dict[int, int] = {}
        self._rules: list[SeatingRule] = []
        for rule in rules:
            self.add(rule)

    def find(self, member: int) -> int:
        root = self._parent.setdefault(member, member)
        while root != self._parent[root]:
            root = self._parent[root]
        return root

    def add(self, rule: SeatingRule) -> None:
        self._rules.append(rule)
        first = self.find(rule.member_ids[0])
        for other in rule.member_ids[1:]:
            self._parent[self.find(other)] = first

    def together(self, a: int, b: int) -> bool:
        return self.find(a) == self.find(b)

    def members(self, member: int) -> list[int]:
        root = self.find(member)
        return sorted(m for m in list(self._parent) if self.find(m) == root)

    def rules(self, member: int) -> list[SeatingRule]:
        root = self.find(member)
        return [r for r in self._rules if self.find(r.member_ids[0]) == root]


def list_names(members: Sequence[int], name: Callable[[int], str]) -> str:
    """'Ada', 'Ada and Bea', 'Ada, Bea and Cy'."""
    named = [name(m) for m in members]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]


def rule_problem(
    existing: Sequence[SeatingRule],
    new: SeatingRule,
    largest_table: int,
    name: Callable[[int], str],
    *,
    repeats: bool = True,
) -> str | None:
    """Why `new` cannot be added to `existing` (rules that hold together with it), or None. With
    `repeats` False a rule `existing` already implies is let through (a standing rule that one meeting's
    rules happen to imply still matters at other meetings)."""
    apart = [r for r in existing if r.kind is RuleKind.APART]
    before = _Groups(r for r in existing if r.kind is RuleKind.TOGETHER)
    if new.kind is RuleKind.APART:
        a, b = new.member_ids
        same = next((r for r in apart if r.member_ids == new.member_ids), None)
        if same is not None and repeats:
            return f"{list_names([a, b], name)} are already kept apart ({_label(same)})"
        if before.together(a, b):
            return (
                f"{list_names([a, b], name)} are kept together by {_labels(before.rules(a))}, "
                f"so they cannot also be kept apart; {_remove_first(before.rules(a))}"
            )
        return None
    first = new.member_ids[0]
    if repeats and all(before.together(first, m) for m in new.member_ids[1:]):
        return f"{list_names(new.member_ids, name)} are already kept together ({_labels(before.rules(first))})"
    after = _Groups([*(r for r in existing if r.kind is RuleKind.TOGETHER), new])
    for rule in apart:
        a, b = rule.member_ids
        if after.together(a, b) and not before.together(a, b):
            through = [r for r in after.rules(a) if r is not new]
            joined = f" (with {_labels(through)})" if through and not {a, b} <= set(new.member_ids) else ""
            return (
                f"{list_names([a, b], name)} are kept apart by {_label(rule)}, so they cannot also be kept "
                f"together{joined}; {_remove_first([rule])}"
            )
    group = after.members(first)
    if len(group) > largest_table:
        others = [r for r in after.rules(first) if r is not new]
        joined = f" (joined with {_labels(others)})" if others else ""
        return (
            f"keeping {list_names(group, name)} together makes a group of {len(group)}{joined}, "
            f"more than the largest table seats ({largest_table})"
        )
    return None
