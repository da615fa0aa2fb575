"""Label and card stock, as data: page, grid, first-cell offset, pitch and cell size.

The Avery and HERMA figures are the manufacturers' published templates. The `plain` layouts are ours,
for ordinary paper and scissors, so nobody needs special stock. A stock is looked up by the name the user
types (`avery-5392`) and the kind of document; `plain` exists for every kind and both papers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from sessions.errors import TablesessionError

from .geometry import Box, Paper, inches, mm

PLAIN = "plain"


class StockKind(StrEnum):
    TENT = "tent"
    BADGE = "badge"
    CARD = "card"


@dataclass(frozen=True)
class Stock:
    name: str
    kind: StockKind
    paper: Paper
    description: str
    columns: int
    rows: int
    cell_width: float
    cell_height: float
    left: float  # from the sheet's left edge to the first cell
    top: float  # from the sheet's top edge to the first cell
    pitch_x: float  # from one cell's left edge to the next one's
    pitch_y: float
    corner_radius: float = 0.0
    landscape: bool = False
    metric: bool = False  # show sizes in mm rather than inches
    cut_lines: bool = False  # draw cut lines unless told otherwise (plain paper has no die-cut)

    @property
    def page_size(self) -> tuple[float, float]:
        return self.paper.landscape if self.landscape else self.paper.size

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def cells(self) -> list[Box]:
        """Every cell on a sheet, left to right and top to bottom (the order labels are filled)."""
        _, page_height = self.page_size
        boxes = []
        for row in range(self.rows):
            for column in range(self.columns):
                x = self.left + column * self.pitch_x
                top = page_height - self.top - row * self.pitch_y
                boxes.append(Box(x, top - self.cell_height, self.cell_width, self.cell_height))
        return boxes

    @property
    def key(self) -> tuple[StockKind, str, Paper]:
        return (self.kind, self.name, self.paper)

    def size_label(self) -> str:
        if self.metric:
            return f"{self.cell_width / mm(1):.0f} x {self.cell_height / mm(1):.0f} mm"
        return f"{self.cell_width / inches(1):g} x {self.cell_height / inches(1):.3g} in"


STOCKS: tuple[Stock, ...] = (
    Stock(PLAIN, StockKind.TENT, Paper.LETTER, "folded tent card, plain Letter landscape",
          1, 2, inches(11), inches(4.25), 0, 0, 0, inches(4.25), landscape=True),
    Stock(PLAIN, StockKind.TENT, Paper.A4, "folded tent card, plain A4 landscape",
          1, 2, mm(297), mm(105), 0, 0, 0, mm(105), landscape=True, metric=True),
    Stock(PLAIN, StockKind.BADGE, Paper.LETTER, "name badges on plain Letter (fits 4 x 3 in holders)",
          2, 3, inches(4), inches(3), inches(0.25), inches(1), inches(4), inches(3), cut_lines=True),
    Stock(PLAIN, StockKind.BADGE, Paper.A4, "name badges on plain A4",
          2, 4, mm(90), mm(65), mm(15), mm(18.5), mm(90), mm(65), metric=True, cut_lines=True),
    Stock("avery-5392", StockKind.BADGE, Paper.LETTER, "Avery 5392 name badge inserts",
          2, 3, inches(4), inches(3), inches(0.25), inches(1), inches(4), inches(3)),
    Stock("avery-5395", StockKind.BADGE, Paper.LETTER, "Avery 5395 / 8395 name badge labels",
          2, 4, inches(3.375), inches(2.3333), inches(0.6875), inches(0.5833), inches(3.75), inches(2.5),
          corner_radius=inches(0.1875)),
    Stock("avery-l4785", StockKind.BADGE, Paper.A4, "Avery L4785 name badge labels",
          2, 5, mm(80), mm(50), mm(18), mm(13), mm(95), mm(55), corner_radius=mm(4), metric=True),
    Stock("herma-4412", StockKind.BADGE, Paper.A4, "HERMA 4412 name badges",
          2, 5, mm(80), mm(50), mm(17.5), mm(13.5), mm(95), mm(55), metric=True),
    Stock(PLAIN, StockKind.CARD, Paper.LETTER, "business cards on plain Letter",
          2, 5, inches(3.5), inches(2), inches(0.75), inches(0.5), inches(3.5), inches(2), cut_lines=True),
    Stock(PLAIN, StockKind.CARD, Paper.A4, "business cards on plain A4",
          2, 5, mm(85), mm(55), mm(20), mm(11), mm(85), mm(55), metric=True, cut_lines=True),
    Stock("avery-5371", StockKind.CARD, Paper.LETTER, "Avery 5371 / 8371 business cards",
          2, 5, inches(3.5), inches(2), inches(0.75), inches(0.5), inches(3.5), inches(2)),
    Stock("avery-c32011", StockKind.CARD, Paper.A4, "Avery C32011 business cards",
          2, 5, mm(85), mm(54), mm(15), mm(13.5), mm(95), mm(54), metric=True),
)  # fmt: skip


def iter_stocks(kind: StockKind | None = None) -> Iterator[Stock]:
    return (stock for stock in STOCKS if kind is None or stock.kind is kind)


def stock_names(kind: StockKind) -> list[str]:
    seen: list[str] = []
    for stock in iter_stocks(kind):
        if stock.name not in seen:
            seen.append(stock.name)
    return seen


def find_stock(kind: StockKind, name: str, paper: Paper | None = None) -> Stock:
    """The stock called `name` for this kind of document.

    `paper` picks the plain layout; for a manufacturer's stock it must agree with the sheet size, or be None.
    """
    wanted = name.strip().lower()
    matches = [stock for stock in iter_stocks(kind) if stock.name == wanted]
    if not matches:
        known = ", ".join(stock_names(kind))
        other = [s for s in STOCKS if s.name == wanted]
        hint = f" ({wanted} is {other[0].kind.value} stock)" if other else ""
        raise TablesessionError(f"--stock {name}: not a {kind.value} stock{hint}; choose one of {known}")
    if paper is None:
        return matches[0] if len(matches) == 1 else next(s for s in matches if s.paper is Paper.LETTER)
    for stock in matches:
        if stock.paper is paper:
            return stock
    raise TablesessionError(
        f"--stock {wanted} is {matches[0].paper.label} stock; it cannot be printed on {paper.label} paper"
    )
