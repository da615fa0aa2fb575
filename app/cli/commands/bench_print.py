"""A night's printing, timed: the measuring itself lives in printables.bench."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from printables.bench import run_print_bench


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    return run_print_bench()
