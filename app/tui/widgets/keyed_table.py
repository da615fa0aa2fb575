"""Keeping a DataTable whose rows are keyed by member id in line with fresh data, in place."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual.widgets import DataTable


def sync_rows(table: DataTable[Text], rows: Mapping[str, tuple[str, ...]], columns: Sequence[str]) -> None:
    """Make `table` show `rows` (key -> cells) in that order.

    When the wanted order keeps the existing rows in place, cells are updated and rows added or
    removed around them, so the cursor stays on the same person; otherwise the table is rebuilt
    with the cursor kept on the highlighted person if they are still shown. Cells are plain text:
    a name with brackets in it is shown as typed, never read as markup.
    """
    current = [str(key.value) for key in table.rows]
    wanted = list(rows)
    kept = [key for key in current if key in rows]
    if wanted[: len(kept)] == kept:
        for key in current:
            if key not in rows:
                table.remove_row(key)
        for key in kept:
            for column, value in zip(columns, rows[key], strict=True):
                if str(table.get_cell(key, column)) != value:
                    table.update_cell(key, column, Text(value))
        for key in wanted[len(kept) :]:
            table.add_row(*(Text(cell) for cell in rows[key]), key=key)
        return
    highlighted = None
    if table.row_count:
        highlighted = str(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)
    table.clear()
    for key, cells in rows.items():
        table.add_row(*(Text(cell) for cell in cells), key=key)
    if highlighted is not None and highlighted in rows:
        table.move_cursor(row=wanted.index(highlighted))
