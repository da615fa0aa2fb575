"""`tablesession group`: show or rename the group, set its phone region."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("group", help="show or change the group's name and phone region")
    parser.add_argument("--name", help="the group's name, printed on sheets and cards")
    parser.add_argument("--region", help="two-letter country for phone numbers typed without one (e.g. US)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    group = store.group
    changes = {k: v for k, v in {"name": args.name, "default_region": args.region}.items() if v is not None}
    if changes:
        if "default_region" in changes:
            changes["default_region"] = changes["default_region"].upper()
        group = store.save_group(group.model_validate({**group.model_dump(), **changes}))
    context.print(f"group: {group.name}", f"phone region: {group.default_region}", f"database: {store.path}")
    return 0
