"""Fixtures for the roster import and check-in tests: a temp store with a group and tonight's meeting."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.models import Group, Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock

MEETING_DAY = dt.date(2026, 11, 24)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.opened(tmp_path / "group.sqlite3") as opened:
        opened.save_group(Group(name="Test group", default_region="US"))
        yield opened


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(date=MEETING_DAY, title="Weekly networking"))


@pytest.fixture
def utc_local_time() -> Iterator[None]:
    """Times shown on screen are local; pin the zone so screens look the same on every machine."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()
