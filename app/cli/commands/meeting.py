"""`tablesession meeting new|list|show|set`."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.context import CliContext
from app.cli.table import render_table
from sessions.errors import TablesessionError
from sessions.models import Meeting, clock_time, parse_clock_time
from sessions.seating.rules import settings_for, settings_text
from sessions.store import Store

from .options import add_json_option, add_meeting_option


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-24") from None


def _duration(text: str) -> int:
    """'5:00', '4:30' or '300' -> seconds."""
    try:
        return parse_clock_time(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("meeting", help="create or list meetings")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=type(parser))

    new = actions.add_parser("new", help="create a meeting (default: today)")
    new.add_argument("--date", type=_date, help="YYYY-MM-DD (default: today)")
    new.add_argument("--title", default="", help="e.g. 'Weekly networking'")
    new.add_argument("--venue", default="")
    new.add_argument("--min", dest="table_min", type=int, default=6, help="smallest table (default 6)")
    new.add_argument("--max", dest="table_max", type=int, default=8, help="largest table (default 8)")
    new.add_argument("--turn", type=_duration, default=300, help="pitch length, M:SS (default 5:00)")
    new.add_argument("--warning", type=_duration, default=60, help="warning before time is up (default 1:00)")
    new.add_argument("--changeover", type=_duration, default=30, help="pause between speakers (default 0:30)")
    new.set_defaults(handler=run_new)

    listing = actions.add_parser("list", help="list meetings, oldest first")
    add_json_option(listing)
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="one meeting's settings and counts")
    add_meeting_option(show)
    add_json_option(show)
    show.set_defaults(handler=run_show)

    change = actions.add_parser(
        "set",
        help="change a meeting's tables or pitch clock (an open app picks it up when reopened)",
        description="Change only what is given; the rest of the meeting stays as it is.",
    )
    add_meeting_option(change)
    change.add_argument("--title")
    change.add_argument("--venue")
    change.add_argument("--min", dest="table_min", type=int, help="smallest table")
    change.add_argument("--max", dest="table_max", type=int, help="largest table")
    change.add_argument("--turn", type=_duration, help="pitch length, M:SS (at least 0:30)")
    change.add_argument("--warning", type=_duration, help="warning before time is up, M:SS")
    change.add_argument("--changeover", type=_duration, help="pause between speakers, M:SS")
    change.set_defaults(handler=run_set)


def run_new(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    day = args.date or context.clock.today()
    meeting = Meeting(
        date=day,
        title=args.title,
        venue=args.venue,
        table_min=args.table_min,
        table_max=args.table_max,
        turn_seconds=args.turn,
        warning_seconds=args.warning,
        changeover_seconds=args.changeover,
    )
    store.meetings.check_date_free(meeting)
    meeting = store.meetings.add(meeting)
    context.print(f"created meeting {meeting.id}: {meeting.label}")
    return 0


# `meeting set` option -> Meeting field.
SETTABLE = {
    "title": "title",
    "venue": "venue",
    "table_min": "table_min",
    "table_max": "table_max",
    "turn": "turn_seconds",
    "warning": "warning_seconds",
    "changeover": "changeover_seconds",
}


def run_set(args: argparse.Namespace, context: CliContext) -> int:
    changes = {field: getattr(args, option) for option, field in SETTABLE.items() if getattr(args, option) is not None}
    if not changes:
        raise TablesessionError("say what to change: --turn, --warning, --changeover, --min, --max, --title or --venue")
    meeting = context.meeting(args.meeting)
    # Validated as a whole, so a shorter turn and a shorter warning can be given together.
    changed = Meeting.model_validate({**meeting.model_dump(), **changes})
    context.store().meetings.update(changed)
    context.print(f"meeting {changed.id}: {changed.label}", *_settings_lines(changed))
    return 0


def _settings_lines(meeting: Meeting) -> list[str]:
    return [
        f"tables: {meeting.table_min} to {meeting.table_max} people",
        f"pitch: {clock_time(meeting.turn_seconds)}, warning {clock_time(meeting.warning_seconds)} before the end, "
        f"changeover {clock_time(meeting.changeover_seconds)}",
    ]


def _summary(store: Store, meeting: Meeting) -> dict[str, object]:
    if meeting.id is None:
        raise TablesessionError("meeting without an id")
    records = store.attendance.for_meeting(meeting.id)
    plan = store.seating.load(meeting.id)
    return {
        **meeting.model_dump(mode="json"),
        "registered": sum(1 for a in records if a.registered),
        "checked_in": sum(1 for a in records if a.checked_in),
        "rounds": len(plan.rounds) if plan else 0,
    }


def run_list(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    current = store.meetings.current(context.clock.today())
    summaries = [_summary(store, m) for m in store.meetings.all()]
    if args.json:
        for summary in summaries:
            summary["current"] = current is not None and summary["id"] == current.id
        context.print_json(summaries)
        return 0
    rows = [
        [
            ("* " if current and s["id"] == current.id else "  ") + str(s["id"]),
            str(s["date"]),
            str(s["title"]),
            str(s["registered"]),
            str(s["checked_in"]),
            str(s["rounds"]),
        ]
        for s in summaries
    ]
    context.print(*render_table(["  id", "date", "title", "registered", "checked in", "rounds"], rows))
    if current:
        context.print(f"* current meeting: {current.label}")
    else:
        context.print("no meetings yet: tablesession meeting new")
    return 0


def run_show(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    summary = _summary(store, meeting)
    # What the next plan follows: the saved settings, or those a first plan would start from.
    seating = settings_for(store, meeting)
    if args.json:
        context.print_json({**summary, "seating": seating.model_dump(mode="json")})
        return 0
    context.print(
        f"meeting {summary['id']}: {summary['date']} {summary['title']}".rstrip(),
        f"venue: {summary['venue'] or '-'}",
        *_settings_lines(meeting),
        f"seating: {settings_text(seating, meeting)}",
        f"registered: {summary['registered']}, checked in: {summary['checked_in']}, rounds seated: {summary['rounds']}",
    )
    return 0
