"""A self check-in site over the shared `people` fixture, driven through Starlette's TestClient."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from starlette.testclient import TestClient

from app.web.guards import Limits
from app.web.service import SelfService
from app.web.site import Site, build_site
from app.web.tokens import MeetingTokens
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock

SECRET = b"s" * 32
PIN = "428613"


@dataclass
class Web:
    site: Site
    client: TestClient

    @property
    def base(self) -> str:
        return f"/{self.site.tokens.attendee}"

    @property
    def desk(self) -> str:
        return f"/{self.site.tokens.desk}/desk"

    def csrf(self, path: str) -> str:
        page = self.client.get(path)
        assert page.status_code == 200, page.text
        found = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert found is not None
        return found.group(1)

    def unlock_desk(self) -> None:
        token = self.csrf(self.desk)
        answer = self.client.post(f"{self.desk}/pin", data={"csrf": token, "pin": PIN}, follow_redirects=False)
        assert answer.status_code == 303


def make_web(store: Store, meeting: Meeting, clock: FakeClock, limits: Limits | None = None) -> Web:
    assert meeting.id is not None
    service = SelfService(store, meeting, clock)
    site = Site(service, MeetingTokens.for_meeting(SECRET, meeting.id), PIN, limits or Limits(), clock.monotonic)
    return Web(site, TestClient(build_site(site)))


@pytest.fixture
def web(store: Store, meeting: Meeting, clock: FakeClock, people: list[Member]) -> Iterator[Web]:
    made = make_web(store, meeting, clock)
    with made.client:
        yield made
