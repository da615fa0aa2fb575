"""Forgetting a member: their card, registrations and seating rules go; their seats in past rounds stay, empty.

Seats keep their place with no member (the schema sets member_id to NULL), so everyone else's
pair history is untouched while nothing about the forgotten person remains: not in the file's free
pages (secure_delete, then VACUUM), not in its write-ahead log (checkpointed and truncated), and not
in the backup copies beside it (each rewritten without them, or deleted when that cannot be done).
"""

from __future__ import annotations

import sqlite3
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sessions.errors import NotFoundError, TablesessionError
from sessions.models import Member
from sessions.store import CURRENT_VERSION, Database, Store
from sessions.store.backups import backup_folder, stale_temporaries
from sessions.store.faults import busy_timeout

MAX_LISTED = 10
CHECKPOINT_WAIT_MS = 3000


class AmbiguousMemberError(TablesessionError):
    """Several members answer to the name given; the message lists them so the user can pick by id."""

    def __init__(self, reference: str, candidates: list[Member]) -> None:
        listed = "; ".join(_describe(m) for m in candidates[:MAX_LISTED])
        more = f"; and {len(candidates) - MAX_LISTED} more" if len(candidates) > MAX_LISTED else ""
        super().__init__(
            f"{len(candidates)} members are called {reference!r}: {listed}{more}. Say which one by id or email"
        )
        self.candidates = candidates


def _describe(member: Member) -> str:
    details = [d for d in (member.email, member.current_employer) if d]
    return f"id {member.id} {member.full_name}" + (f" ({', '.join(details)})" if details else "")


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def find_member(store: Store, reference: str) -> Member:
    """The member meant by an id, an email (any case), or an exact full name (any case, any spacing)."""
    text = reference.strip()
    if not text:
        raise TablesessionError("say which member: an id, an email or their full name")
    if text.isdigit():
        return store.members.get(int(text))
    if "@" in text:
        member = store.members.find_by_email(text)
        if member is None:
            raise NotFoundError(f"no member with email {text}")
        return member
    wanted = _name_key(text)
    found = [m for m in store.members.all() if _name_key(m.full_name) == wanted]
    if not found:
        raise NotFoundError(f"no member called {text!r} (names must match in full; 'tablesession members' lists them)")
    if len(found) > 1:
        raise AmbiguousMemberError(text, found)
    return found[0]


@dataclass(frozen=True)
class RemovedCopy:
    path: Path
    why: str  # "an older format", "could not be read", ...


@dataclass(frozen=True)
class ForgetSummary:
    member_id: int
    name: str
    registrations: int
    seats: int
    rules: int = 0  # seating rules that named them
    copies_rewritten: tuple[Path, ...] = ()  # backup copies now without them
    copies_removed: tuple[RemovedCopy, ...] = ()  # backup copies deleted instead
    journal_cleared: bool = True  # False: another program kept the write-ahead log from being emptied
    folder: Path | None = None  # where the copies are

    def lines(self) -> list[str]:
        rules = f", taken out of {self.rules} seating rules" if self.rules else ""
        lines = [
            f"forgot {self.name} (id {self.member_id}): card and {self.registrations} registrations deleted{rules}, "
            f"{self.seats} seats in past rounds left empty (other people's pair history is kept)"
        ]
        if self.copies_rewritten:
            count = len(self.copies_rewritten)
            lines.append(f"rewrote {count} backup cop{'y' if count == 1 else 'ies'} without them in {self.folder}")
        lines += [f"deleted the backup copy {copy.path.name}: {copy.why}" for copy in self.copies_removed]
        return lines

    def warnings(self) -> list[str]:
        if self.journal_cleared:
            return []
        return [
            "another program has the database open, so its write-ahead log (-wal file) could not be emptied and may "
            "still hold their details; close it and run the same forget again"
        ]


def _delete_member(store: Store, member_id: int) -> tuple[int, int, int]:
    """Delete the member, their registrations and seating rules, and empty their seats, in one transaction.
    Returns (registrations, seats, rules)."""
    db = store.db
    # Deleted rows are overwritten with zeros rather than left in the file's free space.
    db.execute("PRAGMA secure_delete = ON")
    with store.transaction():
        registrations = int(db.scalar("SELECT count(*) FROM attendance WHERE member_id = ?", (member_id,)))
        seats = int(db.scalar("SELECT count(*) FROM seats WHERE member_id = ?", (member_id,)))
        rules = store.seating_rules.drop_member(member_id)
        # attendance rows cascade; seats are set to NULL by the schema's foreign keys.
        store.members.delete(member_id)
        left = db.scalar(
            "SELECT (SELECT count(*) FROM attendance WHERE member_id = ?) + "
            "(SELECT count(*) FROM seats WHERE member_id = ?) + "
            "(SELECT count(*) FROM seating_rule_members WHERE member_id = ?)",
            (member_id, member_id, member_id),
        )
        if left:
            raise TablesessionError(f"could not forget member {member_id}: {left} records still point at them")
    return registrations, seats, rules


