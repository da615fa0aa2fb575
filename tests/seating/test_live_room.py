"""The seating area in the live room: generating again keeps who came late and who walked in."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Static

from app.tui.app import create_app
from app.tui.screens.seating import SeatingScreen
from app.tui.widgets.table_card import TableCard
from sessions.checkin import Status, check_in, seated_since, status_of
from sessions.models import Meeting, Member, SeatingSettings
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .test_tui_seating import SIZE, _fill


async def generate(pilot: Pilot[None]) -> None:
    await pilot.press("g")
    await pilot.app.workers.wait_for_complete()
    await wait_until(pilot, lambda: not getattr(pilot.app.screen, "planning", True), "the plan made")


async def test_generating_again_keeps_each_late_arrival_late_and_each_walk_in_a_walk_in(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    assert meeting.id is not None
    ids = _fill(store, meeting, clock, 20, 18)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        await generate(pilot)
        first_seating = seated_since(store, meeting)
        clock.advance(20 * 60)
        assert check_in(store, meeting, ids[18], clock.now()).late  # registered, after the tables were set
        walk_in = store.members.add(Member(first_name="Nova", last_name="Walker"))
        assert walk_in.id is not None
        check_in(store, meeting, walk_in.id, clock.now())
        clock.advance(60)
        await generate(pilot)  # g again: everyone reseated, the late arrival and the walk-in included
        await wait_until(
            pilot,
            lambda: any(walk_in.id in card.member_ids for card in app.screen.query(TableCard)),
            "the walk-in seated",
        )
        assert seated_since(store, meeting) == first_seating
        seated = seated_since(store, meeting)
        assert status_of(store.attendance.get(meeting.id, ids[18]), seated) is Status.LATE
        assert status_of(store.attendance.get(meeting.id, walk_in.id), seated) is Status.LATE
        assert store.attendance.get(meeting.id, walk_in.id).walk_in
        assert status_of(store.attendance.get(meeting.id, ids[0]), seated) is Status.CHECKED_IN


async def test_picking_someone_shows_at_once_what_the_best_move_and_swap_would_do(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    _fill(store, meeting, clock, 47, 45)
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        await generate(pilot)
        await pilot.press("tab")
        card = app.focused
        assert isinstance(card, TableCard)
        picked = app.screen.members[card.highlighted_member or 0].full_name  # type: ignore[attr-defined]
        await pilot.press("space")  # nothing else pressed: the effect is already there
        effect = str(app.screen.query_one("#seating-effect", Static).render())
        assert effect.startswith(f"Picked {picked}: best move to table "), effect
        assert "; best swap with " in effect
        assert any(word in effect for word in ("repeats", "met before", "no change", "balance"))


async def test_the_first_plan_shows_at_once_and_improves_until_someone_is_picked(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    assert meeting.id is not None
    _fill(store, meeting, clock, 25, 25)
    # Six rounds of 25 at tables of 6-8: repeats cannot be avoided, so the search keeps looking for a while.
    store.seating_settings.save(meeting.id, SeatingSettings(rounds=6))
    async with create_app(store, clock).run_test(size=SIZE) as pilot:
        app = pilot.app
        await pilot.press("f4")
        await wait_until(pilot, lambda: isinstance(app.screen, SeatingScreen), "the seating area")
        screen = app.screen
        assert isinstance(screen, SeatingScreen)
        await pilot.press("g")
        await wait_until(pilot, lambda: not screen.planning and bool(screen.query(TableCard)), "the first plan")
        assert screen.improving, "the search goes on behind the plan shown"
        effect = str(screen.query_one("#seating-effect", Static).render())
        assert "improving them until a change by hand" in effect
        first = store.seating.load(meeting.id)
        assert first is not None
        assert len(first.rounds) == 6

        # Keys answer while it improves: the next round shows.
        await pilot.press("right_square_bracket")
        await wait_until(pilot, lambda: screen.active_round == 2, "round 2")
        await pilot.press("tab")
        await pilot.press("space")  # picking someone holds the tables still
        assert not screen.improving
        await app.workers.wait_for_complete()
        await pilot.pause()
        stored = store.seating.load(meeting.id)
        assert stored is not None
        assert screen.plan is not None
        assert stored.rounds == screen.plan.rounds, "nothing saved behind the facilitator's back"
        assert "Picked " in str(screen.query_one("#seating-effect", Static).render())
