"""Opening the Textual app on a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext, open_group_store
from sessions.store import ControllerLock, ReadOnlyDatabaseError
from sessions.store.faults import read_only_reason


def open_app(args: argparse.Namespace, context: CliContext, *, db_path: Path | None = None) -> int:
    from app.tui.app import create_app

    path = db_path or context.group_db
    # Refuse a second controller before touching the file, so its message is the first thing seen.
    with ControllerLock(path) as lock:
        lock.acquire(context.clock.now())
        store = open_group_store(path)
        try:
            if store.db.readonly:
                # The app exists to save check-ins and seating as they happen: refuse now, not at the door.
                reason = read_only_reason(path) or "the file or its disk is read-only"
                raise ReadOnlyDatabaseError(
                    path,
                    f"is read-only ({reason}), so the app cannot save check-ins or seating and will not open it. "
                    "Commands that only read (members, attendance, meeting show) still work",
                )
            create_app(store, context.clock).run()
        finally:
            store.close()
    return 0
