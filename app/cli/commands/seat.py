"""`tablesession seat`: plan the meeting's tables for the members checked in, save and print the plan."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from sessions.errors import TablesessionError
from sessions.models import Member, SeatingPlan
from sessions.seating import SeatingResult, SubgroupMode
from sessions.seating.service import DEFAULT_ROUNDS, SeatingOptions, plan_meeting

from .options import add_json_option, add_meeting_option


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "seat", help="seat the members checked in at tables over rounds, so people meet new people"
    )
    add_meeting_option(parser)
    parser.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS, help=f"rounds (default {DEFAULT_ROUNDS})")
    parser.add_argument("--min", type=int, dest="min_size", metavar="N", help="fewest people per table")
    parser.add_argument("--max", type=int, dest="max_size", metavar="N", help="most people per table")
    parser.add_argument("--tables", type=int, metavar="N", help="exactly this many tables")
    parser.add_argument(
        "--mode",
        choices=[m.value for m in SubgroupMode],
        default=SubgroupMode.MIX.value,
        help="sub-groups spread over tables (mix) or seated together (cluster)",
    )
    parser.add_argument("--seed", type=int, help="the same seed gives the same plan (default: a new one)")
    parser.add_argument("--time-limit", type=float, default=5.0, metavar="SEC", help="longest search (default 5)")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def _options(args: argparse.Namespace) -> SeatingOptions:
    for name, value in (("--rounds", args.rounds), ("--tables", args.tables)):
        if value is not None and value < 1:
            raise TablesessionError(f"{name} must be at least 1")
    for name, value in (("--min", args.min_size), ("--max", args.max_size)):
        if value is not None and not 2 <= value <= 20:
            raise TablesessionError(f"{name} must be between 2 and 20")
    if args.min_size and args.max_size and args.min_size > args.max_size:
        raise TablesessionError(f"--min {args.min_size} is larger than --max {args.max_size}")
    if args.time_limit <= 0:
        raise TablesessionError("--time-limit must be more than 0 seconds")
    return SeatingOptions(
        rounds=min(args.rounds, 20),
        min_size=args.min_size,
        max_size=args.max_size,
        tables=args.tables,
        mode=SubgroupMode(args.mode),
        seed=args.seed,
        time_limit=min(args.time_limit, 600),
    )


def plan_json(meeting_id: int, plan: SeatingPlan, members: dict[int, Member], result: SeatingResult) -> dict[str, Any]:
    def name(member_id: int) -> str:
        member = members.get(member_id)
        return member.shared_card().full_name if member else ""

    return {
        "meeting": meeting_id,
        "seed": plan.seed,
        "rounds": [
            {
                "round": r.number,
                "locked": r.locked,
                "tables": [
                    {
                        "table": t.label,
                        "seats": [{"member_id": m, "name": name(m)} for m in t.member_ids],
                    }
                    for t in r.tables
                ],
            }
            for r in plan.rounds
        ],
        "stats": {
            "repeat_pairs": result.stats.repeat_pairs,
            "history_repeat_pairs": result.stats.history_repeat_pairs,
            "max_pair_meetings": result.stats.max_pair_meetings,
            "new_pair_ratio": result.stats.new_pair_ratio,
        },
        "warnings": list(result.warnings),
    }


def stats_line(result: SeatingResult) -> str:
    s = result.stats
    return (
        f"{s.repeat_pairs} repeat pairs, {s.history_repeat_pairs} met before, "
        f"most meetings of a pair {s.max_pair_meetings}, new pairs {s.new_pair_ratio:.0%}"
    )


def run(args: argparse.Namespace, context: CliContext) -> int:
    options = _options(args)
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    if not store.attendance.present_ids(meeting.id):
        raise TablesessionError(f"no one is checked in to {meeting.label}: check people in first")
    result = plan_meeting(store, meeting, options, context.clock)
    plan = result.plan
    members = store.members.get_many({m for r in plan.rounds for m in r.member_ids})
    for warning in result.warnings:
        context.warn(warning)
    if args.json:
        context.print_json(plan_json(meeting.id, plan, members, result))
        return 0
    context.print(f"{meeting.label}: {len(plan.rounds)} rounds, seed {plan.seed}")
    for round_ in plan.rounds:
        context.print("", f"Round {round_.number}" + (" (locked)" if round_.locked else ""))
        for table in round_.tables:
            names = ", ".join(members[m].shared_card().full_name if m in members else "?" for m in table.member_ids)
            context.print(f"  Table {table.label} ({len(table.seats)}): {names}")
    context.print("", stats_line(result))
    return 0
