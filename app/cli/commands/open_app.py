"""Opening the Textual app on a store."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext, open_group_store


def open_app(args: argparse.Namespace, context: CliContext, *, db_path: Path | None = None) -> int:
    from app.tui.app import create_app

    store = open_group_store(db_path or context.group_db)
    try:
        create_app(store, context.clock).run()
    finally:
        store.close()
    return 0
