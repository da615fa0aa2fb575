"""`g` in a big room with history: 120 people who have met over six earlier weeks, so the search has
repeats from earlier meetings to avoid and keeps improving after the first plan is on the screen.

Figures: key to the first plan on screen, `]` pressed while the search goes on, and key to the end of
the search (at a proven bound, or at the meeting's time limit).
"""

from __future__ import annotations

import datetime as dt
import functools
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import cast

from textual.pilot import Pilot

from sessions.checkin.benchmark import synthetic_members
from sessions.models import Group, Meeting, SeatingSettings
from sessions.seating.service import SeatingOptions, plan_meeting
from sessions.store import Store
from sessions.timekeeping import SystemClock

from .app import TableSessionApp, create_app
from .key_bench import LIMIT_SECONDS, SIZE, STEP_SECONDS, FrameLog, _timed
from .screens.seating import SeatingScreen
from .widgets.table_card import TableCard

PEOPLE = 120
MEMBERS = 150
EARLIER_WEEKS = 6
EARLIER_ATTENDANCE = 110
EARLIER_SECONDS = 0.3  # each earlier week's plan: only its pairs matter here, not its quality


def _fill(store: Store, today: dt.date, seed: int, search_seconds: float | None) -> None:
    rng = random.Random(seed)
    store.save_group(Group(name="Big room bench"))
    ids = []
    for member in synthetic_members(MEMBERS, rng):
        saved = store.members.add(member.model_copy(update={"id": None}))
        assert saved.id is not None
        ids.append(saved.id)
    clock = SystemClock()
    options = SeatingOptions(rounds=3, time_limit=EARLIER_SECONDS, seed=seed)
    for week in range(EARLIER_WEEKS, 0, -1):
        earlier = store.meetings.add(Meeting(date=today - dt.timedelta(weeks=week), title=f"Week -{week}"))
        assert earlier.id is not None
        for member_id in rng.sample(ids, EARLIER_ATTENDANCE):
            store.attendance.check_in(earlier.id, member_id, clock.now())
        plan_meeting(store, earlier, options, clock)
    meeting = store.meetings.add(Meeting(date=today, title="Big room bench"))
    assert meeting.id is not None
    for member_id in rng.sample(ids, PEOPLE):
        store.attendance.check_in(meeting.id, member_id, clock.now())
    if search_seconds is not None:
        store.seating_settings.save(meeting.id, SeatingSettings(time_limit=search_seconds))


async def _one_run(app: TableSessionApp, pilot: Pilot[None], seconds: dict[str, list[float]]) -> None:
    frames = FrameLog(app)
    await pilot.press("f4")
    while not isinstance(app.screen, SeatingScreen):
        await pilot.pause(STEP_SECONDS)
    screen = app.screen

    def planned() -> bool:
        return not screen.planning and screen.plan is not None and bool(screen.query(TableCard))

    started = time.perf_counter()
    seconds["g to first plan"].append(await _timed(pilot, frames, ("g",), planned, "g at 120"))
    if screen.improving:
        shown = screen.active_round
        seconds["] while improving"].append(
            await _timed(pilot, frames, ("right_square_bracket",), lambda: screen.active_round != shown, "]")
        )
    while screen.improving:
        if time.perf_counter() - started > LIMIT_SECONDS:
            raise RuntimeError(f"bench tui: the search at 120 did not end within {LIMIT_SECONDS:.0f} s")
        await pilot.pause(STEP_SECONDS * 10)
    seconds["g to search end"].append(time.perf_counter() - started)


async def _drive(pilot: Pilot[object], *, app: TableSessionApp, seconds: dict[str, list[float]]) -> None:
    try:
        await _one_run(app, cast("Pilot[None]", pilot), seconds)
    finally:
        app.exit()


def big_room_latencies(runs: int = 3, search_seconds: float | None = None) -> dict[str, float | int]:
    """The figures over `runs` runs; `search_seconds` None leaves the meeting's default time limit."""
    seconds: dict[str, list[float]] = {"g to first plan": [], "] while improving": [], "g to search end": []}
    clock = SystemClock()
    for run in range(runs):
        with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "bench.sqlite3") as store:
            _fill(store, clock.today(), seed=run, search_seconds=search_seconds)
            app = create_app(store, clock)
            app.run(headless=True, size=SIZE, auto_pilot=functools.partial(_drive, app=app, seconds=seconds))
    figures: dict[str, float | int] = {"big_room_people": PEOPLE, "big_room_earlier_weeks": EARLIER_WEEKS}
    for key, times in seconds.items():
        name = "big_room_" + key.replace(" ", "_").replace("]", "next_round")
        if not times:
            continue  # `]` only while the search was still going
        figures[f"{name}_median_ms"] = statistics.median(times) * 1000
        figures[f"{name}_worst_ms"] = max(times) * 1000
    return figures
