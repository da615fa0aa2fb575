"""Refunds and cancellations in a re-imported export: whose registration to take back, and whose to keep.

Exports are re-imported through the week, so a row that says "Refunded" may be about someone an earlier import
registered. They come off the meeting, unless they have checked in (they came anyway), another row of the same
file still registers them (a second ticket), or their registration came from elsewhere: a Meetup "No" does not
cancel an Eventbrite ticket. Nothing else about the member changes.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sessions.store import Store

from .candidates import RowNote, Withdrawal
from .matching import MemberIndex, NameClash
from .summary import ImportSummary


@dataclass(frozen=True)
class PlannedWithdrawal:
    member_id: int
    row: int
    name: str
    reason: str
    column: str | None


def plan_withdrawals(
    store: Store,
    meeting_id: int,
    *,
    source: str,
    withdrawals: list[Withdrawal],
    registered_by_file: Collection[int],
    index: MemberIndex,
    summary: ImportSummary,
) -> list[PlannedWithdrawal]:
    """Decide each withdrawal row against the stored attendance; every row ends up noted in `summary`.

    `source` is the file's format, as registrations record it. `registered_by_file` holds the keys of members the
    same file registers, and `index` knows every member the file adds or updates, so the order of rows in the file
    does not matter.
    """
    planned: dict[int, PlannedWithdrawal] = {}
    for withdrawal in withdrawals:
        row, column, reason = withdrawal.note.row, withdrawal.note.field, withdrawal.reason
        found = index.find(withdrawal.candidate)
        if found is None:
            summary.skipped.append(withdrawal.note)  # never registered: nothing to take back
            continue
        if isinstance(found, NameClash):
            message = (
                f"{reason}; the name fits {len(found.keys)} members and nothing tells them apart, "
                "so no registration was removed"
            )
            summary.skipped.append(RowNote(row, withdrawal.note.name, message, column))
            continue
        member = index.get(found.key)
        if found.key in registered_by_file:
            message = f"{reason}; another row of the file registers them, so they stay registered"
            summary.skipped.append(RowNote(row, member.full_name, message, column))
            continue
        if found.key in planned:
            message = f"{reason}; duplicate of row {planned[found.key].row}"
            summary.skipped.append(RowNote(row, member.full_name, message, column))
            continue
        attendance = store.attendance.find(meeting_id, found.key)
        if attendance is None or not attendance.registered:
            summary.skipped.append(RowNote(row, member.full_name, f"{reason}; not registered", column))
            continue
        if attendance.checked_in:
            message = f"{reason}, but already checked in (they came anyway); still registered"
            summary.warnings.append(RowNote(row, member.full_name, message, column))
            continue
        if attendance.source != source:
            origin = f"through {attendance.source}" if attendance.source else "another way"
            message = f"{reason}; registered {origin}, so still registered"
            summary.skipped.append(RowNote(row, member.full_name, message, column))
            continue
        assert row is not None  # every withdrawal comes from a row of the file
        planned[found.key] = PlannedWithdrawal(found.key, row, member.full_name, reason, column)
        summary.unregistered.append(RowNote(row, member.full_name, f"{reason}; registration removed", column))
    return list(planned.values())


def apply_withdrawals(store: Store, meeting_id: int, planned: list[PlannedWithdrawal], summary: ImportSummary) -> None:
    """Take the planned registrations back (inside the import's transaction).

    The store refuses to remove anyone who has checked in; should someone arrive between the plan and now, the
    summary is corrected to say they were kept.
    """
    for withdrawal in planned:
        if store.attendance.unregister(meeting_id, withdrawal.member_id):
            continue
        summary.unregistered = [note for note in summary.unregistered if note.row != withdrawal.row]
        message = f"{withdrawal.reason}, but checked in meanwhile (they came anyway); still registered"
        summary.warnings.append(RowNote(withdrawal.row, withdrawal.name, message, withdrawal.column))
