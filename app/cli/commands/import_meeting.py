"""Importing a meeting exported as JSON. Not a command of its own: `tablesession import FILE.json` calls
`run_json_import` (the import command decides by the file)."""

from __future__ import annotations

from pathlib import Path

from app.cli.context import CliContext
from sessions.exports import import_meeting_json
from sessions.store import Store


def run_json_import(path: Path, context: CliContext) -> int:
    context.print(*import_meeting_lines(context.store(), path, context))
    return 0


def import_meeting_lines(store: Store, path: Path, context: CliContext) -> list[str]:
    return list(import_meeting_json(store, path, context.clock).lines())
