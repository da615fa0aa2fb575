"""`tablesession print` and `tablesession bench print` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from printables.geometry import Paper
from printables.stock import STOCKS
from sessions.models import OwnCard
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .print_pdf_reading import page_count, page_texts


def run(store: Store, clock: FakeClock, *args: str) -> int:
    return main(["--db", str(store.path), *args], clock=clock)


def test_print_writes_the_pdf_and_says_where(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(print_store, clock, "print", "tents", "--paper", "a4", "-o", str(tmp_path)) == 0
    target = tmp_path / "2026-11-24-tents-a4.pdf"
    assert page_count(target.read_bytes()) == 5
    assert capsys.readouterr().out.strip() == f"wrote {target}: 5 pages, {target.stat().st_size // 1024} KB"


def test_stock_brings_its_own_paper(print_store: Store, clock: FakeClock, tmp_path: Path) -> None:
    for member in print_store.members.all()[:2]:  # two asked for business cards
        print_store.members.update(member.model_copy(update={"own_card": OwnCard(wanted=True)}))
    out = tmp_path / "cards.pdf"
    assert run(print_store, clock, "print", "cards", "--stock", "avery-c32011", "--copies", "2", "-o", str(out)) == 0
    assert page_count(out.read_bytes()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["badges", "--stock", "avery-5392", "--paper", "a4"], "avery-5392 is Letter stock"),
        (["badges", "--stock", "avery-5371"], "avery-5371 is card stock"),
        (["sheets", "--round", "5"], "rounds 1 to 2"),
        (["tents", "--round", "1"], "--round is for sheets"),
        (["tents", "--copies", "2"], "--copies is for business cards"),
        (["sheets", "--start", "7pm"], "not a time like 18:45"),
        (["door", "--stock", "avery-5392"], "door print on plain paper"),
        (["tents", "-o", "/no/such/folder"], "no such folder"),
        ([], "say what to print"),
    ],
)
def test_mistakes_get_one_line_and_exit_2(
    print_store: Store, clock: FakeClock, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    assert run(print_store, clock, "print", *args) == 2
    captured = capsys.readouterr()
    assert message in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_list_stock_names_every_stock_with_its_size(
    print_store: Store, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(print_store, clock, "print", "--list-stock") == 0
    out = capsys.readouterr().out
    for name, size in [
        ("avery-5392", "4 x 3 in"),
        ("avery-5395", "3.375 x 2.33 in"),
        ("avery-l4785", "80 x 50 mm"),
        ("herma-4412", "80 x 50 mm"),
        ("avery-5371", "3.5 x 2 in"),
        ("avery-c32011", "85 x 54 mm"),
    ]:
        line = next(line for line in out.splitlines() if line.startswith(name + " "))
        assert size in line


def test_bench_print_reports_time_size_and_no_bitmaps(
    print_store: Store, clock: FakeClock, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The real bench prints 200 + 200 + 90 pages; a smaller run checks the figures it reports.
    monkeypatch.setattr("printables.bench.TENTS", 6)
    monkeypatch.setattr("printables.bench.BADGES", 6)
    monkeypatch.setattr("printables.bench.TABLES", 2)
    monkeypatch.setattr("printables.bench.ROUNDS", 1)
    assert run(print_store, clock, "bench", "print", "--json") == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["tents_pages"] == 6
    assert figures["sheets_pages"] == 2
    assert figures["image_xobjects"] == 0
    assert figures["total_s"] > 0
    assert figures["tents_kb_per_page"] > 0


def test_table_numbers_and_calibration_paper_from_the_command_line(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    badges = tmp_path / "badges.pdf"
    assert run(print_store, clock, "print", "badges", "--table-number", "-o", str(badges)) == 0
    assert "Table 1" in " ".join(page_texts(badges.read_bytes()))
    assert run(print_store, clock, "print", "door", "--table-number") == 2
    assert "--table-number is for tents and badges" in capsys.readouterr().err
    calibration = tmp_path / "calibration.pdf"
    assert run(print_store, clock, "print", "calibrate", "--paper", "a4", "-o", str(calibration)) == 0
    assert page_count(calibration.read_bytes()) == sum(1 for stock in STOCKS if stock.paper is Paper.A4)


def test_a_character_no_font_has_is_named_in_a_warning(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    member = next(iter(print_store.members.get_many([1]).values()))
    print_store.members.update(member.model_copy(update={"last_name": "Dubois 🎉"}))
    assert run(print_store, clock, "print", "tents", "--registered", "-o", str(tmp_path / "t.pdf")) == 0
    out = capsys.readouterr().out
    assert "warning: Olga Dubois 🎉: 🎉 cannot be printed" in out
