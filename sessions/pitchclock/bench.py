"""`tablesession bench clock`: run a short schedule at real time and measure how late the clock is.

A poll loop stands in for the screen's refresh timer: every `refresh_seconds` it reads the clock
as the screen does (the app's own bench drives the real screen with the same script). For each
cue and each change of the display we know when it was due (from the deadline), so lateness is
measured, not guessed. CPU use is `time.process_time` over wall time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from sessions.timekeeping import Clock, SystemClock

from .machine import CueFired, PitchClock
from .reading import ClockReading
from .schedule import TurnSchedule
from .settings import REFRESH_SECONDS, ClockSettings
from .state import Command, Phase

TARGET_SECONDS = 0.1
DISPLAY_UPDATE = "display update"

# Short turns so the whole bench takes seconds: every cue and state happens at least once.
BENCH_SETTINGS = ClockSettings(turn_seconds=2, warning_seconds=1, changeover_seconds=0.5, overtime_chime_seconds=0.5)
BENCH_SCHEDULE = TurnSchedule((3, 2))
IDLE_SECONDS = 1.5
PAUSE_SECONDS = 0.5
PAST_TIME_UP_SECONDS = 0.2  # how long after a chime the script's facilitator presses 'next'


@dataclass
class Lateness:
    """How late each kind of moment was seen, in seconds."""

    worst: dict[str, float] = field(default_factory=dict)
    count: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str, seconds: float) -> None:
        self.worst[kind] = max(self.worst.get(kind, seconds), seconds)
        self.count[kind] = self.count.get(kind, 0) + 1

    def cues(self, now: float, fired: tuple[CueFired, ...]) -> None:
        for cue in fired:
            self.add(cue.cue.value, now - cue.due)

    def display(self, now: float, reading: ClockReading, commanded_at: float) -> None:
        """A display update seen at `now`. It was due when the deadline said so, or when the
        command that caused it was given (a resume, a 'next'), whichever is later."""
        if reading.changed_at is not None:
            self.add(DISPLAY_UPDATE, now - max(reading.changed_at, commanded_at))

    def observe(
        self,
        now: float,
        previous: ClockReading | None,
        reading: ClockReading,
        fired: tuple[CueFired, ...],
        commanded_at: float,
    ) -> None:
        self.cues(now, fired)
        shown = (reading.look, reading.digits, reading.turn)
        if previous is None or shown != (previous.look, previous.digits, previous.turn):
            self.display(now, reading, commanded_at)


class BenchScript:
    """The facilitator of the bench: the first speaker runs past the second chime, the others
    stop just after time up, the last one is paused for a moment; 'next' ends each turn."""

    def __init__(self, settings: ClockSettings, schedule: TurnSchedule) -> None:
        self._settings = settings
        self._last_turn = schedule.last_turn
        self._paused_at: float | None = None

    def command(self, reading: ClockReading, now: float) -> Command | None:
        if reading.phase is Phase.READY:
            return Command.START
        if reading.phase is not Phase.SPEAKING:
            return None
        if self._paused_at is None and reading.turn == self._last_turn and reading.remaining < 1:
            self._paused_at = now
            return Command.PAUSE
        if reading.paused:
            return Command.RESUME if self._paused_at is not None and now - self._paused_at >= PAUSE_SECONDS else None
        overtime = self._settings.overtime_chime_seconds if reading.turn == 0 else 0.0
        return Command.NEXT if reading.remaining <= -overtime - PAST_TIME_UP_SECONDS else None


@dataclass(frozen=True)
class BenchResult:
    settings: ClockSettings
    turns: int
    refresh_seconds: float
    lateness: Lateness
    idle_cpu: float  # fraction of one core
    idle_seconds: float
    running_cpu: float
    running_seconds: float

    @property
    def worst(self) -> float:
        return max(self.lateness.worst.values(), default=0.0)

    def report(self) -> list[str]:
        s = self.settings
        lines = [
            f"pitch clock bench: {self.turns} turns of {s.turn_seconds:g} s "
            f"(warning at {s.warning_seconds:g} s left, changeover {s.changeover_seconds:g} s, "
            f"second chime +{s.overtime_chime_seconds:g} s), "
            f"refresh every {self.refresh_seconds * 1000:g} ms",
            f"{'moment':<16}{'seen':>6}{'worst lateness':>17}",
        ]
        for kind in sorted(self.lateness.worst, key=lambda k: (k == DISPLAY_UPDATE, k)):
            lines.append(f"{kind:<16}{self.lateness.count[kind]:>6}{self.lateness.worst[kind] * 1000:>14.1f} ms")
        verdict = "met" if self.worst < TARGET_SECONDS else "MISSED"
        lines.append(f"worst {self.worst * 1000:.1f} ms; target under {TARGET_SECONDS * 1000:g} ms: {verdict}")
        lines.append(f"CPU idle    ({self.idle_seconds:.1f} s, ready):  {self.idle_cpu * 100:.2f} % of one core")
        lines.append(f"CPU running ({self.running_seconds:.1f} s):        {self.running_cpu * 100:.2f} % of one core")
        return lines


def run_clock_bench(
    clock: Clock | None = None,
    sleep: Callable[[float], None] = time.sleep,
    *,
    settings: ClockSettings = BENCH_SETTINGS,
    schedule: TurnSchedule = BENCH_SCHEDULE,
    refresh_seconds: float = REFRESH_SECONDS,
    idle_seconds: float = IDLE_SECONDS,
) -> BenchResult:
    """Idle on a ready clock, then run the script through every turn, polling as a screen does."""
    clock = clock or SystemClock()
    pitch = PitchClock(schedule, settings, clock)
    script = BenchScript(settings, schedule)
    lateness = Lateness()

    cpu, wall = time.process_time(), clock.monotonic()
    while clock.monotonic() - wall < idle_seconds:
        pitch.poll()
        sleep(refresh_seconds)
    idle_cpu, idle_wall = time.process_time() - cpu, clock.monotonic() - wall

    cpu, wall = time.process_time(), clock.monotonic()
    commanded_at = wall
    previous: ClockReading | None = None
    while True:
        reading, fired = pitch.poll()
        now = clock.monotonic()
        lateness.observe(now, previous, reading, fired, commanded_at)
        previous = reading
        if reading.phase is Phase.OVER:
            break
        command = script.command(reading, now)
        if command is not None and pitch.apply(command):
            commanded_at = clock.monotonic()
            continue  # show the command's effect at once, as the screen does
        sleep(refresh_seconds)
    running_cpu, running_wall = time.process_time() - cpu, clock.monotonic() - wall
    return BenchResult(
        settings=settings,
        turns=schedule.turns,
        refresh_seconds=refresh_seconds,
        lateness=lateness,
        idle_cpu=idle_cpu / idle_wall if idle_wall > 0 else 0.0,
        idle_seconds=idle_wall,
        running_cpu=running_cpu / running_wall if running_wall > 0 else 0.0,
        running_seconds=running_wall,
    )
