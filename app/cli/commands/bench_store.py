"""How long a check-in takes to reach the disk, in a scratch database."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from app.cli.context import CliContext
from sessions.models import Meeting, Member
from sessions.store import Store

MEMBERS = 300


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder, Store.opened(Path(folder) / "bench.sqlite3") as store:
        meeting = store.meetings.add(Meeting(date=context.clock.today()))
        assert meeting.id is not None
        with store.transaction():
            ids = [store.members.add(Member(first_name=f"Person{i}", last_name="Bench")).id for i in range(MEMBERS)]
        latencies: list[float] = []
        for member_id in ids:
            assert member_id is not None
            started = time.perf_counter()
            store.attendance.check_in(meeting.id, member_id, context.clock.now())
            latencies.append((time.perf_counter() - started) * 1000)
    latencies.sort()
    return {
        "check_ins": len(latencies),
        "median_ms": statistics.median(latencies),
        "p95_ms": latencies[int(len(latencies) * 0.95) - 1],
        "max_ms": latencies[-1],
    }
