"""Seating with the store: plan a meeting for the members checked in, and keep the plan current as
people arrive late or leave."""

from __future__ import annotations

from sessions.checkin.first_time import as_at_meeting
from sessions.errors import NotFoundError
from sessions.models import DEFAULT_ROUNDS, Meeting, SeatingPlan
from sessions.seating.live import LiveChange, remove_member, seat_late_arrival
from sessions.seating.options import SeatingOptions
from sessions.seating.request import Person, SeatingRequest
from sessions.seating.rules import effective_options, meeting_id_of
from sessions.seating.scoring import SeatingContext
from sessions.seating.search import Progress
from sessions.seating.solver import SeatingResult, solve
from sessions.store import Store
from sessions.timekeeping import Clock

__all__ = [
    "DEFAULT_ROUNDS",
    "SeatingOptions",
    "arrive_late",
    "leave",
    "plan_meeting",
    "present_people",
    "seating_context",
]


def present_people(store: Store, meeting: Meeting) -> list[Person]:
    """Everyone checked in, marked as newcomers by their attendance (see `first_timers`)."""
    present = store.attendance.present_ids(meeting_id_of(meeting))
    members = as_at_meeting(store, meeting, store.members.get_many(present))
    return [Person.from_member(members[m]) for m in sorted(members)]


def seating_context(store: Store, meeting: Meeting, options: SeatingOptions | None = None) -> SeatingContext:
    """Who is present and what a plan is judged by; by default the meeting's own settings and rules."""
    options = options or effective_options(store, meeting)
    return SeatingContext(
        people=present_people(store, meeting),
        constraints=options.constraints(),
        history=store.seating.pair_history(meeting),
        on=meeting.date,
        policy=options.policy(meeting),
    )


def plan_meeting(
    store: Store,
    meeting: Meeting,
    options: SeatingOptions | None,
    clock: Clock,
    progress: Progress | None = None,
    *,
    remember: bool = False,
) -> SeatingResult:
    """Seat the members checked in, keep rounds already locked, save the plan and return it.

    `options` None seats by the meeting's stored settings and rules. With `remember`, the settings
    in `options` become the meeting's, saved together with the plan.
    """
    meeting_id = meeting_id_of(meeting)
    options = options or effective_options(store, meeting)
    existing = store.seating.load(meeting_id)
    locked = [r for r in existing.rounds if r.locked] if existing else []
    # Only rounds locked from the first one on are kept; a later locked round after an unlocked one
    # cannot stay as it is once earlier rounds change around it.
    kept = [r for i, r in enumerate(locked, start=1) if r.number == i]
    seed = options.seed if options.seed is not None else int(clock.now().timestamp() * 1000) % 1_000_000
    request = SeatingRequest(
        meeting_id=meeting_id,
        people=present_people(store, meeting),
        rounds=options.rounds,
        policy=options.policy(meeting),
        constraints=options.constraints(),
        history=store.seating.pair_history(meeting),
        on=meeting.date,
        seed=seed,
        time_limit=options.time_limit,
        locked=kept,
    )
    result = solve(request, progress=progress, now=clock.monotonic)
    with store.transaction():
        saved = store.seating.save(result.plan.model_copy(update={"created_at": clock.now()}))
        if remember:
            store.seating_settings.save(meeting_id, options.settings())
    return _with_plan(result, saved)


def _with_plan(result: SeatingResult, plan: SeatingPlan) -> SeatingResult:
    return SeatingResult(
        plan=plan,
        stats=result.stats,
        layout=result.layout,
        warnings=result.warnings,
        method=result.method,
        seconds=result.seconds,
        steps=result.steps,
        reached_bound=result.reached_bound,
    )


def arrive_late(store: Store, meeting: Meeting, member_id: int, options: SeatingOptions | None = None) -> LiveChange:
    """Give a member checked in after planning a seat in every round still to come, and save. The seat is
    chosen by the meeting's settings and rules unless `options` says otherwise; when no table with room
    lets a rule hold, the change says so."""
    plan = store.seating.load(meeting_id_of(meeting))
    if plan is None:
        raise NotFoundError("this meeting has no seating plan yet")
    options = options or effective_options(store, meeting)
    change = seat_late_arrival(plan, seating_context(store, meeting, options), member_id)
    if change.moves:
        store.seating.save(change.plan)
    broken = _rules_broken(store, change, member_id, options)
    return LiveChange(change.plan, change.moves, (*change.warnings, *broken)) if broken else change


def _rules_broken(store: Store, change: LiveChange, member_id: int, options: SeatingOptions) -> list[str]:
    """For each round the member was just seated in: the rules about them that their table breaks."""
    apart = {b if a == member_id else a for a, b in options.keep_apart if member_id in (a, b)}
    together = {m for group in options.keep_together if member_id in group for m in group} - {member_id}
    if not apart and not together:
        return []
    names = store.members.get_many(apart | together | {member_id})

    def name(m: int) -> str:
        return names[m].full_name if m in names else f"member {m}"

    problems = []
    for move in change.moves:
        if move.member_id != member_id or move.to_table is None:
            continue
        round_ = change.plan.round(move.round)
        table = round_.table_of(member_id)
        if table is None:
            continue
        at_table = set(table.member_ids)
        for other in sorted(apart & at_table):
            problems.append(
                f"round {move.round}: {name(member_id)} shares table {table.label} with {name(other)}, "
                "whom they are kept apart from (no other table had room): swap someone"
            )
        for other in sorted(m for m in together - at_table if m in round_.member_ids):
            problems.append(
                f"round {move.round}: {name(member_id)} is not at {name(other)}'s table, though they are kept "
                "together (that table is full): swap someone"
            )
    return problems


def leave(store: Store, meeting: Meeting, member_id: int, options: SeatingOptions | None = None) -> LiveChange:
    """Take a no-show or early leaver out of the rounds still to come, and save. Anyone moved to refill a
    table is placed by the meeting's settings and rules unless `options` says otherwise."""
    plan = store.seating.load(meeting_id_of(meeting))
    if plan is None:
        raise NotFoundError("this meeting has no seating plan yet")
    change = remove_member(plan, seating_context(store, meeting, options), member_id)
    if change.moves:
        store.seating.save(change.plan)
    return change
