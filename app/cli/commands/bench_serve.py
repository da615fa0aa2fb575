"""Self check-in under load: 60 phones on loopback while the app runs (see app.web.bench)."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    from app.web.bench import run_serve_bench

    return run_serve_bench()
