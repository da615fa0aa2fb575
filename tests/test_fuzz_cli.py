"""Property tests: whatever is typed on the command line, the answer is a result or one clear line."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.cli.main import main
from app.tui.app import TableSessionApp
from sessions.timekeeping import FakeClock

FUZZ_CASES = 200

words = st.sampled_from(
    [
        "members", "meeting", "new", "list", "show", "group", "backup", "restore", "bench", "demo", "--json",
        "--meeting", "--date", "--title", "--turn", "--min", "--max", "--name", "--region", "--list", "--no-open",
        "--version", "--help", "-h", "1", "0", "-3", "2026-11-24", "2026-02-30", "5:00", "5:xx", "", " ", "US",
        "é", "--", "--db",
    ]
)  # fmt: skip
junk = st.text(alphabet=st.characters(codec="utf-8", exclude_characters="\x00"), max_size=12)
argv = st.lists(st.one_of(words, junk), max_size=7)


@pytest.fixture(autouse=True)
def no_terminal_ui(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(TableSessionApp, "run", lambda self, *a, **k: None)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@settings(max_examples=FUZZ_CASES, suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(arguments=argv)
def test_random_command_lines_never_raise(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    if "bench" in arguments:
        return  # benchmarks are slow by design; their arguments are covered by the CLI tests
    with tempfile.TemporaryDirectory() as folder:
        status = main([*arguments, "--db", str(Path(folder) / "g.sqlite3")], clock=FakeClock())
    captured = capsys.readouterr()
    assert status in (0, 2), (arguments, status, captured.err)
    assert "Traceback" not in captured.err
    if status == 2:
        lines = captured.err.strip().splitlines()
        assert len(lines) == 1, (arguments, captured.err)
        assert lines[0].startswith("tablesession: error: ")
