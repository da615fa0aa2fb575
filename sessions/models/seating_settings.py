"""How a meeting is seated: rounds, table sizes, sub-groups and the search's time, saved with the meeting
so regenerating, the command line and changes during the meeting all follow the same settings."""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import limits
from .room import PhysicalTable, room_problem

DEFAULT_ROUNDS = 2  # a 90-minute evening: two rounds of 6-8 five-minute pitches, with changeover
DEFAULT_TIME_LIMIT = 5.0  # seconds; a plan for a room of 60 is usually found in well under one


class SubgroupMode(StrEnum):
    """How sub-groups (Marketing, Engineering...) sit: spread over tables, or together at their own tables."""

    MIX = "mix"
    CLUSTER = "cluster"


class SeatingSettings(BaseModel):
    """A meeting's seating settings. Table sizes left as None follow the meeting's own sizes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rounds: int = Field(default=DEFAULT_ROUNDS, ge=1, le=limits.ROUNDS_MAX)
    min_size: int | None = Field(default=None, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    max_size: int | None = Field(default=None, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    tables: int | None = Field(default=None, ge=1, le=limits.TABLES_MAX)
    mode: SubgroupMode = SubgroupMode.MIX
    apart_same_employer: bool = False
    time_limit: float = Field(default=DEFAULT_TIME_LIMIT, gt=0, le=limits.SEATING_SECONDS_MAX)
    # The room's real tables, when the facilitator has said what they are: plans then use their names
    # and never seat more at one than it has chairs. Empty: as many tables as the sizes call for.
    room: tuple[PhysicalTable, ...] = Field(default=(), max_length=limits.TABLES_MAX)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.min_size is not None and self.max_size is not None and self.min_size > self.max_size:
            raise ValueError(f"the smallest table size ({self.min_size}) is larger than the largest ({self.max_size})")
        problem = room_problem(self.room, self.tables)
        if problem is not None:
            raise ValueError(problem)
        return self

    def table_sizes(self, meeting_min: int, meeting_max: int) -> tuple[int, int]:
        """(min, max) people per table: these settings where given, else the meeting's, kept consistent."""
        low = self.min_size or min(meeting_min, self.max_size or meeting_max)
        high = self.max_size or max(meeting_max, self.min_size or meeting_min)
        return low, high

    def carried_forward(self) -> SeatingSettings:
        """What a new meeting takes from the last one: the habits and the room's furniture, not the sizes
        and table count (those follow the turnout)."""
        return self.model_copy(update={"min_size": None, "max_size": None, "tables": None})
