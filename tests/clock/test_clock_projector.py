"""The projector view (`tablesession clock --follow`): follows the controlling app, never controls."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.commands import bench, bench_clock
from app.cli.main import main
from app.tui.projector_app import ProjectorApp
from app.tui.widgets.clock_face import ClockFace, FaceText
from sessions.models import Meeting
from sessions.pitchclock import ClockJournal, ClockSettings, Look, PitchClock, TurnSchedule
from sessions.pitchclock.bench import run_clock_bench
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import seat_room


def controlling(store: Store, meeting: Meeting, clock: FakeClock) -> PitchClock:
    assert meeting.id is not None
    pitch, _ = ClockJournal(store.clock_log, meeting.id, 1).open_clock(ClockSettings(), TurnSchedule((8, 7)), clock)
    return pitch


def shown(app: ProjectorApp) -> FaceText:
    face = app.projector.query_one(ClockFace).shown
    assert face is not None
    return face


async def test_the_projector_follows_and_never_commands(
    db_path: Path, store: Store, clock: FakeClock, meeting: Meeting
) -> None:
    seat_room(store, meeting, sizes=(8, 7), rounds=1)
    pitch = controlling(store, meeting, clock)
    with Store.opened(db_path, readonly=True) as viewer:
        app = ProjectorApp(viewer, meeting, clock)
        async with app.run_test(size=(80, 24)) as pilot:
            assert (shown(app).look, shown(app).digits) == (Look.READY, "5:00")
            pitch.start()
            clock.advance(250)
            for _ in range(100):  # its own polling picks the command up (within 5 s)
                if shown(app).look is Look.YELLOW:
                    break
                await pilot.pause(0.05)
            assert (shown(app).look, shown(app).digits, shown(app).schedule) == (
                Look.YELLOW,
                "0:50",
                "Tue 24 Nov 2026 - Weekly networking · Round 1 of 1 - ends about 19:13",  # which meeting, too
            )
            await pilot.press("space", "n", "e", "r", "y", "plus")  # the controller's keys do nothing here
            app.projector.follow()
            assert shown(app).look is Look.YELLOW
    assert meeting.id is not None
    assert [event.command for event in store.clock_log.events(meeting.id)] == ["start"]


def test_clock_needs_follow(tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "g.sqlite3"), "clock"], clock=clock) == 2
    assert "add --follow" in capsys.readouterr().err


def test_clock_follow_refuses_a_missing_database(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(tmp_path / "none.sqlite3"), "clock", "--follow"], clock=clock) == 2
    assert "no such database file" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_clock_follow_opens_the_meeting_read_only(
    db_path: Path, store: Store, clock: FakeClock, meeting: Meeting, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[ProjectorApp] = []
    monkeypatch.setattr(ProjectorApp, "run", lambda self, **_: opened.append(self))
    assert main(["--db", str(db_path), "clock", "--follow", "--meeting", "2026-11-24"], clock=clock) == 0
    (app,) = opened
    assert app.projector.store.db.readonly  # a viewer cannot write, even by mistake
    assert app.projector.follower.clock.read().turns == 8  # no seating yet: the meeting's largest table


def test_bench_clock_is_registered_and_reports_each_moment(clock: FakeClock) -> None:
    assert "clock" in bench.BENCHMARKS
    figures = bench_clock.figures_of("engine", run_clock_bench(clock, clock.advance, idle_seconds=0.5))
    assert figures["engine_warning_seen"] == 3
    assert 0 <= figures["engine_display_update_worst_ms"] <= 50.001
    assert figures["engine_worst_ms"] == max(v for k, v in figures.items() if k.endswith("_worst_ms"))
