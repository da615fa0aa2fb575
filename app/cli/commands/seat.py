"""`tablesession seat`: plan the meeting's tables for the members checked in, save and print the plan."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from app.cli.context import CliContext
from sessions.errors import TablesessionError
from sessions.models import (
    DEFAULT_ROUNDS,
    Member,
    Round,
    SeatingPlan,
    SeatingRule,
    SeatingSettings,
    SubgroupMode,
    limits,
    parse_room,
)
from sessions.seating.rules import effective_options, rules_in_force, settings_for, settings_text
from sessions.seating.service import plan_meeting
from sessions.seating.stats import SeatingStats

from .options import add_json_option, add_meeting_option
from .rules import describe_meeting_rules, rule_json, rule_names


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "seat",
        help="seat the members checked in at tables over rounds, so people meet new people",
        description="Seats by the meeting's saved settings and the seating rules in force ('tablesession rules'). "
        "Settings given here replace the saved ones and are kept for next time (the seed is not).",
    )
    add_meeting_option(parser)
    parser.add_argument("--rounds", type=int, metavar="N", help=f"rounds (saved; first time {DEFAULT_ROUNDS})")
    parser.add_argument("--min", type=int, dest="min_size", metavar="N", help="fewest people per table")
    parser.add_argument("--max", type=int, dest="max_size", metavar="N", help="most people per table")
    parser.add_argument("--tables", type=int, metavar="N", help="exactly this many tables")
    parser.add_argument(
        "--room",
        metavar="TABLES",
        help="the room's real tables as NAME:CHAIRS, ranges for numbered ones: '1-10:8, Bar A:6' "
        "(saved, and kept for later meetings); '' for no room",
    )
    parser.add_argument(
        "--mode",
        choices=[m.value for m in SubgroupMode],
        help="sub-groups spread over tables (mix, the first time) or seated together (cluster)",
    )
    parser.add_argument(
        "--apart-same-employer",
        action=argparse.BooleanOptionalAction,
        help="keep people who share a current employer at different tables",
    )
    parser.add_argument("--seed", type=int, help="the same seed gives the same plan (default: a new one)")
    parser.add_argument("--time-limit", type=float, metavar="SEC", help="longest search (saved; first time 5)")
    add_json_option(parser)
    parser.set_defaults(handler=run)


def _check_flags(args: argparse.Namespace) -> None:
    for name, value, most in (("--rounds", args.rounds, limits.ROUNDS_MAX), ("--tables", args.tables, None)):
        if value is not None and value < 1:
            raise TablesessionError(f"{name} must be at least 1")
        if value is not None and most is not None and value > most:
            raise TablesessionError(f"{name} must be at most {most}")
    for name, value in (("--min", args.min_size), ("--max", args.max_size)):
        if value is not None and not limits.TABLE_SIZE_MIN <= value <= limits.TABLE_SIZE_MAX:
            raise TablesessionError(f"{name} must be between {limits.TABLE_SIZE_MIN} and {limits.TABLE_SIZE_MAX}")
    if args.min_size and args.max_size and args.min_size > args.max_size:
        raise TablesessionError(f"--min {args.min_size} is larger than --max {args.max_size}")
    if args.time_limit is not None and not 0 < args.time_limit <= limits.SEATING_SECONDS_MAX:
        raise TablesessionError(f"--time-limit must be more than 0 and at most {limits.SEATING_SECONDS_MAX:g} seconds")
    if args.room is not None:
        try:
            parse_room(args.room)
        except ValueError as exc:
            raise TablesessionError(f"--room: {exc}") from exc


def _settings(args: argparse.Namespace, saved: SeatingSettings) -> SeatingSettings:
    """The saved settings with the flags given on top."""
    _check_flags(args)
    given: dict[str, object] = {
        name: value
        for name, value in (
            ("rounds", args.rounds),
            ("min_size", args.min_size),
            ("max_size", args.max_size),
            ("tables", args.tables),
            ("mode", SubgroupMode(args.mode) if args.mode else None),
            ("apart_same_employer", args.apart_same_employer),
            ("time_limit", args.time_limit),
            ("room", None if args.room is None else parse_room(args.room)),
        )
        if value is not None
    }
    merged = {**saved.model_dump(), **given}
    low, high = merged["min_size"], merged["max_size"]
    if isinstance(low, int) and isinstance(high, int) and low > high:
        flag = "--min" if "min_size" in given else "--max"
        raise TablesessionError(
            f"{flag}: the smallest table size ({low}) would be larger than the largest ({high}); give --min and --max"
        )
    room, tables = merged["room"], merged["tables"]
    if isinstance(room, tuple) and room and isinstance(tables, int) and tables > len(room):
        if "tables" in given:
            raise TablesessionError(
                f"--tables {tables}: the room has only {len(room)} tables; ask for fewer, or give the room again "
                "with --room"
            )
        raise TablesessionError(
            f"--room: the room has {len(room)} tables, but this meeting's settings ask for {tables}; give --tables too"
        )
    return SeatingSettings.model_validate(merged)


def plan_json(
    meeting_id: int,
    plan: SeatingPlan,
    members: dict[int, Member],
    stats: SeatingStats,
    warnings: tuple[str, ...] = (),
    *,
    rounds: Sequence[Round] | None = None,
    rules: list[dict[str, Any]] | None = None,
    settings: SeatingSettings | None = None,
) -> dict[str, Any]:
    """The plan as JSON (`rounds` narrows it to some of its rounds); names as their people share them."""

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
            for r in (plan.rounds if rounds is None else rounds)
        ],
        "stats": {
            "repeat_pairs": stats.repeat_pairs,
            "history_repeat_pairs": stats.history_repeat_pairs,
            "max_pair_meetings": stats.max_pair_meetings,
            "new_pair_ratio": stats.new_pair_ratio,
        },
        "warnings": list(warnings),
        "rules": rules or [],
        "settings": settings.model_dump(mode="json") if settings is not None else None,
    }


def print_rounds(context: CliContext, rounds: Sequence[Round], members: dict[int, Member]) -> None:
    for round_ in rounds:
        context.print("", f"Round {round_.number}" + (" (locked)" if round_.locked else ""))
        for table in round_.tables:
            names_at = ", ".join(members[m].shared_card().full_name if m in members else "?" for m in table.member_ids)
            context.print(f"  Table {table.label} ({len(table.seats)}): {names_at}")


def stats_line(s: SeatingStats) -> str:
    return (
        f"{s.repeat_pairs} repeat pairs, {s.history_repeat_pairs} met before, "
        f"most meetings of a pair {s.max_pair_meetings}, new pairs {s.new_pair_ratio:.0%}"
    )


def run(args: argparse.Namespace, context: CliContext) -> int:
    _check_flags(args)
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    present = store.attendance.present_ids(meeting.id)
    if not present:
        raise TablesessionError(f"no one is checked in to {meeting.label}: check people in first")
    settings = _settings(args, settings_for(store, meeting))
    rules: list[SeatingRule] = rules_in_force(store, meeting, present)
    options = effective_options(store, meeting, settings, seed=args.seed)
    result = plan_meeting(store, meeting, options, context.clock, remember=True)
    plan = result.plan
    members = store.members.get_many({m for r in plan.rounds for m in r.member_ids})
    for warning in result.warnings:
        context.warn(warning)
    if args.json:
        names = rule_names(store, rules)
        followed = [rule_json(rule, names, present) for rule in rules]
        context.print_json(
            plan_json(meeting.id, plan, members, result.stats, result.warnings, rules=followed, settings=settings)
        )
        return 0
    context.print(f"{meeting.label}: {len(plan.rounds)} rounds, seed {plan.seed}")
    print_rounds(context, plan.rounds, members)
    context.print("", stats_line(result.stats), f"Settings (kept for this meeting): {settings_text(settings, meeting)}")
    if rules:
        context.print(f"Seating rules followed ({len(rules)}):", *describe_meeting_rules(store, meeting, rules))
    return 0
