"""Name badges on label stock or plain paper: the tent card's content, scaled to the cell.

First name across the top; below it the full name, headline and sub-group on the left and the contact
QR code on the right.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sessions.models import SharedCard

from .content import NameTag, TagExtras, contact_code, tag_for, unprintable_warnings
from .geometry import Box, mm
from .layout import Progress, cut_lines, qr_square, report, stack, stack_height
from .pdf import Item, Pdf, PdfWriter
from .stock import Stock, StockKind
from .styles import BADGE, LEGIBLE_MINIMUM, SAFE_EDGE, BadgeStyle
from .text import Fitted, fit, place
from .typeface import ink_top, metrics


def badge_scale(cell: Box, style: BadgeStyle = BADGE) -> float:
    return min(cell.width / style.reference_width, cell.height / style.reference_height)


EDGE_SLACK = mm(0.25)  # rendering rounds a glyph's edge outwards by up to a device pixel


def edge_inset(fitted: Fitted, margin: float) -> float:
    """How much lower the first line of `fitted` must sit, below a box `margin` inside the cell's edge, so
    that its tallest glyph keeps SAFE_EDGE from the edge."""
    if not fitted.lines:
        return 0.0
    ascent, _ = metrics(fitted.style.weight)
    rise = max(ink_top(fitted.lines[0], fitted.style.weight) - ascent, 0.0) * fitted.size
    return max(rise + SAFE_EDGE + EDGE_SLACK - margin, 0.0)


def badge_items(tag: NameTag, cell: Box, style: BadgeStyle = BADGE) -> list[Item]:
    scale = badge_scale(cell, style)
    pad = style.padding * scale
    gap = style.gap * scale
    content = cell.inset(pad)
    items: list[Item] = []
    if tag.event:
        event_style = style.event.scaled(scale, least=LEGIBLE_MINIMUM)
        event = fit(tag.event, event_style, content.width, content.height / 8)
        items += place(event, content.x, content.top - edge_inset(event, cell.top - content.top), content.width,
                       gray=style.event_gray)  # fmt: skip
        content = Box(content.x, content.y, content.width, content.height - event.height - gap / 2)
    else:
        # Stacked accents on a large first name ('Nguyễn') reach above the line: keep them off the die-cut.
        probe = fit(
            tag.first_name, style.first_name.scaled(scale), content.width, content.height * style.first_name_share
        )
        content = content.inset(0, 0, 0, edge_inset(probe, pad))
    name_style = style.first_name.scaled(scale)
    qr_cap = min(content.height, content.width * style.qr_share_max)
    code = contact_code(tag.card, qr_cap)
    wanted_qr = code.least_size

    first_name = fit(tag.first_name, name_style, content.width, content.height * style.first_name_share)
    lower_height = content.height - first_name.height - gap
    name_width = content.width
    if wanted_qr > lower_height:
        # A dense code on a small cell: let the QR code rise beside the first name rather than shrink.
        qr_size = min(wanted_qr, qr_cap)
        name_width = content.width - qr_size - gap
        first_name = fit(tag.first_name, name_style, name_width, content.height * style.first_name_share)
        lower_height = content.height - first_name.height - gap
        qr_size = max(min(qr_size, qr_cap), min(lower_height, content.width * style.qr_share))
    else:
        qr_size = max(min(lower_height, content.width * style.qr_share), wanted_qr)
    items += stack([first_name], content.x, content.top, name_width, 0)
    items.append(qr_square(code, content.right - qr_size, content.y, qr_size))

    lower_top = content.top - first_name.height - gap
    column_width = content.width - qr_size - gap
    full_style = style.full_name.scaled(scale, least=LEGIBLE_MINIMUM)
    full_name = fit(tag.full_name or "", full_style, column_width, lower_height / 2)
    subgroup_style = style.subgroup.scaled(scale, least=LEGIBLE_MINIMUM)
    subgroup = fit(tag.subgroup or "", subgroup_style, column_width, lower_height / 4)
    marks = fit(tag.marks or "", subgroup_style, column_width, lower_height / 4)
    spacing = gap / 2
    used = stack_height([full_name, subgroup, marks], spacing)
    looking_style = style.headline.scaled(scale, least=LEGIBLE_MINIMUM)
    looking_room = (lower_height - used) / 3
    looking_for = fit(tag.looking_for or "", replace(looking_style, max_lines=2), column_width, max(looking_room, 0))
    used = stack_height([full_name, subgroup, marks, looking_for], spacing)
    headline_room = lower_height - used - (spacing if used else 0)
    headline = fit(tag.headline or "", looking_style, column_width, max(headline_room, 0))
    blocks = [full_name, headline, looking_for, subgroup, marks]
    items.extend(stack(blocks, content.x, lower_top, column_width, spacing))
    return items


def labels(
    cards: Sequence[SharedCard],
    stock: Stock,
    *,
    cut: bool | None = None,
    progress: Progress | None = None,
    extras: TagExtras | None = None,
    ids: Sequence[int | None] | None = None,
) -> Pdf:
    """One badge per member, filling the stock's cells left to right, top to bottom (`extras` and `ids` as
    for tents)."""
    if stock.kind is not StockKind.BADGE:
        raise ValueError(f"{stock.name} is {stock.kind.value} stock, not badge stock")
    page_width, page_height = stock.page_size
    cells = stock.cells()
    writer = PdfWriter("Name badges", stock.page_size, subject=f"{len(cards)} badges on {stock.description}")
    writer.warn(unprintable_warnings(cards))
    draw_cuts = stock.cut_lines if cut is None else cut
    for start in range(0, len(cards), len(cells)):
        batch = cards[start : start + len(cells)]
        if draw_cuts:
            writer.draw(cut_lines(cells, page_width, page_height))
        for offset, (cell, card) in enumerate(zip(cells, batch, strict=False)):
            writer.draw(badge_items(tag_for(card, start + offset, ids, extras), cell))
        writer.next_page()
        report(progress, start + len(batch), len(cards))
    return writer.finish()
