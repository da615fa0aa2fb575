"""Opening the Textual app on a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext, open_group_store
from sessions.store import ControllerLock, ReadOnlyDatabaseError
from sessions.store.faults import read_only_reason


def refuse_read_only(path: Path, reason: str) -> ReadOnlyDatabaseError:
    # The app exists to save check-ins and seating as they happen: refuse now, not at the door.
    return ReadOnlyDatabaseError(
        path,
        f"is read-only ({reason}), so the app cannot save check-ins or seating and will not open it. "
        "Commands that only read (members, attendance, meeting show) still work",
    )


def open_app(args: argparse.Namespace, context: CliContext, *, db_path: Path | None = None) -> int:
    from app.tui.app import create_app

    path = db_path or context.group_db
    reason = read_only_reason(path) if path.exists() else None
    if reason:  # before the lock file: a read-only folder cannot hold one
        raise refuse_read_only(path, reason)
    # Refuse a second controller before touching the file, so its message is the first thing seen.
    with ControllerLock(path) as lock:
        lock.acquire(context.clock.now())
        store = open_group_store(path)
        context.warn_permissions(store)
        try:
            if store.db.readonly:
                raise refuse_read_only(path, "the file or its disk is read-only")
            create_app(store, context.clock).run()
        finally:
            store.close()
    return 0
