"""Blocks flowing down columns and onto new pages: the door list, the company index, the follow-up pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .geometry import Box
from .pdf import Item, PdfWriter

# Given the column's left x, top y and width: the items of a block.
Draw = Callable[[float, float, float], list[Item]]
# Given the column's left x, top y and width: heading items and their height.
ColumnHeading = Callable[[float, float, float], tuple[list[Item], float]]
# The page's own heading: items and the y where columns start.
PageHeading = Callable[[int], tuple[list[Item], float]]


@dataclass(frozen=True)
class Block:
    height: float
    draw: Draw
    keep_with_next: bool = False  # a heading is never left alone at the foot of a column


class ColumnFlow:
    def __init__(
        self,
        writer: PdfWriter,
        content: Box,
        *,
        columns: int,
        gap: float,
        page_heading: PageHeading,
        column_heading: ColumnHeading | None = None,
    ) -> None:
        self.writer = writer
        self.content = content
        self.columns = columns
        self.gap = gap
        self.width = (content.width - gap * (columns - 1)) / columns
        self.page_heading = page_heading
        self.column_heading = column_heading
        self.pages = 0
        self._items: list[Item] = []
        self._column = -1
        self._top = 0.0
        self._columns_top = 0.0
        self._pending: list[Block] = []

    @property
    def column_x(self) -> float:
        return self.content.x + self._column * (self.width + self.gap)

    def _new_page(self) -> None:
        if self._items:
            self.writer.draw(self._items)
            self.writer.next_page()
        self.pages += 1
        self._items, self._columns_top = self.page_heading(self.pages)
        self._items = list(self._items)
        self._column = -1
        self._new_column()

    def _new_column(self) -> None:
        if self._column + 1 >= self.columns:
            self._new_page()
            return
        self._column += 1
        self._top = self._columns_top
        if self.column_heading is not None:
            heading, height = self.column_heading(self.column_x, self._top, self.width)
            self._items.extend(heading)
            self._top -= height

    def _fits(self, height: float) -> bool:
        return self._top - height >= self.content.y - 0.01

    def add(self, block: Block) -> None:
        if self._column < 0:
            self._new_page()
        if block.keep_with_next:
            self._pending.append(block)
            return
        group = [*self._pending, block]
        self._pending = []
        height = sum(b.height for b in group)
        if not self._fits(height) and height <= self._column_height():
            self._new_column()
        if not self._fits(height):
            # Taller than a whole column (a very long card): it breaks between its blocks.
            for member in group:
                if not self._fits(member.height) and self._top < self._columns_top:
                    self._new_column()
                self._place(member)
            return
        for member in group:
            self._place(member)

    def _place(self, block: Block) -> None:
        self._items.extend(block.draw(self.column_x, self._top, self.width))
        self._top -= block.height

    def _column_height(self) -> float:
        return self._columns_top - self.content.y

    def finish(self) -> None:
        if self._column < 0:
            self._new_page()
        for block in self._pending:
            self._items.extend(block.draw(self.column_x, self._top, self.width))
        self._pending = []
        self.writer.draw(self._items)
        self.writer.next_page()
        self._items = []
