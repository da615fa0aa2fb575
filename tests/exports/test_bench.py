"""The export bench measures every kind on a scratch meeting (figures only; no timing is asserted)."""

from __future__ import annotations

from printables.followup import page_writer
from sessions.exports import ExportKind
from sessions.exports.bench import measure_exports
from sessions.timekeeping import FakeClock


def test_every_kind_is_measured_and_the_pages_are_part_of_the_follow_up(clock: FakeClock) -> None:
    figures = measure_exports(clock, page_writer("US"), members=40)
    assert figures["members"] == 40
    assert all(f"{kind.value}_s" in figures for kind in ExportKind)
    assert figures["followup_files"] == 80  # a .vcf and a PDF for each of the 40
    assert 0 < figures["followup_pdf_pages_s"] <= figures["followup_s"]
    assert figures["total_s"] >= figures["total_without_followup_s"] + figures["followup_s"] - 1e-9
