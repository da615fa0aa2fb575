"""Printing a document for a meeting: gather what it needs from the store, render it, write the file.

The command line and the TUI both go through here. `gather` reads the store (and refuses, with a message a
facilitator can act on, when something is missing); `render` turns the gathered data into a PDF and may run
in a worker thread.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sessions.checkin.first_time import first_timers
from sessions.errors import NotFoundError, TablesessionError
from sessions.models import Meeting, Member, Round, SharedCard
from sessions.speaking_times import round_starts
from sessions.store import SeatChangeEvent, Store

from .badges import labels
from .calibrate import calibration
from .cards import business_cards
from .changes import seat_changes
from .companies import company_index
from .content import DEFAULT_REGION, TagExtras, event_line
from .door import door_list
from .geometry import Paper
from .layout import Progress
from .pdf import Pdf
from .sheets import table_sheets
from .stock import PLAIN, STOCKS, Stock, StockKind, find_stock
from .tents import tents

# Time to find the next table between rounds, when the sheets' schedule runs over several rounds.
DEFAULT_ROUND_BREAK = dt.timedelta(minutes=5)


class Document(StrEnum):
    TENTS = "tents"
    BADGES = "badges"
    CARDS = "cards"
    SHEETS = "sheets"
    DOOR = "door"
    COMPANIES = "companies"
    CHANGES = "changes"
    CALIBRATE = "calibrate"


@dataclass(frozen=True)
class DocumentInfo:
    title: str
    help: str
    stock_kind: StockKind | None = None  # documents printed on label/card stock
    needs_plan: bool = False
    per_person: bool = False


DOCUMENTS: dict[Document, DocumentInfo] = {
    Document.TENTS: DocumentInfo("Tent cards", "a folded name card per person", StockKind.TENT, per_person=True),
    Document.BADGES: DocumentInfo(
        "Name badges", "badges on label stock or plain paper", StockKind.BADGE, per_person=True
    ),
    Document.CARDS: DocumentInfo("Business cards", "a sheet of business cards each", StockKind.CARD, per_person=True),
    Document.SHEETS: DocumentInfo("Table sheets", "a page per table per round: who speaks when", needs_plan=True),
    Document.DOOR: DocumentInfo("Door list", "everyone alphabetically with their table each round", needs_plan=True),
    Document.COMPANIES: DocumentInfo("Company index", "who here worked at each company", per_person=True),
    Document.CHANGES: DocumentInfo("Seat changes", "who moved to which table as people left or came late"),
    Document.CALIBRATE: DocumentInfo("Calibration", "a test page per stock with cell outlines"),
}


@dataclass(frozen=True)
class PrintOptions:
    paper: Paper = Paper.LETTER
    stock: str | None = None  # None: plain paper (every stock for calibration)
    round: int | None = None  # sheets and door list: one round, or all
    cut_lines: bool | None = None  # None: the stock's default (on for plain paper)
    start: dt.time | None = None  # when the (first printed) round starts, for the sheets' schedule
    round_break: dt.timedelta = DEFAULT_ROUND_BREAK
    registered: bool = False  # everyone registered, not only those checked in
    member_ids: tuple[int, ...] = ()  # only these members
    copies: int | None = None  # business cards per member (default: a sheet)
    table_number: bool = False  # tents and badges: print each person's round-1 table


@dataclass(frozen=True)
class PrintJob:
    """Everything one document needs, read from the store: plain data, safe to hand to a worker thread."""

    document: Document
    options: PrintOptions
    group_name: str
    meeting: Meeting | None
    cards: tuple[tuple[int, SharedCard], ...] = ()
    rounds: tuple[Round, ...] = ()
    starts: dict[int, dt.datetime] = field(default_factory=dict)
    extras: TagExtras | None = None  # tents and badges: the meeting, round-1 tables, who is new
    region: str = "US"  # phones print in this region's national format
    changes: tuple[SeatChangeEvent, ...] = ()  # seat changes: the meeting's, in the order they happened


@dataclass(frozen=True)
class PrintResult:
    document: Document
    path: Path
    pages: int
    size: int
    warnings: tuple[str, ...] = ()  # e.g. characters no font has, left out, naming the person


def _sort_key(member: Member) -> tuple[str, str]:
    return member.sort_key


def _people(store: Store, meeting: Meeting, options: PrintOptions) -> list[Member]:
    assert meeting.id is not None
    if options.member_ids:
        found = store.members.get_many(list(options.member_ids))
        missing = [mid for mid in options.member_ids if mid not in found]
        if missing:
            raise NotFoundError(f"--member: no member with id {', '.join(map(str, missing))}")
        return sorted(found.values(), key=_sort_key)
    if options.registered:
        roster = store.attendance.roster(meeting.id)
        people = [member for member, attendance in roster if not attendance.no_show]
        if not people:
            raise TablesessionError(f"nobody is registered for the meeting of {meeting.date.isoformat()} yet")
        return people
    present = store.attendance.present_ids(meeting.id)
    if not present:
        raise TablesessionError(
            f"nobody is checked in to the meeting of {meeting.date.isoformat()} yet; "
            "check people in first, or print for everyone registered"
        )
    return sorted(store.members.get_many(present).values(), key=_sort_key)


def _rounds(store: Store, meeting: Meeting, options: PrintOptions) -> tuple[Round, ...]:
    assert meeting.id is not None
    plan = store.seating.load(meeting.id)
    if plan is None or not plan.rounds:
        raise TablesessionError(
            f"the meeting of {meeting.date.isoformat()} has no seating plan yet; seat people first (Seating, F4)"
        )
    if options.round is None:
        return plan.rounds
    try:
        return (plan.round(options.round),)
    except KeyError:
        raise TablesessionError(
            f"--round {options.round}: the seating plan has rounds 1 to {len(plan.rounds)}"
        ) from None


def _group_name(store: Store) -> str:
    try:
        return store.group.name
    except NotFoundError:
        return ""


def _region(store: Store) -> str:
    try:
        return store.group.default_region
    except NotFoundError:
        return DEFAULT_REGION


def gather(store: Store, meeting: Meeting | None, document: Document, options: PrintOptions) -> PrintJob:
    """Read what `document` needs. Raises TablesessionError when the meeting is not ready for it."""
    info = DOCUMENTS[document]
    if info.stock_kind is not None and options.stock is not None:
        find_stock(info.stock_kind, options.stock, _paper_for_stock(info.stock_kind, options))
    if document is Document.CALIBRATE:
        calibration_stocks(options)
        return PrintJob(document, options, _group_name(store), meeting)
    if meeting is None or meeting.id is None:
        raise TablesessionError("there is no meeting yet; create one with 'tablesession meeting new'")
    group = _group_name(store)
    if document is Document.CHANGES:
        events = tuple(store.seat_changes.for_meeting(meeting.id))
        ids = sorted(
            {e.member_id for e in events if e.member_id is not None} | {c.member_id for e in events for c in e.changes}
        )
        members = store.members.get_many(ids)
        cards = tuple((mid, members[mid].shared_card()) for mid in ids if mid in members)
        return PrintJob(document, options, group, meeting, cards, changes=events, region=_region(store))
    if info.needs_plan:
        rounds = _rounds(store, meeting, options)
        ids = sorted({mid for round_ in rounds for mid in round_.member_ids})
        members = store.members.get_many(ids)
        cards = tuple((mid, members[mid].shared_card()) for mid in ids if mid in members)
        starts: dict[int, dt.datetime] = {}
        if options.start is not None:
            first = dt.datetime.combine(meeting.date, options.start)
            times = round_starts(meeting, first, [r.largest_table for r in rounds], options.round_break)
            starts = {r.number: when for r, when in zip(rounds, times, strict=True)}
        return PrintJob(document, options, group, meeting, cards, rounds, starts, region=_region(store))
    people = _people(store, meeting, options)
    if document is Document.CARDS:
        # Business cards are the person's own, to hand out: printed for those who asked (or those named),
        # showing what each chose for their own cards.
        if not options.member_ids:
            people = [member for member in people if member.own_card.wanted]
            if not people:
                raise TablesessionError(
                    "nobody here asked for business cards: tick it on their card (ctrl+t at the door, or "
                    "'tablesession card MEMBER --business-cards'), or name them with --member"
                )
        cards = tuple((member.id, member.business_card()) for member in people if member.id is not None)
    else:
        cards = tuple((member.id, member.shared_card()) for member in people if member.id is not None)
    extras = _tag_extras(store, meeting, people, options, group) if document in NAME_TAGS else None
    seated: tuple[Round, ...] = ()
    if document is Document.COMPANIES:
        plan = store.seating.load(meeting.id)  # optional: with a plan, the index says where each person sits
        seated = plan.rounds if plan is not None else ()
    return PrintJob(document, options, group, meeting, cards, seated, extras=extras, region=_region(store))


NAME_TAGS = (Document.TENTS, Document.BADGES)


def _tag_extras(store: Store, meeting: Meeting, people: list[Member], options: PrintOptions, group: str) -> TagExtras:
    """What tents and badges add to each card: the meeting and date, who is new, and (asked for) the table."""
    assert meeting.id is not None
    tables: dict[int, str] = {}
    if options.table_number:
        plan = store.seating.load(meeting.id)
        if plan is None or not plan.rounds:
            raise TablesessionError(
                f"--table-number: the meeting of {meeting.date.isoformat()} has no seating plan yet; seat people first"
            )
        tables = {mid: table.label for table in plan.rounds[0].tables for mid in table.member_ids}
    new = first_timers(store, meeting, people)
    return TagExtras(event_line(meeting.title or group, meeting.date), tables, frozenset(new))


def _paper_for_stock(kind: StockKind, options: PrintOptions) -> Paper | None:
    """A manufacturer's stock fixes the paper; only plain stock follows --paper."""
    if options.stock is None or options.stock.strip().lower() == PLAIN:
        return options.paper
    return None


