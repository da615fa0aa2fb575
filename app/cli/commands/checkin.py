"""`tablesession checkin QUERY`: check one person in by name, email or company."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.cli.member_lookup import LookupWords, MemberLookup
from sessions.checkin import check_in
from sessions.errors import NotFoundError

from .options import add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "checkin",
        help="check someone in (exactly one match is checked in; several are listed)",
        description="Search the group by name, email or company (accents and small typos forgiven). "
        "When the search clearly means one person they are checked in; otherwise the matches are listed.",
    )
    parser.add_argument("query", nargs="+", help="what to search for, e.g. 'jordan coh'")
    parser.add_argument("--id", dest="member_id", type=int, help="check in this member id from the list")
    add_meeting_option(parser)
    parser.set_defaults(handler=run)


CHECKIN_WORDS = LookupWords(
    not_done="nobody was checked in",
    refine="Type more of the name, or add --id ID",
    unknown="; a walk-in can be added in the app (check-in, ctrl+n)",
)


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    query = " ".join(args.query)
    lookup = MemberLookup(store, meeting.id)
    if args.member_id is not None:
        if args.member_id not in {hit.member_id for hit in lookup.search(query)}:
            raise NotFoundError(f"member {args.member_id} does not match {query!r}")
        chosen = args.member_id
    else:
        chosen = lookup.one(query, context, CHECKIN_WORDS)
    result = check_in(store, meeting, chosen, context.clock.now())
    name = result.member.full_name
    when = result.attendance.checked_in_at
    at = when.astimezone().strftime("%H:%M") if when else "?"
    if result.already:
        context.print(f"{name} was already checked in at {at}; nothing changed")
    else:
        late = " (after seating: fit them in from the seating area)" if result.late else ""
        context.print(f"checked in: {name} at {at}{late}")
    return 0
