"""Fixtures for the printables tests: fictional members, a meeting and its seating."""

from __future__ import annotations

import datetime as dt

import pytest
from print_fixtures import fictional_members

from sessions.models import Meeting, Member, Round, SharedCard, Table


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
