"""`tablesession members`: the group's members and their cards."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.cli.table import render_table

from .options import add_json_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("members", help="list the group's members")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    members = context.store().members.all()
    if args.json:
        context.print_json([m.model_dump(mode="json") for m in members])
        return 0
    rows = [
        [
            str(m.id),
            m.full_name,
            m.current_employer or "",
            ", ".join(m.subgroups),
            ", ".join(sorted(tag.value for tag in m.tags)),
            m.email or "",
        ]
        for m in members
    ]
    context.print(*render_table(["id", "name", "employer", "sub-groups", "tags", "email"], rows))
    context.print(f"{len(members)} members")
    return 0
