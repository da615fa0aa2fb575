"""Waiting on conditions in Pilot tests, never on fixed sleeps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.pilot import Pilot

# Generous: a busy 2-core CI machine can be slow, and a passing test returns as soon as the condition holds.
LIMIT_SECONDS = 10.0
STEP_SECONDS = 0.02


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], what: str = "condition") -> None:
    """Let the app process messages until `condition()` holds; fail naming `what` if it never does."""
    waited = 0.0
    while not condition():
        if waited >= LIMIT_SECONDS:
            raise AssertionError(f"timed out waiting for {what}")
        await pilot.pause(STEP_SECONDS)
        waited += STEP_SECONDS
