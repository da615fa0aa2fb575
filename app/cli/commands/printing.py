"""`tablesession print KIND`: tent cards, badges, business cards, table sheets, the door list, the company
index and calibration pages, as PDF files. `--list-stock` shows the label and card stock it knows."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from app.cli.context import CliContext
from app.cli.paths import prepare_output_folder
from app.cli.table import render_table
from printables.geometry import Paper
from printables.jobs import DOCUMENTS, Document, PrintOptions, print_document
from printables.stock import PLAIN, STOCKS, find_stock
from sessions.errors import TablesessionError

from .options import add_meeting_option

POSTER = "poster"  # the self check-in door poster (app.web.poster_file): it needs the meeting's web address


def print_poster(args: argparse.Namespace, context: CliContext) -> int:
    from app.web.poster_file import write_poster

    meeting = context.meeting(args.meeting)
    output = args.output.expanduser() if args.output else prepare_output_folder(context.store(), meeting)
    paper = Paper(args.paper) if args.paper else Paper.LETTER
    path, pages, size = write_poster(context.store(), meeting, args.address, paper, output, replace=args.force)
    context.print(f"wrote {path}: {pages} page, {size // 1024} KB")
    return 0


def _clock_time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a time like 18:45") from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of minutes") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"{text!r} cannot be negative")
    return value


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    kinds = ", ".join(f"{document.value} ({info.help})" for document, info in DOCUMENTS.items())
    parser = subparsers.add_parser(
        "print",
        help="make PDFs: tents, badges, cards, sheets, door, companies, changes, calibrate",
        description=f"Make a PDF for the meeting. Documents: {kinds}, poster (the self check-in door poster).",
    )
    choices = [*(d.value for d in Document), POSTER]
    parser.add_argument("kind", nargs="?", choices=choices, metavar="KIND", help="what to print")
    parser.add_argument("--address", metavar="HOST[:PORT]", help="poster: where `serve` listens (default: LAN, 8765)")
    add_meeting_option(parser)
    parser.add_argument("--round", type=_positive, metavar="N", help="sheets and door list: only round N")
    parser.add_argument("--paper", choices=[p.value for p in Paper], help="letter or a4 (default: letter)")
    parser.add_argument("--stock", metavar="NAME", help="label or card stock (see --list-stock; default: plain)")
    parser.add_argument(
        "--cut-lines",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="dashed cut lines between cells (default: on for plain paper, off for labels)",
    )
    parser.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="FILE",
        help="the PDF to write, or a folder for it (default: Documents/tablesession/GROUP/DATE/)",
    )
    parser.add_argument(
        "--force", action="store_true", help="with -o: replace a file already there (otherwise the new one is numbered)"
    )
    parser.add_argument("--start", type=_clock_time, metavar="HH:MM", help="sheets: when the first round starts")
    parser.add_argument(
        "--break", dest="round_break", type=_minutes, default=5, metavar="MIN",
        help="sheets: minutes between rounds, to change tables (default 5)",
    )  # fmt: skip
    parser.add_argument("--registered", action="store_true", help="everyone registered, not only those checked in")
    parser.add_argument("--member", type=int, action="append", default=[], metavar="ID", help="only this member")
    parser.add_argument("--copies", type=_positive, metavar="N", help="cards: how many per member (default: a sheet)")
    parser.add_argument(
        "--table-number", action="store_true", help="tents and badges: print each person's round-1 table"
    )
    parser.add_argument("--list-stock", action="store_true", help="list the stock and stop")
    parser.set_defaults(handler=run)


def list_stock(context: CliContext) -> int:
    rows = [
        [
            stock.name,
            stock.kind.value,
            stock.paper.label + (" landscape" if stock.landscape else ""),
            f"{stock.columns} x {stock.rows}",
            stock.size_label(),
            stock.description,
        ]
        for stock in STOCKS
    ]
    context.print(*render_table(["stock", "for", "paper", "cells", "cell size", "description"], rows, max_width=60))
    return 0


def options_from(args: argparse.Namespace, document: Document) -> PrintOptions:
    """Command-line choices as PrintOptions; a manufacturer's stock brings its own paper size."""
    paper = Paper(args.paper) if args.paper else None
    kind = DOCUMENTS[document].stock_kind
    stock_name = args.stock.strip().lower() if args.stock else None
    if stock_name is not None and document is not Document.CALIBRATE:
        if kind is None:
            raise TablesessionError(f"--stock: {document.value} print on plain paper; leave --stock out")
        stock = find_stock(kind, stock_name, paper)
        if stock_name != PLAIN:
            paper = stock.paper
    if args.copies is not None and document is not Document.CARDS:
        raise TablesessionError("--copies is for business cards (print cards)")
    if args.table_number and document not in (Document.TENTS, Document.BADGES):
        raise TablesessionError("--table-number is for tents and badges")
    if args.round is not None and not DOCUMENTS[document].needs_plan:
        raise TablesessionError(f"--round is for sheets and the door list, not {document.value}")
    return PrintOptions(
        paper=paper or Paper.LETTER,
        stock=stock_name,
        round=args.round,
        cut_lines=args.cut_lines,
        start=args.start,
        round_break=dt.timedelta(minutes=args.round_break),
        registered=args.registered,
        member_ids=tuple(args.member),
        copies=args.copies,
        table_number=args.table_number,
    )


def run(args: argparse.Namespace, context: CliContext) -> int:
    if args.list_stock:
        return list_stock(context)
    if args.kind is None:
        raise TablesessionError("say what to print: " + ", ".join(d.value for d in Document))
    if args.kind == POSTER:
        return print_poster(args, context)
    document = Document(args.kind)
    options = options_from(args, document)
    meeting = None
    if document is not Document.CALIBRATE or args.meeting is not None:
        meeting = context.meeting(args.meeting)
    if args.force and args.output is None:
        raise TablesessionError("--force replaces the file named with -o; without -o nothing is ever replaced")
    if args.output is None:
        output = prepare_output_folder(context.store(), meeting)
    else:
        output = args.output.expanduser()
        if output.suffix.lower() != ".pdf" and not output.exists():
            raise TablesessionError(f"-o {output}: no such folder (name a .pdf file or an existing folder)")
    result = print_document(context.store(), meeting, document, options, output=output, replace=args.force)
    pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
    context.print(f"wrote {result.path}: {pages}, {result.size // 1024} KB")
    for warning in result.warnings:
        context.print(f"warning: {warning}")
    return 0
