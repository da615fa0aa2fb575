"""Seating with the store: plan a meeting for the members checked in, and keep the plan current as
people arrive late or leave."""

from __future__ import annotations

from collections.abc import Callable

from sessions.checkin.first_time import as_at_meeting
from sessions.errors import NotFoundError, TablesessionError
from sessions.models import DEFAULT_ROUNDS, Meeting, SeatingPlan
from sessions.seating.background import solve_elsewhere
from sessions.seating.live import LiveChange, remove_member, seat_late_arrival
from sessions.seating.options import SeatingOptions
from sessions.seating.request import Person, SeatingRequest
from sessions.seating.rules import effective_options, meeting_id_of
from sessions.seating.scoring import SeatingContext
from sessions.seating.search import Progress
from sessions.seating.solver import PlanReport, SeatingResult, solve
from sessions.store import SeatChange, SeatChangeKind, Store
from sessions.timekeeping import Clock, SystemClock

__all__ = [
    "DEFAULT_ROUNDS",
    "PlanChangedError",
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
    report: PlanReport | None = None,
    stop: Callable[[], bool] | None = None,
    elsewhere: bool = False,
) -> SeatingResult:
    """Seat the members checked in, keep rounds already locked, save the plan and return it.

    `options` None seats by the meeting's stored settings and rules. With `remember`, the settings
    in `options` become the meeting's, saved together with the plan.

    With `report`, a first complete plan is saved and reported at once and each better one after it,
    while the search goes on (see `solve`). Each is saved only while the stored plan is still the one
    saved before it: a change made meanwhile (a swap, a late arrival, another window) ends the planning
    with PlanChangedError and is kept. `elsewhere` runs that search in a process of its own (see
    `solve_elsewhere`), so a screen showing the plans keeps its whole core.
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
    saving = _PlanSaving(store, meeting_id, clock, options if remember else None)
    if report is None:
        return saving.save(solve(request, progress=progress, now=clock.monotonic))

    def keep(result: SeatingResult) -> None:
        report(saving.save(result))

    if elsewhere:
        result = solve_elsewhere(request, report=keep, stop=stop or (lambda: False), progress=progress)
    else:
        result = solve(request, progress=progress, report=keep, stop=stop, now=clock.monotonic)
    if stop is not None and stop() and saving.last is not None:
        return saving.last  # asked to stop for a change by hand: the plan on screen stays as it is
    return saving.save(result)


class PlanChangedError(TablesessionError):
    """The plan was changed while a better one was being looked for; the change stays."""


class _PlanSaving:
    """Saves each plan a planning offers, unless the stored plan changed since the one saved before it."""

    def __init__(self, store: Store, meeting_id: int, clock: Clock, settings: SeatingOptions | None) -> None:
        self.store, self.meeting_id, self.clock, self.settings = store, meeting_id, clock, settings
        self.saved: SeatingPlan | None = None
        self.last: SeatingResult | None = None

    def save(self, result: SeatingResult) -> SeatingResult:
        store = self.store
        with store.transaction():
            if self.saved is not None:
                current = store.seating.load(self.meeting_id)
                if current is None or current.rounds != self.saved.rounds:
                    raise PlanChangedError(
                        "the plan was changed while a better one was being looked for: the change is kept"
                    )
                if current.rounds == result.plan.rounds:
                    self.last = _with_plan(result, current)  # the last plan offered was already the best
                    return self.last
            self.saved = store.seating.save(result.plan.model_copy(update={"created_at": self.clock.now()}))
            if self.settings is not None:
                store.seating_settings.save(self.meeting_id, self.settings.settings())
                self.settings = None
        self.last = _with_plan(result, self.saved)
        return self.last


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


def arrive_late(
    store: Store,
    meeting: Meeting,
    member_id: int,
    options: SeatingOptions | None = None,
    *,
    clock: Clock | None = None,
) -> LiveChange:
    """Give a member checked in after planning a seat in every round still to come, and save (recording the
    change at `clock`'s time, see `_save_live_change`). The seat is chosen by the meeting's settings and
    rules unless `options` says otherwise; when no table with room lets a rule hold, the change says so."""
    plan = _stored_plan(store, meeting)
    options = options or effective_options(store, meeting)
    change = seat_late_arrival(plan, seating_context(store, meeting, options), member_id)
    _save_live_change(store, change, SeatChangeKind.ARRIVED_LATE, member_id, clock)
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


def leave(
    store: Store,
    meeting: Meeting,
    member_id: int,
    options: SeatingOptions | None = None,
    *,
    clock: Clock | None = None,
) -> LiveChange:
    """Take a no-show or early leaver out of the rounds still to come, and save (recording the change at
    `clock`'s time, see `_save_live_change`). Anyone moved to refill a table is placed by the meeting's
    settings and rules unless `options` says otherwise."""
    plan = _stored_plan(store, meeting)
    change = remove_member(plan, seating_context(store, meeting, options), member_id)
    _save_live_change(store, change, SeatChangeKind.LEFT, member_id, clock)
    return change


def _stored_plan(store: Store, meeting: Meeting) -> SeatingPlan:
    plan = store.seating.load(meeting_id_of(meeting))
    if plan is None:
        raise NotFoundError("this meeting has no seating plan yet")
    return plan


def _save_live_change(
    store: Store, change: LiveChange, kind: SeatChangeKind, member_id: int, clock: Clock | None
) -> None:
    """Save the changed plan and record who moved where, together: the printed list of seat changes then
    never names a change the plan lacks, nor misses one it has."""
    if not change.moves:
        return
    happened_at = (clock or SystemClock()).now()
    moves = [
        SeatChange(round=m.round, member_id=m.member_id, from_table=m.from_table, to_table=m.to_table)
        for m in change.moves
    ]
    with store.transaction():
        store.seating.save(change.plan)
        store.seat_changes.record(change.plan.meeting_id, kind, member_id, happened_at, moves)
