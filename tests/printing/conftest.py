"""Fixtures for the printables tests: fictional members, a meeting and its seating."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sessions.models import Group, Meeting, Member, Round, SeatingPlan, SharedCard, Table
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .print_fixtures import fictional_members


@pytest.fixture
def members() -> list[Member]:
    return fictional_members()


@pytest.fixture
def cards(members: list[Member]) -> list[SharedCard]:
    return [member.shared_card() for member in members]


@pytest.fixture
def cards_by_id(members: list[Member]) -> dict[int, SharedCard]:
    return {member.id: member.shared_card() for member in members if member.id is not None}


@pytest.fixture
def meeting() -> Meeting:
    return Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Community Center, Room B")


@pytest.fixture
def rounds() -> tuple[Round, ...]:
    return (
        Round(number=1, tables=(Table.of("1", [1, 2, 3, 4]), Table.of("2", [5, 6, 7]))),
        Round(number=2, tables=(Table.of("1", [7, 1, 5]), Table.of("Window", [2, 3, 4, 6]))),
    )


@pytest.fixture
def print_store(tmp_path: Path, clock: FakeClock) -> Iterator[Store]:
    """A group with today's meeting: five members checked in, one only registered, and a two-round plan."""
    store = Store.open(tmp_path / "group.sqlite3")
    store.save_group(Group(name="Example Networking Group"))
    saved = [store.members.add(member.model_copy(update={"id": None})) for member in fictional_members()]
    ids = [member.id for member in saved if member.id is not None]
    meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking", venue="Room B"))
    assert meeting.id is not None
    for member_id in ids:
        store.attendance.register(meeting.id, member_id, at=clock.now())
    for member_id in ids[:5]:
        store.attendance.check_in(meeting.id, member_id, clock.now())
    present = ids[:5]
    store.seating.save(
        SeatingPlan(
            meeting_id=meeting.id,
            rounds=(
                Round(number=1, tables=(Table.of("1", present[:3]), Table.of("2", present[3:]))),
                Round(number=2, tables=(Table.of("1", present[2:]), Table.of("2", present[:2]))),
            ),
        )
    )
    yield store
    store.close()
