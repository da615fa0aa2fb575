"""`tablesession bench print`: a busy night's printing, timed, from a cold start.

200 tent cards, 200 badges, and table sheets for 30 tables over 3 rounds, for fictional members with varied
names (accents, Greek, Cyrillic, CJK) and contact details. Reports the time of each document and in total,
bytes per page, and whether any page holds a bitmap (it should not: QR codes are vector paths).
"""

from __future__ import annotations

import datetime as dt
import random
import re
import time
from collections.abc import Callable
from typing import Any

from sessions.models import Meeting, Member, Round, SharedCard, Sharing, Table

from . import qr
from .badges import labels
from .geometry import Paper
from .pdf import Pdf
from .sheets import table_sheets
from .stock import PLAIN, StockKind, find_stock
from .tents import tents

TENTS = 200
BADGES = 200
TABLES = 30
ROUNDS = 3
SEATS = 7  # 30 tables of 7: 210 people

_FIRST = ("Olga", "Jordan", "Mei", "Kwame", "Renée", "Tomás", "Zoë", "Γιώργος", "Дмитрий", "王小明", "Sofía", "Priya")
_LAST = ("Dubois", "Nguyen", "Okafor", "Fernández", "Παπαδόπουλος", "Иванова", "Kowalski", "Bergström", "", "Trần")
_COMPANIES = ("Sabre", "Dell", "Frito-Lay", "AT&T", "Capital One", "Texas Instruments", "McKesson", "7-Eleven")
_IMAGE = re.compile(rb"/Subtype\s*/Image")


def bench_members(count: int, seed: int = 11) -> list[Member]:
    rng = random.Random(seed)
    members = []
    for index in range(count):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        members.append(
            Member(
                id=index + 1,
                first_name=first,
                last_name=last,
                headline=f"{rng.choice(('Marketing manager', 'Data analyst', 'Controller'))} moving into product",
                employers=rng.sample(_COMPANIES, k=2),
                target_roles=["product management"],
                target_companies=rng.sample(_COMPANIES, k=2),
                subgroups=[rng.choice(("IT", "Finance", "Marketing"))],
                email=f"member{index}@example.com",
                phone=f"+1214555{index:04d}",
                linkedin=f"https://www.linkedin.com/in/member-{index}",
                sharing=Sharing(email=index % 2 == 0, phone=index % 3 == 0),
            )
        )
    return members


def bench_rounds(member_ids: list[int], seed: int = 5) -> tuple[Round, ...]:
    rng = random.Random(seed)
    rounds = []
    for number in range(1, ROUNDS + 1):
        order = member_ids[:]
        rng.shuffle(order)
        tables = tuple(Table.of(str(t + 1), order[t::TABLES]) for t in range(TABLES))
        rounds.append(Round(number=number, tables=tables))
    return tuple(rounds)


def image_count(pdf: Pdf) -> int:
    """Image XObjects in the file (streams are compressed, dictionaries are not)."""
    return len(_IMAGE.findall(pdf.data))


def _timed(make: Callable[[], Pdf], cpu: list[float]) -> tuple[Pdf, float]:
    """The document and its wall-clock seconds; its CPU seconds are added to `cpu` (on a shared machine the
    wall clock includes time spent waiting for a core)."""
    started, cpu_started = time.perf_counter(), time.process_time()
    pdf = make()
    cpu[0] += time.process_time() - cpu_started
    return pdf, time.perf_counter() - started


def run_print_bench() -> dict[str, Any]:
    qr.clear_caches()
    members = bench_members(TABLES * SEATS)
    cards: dict[int, SharedCard] = {m.id: m.shared_card() for m in members if m.id is not None}
    ordered = list(cards.values())
    meeting = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Community Center")
    rounds = bench_rounds(list(cards))
    start = dt.datetime(2026, 11, 24, 18, 45)
    starts = {r.number: start + dt.timedelta(minutes=45 * (r.number - 1)) for r in rounds}
    badge_stock = find_stock(StockKind.BADGE, PLAIN, Paper.LETTER)

    cpu = [0.0]
    tent_pdf, tent_s = _timed(lambda: tents(ordered[:TENTS], Paper.LETTER), cpu)
    badge_pdf, badge_s = _timed(lambda: labels(ordered[:BADGES], badge_stock), cpu)
    sheet_pdf, sheet_s = _timed(
        lambda: table_sheets("Bench group", meeting, rounds, cards, Paper.LETTER, starts=starts), cpu
    )
    documents = {"tents": tent_pdf, "badges": badge_pdf, "sheets": sheet_pdf}
    figures: dict[str, Any] = {
        "total_s": tent_s + badge_s + sheet_s,
        "tents_s": tent_s,
        "badges_s": badge_s,
        "sheets_s": sheet_s,
        "total_cpu_s": cpu[0],
    }
    for name, pdf in documents.items():
        figures[f"{name}_pages"] = pdf.pages
        figures[f"{name}_kb_per_page"] = len(pdf.data) / pdf.pages / 1024
    figures["qr_codes"] = qr.qr_matrix.cache_info().currsize
    figures["image_xobjects"] = sum(image_count(pdf) for pdf in documents.values())
    figures["target_total_under_3s"] = "yes" if figures["total_s"] < 3.0 else "NO"
    figures["target_tent_page_under_30kb"] = "yes" if figures["tents_kb_per_page"] < 30 else "NO"
    return figures
