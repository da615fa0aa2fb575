"""Calibration pages: each stock's cells outlined, to hold against a label sheet before printing on it.

Every cell gets its outline (with the stock's rounded corners), a centre mark and its number; the first cell
describes the stock, the second carries rulers in inches and millimetres to check the printer does not
scale the page ("fit to page" must be off). The dashed frame is the area most printers can reach.
"""

from __future__ import annotations

from collections.abc import Sequence

from .geometry import PRINTER_MARGIN, inches, mm, printable_area
from .pdf import Frame, Item, Pdf, PdfWriter, Rule
from .stock import Stock, StockKind
from .styles import CALIBRATION, TENT, CalibrationStyle
from .text import fit, place


def describe(stock: Stock) -> list[str]:

    def unit(value: float) -> str:
        return f"{value / mm(1):g} mm" if stock.metric else f"{value / inches(1):.4g} in"

    orientation = " landscape" if stock.landscape else ""
    return [
        f"{stock.name} ({stock.kind.value})",
        stock.description,
        f"{stock.paper.label}{orientation}, {stock.columns} x {stock.rows} cells of {stock.size_label()}",
        f"first cell {unit(stock.left)} from the left, {unit(stock.top)} from the top",
        f"pitch {unit(stock.pitch_x)} across, {unit(stock.pitch_y)} down",
        f"dashed frame: {PRINTER_MARGIN / inches(1):g} in printer margin",
        "print at 100 % (no fit-to-page), hold against the label sheet",
    ]


def _ruler(x: float, y: float, length: float, *, unit: float, label: str, style: CalibrationStyle) -> list[Item]:
    items: list[Item] = [Rule(x, y, x + length, y, width=0.6, gray=0.1)]
    steps = round(length / unit)
    for step in range(steps + 1):
        tall = 6 if step % 5 == 0 or unit >= inches(0.5) else 3
        items.append(Rule(x + step * unit, y, x + step * unit, y + tall, width=0.4, gray=0.1))
    caption = fit(label, style.label, length, 12)
    items += place(caption, x, y - 3, length)
    return items


def calibration_items(stock: Stock, style: CalibrationStyle = CALIBRATION) -> list[Item]:
    page_width, page_height = stock.page_size
    reach = printable_area(page_width, page_height)
    items: list[Item] = [Frame(reach, width=0.5, gray=style.margin_gray, dash=style.margin_dash)]
    cells = stock.cells()
    for number, cell in enumerate(cells, start=1):
        items.append(Frame(cell, radius=stock.corner_radius, width=style.outline_width, gray=style.outline_gray))
        cx, cy = cell.x + cell.width / 2, cell.y + cell.height / 2
        items.append(Rule(cx - style.cross, cy, cx + style.cross, cy, width=0.4, gray=0.3))
        items.append(Rule(cx, cy - style.cross, cx, cy + style.cross, width=0.4, gray=0.3))
        label = fit(str(number), style.label, cell.width, 12)
        items += place(label, cell.x, cy - style.cross - 3, cell.width, align="center")
    if stock.kind is StockKind.TENT:
        fold = cells[0].y
        items.append(Rule(0, fold, page_width, fold, width=0.5, gray=TENT.fold_gray, dash=TENT.fold_dash))
    info_cell = cells[0].inset(max(stock.corner_radius, 8)).intersect(reach.inset(4))
    info = fit(" · ".join(describe(stock)), style.info, info_cell.width, info_cell.height / 2 - style.cross)
    items += place(info, info_cell.x, info_cell.top, info_cell.width)
    ruler_cell = (cells[1] if len(cells) > 1 else cells[0]).inset(max(stock.corner_radius, 8)).intersect(reach.inset(4))
    inch_length = min(inches(style.ruler_length_in), ruler_cell.width)
    mm_length = min(mm(style.ruler_length_mm), ruler_cell.width)
    top = ruler_cell.top - 14
    items += _ruler(
        ruler_cell.x, top, inch_length, unit=inches(0.25), label=f"{inch_length / inches(1):g} in", style=style
    )
    items += _ruler(ruler_cell.x, top - 34, mm_length, unit=mm(1), label=f"{mm_length / mm(1):g} mm", style=style)
    return items


def calibration(stocks: Sequence[Stock]) -> Pdf:
    """One test page per stock."""
    writer = PdfWriter("Calibration pages", stocks[0].page_size if stocks else (612, 792))
    for stock in stocks:
        writer.next_page(stock.page_size)
        writer.draw(calibration_items(stock))
    return writer.finish()
