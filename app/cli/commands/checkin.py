"""`tablesession checkin QUERY`: check one person in by name, email or company."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from app.cli.table import render_table
from sessions.checkin import CheckinIndex, check_in, decisive, status_of
from sessions.errors import NotFoundError, TablesessionError

from .options import add_meeting_option

SHOWN = 10


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


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    query = " ".join(args.query)
    registered = {a.member_id for a in store.attendance.for_meeting(meeting.id) if a.registered}
    hits = CheckinIndex(store.members.all()).search(query, limit=50, preferred=registered)
    if args.member_id is not None:
        if args.member_id not in {hit.member_id for hit in hits}:
            raise NotFoundError(f"member {args.member_id} does not match {query!r}")
        chosen = args.member_id
    else:
        best = decisive(hits)
        if best is None:
            if not hits:
                raise NotFoundError(f"nobody matches {query!r}; a walk-in can be added in the app (check-in, ctrl+n)")
            members = store.members.get_many([hit.member_id for hit in hits[:SHOWN]])
            rows = []
            for hit in hits[:SHOWN]:
                member = members[hit.member_id]
                status = status_of(store.attendance.find(meeting.id, hit.member_id))
                rows.append(
                    [str(hit.member_id), member.full_name, member.current_employer or "", member.email or "", status]
                )
            context.print(*render_table(["id", "name", "employer", "email", "status"], rows))
            more = f" (showing {SHOWN} of {len(hits)})" if len(hits) > SHOWN else ""
            raise TablesessionError(
                f"{len(hits)} people match {query!r}{more}; nobody was checked in. "
                "Type more of the name, or add --id ID"
            )
        chosen = best.member_id
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
