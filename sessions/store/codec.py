"""Converting between stored column values and model values."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


# Reading thousands of members decodes seven columns each; the columns hold exactly what to_json
# wrote, so the decoder is called directly, without json.loads's wrapper and whitespace checks.
_decoder = json.JSONDecoder()


def from_json(text: str | None, default: Any) -> Any:
    if not text:
        return default
    try:
        value, end = _decoder.raw_decode(text)
    except json.JSONDecodeError:
        end = -1
    # Anything else (surrounding space, damage) goes through json.loads for its checks and errors.
    return value if end == len(text) else json.loads(text)


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
