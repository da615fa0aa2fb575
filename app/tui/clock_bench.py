"""The clock screen itself at real time, headless: how late its display and cues are, and its CPU.

The same script as the engine's bench plays the facilitator; the screen measures each display
update and cue against the moment the deadline says it was due.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from textual.pilot import Pilot

from sessions.models import Group, Meeting
from sessions.pitchclock import REFRESH_SECONDS, Phase
from sessions.pitchclock.bench import BENCH_SCHEDULE, BENCH_SETTINGS, IDLE_SECONDS, BenchResult, BenchScript, Lateness
from sessions.store import Store
from sessions.timekeeping import SystemClock

from .app import create_app
from .screens.clock import ClockScreen

SIZE = (80, 24)
# How often the bench's facilitator looks at the clock: often enough to press 'next' on time.
SCRIPT_SECONDS = 0.02
BENCH_MODE = "clock-bench"


def run_screen_bench(idle_seconds: float = IDLE_SECONDS) -> BenchResult:
    clock = SystemClock()
    results: list[BenchResult] = []
    with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "bench.sqlite3") as store:
        store.save_group(Group(name="Clock bench"))
        store.meetings.add(Meeting(date=clock.today(), table_min=2, table_max=BENCH_SCHEDULE.turns))
        app = create_app(store, clock)
        app.add_mode(BENCH_MODE, lambda: ClockScreen(settings=BENCH_SETTINGS))

        async def facilitate(pilot: Pilot[object]) -> None:
            await app.switch_mode(BENCH_MODE)
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ClockScreen)
            assert screen.pitch is not None
            lateness = screen.lateness = Lateness()

            cpu, wall = time.process_time(), clock.monotonic()
            await asyncio.sleep(idle_seconds)
            idle_cpu, idle_wall = time.process_time() - cpu, clock.monotonic() - wall

            script = BenchScript(BENCH_SETTINGS, BENCH_SCHEDULE)
            cpu, wall = time.process_time(), clock.monotonic()
            while screen.reading is None or screen.reading.phase is not Phase.OVER:
                command = script.command(screen.pitch.read(), clock.monotonic())
                if command is not None:
                    screen.command(command)
                await asyncio.sleep(SCRIPT_SECONDS)
            running_cpu, running_wall = time.process_time() - cpu, clock.monotonic() - wall
            results.append(
                BenchResult(
                    settings=BENCH_SETTINGS,
                    turns=BENCH_SCHEDULE.turns,
                    refresh_seconds=REFRESH_SECONDS,
                    lateness=lateness,
                    idle_cpu=idle_cpu / idle_wall,
                    idle_seconds=idle_wall,
                    running_cpu=running_cpu / running_wall,
                    running_seconds=running_wall,
                )
            )
            app.exit()

        app.run(headless=True, size=SIZE, auto_pilot=facilitate)
    if not results:
        raise RuntimeError("the clock screen bench did not finish")
    return results[0]
