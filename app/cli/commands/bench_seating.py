"""Seating figures: the reference instances against the baseline, big rooms, unavoidable repeats, a season."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from sessions.seating.bench import seating_bench


def _flatten(figures: dict[str, Any]) -> dict[str, Any]:
    """Lists of rows become numbered lines so the plain-text bench output stays one figure per line."""
    flat: dict[str, Any] = {}
    for name, value in figures.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for row in value:
                label = row.get("instance") or row.get("case")
                flat[f"{name} {label}"] = ", ".join(f"{k}={v}" for k, v in row.items() if k not in ("instance", "case"))
        elif isinstance(value, dict):
            for key, item in value.items():
                flat[f"{name}.{key}"] = item
        else:
            flat[name] = value
    return flat


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    figures = seating_bench()
    return figures if args.json else _flatten(figures)
