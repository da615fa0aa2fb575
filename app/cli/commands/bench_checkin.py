"""Check-in figures: search latency per keystroke over 2,000 members, and a 5,000-row Eventbrite import."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from sessions.checkin.benchmark import import_speed, search_latency


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    return {**search_latency(), **import_speed(context.clock.today(), context.clock.now())}
