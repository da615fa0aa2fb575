"""How late the pitch clock's cues and display changes are at real time, and its CPU use: first the
engine polled as a screen would, then the real clock screen, headless."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.context import CliContext
from sessions.pitchclock.bench import DISPLAY_UPDATE, TARGET_SECONDS, BenchResult, run_clock_bench


def figures_of(prefix: str, result: BenchResult) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    for kind in sorted(result.lateness.worst, key=lambda k: (k == DISPLAY_UPDATE, k)):
        name = kind.replace(" ", "_")
        figures[f"{prefix}_{name}_worst_ms"] = result.lateness.worst[kind] * 1000
        figures[f"{prefix}_{name}_seen"] = result.lateness.count[kind]
    figures[f"{prefix}_worst_ms"] = result.worst * 1000
    figures[f"{prefix}_idle_cpu_percent"] = result.idle_cpu * 100
    figures[f"{prefix}_running_cpu_percent"] = result.running_cpu * 100
    return figures


def run(args: argparse.Namespace, context: CliContext) -> dict[str, Any]:
    from app.tui.clock_bench import run_screen_bench

    # Real time on purpose: the point is how the system's timers behave, not a fake clock's.
    engine = run_clock_bench()
    screen = run_screen_bench()
    worst = max(engine.worst, screen.worst)
    return {
        "turns": engine.turns,
        "turn_seconds": engine.settings.turn_seconds,
        "refresh_ms": engine.refresh_seconds * 1000,
        **figures_of("engine", engine),
        **figures_of("screen", screen),
        "worst_ms": worst * 1000,
        "target_ms": TARGET_SECONDS * 1000,
        "target_met": "yes" if worst < TARGET_SECONDS else "NO",
        "seconds": engine.idle_seconds + engine.running_seconds + screen.idle_seconds + screen.running_seconds,
    }
