"""The room's real tables: the name on each (the sign on it, "Window 2") and how many chairs it has.

A facilitator writes a room the way they would say it: `1-10:8, Bar A:6, Bar B:6` is tables 1 to 10
with 8 chairs each and two bar tables of 6. `parse_room` reads that, naming the entry at fault, and
`room_text` writes a room back the same way, so what the form shows is what it reads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from . import limits
from .errors import describe_validation_error

ENTRY_SEPARATOR = ","
CHAIRS_SEPARATOR = ":"
_RANGE = re.compile(r"(\d+)\s*-\s*(\d+)")
_CHAIRS = re.compile(r"[0-9]+")
# A table name that is a plain number, as a range writes it ("7", not "07" or "²"): these join ranges.
_NUMBER = re.compile(r"0|[1-9][0-9]*")


class PhysicalTable(BaseModel):
    """A real table in the room: the name printed on it and how many chairs it has."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # No commas: a room is written as a comma-separated list of tables.
    name: str = Field(min_length=1, max_length=limits.TABLE_NAME_MAX, pattern=r"^[^,]+$")
    capacity: int = Field(ge=limits.TABLE_SIZE_MIN, le=limits.TABLE_SIZE_MAX)


def duplicate_name(room: Iterable[PhysicalTable]) -> str | None:
    """The first table name used twice (ignoring case), or None."""
    seen: set[str] = set()
    for table in room:
        key = table.name.casefold()
        if key in seen:
            return table.name
        seen.add(key)
    return None


def room_problem(room: tuple[PhysicalTable, ...], tables: int | None) -> str | None:
    """Why `room` cannot hold a plan of `tables` tables (None: as many as needed), or None if it can.
    The settings and the engine's table policy both check it."""
    twice = duplicate_name(room)
    if twice is not None:
        return f"the room lists table {twice!r} twice"
    if room and tables is not None and tables > len(room):
        return f"{tables} tables asked for, but the room has {len(room)}"
    return None


def _table(name: str, chairs: int, entry: str) -> PhysicalTable:
    try:
        return PhysicalTable(name=name, capacity=chairs)
    except ValidationError as exc:
        raise ValueError(f"{entry!r}: {describe_validation_error(exc)}") from exc


def _entry(entry: str) -> list[PhysicalTable]:
    raw_name, colon, chairs_text = entry.rpartition(CHAIRS_SEPARATOR)
    name, chairs_text = " ".join(raw_name.split()), chairs_text.strip()
    if not colon or not name or not chairs_text:
        raise ValueError(f"{entry!r}: write a table as NAME:CHAIRS, like 'Window 2:8' or '1-10:8'")
    if not _CHAIRS.fullmatch(chairs_text):
        raise ValueError(f"{entry!r}: the number of chairs, {chairs_text!r}, is not a whole number")
    chairs = int(chairs_text)
    numbered = _RANGE.fullmatch(name)
    if numbered is None:
        return [_table(name, chairs, entry)]
    first, last = int(numbered[1]), int(numbered[2])
    if first > last:
        raise ValueError(f"{entry!r}: the tables run from {first} down to {last}; write {last}-{first}")
    if last - first + 1 > limits.TABLES_MAX:
        raise ValueError(f"{entry!r}: more than {limits.TABLES_MAX} tables")
    return [_table(str(number), chairs, entry) for number in range(first, last + 1)]


def parse_room(text: str) -> tuple[PhysicalTable, ...]:
    """`1-10:8, Bar A:6` -> tables 1..10 of 8 chairs and 'Bar A' of 6. Blank text is no room (any tables).
    ValueError names the entry at fault."""
    tables: list[PhysicalTable] = []
    for entry in text.split(ENTRY_SEPARATOR):
        if entry.strip():
            tables.extend(_entry(entry.strip()))
    if len(tables) > limits.TABLES_MAX:
        raise ValueError(f"the room has {len(tables)} tables; at most {limits.TABLES_MAX}")
    twice = duplicate_name(tables)
    if twice is not None:
        raise ValueError(f"table {twice!r} is listed twice")
    return tuple(tables)


def room_text(room: Iterable[PhysicalTable]) -> str:
    """The room as `parse_room` reads it, with runs of numbered tables of one size written as a range."""
    parts: list[str] = []
    run: list[PhysicalTable] = []

    def close_run() -> None:
        if run:
            name = run[0].name if len(run) == 1 else f"{run[0].name}-{run[-1].name}"
            parts.append(f"{name}{CHAIRS_SEPARATOR}{run[0].capacity}")
            run.clear()

    for table in room:
        numbered = _NUMBER.fullmatch(table.name) is not None
        follows = numbered and run and table.capacity == run[-1].capacity and int(table.name) == int(run[-1].name) + 1
        if not follows:
            close_run()
        if numbered:
            run.append(table)
        else:
            parts.append(f"{table.name}{CHAIRS_SEPARATOR}{table.capacity}")
    close_run()
    return f"{ENTRY_SEPARATOR} ".join(parts)


def room_summary(room: tuple[PhysicalTable, ...]) -> str:
    """'a room of 12 tables, 92 chairs'."""
    chairs = sum(table.capacity for table in room)
    return f"a room of {len(room)} table{'s' if len(room) != 1 else ''}, {chairs} chairs"
