"""What the pitch clock remembers between commands, and the names of its commands and cues."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    READY = "ready"  # waiting for the facilitator to start this turn
    SPEAKING = "speaking"  # counting down; past the deadline it counts up as overtime
    CHANGEOVER = "changeover"  # the short pause before the next speaker
    OVER = "over"  # the round has ended


class Command(StrEnum):
    """What the facilitator can do. The values are what the command log stores: never rename one."""

    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    NEXT = "next"
    PREVIOUS = "previous"
    ADD_TIME = "add_time"  # argument: seconds to add
    END_ROUND = "end_round"
    RESET = "reset"
    AUTO_ADVANCE = "auto_advance"  # argument: 1 to start the next speaker after the changeover, 0 to wait


class Cue(StrEnum):
    """Moments the room must hear. Each sounds differently; the order is the order within a turn."""

    NEXT_SPEAKER = "next_speaker"
    WARNING = "warning"
    TIME_UP = "time_up"
    OVERTIME = "overtime"
    ROUND_OVER = "round_over"


class Look(StrEnum):
    """What the clock shows, the basis of its colour."""

    READY = "ready"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"  # time is up; the speaker is wrapping up
    OVERTIME = "overtime"  # past the second chime
    CHANGEOVER = "changeover"
    PAUSED = "paused"
    OVER = "over"


@dataclass(frozen=True)
class ClockState:
    """The clock between commands. Time is never counted: a running segment stores its deadline
    on the monotonic clock, a paused one the seconds it had left, and every reading subtracts."""

    phase: Phase = Phase.READY
    turn: int = 0  # 0-based; in a changeover, the turn that just ended
    deadline: float | None = None  # running: when this segment reaches 0 (monotonic seconds)
    frozen: float | None = None  # paused: seconds that were left (negative in overtime)
    # The seconds the speaker had left when 'next' or 'end round' moved on, so 'previous' can give them back.
    left_behind: float | None = None
    speech: int = 0  # counts speaking turns started afresh: each one earns a next-speaker chime
    auto_advance: bool = True
    # 'End round' keeps what it ended and when, so 'previous' puts back exactly that (a running segment
    # resumes with the time it had; a paused one stays paused), not an approximation of it.
    before_end: ClockState | None = None
    ended_at: float | None = None

    @property
    def running(self) -> bool:
        return self.deadline is not None

    @property
    def paused(self) -> bool:
        return self.frozen is not None

    def remaining(self, now: float) -> float:
        """Seconds left in the current segment (negative in overtime); 0 when nothing is timed."""
        if self.deadline is not None:
            return self.deadline - now
        return self.frozen if self.frozen is not None else 0.0
