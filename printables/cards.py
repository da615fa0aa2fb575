"""Business cards for members who have none: name, headline, role, the contact details they chose for their own
cards, and a QR code.

A member's cards fill whole sheets (ten to a sheet on the supported stock), ready to hand out.
"""

from __future__ import annotations

from collections.abc import Sequence

from sessions.models import SharedCard

from .content import DEFAULT_REGION, contact_code, contact_lines, role_line, seeking_line, unprintable_warnings
from .geometry import Box
from .layout import Progress, cut_lines, qr_square, report, stack, stack_height
from .pdf import Item, Pdf, PdfWriter
from .stock import Stock, StockKind
from .styles import CARD, LEGIBLE_MINIMUM, CardStyle
from .text import fit


def card_items(card: SharedCard, cell: Box, style: CardStyle = CARD, region: str = DEFAULT_REGION) -> list[Item]:
    """Name, headline and what they seek on the left, the QR code on the right, contact details at the
    foot of the column. A contact detail too long for the column at its floor size (a long web address)
    takes the card's whole width below the QR code instead, rather than being cut."""
    scale = min(cell.width / style.reference_width, cell.height / style.reference_height)
    pad = style.padding * scale
    gap = style.gap * scale
    content = cell.inset(pad)
    qr_cap = min(content.height, content.width * style.qr_share_max)
    code = contact_code(card, qr_cap)
    qr_size = min(qr_cap, max(content.width * style.qr_share, code.least_size))

    contact_style = style.contact.scaled(scale, least=LEGIBLE_MINIMUM)
    column_width = content.width - qr_size - gap
    details = contact_lines(card, region)
    contacts = [fit(line, contact_style, column_width, content.height, atomic=True) for line in details]
    full_width = any(block.size < contact_style.floor_size - 1e-6 for block in contacts)
    if full_width:
        contacts = [fit(line, contact_style, content.width, content.height, atomic=True) for line in details]
    contact_height = stack_height(contacts, 0)
    items: list[Item] = []
    if full_width:
        items.extend(stack(contacts, content.x, content.y + contact_height, content.width, 0))
        upper = Box(content.x, content.y + contact_height + gap, content.width, content.height - contact_height - gap)
        code = contact_code(card, min(qr_size, upper.height))
        qr_size = min(qr_size, upper.height)
        column = Box(upper.x, upper.y, upper.width - qr_size - gap, upper.height)
        items.append(qr_square(code, upper.right - qr_size, upper.top - qr_size, qr_size))
        room = column.height
    else:
        column = Box(content.x, content.y, column_width, content.height)
        items.extend(stack(contacts, column.x, column.y + contact_height, column.width, 0))
        qr_y = content.y + (content.height - qr_size) / 2
        items.append(qr_square(code, content.right - qr_size, qr_y, qr_size))
        room = column.height - contact_height - gap
    name = fit(card.full_name, style.name.scaled(scale), column.width, column.height / 2)
    room -= name.height + gap
    headline_style = style.headline.scaled(scale, least=LEGIBLE_MINIMUM)
    headline = fit(card.headline or "", headline_style, column.width, max(room, 0))
    room -= headline.height + (gap / 2 if headline.lines else 0)
    role = fit(role_line(card) or "", headline_style, column.width, max(room, 0))
    room -= role.height + (gap / 2 if role.lines else 0)
    seeking_style = style.seeking.scaled(scale, least=LEGIBLE_MINIMUM)
    seeking = fit(seeking_line(card) or "", seeking_style, column.width, max(room, 0))
    items.extend(stack([name, headline, role, seeking], column.x, column.top, column.width, gap / 2))
    return items


def business_cards(
    cards: Sequence[SharedCard],
    stock: Stock,
    *,
    copies: int | None = None,
    cut: bool | None = None,
    progress: Progress | None = None,
    region: str = DEFAULT_REGION,
) -> Pdf:
    """`copies` cards for each member (default: a full sheet each), member after member."""
    if stock.kind is not StockKind.CARD:
        raise ValueError(f"{stock.name} is {stock.kind.value} stock, not business card stock")
    per_member = copies or stock.per_page
    page_width, page_height = stock.page_size
    cells = stock.cells()
    writer = PdfWriter("Business cards", stock.page_size, subject=f"business cards on {stock.description}")
    writer.warn(unprintable_warnings(cards))
    draw_cuts = stock.cut_lines if cut is None else cut
    queue = [card for card in cards for _ in range(per_member)]
    for start in range(0, len(queue), len(cells)):
        if draw_cuts:
            writer.draw(cut_lines(cells, page_width, page_height))
        for cell, card in zip(cells, queue[start : start + len(cells)], strict=False):
            writer.draw(card_items(card, cell, region=region))
        writer.next_page()
        report(progress, min(start + len(cells), len(queue)) // per_member, len(cards))
    return writer.finish()
