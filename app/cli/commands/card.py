"""`tablesession card MEMBER`: one member's card and what each field shares; `--set`, `--share` and `--private`
change it with the card form's checks. A choice made here is the member's own: no import changes it afterwards."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from app.cli.member_lookup import LookupWords, MemberLookup
from app.cli.table import render_table
from sessions.models import Member, OwnCard, SharedField
from sessions.roster.card_fields import CARD_FIELDS, CardError, CardField, card_field, edited_card, shared_field

CARD_WORDS = LookupWords(
    not_done="no card was shown or changed",
    refine="Name them more fully (in quotes), or by the id listed",
    unknown=" ('tablesession members' lists everyone)",
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "card",
        help="show or change one member's card and what each field shares",
        description="Without options, shows the card. Changes are checked as the app's card form checks them; "
        "a bad value changes nothing. A sharing choice made here outranks every import.",
    )
    parser.add_argument(
        "member", metavar="MEMBER", help="an id, or a name, email or company that means one person (quote names)"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="set a field (first_name, last_name, headline, employers, target_roles, target_companies, subgroups, "
        "email, phone, linkedin, website, notes); lists are comma-separated; an empty VALUE clears it",
    )
    parser.add_argument(
        "--share", action="append", default=[], metavar="FIELD[,FIELD]", help="share these fields with other attendees"
    )
    parser.add_argument(
        "--private", action="append", default=[], metavar="FIELD[,FIELD]", help="keep these fields private"
    )
    parser.add_argument(
        "--business-cards",
        action=argparse.BooleanOptionalAction,
        help="whether they asked for a sheet of their own business cards ('print cards' prints those who did)",
    )
    parser.add_argument(
        "--card-fields",
        metavar="FIELD[,FIELD]",
        help="what their own business cards show (default: the whole card), whatever they share with the room",
    )
    parser.add_argument("--json", action="store_true", help="print the card as JSON")
    parser.set_defaults(handler=run)


def _own_card(member: Member, wanted: bool | None, fields: str | None) -> OwnCard:
    """The member's own-card choice with what the options change."""
    update: dict[str, object] = {}
    if wanted is not None:
        update["wanted"] = wanted
    if fields is not None:
        update["fields"] = frozenset(shared_field(name) for name in fields.split(",") if name.strip())
    return member.own_card.model_copy(update=update)


def _typed(settings: list[str]) -> dict[CardField, str]:
    typed: dict[CardField, str] = {}
    for setting in settings:
        name, sep, value = setting.partition("=")
        if not sep:
            raise CardError(f"--set {setting!r}: expected FIELD=VALUE, e.g. --set headline='Data engineer'")
        found = card_field(name)
        if found in typed:
            raise CardError(f"--set {found.key} is given twice; give it once")
        typed[found] = value
    return typed


def _choices(share: list[str], private: list[str]) -> dict[SharedField, bool]:
    choices: dict[SharedField, bool] = {}
    for names, allowed in ((share, True), (private, False)):
        for name in (part for group in names for part in group.split(",") if part.strip()):
            shared = shared_field(name)
            if choices.get(shared, allowed) != allowed:
                raise CardError(f"{shared.value} is both in --share and in --private; choose one")
            choices[shared] = allowed
    return choices


def _shares(member: Member, row: CardField) -> str:
    sharing = member.sharing
    if row.key in ("first_name", "last_name", "subgroups"):
        return "always shown"
    if row.key == "notes":
        return "never shown"
    shared = row.shared or SharedField.TARGETS  # target companies go with what they are looking for
    word = "shared" if sharing.allows(shared) else "private"
    return f"{word} (their choice)" if sharing.is_chosen(shared) else word


def _value(member: Member, row: CardField) -> str:
    value = getattr(member, row.key)
    return ", ".join(value) if isinstance(value, list) else value or ""


def card_json(member: Member) -> dict[str, Any]:
    return {
        "id": member.id,
        "name": member.full_name,
        "tags": sorted(tag.value for tag in member.tags),
        "fields": [
            {"field": row.key, "label": row.name, "value": getattr(member, row.key), "shares": _shares(member, row)}
            for row in CARD_FIELDS
        ],
        "sharing": member.sharing.model_dump(mode="json"),
        "own_card": member.own_card.model_dump(mode="json"),
    }


def _show(member: Member, context: CliContext) -> None:
    rows = [[row.name, _value(member, row), _shares(member, row)] for row in CARD_FIELDS]
    context.print(f"{member.full_name} (id {member.id})")
    context.print(*render_table(["field", "value", "shares"], rows, max_width=48))
    if member.tags:
        context.print("tags: " + ", ".join(sorted(tag.value for tag in member.tags)))
    context.print(_own_card_line(member.own_card))


def _own_card_line(own: OwnCard) -> str:
    shown = (
        "the whole card"
        if own.fields == frozenset(SharedField)
        else ", ".join(own.model_dump()["fields"]) or "name only"
    )
    asked = "asked for business cards" if own.wanted else "no business cards asked for"
    return f"{asked}; their own cards show {shown}"


def run(args: argparse.Namespace, context: CliContext) -> int:
    # Every option is read before the database is touched: a mistyped one changes nothing.
    typed = _typed(args.set)
    choices = _choices(args.share, args.private)
    own_card_given = args.business_cards is not None or args.card_fields is not None
    store = context.store()
    meeting = store.meetings.current(context.clock.today())
    lookup = MemberLookup(store, meeting.id if meeting is not None else None)
    member = store.members.get(lookup.member(args.member, context, CARD_WORDS))
    own_card = _own_card(member, args.business_cards, args.card_fields)  # a bad field name stops here
    if typed or choices or own_card_given:
        edited = edited_card(member, typed, choices, region=store.group.default_region, chosen=choices)
        edited = edited.model_copy(update={"own_card": own_card})
        owner = store.members.find_by_email(edited.email) if edited.email else None
        if owner is not None and owner.id != member.id:
            raise CardError(f"email {edited.email} belongs to {owner.full_name} (id {owner.id}); merge the two instead")
        if meeting is not None and meeting.id is not None:
            store.backups.ensure_for_meeting(meeting.id)
        member = store.members.update(edited)
        if not args.json:
            context.print(f"Card saved: {member.full_name}.")
    if args.json:
        context.print_json(card_json(member))
    else:
        _show(member, context)
    return 0
