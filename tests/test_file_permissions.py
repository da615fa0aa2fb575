"""Files holding contact details are owner-only, and a killed backup never passes for a copy."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Member
from sessions.store import Store, list_backups
from sessions.store.backups import backup_folder
from sessions.timekeeping import FakeClock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="owner-only modes are POSIX permissions")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_made_for_db_are_private_at_every_level(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "new" / "nested" / "group.sqlite3"
    assert main(["meeting", "new", "--db", str(db)], clock=clock) == 0
    assert mode(tmp_path / "new") == 0o700
    assert mode(tmp_path / "new" / "nested") == 0o700
    assert mode(db) == 0o600


def test_restore_creates_a_private_database(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "g.sqlite3"
    with Store.opened(source) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept", email="ana.kept@example.com"))
        copy = store.backups.take("manual")
    target = tmp_path / "elsewhere" / "restored.sqlite3"
    assert main(["restore", str(copy), "--db", str(target)], clock=clock) == 0
    assert mode(target) == 0o600
    assert mode(target.parent) == 0o700
    with Store.opened(target, readonly=True) as restored:
        assert [m.full_name for m in restored.members.all()] == ["Ana Kept"]


def test_a_group_file_others_can_read_is_made_private_with_one_notice(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    assert main(["meeting", "new", "--db", str(db)], clock=clock) == 0
    capsys.readouterr()
    os.chmod(db, 0o644)
    assert main(["members", "--db", str(db)], clock=clock) == 0
    err = capsys.readouterr().err
    assert mode(db) == 0o600
    assert err.count("\n") == 1
    assert f"{db} was readable by other users" in err
    assert "(mode 0644); made it private to you (0600)" in err
    assert main(["members", "--db", str(db)], clock=clock) == 0
    assert capsys.readouterr().err == ""  # told once; nothing to say when already private


def test_a_shared_journal_file_is_made_private_too(tmp_path: Path) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept"))
        wal = db.with_name(db.name + "-wal")
        os.chmod(wal, 0o664)
        with Store.opened(db) as second:
            assert mode(wal) == 0o600
            assert len(second.db.permission_notices) == 1


DIES_WHILE_COPYING = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from sessions.store import Store
    from sessions.store.database import Database

    def dies_halfway(self, destination):
        destination.write_bytes(self.path.read_bytes()[:4096])
        os._exit(9)  # as if killed: no cleanup runs

    Database.backup = dies_halfway
    Store.open(sys.argv[1]).backups.take("manual")
    """
)


def test_a_killed_backup_leaves_no_copy_and_its_remains_are_cleaned_up(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "g.sqlite3"
    with Store.opened(db) as store:
        store.members.add(Member(first_name="Ana", last_name="Kept", email="ana.kept@example.com"))
    root = Path(__file__).resolve().parent.parent
    killed = subprocess.run([sys.executable, "-c", DIES_WHILE_COPYING, str(db)], cwd=root, check=False)
    assert killed.returncode == 9
    left = list(backup_folder(db).iterdir())
    assert len(left) == 1  # the half-written copy

    assert main(["backup", "--list", "--db", str(db)], clock=clock) == 0
    listing = capsys.readouterr().out
    assert listing.strip().endswith("0 copies")
    assert left[0].name not in listing
    assert list_backups(db) == []

    for _ in range(12):
        assert main(["backup", "--db", str(db)], clock=clock) == 0
    capsys.readouterr()
    assert not left[0].exists()  # the first backup after it deleted the remains
    kept = list_backups(db)
    assert len(kept) == 12
    assert sorted(p.name for p in backup_folder(db).iterdir()) == sorted(b.path.name for b in kept)
    for backup in kept:
        assert mode(backup.path) == 0o600
        with Store.opened(backup.path, readonly=True) as copy:
            assert [m.full_name for m in copy.members.all()] == ["Ana Kept"]
