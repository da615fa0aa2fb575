"""`tablesession bench serve`: attendees checking themselves in from their phones while the app runs.

The app runs headless with the pages started from its Check-in area (so on its loop, through its store). Phones
are threads on loopback, arriving evenly over `spread` seconds, each doing what a person does: open the page,
type their email, confirm, see the result. Meanwhile the facilitator types in the check-in search, and each
key's handling time is measured. All phones share 127.0.0.1, so the per-client rate limit is raised for the
bench (a real room has one address per phone).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import http.client
import multiprocessing
import re
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from textual import events
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input

from sessions.models import Group, Meeting, Member
from sessions.store import Store
from sessions.timekeeping import SystemClock

from .guards import Limits

ATTENDEES = 60
OTHER_MEMBERS = 240  # the rest of the group, registered or not, so searches have something to sift
SPREAD_SECONDS = 20.0
RESPONSE_TARGET_MS = 300.0
KEY_TARGET_MS = 100.0
KEY_GIVE_UP_SECONDS = 5.0
LOOPBACK = "127.0.0.1"
BENCH_LIMITS = Limits(burst=10_000, per_second=10_000)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class LoadResult:
    """What the phones saw; plain data, so it comes back from the phones' own process."""

    attendees: int
    completed: int = 0
    failures: list[str] = field(default_factory=list)
    responses: list[float] = field(default_factory=list)  # seconds per request
    seconds: float = 0.0

    def add(self, latencies: list[float]) -> None:
        with _RESULT_LOCK:
            self.responses.extend(latencies)
            self.completed += 1

    def fail(self, why: str) -> None:
        with _RESULT_LOCK:
            self.failures.append(why)


