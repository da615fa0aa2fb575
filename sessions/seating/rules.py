"""A stored meeting's seating settings and rules, turned into what the engine is asked.

`effective_options` is the one place a meeting's options are built: planning, late arrivals,
leavers and manual moves all judge the plan by the same settings and rules. Rules naming people who
are not present are left out: a keep-apart pair needs both, a keep-together group holds among those here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sessions.errors import NotFoundError
from sessions.models import Meeting, RuleKind, SeatingRule, SeatingSettings, SubgroupMode, room_summary, room_text
from sessions.models.seating_rules import list_names
from sessions.seating.options import SeatingOptions
from sessions.store import Store


def meeting_id_of(meeting: Meeting) -> int:
    if meeting.id is None:
        raise NotFoundError("the meeting has not been saved")
    return meeting.id


def settings_for(store: Store, meeting: Meeting) -> SeatingSettings:
    """The meeting's saved settings. Until some are saved: the last meeting's habits (rounds, mode,
    employers apart, search time) with this meeting's table sizes, and as many rounds as its plan has."""
    meeting_id = meeting_id_of(meeting)
    saved = store.seating_settings.get(meeting_id)
    if saved is not None:
        return saved
    earlier = store.seating_settings.latest_before(meeting)
    settings = earlier.carried_forward() if earlier is not None else SeatingSettings()
    planned = store.seating.round_count(meeting_id)
    if planned:
        settings = settings.model_copy(update={"rounds": planned})
    return settings


def largest_table(store: Store, meeting: Meeting, settings: SeatingSettings | None = None) -> int:
    settings = settings or settings_for(store, meeting)
    return settings.table_sizes(meeting.table_min, meeting.table_max)[1]


def rules_in_force(store: Store, meeting: Meeting, present: set[int] | None = None) -> list[SeatingRule]:
    """The standing rules and the meeting's own that concern at least two of the people present."""
    meeting_id = meeting_id_of(meeting)
    here = store.attendance.present_ids(meeting_id) if present is None else present
    return [rule for rule in store.seating_rules.for_meeting(meeting_id) if rule.in_force(here)]


def options_for_rules(
    settings: SeatingSettings, rules: Sequence[SeatingRule], present: set[int], seed: int | None = None
) -> SeatingOptions:
    apart = tuple((r.member_ids[0], r.member_ids[1]) for r in rules if r.kind is RuleKind.APART and r.in_force(present))
    together = tuple(r.present(present) for r in rules if r.kind is RuleKind.TOGETHER and r.in_force(present))
    return SeatingOptions.from_settings(settings, seed=seed, keep_apart=apart, keep_together=together)


def effective_options(
    store: Store, meeting: Meeting, settings: SeatingSettings | None = None, *, seed: int | None = None
) -> SeatingOptions:
    """The options a meeting is seated with: its settings (or `settings`), and the rules in force."""
    present = store.attendance.present_ids(meeting_id_of(meeting))
    chosen = settings or settings_for(store, meeting)
    return options_for_rules(chosen, rules_in_force(store, meeting, present), present, seed)


def add_rule(
    store: Store,
    meeting: Meeting,
    kind: RuleKind,
    member_ids: Sequence[int],
    *,
    standing: bool,
    note: str = "",
) -> SeatingRule:
    """Save a rule for `meeting` (or, standing, for every meeting), checked against the rules it would
    hold alongside and against the meeting's largest table."""
    rule = SeatingRule(
        kind=kind,
        member_ids=tuple(member_ids),
        meeting_id=None if standing else meeting_id_of(meeting),
        note=note,
    )
    return store.seating_rules.add(rule, largest_table=largest_table(store, meeting))


def rule_text(rule: SeatingRule, name: Callable[[int], str]) -> str:
    """'keep Olga Dubois and Jordan Cohen apart' / 'keep Mei Lindqvist, Cher and Kwame Trần together'."""
    return f"keep {list_names(rule.member_ids, name)} {'apart' if rule.kind is RuleKind.APART else 'together'}"


def scope_text(rule: SeatingRule, meeting: Meeting | None = None) -> str:
    """'every meeting', or which one: 'this meeting only' when it is `meeting`."""
    if rule.standing:
        return "every meeting"
    if meeting is not None and rule.meeting_id == meeting.id:
        return "this meeting only"
    return f"meeting {rule.meeting_id} only"


def settings_text(settings: SeatingSettings, meeting: Meeting) -> str:
    """'3 rounds, tables of 6-8, sub-groups mixed, colleagues apart, search up to 5 s'."""
    low, high = settings.table_sizes(meeting.table_min, meeting.table_max)
    parts = [
        f"{settings.rounds} round{'s' if settings.rounds != 1 else ''}",
        f"tables of {low}-{high}" if low != high else f"tables of {high}",
    ]
    if settings.tables is not None:
        parts.append(f"{settings.tables} tables")
    if settings.room:
        parts.append(f"{room_summary(settings.room)} ({room_text(settings.room)})")
    parts.append("sub-groups together" if settings.mode is SubgroupMode.CLUSTER else "sub-groups mixed")
    if settings.apart_same_employer:
        parts.append("colleagues apart")
    parts.append(f"search up to {settings.time_limit:g} s")
    return ", ".join(parts)
