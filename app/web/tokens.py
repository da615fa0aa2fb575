"""The unguessable parts of the addresses: a token per meeting for attendees, another for the desk.

Both are derived from a random per-group secret kept in a private file next to the group's database, so a
poster printed today still works when the server starts tonight, and last week's token opens nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from pathlib import Path

from sessions.store.permissions import write_private_file

SECRET_BYTES = 32
TOKEN_BYTES = 16  # 128 bits


def secret_path(database: Path) -> Path:
    return database.with_name(database.name + ".web-secret")


def group_secret(database: Path) -> bytes:
    """The group's secret, made (owner-only) the first time it is needed."""
    path = secret_path(database)
    if path.exists():
        data = path.read_bytes()
        if len(data) >= SECRET_BYTES:
            return data
    data = secrets.token_bytes(SECRET_BYTES)
    write_private_file(path, data, replace=True)
    return data


def _derive(secret: bytes, purpose: str) -> str:
    digest = hmac.new(secret, purpose.encode(), hashlib.sha256).digest()[:TOKEN_BYTES]
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


@dataclass(frozen=True)
class MeetingTokens:
    attendee: str
    desk: str

    @classmethod
    def for_meeting(cls, secret: bytes, meeting_id: int) -> MeetingTokens:
        return cls(attendee=_derive(secret, f"attendee:{meeting_id}"), desk=_derive(secret, f"desk:{meeting_id}"))


def same(given: str, expected: str) -> bool:
    """Constant-time comparison, so response timing says nothing about how much of a token was right."""
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


def new_pin() -> str:
    return f"{secrets.randbelow(1_000_000):06d}"
