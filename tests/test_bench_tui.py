"""`tablesession bench tui` measures every main key on the real app, through Pilot."""

from __future__ import annotations

from app.tui.key_bench import KEYS, PEOPLE, key_latencies


def test_bench_tui_times_every_main_key_on_a_60_person_meeting() -> None:
    figures = key_latencies(runs=1)
    assert (figures["people"], figures["runs"]) == (PEOPLE, 1)
    for key in KEYS:
        name = key.replace(" ", "_")
        assert 0 < figures[f"{name}_median_ms"] <= figures[f"{name}_worst_ms"] < 30_000


def test_bench_tui_times_g_in_a_big_room_with_history_until_its_search_ends() -> None:
    from app.tui.big_room_bench import PEOPLE as BIG
    from app.tui.big_room_bench import big_room_latencies

    figures = big_room_latencies(runs=1, search_seconds=1.0)
    assert figures["big_room_people"] == BIG
    first, end = figures["big_room_g_to_first_plan_median_ms"], figures["big_room_g_to_search_end_median_ms"]
    assert 0 < first <= end < 30_000, "the first plan comes before the search ends"
