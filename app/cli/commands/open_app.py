"""Opening the Textual app on a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext, open_group_store
from sessions.store import ControllerLock


def open_app(args: argparse.Namespace, context: CliContext, *, db_path: Path | None = None) -> int:
    from app.tui.app import create_app

    path = db_path or context.group_db
    # Refuse a second controller before touching the file, so its message is the first thing seen.
    with ControllerLock(path) as lock:
        lock.acquire(context.clock.now())
        store = open_group_store(path)
        context.warn_permissions(store)
        try:
            create_app(store, context.clock).run()
        finally:
            store.close()
    return 0
