"""`--force` replaces a regular file and nothing else: never a device, a named pipe or a symbolic link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.errors import TablesessionError
from sessions.exports.files import check_writable
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import RunMeeting


def test_force_never_replaces_a_fifo_or_a_symlink(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    keep = tmp_path / "keep.txt"
    keep.write_text("keep me", encoding="utf-8")
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    link = tmp_path / "link.vcf"
    link.symlink_to(keep)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    cases = [
        ("csv", pipe, "is a named pipe"),
        ("vcard", link, "is a symbolic link"),
        ("json", dangling, "is a symbolic link"),
    ]
    for kind, target, message in cases:
        for force in ([], ["--force"]):
            code = main(["--db", str(store.path), "export", kind, "-o", str(target), *force], clock=clock)
            err = capsys.readouterr().err
            assert code == 2, (kind, force)
            assert f"{target}: {message}" in err
            assert "Traceback" not in err
    assert pipe.is_fifo()
    assert link.is_symlink()
    assert dangling.is_symlink()
    assert not (tmp_path / "nowhere.json").exists()
    assert keep.read_text(encoding="utf-8") == "keep me"


def test_force_never_replaces_a_device() -> None:
    # Only the check runs: the test must not write to a real device even where the check is missing.
    device = Path(os.devnull)
    with pytest.raises(TablesessionError, match=f"{device}: is a device"):
        check_writable(device, overwrite=True)


def test_followup_files_never_replace_a_symlink_in_their_folder(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "followups"
    assert main(["--db", str(store.path), "export", "followup", "-o", str(folder)], clock=clock) == 0
    card = next(folder.glob("*.vcf"))
    keep = tmp_path / "keep.txt"
    keep.write_text("keep me", encoding="utf-8")
    card.unlink()
    card.symlink_to(keep)
    assert main(["--db", str(store.path), "export", "followup", "-o", str(folder), "--force"], clock=clock) == 2
    assert f"{card}: is a symbolic link" in capsys.readouterr().err
    assert card.is_symlink()
    assert keep.read_text(encoding="utf-8") == "keep me"
