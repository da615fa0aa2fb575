"""The real server: it listens where it says, logs no token, and a busy port is a clear error."""

from __future__ import annotations

import logging
import urllib.request
from pathlib import Path

import pytest

from app.web.addresses import attendee_url, reachable_hosts
from app.web.server import SelfServiceServer
from app.web.terminal_qr import qr_rows
from app.web.tokens import MeetingTokens, group_secret, secret_path
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .live import live_server


def test_the_server_answers_on_loopback_and_logs_no_token(
    store: Store, meeting: Meeting, clock: FakeClock, db_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    with live_server(store, meeting, clock, db_path) as server:
        urls = server.addresses()
        assert urls.attendee == [f"http://127.0.0.1:{server.port}/{server.tokens.attendee}/"]
        assert len(urls.pin) == 6
        assert urls.pin.isdigit()
        with urllib.request.urlopen(urls.attendee[0], timeout=5) as answer:
            assert answer.status == 200
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(urls.attendee[0].replace(server.tokens.attendee, "x" * 22), timeout=5)
        assert refused.value.code == 404
        with urllib.request.urlopen(urls.desk[0], timeout=5) as answer:
            assert answer.status == 200
    logged = caplog.text
    assert server.tokens.attendee not in logged
    assert server.tokens.desk not in logged


def test_a_busy_port_is_a_clear_error(store: Store, meeting: Meeting, clock: FakeClock, db_path: Path) -> None:
    first = SelfServiceServer(store, meeting, clock, db_path, host="127.0.0.1", port=0)
    first.start()
    second = SelfServiceServer(store, meeting, clock, db_path, host="127.0.0.1", port=first.port)
    with pytest.raises(TablesessionError, match=rf"cannot listen on 127.0.0.1:{first.port}"):
        second.start()


def test_the_secret_is_private_and_kept_so_addresses_stay_the_same(db_path: Path) -> None:
    first = group_secret(db_path)
    assert group_secret(db_path) == first
    assert secret_path(db_path).stat().st_mode & 0o077 == 0


def test_every_interface_means_the_lan_address_and_loopback() -> None:
    assert reachable_hosts("127.0.0.1") == ["127.0.0.1"]
    assert reachable_hosts("0.0.0.0")[-1] == "127.0.0.1"
    assert attendee_url("::1", 80, MeetingTokens("t", "d")) == "http://[::1]:80/t/"


def test_the_terminal_qr_code_reads_back(tmp_path: Path) -> None:
    zxingcpp = pytest.importorskip("zxingcpp")
    from PIL import Image

    url = "http://192.0.2.2:8765/AAAAAAAAAAAAAAAAAAAAAA/"
    rows = qr_rows(url)
    assert len({len(row) for row in rows}) == 1
    # Draw the half blocks back as pixels: dark top and/or bottom halves, light elsewhere.
    scale = 6
    image = Image.new("L", (len(rows[0]) * scale, len(rows) * 2 * scale), 255)
    for y, row in enumerate(rows):
        for x, char in enumerate(row):
            for half, dark in ((0, char in "\u2580\u2588"), (1, char in "\u2584\u2588")):
                if dark:
                    top = (2 * y + half) * scale
                    image.paste(0, (x * scale, top, (x + 1) * scale, top + scale))
    framed = Image.new("L", (image.width + 8 * scale, image.height + 8 * scale), 255)
    framed.paste(image, (4 * scale, 4 * scale))
    found = zxingcpp.read_barcodes(framed)
    assert [code.text for code in found] == [url]


def test_the_serve_command_prints_where_and_stops_on_ctrl_c(store: Store, meeting: Meeting, db_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    store.close()  # the command opens the group file itself
    command = [sys.executable, "-m", "app", "--db", str(db_path), "serve", "--host", "127.0.0.1", "--port", "0"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        lines = []
        while not lines or not lines[-1].startswith("Ctrl+C"):
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else "no output"
            lines.append(line.strip())
        attendee = next(line.split()[-1] for line in lines if line.startswith("attendees:"))
        pin = next(line.split()[-1] for line in lines if line.startswith("desk PIN:"))
        assert len(pin) == 6
        assert any(set(line) & {"\u2580", "\u2584", "\u2588"} for line in lines)  # the QR code
        with urllib.request.urlopen(attendee, timeout=5) as answer:
            assert answer.status == 200
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=10)
    assert process.returncode == 0, err
    assert "stopped" in out
    assert attendee.split("/")[-2] not in err
