"""Smoke test of the installed command in a real terminal: demo, check-in, clock, quit, restart, resume."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tmux_terminal import Terminal, installed_command, require_tmux

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def environment(tmp_path: Path) -> dict[str, str]:
    require_tmux()
    return {"XDG_DATA_HOME": str(tmp_path / "data"), "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}


@pytest.fixture
def terminals() -> Iterator[list[Terminal]]:
    opened: list[Terminal] = []
    yield opened
    for terminal in opened:
        terminal.close()


def test_the_installed_command_runs_a_meeting_and_resumes_after_a_restart(
    tmp_path: Path, environment: dict[str, str], terminals: list[Terminal]
) -> None:
    command = installed_command(Path(sys.executable))
    db = tmp_path / "demo.sqlite3"

    first = Terminal([*command, "demo", "--db", str(db)], env=environment)
    terminals.append(first)
    first.wait_for("Dallas Career Connections (demo)")
    first.press("F3")
    first.wait_for("0 checked in / 42 registered")
    first.type("Wen Abb")
    first.wait_for("Wen Abbott")
    first.press("Enter")
    first.wait_for("1 checked in / 42 registered")
    first.press("F5")
    first.wait_for("Speaker 1 of")
    first.press("Space")
    first.wait_for("SPEAKING")
    first.press("C-q")
    first.wait_for("[exited 0]")

    result = subprocess.run(
        [*command, "attendance", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
        env={**environment, "PATH": "/usr/bin:/bin"},
    )
    assert json.loads(result.stdout)["counts"]["checked_in"] == 1

    # Restart on the same file (not 'demo', which would reset it): the clock carries on.
    second = Terminal([*command, "--db", str(db)], env=environment)
    terminals.append(second)
    second.wait_for("Dallas Career Connections (demo)")
    second.press("F5")
    second.wait_for("SPEAKING")
    second.press("F3")
    second.wait_for("1 checked in / 42 registered")
    second.press("C-q")
    second.wait_for("[exited 0]")


def test_killing_the_app_mid_turn_loses_no_check_in_and_the_clock_resumes(
    tmp_path: Path, environment: dict[str, str], terminals: list[Terminal]
) -> None:
    command = installed_command(Path(sys.executable))
    db = tmp_path / "demo.sqlite3"
    subprocess.run([*command, "demo", "--no-open", "--db", str(db)], check=True, capture_output=True, env=environment)
    first = Terminal([*command, "--db", str(db)], env=environment)
    terminals.append(first)
    first.wait_for("Dallas Career Connections (demo)")
    first.press("F3")
    for typed, full_name in (("Wen Abb", "Wen Abbott"), ("Olga Dub", "Olga Dubois"), ("Sven Di", "Sven Diaz")):
        first.type(typed)
        first.wait_for(full_name)  # the result row, not just the letters typed into the search box
        first.press("Enter")
        first.wait_for(f"{full_name} checked in")
        first.press("Escape")  # clear the search for the next person
    first.wait_for("3 checked in / 42 registered")
    first.press("F5")
    first.wait_for("Speaker 1 of")
    first.press("Space")
    first.wait_for("SPEAKING")
    first.kill_program()

    second = Terminal([*command, "--db", str(db)], env=environment)  # no stale lock refuses it
    terminals.append(second)
    second.wait_for("Dallas Career Connections (demo)")
    second.press("F5")
    second.wait_for("SPEAKING")
    second.press("F3")
    second.wait_for("3 checked in / 42 registered")
    second.press("C-q")
    second.wait_for("[exited 0]")
