"""The installed command in a real terminal (tmux), pulled out from under the facilitator mid-turn.

The whole meeting in a real terminal is tests/test_terminal_meeting.py; this is the crash: the program is
SIGKILLed while the clock runs, and a restart finds every check-in and the clock where it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.tmux_terminal import Terminal, installed_command

TITLE = "Dallas Career Connections (demo)"
SEARCH_PLACEHOLDER = "Name, email or company"


def test_killing_the_app_mid_turn_loses_no_check_in_and_the_clock_resumes(
    tmp_path: Path, environment: dict[str, str], terminals: list[Terminal]
) -> None:
    command = installed_command(Path(sys.executable))
    db = tmp_path / "demo.sqlite3"
    first = Terminal([*command, "demo", "--db", str(db)], env=environment)  # 'demo' opens the app itself
    terminals.append(first)
    first.wait_for(TITLE)
    first.press("F3")
    for typed, full_name in (("Wen Abb", "Wen Abbott"), ("Olga Dub", "Olga Dubois"), ("Sven Di", "Sven Diaz")):
        first.wait_for(SEARCH_PLACEHOLDER)  # the last check-in emptied the search box
        first.type(typed)
        first.wait_for(full_name)  # the result row, not just the letters typed into the search box
        first.press("Enter")
        first.wait_for(f"{full_name} checked in")
    first.wait_for("3 checked in / 42 registered")
    first.press("F5")
    first.wait_for("Speaker 1 of")
    first.press("Space")
    first.wait_for("SPEAKING")
    first.kill_program()

    second = Terminal([*command, "--db", str(db)], env=environment)  # no stale lock refuses it; not 'demo' (a reset)
    terminals.append(second)
    second.wait_for(TITLE)
    second.press("F5")
    second.wait_for("SPEAKING")
    second.press("F3")
    second.wait_for("3 checked in / 42 registered")
    second.press("C-q")
    second.wait_for("[exited 0]")
