"""Seating with the store: plan a meeting for the members checked in, and keep the plan current as
people arrive late or leave."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sessions.errors import NotFoundError
from sessions.models import Meeting, SeatingPlan
from sessions.seating.live import LiveChange, remove_member, seat_late_arrival
from sessions.seating.request import (
    DEFAULT_TIME_LIMIT,
    Constraints,
    Person,
    PhysicalTable,
    SeatingRequest,
    SubgroupMode,
    TablePolicy,
)
from sessions.seating.scoring import SeatingContext
from sessions.seating.search import Progress
from sessions.seating.solver import SeatingResult, solve
from sessions.store import Store
from sessions.timekeeping import Clock

DEFAULT_ROUNDS = 2  # a 90-minute evening: two rounds of 6-8 five-minute pitches, with changeover


class SeatingOptions(BaseModel):
    """What the facilitator asks for; table sizes default to the meeting's own."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rounds: int = Field(default=DEFAULT_ROUNDS, ge=1, le=20)
    min_size: int | None = Field(default=None, ge=2, le=20)
    max_size: int | None = Field(default=None, ge=2, le=20)
    tables: int | None = Field(default=None, ge=1, le=1000)
    physical: tuple[PhysicalTable, ...] = ()
    mode: SubgroupMode = SubgroupMode.MIX
    seed: int | None = None  # None: a fresh seed from the clock, recorded with the plan
    time_limit: float = Field(default=DEFAULT_TIME_LIMIT, gt=0, le=600)
    keep_apart: tuple[tuple[int, int], ...] = ()
    apart_same_employer: bool = False
    keep_together: tuple[tuple[int, ...], ...] = ()

    def policy(self, meeting: Meeting) -> TablePolicy:
        return TablePolicy(
            min_size=self.min_size or min(meeting.table_min, self.max_size or meeting.table_max),
            max_size=self.max_size or max(meeting.table_max, self.min_size or meeting.table_min),
            tables=self.tables,
            physical=self.physical,
        )

    def constraints(self) -> Constraints:
        return Constraints(
            keep_apart=self.keep_apart,
            apart_same_employer=self.apart_same_employer,
            keep_together=self.keep_together,
            subgroups=self.mode,
        )


def _meeting_id(meeting: Meeting) -> int:
    if meeting.id is None:
        raise NotFoundError("the meeting has not been saved")
    return meeting.id


def present_people(store: Store, meeting: Meeting) -> list[Person]:
    present = store.attendance.present_ids(_meeting_id(meeting))
    members = store.members.get_many(present)
    return [Person.from_member(members[m]) for m in sorted(members)]


def seating_context(store: Store, meeting: Meeting, options: SeatingOptions | None = None) -> SeatingContext:
    options = options or SeatingOptions()
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
    options: SeatingOptions,
    clock: Clock,
    progress: Progress | None = None,
) -> SeatingResult:
    """Seat the members checked in, keep rounds already locked, save the plan and return it."""
    meeting_id = _meeting_id(meeting)
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
    saved = store.seating.save(result.plan.model_copy(update={"created_at": clock.now()}))
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
    """Give a member checked in after planning a seat in every round still to come, and save."""
    plan = store.seating.load(_meeting_id(meeting))
    if plan is None:
        raise NotFoundError("this meeting has no seating plan yet")
    change = seat_late_arrival(plan, seating_context(store, meeting, options), member_id)
    if change.moves:
        store.seating.save(change.plan)
    return change


def leave(store: Store, meeting: Meeting, member_id: int, options: SeatingOptions | None = None) -> LiveChange:
    """Take a no-show or early leaver out of the rounds still to come, and save."""
    plan = store.seating.load(_meeting_id(meeting))
    if plan is None:
        raise NotFoundError("this meeting has no seating plan yet")
    change = remove_member(plan, seating_context(store, meeting, options), member_id)
    if change.moves:
        store.seating.save(change.plan)
    return change
