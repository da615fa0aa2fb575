"""`tablesession demo`: a fresh demo group, never the group's real database."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from app.cli.context import CliContext
from app.cli.paths import default_demo_db
from sessions.demo import build_demo
from sessions.errors import TablesessionError
from sessions.store import ControllerLock, Store
from sessions.store.backups import backup_folder

from .open_app import open_app


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="open the app on a fresh demo group (fictional people)")
    parser.add_argument("--no-open", action="store_true", help="build the demo database and stop")
    parser.set_defaults(handler=run)


def reset_demo(path: Path, context: CliContext) -> Store:
    """Recreate the demo database at `path`; refuse to wipe anything that is not a demo."""
    with ControllerLock(path) as lock:
        lock.acquire(context.clock.now())  # never pull the file from under a running app
        if path.exists():
            with Store.opened(path) as existing:
                if existing.has_group() and not existing.group.is_demo:
                    raise TablesessionError(
                        f"{path} holds a real group's data, not the demo; name another file with --db"
                    )
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
            shutil.rmtree(backup_folder(path), ignore_errors=True)  # copies of the old demo
        store = Store.open(path)
        build_demo(store, context.clock.today(), context.clock.now())
    return store


def run(args: argparse.Namespace, context: CliContext) -> int:
    path = context.db_path or default_demo_db()
    store = reset_demo(path, context)
    summary = f"demo group ready: {store.members.count()} members, {len(store.meetings.all())} meetings, in {path}"
    store.close()
    context.print(summary)
    if args.no_open:
        return 0
    return open_app(args, context, db_path=path)
