"""Where prints and exports go: one private folder per group and date, shared by the app and the command line,
and no file is ever replaced without being asked."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from app.cli.main import main
from app.tui.app import create_app
from app.tui.widgets.export_panel import ExportPanel
from app.tui.widgets.print_panel import PrintPanel
from sessions.models import Group
from sessions.store import Store
from sessions.timekeeping import FakeClock

DATE = "2026-11-24"


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home whose Documents folder does not exist yet."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "home" / "Documents"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def printed(capsys: pytest.CaptureFixture[str]) -> Path:
    out = capsys.readouterr().out.strip()
    assert out.startswith("wrote ")
    return Path(out.removeprefix("wrote ").split(": ")[0])


def second_group(print_store: Store, tmp_path: Path) -> Path:
    """Another group meeting on the same day."""
    other = tmp_path / "riverside.sqlite3"
    print_store.db.backup(other)
    with Store.opened(other) as store:
        store.save_group(Group(name="Riverside Job Club"))
    return other


def test_each_group_prints_into_its_own_private_folder_and_nothing_is_replaced(
    print_store: Store, clock: FakeClock, tmp_path: Path, documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = second_group(print_store, tmp_path)
    assert main(["--db", str(print_store.path), "print", "door"], clock=clock) == 0
    ours = printed(capsys)
    assert main(["--db", str(other), "print", "door"], clock=clock) == 0
    theirs = printed(capsys)
    assert ours == documents / "tablesession" / "example-networking-group" / DATE / f"{DATE}-door-letter.pdf"
    assert theirs == documents / "tablesession" / "riverside-job-club" / DATE / f"{DATE}-door-letter.pdf"
    first = ours.read_bytes()

    assert main(["--db", str(print_store.path), "print", "door"], clock=clock) == 0
    again = printed(capsys)
    assert again == ours.with_name(f"{DATE}-door-letter-2.pdf")
    assert ours.read_bytes() == first

    if os.name == "posix":
        for pdf in (ours, theirs, again):
            assert mode(pdf) == 0o600
        for folder in (documents, documents / "tablesession", ours.parent.parent, ours.parent):
            assert mode(folder) == 0o700


def test_an_explicit_file_is_replaced_only_with_force(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "door.pdf"
    target.parent.mkdir()
    target.write_bytes(b"the facilitator's own file")
    assert main(["--db", str(print_store.path), "print", "door", "-o", str(target)], clock=clock) == 0
    assert printed(capsys) == tmp_path / "out" / "door-2.pdf"
    assert target.read_bytes() == b"the facilitator's own file"
    assert main(["--db", str(print_store.path), "print", "door", "-o", str(target), "--force"], clock=clock) == 0
    assert printed(capsys) == target
    assert target.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in target.parent.iterdir()) == ["door-2.pdf", "door.pdf"]
    if os.name == "posix":
        assert mode(target) == 0o600
    assert main(["--db", str(print_store.path), "print", "door", "--force"], clock=clock) == 2
    assert "--force replaces the file named with -o" in capsys.readouterr().err


def test_cli_exports_go_where_cli_prints_go(
    print_store: Store, clock: FakeClock, documents: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(print_store.path), "print", "tents"], clock=clock) == 0
    folder = printed(capsys).parent
    assert folder == documents / "tablesession" / "example-networking-group" / DATE
    assert main(["--db", str(print_store.path), "export", "vcard"], clock=clock) == 0
    out = capsys.readouterr().out
    written = [p for p in folder.iterdir() if p.suffix == ".vcf"]
    assert len(written) == 1
    assert str(folder) in out
    if os.name == "posix":
        assert mode(written[0]) == 0o600


async def test_the_app_prints_and_exports_where_the_command_line_does(
    print_store: Store, clock: FakeClock, documents: Path
) -> None:
    from app.cli.paths import default_output_folder  # the one place both compute it from

    meeting = print_store.meetings.resolve(None, clock.today())
    expected = documents / "tablesession" / "example-networking-group" / DATE
    assert default_output_folder(print_store, meeting) == expected
    async with create_app(print_store, clock).run_test(size=(120, 36)) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        panel = pilot.app.screen.query_one(PrintPanel)
        assert panel.target_dir == expected
        assert str(expected) in str(panel.query_one("#print-log", Static).render())
        export_path = Path(pilot.app.screen.query_one(ExportPanel).query_one("#export-path", Input).value)
        assert export_path.parent == expected
