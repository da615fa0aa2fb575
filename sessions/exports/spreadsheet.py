"""CSV as spreadsheets want it: UTF-8 with a BOM, CRLF, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

BOM = "\ufeff"  # without it Excel reads UTF-8 as the local code page and garbles accents
# A spreadsheet treats a cell starting with one of these as a formula; attendees typed this text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
MULTI_VALUE = " ::: "  # Google Contacts' separator for several values in one cell


def neutralise(cell: str) -> str:
    """Prefix a formula-looking cell with an apostrophe so it is shown as text, never evaluated."""
    return "'" + cell if cell[:1] in _FORMULA_FIRST else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]], *, quote_all: bool = False) -> bytes:
    """The whole CSV document, header first, every data cell neutralised."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(header)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def joined(values: Iterable[str], separator: str = "; ") -> str:
    return separator.join(value for value in values if value)
