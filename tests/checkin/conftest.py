"""Check-in test fixtures on top of tests/conftest.py (temp store, fake clock, tonight's meeting)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest


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
