"""Importing a meeting exported as JSON. Not a command of its own: `tablesession import FILE.json` calls
`run_json_import` (the import command decides by the file)."""

from __future__ import annotations

from pathlib import Path

from app.cli.context import CliContext
from sessions.exports import import_meeting_json


def run_json_import(path: Path, context: CliContext) -> int:
    summary = import_meeting_json(context.store(), path, context.clock)
    context.print(*summary.lines())
    return 0
