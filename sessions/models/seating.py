"""A meeting's seating plan: rounds, each a set of tables, each a list of seats in speaking order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from itertools import combinations
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import limits


class Seat(BaseModel):
    """A member's place at a table. `number` is the speaking order, starting at 1."""

    model_config = ConfigDict(frozen=True)

    member_id: int
    number: int = Field(ge=1)


class Table(BaseModel):
    """A table in one round. `label` is what is printed on the table ("1", "Window 2")."""

    model_config = ConfigDict(frozen=True)

    label: str = Field(min_length=1, max_length=limits.SHORT_TEXT_MAX)
    capacity: int | None = Field(default=None, ge=1)
    seats: tuple[Seat, ...] = ()

    @property
    def member_ids(self) -> tuple[int, ...]:
        return tuple(seat.member_id for seat in sorted(self.seats, key=lambda s: s.number))

    @model_validator(mode="after")
    def _seats_fit(self) -> Self:
        if self.capacity is not None and len(self.seats) > self.capacity:
            raise ValueError(f"table {self.label} seats {len(self.seats)}, more than its {self.capacity} places")
        numbers = [seat.number for seat in self.seats]
        if len(set(numbers)) != len(numbers):
            raise ValueError(f"table {self.label} has two seats with the same number")
        return self

    @classmethod
    def of(cls, label: str, member_ids: list[int] | tuple[int, ...], capacity: int | None = None) -> Table:
        """A table seating `member_ids` in that speaking order."""
        seats = tuple(Seat(member_id=mid, number=i) for i, mid in enumerate(member_ids, start=1))
        return cls(label=label, capacity=capacity, seats=seats)


class Round(BaseModel):
    """One round of pitches: everyone present sits at exactly one table."""

    model_config = ConfigDict(frozen=True)

    number: int = Field(ge=1)
    tables: tuple[Table, ...] = ()
    locked: bool = False  # a round that has started is never reshuffled

    @model_validator(mode="after")
    def _each_member_once(self) -> Self:
        seen: set[int] = set()
        for table in self.tables:
            for member_id in table.member_ids:
                if member_id in seen:
                    raise ValueError(f"round {self.number} seats member {member_id} twice")
                seen.add(member_id)
        labels = [table.label for table in self.tables]
        if len(set(labels)) != len(labels):
            raise ValueError(f"round {self.number} has two tables with the same label")
        return self

    @property
    def member_ids(self) -> set[int]:
        return {mid for table in self.tables for mid in table.member_ids}

    def table_of(self, member_id: int) -> Table | None:
        return next((t for t in self.tables if member_id in t.member_ids), None)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every pair of members who share a table this round, smaller id first."""
        for table in self.tables:
            yield from combinations(sorted(table.member_ids), 2)

    @property
    def largest_table(self) -> int:
        return max((len(t.seats) for t in self.tables), default=0)


class SeatingPlan(BaseModel):
    """All rounds of one meeting, as saved with it."""

    model_config = ConfigDict(frozen=True)

    meeting_id: int
    rounds: tuple[Round, ...] = ()
    seed: int | None = None
    created_at: dt.datetime | None = None

    @model_validator(mode="after")
    def _numbered(self) -> Self:
        numbers = [r.number for r in self.rounds]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError("rounds must be numbered 1, 2, 3... in order")
        return self

    def round(self, number: int) -> Round:
        for candidate in self.rounds:
            if candidate.number == number:
                return candidate
        raise KeyError(f"this plan has no round {number}")
