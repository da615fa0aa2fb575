"""Records of CSV text, one per spreadsheet row, with stray quotes read as written.

A quoted cell may hold line breaks. But a quote that opens a cell swallowing whole rows below (`Un,"Balanced,...`),
or one never closed, would silently merge those rows into one person's name: that row is read as written instead,
quote and all, reading goes on with the line below, and the caller is told where.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportFileError


class _Lines:
    """The file's lines for csv.reader, with the place reached, so reading can go back to a line."""

    def __init__(self, items: list[str]) -> None:
        self.items = items
        self.position = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self.position >= len(self.items):
            raise StopIteration
        self.position += 1
        return self.items[self.position - 1]


@dataclass(frozen=True)
class RunOn:
    """A quote that opened a cell running on over lines that look like rows of their own."""

    record: int  # index of the record it was in
    cell: int  # index of the cell holding the quote
    lines: int  # how many lines below it the cell would have taken


def read_records(path: Path, text: str, delimiter: str, width: int) -> tuple[list[list[str]], list[RunOn]]:
    """The records of `text`; `width` is how many cells a row usually has."""
    lines = _Lines(list(io.StringIO(text, newline="")))
    records: list[list[str]] = []
    run_ons: list[RunOn] = []
    reader = csv.reader(lines, delimiter=delimiter)
    first = 0  # the line the record at hand starts on
    try:
        while (record := next(reader, None)) is not None:
            at_end = lines.position == len(lines.items)
            cell = _run_on_cell(record, lines.items[first], delimiter, width, at_end=at_end)
            if cell is not None:
                run_ons.append(RunOn(len(records), cell, lines.position - first - 1))
                record = _as_written(lines.items[first], delimiter)
                lines.position = first + 1  # read on from the line below, as if the quote were not there
                reader = csv.reader(lines, delimiter=delimiter)
            records.append(record)
            first = lines.position
    except csv.Error as exc:
        row = len(records) + 1
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a cell is longer than {csv.field_size_limit():,} characters"
        raise ImportFileError(f"{path.name}, row {row}: cannot be read as CSV ({problem})") from None
    return records, run_ons


def _run_on_cell(record: list[str], first_line: str, delimiter: str, width: int, *, at_end: bool) -> int | None:
    """The cell a stray quote ran on with, if any: the record's first line holds a whole row as written, and so
    does a line inside the cell (the last one with the cells after it), as if the quote had swallowed it; or the
    quote is never closed before the end of the file.

    A genuine cell over several lines (an address, a comment) starts on a line cut short by its opening quote.
    """
    needed = max(1, width - 1)
    if first_line.count(delimiter) < needed:
        return None
    if at_end and record and record[-1].endswith(("\n", "\r")):
        return len(record) - 1
    for position, cell in enumerate(record):
        inner = cell.splitlines()[1:]
        if not inner:
            continue
        after = len(record) - position - 1  # cells after this one continue its last line
        if any(line.count(delimiter) >= needed for line in inner[:-1]) or inner[-1].count(delimiter) + after >= needed:
            return position
    return None


def _as_written(line: str, delimiter: str) -> list[str]:
    """One line split at every delimiter, quotes kept as the characters they are."""
    return next(csv.reader([line.rstrip("\r\n")], delimiter=delimiter, quoting=csv.QUOTE_NONE), [])
