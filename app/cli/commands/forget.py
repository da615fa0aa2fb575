"""`tablesession forget MEMBER`: delete a member and everything about them; their past seats stay empty."""

from __future__ import annotations

import argparse
import sys

from app.cli.context import CliContext
from sessions.errors import TablesessionError
from sessions.forget import find_member, forget_member


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "forget",
        help="delete a member, their card and registrations (seating history keeps an empty seat)",
    )
    parser.add_argument("member", metavar="MEMBER", help="an id, an email, or the exact full name")
    parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    parser.set_defaults(handler=run)


def _confirmed(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"{question} [y/N] ")
    return answer.strip().casefold() in ("y", "yes")


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    member = find_member(store, args.member)
    assert member.id is not None
    question = f"Forget {member.full_name} (id {member.id})? This cannot be undone."
    if not args.yes and not _confirmed(question):
        raise TablesessionError(f"not forgetting {member.full_name} (id {member.id}): confirm with --yes")
    summary = forget_member(store, member.id)
    context.print(*summary.lines())
    for warning in summary.warnings():
        context.warn(warning)
    return 0
