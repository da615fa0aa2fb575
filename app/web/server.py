"""Running the pages: uvicorn inside the caller's event loop (the app's, or the one `serve` starts), so every
write goes through the caller's own store. Nothing is logged per request: the addresses hold the tokens."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import uvicorn

from sessions.errors import TablesessionError
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import Clock

from .addresses import ANY, attendee_url, desk_url, reachable_hosts
from .guards import Limits
from .service import Change, SelfService
from .site import Site, build_site
from .tokens import MeetingTokens, group_secret, new_pin

DEFAULT_PORT = 8765


@dataclass(frozen=True)
class Addresses:
    attendee: list[str]
    desk: list[str]
    pin: str

    def lines(self) -> list[str]:
        return [
            *(f"attendees: {url}" for url in self.attendee),
            *(f"desk:      {url}" for url in self.desk),
            f"desk PIN:  {self.pin}",
        ]


class SelfServiceServer:
    """One meeting's pages on one socket. `start()` binds (so a busy port is a clear error at once), `serve()`
    runs until `stop()`."""

    def __init__(
        self,
        store: Store,
        meeting: Meeting,
        clock: Clock,
        database: Path,
        *,
        host: str = ANY,
        port: int = DEFAULT_PORT,
        limits: Limits | None = None,
        on_change: Callable[[Change], None] | None = None,
        on_arrival: Callable[[Member, bool], None] | None = None,
    ) -> None:
        assert meeting.id is not None
        self.service = SelfService(store, meeting, clock, on_change, on_arrival)
        self.tokens = MeetingTokens.for_meeting(group_secret(database), meeting.id)
        self.site = Site(self.service, self.tokens, new_pin(), limits or Limits())
        self.host = host
        self.port = port
        self._socket: socket.socket | None = None
        self._server: uvicorn.Server | None = None

    def start(self) -> Addresses:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((self.host, self.port))
        except OSError as exc:
            sock.close()
            raise TablesessionError(f"cannot listen on {self.host}:{self.port} ({exc.strerror or exc})") from None
        sock.listen(128)
        sock.setblocking(False)
        self._socket = sock
        self.port = int(sock.getsockname()[1])
        config = uvicorn.Config(
            build_site(self.site),
            log_config=None,  # leave the caller's logging alone (the TUI owns the terminal)
            access_log=False,  # request lines would carry the tokens
            lifespan="off",
            server_header=False,
        )
        self._server = uvicorn.Server(config)
        return self.addresses()

    def addresses(self) -> Addresses:
        hosts = reachable_hosts(self.host)
        return Addresses(
            attendee=[attendee_url(h, self.port, self.tokens) for h in hosts],
            desk=[desk_url(h, self.port, self.tokens) for h in hosts],
            pin=self.site.pin,
        )

    async def serve(self, *, handle_signals: bool = False) -> None:
        """Serve until `stop()`; with `handle_signals` (the `serve` command) Ctrl+C stops it too. In the app
        the signals stay the app's."""
        if self._server is None or self._socket is None:
            self.start()
        assert self._server is not None
        assert self._socket is not None
        server = self._server
        if not handle_signals:
            server.capture_signals = contextlib.nullcontext  # type: ignore[method-assign,assignment]
        try:
            await server.serve(sockets=[self._socket])
        finally:
            self._socket.close()

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.started and not self._server.should_exit

    async def wait_started(self, timeout: float = 5.0) -> None:
        async with asyncio.timeout(timeout):
            while self._server is None or not self._server.started:
                await asyncio.sleep(0.01)
