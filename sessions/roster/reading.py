"""Reading a registration export into rows of text: encoding, delimiter, preamble and header.

Nothing here knows what the columns mean; that is the mapping's job.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ImportFileError

MAX_FILE_BYTES = 50 * 1024 * 1024  # a registration export is kilobytes; this is something else
SNIFF_RECORDS = 10
DELIMITERS = (",", ";", "\t")
_BINARY_CONTROL_SHARE = 0.01  # more control characters than this and the "text" is really binary

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", "a spreadsheet workbook or zip archive (.xlsx, .ods)"),
    (b"\xd0\xcf\x11\xe0", "an old-style Excel workbook (.xls)"),
    (b"%PDF", "a PDF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
)


@dataclass(frozen=True)
class SourceRow:
    """One row of the file. `number` is the row as a spreadsheet shows it (the header row is 1)."""

    number: int
    values: tuple[str, ...]


@dataclass
class SourceTable:
    path: Path
    encoding: str
    headers: list[str]
    header_row: int
    rows: list[SourceRow]
    notes: list[str] = field(default_factory=list)  # things worth telling the user about the file itself

    @property
    def name(self) -> str:
        return self.path.name


def read_table(path: Path) -> SourceTable:
    """Read `path` as a CSV export, or raise ImportFileError saying what is wrong with it."""
    raw = _read_bytes(path)
    text, encoding, notes = _decode(path, raw)
    if not text.strip():
        raise ImportFileError(f"{path.name}: the file is empty; export the attendee list again")
    _refuse_binary_text(path, text)
    delimiter = _pick_delimiter(text)
    records = _records(path, text, delimiter)
    header_index = next((i for i, record in enumerate(records) if sum(1 for c in record if c.strip()) >= 2), None)
    if header_index is None:
        raise ImportFileError(
            f"{path.name}: no header row found (a row of column titles such as 'First Name,Last Name,Email')"
        )
    if header_index:
        notes.append(f"skipped {header_index} line(s) above the column titles (row {header_index + 1})")
    headers = _headers(records[header_index], notes)
    width = len(headers)
    rows: list[SourceRow] = []
    for index in range(header_index + 1, len(records)):
        record = records[index]
        if not any(cell.strip() for cell in record):
            continue
        number = index + 1
        if len(record) > width and any(cell.strip() for cell in record[width:]):
            notes.append(f"row {number}: {len(record) - width} cell(s) beyond the last column title were ignored")
        cells = tuple(record[:width]) + ("",) * max(0, width - len(record))
        rows.append(SourceRow(number=number, values=cells))
    return SourceTable(
        path=path, encoding=encoding, headers=headers, header_row=header_index + 1, rows=rows, notes=notes
    )


def _read_bytes(path: Path) -> bytes:
    try:
        if path.is_dir():
            raise ImportFileError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportFileError(f"{path.name}: {size // (1024 * 1024)} MB is far too big for a registration export")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except PermissionError:
        raise ImportFileError(f"{path}: permission denied") from None
    except OSError as exc:
        raise ImportFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not raw:
        raise ImportFileError(f"{path.name}: the file is empty; export the attendee list again")
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            raise ImportFileError(
                f"{path.name}: this is {kind}, not a CSV file; open it and save as 'CSV UTF-8 (comma delimited)', "
                "then import that"
            )
    return raw


def _decode(path: Path, raw: bytes) -> tuple[str, str, list[str]]:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode Text" export: UTF-16 with a byte-order mark, usually tab-separated.
        try:
            return raw.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError:
            raise ImportFileError(f"{path.name}: starts like UTF-16 text but cannot be read as it") from None
    if b"\x00" in raw[:4096]:
        raise ImportFileError(f"{path.name}: this is a binary file, not a CSV export")
    try:
        return raw.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        where = f"line {line}"
    for encoding, label in (("cp1252", "Windows-1252 (cp1252)"), ("latin-1", "Latin-1")):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        note = (
            f"{path.name} is not UTF-8 (first odd byte on {where}); read it as {label}. "
            "Check accented names, or export the file again as UTF-8"
        )
        return text, encoding, [note]
    raise ImportFileError(f"{path.name}: unknown text encoding")  # pragma: no cover (latin-1 reads any byte)


def _refuse_binary_text(path: Path, text: str) -> None:
    sample = text[:8192]
    control = sum(1 for ch in sample if ch not in "\t\r\n" and unicodedata.category(ch) == "Cc")
    if control > max(2, len(sample) * _BINARY_CONTROL_SHARE):
        raise ImportFileError(f"{path.name}: this is a binary file, not a CSV export")


def _pick_delimiter(text: str) -> str:
    """The delimiter that gives the widest consistent rows in the first records (comma on a tie)."""
    best, best_width = ",", 0
    for delimiter in DELIMITERS:
        reader = csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter)
        try:
            widths = [len(record) for _, record in zip(range(SNIFF_RECORDS), reader, strict=False) if record]
        except csv.Error:
            continue
        if not widths:
            continue
        common, _ = Counter(widths).most_common(1)[0]
        if common > best_width:
            best, best_width = delimiter, common
    return best


def _records(path: Path, text: str, delimiter: str) -> list[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        for record in reader:
            records.append(record)
    except csv.Error as exc:
        row = len(records) + 1
        problem = str(exc)
        if "field larger than field limit" in problem:
            problem = f"a cell is longer than {csv.field_size_limit():,} characters"
        raise ImportFileError(f"{path.name}, row {row}: cannot be read as CSV ({problem})") from None
    return records


def _headers(record: list[str], notes: list[str]) -> list[str]:
    headers: list[str] = []
    seen: Counter[str] = Counter()
    for position, cell in enumerate(record, start=1):
        title = " ".join(cell.split()) or f"(column {position})"
        seen[title.casefold()] += 1
        if seen[title.casefold()] > 1:
            renamed = f"{title} ({seen[title.casefold()]})"
            notes.append(f"two columns are titled {title!r}; the second is read as {renamed!r}")
            title = renamed
        headers.append(title)
    return headers
