"""Is a file's schema what the migrations made? Checked at open, before anything reads or writes.

A table or column dropped by another tool, or a JSON column holding something else, would otherwise
surface later as a traceback in whichever command touched it first. The expected tables and columns
come from running the migrations on an empty in-memory database, so the check never falls behind them.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from pathlib import Path

from .errors import DamagedSchemaError
from .schema import MIGRATIONS

_ADVICE = "it was changed outside tablesession; restore a backup"
# Columns holding JSON are the ones the migrations give a JSON default ('[]' or '{}').
_JSON_DEFAULTS = frozenset({"'[]'", "'{}'"})
_COLUMNS_SQL = (
    "SELECT m.name, c.name, c.dflt_value FROM sqlite_schema AS m JOIN pragma_table_info(m.name) AS c "
    "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, c.cid"
)

Columns = dict[str, dict[str, str | None]]  # table -> column -> its default


def _columns(connection: sqlite3.Connection) -> Columns:
    found: Columns = {}
    for table, column, default in connection.execute(_COLUMNS_SQL):
        found.setdefault(table, {})[column] = default
    return found


@functools.cache
def expected_columns(version: int) -> Columns:
    """The tables and columns a file at schema `version` has, as the migrations create them."""
    with contextlib.closing(sqlite3.connect(":memory:")) as connection:
        for migration in MIGRATIONS[:version]:
            for statement in migration:
                connection.execute(statement)
        return _columns(connection)


def _missing(expected: Columns, found: Columns) -> list[str]:
    problems: list[str] = []
    for table, columns in expected.items():
        if table not in found:
            problems.append(f"table '{table}' is missing")
            continue
        problems.extend(f"table '{table}' has no column '{column}'" for column in columns if column not in found[table])
    return problems


def _bad_json(connection: sqlite3.Connection, expected: Columns) -> str | None:
    """The first stored value in a JSON column that is not JSON, named by table, column and row."""
    for table, columns in expected.items():
        names = [name for name, default in columns.items() if default in _JSON_DEFAULTS]
        if not names:
            continue
        # One pass over the table: a few milliseconds for thousands of members.
        valid = [f'(json_valid("{name}") OR "{name}" = \'\')' for name in names]
        sql = f'SELECT rowid, {", ".join(valid)} FROM "{table}" WHERE NOT ({" AND ".join(valid)}) LIMIT 1'
        row = connection.execute(sql).fetchone()
        if row is not None:
            column = next(name for name, ok in zip(names, row[1:], strict=True) if not ok)
            return f"table '{table}', row {row[0]}, column '{column}' does not hold valid JSON"
    return None


def check_schema(path: Path, connection: sqlite3.Connection, version: int, *, has_tables: bool) -> None:
    """Raise DamagedSchemaError naming what is wrong, reading only."""
    if version == 0:
        if has_tables:
            raise DamagedSchemaError(path, f"says schema version 0 but already holds tables; {_ADVICE}")
        return
    expected = expected_columns(version)
    problems = _missing(expected, _columns(connection))
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise DamagedSchemaError(path, f"{problems[0]}{more}; {_ADVICE}")
    bad = _bad_json(connection, expected)
    if bad is not None:
        raise DamagedSchemaError(path, f"{bad}; {_ADVICE}")
