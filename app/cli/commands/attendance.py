"""`tablesession attendance`: who is registered for the meeting and who has arrived."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.cli.table import render_table
from sessions.checkin import counts, seated_since, status_of

from .options import add_json_option, add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("attendance", help="who is registered for the meeting and who has checked in")
    add_meeting_option(parser)
    add_json_option(parser)
    parser.set_defaults(handler=run)


def _time(value: object) -> str:
    import datetime as dt

    return value.astimezone().strftime("%H:%M") if isinstance(value, dt.datetime) else ""


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    roster = store.attendance.roster(meeting.id)
    seated_at = seated_since(store, meeting)
    totals = counts([attendance for _, attendance in roster], seated_at)
    if args.json:
        context.print_json(
            {
                "meeting": meeting.model_dump(mode="json"),
                "counts": {
                    "registered": totals.registered,
                    "checked_in": totals.checked_in,
                    "walk_ins": totals.walk_ins,
                    "late": totals.late,
                    "no_shows": totals.no_shows,
                    "left": totals.left,
                },
                "attendance": [
                    {
                        "member_id": member.id,
                        "name": member.full_name,
                        "status": status_of(attendance, seated_at).value,
                        **attendance.model_dump(mode="json", exclude={"meeting_id", "member_id"}),
                    }
                    for member, attendance in roster
                ],
            }
        )
        return 0
    rows = [
        [
            str(member.id),
            member.full_name,
            status_of(attendance, seated_at).value,
            _time(attendance.checked_in_at),
            attendance.source,
        ]
        for member, attendance in roster
    ]
    context.print(f"{meeting.label}")
    context.print(*render_table(["id", "name", "status", "in at", "source"], rows))
    context.print(totals.line())
    return 0
