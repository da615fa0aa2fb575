"""`tablesession backup` and `tablesession restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext
from app.cli.table import render_table
from sessions.store import list_backups, restore_backup


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    backup = subparsers.add_parser("backup", help="copy the group's database now, or list the copies")
    backup.add_argument("--list", action="store_true", help="list the copies kept")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser("restore", help="put a backup copy back in place of the group's database")
    restore.add_argument("file", type=Path, help="a backup (see 'tablesession backup --list')")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace, context: CliContext) -> int:
    if args.list:
        backups = list_backups(context.group_db)
        rows = [
            [b.taken_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), b.reason, str(b.path)] for b in reversed(backups)
        ]
        # Paths are never shortened: the facilitator copies them into the restore command.
        context.print(*render_table(["taken", "why", "file"], rows, max_width=4096))
        context.print(f"{len(backups)} copies")
        return 0
    path = context.store().backups.take("manual")
    context.print(f"backed up to {path}")
    return 0


def run_restore(args: argparse.Namespace, context: CliContext) -> int:
    source: Path = args.file.expanduser()
    if not source.is_file():
        context.warn(f"error: {source}: no such file")
        return 2
    safety = restore_backup(source, context.group_db, context.clock.now())
    context.print(f"restored {context.group_db} from {source}")
    if safety is not None:
        context.print(f"what it replaced was kept in {safety}")
    return 0