def calibration_stocks(options: PrintOptions) -> list[Stock]:
    """Every stock for --paper, or those called --stock (plain: the plain layouts for --paper)."""
    if options.stock is None:
        return [stock for stock in STOCKS if stock.paper is options.paper]
    wanted = options.stock.strip().lower()
    chosen = [s for s in STOCKS if s.name == wanted and (wanted != PLAIN or s.paper is options.paper)]
    if not chosen:
        names = sorted({s.name for s in STOCKS})
        raise TablesessionError(f"--stock {options.stock}: unknown stock; choose one of {', '.join(names)}")
    return list(chosen)


def render(job: PrintJob, progress: Progress | None = None) -> Pdf:
    """The document as a PDF. Pure computation on the gathered data: fine in a worker thread."""
    options = job.options
    cards = [card for _, card in job.cards]
    info = DOCUMENTS[job.document]
    if job.document is Document.CALIBRATE:
        return calibration(calibration_stocks(options))
    meeting = job.meeting
    assert meeting is not None
    if info.stock_kind is not None:
        stock = find_stock(info.stock_kind, options.stock or PLAIN, _paper_for_stock(info.stock_kind, options))
        ids = [member_id for member_id, _ in job.cards]
        if job.document is Document.TENTS:
            return tents(cards, stock.paper, progress=progress, extras=job.extras, ids=ids)
        if job.document is Document.BADGES:
            return labels(cards, stock, cut=options.cut_lines, progress=progress, extras=job.extras, ids=ids)
        return business_cards(
            cards, stock, copies=options.copies, cut=options.cut_lines, progress=progress, region=job.region
        )
    if job.document is Document.SHEETS:
        by_id = dict(job.cards)
        paper = options.paper
        return table_sheets(
            job.group_name, meeting, job.rounds, by_id, paper, starts=job.starts, progress=progress, region=job.region
        )
    if job.document is Document.CHANGES:
        return seat_changes(job.group_name, meeting, job.changes, dict(job.cards), options.paper)
    if job.document is Document.DOOR:
        return door_list(job.group_name, meeting, job.rounds, dict(job.cards), options.paper)
    return company_index(job.group_name, meeting, dict(job.cards), options.paper, rounds=job.rounds)


