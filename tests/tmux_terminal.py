"""Driving the real `tablesession` command in a real terminal (tmux), as a facilitator would."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

# Long enough for a cold start on a loaded 2-core CI machine; a passing wait returns at once.
WAIT_LIMIT_SECONDS = 30.0
POLL_SECONDS = 0.1


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
        shell = f"env {exports} {shlex.join(command)}; echo; echo '[exited '$?']'; sleep 600"
        width, height = size
        self._run("new-session", "-d", "-s", self.name, "-x", str(width), "-y", str(height), shell)

    def _run(self, *args: str) -> str:
        result = subprocess.run([self._tmux, "-L", self._socket, *args], capture_output=True, text=True, check=True)
        return result.stdout

    def screen(self) -> str:
        return self._run("capture-pane", "-p", "-t", self.name)

    def press(self, *keys: str) -> None:
        for key in keys:
            self._run("send-keys", "-t", self.name, key)

    def type(self, text: str) -> None:
        self._run("send-keys", "-t", self.name, "-l", text)

    def wait_for(self, text: str) -> str:
        deadline = time.monotonic() + WAIT_LIMIT_SECONDS
        while True:
            shown = self.screen()
            if text in shown:
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} never appeared on the screen; last screen:\n{shown}")
            time.sleep(POLL_SECONDS)

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


def installed_command(python: Path) -> list[str]:
    """The `tablesession` script installed beside this Python, else the module (in a bare checkout)."""
    script = python.with_name("tablesession")
    return [str(script)] if script.exists() else [str(python), "-m", "app"]
