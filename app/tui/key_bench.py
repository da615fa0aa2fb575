"""Key-to-screen latency of the main keys on a 60-person meeting, through Pilot on the real app.

Each figure is the time from a key press until what it changes is on the screen (the condition the
facilitator looks for), median and worst over several runs on a fresh group file each time.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from rich.console import RenderableType
from textual import events
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input

from sessions.checkin.benchmark import synthetic_members
from sessions.models import Group, Meeting, Member
from sessions.pitchclock import Look
from sessions.store import Store
from sessions.timekeeping import SystemClock

from .app import TableSessionApp, create_app
from .screens.checkin import CheckinScreen
from .screens.clock import ClockScreen
from .screens.seating import SeatingScreen
from .widgets.table_card import TableCard

SIZE = (120, 40)
PEOPLE = 60
PRESENT = 56  # a few registered people have not come yet: the door still has work
KEYS = ("search keystroke", "enter", "f4", "]", "g to first plan", "space on the clock")
LIMIT_SECONDS = 30.0
STEP_SECONDS = 0.001


@dataclass
class KeyTimes:
    seconds: dict[str, list[float]] = field(default_factory=lambda: {key: [] for key in KEYS})

    def figures(self) -> dict[str, float | int]:
        figures: dict[str, float | int] = {"people": PEOPLE, "runs": len(self.seconds[KEYS[0]])}
        for key, times in self.seconds.items():
            name = key.replace(" ", "_")
            figures[f"{name}_median_ms"] = statistics.median(times) * 1000
            figures[f"{name}_worst_ms"] = max(times) * 1000
        return figures


class FrameLog:
    """When the app wrote each frame: a wrapper around the one method that hands frames to the terminal."""

    def __init__(self, app: TableSessionApp) -> None:
        self.times: list[float] = []
        write = app._display

        def display(screen: Screen[object], renderable: RenderableType | None) -> None:
            write(screen, renderable)
            if renderable is not None:
                self.times.append(time.perf_counter())

        app._display = display  # type: ignore[method-assign]  # the bench's own app only


def _settled(app: TableSessionApp) -> bool:
    """Nothing left for the screen to lay out or paint."""
    screen = app.screen
    return not (screen._dirty_widgets or screen._layout_required or screen._repaint_required)


async def _timed(
    pilot: Pilot[None], frames: FrameLog, keys: tuple[str, ...], done: Callable[[], bool], what: str
) -> float:
    """Seconds from pressing `keys` until the frame that shows `done()` is written.

    The key goes in as Pilot sends it (to the driver, as a terminal would), but without Pilot's waits for
    the whole process to fall idle, which add some 60 ms of sleeping to every key: what a person waits for
    is the first frame written once the change is made and the screen has nothing left to paint.
    """
    app = cast("TableSessionApp", pilot.app)
    start = time.perf_counter()
    for key in keys:
        _send_key(app, key)
    while not done():
        if time.perf_counter() - start > LIMIT_SECONDS:
            raise RuntimeError(f"bench tui: {what} did not happen within {LIMIT_SECONDS:.0f} s")
        await asyncio.sleep(STEP_SECONDS)
    changed = time.perf_counter()
    while True:
        shown = [t for t in frames.times if t >= changed]
        if shown and _settled(app):
            end = shown[-1]
            break
        if time.perf_counter() - start > LIMIT_SECONDS:
            raise RuntimeError(f"bench tui: the screen did not show {what} within {LIMIT_SECONDS:.0f} s")
        await asyncio.sleep(STEP_SECONDS)
    await pilot.pause()  # let the rest of the key's work finish before the next one
    return end - start


def _send_key(app: TableSessionApp, key: str) -> None:
    """A key event, sent the way Pilot.press sends it."""
    event = events.Key(key, " " if key == "space" else key if len(key) == 1 else None)
    event.set_sender(app)
    driver = app._driver
    assert driver is not None
    driver.send_message(event)


def _fill(store: Store, today: dt.date, seed: int) -> list[Member]:
    store.save_group(Group(name="Key bench"))
    meeting = store.meetings.add(Meeting(date=today, title="Key bench"))
    assert meeting.id is not None
    people = []
    for index, member in enumerate(synthetic_members(PEOPLE, random.Random(seed))):
        saved = store.members.add(member.model_copy(update={"id": None}))
        assert saved.id is not None
        people.append(saved)
        store.attendance.register(meeting.id, saved.id)
        if index < PRESENT - 1:
            store.attendance.check_in(meeting.id, saved.id, dt.datetime.now(dt.UTC))
    return people


async def _one_run(app: TableSessionApp, pilot: Pilot[None], people: list[Member], times: KeyTimes) -> None:
    frames = FrameLog(app)
    store = app.store
    meeting = app.meeting
    assert meeting is not None
    assert meeting.id is not None
    meeting_id = meeting.id
    await pilot.press("f3")
    while not isinstance(app.screen, CheckinScreen):
        await pilot.pause(STEP_SECONDS)
    screen = app.screen
    results = screen.query_one("#checkin-results", DataTable)
    search = screen.query_one("#checkin-search", Input)
    arriving = people[PRESENT - 1]
    before = results.row_count
    times.seconds["search keystroke"].append(
        await _timed(
            pilot, frames, (arriving.last_name[0].lower(),), lambda: results.row_count != before, "a keystroke"
        )
    )
    search.value = arriving.email or arriving.full_name
    await pilot.pause()
    present = len(store.attendance.present_ids(meeting_id))
    times.seconds["enter"].append(
        await _timed(
            pilot, frames, ("enter",), lambda: len(store.attendance.present_ids(meeting_id)) > present, "Enter"
        )
    )

    def cards() -> int:
        return len(app.screen.query(TableCard)) if isinstance(app.screen, SeatingScreen) else 0

    def planned() -> bool:
        screen = app.screen
        return isinstance(screen, SeatingScreen) and not screen.planning and screen.plan is not None and cards() > 0

    await pilot.press("f4")
    while not isinstance(app.screen, SeatingScreen):
        await pilot.pause(STEP_SECONDS)
    times.seconds["g to first plan"].append(await _timed(pilot, frames, ("g",), planned, "g"))
    # f4 and ] are timed on a settled plan (the big-room bench times ] while a search improves the plan).
    seating_screen = app.screen
    assert isinstance(seating_screen, SeatingScreen)
    while seating_screen.improving:
        await pilot.pause(STEP_SECONDS * 10)
    await pilot.press("f3")
    times.seconds["f4"].append(await _timed(pilot, frames, ("f4",), lambda: cards() > 0, "f4"))
    seating = app.screen
    assert isinstance(seating, SeatingScreen)
    shown = seating.active_round
    times.seconds["]"].append(
        await _timed(pilot, frames, ("right_square_bracket",), lambda: seating.active_round != shown, "]")
    )
    await pilot.press("f5")
    while not isinstance(app.screen, ClockScreen):
        await pilot.pause(STEP_SECONDS)
    clock_screen = app.screen

    def running() -> bool:
        reading = clock_screen.reading
        return reading is not None and reading.look is Look.GREEN

    times.seconds["space on the clock"].append(await _timed(pilot, frames, ("space",), running, "space"))


async def _drive(pilot: Pilot[object], *, app: TableSessionApp, people: list[Member], times: KeyTimes) -> None:
    try:
        await _one_run(app, cast("Pilot[None]", pilot), people, times)
    finally:
        app.exit()


def key_latencies(runs: int = 5) -> dict[str, float | int]:
    times = KeyTimes()
    clock = SystemClock()
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "bench.sqlite3") as store:
            people = _fill(store, clock.today(), seed=run)
            app = create_app(store, clock)

            app.run(headless=True, size=SIZE, auto_pilot=functools.partial(_drive, app=app, people=people, times=times))
    return times.figures()
