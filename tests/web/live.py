"""A real server on 127.0.0.1 and a free port, in a thread with its own event loop, for browser and load tests."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from app.web.guards import Limits
from app.web.server import SelfServiceServer
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import Clock


@contextmanager
def live_server(
    store: Store, meeting: Meeting, clock: Clock, database: Path, limits: Limits | None = None
) -> Iterator[SelfServiceServer]:
    server = SelfServiceServer(store, meeting, clock, database, host="127.0.0.1", port=0, limits=limits)
    server.start()
    started = threading.Event()

    async def main() -> None:
        task = asyncio.create_task(server.serve())
        await server.wait_started()
        started.set()
        await task

    thread = threading.Thread(target=asyncio.run, args=(main(),), daemon=True)
    thread.start()
    assert started.wait(10), "the server did not start"
    try:
        yield server
    finally:
        server.stop()
        thread.join(10)
