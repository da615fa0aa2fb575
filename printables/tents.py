"""Folded tent cards on plain paper: one sheet per member, folded along the middle.

The lower half is the front face, upright; the upper half carries the same face turned 180 degrees, so it
reads upright from the other side of the table once the sheet is folded. A light dashed line marks the fold.
"""

from __future__ import annotations

from collections.abc import Sequence

from sessions.models import SharedCard

from .content import NameTag, TagExtras, contact_code, tag_for, unprintable_warnings
from .geometry import Box, Paper
from .layout import Progress, qr_square, report, stack, stack_height
from .pdf import Item, Pdf, PdfWriter, Rule
from .stock import PLAIN, StockKind, find_stock
from .styles import TENT, TentStyle
from .text import fit, place


def panel_items(tag: NameTag, panel: Box, style: TentStyle = TENT) -> list[Item]:
    """One face of the tent: the meeting across the top, then the text column on the left and the QR code on
    the right. `panel.y` is the table edge."""
    content = panel.inset(style.side_margin, style.edge_margin, style.side_margin, style.fold_margin)
    items: list[Item] = []
    if tag.event:
        event = fit(tag.event, style.event, content.width, content.height / 8)
        items += place(event, content.x, content.top, content.width, gray=style.event_gray)
        content = Box(content.x, content.y, content.width, content.height - event.height - style.spacing)
    qr_size = min(style.qr_max, content.height)
    code = contact_code(tag.card, qr_size)
    qr_box_x = content.right - qr_size
    qr_y = content.y + (content.height - qr_size) / 2
    column = Box(content.x, content.y, content.width - qr_size - style.gap, content.height)

    # The first name gets what the other lines leave, and they leave it at least `first_name_share`.
    budget = column.height * (1 - style.first_name_share)
    fixed = [
        fit(tag.full_name or "", style.full_name, column.width, column.height / 4),
        fit(tag.marks or "", style.marks, column.width, column.height / 6),
        fit(tag.looking_for or "", style.looking_for, column.width, column.height / 6),
        fit(tag.subgroup or "", style.subgroup, column.width, column.height / 6),
    ]
    spare = budget - stack_height(fixed, style.spacing) - style.spacing
    headline = fit(tag.headline or "", style.headline, column.width, max(min(spare, column.height / 3), 0))
    full_name, marks, looking_for, subgroup = fixed
    others = [full_name, headline, looking_for, subgroup, marks]
    rest = stack_height(others, style.spacing)
    room = column.height - rest - (style.spacing if rest else 0)
    first_name = fit(tag.first_name, style.first_name, column.width, room)
    blocks = [first_name, *others]
    used = stack_height(blocks, style.spacing)
    top = column.top - max(column.height - used, 0) / 2  # centre the text block beside the QR code
    items += stack(blocks, column.x, top, column.width, style.spacing)
    items.append(qr_square(code, qr_box_x, qr_y, qr_size))
    return items


def tents(
    cards: Sequence[SharedCard],
    paper: Paper = Paper.LETTER,
    *,
    progress: Progress | None = None,
    extras: TagExtras | None = None,
    ids: Sequence[int | None] | None = None,
) -> Pdf:
    """One folded tent card per member, in the order given. `extras` (the meeting, round-1 tables, who is
    new) applies to the members whose ids are given in `ids`, in the same order as `cards`."""
    stock = find_stock(StockKind.TENT, PLAIN, paper)
    page_width, page_height = stock.page_size
    _back, front = stock.cells()
    writer = PdfWriter("Tent cards", stock.page_size, subject=f"{len(cards)} folded name cards")
    writer.warn(unprintable_warnings(cards))
    face = Box(0, 0, front.width, front.height)
    fold = Rule(0, front.top, page_width, front.top, width=0.5, gray=TENT.fold_gray, dash=TENT.fold_dash)
    for done, card in enumerate(cards, start=1):
        index = done - 1
        items = panel_items(tag_for(card, index, ids, extras), face)
        writer.draw(items)
        with writer.turned(page_width, page_height):
            writer.draw(items)
        writer.rule(fold)
        writer.next_page()
        report(progress, done, len(cards))
    return writer.finish()
