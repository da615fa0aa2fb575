"""How long each part of a turn lasts: taken from the meeting, with the room's habits as defaults."""

from __future__ import annotations

from dataclasses import dataclass

from sessions.models import Meeting
from sessions.models.meeting import DEFAULT_CHANGEOVER_SECONDS, DEFAULT_TURN_SECONDS, DEFAULT_WARNING_SECONDS

# How often a screen reads the clock. Readings come from the deadline, so this bounds how late a
# change shows (the target is under 0.1 s), not how accurate the time is.
REFRESH_SECONDS = 0.05

# Clubs ring a second time 30 s after red: the speaker has had their grace.
DEFAULT_OVERTIME_CHIME_SECONDS = 30.0


@dataclass(frozen=True)
class ClockSettings:
    turn_seconds: float = DEFAULT_TURN_SECONDS
    warning_seconds: float = DEFAULT_WARNING_SECONDS  # yellow when this much is left
    changeover_seconds: float = DEFAULT_CHANGEOVER_SECONDS  # 0: the next speaker starts at once
    overtime_chime_seconds: float = DEFAULT_OVERTIME_CHIME_SECONDS  # the second chime, after time up

    def __post_init__(self) -> None:
        if self.turn_seconds <= 0:
            raise ValueError("a turn must last longer than 0 seconds")
        if not 0 <= self.warning_seconds < self.turn_seconds:
            raise ValueError("the warning must come before the end of the turn")
        if self.changeover_seconds < 0 or self.overtime_chime_seconds <= 0:
            raise ValueError("the changeover and the overtime chime cannot be negative")

    @classmethod
    def of(cls, meeting: Meeting) -> ClockSettings:
        return cls(
            turn_seconds=meeting.turn_seconds,
            warning_seconds=meeting.warning_seconds,
            changeover_seconds=meeting.changeover_seconds,
        )
