"""Importing a registration export: read, map, plan every row, then apply the plan in one transaction.

Planning touches nothing, so a dry run reports exactly what a real import would do.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from sessions.models import Meeting, Member, describe_validation_error
from sessions.store import DatabaseError, Store

from .addresses import SharedAddresses, settle_address
from .candidates import Candidate, RowNote, RowReader, Skip, Withdrawal
from .errors import ImportFileError
from .fields import ImportField as F
from .formats import FORMAT_SPECS, Identity, SourceFormat, detect_format
from .mapping import ColumnMapping, Override, build_mapping
from .matching import Match, MatchedBy, MemberIndex, NameClash
from .reading import SourceTable
from .summary import ImportSummary
from .updating import new_member, refreshed
from .vcard_reading import read_source
from .withdrawals import PlannedWithdrawal, apply_withdrawals, plan_withdrawals


@dataclass
class PreparedFile:
    """A file read and mapped, ready to plan (the TUI shows `mapping.describe()` for confirmation)."""

    table: SourceTable
    source: SourceFormat
    detected: bool
    mapping: ColumnMapping


def prepare(path: Path, source: SourceFormat | None = None, overrides: Iterable[Override] = ()) -> PreparedFile:
    table = read_source(path)
    detected = source is None
    if source is not None:
        chosen = source
    elif table.declared is not None:
        chosen = SourceFormat(table.declared)
    else:
        chosen = detect_format(table.headers)
    mapping = build_mapping(table.name, table.headers, chosen, overrides)
    return PreparedFile(table=table, source=chosen, detected=detected, mapping=mapping)


@dataclass
class PlannedMember:
    key: int  # the member's id, or a negative stand-in for someone this import adds
    row: int
    member: Member
    is_new: bool
    changed: list[str] = field(default_factory=list)
    arrived: bool = False


@dataclass
class ImportPlan:
    prepared: PreparedFile
    summary: ImportSummary
    entries: list[PlannedMember]
    registers: bool
    withdrawals: list[PlannedWithdrawal] = field(default_factory=list)  # registrations to take back


def plan_import(
    store: Store, prepared: PreparedFile, *, meeting: Meeting | None, check_in: bool = False, dry_run: bool = False
) -> ImportPlan:
    """Work out what importing `prepared` would do to `store`, changing nothing."""
    table, mapping = prepared.table, prepared.mapping
    spec = FORMAT_SPECS[prepared.source]
    registers = spec.registers and meeting is not None
    summary = ImportSummary(
        file_name=table.name,
        source_title=spec.title + (" (detected)" if prepared.detected else ""),
        encoding=table.encoding,
        rows=len(table.rows),
        mapping=mapping.describe(),
        meeting_label=meeting.label if registers and meeting else None,
        dry_run=dry_run,
        unit=table.unit,
    )
    summary.warnings.extend(RowNote(None, "", note) for note in table.notes)
    summary.warnings.extend(RowNote(p.row, "", p.message, p.column) for p in table.problems)
    if not table.rows:
        summary.warnings.append(RowNote(None, "", "no rows below the column titles; nothing to import"))
    if not spec.registers:
        summary.warnings.append(
            RowNote(None, "", f"a {spec.title} is not a registration list: members are updated, nobody is registered")
        )
    elif meeting is None:
        summary.warnings.append(
            RowNote(
                None, "", "there is no meeting yet, so nobody is registered (tablesession meeting new, then import)"
            )
        )
    reader = RowReader(table=table, mapping=mapping, region=store.group.default_region)
    summary.warnings.extend(reader.file_notes)

    identity = spec.identity
    index = MemberIndex.of(store.members.all(), identity.key if identity else None)
    entries: dict[int, PlannedMember] = {}
    rows_planned: dict[int, int] = {}  # member key -> the row that planned them
    withdrawn: list[Withdrawal] = []
    next_new = -1
    outcomes = [(row, *reader.read(row)) for row in table.rows]
    shared = SharedAddresses.of(_people(outcome for _, outcome, _ in outcomes))
    email_column = mapping.header_of(F.EMAIL)
    for row, outcome, notes in outcomes:
        summary.warnings.extend(notes)
        if isinstance(outcome, Withdrawal) and registers:
            withdrawn.append(outcome)  # decided once every row is planned: a later row may register them again
            continue
        if isinstance(outcome, Skip):
            summary.skipped.append(outcome.note)
            continue
        found = index.find(outcome, shared=outcome.email in shared)
        if isinstance(found, NameClash):
            # Guessing would attach the row to the wrong person, and adding would make one more look-alike.
            ids = ", ".join(str(key) if key > 0 else f"the member from row {entries[key].row}" for key in found.keys)
            message = f"the name fits {len(found.keys)} members ({ids}) and nothing tells them apart; not imported"
            summary.skipped.append(RowNote(row.number, outcome.full_name, message))
            continue
        if isinstance(found, Match) and found.key in entries and _another_person(entries[found.key], outcome, identity):
            found = None  # one name, two people by the export's own ids (two Meetup users)
        target = found.key if isinstance(found, Match) else None
        moved = settle_address(outcome, target, index, shared, rows_planned)
        if moved:
            summary.warnings.append(RowNote(row.number, outcome.full_name, moved, email_column))
        try:
            if isinstance(found, Match) and found.key in entries:
                _fold_duplicate(entries[found.key], outcome, found, index, summary, identity=identity)
                continue
            if isinstance(found, Match):
                entry = _update(found, outcome, index, summary)
            else:
                entry = PlannedMember(key=next_new, row=row.number, member=new_member(outcome), is_new=True)
                next_new -= 1
                summary.added.append(RowNote(row.number, outcome.full_name, "new member"))
        except ValidationError as exc:
            summary.skipped.append(RowNote(row.number, outcome.full_name, describe_validation_error(exc)))
            continue
        entry.arrived = outcome.arrived
        entries[entry.key] = entry
        rows_planned[entry.key] = entry.row
        index.put(entry.key, entry.member)
    planned = list(entries.values())
    if registers:
        summary.registered = len(planned)
        summary.checked_in = sum(1 for e in planned if check_in or e.arrived)
    withdrawals: list[PlannedWithdrawal] = []
    if meeting is not None and meeting.id is not None:
        withdrawals = plan_withdrawals(
            store,
            meeting.id,
            source=prepared.source.value,
            withdrawals=withdrawn,
            registered_by_file=entries.keys(),
            index=index,
            summary=summary,
        )
    else:
        summary.skipped.extend(withdrawal.note for withdrawal in withdrawn)
    # Withdrawals are decided last; the report still reads in the file's row order.
    summary.skipped.sort(key=_row_order)
    summary.warnings.sort(key=_row_order)
    return ImportPlan(prepared=prepared, summary=summary, entries=planned, registers=registers, withdrawals=withdrawals)


def _row_order(note: RowNote) -> int:
    return -1 if note.row is None else note.row  # notes about the whole file first


def _update(found: Match, candidate: Candidate, index: MemberIndex, summary: ImportSummary) -> PlannedMember:
    member, changed, problems = refreshed(index.get(found.key), candidate)
    for problem in problems:
        summary.warnings.append(RowNote(candidate.row, candidate.full_name, problem))
    entry = PlannedMember(key=found.key, row=candidate.row, member=member, is_new=False, changed=changed)
    how = f"matched by {found.matched_by.value}"
    if changed:
        summary.updated.append(RowNote(candidate.row, member.full_name, f"{how}; changed {', '.join(changed)}"))
    else:
        summary.unchanged.append(RowNote(candidate.row, member.full_name, how))
    return entry


def _people(outcomes: Iterable[Candidate | Skip]) -> Iterator[Candidate]:
    for outcome in outcomes:
        if isinstance(outcome, Candidate):
            yield outcome
        elif isinstance(outcome, Withdrawal):
            yield outcome.candidate


def _other_ticket(entry: PlannedMember, candidate: Candidate, identity: Identity | None) -> bool:
    """Whether the row has an attendee id of its own, unlike the one of the row it repeats."""
    if identity is None or not candidate.attendee_id:
        return False
    planned = entry.member.extra.get(identity.key)
    return planned is not None and planned != candidate.attendee_id


def _another_person(entry: PlannedMember, candidate: Candidate, identity: Identity | None) -> bool:
    return identity is not None and identity.person and _other_ticket(entry, candidate, identity)


def _fold_duplicate(
    entry: PlannedMember,
    candidate: Candidate,
    found: Match,
    index: MemberIndex,
    summary: ImportSummary,
    *,
    identity: Identity | None,
) -> None:
    """A second row for someone already planned: merge what it adds, report it under the row's own name."""
    other_ticket = _other_ticket(entry, candidate, identity)
    if other_ticket and identity is not None:
        candidate.extra.pop(identity.key, None)  # the member keeps the first ticket's id, to be found by it again
    member, changed, _problems = refreshed(entry.member, candidate)
    entry.member = member
    entry.changed = sorted({*entry.changed, *changed})
    entry.arrived = entry.arrived or candidate.arrived
    index.put(entry.key, member)
    added = f"; took {', '.join(changed)} from it" if changed else ""
    if other_ticket:
        # The buyer's details on every ticket of the order: the other tickets' holders are unknown until they come.
        same = "name and email" if found.matched_by is MatchedBy.EMAIL else "name"
        message = (
            f"another ticket in the same {same} as row {entry.row}; registered once: "
            f"check in whoever comes with it as a walk-in{added}"
        )
    else:
        message = f"duplicate of row {entry.row} (same {found.matched_by.value}){added}"
    summary.skipped.append(RowNote(candidate.row, candidate.full_name, message))


