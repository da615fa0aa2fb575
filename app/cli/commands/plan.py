"""`tablesession plan`: the meeting's saved seating plan, shown as it stands, without seating again."""

from __future__ import annotations

import argparse

from app.cli.context import CliContext
from sessions.errors import TablesessionError
from sessions.seating.scoring import context_stats
from sessions.seating.service import seating_context

from .options import add_json_option, add_meeting_option
from .seat import plan_json, print_rounds, stats_line


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "plan",
        help="show the meeting's saved seating plan (without seating again)",
        description="Shows the plan as it was saved by 'tablesession seat' or the app, moves and late arrivals "
        "included. Names appear as each person shares them.",
    )
    add_meeting_option(parser)
    parser.add_argument("--round", type=int, metavar="R", help="only this round")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    plan = store.seating.load(meeting.id)
    if plan is None or not plan.rounds:
        raise TablesessionError(
            f"{meeting.label} has no seating plan yet: seat it with 'tablesession seat' or g in the app"
        )
    rounds = plan.rounds
    if args.round is not None:
        rounds = tuple(r for r in plan.rounds if r.number == args.round)
        if not rounds:
            raise TablesessionError(f"--round {args.round}: {meeting.label} has rounds 1 to {len(plan.rounds)}")
    members = store.members.get_many({m for r in rounds for m in r.member_ids})
    stats = context_stats(seating_context(store, meeting), plan)
    if args.json:
        context.print_json(plan_json(meeting.id, plan, members, stats, rounds=rounds))
        return 0
    shown = f"round {args.round} of {len(plan.rounds)}" if args.round is not None else f"{len(plan.rounds)} rounds"
    context.print(f"{meeting.label}: {shown}, seed {plan.seed}")
    print_rounds(context, rounds, members)
    context.print("", stats_line(stats))
    return 0
