"""`tablesession bench tui` measures every main key on the real app, through Pilot."""

from __future__ import annotations

from app.tui.key_bench import KEYS, PEOPLE, key_latencies


def test_bench_tui_times_every_main_key_on_a_60_person_meeting() -> None:
    figures = key_latencies(runs=1)
    assert (figures["people"], figures["runs"]) == (PEOPLE, 1)
    for key in KEYS:
        name = key.replace(" ", "_")
        assert 0 < figures[f"{name}_median_ms"] <= figures[f"{name}_worst_ms"] < 30_000
