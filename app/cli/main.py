"""Entry point of the `tablesession` command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from pydantic import ValidationError

import sessions
from sessions.errors import TablesessionError
from sessions.models import describe_validation_error
from sessions.timekeeping import Clock, SystemClock

from .commands import COMMANDS
from .context import CliContext

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_INTERRUPTED = 130


class UsageError(TablesessionError):
    """The command line itself is wrong."""


class Parser(argparse.ArgumentParser):
    """argparse, but errors are one line on stderr (exit 2) instead of usage dumps."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def extract_db(argv: list[str]) -> tuple[Path | None, list[str]]:
    """`--db PATH` may stand anywhere on the line, before or after the command."""
    rest: list[str] = []
    db: Path | None = None
    items = iter(argv)
    for item in items:
        if item == "--":
            rest.append(item)
            rest.extend(items)
            break
        if item == "--db":
            value = next(items, None)
            if value is None or value == "":
                raise UsageError("--db needs a file path")
            db = Path(value)
        elif item.startswith("--db="):
            value = item.removeprefix("--db=")
            if not value:
                raise UsageError("--db needs a file path")
            db = Path(value)
        else:
            rest.append(item)
    return db, rest


def build_parser() -> Parser:
    parser = Parser(
        prog="tablesession",
        description="Run a job-networking meeting: check-in, seating, the pitch clock, name cards and exports.",
        epilog="--db PATH (anywhere on the line) uses another group database. "
        "With no command, the app opens on the group's database.",
    )
    parser.add_argument("--version", action="version", version=f"tablesession {sessions.__version__}")
    parser.add_argument("--db", metavar="PATH", help="the group database to use (default: in the user data dir)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None, *, clock: Clock | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    context = CliContext(clock=clock or SystemClock())
    try:
        context.db_path, arguments = extract_db(arguments)
        args = build_parser().parse_args(arguments)
        handler = getattr(args, "handler", None)
        if handler is None:
            from .commands.open_app import open_app

            return open_app(args, context)
        return int(handler(args, context))
    except TablesessionError as exc:
        context.warn(f"error: {exc}")
        return EXIT_USER_ERROR
    except ValidationError as exc:
        context.warn(f"error: {describe_validation_error(exc)}")
        return EXIT_USER_ERROR
    except SystemExit as exit_:  # --help and --version finish early
        return int(exit_.code or 0)
    except KeyboardInterrupt:
        context.warn("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    finally:
        context.close()
