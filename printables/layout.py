"""Small layout helpers shared by the documents."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from .content import ContactCode
from .geometry import Box
from .pdf import Item, QrItem, Rule
from .styles import CUT_LINE_DASH, CUT_LINE_GRAY, CUT_LINE_WIDTH
from .text import Fitted, TextLine, place

Progress = Callable[[int, int], None]


def stack_height(blocks: Sequence[Fitted], spacing: float) -> float:
    shown = [block for block in blocks if block.lines]
    return sum(block.height for block in shown) + spacing * max(len(shown) - 1, 0)


def stack(
    blocks: Sequence[Fitted], x: float, top: float, width: float, spacing: float, *, align: str = "left"
) -> list[TextLine]:
    """Blocks set one under the other from `top`, `spacing` apart (empty blocks take no room)."""
    lines: list[TextLine] = []
    for block in blocks:
        if not block.lines:
            continue
        lines.extend(place(block, x, top, width, align=align))
        top -= block.height + spacing
    return lines


def qr_square(code: ContactCode, x: float, y: float, size: float) -> QrItem:
    return QrItem(code.payload, Box(x, y, size, size), code.error_correction)


def cut_lines(cells: Sequence[Box], page_width: float, page_height: float) -> list[Rule]:
    """Light dashed lines along every cell edge, across the whole sheet, for scissors or a trimmer."""
    xs = sorted({round(v, 3) for cell in cells for v in (cell.x, cell.right)})
    ys = sorted({round(v, 3) for cell in cells for v in (cell.y, cell.top)})

    def line(x1: float, y1: float, x2: float, y2: float) -> Rule:
        return Rule(x1, y1, x2, y2, width=CUT_LINE_WIDTH, gray=CUT_LINE_GRAY, dash=CUT_LINE_DASH)

    return [line(x, 0, x, page_height) for x in xs] + [line(0, y, page_width, y) for y in ys]


def item_boxes(items: Sequence[Item]) -> list[Box]:
    """Bounding boxes of drawn text and QR codes (tests check they stay inside their cell)."""
    boxes = []
    for item in items:
        if isinstance(item, TextLine | QrItem):
            boxes.append(item.box)
    return boxes


def report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None:
        progress(done, total)
