"""What the seating engine is asked: who is present, how tables are sized, constraints and history."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sessions.models import DEFAULT_TIME_LIMIT, Member, PhysicalTable, Round, SubgroupMode, Tag, limits
from sessions.models.meeting import DEFAULT_TABLE_MAX, DEFAULT_TABLE_MIN
from sessions.models.room import room_problem

PairKey = tuple[int, int]

# SubgroupMode and DEFAULT_TIME_LIMIT live with the stored seating settings; the engine's callers keep
# finding them here.
__all__ = [
    "DEFAULT_PATIENCE",
    "DEFAULT_TIME_LIMIT",
    "Constraints",
    "PairKey",
    "Person",
    "PhysicalTable",
    "SeatingRequest",
    "SubgroupMode",
    "TablePolicy",
]

# Search steps without a better plan before the search stops on its own, so equal seeds give equal
# plans whenever the time limit is not what stopped it.
DEFAULT_PATIENCE = 2500


@dataclass(frozen=True)
class Person:
    """A person present, with only what seating needs to know about them."""

    member_id: int
    tags: frozenset[Tag] = frozenset()
    subgroup: str | None = None  # the first sub-group listed on the card
    employer: str | None = None  # current employer
    name: str = ""  # how warnings about them name them to the facilitator

    @property
    def label(self) -> str:
        return self.name or f"member {self.member_id}"

    @classmethod
    def from_member(cls, member: Member) -> Person:
        if member.id is None:
            raise ValueError("only saved members can be seated")
        subgroup = member.subgroups[0] if member.subgroups else None
        return cls(
            member_id=member.id,
            tags=member.tags,
            subgroup=subgroup,
            employer=member.current_employer,
            name=member.full_name,
        )


class TablePolicy(BaseModel):
    """How tables are sized: bounds on people per table, and optionally a table count or the room's tables."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_size: int = Field(default=DEFAULT_TABLE_MIN, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    max_size: int = Field(default=DEFAULT_TABLE_MAX, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    tables: int | None = Field(default=None, ge=1, le=1000)
    physical: tuple[PhysicalTable, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> TablePolicy:
        if self.min_size > self.max_size:
            raise ValueError(f"the smallest table size ({self.min_size}) is larger than the largest ({self.max_size})")
        problem = room_problem(self.physical, self.tables)
        if problem is not None:
            raise ValueError(problem)
        return self


class Constraints(BaseModel):
    """Rules the plan must (keep apart, keep together, hosts) or should (spread, sub-groups) follow."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    keep_apart: tuple[tuple[int, int], ...] = ()
    apart_same_employer: bool = False
    keep_together: tuple[tuple[int, ...], ...] = ()
    pin_hosts: bool = True  # members tagged host stay at one table all meeting, one host per table
    spread_tags: frozenset[Tag] = frozenset({Tag.NEWCOMER, Tag.CONNECTOR})
    subgroups: SubgroupMode = SubgroupMode.MIX


@dataclass(frozen=True)
class SeatingRequest:
    """Everything one solve needs. `locked` rounds were already run: they are kept and count as meetings."""

    meeting_id: int
    people: Sequence[Person]
    rounds: int
    policy: TablePolicy = field(default_factory=TablePolicy)
    constraints: Constraints = field(default_factory=Constraints)
    history: Mapping[PairKey, Sequence[dt.date]] = field(default_factory=dict)
    on: dt.date | None = None  # the meeting's date, to weigh history by how recent it is
    seed: int = 0
    time_limit: float = DEFAULT_TIME_LIMIT
    locked: Sequence[Round] = ()
    patience: int = DEFAULT_PATIENCE