_RESULT_LOCK = threading.Lock()


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _phone(url: str, email: str) -> list[float]:
    """One attendee's visit; returns each request's time. Raises on anything a person would notice."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or LOOPBACK, parts.port, timeout=10)
    cookie = ""
    latencies: list[float] = []

    def request(method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        nonlocal cookie
        headers = {"Cookie": cookie} if cookie else {}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        text = response.read().decode()
        latencies.append(time.perf_counter() - started)
        set_cookie = response.getheader("set-cookie")
        if set_cookie:
            cookie = set_cookie.split(";", 1)[0]
        return response.status, text

    def csrf(text: str) -> str:
        found = _CSRF.search(text)
        if found is None:
            raise RuntimeError("a page without its form")
        return found.group(1)

    base = parts.path
    try:
        status, page = request("GET", base)
        status, page = request("POST", base + "find", {"csrf": csrf(page), "who": email})
        if "Is this you?" not in page:
            raise RuntimeError(f"{email} not found ({status})")
        status, _ = request("POST", base + "confirm", {"csrf": csrf(page)})
        if status != 303:
            raise RuntimeError(f"confirming answered {status}")
        status, page = request("GET", base + "done")
        if "checked in" not in page:
            raise RuntimeError(f"no confirmation ({status})")
    finally:
        connection.close()
    return latencies


def run_load(url: str, emails: list[str], spread: float) -> LoadResult:
    result = LoadResult(attendees=len(emails))
    started = time.perf_counter()
    gap = spread / max(len(emails), 1)

    def visit(index: int, email: str) -> None:
        time.sleep(max(0.0, started + index * gap - time.perf_counter()))
        try:
            result.add(_phone(url, email))
        except (OSError, RuntimeError, http.client.HTTPException) as error:
            result.fail(f"{email}: {error}")

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(emails) or 1) as pool:
        list(pool.map(visit, range(len(emails)), emails))
    result.seconds = time.perf_counter() - started
    return result


def _group(store: Store, clock: SystemClock, attendees: int) -> tuple[Meeting, list[str]]:
    store.save_group(Group(name="Self check-in bench"))
    meeting = store.meetings.add(Meeting(date=clock.today(), title="Bench night"))
    assert meeting.id is not None
    emails: list[str] = []
    for index in range(attendees + OTHER_MEMBERS):
        email = f"member{index:04d}@example.com"
        member = store.members.add(Member(first_name=f"Member{index:04d}", last_name="Bench", email=email))
        assert member.id is not None
        if index < attendees:
            store.attendance.register(meeting.id, member.id, source="bench")
            emails.append(email)
    return meeting, emails


async def _key_answer(app: App[Any], search: Input, key: str) -> float:
    """Seconds from a key reaching the app to the search box (and the results under it) taking it in."""
    before = search.value
    started = time.perf_counter()
    app.post_message(events.Key(key, key if len(key) == 1 else None))
    while search.value == before:
        if time.perf_counter() - started > KEY_GIVE_UP_SECONDS:
            break
        await asyncio.sleep(0.001)
    await asyncio.sleep(0)  # the search that the change starts runs in the same turn of the loop
    return time.perf_counter() - started


def run_serve_bench(attendees: int = ATTENDEES, spread: float = SPREAD_SECONDS) -> dict[str, Any]:
    from app.tui.app import create_app
    from app.tui.screens.checkin import CheckinScreen

    from .in_app import running, toggle_self_service

    clock = SystemClock()
    figures: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "bench.sqlite3") as store:
        meeting, emails = _group(store, clock, attendees)
        app = create_app(store, clock)
        # The phones run in a process of their own, as real phones are other devices: their threads must not
        # take the interpreter from the app being measured. Started before the app takes over the terminal.
        phones = concurrent.futures.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
        phones.submit(time.time).result()

        async def facilitate(pilot: Pilot[object]) -> None:
            await pilot.press("f3")
            while not isinstance(app.screen, CheckinScreen):
                await pilot.pause(0.02)
            toggle_self_service(app, host=LOOPBACK, port=0, limits=BENCH_LIMITS)
            server = running(app)
            assert server is not None
            await pilot.press("escape")  # the QR panel
            url = server.addresses().attendee[0]
            load = asyncio.get_running_loop().run_in_executor(phones, run_load, url, emails, spread)
            search = app.screen.query_one("#checkin-search", Input)
            keys: list[float] = []
            typing = "member00"
            while not load.done():
                for key in [*typing, *["backspace"] * len(typing)]:
                    keys.append(await _key_answer(app, search, key))
                    await asyncio.sleep(0.05)  # a facilitator types about ten keys a second
            result = await load
            toggle_self_service(app)
            assert meeting.id is not None
            records = store.attendance.for_meeting(meeting.id)
            checked = [a.member_id for a in records if a.checked_in]
            figures.update(
                attendees=attendees,
                completed=result.completed,
                failures=len(result.failures),
                first_failure=result.failures[0] if result.failures else "",
                seconds=round(result.seconds, 2),
                checked_in=len(checked),
                checked_in_once=len(checked) == len(set(checked)) == attendees,
                members_after=len(store.members.all()),
                requests=len(result.responses),
                response_p50_ms=round(statistics.median(result.responses) * 1000, 1) if result.responses else 0,
                response_p95_ms=round(_percentile(result.responses, 0.95) * 1000, 1),
                response_max_ms=round(max(result.responses, default=0.0) * 1000, 1),
                keys=len(keys),
                key_p95_ms=round(_percentile(keys, 0.95) * 1000, 1),
                key_max_ms=round(max(keys, default=0.0) * 1000, 1),
            )
            app.exit()

        try:
            app.run(headless=True, size=(120, 36), auto_pilot=facilitate)
        finally:
            phones.shutdown()
    if not figures:
        raise RuntimeError("the self check-in bench did not finish")
    met = (
        figures["checked_in_once"]
        and figures["seconds"] < 60
        and figures["response_p95_ms"] < RESPONSE_TARGET_MS
        and figures["key_p95_ms"] < KEY_TARGET_MS
    )
    figures["targets"] = f"all in once, < 60 s, p95 < {RESPONSE_TARGET_MS:.0f} ms, keys p95 < {KEY_TARGET_MS:.0f} ms"
    figures["target_met"] = "yes" if met else "NO"
    return figures
