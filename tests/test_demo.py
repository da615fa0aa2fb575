"""The demo group: enough realistic, fictional data to try every area."""

from __future__ import annotations

from pathlib import Path

from sessions.demo import build_demo
from sessions.models import Tag
from sessions.store import Store
from sessions.timekeeping import FakeClock


def test_demo_has_members_history_and_todays_meeting(tmp_path: Path, clock: FakeClock) -> None:
    with Store.opened(tmp_path / "demo.sqlite3") as store:
        summary = build_demo(store, clock.today(), clock.now())
        members = store.members.all()
        assert len(members) == summary.members == 48
        assert all(m.email and m.email.endswith("@example.com") for m in members)
        assert len({s for m in members for s in m.subgroups}) >= 5
        assert sum(Tag.NEWCOMER in m.tags for m in members) >= 3
        assert sum(Tag.CONNECTOR in m.tags for m in members) >= 3
        assert any(m.sharing.email for m in members)
        assert any(not m.sharing.email for m in members)
        assert all(m.employers for m in members)
        meetings = store.meetings.all()
        assert len(meetings) == 3
        today = store.meetings.current(clock.today())
        assert today is not None
        assert today.id == summary.today_meeting_id
        assert today.date == clock.today()
        assert len(store.attendance.for_meeting(summary.today_meeting_id)) == 42
        history = store.seating.pair_history(today)
        assert len(history) > 200  # two earlier meetings, two rounds each
        for past in meetings[:2]:
            plan = store.seating.load(past.id or 0)
            assert plan is not None
            assert len(plan.rounds) == 2
            sizes = [len(t.seats) for t in plan.rounds[0].tables]
            assert max(sizes) <= 8
            assert max(sizes) - min(sizes) <= 1


def test_demo_is_the_same_every_time(tmp_path: Path, clock: FakeClock) -> None:
    dumps = []
    for name in ("a.sqlite3", "b.sqlite3"):
        with Store.opened(tmp_path / name) as store:
            build_demo(store, clock.today(), clock.now())
            dumps.append([m.model_dump(exclude={"created_at", "updated_at"}) for m in store.members.all()])
    assert dumps[0] == dumps[1]
