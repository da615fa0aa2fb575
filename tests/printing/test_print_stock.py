"""Stock templates: every cell lies inside the sheet and the printable area; names resolve with clear errors."""

from __future__ import annotations

import pytest

from printables.geometry import Box, Paper, inches, mm, printable_area
from printables.stock import PLAIN, STOCKS, Stock, StockKind, find_stock, stock_names
from printables.styles import TENT
from sessions.errors import TablesessionError


@pytest.mark.parametrize("stock", STOCKS, ids=lambda s: f"{s.kind.value}-{s.name}-{s.paper.value}")
def test_cells_are_inside_the_printable_area_and_do_not_overlap(stock: Stock) -> None:
    width, height = stock.page_size
    page = Box(0, 0, width, height)
    reach = printable_area(width, height)
    cells = stock.cells()
    assert len(cells) == stock.columns * stock.rows
    for cell in cells:
        assert page.contains(cell)
        if stock.kind is StockKind.TENT:
            # The panels are halves of the sheet; what is printed on them keeps the tent's margins.
            content = cell.inset(TENT.side_margin, TENT.edge_margin, TENT.side_margin, TENT.fold_margin)
            assert reach.contains(content) or reach.contains(
                cell.inset(TENT.side_margin, TENT.fold_margin, TENT.side_margin, TENT.edge_margin)
            )
        else:
            assert reach.contains(cell), f"{stock.name} cell {cell} leaves the printable area"
    for i, first in enumerate(cells):
        for second in cells[i + 1 :]:
            assert not first.overlaps(second)


def test_published_avery_and_herma_figures() -> None:
    badge = find_stock(StockKind.BADGE, "avery-5392")
    assert (badge.cell_width, badge.cell_height, badge.per_page) == (inches(4), inches(3), 6)
    assert badge.cells()[0].top == pytest.approx(inches(11) - inches(1))
    l4785 = find_stock(StockKind.BADGE, "avery-l4785")
    assert l4785.cells()[1].x == pytest.approx(mm(18 + 95))
    card = find_stock(StockKind.CARD, "avery-c32011")
    assert card.cells()[2].top == pytest.approx(mm(297 - 13.5 - 54))


def test_plain_exists_for_every_kind_and_paper() -> None:
    for kind in StockKind:
        assert stock_names(kind)[0] == PLAIN
        for paper in Paper:
            assert find_stock(kind, PLAIN, paper).paper is paper


def test_stock_of_another_kind_is_refused_by_name() -> None:
    with pytest.raises(TablesessionError, match=r"avery-5371 is card stock"):
        find_stock(StockKind.BADGE, "avery-5371")


def test_letter_stock_on_a4_paper_is_refused() -> None:
    with pytest.raises(TablesessionError, match="Letter stock"):
        find_stock(StockKind.BADGE, "avery-5392", Paper.A4)


def test_unknown_stock_lists_the_known_ones() -> None:
    with pytest.raises(TablesessionError, match="avery-5395"):
        find_stock(StockKind.BADGE, "avery-9999")
