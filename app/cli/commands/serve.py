"""`tablesession serve`: the self check-in pages for a meeting, until Ctrl+C."""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from app.cli.context import CliContext
from app.web.addresses import ANY
from app.web.server import DEFAULT_PORT, SelfServiceServer
from app.web.terminal_qr import ansi, qr_rows

from .options import add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="self check-in pages: attendees check in from their phones, a second desk with a PIN",
        description="Serve the meeting's self check-in pages on this laptop until Ctrl+C. Prints the attendee "
        "address (and its QR code) and the desk address with its PIN. Plain HTTP: run it only on a network "
        "you trust.",
    )
    add_meeting_option(parser)
    parser.add_argument("--host", default=ANY, help="the address to listen on (default: every interface)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT}; 0: any free one)"
    )
    parser.add_argument("--no-qr", action="store_true", help="do not draw the QR code")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    server = SelfServiceServer(store, meeting, context.clock, context.group_db, host=args.host, port=args.port)
    addresses = server.start()
    context.print(f"Self check-in for {meeting.label}", *addresses.lines())
    if not args.no_qr:
        rows = qr_rows(addresses.attendee[0])
        context.print(*(ansi(rows) if context.out.isatty() else rows))
    context.print("Ctrl+C stops the server.")
    context.out.flush()
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(server.serve(handle_signals=True))
    context.print("stopped")
    return 0
