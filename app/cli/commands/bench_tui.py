"""`tablesession bench tui`: key-to-screen latency of the main keys on a 60-person meeting, from Pilot."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    from app.tui.big_room_bench import big_room_latencies  # textual only when this bench runs
    from app.tui.key_bench import key_latencies

    return {**key_latencies(), **big_room_latencies()}
