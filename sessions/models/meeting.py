"""The group, its weekly meetings, and who registered for and came to each."""

from __future__ import annotations

import datetime as dt
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from . import limits
from .text import RequiredName, ShortText

DEFAULT_TABLE_MIN = 6
DEFAULT_TABLE_MAX = 8
DEFAULT_TURN_SECONDS = 5 * 60
DEFAULT_WARNING_SECONDS = 60
DEFAULT_CHANGEOVER_SECONDS = 30


class Group(BaseModel):
    """The networking group a database belongs to (one group per file)."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    name: RequiredName
    # Phone numbers typed without a country code are read in this region (ISO 3166 code).
    default_region: str = Field(default="US", pattern=r"^[A-Z]{2}$")
    is_demo: bool = False


class Meeting(BaseModel):
    """One weekly meeting: its date, where it is, how tables are sized and how long each pitch runs."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    id: int | None = None
    date: dt.date
    title: ShortText = ""
    venue: ShortText = ""
    table_min: int = Field(default=DEFAULT_TABLE_MIN, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    table_max: int = Field(default=DEFAULT_TABLE_MAX, ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)
    turn_seconds: int = Field(default=DEFAULT_TURN_SECONDS, ge=30, le=3600)
    warning_seconds: int = Field(default=DEFAULT_WARNING_SECONDS, ge=0, le=3600)
    changeover_seconds: int = Field(default=DEFAULT_CHANGEOVER_SECONDS, ge=0, le=600)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.table_min > self.table_max:
            raise ValueError(f"table_min ({self.table_min}) is larger than table_max ({self.table_max})")
        if self.warning_seconds >= self.turn_seconds:
            raise ValueError("warning_seconds must be shorter than the turn")
        return self

    @property
    def label(self) -> str:
        when = self.date.strftime("%a %d %b %Y")
        return f"{when} - {self.title}" if self.title else when


class Attendance(BaseModel):
    """A member's registration for a meeting and whether they came."""

    model_config = ConfigDict(validate_assignment=True, extra="forbid")

    meeting_id: int
    member_id: int
    registered: bool = True
    source: ShortText = ""  # where the registration came from: eventbrite, meetup, walk-in...
    registered_at: dt.datetime | None = None
    checked_in_at: dt.datetime | None = None
    walk_in: bool = False
    no_show: bool = False
    left_at: dt.datetime | None = None  # an early leaver, removed from rounds not yet run

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None

    @property
    def present(self) -> bool:
        """Checked in and still in the room."""
        return self.checked_in_at is not None and self.left_at is None and not self.no_show


def clock_time(seconds: int) -> str:
    """300 -> '5:00': how pitch lengths are written everywhere."""
    return f"{seconds // 60}:{seconds % 60:02d}"


def parse_clock_time(text: str) -> int:
    """'5:00', '4:30' or '300' -> seconds; ValueError with words fit to show for anything else."""
    minutes, colon, seconds = text.strip().partition(":")
    try:
        if colon:
            if not (len(seconds) == 2 and seconds.isdigit() and 0 <= int(seconds) < 60):
                raise ValueError
            return int(minutes) * 60 + int(seconds)
        return int(minutes)
    except ValueError:
        raise ValueError(f"{text!r} is not a duration like 5:00") from None
