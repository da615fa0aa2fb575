"""Driving the real `tablesession` command in a real terminal (tmux), as a facilitator would."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

# Long enough for a cold start on a loaded 2-core CI machine; a passing wait returns at once.
WAIT_LIMIT_SECONDS = 30.0
POLL_SECONDS = 0.1
SGR = re.compile(r"\x1b\[([0-9;]*)m")


def terminal_environment(tmp_path: Path, root: Path) -> dict[str, str]:
    """A private home for the program in the terminal: its data, documents and settings stay in tmp_path, and
    PATH holds no program, so no PDF viewer or sound player is ever started from a test."""
    require_tmux()
    home = tmp_path / "home"
    documents = home / "Documents"
    documents.mkdir(parents=True)
    empty_bin = tmp_path / "bin"
    empty_bin.mkdir()
    return {
        "HOME": str(home),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DOCUMENTS_DIR": str(documents),
        "PATH": str(empty_bin),
        "TERM": "xterm-256color",
        "PYTHONPATH": str(root),
    }


def require_tmux() -> str:
    found = shutil.which("tmux")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is needed for the terminal smoke test; .ci/run installs it")
        pytest.skip("tmux is not installed")
    return found


class Terminal:
    """One tmux session on its own server socket, so tests never touch a user's tmux."""

    def __init__(self, command: list[str], *, env: dict[str, str], size: tuple[int, int] = (120, 36)) -> None:
        self._tmux = require_tmux()
        self._socket = f"tablesession-test-{uuid.uuid4().hex[:8]}"
        self.name = "main"
        exports = " ".join(f"{key}={shlex.quote(value)}" for key, value in env.items())
        # COLUMNS and LINES go: the program must size itself from the terminal, as in a real one. Under pytest the
        # process environment carries COLUMNS=80 and LINES=24 (set where os.environ does not see), and tmux hands
        # them on: Textual believed them and drew 80x24 in a 120x36 terminal.
        # The status is kept before the blank line's echo, which would reset $? to 0.
        shell = (
            f"env -u COLUMNS -u LINES {exports} {shlex.join(command)}; "
            'status=$?; echo; echo "[exited $status]"; sleep 600'
        )
        width, height = size
        self._run("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell)

    def _run(self, *args: str) -> str:
        result = subprocess.run([self._tmux, "-L", self._socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def screen(self, *, styled: bool = False) -> str:
        """What the terminal shows; `styled` keeps the colour escapes (SGR) in."""
        return self._run("capture-pane", "-p", *(["-e"] if styled else []), "-t", self.name)

    def press(self, *keys: str) -> None:
        """tmux key names: Enter, Space, F3, C-o, BTab... After Escape, wait for its effect before sending more:
        a key sent within the app's escape delay would arrive as Alt+key."""
        for key in keys:
            self._run("send-keys", "-t", self.name, key)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", self.name, "-l", text)

    def wait_for(self, *texts: str, limit: float = WAIT_LIMIT_SECONDS) -> str:
        """Wait until every one of `texts` is on the screen; returns that screen."""
        return self.wait_until(
            lambda shown: all(text in shown for text in texts), " and ".join(map(repr, texts)), limit=limit
        )

    def wait_for_style(self, text: str, *also: str, limit: float = WAIT_LIMIT_SECONDS) -> str:
        """Wait until `text` (and `also`) are on the screen; returns the colour escapes `text` is drawn in, read
        from that same screen (a later look might find the screen changed)."""
        styles: list[str] = []

        def shown(_: str) -> bool:
            styled = self.screen(styled=True)
            plain = SGR.sub("", styled)
            if all(wanted in plain for wanted in (text, *also)):
                styles.append(style_in(styled, text))
                return True
            return False

        self.wait_until(shown, " and ".join(map(repr, (text, *also))), limit=limit)
        return styles[-1]

    def wait_until(self, condition: Callable[[str], bool], what: str, *, limit: float = WAIT_LIMIT_SECONDS) -> str:
        """Wait until `condition(screen)` holds; fail naming `what` and showing the last screen."""
        deadline = time.monotonic() + limit
        while True:
            shown = self.screen()
            if condition(shown):
                return shown
            if time.monotonic() > deadline:
                size = self._run("display-message", "-p", "-t", self.name, "#{window_width}x#{window_height}").strip()
                raise AssertionError(f"{what} never appeared on the {size} screen; last screen:\n{shown}")
            time.sleep(POLL_SECONDS)

    def style_of(self, text: str) -> str:
        """The colour escapes (SGR parameters) in force where `text` starts on the screen; '' when it is not there."""
        return style_in(self.screen(styled=True), text)

    def press_until_restyled(self, key: str, text: str) -> None:
        """Press `key` and wait until `text` is drawn in other colours: for changes that show only as colour."""
        before = self.style_of(text)
        self.press(key)
        self.wait_until(lambda _: self.style_of(text) != before, f"{text!r} in new colours after {key}")

    def kill_program(self) -> None:
        """SIGKILL the program running in the terminal, as a crash or a pulled plug would."""
        shell = self._run("list-panes", "-t", self.name, "-F", "#{pane_pid}").strip()
        children = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True, check=False).stdout.split()
        assert children, "nothing is running in the terminal"
        for pid in children:
            os.kill(int(pid), signal.SIGKILL)
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while any(Path(f"/proc/{pid}").exists() for pid in children):
            if time.monotonic() > deadline:
                raise AssertionError("the killed program is still running")
            time.sleep(POLL_SECONDS)

    def close(self) -> None:
        subprocess.run([self._tmux, "-L", self._socket, "kill-server"], capture_output=True, check=False)


def style_in(styled_screen: str, text: str) -> str:
    """The SGR parameters in force where `text` first starts in a screen captured with its escapes."""
    for line in styled_screen.splitlines():
        plain = SGR.sub("", line)
        if text not in plain:
            continue
        at = plain.index(text)
        styles: list[str] = []
        shown = position = 0
        for escape in SGR.finditer(line):
            shown += escape.start() - position  # characters drawn before this escape
            position = escape.end()
            if shown > at:
                break
            parameters = escape.group(1)
            styles = [] if parameters in ("", "0") else [*styles, parameters]
        return ";".join(styles)
    return ""


def installed_command(python: Path) -> list[str]:
    """The `tablesession` script installed beside this Python, else the module (in a bare checkout)."""
    script = python.with_name("tablesession")
    return [str(script)] if script.exists() else [str(python), "-m", "app"]
