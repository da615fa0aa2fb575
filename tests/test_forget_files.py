"""`forget` leaves nothing of the person in any file tablesession manages: the group's file, its log, its backups."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.forget import forget_member
from sessions.models import Member
from sessions.store import Store, list_backups
from sessions.store.backups import backup_folder
from sessions.timekeeping import FakeClock
from tests.schema_versions import database_at

EMAIL = "Zephyrine.Quill@Example.com"
FIRST, LAST = "Zephyrine", "Quillfeather"
TRACES = [EMAIL.encode(), EMAIL.casefold().encode(), FIRST.encode(), LAST.encode()]


def traces_in(path: Path) -> list[str]:
    data = path.read_bytes()
    return [trace.decode() for trace in TRACES if trace in data]


def every_file(db: Path) -> list[Path]:
    """The group's file, its journal files and everything in its backup folder."""
    files = [p for p in db.parent.iterdir() if p.name.startswith(db.name) and p.is_file()]
    return files + [p for p in backup_folder(db).iterdir() if p.is_file()]


def names(path: Path) -> list[str]:
    with Store.opened(path, readonly=True) as store:
        return [m.full_name for m in store.members.all()]


def test_forget_erases_them_from_the_file_its_log_and_every_backup(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "group.sqlite3"
    assert main(["meeting", "new", "--db", str(db)], clock=clock) == 0
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept", email="ana.kept@example.com"))
        person = store.members.add(Member(first_name=FIRST, last_name=LAST, email=EMAIL, phone="+12145550199"))
        assert person.id is not None
        # Each edit rewrites the row, leaving the old version in the file's free space.
        for n in range(5):
            person = store.members.update(person.model_copy(update={"headline": f"Looking for role {n}" * (n + 1)}))
        store.attendance.register(1, person.id, source="test")
    for _ in range(2):
        assert main(["backup", "--db", str(db)], clock=clock) == 0
    folder = backup_folder(db)
    # A copy in an older format, as an upgrade would have left it, and half a copy from a killed backup.
    older = folder / "group.before-schema-2.20261101-120000-000000.sqlite3"
    connection = database_at(older, 1)
    connection.execute(
        "INSERT INTO members (first_name, last_name, email, email_key, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, '2026-11-01', '2026-11-01')",
        (FIRST, LAST, EMAIL, EMAIL.casefold()),
    )
    connection.commit()
    connection.close()
    killed = folder / f".group.manual.20261124-183000-000000.sqlite3.{2**22 + 7}.part"
    killed.write_bytes(db.read_bytes())
    copies = [b.path for b in list_backups(db)]
    assert len(copies) == 3
    assert all(traces_in(copy) for copy in copies)
    capsys.readouterr()

    assert main(["forget", EMAIL.upper(), "--yes", "--db", str(db)], clock=clock) == 0
    leftovers = {path.name: traces_in(path) for path in every_file(db)}
    assert {name: found for name, found in leftovers.items() if found} == {}
    out = capsys.readouterr()
    assert f"rewrote 2 backup copies without them in {folder}" in out.out
    assert f"deleted the backup copy {older.name}: it is in an older format" in out.out
    assert out.err == ""
    assert not older.exists()
    assert not killed.exists()
    assert names(db) == ["Ana Kept"]
    for copy in (c for c in copies if c != older):  # the rewritten copies still hold everyone else
        assert names(copy) == ["Ana Kept"]


def test_forget_says_when_another_reader_keeps_the_log(
    store: Store, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sessions.forget.CHECKPOINT_WAIT_MS", 0)
    person = store.members.add(Member(first_name=FIRST, last_name=LAST, email=EMAIL))
    reader = Store.open(db_path, readonly=True)
    try:
        reader.db.execute("BEGIN")
        reader.db.scalar("SELECT count(*) FROM members")  # holds a snapshot of the log open
        summary = forget_member(store, person.id or 0)
    finally:
        reader.close()
    assert not summary.journal_cleared
    assert "write-ahead log" in json.dumps(summary.warnings())
