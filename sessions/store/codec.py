"""Converting between stored column values and model values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def from_json(text: str | None, default: Any) -> Any:
    return default if not text else json.loads(text)


def to_timestamp(value: dt.datetime | None) -> str | None:
    """Stored as ISO 8601 in UTC, so files moved between laptops in other zones stay right."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.astimezone()
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def from_timestamp(text: str | None) -> dt.datetime | None:
    return None if text is None else dt.datetime.fromisoformat(text)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)
