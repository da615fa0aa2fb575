"""A demo group with fictional people, for trying the app without real data.

Deterministic: the same seed and date give the same group, so screenshots and docs stay stable.
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from .models import Group, Meeting, Member, OwnCard, Round, SeatingPlan, Sharing, Tag
from .seating import Person, SeatingRequest, TablePolicy, solve
from .store import Store

FIRST_NAMES = (
    "Olga",
    "Jordan",
    "Mei",
    "Kwame",
    "Samuel",
    "Mía",
    "Renée",
    "Avery",
    "Ruth",
    "Sofía",
    "Isabel",
    "Aisha",
    "Grace",
    "Tomás",
    "Priya",
    "Daniel",
    "Chloé",
    "Marcus",
    "Hana",
    "Elena",
    "Noah",
    "Fatima",
    "Liam",
    "Zoë",
    "Carlos",
    "Ingrid",
    "Kenji",
    "Amara",
    "Lucas",
    "Yara",
    "Oskar",
    "Nadia",
    "Ethan",
    "Leila",
    "Mateo",
    "Sven",
    "Chiara",
    "Dev",
    "Rosa",
    "Felix",
    "Anouk",
    "Raj",
    "Beatriz",
    "Tariq",
    "Wen",
    "Joaquín",
    "Lena",
    "Omar",
)
LAST_NAMES = (
    "Dubois",
    "Cohen",
    "Lindqvist",
    "Nguyen",
    "Popescu",
    "Fernández",
    "Kowalski",
    "Okafor",
    "Brown",
    "Raman",
    "Kim",
    "Johansson",
    "Moreau",
    "Trần",
    "Haddad",
    "Silva",
    "Novak",
    "Mensah",
    "Tanaka",
    "Rossi",
    "Schmidt",
    "O'Brien",
    "Castillo",
    "Petrov",
    "Adeyemi",
    "Larsen",
    "Müller",
    "Chen",
    "García",
    "Patel",
    "Ivanova",
    "Walsh",
    "Yilmaz",
    "Sato",
    "Andersen",
    "Diaz",
    "Kaur",
    "Bergström",
    "Mbeki",
    "Costa",
    "Horvat",
    "Reyes",
    "Lambert",
    "Nakamura",
    "Abbott",
    "Ferreira",
    "Kowalczyk",
    "Quinn",
)
COMPANIES = (
    "Sabre",
    "American Airlines",
    "Southwest Airlines",
    "Texas Instruments",
    "Dell",
    "7-Eleven",
    "JCPenney",
    "Frito-Lay",
    "McKesson",
    "Capital One",
    "Bank of America",
    "Lockheed Martin",
    "EDS",
    "AT&T",
    "Toyota North America",
    "Kimberly-Clark",
)
ROLES = {
    "Marketing": ("Marketing Manager", "Brand Strategist", "Content Lead", "Digital Marketing Director"),
    "IT": ("Systems Administrator", "Software Engineer", "IT Project Manager", "Data Analyst"),
    "Finance": ("Controller", "Financial Analyst", "Accountant", "FP&A Manager"),
    "Operations": ("Operations Manager", "Supply Chain Director", "Logistics Coordinator"),
    "HR": ("HR Business Partner", "Recruiter", "Talent Development Lead"),
    "Sales": ("Sales Executive", "Account Manager", "Business Development Director"),
    "Engineering": ("Mechanical Engineer", "Quality Engineer", "Process Engineer"),
}
TARGETS = (
    "product management",
    "customer success",
    "FP&A",
    "UX research",
    "supply chain leadership",
    "data analytics",
    "program management",
    "people operations",
    "cloud architecture",
    "brand management",
)
MEMBER_COUNT = 48
REGISTERED_TODAY = 42
PAST_ATTENDANCE = (38, 35)  # two weeks ago, last week
TABLE_MAX = 8
PAST_ROUNDS = 2


@dataclass(frozen=True)
class DemoSummary:
    members: int
    meetings: int
    registered_today: int
    today_meeting_id: int


def _member(index: int, rng: random.Random) -> Member:
    first, last = FIRST_NAMES[index], LAST_NAMES[index]
    subgroup = rng.choice(sorted(ROLES))
    role = rng.choice(ROLES[subgroup])
    employers = rng.sample(COMPANIES, k=rng.randint(1, 3))
    target = rng.choice(TARGETS)
    handle = f"{first}-{last}".lower().replace("'", "").replace(" ", "-")
    # Mía Fernández -> mia-fernandez: drop the accents, keep the letters (Trần -> tran).
    folded = unicodedata.normalize("NFKD", handle.replace("đ", "d"))
    ascii_handle = "".join(c for c in folded if not unicodedata.combining(c)).encode("ascii", "ignore").decode()
    # Roughly a third share email, a fifth their phone: what people choose at real meetings.
    sharing = Sharing(email=rng.random() < 0.35, phone=rng.random() < 0.2, employers=rng.random() < 0.95)
    tags: set[Tag] = set()
    if index % 9 == 4:
        tags.add(Tag.NEWCOMER)
    if index % 11 == 2:
        tags.add(Tag.CONNECTOR)
    if index in (0, 24):
        tags.add(Tag.HOST)
    return Member(
        first_name=first,
        last_name=last,
        headline=f"{role} moving into {target}",
        employers=employers,
        target_roles=[target],
        target_companies=rng.sample(COMPANIES, k=2),
        subgroups=[subgroup],
        email=f"{ascii_handle}{index}@example.com",
        phone=f"+1214555{index:04d}",
        linkedin=f"https://www.linkedin.com/in/{ascii_handle}-{index}",
        tags=frozenset(tags),
        sharing=sharing,
        own_card=OwnCard(wanted=index % 3 == 1),  # about a third ask for a sheet of business cards
    )


def _seat(
    members: dict[int, Member],
    present: list[int],
    history: dict[tuple[int, int], list[dt.date]],
    day: dt.date,
    seed: int,
) -> tuple[Round, ...]:
    """Past meetings seated by the engine itself, each avoiding the pairs of the meeting before."""
    request = SeatingRequest(
        meeting_id=0,
        people=[Person.from_member(members[m]) for m in present],
        rounds=PAST_ROUNDS,
        policy=TablePolicy(max_size=TABLE_MAX),
        history={pair: list(dates) for pair, dates in history.items()},
        on=day,
        seed=seed,
        time_limit=2.0,
        patience=300,  # a demo needs a good plan quickly, not the best one
    )
    rounds = solve(request).plan.rounds
    for round_ in rounds:
        for pair in round_.pairs():
            history.setdefault(pair, []).append(day)
    return rounds


def build_demo(store: Store, today: dt.date, now: dt.datetime, *, seed: int = 7) -> DemoSummary:
    """Fill an empty store with the demo group, two past meetings with seatings, and today's meeting."""
    rng = random.Random(seed)
    with store.transaction():
        store.save_group(Group(name="Dallas Career Connections (demo)", is_demo=True))
        members = [store.members.add(_member(i, rng)) for i in range(MEMBER_COUNT)]
        ids = [m.id for m in members if m.id is not None]
        by_id = {m.id: m for m in members if m.id is not None}
        history: dict[tuple[int, int], list[dt.date]] = {}
        for weeks_ago, attended in zip((2, 1), PAST_ATTENDANCE, strict=True):
            day = today - dt.timedelta(weeks=weeks_ago)
            past = store.meetings.add(Meeting(date=day, title="Weekly networking", venue="Community Center, Room B"))
            assert past.id is not None
            present = rng.sample(ids, k=attended)
            started = dt.datetime.combine(day, dt.time(18, 30), tzinfo=now.tzinfo)
            for member_id in present:
                store.attendance.register(past.id, member_id, source="eventbrite", at=started)
                store.attendance.check_in(past.id, member_id, started)
            rounds = _seat(by_id, sorted(present), history, day, seed)
            # The stand-in dealer this replaced shuffled once per round; drawing the same keeps the rest
            # of the demo (today's registrations, cards) exactly as before.
            for _ in range(PAST_ROUNDS):
                rng.shuffle(present[:])
            store.seating.save(SeatingPlan(meeting_id=past.id, rounds=rounds, seed=seed))
        meeting = store.meetings.add(Meeting(date=today, title="Weekly networking", venue="Community Center, Room B"))
        assert meeting.id is not None
        for member_id in rng.sample(ids, k=REGISTERED_TODAY):
            store.attendance.register(meeting.id, member_id, source="eventbrite", at=now)
    return DemoSummary(members=len(ids), meetings=3, registered_today=REGISTERED_TODAY, today_meeting_id=meeting.id)
