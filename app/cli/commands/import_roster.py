"""`tablesession import FILE`: registrations from Eventbrite, pretix, Meetup, Google Forms, LinkedIn or any CSV, and
address books (vCard files, Google Contacts and Outlook CSVs, Meetup member lists)."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.commands.import_meeting import import_meeting_lines, run_json_import
from app.cli.context import CliContext
from sessions.errors import NotFoundError, TablesessionError
from sessions.roster import ImportField, Override, SourceFormat, import_roster, prepare
from sessions.roster.opening import check_export_path

from .options import add_json_option, add_meeting_option

AUTO = "auto"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fields = ", ".join(field.value for field in ImportField)
    parser = subparsers.add_parser(
        "import",
        help="import a registration export into the group and the meeting's registrations",
        description="Import attendees from an export file or an address book. The format is detected from the file; "
        "the mapping of columns to card fields is printed. Nothing is written with --dry-run, and an error "
        "leaves the database as it was.",
        epilog=f"Fields for --map: {fields}. An empty COLUMN (--map title=) stops a field being filled.",
    )
    parser.add_argument(
        "file",
        type=Path,
        help="the export (.csv, a Meetup .xls, an address book's .vcf); a meeting .json goes to the meeting importer",
    )
    parser.add_argument(
        "--format",
        choices=[AUTO, *(source.value for source in SourceFormat)],
        default=AUTO,
        help="the export's format (default: detect it from the file)",
    )
    parser.add_argument(
        "--map",
        dest="overrides",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="read FIELD from the column titled COLUMN (repeatable)",
    )
    parser.add_argument("--check-in", action="store_true", help="also check in everyone registered by this file")
    parser.add_argument("--dry-run", action="store_true", help="show what would happen; change nothing")
    add_meeting_option(parser)
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    path: Path = args.file
    check_export_path(path)  # a device, pipe or /proc file is refused before either importer opens it
    # The one place other kinds of file are routed: a meeting exported as JSON has its own importer.
    if path.suffix.lower() == ".json":
        return import_meeting_json(args, context)
    return import_registrations(args, context)


def import_meeting_json(args: argparse.Namespace, context: CliContext) -> int:
    """A whole meeting exported on another laptop: its own importer matches people and duplicates no one."""
    not_for_json = [flag for flag, used in (("--map", args.overrides), ("--check-in", args.check_in)) if used]
    if args.format != AUTO or not_for_json:
        flags = ["--format", *not_for_json] if args.format != AUTO else not_for_json
        verb = "is" if len(flags) == 1 else "are"
        raise TablesessionError(
            f"{args.file.name}: {', '.join(flags)} {verb} for registration exports, not for a meeting file"
        )
    if not args.dry_run:
        return run_json_import(args.file, context)
    store = context.store()
    try:
        with store.transaction():
            summary = import_meeting_lines(store, args.file, context)
            raise _DryRunFinished(summary)
    except _DryRunFinished as finished:
        context.print(*finished.lines, "dry run: nothing was changed")
    return 0


class _DryRunFinished(Exception):
    """Raised inside the import's transaction so that everything it did is rolled back."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("dry run")
        self.lines = lines


def import_registrations(args: argparse.Namespace, context: CliContext) -> int:
    overrides = [Override.parse(text) for text in args.overrides]
    source = None if args.format == AUTO else SourceFormat(args.format)
    # The file is read first: one that cannot be imported leaves everything as it was, backups included.
    prepared = prepare(args.file, source, overrides)
    store = context.store()
    try:
        # A dry run writes nothing, not even the copy kept before a meeting's first change.
        meeting = (
            store.meetings.resolve(args.meeting, context.clock.today())
            if args.dry_run
            else context.meeting(args.meeting)
        )
    except NotFoundError:
        if args.meeting is not None:
            raise
        meeting = None  # no meetings yet: members are still imported, and the summary says nobody was registered
    summary = import_roster(
        store,
        path=args.file,
        meeting=meeting,
        now=context.clock.now(),
        source=source,
        overrides=overrides,
        check_in=args.check_in,
        dry_run=args.dry_run,
        prepared=prepared,
    )
    if args.json:
        context.print_json(summary.to_json())
    else:
        context.print(*summary.lines())
    return 0
