"""What every command needs: the database path, the clock, and how to print."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from sessions.models import Group, Meeting
from sessions.store import Store
from sessions.timekeeping import Clock, SystemClock

from .paths import default_group_db


@dataclass
class CliContext:
    db_path: Path | None = None  # from --db; None means the default group database
    clock: Clock = field(default_factory=SystemClock)
    out: TextIO = field(default_factory=lambda: sys.stdout)
    err: TextIO = field(default_factory=lambda: sys.stderr)
    _store: Store | None = None

    @property
    def group_db(self) -> Path:
        return self.db_path or default_group_db()

    def store(self, *, readonly: bool = False) -> Store:
        """The group's store, opened once per command (created with a default group on first use)."""
        if self._store is None:
            self._store = open_group_store(self.group_db, readonly=readonly)
            self.warn_permissions(self._store)
        return self._store

    def meeting(self, reference: str | None) -> Meeting:
        """The meeting a command works on. A copy of the database is kept before its first change."""
        store = self.store()
        meeting = store.meetings.resolve(reference, self.clock.today())
        if meeting.id is not None:
            store.backups.ensure_for_meeting(meeting.id)
        return meeting

    def warn_permissions(self, store: Store) -> None:
        """Say which files had been readable by other users (opening made them private)."""
        for notice in store.db.permission_notices:
            self.warn(notice)

    def print(self, *lines: str) -> None:
        for line in lines:
            print(line, file=self.out)

    def print_json(self, data: Any) -> None:
        json.dump(data, self.out, ensure_ascii=False, indent=2, default=str)
        self.out.write("\n")

    def warn(self, message: str) -> None:
        print(f"tablesession: {one_line(message)}", file=self.err)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def one_line(message: str) -> str:
    """Show control characters typed or imported by the user as escapes, so a message stays on one line."""
    return "".join(
        char if char.isprintable() or char == " " else char.encode("unicode_escape").decode("ascii") for char in message
    )


def open_group_store(path: Path, *, readonly: bool = False) -> Store:
    store = Store.open(path, readonly=readonly)
    # A file that cannot be written opens read-only: reading commands work, and it is not ours to name.
    if not store.db.readonly and not store.has_group():
        store.save_group(Group(name="My networking group"))
    return store
