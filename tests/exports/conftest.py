"""Fixtures for the export tests: a temp group database, a fake clock, and a small meeting that has
been run, with names that stress every format (commas, semicolons, accents, CJK) and mixed sharing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from sessions.models import Group, Meeting, Member, Round, SeatingPlan, Sharing, Table
from sessions.store import ClockEvent, Store
from sessions.timekeeping import FakeClock

# A value no export may contain: every member below keeps their email/phone private unless said.
SECRET_DOMAIN = "private.example.com"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.opened(tmp_path / "group.sqlite3") as opened:
        opened.save_group(Group(name="Test networking group"))
        yield opened


def people() -> list[Member]:
    """Fictional people. Those sharing nothing but a name still appear in exports by name."""
    everything = Sharing(email=True, phone=True)
    return [
        Member(
            first_name="Olga",
            last_name="Dubois, Jr.",
            headline="Controller; moving into FP&A",
            employers=["Acme, Inc.", "Globex"],
            target_roles=["FP&A lead"],
            target_companies=["Initech"],
            email="Olga.Dubois@example.com",
            phone="+1 214 555 0101",
            linkedin="https://www.linkedin.com/in/olga-dubois",
            website="https://olga.example.com/a,b;c",
            sharing=everything,
        ),
        Member(
            first_name="Renée",
            last_name="Fernández-Müller",
            headline='=HYPERLINK("http://evil.example.com")',
            employers=["@Risk Partners"],
            email=f"renee@{SECRET_DOMAIN}",
            phone="+1 214 555 0102",
            linkedin="https://www.linkedin.com/in/renee-fm",
        ),
        Member(
            first_name="美咲",
            last_name="山田",
            headline="データアナリスト",
            employers=["東京データ"],
            email="misaki@example.com",
            phone="+81 3 5555 0103",
            sharing=Sharing(email=True, phone=False),
        ),
        Member(
            first_name="Kwame",
            last_name="Mensah",
            headline="Supply chain director " + "with a very long headline " * 4,
            employers=["Frito-Lay"],
            email=f"kwame@{SECRET_DOMAIN}",
            phone="+1 214 555 0104",
            linkedin="https://www.linkedin.com/in/kwame-private",
            sharing=Sharing(headline=True, employers=False, targets=False, linkedin=False, website=False),
        ),
        Member(first_name="Tomás", last_name="Trần", email="tomas@example.com", sharing=Sharing(email=True)),
        Member(first_name="Ingrid", last_name="Larsen", employers=["Dell"], phone="-5", sharing=Sharing(phone=True)),
        Member(first_name="Noah", last_name="Quinn", email=f"noah@{SECRET_DOMAIN}"),
        Member(first_name="Absent", last_name="Person", email="absent@example.com", sharing=Sharing(email=True)),
    ]


@dataclass(frozen=True)
class RunMeeting:
    meeting: Meeting
    members: dict[str, Member]  # by first name
    plan: SeatingPlan


@pytest.fixture
def run_meeting(store: Store, clock: FakeClock) -> RunMeeting:
    """A meeting everyone but 'Absent' came to, seated for two rounds, with some clock commands."""
    with store.transaction():
        members = {m.first_name: store.members.add(m) for m in people()}
        meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking", venue="Room B"))
    assert meeting.id is not None
    ids = {name: m.id for name, m in members.items() if m.id is not None}
    for name, member_id in ids.items():
        store.attendance.register(meeting.id, member_id, source="eventbrite", at=clock.now())
        if name != "Absent":
            store.attendance.check_in(meeting.id, member_id, clock.now(), walk_in=name == "Noah")
    store.attendance.set_no_show(meeting.id, ids["Absent"], True)
    store.attendance.set_left(meeting.id, ids["Ingrid"], clock.now() + dt.timedelta(hours=1))
    round_one = Round(
        number=1,
        locked=True,
        tables=(
            Table.of("1", [ids["Olga"], ids["Renée"], ids["美咲"], ids["Kwame"]]),
            Table.of("Window 2", [ids["Tomás"], ids["Ingrid"], ids["Noah"]]),
        ),
    )
    round_two = Round(
        number=2,
        tables=(
            Table.of("1", [ids["Olga"], ids["Tomás"], ids["Noah"]]),
            Table.of("Window 2", [ids["Renée"], ids["美咲"], ids["Kwame"], ids["Ingrid"]]),
        ),
    )
    plan = store.seating.save(SeatingPlan(meeting_id=meeting.id, rounds=(round_one, round_two), seed=3))
    for command, argument in (("start", None), ("pause", None), ("adjust", 30.0)):
        store.clock_log.append(
            ClockEvent(meeting_id=meeting.id, round_number=1, command=command, argument=argument, wall_time=clock.now())
        )
        clock.advance(10)
    return RunMeeting(meeting=meeting, members=members, plan=plan)
