"""The search for a better plan, run in a process of its own while the first plan is already shown.

A search in a thread of the app's own process shares one interpreter lock with the screen: every key
then waits its turn behind the search (at 120 people, `]` took three times as long while it ran). In a
process of its own the search has a core of its own, and the screen keeps all of its own.

The child is this module run as a program: it reads the request from its standard input and writes
what it finds, pickled, to its standard output; its errors go nowhere near the terminal the app draws
on. Closing its input (or a byte written there) stops it: so does the app ending in any way.
"""

from __future__ import annotations

import contextlib
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from typing import IO, Any

from sessions.errors import TablesessionError

from .problem import CostWeights
from .request import SeatingRequest
from .search import Progress
from .solver import PlanReport, SeatingResult, first_plan, solve

# How often the search's progress crosses to the caller, and how often the caller looks at `stop`.
PROGRESS_SECONDS = 0.2
POLL_SECONDS = 0.05
# Once asked to stop, the search ends within a few steps; past this it is ended by force.
STOP_GRACE_SECONDS = 5.0


class SearchFailedError(TablesessionError):
    """The search process ended without a plan (the plan shown before stays)."""


def solve_elsewhere(
    request: SeatingRequest,
    *,
    report: PlanReport,
    stop: Callable[[], bool],
    weights: CostWeights | None = None,
    progress: Progress | None = None,
) -> SeatingResult:
    """As `solve(request, report=...)`: the first plan is made here and reported at once, the search runs in
    a process of its own and each better plan it finds is reported from here; returns the best plan.
    `stop` is asked while waiting and ends the search early."""
    first = first_plan(request, weights=weights)
    report(first)
    if first.reached_bound:
        return first  # as good as can be already (or every round locked): nothing to search for
    try:
        child = subprocess.Popen(
            [sys.executable, "-m", __name__],  # this interpreter, running this module
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError:
        # No process to be had (an interpreter that cannot be started again): search here, with slower
        # keys while it runs, rather than no better plan.
        return solve(request, weights=weights, progress=progress, report=report, stop=stop, first_shown=True)
    assert child.stdin is not None
    assert child.stdout is not None
    try:
        pickle.dump((request, weights), child.stdin)
        child.stdin.flush()
        news: queue.Queue[tuple[str, Any]] = queue.Queue()
        threading.Thread(target=_read, args=(child.stdout, news), daemon=True).start()
        return _follow(news, child.stdin, report, stop, progress) or first
    finally:
        _end(child)


def _read(out: IO[bytes], news: queue.Queue[tuple[str, Any]]) -> None:
    """Everything the child writes, in order, then ("ended", None)."""
    try:
        while True:
            news.put(pickle.load(out))
    except (EOFError, OSError, pickle.UnpicklingError):
        news.put(("ended", None))


def _follow(
    news: queue.Queue[tuple[str, Any]],
    to_child: IO[bytes],
    report: PlanReport,
    stop: Callable[[], bool],
    progress: Progress | None,
) -> SeatingResult | None:
    """Pass on what the search sends until its final plan (None when stopped before it sent one)."""
    stopping = False
    while True:
        if not stopping and stop():
            stopping = True
            _ask_to_stop(to_child)
        try:
            kind, payload = news.get(timeout=POLL_SECONDS)
        except queue.Empty:
            continue
        if kind == "progress" and progress is not None:
            progress(payload, 0.0)
        elif kind == "better" and not stopping:
            report(payload)
        elif kind == "final":
            return payload  # type: ignore[no-any-return]
        elif kind == "failed":
            raise SearchFailedError(f"the seating search failed: {payload}")
        elif kind == "ended":
            if stopping:
                return None
            raise SearchFailedError("the seating search ended without a plan")


def _ask_to_stop(to_child: IO[bytes]) -> None:
    with contextlib.suppress(OSError):  # already gone
        to_child.write(b"x")
        to_child.flush()


def _end(child: subprocess.Popen[bytes]) -> None:
    if child.stdin is not None:
        with contextlib.suppress(OSError):  # already gone
            child.stdin.close()  # its end of input: stop
    try:
        child.wait(STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    if child.stdout is not None:
        child.stdout.close()


# -- the child ------------------------------------------------------------------------------------


def _child() -> None:
    request, weights = pickle.load(sys.stdin.buffer)
    out = sys.stdout.buffer
    halt = threading.Event()

    def watch() -> None:
        sys.stdin.buffer.read(1)  # a byte, or the end of input when the app closed it or ended
        halt.set()

    threading.Thread(target=watch, daemon=True).start()
    said = 0.0

    def send(kind: str, payload: object) -> None:
        pickle.dump((kind, payload), out)
        out.flush()

    def progress(fraction: float, _best: float) -> None:
        nonlocal said
        moment = time.monotonic()
        if moment - said >= PROGRESS_SECONDS:
            said = moment
            send("progress", fraction)

    try:
        result = solve(
            request,
            weights=weights,
            progress=progress,
            report=lambda better: send("better", better),
            stop=halt.is_set,
            first_shown=True,
        )
        send("final", result)
    except BrokenPipeError:
        pass  # the app is gone: nobody to tell
    except Exception as exc:
        send("failed", f"{type(exc).__name__}: {exc}")


if __name__ == "__main__":
    _child()