def _erase_leftovers(db: Database) -> bool:
    """Rewrite the file without free pages and empty its write-ahead log. False when the log could not be
    emptied because another connection is reading it.

    VACUUM is needed besides secure_delete: an earlier edit of the card (made without secure_delete)
    left the old version of the row in free space, and the log keeps every page ever written to it."""
    db.execute("VACUUM")
    # A reader (a projector's clock) holding the log is waited for a little; then the user is told.
    db.execute(f"PRAGMA busy_timeout = {CHECKPOINT_WAIT_MS}")
    try:
        busy = db.query("PRAGMA wal_checkpoint(TRUNCATE)")[0][0]
    finally:
        db.execute(f"PRAGMA busy_timeout = {int(busy_timeout() * 1000)}")
    return not busy


def _copy_holds(path: Path, needles: list[bytes]) -> bool:
    data = path.read_bytes()
    return any(needle in data for needle in needles)


def _ids_in_copy(copy: Store, member: Member) -> list[int]:
    """The member's rows in a copy: the same id with the same email or name (ids can be reused after a
    merge), or anyone with their email."""
    rows = copy.db.query(
        "SELECT id FROM members WHERE (id = ? AND (email_key IS ? OR (first_name = ? AND last_name = ?))) "
        "OR (email_key IS NOT NULL AND email_key = ?)",
        (member.id, _email_key(member), member.first_name, member.last_name, _email_key(member)),
    )
    return [int(row[0]) for row in rows]


def _email_key(member: Member) -> str | None:
    return member.email.casefold() if member.email else None


def _forget_in_copy(path: Path, member: Member, needles: list[bytes]) -> RemovedCopy | None:
    """Rewrite one backup copy without the member; delete it when that cannot be done. None: rewritten."""
    why = ""
    try:
        version = Database.check_file(path)
    except TablesessionError:
        why = "it could not be read as a tablesession database"
    else:
        if version != CURRENT_VERSION:
            why = "it is in an older format, which is not rewritten"
    if not why:
        try:
            with Store.opened(path) as copy:
                for member_id in _ids_in_copy(copy, member):
                    _delete_member(copy, member_id)
                _erase_leftovers(copy.db)
        except (TablesessionError, sqlite3.Error, OSError) as exc:
            why = f"it could not be rewritten ({exc})"
        else:
            if _copy_holds(path, needles):
                why = "their email was still found in it after rewriting"
    if not why:
        return None
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    return RemovedCopy(path, why)


def _forget_in_copies(database_path: Path, member: Member) -> tuple[list[Path], list[RemovedCopy]]:
    folder = backup_folder(database_path)
    if not folder.is_dir():
        return [], []
    for stale in stale_temporaries(database_path):
        stale.unlink(missing_ok=True)  # half a copy from a killed backup: it may hold them too
    needles = [value.encode() for value in {member.email or "", _email_key(member) or ""} if value]
    rewritten: list[Path] = []
    removed: list[RemovedCopy] = []
    for path in sorted(folder.glob("*.sqlite3")):
        if not path.is_file():
            continue
        outcome = _forget_in_copy(path, member, needles)
        if outcome is None:
            rewritten.append(path)
        else:
            removed.append(outcome)
    return rewritten, removed


def forget_member(store: Store, member_id: int) -> ForgetSummary:
    """Delete the member, their card, registrations and seating rules, and empty their seats, in one
    transaction (a rule left with fewer than two members is deleted with them); then erase what the file,
    its log and its backup copies still held of them."""
    member = store.members.get(member_id)
    registrations, seats, rules = _delete_member(store, member_id)
    journal_cleared = _erase_leftovers(store.db)
    rewritten, removed = _forget_in_copies(store.path, member)
    return ForgetSummary(
        member_id=member_id,
        name=member.full_name,
        registrations=registrations,
        seats=seats,
        rules=rules,
        copies_rewritten=tuple(rewritten),
        copies_removed=tuple(removed),
        journal_cleared=journal_cleared,
        folder=backup_folder(store.path),
    )