def file_name(job: PrintJob) -> str:
    """e.g. 2026-11-24-badges-avery-5392.pdf, 2026-11-24-sheets-round-2-letter.pdf."""
    parts = [job.meeting.date.isoformat()] if job.meeting is not None else []
    parts.append(job.document.value)
    if job.options.round is not None and DOCUMENTS[job.document].needs_plan:
        parts.append(f"round-{job.options.round}")
    stock = job.options.stock
    on_stock = DOCUMENTS[job.document].stock_kind is not None and stock and stock.lower() != PLAIN
    if stock and (on_stock or job.document is Document.CALIBRATE):
        parts.append(stock.lower())
    else:
        parts.append(job.options.paper.value)
    return "-".join(parts) + ".pdf"


def print_document(
    store: Store,
    meeting: Meeting | None,
    document: Document,
    options: PrintOptions,
    *,
    output: Path,
    replace: bool = False,
    progress: Progress | None = None,
) -> PrintResult:
    """Gather, render and write one document. `output` is a .pdf file, or a folder (made if need be) to put
    it in under its usual name. A file already there is kept and the new one numbered (-2, -3...) unless
    `replace`."""
    job = gather(store, meeting, document, options)
    pdf = render(job, progress)
    path = output if output.suffix.lower() == ".pdf" and not output.is_dir() else output / file_name(job)
    try:
        path = pdf.save(path, replace=replace)
    except OSError as exc:
        raise TablesessionError(f"{path}: cannot write the PDF ({exc.strerror or exc})") from None
    return PrintResult(document, path, pdf.pages, len(pdf.data), pdf.warnings)
