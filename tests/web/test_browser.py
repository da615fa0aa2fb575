"""The pages in a real browser at phone size (Debian's chromium driven by Playwright): an attendee finds
themselves and checks in, a new attendee fills in a card with mixed sharing, the desk checks someone in.

Screenshots go to $TABLESESSION_SCREENSHOTS when set (to look at), else to the test's temp folder."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .live import live_server

CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (CI installs Debian's chromium)")
sync_api = pytest.importorskip("playwright.sync_api")

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("TABLESESSION_SCREENSHOTS", tmp_path / "shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


def test_attendees_and_the_desk_in_a_phone_browser(  # noqa: PLR0917 (fixtures)
    browser: object,
    shots: Path,
    store: Store,
    meeting: Meeting,
    clock: FakeClock,
    people: list[Member],
    db_path: Path,
) -> None:
    assert meeting.id is not None
    with live_server(store, meeting, clock, db_path) as server:
        urls = server.addresses()
        context = browser.new_context(**PHONE)  # type: ignore[attr-defined]
        page = context.new_page()
        blocked: list[str] = []
        page.on("console", lambda message: blocked.append(message.text) if message.type == "error" else None)

        # An attendee finds themselves by email and checks in.
        page.goto(urls.attendee[0])
        assert page.title() == "Check in"
        page.screenshot(path=shots / "1-find.png", full_page=True)
        page.fill("#who", "olga.dubois@example.com")
        page.click("text=Find me")
        page.wait_for_selector("text=Is this you?")
        assert "Olga D." in page.inner_text(".match")
        assert "o***@e***.com" in page.inner_text(".match")
        page.screenshot(path=shots / "2-confirm.png", full_page=True)
        page.click("text=Yes, check me in")
        page.wait_for_selector("text=Welcome, Olga!")
        page.screenshot(path=shots / "3-done.png", full_page=True)
        # Nothing overflows the phone's width.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390

        # A new attendee fills in a card with mixed sharing.
        newcomer = context.browser.new_context(**PHONE).new_page()
        newcomer.goto(urls.attendee[0])
        newcomer.click("text=I’m new here")
        newcomer.fill("#f-first_name", "Ama")
        newcomer.fill("#f-last_name", "Owusu")
        newcomer.fill("#f-headline", "Data analyst")
        newcomer.fill("#f-email", "ama.owusu@example.com")
        newcomer.fill("#f-phone", "not a phone")
        newcomer.check("input[name=share_email]")
        newcomer.uncheck("input[name=share_headline]")
        newcomer.click("text=Check me in")
        newcomer.wait_for_selector(".problem")
        assert "Phone" in newcomer.inner_text(".problem")
        newcomer.screenshot(path=shots / "4-new-card-problem.png", full_page=True)
        newcomer.set_viewport_size({"width": 320, "height": 640})  # the narrowest phones still in use
        assert newcomer.evaluate("document.documentElement.scrollWidth") <= 320
        newcomer.fill("#f-phone", "214 555 0199")
        newcomer.click("text=Check me in")
        newcomer.wait_for_selector("text=Welcome, Ama!")
        ama = next(m for m in store.members.all() if m.first_name == "Ama")
        assert (ama.sharing.email, ama.sharing.phone, ama.sharing.headline, ama.sharing.linkedin) == (
            True,
            False,
            False,
            True,
        )
        assert ama.id in store.attendance.present_ids(meeting.id)

        # The desk, on a third phone: PIN, search, check-in.
        desk = context.browser.new_context(**PHONE).new_page()
        desk.goto(urls.desk[0])
        desk.fill("#pin", urls.pin)
        desk.click("text=Open the desk")
        desk.fill("#q", "sabre")
        desk.click("button:has-text('Search')")
        desk.wait_for_selector("text=Jordan Cohen")
        desk.screenshot(path=shots / "5-desk-search.png", full_page=True)
        desk.click("li:has-text('Jordan Cohen') button:has-text('Check in')")
        desk.wait_for_selector("text=Checked in: Jordan Cohen.")
        desk.screenshot(path=shots / "6-desk-checked-in.png", full_page=True)
        assert people[1].id in store.attendance.present_ids(meeting.id)
        assert not blocked, blocked  # no CSP violations or failed loads
