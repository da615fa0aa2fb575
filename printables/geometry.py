"""Points, boxes and paper. PDF units are points (1/72 inch) with y growing upwards."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

INCH = 72.0
MM = 72.0 / 25.4


def inches(value: float) -> float:
    return value * INCH


def mm(value: float) -> float:
    return value * MM


@dataclass(frozen=True)
class Box:
    """A rectangle: (x, y) is the lower-left corner."""

    x: float
    y: float
    width: float
    height: float

    @property
    def top(self) -> float:
        return self.y + self.height

    @property
    def right(self) -> float:
        return self.x + self.width

    def inset(
        self, left: float, bottom: float | None = None, right: float | None = None, top: float | None = None
    ) -> Box:
        """The box shrunk by margins (one value means all four sides)."""
        bottom = left if bottom is None else bottom
        right = left if right is None else right
        top = bottom if top is None else top
        return Box(self.x + left, self.y + bottom, self.width - left - right, self.height - bottom - top)

    def contains(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            other.x >= self.x - tolerance
            and other.y >= self.y - tolerance
            and other.right <= self.right + tolerance
            and other.top <= self.top + tolerance
        )

    def intersect(self, other: Box) -> Box:
        x, y = max(self.x, other.x), max(self.y, other.y)
        right, top = min(self.right, other.right), min(self.top, other.top)
        return Box(x, y, max(right - x, 0), max(top - y, 0))

    def overlaps(self, other: Box, tolerance: float = 0.01) -> bool:
        return (
            other.x < self.right - tolerance
            and self.x < other.right - tolerance
            and other.y < self.top - tolerance
            and self.y < other.top - tolerance
        )


class Paper(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in portrait."""
        return PAPER_SIZES[self]

    @property
    def landscape(self) -> tuple[float, float]:
        width, height = PAPER_SIZES[self]
        return height, width

    @property
    def label(self) -> str:
        return "Letter" if self is Paper.LETTER else "A4"


PAPER_SIZES: dict[Paper, tuple[float, float]] = {
    Paper.LETTER: (inches(8.5), inches(11)),
    Paper.A4: (mm(210), mm(297)),
}

# Most office printers cannot put ink closer than about a quarter inch to the edge of the sheet.
PRINTER_MARGIN = inches(0.25)


def printable_area(page_width: float, page_height: float) -> Box:
    return Box(0, 0, page_width, page_height).inset(PRINTER_MARGIN)
