"""The pages started from the app's Check-in area: they run on the app's loop, a phone's check-in shows in the
area at once and is announced as a self check-in, a new card like a registered person offers the merge, and
the same key stops the server."""

from __future__ import annotations

import re

import httpx
import pytest
from textual.widgets import DataTable

from app.tui.app import create_app
from app.tui.screens.checkin import CheckinScreen
from app.web import in_app
from app.web.in_app import SelfServicePanel, running
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

SIZE = (120, 36)


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


async def test_a_key_in_check_in_serves_the_pages_on_the_apps_loop(
    store: Store, meeting: Meeting, clock: FakeClock, people: list[Member], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_app, "APP_PORT", 0)  # a free port on loopback... and every interface: bind loopback
    monkeypatch.setattr(in_app.SelfServiceServer, "__init__", _loopback(in_app.SelfServiceServer.__init__))
    app = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        checkin = app.screen
        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: isinstance(app.screen, SelfServicePanel), "the QR panel")
        server = running(app)
        assert server is not None
        panel = app.screen
        assert isinstance(panel, SelfServicePanel)
        assert panel.addresses.pin in str(panel.query_one("#self-service-addresses").render())
        await wait_until(pilot, lambda: server.running, "the server to start")
        await pilot.press("escape")

        url = server.addresses().attendee[0]
        async with httpx.AsyncClient() as phone:
            page = await phone.get(url)
            page = await phone.post(url + "find", data={"csrf": csrf_of(page), "who": "jordan.cohen@example.com"})
            assert "Jordan C." in page.text
            done = await phone.post(url + "confirm", data={"csrf": csrf_of(page)}, follow_redirects=True)
            assert "Welcome, Jordan" in done.text
        arrivals = checkin.query_one("#checkin-arrivals", DataTable)
        await wait_until(
            pilot, lambda: any("Jordan" in str(arrivals.get_row_at(i)) for i in range(arrivals.row_count)), "arrival"
        )
        # Marked as a self check-in in the area's list, so the door knows who came in by phone.
        jordan = next(
            str(arrivals.get_row_at(i)) for i in range(arrivals.row_count) if "Jordan" in str(arrivals.get_row_at(i))
        )
        assert "in by phone" in jordan
        notes = [n.message for n in app._notifications]
        assert any("Jordan Cohen checked in from their phone" in note for note in notes)

        async with httpx.AsyncClient() as phone:
            page = await phone.get(url + "new")
            data = {"csrf": csrf_of(page), "first_name": "Olga", "last_name": "Dubois", "email": "olga.d@example.com"}
            await phone.post(url + "new", data=data)
        await wait_until(pilot, lambda: any("looks like Olga Dubois" in n.message for n in app._notifications), "hint")

        await pilot.press("ctrl+r")
        await wait_until(pilot, lambda: running(app) is None and not server.running, "the server to stop")
    assert meeting.id is not None
    checked = [a.member_id for a in store.attendance.for_meeting(meeting.id) if a.checked_in]
    assert people[1].id in checked
    assert len(checked) == 2


def _loopback(original):  # type: ignore[no-untyped-def]
    def init(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **{**kwargs, "host": "127.0.0.1"})

    return init


async def test_the_pages_stop_when_the_app_quits(
    store: Store, meeting: Meeting, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_app, "APP_PORT", 0)
    monkeypatch.setattr(in_app.SelfServiceServer, "__init__", _loopback(in_app.SelfServiceServer.__init__))
    app = create_app(store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        await pilot.press("ctrl+r")
        server = running(app)
        assert server is not None
        await wait_until(pilot, lambda: server.running, "the server to start")
        url = server.addresses().attendee[0]
        async with httpx.AsyncClient() as phone:
            assert (await phone.get(url)).status_code == 200
    with pytest.raises(httpx.ConnectError):
        httpx.get(url, timeout=2)
