"""CSV as spreadsheets want it: UTF-8 with a BOM, CRLF, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection, Iterable, Sequence

import phonenumbers

BOM = "\ufeff"  # without it Excel reads UTF-8 as the local code page and garbles accents
# A spreadsheet treats a cell starting with one of these as a formula; attendees typed this text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_FIRST = frozenset(FORMULA_STARTS)
MULTI_VALUE = " ::: "  # Google Contacts' separator for several values in one cell
# An international number as people type it: a plus, digits and the usual separators, nothing else
# (phonenumbers would otherwise find a number inside any text, even a formula).
_TYPED_PHONE = re.compile(r"\+[\d\s().\-/]+")


def neutralise(cell: str) -> str:
    """Prefix a formula-looking cell with an apostrophe so it is shown as text, never evaluated."""
    return "'" + cell if cell[:1] in _FORMULA_FIRST else cell


def phone_cell(value: str) -> str:
    """A phone for an address book's CSV: a valid number without extension in E.164 form
    ('+12145550108'), bare, since address books keep a neutralising apostrophe as part of the number;
    a spreadsheet reads that form as a number and nothing else. Anything else is neutralised."""
    if not _TYPED_PHONE.fullmatch(value):
        return neutralise(value)
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return neutralise(value)
    if not phonenumbers.is_valid_number(number) or number.extension:
        return neutralise(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def csv_bytes(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    quote_all: bool = False,
    phone_columns: Collection[str] = (),
) -> bytes:
    """The whole CSV document, header first, every data cell neutralised; cells in `phone_columns`
    go through phone_cell instead."""
    phones = {index for index, name in enumerate(header) if name in phone_columns}
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerow(header)
    if phones:
        writer.writerows(
            [phone_cell(cell) if index in phones else neutralise(cell) for index, cell in enumerate(row)]
            for row in rows
        )
    else:
        writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def joined(values: Iterable[str], separator: str = "; ") -> str:
    return separator.join(value for value in values if value)
