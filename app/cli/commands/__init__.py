"""One module per command. Each has `register(subparsers)`, which adds its parser and sets
`handler=run`, where `run(args, context) -> int`. Add a command by adding its module here."""

from __future__ import annotations

from types import ModuleType

from . import (
    attendance,
    backup,
    bench,
    card,
    checkin,
    clock,
    demo,
    export,
    forget,
    group,
    import_roster,
    meeting,
    members,
    plan,
    printing,
    rules,
    seat,
    serve,
)

COMMANDS: tuple[ModuleType, ...] = (
    demo,
    members,
    meeting,
    group,
    import_roster,
    checkin,
    serve,
    attendance,
    card,
    rules,
    seat,
    plan,
    clock,
    export,
    printing,
    forget,
    backup,
    bench,
)
