"""Turning pydantic's validation errors into one line a facilitator can act on."""

from __future__ import annotations

from pydantic import ValidationError

_FRIENDLY = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
}


def _field_label(loc: tuple[int | str, ...]) -> str:
    parts = [str(part) for part in loc if not isinstance(part, int)]
    label = ".".join(parts) or "value"
    return label.replace("_", " ")


def describe_validation_error(error: ValidationError) -> str:
    """'first name: cannot be empty; email: not a valid email address' -- each problem with its field."""
    problems: list[str] = []
    for detail in error.errors(include_url=False):
        kind = detail["type"]
        ctx = detail.get("ctx", {})
        text = isinstance(detail.get("input"), str)
        if kind in _FRIENDLY:
            message = _FRIENDLY[kind]
        elif kind in ("string_too_short", "too_short") and ctx.get("min_length") == 1:
            message = "cannot be empty"
        elif kind in ("string_too_long", "too_long"):
            unit = "characters" if text else "entries"
            message = f"is too long (at most {ctx.get('max_length')} {unit})"
        else:
            message = str(detail["msg"]).removeprefix("Value error, ")
        problems.append(f"{_field_label(tuple(detail['loc']))}: {message}")
    return "; ".join(problems)
