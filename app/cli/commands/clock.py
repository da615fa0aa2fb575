"""`tablesession clock --follow`: the projector view of the pitch clock, in a second terminal."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from sessions.errors import TablesessionError
from sessions.store.clock_focus import ClockFocus

from .options import add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "clock",
        help="show the pitch clock on a second screen (the projector)",
        description="The clock is run from the app (f5). --follow shows it full screen in this terminal, "
        "following the app through the group's database (the meeting the app has on its clock, unless "
        "--meeting names one); it never controls the clock.",
    )
    parser.add_argument("--follow", action="store_true", help="follow the clock the app is running (required)")
    add_meeting_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    if not args.follow:
        raise TablesessionError("the clock is run from the app (press f5 there); add --follow to show it here")
    from app.tui.projector_app import ProjectorApp

    store = context.store(readonly=True)  # a viewer: it cannot change anything, even by mistake
    # Not context.meeting(): that keeps a backup first, which is the controlling app's job.
    # Without --meeting it shows the meeting the app has on its clock (f9 there switches it here too).
    on_the_clock = ClockFocus(store.db).meeting_id() if args.meeting is None else None
    if on_the_clock is not None:
        meeting = store.meetings.get(on_the_clock)
    else:
        meeting = store.meetings.resolve(args.meeting, context.clock.today())
    ProjectorApp(store, meeting, context.clock, follow_app=args.meeting is None).run()
    return 0
