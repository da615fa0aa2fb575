"""The app at the door when the group file refuses a change: it says why and keeps running."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from app.tui.app import TableSessionApp, create_app
from app.tui.screens.base import AreaScreen
from app.tui.screens.checkin import CheckinScreen
from sessions.store import BUSY_TIMEOUT_ENV, Database, Store
from sessions.store.backups import backup_folder
from sessions.store.faults import disk_full
from sessions.timekeeping import FakeClock
from tests.faults import DISK_FULL, READ_ONLY, build_group_file, content, inject, write_lock_held
from tests.waiting import wait_until

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "0.2")


@pytest.fixture
def group_file(tmp_path: Path, clock: FakeClock) -> Path:
    return build_group_file(tmp_path / "group.sqlite3", clock)


@contextlib.asynccontextmanager
async def at_the_door(group_file: Path, clock: FakeClock) -> AsyncIterator[tuple[TableSessionApp, Pilot[None]]]:
    """The app on the check-in area (faults injected before this reach the app's connection)."""
    with Store.opened(group_file) as store:
        app = create_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3")
            await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
            yield app, pilot


@pytest.fixture
async def door(group_file: Path, clock: FakeClock) -> AsyncIterator[tuple[TableSessionApp, Pilot[None]]]:
    async with at_the_door(group_file, clock) as opened:
        yield opened


async def search(pilot: Pilot[None], text: str) -> None:
    box = pilot.app.screen.query_one("#checkin-search", Input)
    box.value = text
    box.focus()
    await pilot.pause()


def notified(app: TableSessionApp, words: str) -> bool:
    return any(words in note.message for note in app._notifications)


def checked_in(group_file: Path, first_name: str) -> bool:
    with Store.opened(group_file, readonly=True) as store:
        member = next(m for m in store.members.all() if m.first_name == first_name)
        assert member.id is not None
        return store.attendance.find(1, member.id).checked_in


async def test_enter_on_a_busy_file_says_another_program_has_it_and_works_once_it_is_done(
    door: tuple[TableSessionApp, Pilot[None]], group_file: Path
) -> None:
    app, pilot = door
    with write_lock_held(group_file, holder="pid 4242, since 18:05"):
        await search(pilot, "kwame")
        await pilot.press("enter")
        await wait_until(pilot, lambda: notified(app, "another program is using the group file"), "the busy message")
        assert notified(app, "pid 4242, since 18:05")
    assert not checked_in(group_file, "Kwame")
    assert app.is_running
    await search(pilot, "kwame")
    await pilot.press("enter")
    await wait_until(pilot, lambda: checked_in(group_file, "Kwame"), "the check-in once the file is free")


async def test_enter_on_a_full_disk_says_so_and_the_app_carries_on(
    monkeypatch: pytest.MonkeyPatch, group_file: Path, clock: FakeClock
) -> None:
    before = content(group_file)
    inject(monkeypatch, DISK_FULL)
    async with at_the_door(group_file, clock) as (app, pilot):
        await search(pilot, "kwame")
        await pilot.press("enter")
        await wait_until(pilot, lambda: notified(app, "the disk is full"), "the disk-full message")
        assert not notified(app, "is damaged")
        await pilot.press("f2")  # still answering keys
        await wait_until(pilot, lambda: not isinstance(app.screen, CheckinScreen), "another area")
        assert app.is_running
    assert content(group_file) == before


async def test_ctrl_l_and_enter_on_a_read_only_file_say_so_and_the_app_carries_on(
    monkeypatch: pytest.MonkeyPatch, group_file: Path, clock: FakeClock
) -> None:
    before = content(group_file)
    inject(monkeypatch, READ_ONLY)
    async with at_the_door(group_file, clock) as (app, pilot):
        await search(pilot, "olga")
        await pilot.press("ctrl+l")
        status = app.screen.query_one("#checkin-status", Static)
        await wait_until(pilot, lambda: "is read-only" in str(status.render()), "the read-only message")
        await search(pilot, "kwame")
        await pilot.press("enter")
        await wait_until(pilot, lambda: notified(app, "is read-only"), "the read-only notice")
        assert app.is_running
    assert content(group_file) == before


async def test_a_copy_the_full_disk_refuses_is_reported_and_the_app_still_opens(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, clock: FakeClock
) -> None:
    """The copy kept before a meeting's first change is written as the app opens: a full disk must not
    leave a blank app."""
    path = build_group_file(tmp_path / "fresh.sqlite3", clock)
    for copy in backup_folder(path).iterdir():
        copy.unlink()  # this meeting has no copy yet: the app takes one on opening

    def no_room(_database: Database, destination: Path) -> Path:
        raise disk_full(destination)

    monkeypatch.setattr(Database, "backup", no_room)
    with Store.opened(path) as store:
        app = create_app(store, clock)
        async with app.run_test(size=SIZE) as pilot:
            await wait_until(pilot, lambda: notified(app, "the disk is full"), "the disk-full message")
            await wait_until(pilot, lambda: isinstance(app.screen, AreaScreen), "the first area")
