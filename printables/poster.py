"""The door poster for self check-in: a large QR code of the attendee address and two lines saying what to do.

The address comes from the caller (the app knows the meeting's token and the laptop's address); nothing here
reads the store or names anyone.
"""

from __future__ import annotations

import dataclasses

from .geometry import Box, Paper
from .pdf import Item, Pdf, PdfWriter, QrItem
from .text import TextStyle, fit, place
from .typeface import Weight

MARGIN = 54.0  # points: three quarters of an inch
TITLE = TextStyle(60, floor=30, minimum=20, weight=Weight.BOLD)
SUBTITLE = TextStyle(20, floor=12, max_lines=2, shorten=True)
STEP = TextStyle(24, floor=14, minimum=11, max_lines=3, weight=Weight.BOLD)
ADDRESS = TextStyle(12, floor=7, minimum=6, max_lines=2)
STEPS = (
    "1. Scan the code with your phone\u2019s camera.",
    "2. Type your email or full name and confirm \u2014 or tap \u201cI\u2019m new here\u201d.",
)


def door_poster(url: str, title_line: str, paper: Paper = Paper.LETTER) -> Pdf:
    """One portrait page: "Check in here", `title_line` (group and meeting), the QR code, the steps, the URL."""
    page_width, page_height = paper.size
    content = Box(0, 0, page_width, page_height).inset(MARGIN)
    writer = PdfWriter("Self check-in poster", (page_width, page_height), subject=title_line)
    items: list[Item] = []
    top = content.top
    for text, style, gap in (("Check in here", TITLE, 6.0), (title_line, SUBTITLE, 18.0)):
        fitted = fit(text, style, content.width, style.size * 2.4)
        items += place(fitted, content.x, top, content.width, align="center")
        top -= fitted.height + gap
    steps = [fit(step, STEP, content.width, STEP.size * 3.6) for step in STEPS]
    # Both steps at one size, the smaller one's: they read as a pair.
    same = dataclasses.replace(STEP, size=min(step.size for step in steps))
    steps = [fit(step, same, content.width, STEP.size * 3.6) for step in STEPS]
    address = fit(url, ADDRESS, content.width, ADDRESS.size * 2.4)
    below = sum(step.height + 8 for step in steps) + address.height + 24
    size = min(content.width * 0.8, top - content.y - below - 12)
    items.append(QrItem(url, Box(content.x + (content.width - size) / 2, top - size, size, size)))
    top -= size + 12
    for step in steps:
        items += place(step, content.x, top, content.width, align="center")
        top -= step.height + 8
    items += place(address, content.x, top - 16, content.width, align="center", gray=0.35)
    writer.draw(items)
    return writer.finish()
