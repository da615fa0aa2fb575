"""The seating rules that hold at a meeting, one row per rule (keyed by rule id): who, and for how long."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from sessions.models import Meeting, SeatingRule

COLUMNS = ("rule", "keep", "who", "for", "here", "note")
WHO_WIDTH = 44  # longer lists of names end in an ellipsis; the CLI's 'rules' shows them whole
NOTE_WIDTH = 24


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class RulesTable(DataTable[Text]):
    DEFAULT_CSS = """
    RulesTable {
        height: auto;
        max-height: 8;
    }
    """

    def on_mount(self) -> None:
        self.cursor_type = "row"
        self.zebra_stripes = True
        for column in COLUMNS:
            self.add_column(column, key=column)

    def show(self, rules: list[SeatingRule], names: dict[int, str], present: set[int], meeting: Meeting) -> None:
        """Show `rules`, keeping the cursor on the same rule when it is still there."""
        highlighted = self.highlighted_rule
        self.clear()
        for rule in rules:
            who = _fit(", ".join(names.get(m, f"member {m}") for m in rule.member_ids), WHO_WIDTH)
            here = f"{len(rule.present(present))}/{len(rule.member_ids)}"
            scope = "every meeting" if rule.standing else "this meeting" if rule.meeting_id == meeting.id else "another"
            cells = (str(rule.id), rule.kind.value, who, scope, here, _fit(rule.note, NOTE_WIDTH))
            self.add_row(*(Text(cell) for cell in cells), key=str(rule.id))
        keys = [str(rule.id) for rule in rules]
        if highlighted is not None and str(highlighted) in keys:
            self.move_cursor(row=keys.index(str(highlighted)))

    @property
    def highlighted_rule(self) -> int | None:
        if not self.row_count:
            return None
        return int(str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value))
