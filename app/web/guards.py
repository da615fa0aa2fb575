"""In-memory protections for one room: per-client rate limits, the desk PIN's lockout, and sessions with a
CSRF token each. Nothing here is written to disk; a server restart forgets it all (and makes a new PIN)."""

from __future__ import annotations

import secrets
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

Clock = Callable[[], float]


@dataclass(frozen=True)
class Limits:
    burst: float = 60.0  # requests a client may make at once
    per_second: float = 2.0  # and then on average (120 a minute: a phone user never notices)
    pin_tries: int = 5  # wrong desk PINs before a client is locked out
    lockout_seconds: float = 15 * 60
    body_bytes: int = 16 * 1024  # a card form is well under 2 KB
    sessions: int = 5000  # oldest forgotten beyond this, so nobody can fill the memory


class RateLimiter:
    """A token bucket per client address."""

    def __init__(self, limits: Limits, clock: Clock = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, client: str) -> bool:
        now = self._clock()
        tokens, then = self._buckets.pop(client, (self._limits.burst, now))
        tokens = min(self._limits.burst, tokens + (now - then) * self._limits.per_second)
        allowed = tokens >= 1.0
        self._buckets[client] = (tokens - 1.0 if allowed else tokens, now)
        while len(self._buckets) > self._limits.sessions:
            self._buckets.popitem(last=False)
        return allowed


class PinLock:
    """Counts wrong PINs per client; after `pin_tries` the client is refused until the lockout ends."""

    def __init__(self, limits: Limits, clock: Clock = time.monotonic) -> None:
        self._limits = limits
        self._clock = clock
        self._wrong: dict[str, int] = {}
        self._until: dict[str, float] = {}

    def locked(self, client: str) -> bool:
        until = self._until.get(client)
        if until is None:
            return False
        if self._clock() >= until:
            del self._until[client]
            self._wrong.pop(client, None)
            return False
        return True

    def failed(self, client: str) -> int:
        """Record a wrong PIN; returns the tries left."""
        wrong = self._wrong.get(client, 0) + 1
        self._wrong[client] = wrong
        if wrong >= self._limits.pin_tries:
            self._until[client] = self._clock() + self._limits.lockout_seconds
            return 0
        return self._limits.pin_tries - wrong

    def succeeded(self, client: str) -> None:
        self._wrong.pop(client, None)


@dataclass
class Session:
    csrf: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    desk: bool = False  # the PIN was given
    pending: int | None = None  # the member an attendee found and may confirm
    done: int | None = None  # the member this phone checked in
    flash: str = ""  # the desk's last outcome, shown once after a redirect


class Sessions:
    def __init__(self, limits: Limits) -> None:
        self._limits = limits
        self._by_id: OrderedDict[str, Session] = OrderedDict()

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        return self._by_id.get(session_id)

    def new(self) -> tuple[str, Session]:
        session_id = secrets.token_urlsafe(32)
        session = Session()
        self._by_id[session_id] = session
        while len(self._by_id) > self._limits.sessions:
            self._by_id.popitem(last=False)
        return session_id, session

    def drop(self, session_id: str) -> None:
        self._by_id.pop(session_id, None)
