"""`tablesession export KIND -o PATH`: contacts, the meeting as JSON, or follow-up files."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.context import CliContext
from app.cli.paths import prepare_output_folder
from app.export_pages import followup_pages
from sessions.errors import TablesessionError
from sessions.exports import KINDS, ExportKind, ExportRequest, ExportScope, run_export, suggested_name

from .options import add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = "; ".join(f"{kind.value}: {info.help}" for kind, info in KINDS.items())
    parser = subparsers.add_parser(
        "export",
        help="export contacts, the meeting, or follow-up files",
        description=f"Write what members agreed to share. Kinds -- {kinds}.",
    )
    parser.add_argument("kind", choices=[k.value for k in ExportKind], metavar="KIND", help="what to write")
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="the file to write (a folder for followup); default: a dated name in the current folder",
    )
    add_meeting_option(parser)
    parser.add_argument("--round", type=int, metavar="R", help="only the people seated in round R")
    parser.add_argument("--table", metavar="T", help="only the people at table T (needs --round)")
    parser.add_argument("--zip", action="store_true", help="with vcard: one card per file in a zip (for Outlook)")
    parser.add_argument(
        "--web", action="store_true", help="with outlook-csv: Outlook.com's shape (61 columns) instead of the desktop's"
    )
    parser.add_argument(
        "--shared-only",
        action="store_true",
        help="with json: only what each person agreed to share, to hand to others (by default every card goes "
        "whole, for the group's own other laptop)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace files that already exist (regular files only, never a link)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    kind = ExportKind(args.kind)
    if args.zip:
        if kind not in (ExportKind.VCARD, ExportKind.VCARD_ZIP):
            raise TablesessionError("--zip goes with the vcard kind only")
        kind = ExportKind.VCARD_ZIP
    if args.web:
        if kind not in (ExportKind.OUTLOOK_CSV, ExportKind.OUTLOOK_WEB_CSV):
            raise TablesessionError("--web goes with the outlook-csv kind only")
        kind = ExportKind.OUTLOOK_WEB_CSV
    if args.shared_only and kind is not ExportKind.JSON:
        raise TablesessionError("--shared-only goes with the json kind only: every other export is shared fields only")
    store = context.store()
    scope = ExportScope(context.meeting(args.meeting), round_number=args.round, table_label=args.table)
    path = args.output or prepare_output_folder(store, scope.meeting) / suggested_name(kind, scope)
    request = ExportRequest(
        kind=kind,
        path=path.expanduser(),
        scope=scope,
        now=context.clock.now(),
        overwrite=args.force,
        shared_only=args.shared_only,
    )
    summary = run_export(store, request, pages=followup_pages(store))
    context.print(*summary.lines())
    if summary.contact_notice:
        context.warn(summary.contact_notice)
    return 0
