"""`tablesession rules`: keep people apart (spouses, colleagues) or together (a newcomer with a buddy),
every meeting or for one meeting; list and remove rules."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.cli.member_lookup import LookupWords, MemberLookup
from app.cli.table import render_table
from sessions.errors import TablesessionError
from sessions.models import Meeting, Member, RuleKind, SeatingRule, limits
from sessions.seating.rules import add_rule, rule_text, scope_text
from sessions.store import Store

from .options import add_json_option, add_meeting_option

RULE_WORDS = LookupWords(
    not_done="no rule was added",
    refine="Name them more fully (in quotes), or by the id listed",
    unknown=" ('tablesession members' lists everyone)",
)
MEMBER_HELP = "an id, or a name, email or company that means one person (quote names with spaces)"


def _scope_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--meeting",
        metavar="ID|DATE",
        default=argparse.SUPPRESS,
        help="the rule holds at this meeting only (default: today's, else the latest)",
    )
    parser.add_argument("--standing", action="store_true", help="the rule holds at every meeting")
    parser.add_argument("--note", default="", metavar="TEXT", help="why, for whoever reads the list later")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "rules",
        help="seating rules: keep people apart or together, every meeting or for one",
        description="Without an action, lists the rules that hold at the meeting. A rule naming someone "
        "who is not checked in is left out of the plan until they are.",
    )
    add_meeting_option(parser)
    add_json_option(parser)
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    listing = actions.add_parser("list", help="the standing rules and the meeting's own (the default)")
    listing.add_argument("--meeting", metavar="ID|DATE", default=argparse.SUPPRESS, help="which meeting")
    listing.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    apart = actions.add_parser("apart", help="seat two members at different tables in every round")
    apart.add_argument("members", nargs=2, metavar="MEMBER", help=MEMBER_HELP)
    _scope_options(apart)
    together = actions.add_parser("together", help="seat two or more members at one table in every round")
    together.add_argument("members", nargs="+", metavar="MEMBER", help=MEMBER_HELP)
    _scope_options(together)
    remove = actions.add_parser("remove", help="delete a rule by the id the list shows")
    remove.add_argument("rule_id", type=int, metavar="ID", help="the rule's id")
    parser.set_defaults(handler=run)


def _add(args: argparse.Namespace, context: CliContext, kind: RuleKind) -> int:
    if args.standing and getattr(args, "meeting", None) is not None:
        raise TablesessionError("--standing and --meeting: a rule holds at every meeting or at one, choose one")
    if len(args.note) > limits.SHORT_TEXT_MAX:
        raise TablesessionError(f"--note is too long (at most {limits.SHORT_TEXT_MAX} characters)")
    if kind is RuleKind.TOGETHER and len(args.members) < 2:
        raise TablesessionError("together: name at least two members (MEMBER MEMBER [MEMBER ...])")
    store = context.store()
    meeting = context.meeting(getattr(args, "meeting", None))
    assert meeting.id is not None
    lookup = MemberLookup(store, meeting.id)
    chosen: dict[int, str] = {}
    for text in args.members:
        member_id = lookup.member(text, context, RULE_WORDS)
        if member_id in chosen:
            name = store.members.get(member_id).full_name
            raise TablesessionError(f"MEMBER {chosen[member_id]!r} and {text!r} are both {name}: name someone else")
        chosen[member_id] = text
    rule = add_rule(store, meeting, kind, list(chosen), standing=args.standing, note=args.note)
    names = rule_names(store, [rule])
    scope = "every meeting" if rule.standing else f"at {meeting.label} only; add --standing to make it hold every week"
    context.print(f"rule {rule.id}: {rule_text(rule, lambda m: names.get(m, f'member {m}'))}, {scope}")
    return 0


def rule_names(store: Store, rules: list[SeatingRule]) -> dict[int, str]:
    """The names rules are shown with: as each member's card shows them."""
    members: dict[int, Member] = store.members.get_many({m for rule in rules for m in rule.member_ids})
    return {member_id: member.shared_card().full_name for member_id, member in members.items()}


def _list(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    meeting = context.meeting(args.meeting)
    assert meeting.id is not None
    rules = store.seating_rules.for_meeting(meeting.id)
    present = store.attendance.present_ids(meeting.id)
    names = rule_names(store, rules)
    if args.json:
        context.print_json({"meeting": meeting.id, "rules": [rule_json(r, names, present) for r in rules]})
        return 0
    if not rules:
        context.print(f"No seating rules for {meeting.label}. Add one with 'tablesession rules apart A B'.")
        return 0
    rows = [
        [
            str(rule.id),
            rule.kind.value,
            ", ".join(names.get(m, f"member {m}") for m in rule.member_ids),
            scope_text(rule, meeting),
            f"{len(rule.present(present))} of {len(rule.member_ids)}",
            rule.note,
        ]
        for rule in rules
    ]
    context.print(f"Seating rules for {meeting.label}:")
    context.print(*render_table(["id", "keep", "members", "holds", "here", "note"], rows, max_width=48))
    return 0


def rule_json(rule: SeatingRule, names: dict[int, str], present: set[int]) -> dict[str, Any]:
    """One rule as `rules --json` and `seat --json` show it."""
    return {
        "id": rule.id,
        "kind": rule.kind.value,
        "standing": rule.standing,
        "meeting": rule.meeting_id,
        "note": rule.note,
        "in_force": rule.in_force(present),
        "members": [{"member_id": m, "name": names.get(m, ""), "present": m in present} for m in rule.member_ids],
    }


def _remove(args: argparse.Namespace, context: CliContext) -> int:
    store = context.store()
    rule = store.seating_rules.get(args.rule_id)
    names = rule_names(store, [rule])
    meeting = store.meetings.get(rule.meeting_id) if rule.meeting_id is not None else None
    store.seating_rules.remove(rule.id or 0)
    scope = "every meeting" if meeting is None else meeting.label
    context.print(f"removed rule {rule.id}: {rule_text(rule, lambda m: names.get(m, f'member {m}'))} ({scope})")
    return 0


def run(args: argparse.Namespace, context: CliContext) -> int:
    if args.action == "apart":
        return _add(args, context, RuleKind.APART)
    if args.action == "together":
        return _add(args, context, RuleKind.TOGETHER)
    if args.action == "remove":
        return _remove(args, context)
    return _list(args, context)


def describe_meeting_rules(store: Store, meeting: Meeting, rules: list[SeatingRule]) -> list[str]:
    """One line per rule, as `seat` prints the rules a plan followed."""
    names = rule_names(store, rules)
    return [f"  {rule_text(r, lambda m: names.get(m, f'member {m}'))} ({scope_text(r, meeting)})" for r in rules]
