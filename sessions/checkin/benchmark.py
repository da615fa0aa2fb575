"""Measuring the check-in speed targets: search latency per keystroke, and importing a big export.

Builds its own data in a scratch folder; never touches the group's database.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sessions.demo import COMPANIES, FIRST_NAMES, LAST_NAMES
from sessions.models import Group, Meeting, Member
from sessions.roster import import_roster
from sessions.store import Store

from .search import CheckinIndex


@dataclass(frozen=True)
class BenchSizes:
    members: int = 2000
    typed_names: int = 200  # people looked up, each typed one key at a time
    typo_share: float = 0.3  # of those, typed with a slip
    import_rows: int = 5000


SIZES = BenchSizes()
EVENTBRITE_HEADERS = [
    "Order #",
    "Order Date",
    "First Name",
    "Last Name",
    "Email",
    "Quantity",
    "Price Tier",
    "Ticket Type",
    "Attendee #",
    "Group",
    "Order Type",
    "Currency",
    "Total Paid",
    "Fees Paid",
    "Eventbrite Fees",
    "Eventbrite Payment Processing",
    "Attendee Status",
    "Home Address 1",
    "Home Address 2",
    "Home City",
    "Home State",
    "Home Zip",
    "Home Country",
    "Cell Phone",
    "What was your most recent role?",
    "Which companies have you worked for?",
    "What are you looking for next?",
    "LinkedIn profile",
    "Which sub-group do you belong to?",
    "May other attendees see your email address?",
    "Job Title",
    "Company",
]


def synthetic_members(count: int, rng: random.Random) -> list[Member]:
    members = []
    for index in range(count):
        first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        handle = f"{first}.{last}".encode("ascii", "ignore").decode().lower().replace("'", "")
        members.append(
            Member(
                id=index + 1,
                first_name=first,
                last_name=last,
                email=f"{handle}{index}@example.com",
                employers=rng.sample(COMPANIES, k=rng.randint(1, 3)),
            )
        )
    return members


def _with_slip(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters of the last name, as fast typing does."""
    position = rng.randrange(len(text) - 2, len(text) - 1) if len(text) > 3 else 0
    letters = list(text)
    letters[position], letters[position + 1] = letters[position + 1], letters[position]
    return "".join(letters)


def search_latency(sizes: BenchSizes = SIZES, seed: int = 11) -> dict[str, float | int]:
    rng = random.Random(seed)
    members = synthetic_members(sizes.members, rng)
    started = time.perf_counter()
    index = CheckinIndex(members)
    build_ms = (time.perf_counter() - started) * 1000
    preferred = {m.id for m in rng.sample(members, k=sizes.members // 20) if m.id is not None}
    latencies: list[float] = []
    found = 0
    for member in rng.sample(members, k=sizes.typed_names):
        target = member.full_name
        if rng.random() < sizes.typo_share:
            target = _with_slip(target, rng)
        for end in range(1, len(target) + 1):
            started = time.perf_counter()
            hits = index.search(target[:end], preferred=preferred)
            latencies.append((time.perf_counter() - started) * 1000)
        found += any(hit.member_id == member.id for hit in hits)
    latencies.sort()
    return {
        "members": sizes.members,
        "keystrokes": len(latencies),
        "index_build_ms": build_ms,
        "search_median_ms": statistics.median(latencies),
        "search_p95_ms": latencies[int(len(latencies) * 0.95) - 1],
        "search_max_ms": latencies[-1],
        "typed_people_found_pct": 100.0 * found / sizes.typed_names,
    }


def write_eventbrite_export(path: Path, rows: int, rng: random.Random) -> None:
    statuses = ["Attending"] * 18 + ["Checked In", "Refunded"]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(EVENTBRITE_HEADERS)
        for index in range(rows):
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            handle_name = f"{first}.{last}".encode("ascii", "ignore").decode().lower().replace("'", "")
            employers = rng.sample(COMPANIES, k=rng.randint(1, 3))
            writer.writerow(
                [
                    1200000000 + index,
                    "11/1/26 8:00",
                    first,
                    last,
                    f"{handle_name}{index}@example.com",
                    1,
                    "",
                    "General Admission",
                    3300000000 + index,
                    "",
                    "Free Order",
                    "USD",
                    "0.00",
                    "0.00",
                    "0.00",
                    "0.00",
                    rng.choice(statuses),
                    "",
                    "",
                    "Dallas",
                    "TX",
                    "75201",
                    "US",
                    f"(214) 555-{rng.randrange(10000):04d}",
                    "Analyst",
                    ", ".join(employers),
                    "product management",
                    f"https://www.linkedin.com/in/{handle_name.replace('.', '-')}-{index}",
                    rng.choice(["HR", "IT", "Finance", "Sales"]),
                    rng.choice(["Yes", "No"]),
                    "Analyst",
                    employers[0],
                ]
            )


def import_speed(today: dt.date, now: dt.datetime, sizes: BenchSizes = SIZES, seed: int = 5) -> dict[str, float | int]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "eventbrite-5000.csv"
        write_eventbrite_export(export, sizes.import_rows, rng)
        with Store.opened(Path(folder) / "bench.sqlite3") as store:
            store.save_group(Group(name="Bench"))
            meeting = store.meetings.add(Meeting(date=today))
            started = time.perf_counter()
            first = import_roster(store, export, meeting=meeting, now=now)
            first_s = time.perf_counter() - started
            started = time.perf_counter()
            again = import_roster(store, export, meeting=meeting, now=now)
            again_s = time.perf_counter() - started
    return {
        "import_rows": sizes.import_rows,
        "import_s": first_s,
        "import_added": len(first.added),
        "import_skipped": len(first.skipped),
        "reimport_s": again_s,
        "reimport_unchanged": len(again.unchanged),
    }
