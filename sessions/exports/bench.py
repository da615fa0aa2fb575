"""Timing every export on a large scratch meeting, for `tablesession bench export`."""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from sessions.models import Meeting, Member, Round, SeatingPlan, Sharing, Table
from sessions.store import Store
from sessions.timekeeping import Clock

from .followup import Followup, PageWriter
from .meeting_import import import_meeting_json
from .runner import ExportKind, ExportRequest, run_export, suggested_name
from .scope import ExportScope

MEMBERS = 2000
ROUNDS = 3
TABLE_SIZE = 8
SEED = 11


def _member(index: int, rng: random.Random) -> Member:
    website = {"website": f"https://member{index}.example.com"} if index % 3 == 0 else {}
    return Member(
        **website,
        first_name=rng.choice(("Olga", "Mía", "Kwame", "Renée", "Trần", "Jordan", "Zoë", "Hana")) + str(index),
        last_name=rng.choice(("Dubois", "O'Brien", "García", "Nguyen", "Müller", "Kim")),
        headline="Operations manager moving into supply chain leadership, open to contract roles",
        employers=["Texas Instruments", "Frito-Lay", "Capital One"],
        target_roles=["supply chain leadership"],
        target_companies=["Dell", "AT&T"],
        subgroups=["Operations"],
        email=f"member{index}@example.com",
        phone=f"+1214555{index:04d}",
        linkedin=f"https://www.linkedin.com/in/member-{index}",
        sharing=Sharing(email=index % 2 == 0, phone=index % 5 == 0),
    )


def build_large_meeting(store: Store, clock: Clock, members: int = MEMBERS) -> Meeting:
    """A meeting everyone came to, seated at tables of 8 for three rounds."""
    rng = random.Random(SEED)
    now = clock.now()
    with store.transaction():
        ids = [store.members.add(_member(i, rng)).id for i in range(members)]
        meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly networking", venue="Main hall"))
        assert meeting.id is not None
        seated = [mid for mid in ids if mid is not None]
        for member_id in seated:
            store.attendance.check_in(meeting.id, member_id, now)
        tables = -(-len(seated) // TABLE_SIZE)
        rounds = []
        for number in range(1, ROUNDS + 1):
            order = seated[:]
            rng.shuffle(order)
            dealt = [order[i::tables] for i in range(tables)]
            rounds.append(Round(number=number, tables=tuple(Table.of(str(i + 1), t) for i, t in enumerate(dealt))))
        store.seating.save(SeatingPlan(meeting_id=meeting.id, rounds=tuple(rounds), seed=SEED))
    return meeting


def _timed(pages: PageWriter | None, spent: list[float]) -> PageWriter | None:
    """`pages`, adding the seconds each page takes to `spent`: the follow-up export is drawing and
    writing thousands of files, and the two have different limits (the second is the disk's)."""
    if pages is None:
        return None
    writer = pages

    def timed(followup: Followup, scope: ExportScope) -> bytes:
        started = time.perf_counter()
        try:
            return writer(followup, scope)
        finally:
            spent[0] += time.perf_counter() - started

    return timed


def measure_exports(clock: Clock, pages: PageWriter | None, members: int = MEMBERS) -> dict[str, float | int]:
    """Seconds per export kind (and the JSON import) for `members` people in one meeting."""
    figures: dict[str, float | int] = {"members": members}
    drawing = [0.0]
    pages = _timed(pages, drawing)
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        with Store.opened(folder / "bench.sqlite3") as store:
            meeting = build_large_meeting(store, clock, members)
            scope = ExportScope(meeting)
            total = 0.0
            for kind in ExportKind:
                path = folder / suggested_name(kind, scope)
                started = time.perf_counter()
                summary = run_export(store, ExportRequest(kind, path, scope, clock.now()), pages=pages)
                elapsed = time.perf_counter() - started
                figures[f"{kind.value}_s"] = elapsed
                total += elapsed
                if kind is ExportKind.FOLLOWUP:
                    figures["followup_files"] = summary.files
                    figures["followup_pdf_pages_s"] = drawing[0]
            figures["total_s"] = total
            figures["total_without_followup_s"] = total - float(figures["followup_s"])
        with Store.opened(folder / "fresh.sqlite3") as fresh:
            started = time.perf_counter()
            import_meeting_json(fresh, folder / suggested_name(ExportKind.JSON, scope), clock)
            figures["json_import_s"] = time.perf_counter() - started
    return figures
