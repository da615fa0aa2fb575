"""Shared fixtures: a temp database, a fake clock, a small group."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from sessions.models import Group, Meeting, Member, Sharing, Tag
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.tmux_terminal import Terminal, terminal_environment

MEETING_DAY = dt.date(2026, 11, 24)

# On a developer's machine hypothesis explores new cases each run; in CI the same cases run every
# time, so a landing is never decided by chance. Anything found locally is kept in .hypothesis/.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test keeps the default group file out of the real user data dir."""
    folder = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "group.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = Store.open(db_path)
    opened.save_group(Group(name="Test Networking Group"))
    yield opened
    opened.close()


@pytest.fixture
def meeting(store: Store) -> Meeting:
    return store.meetings.add(Meeting(date=MEETING_DAY, title="Weekly networking"))


def make_member(first: str, last: str, **fields: object) -> Member:
    handle = f"{first}.{last}".lower().replace(" ", "")
    defaults: dict[str, object] = {"email": f"{handle}@example.com", "headline": f"{first} the professional"}
    return Member(first_name=first, last_name=last, **{**defaults, **fields})


@pytest.fixture
def people(store: Store, meeting: Meeting) -> list[Member]:
    """Six members registered for the meeting, with varied cards and sharing choices."""
    assert meeting.id is not None
    cards = [
        make_member("Olga", "Dubois", employers=["Dell", "McKesson"], subgroups=["HR"]),
        make_member("Jordan", "Cohen", employers=["Sabre"], tags=frozenset({Tag.CONNECTOR})),
        make_member("Mei", "Lindqvist", sharing=Sharing(email=True, phone=True), phone="+12145550101"),
        make_member("Kwame", "Trần", subgroups=["IT"], tags=frozenset({Tag.NEWCOMER})),
        make_member("Renée", "Moreau", employers=["Sabre", "EDS"], subgroups=["Marketing"]),
        make_member("Cher", "", email=None),
    ]
    saved = [store.members.add(card) for card in cards]
    for member in saved:
        assert member.id is not None
        store.attendance.register(meeting.id, member.id, source="test")
    return saved


# Terminal tests: a private home and PATH for the app under tmux, and every tmux session closed afterwards.
@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    return terminal_environment(tmp_path, Path(__file__).resolve().parent.parent)


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()