def apply_plan(store: Store, plan: ImportPlan, *, meeting: Meeting | None, now: dt.datetime, check_in: bool) -> None:
    """Write the plan in one transaction: an error anywhere leaves the database as it was."""
    source = plan.prepared.source.value
    try:
        with store.transaction():
            for entry in plan.entries:
                if entry.is_new:
                    saved = store.members.add(entry.member)
                elif entry.changed:
                    saved = store.members.update(entry.member)
                else:
                    saved = entry.member
                member_id = saved.id
                if not plan.registers or meeting is None or meeting.id is None or member_id is None:
                    continue
                store.attendance.register(meeting.id, member_id, source=source, at=now)
                if check_in or entry.arrived:
                    store.attendance.check_in(meeting.id, member_id, now)
            if plan.withdrawals and meeting is not None and meeting.id is not None:
                apply_withdrawals(store, meeting.id, plan.withdrawals, plan.summary)
    except (sqlite3.Error, DatabaseError) as exc:  # the store names a busy, full or read-only file
        raise ImportFileError(
            f"{plan.prepared.table.name}: the database refused the import ({exc}); nothing was imported"
        ) from None


def import_roster(
    store: Store,
    path: Path,
    *,
    meeting: Meeting | None,
    now: dt.datetime,
    source: SourceFormat | None = None,
    overrides: Iterable[Override] = (),
    check_in: bool = False,
    dry_run: bool = False,
    prepared: PreparedFile | None = None,
) -> ImportSummary:
    """Import `path` into the group (and `meeting`'s registrations); return what was done.

    `prepared` is the file already read and mapped (a caller that reads it before anything else is written).
    """
    if prepared is None:
        prepared = prepare(path, source, overrides)
    plan = plan_import(store, prepared, meeting=meeting, check_in=check_in, dry_run=dry_run)
    if check_in and not plan.registers:
        raise ImportFileError(f"{path.name}: --check-in needs a meeting to check people in to, and a registration list")
    if not dry_run:
        apply_plan(store, plan, meeting=meeting, now=now, check_in=check_in)
    return plan.summary
