"""Every export kind on a 2,000-person meeting (including follow-up PDFs), in a scratch database."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from printables.followup import page_writer
from sessions.exports.bench import measure_exports


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    return measure_exports(context.clock, page_writer("US"))
