"""`tablesession bench KIND`: measure the speed targets and print the figures.

Each benchmark is a function `(args, context) -> dict of figures`; register one in BENCHMARKS.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app.cli.context import CliContext

from . import (
    bench_checkin,
    bench_clock,
    bench_export,
    bench_print,
    bench_seating,
    bench_serve,
    bench_store,
    bench_tui,
)

Benchmark = Callable[[argparse.Namespace, CliContext], dict[str, Any]]

BENCHMARKS: dict[str, tuple[str, Benchmark]] = {
    "clock": (
        "pitch clock at real time: lateness of each cue and display change (target under 100 ms), and CPU use",
        bench_clock.run,
    ),
    "export": (
        "seconds to write every export kind for 2,000 members (target: all contact formats under 2 s), and "
        "follow-up files with PDF pages for 300 attendees (target: under 3 s)",
        bench_export.run,
    ),
    "store": (
        "commit latency of check-ins with full sync (each one on disk before it is reported)",
        bench_store.run,
    ),
    "seating": (
        "reference instances to their best known repeat-free rounds (each within 10 s) against the baseline, "
        "200x4 (< 2 s) and 1,000x3 (< 10 s) repeat-free, peak memory (< 300 MB), unavoidable repeats, a season",
        bench_seating.run,
    ),
    "checkin": (
        "check-in search latency per keystroke over 2,000 members (targets: median < 20 ms, max < 50 ms) "
        "and a 5,000-row Eventbrite import (target: < 2 s)",
        bench_checkin.run,
    ),
    "serve": (
        "60 attendees checking themselves in from phones on loopback while the app runs (targets: each checked "
        "in once within a minute, response p95 < 300 ms, the app's keys p95 < 100 ms)",
        bench_serve.run,
    ),
    "tui": (
        "key-to-screen latency (the key sent as Pilot sends it, until the frame showing its effect is written) "
        "on a 60-person meeting, median and worst of 5 runs (search keystroke, Enter, f4 (target < 150 ms), "
        "] (< 100 ms), g to the first plan (< 1 s), space on the clock); then a 120-person room with six earlier "
        "weeks, 3 runs: g to the first plan (< 1 s), ] while the search improves it, g to the search's end",
        bench_tui.run,
    ),
    "print": (
        "200 tent cards, 200 badges and 30 tables x 3 rounds of sheets, from a cold start",
        bench_print.run,
    ),
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("bench", help="measure speed targets and print the figures")
    parser.add_argument("kind", choices=sorted(BENCHMARKS), help="what to measure")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, context: CliContext) -> int:
    description, benchmark = BENCHMARKS[args.kind]
    figures = benchmark(args, context)
    if args.json:
        context.print_json({"bench": args.kind, **figures})
        return 0
    context.print(f"bench {args.kind}: {description}")
    width = max((len(name) for name in figures), default=0)
    for name, value in figures.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        context.print(f"  {name.ljust(width)}  {shown}")
    return 0
