"""The roster: who is registered for the meeting, who has arrived, and each person's card."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Header, Input, Static

from app.tui.topics import Topic
from app.tui.widgets.member_card import MemberCard
from app.tui.widgets.steady_footer import SteadyFooter
from sessions.errors import NotFoundError
from sessions.models import Attendance, Member

from .base import AreaScreen

COLUMNS = (
    ("name", "Name"),
    ("status", "Status"),
    ("employer", "Employer"),
    ("subgroup", "Sub-group"),
    ("tags", "Tags"),
)


def status_of(attendance: Attendance | None) -> str:
    if attendance is None:
        return "not registered"
    if attendance.no_show:
        return "no-show"
    if attendance.left_at is not None:
        return "left"
    if attendance.checked_in:
        return "walk-in" if attendance.walk_in else "checked in"
    return "registered"


def matches(member: Member, words: list[str]) -> bool:
    haystack = " ".join(
        [
            member.full_name,
            member.headline,
            *member.employers,
            *member.subgroups,
            *(t.value for t in member.tags),
        ]
    ).casefold()
    return all(word in haystack for word in words)


class RosterScreen(AreaScreen):
    """Everyone registered for the current meeting (or the whole group), with their cards."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "toggle_scope", "All members", id="roster.toggle_scope"),
        Binding("slash", "focus_filter", "Filter", id="roster.filter"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="roster.clear_filter"),
    ]

    show_all: reactive[bool] = reactive(False)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="roster-body"):
            with Vertical(id="roster-left"):
                yield Input(placeholder="Filter: name, employer, sub-group, tag  (/)", id="roster-filter")
                yield DataTable(id="roster-table", cursor_type="row", zebra_stripes=True)
                yield Static(id="roster-counts")
            yield MemberCard(id="roster-card")
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        self.session_app.data_changed.subscribe(self, self._on_data_changed)
        self.refresh_rows()
        table.focus()

    def on_screen_resume(self) -> None:
        self.refresh_rows()

    def _on_data_changed(self, topic: str) -> None:
        if topic in (Topic.MEMBERS, Topic.ATTENDANCE, Topic.MEETING, Topic.OUTSIDE):
            self.refresh_rows()

    def _rows(self) -> list[tuple[Member, Attendance | None]]:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return [(m, None) for m in self.store.members.all()]
        roster = self.store.attendance.roster(meeting.id)
        if not self.show_all:
            return list(roster)
        by_id = {member.id: attendance for member, attendance in roster}
        return [(m, by_id.get(m.id)) for m in self.store.members.all()]

    def refresh_rows(self) -> None:
        """Bring the table in line with the store, updating cells in place so the cursor stays put."""
        table = self.query_one(DataTable)
        words = self.query_one("#roster-filter", Input).value.casefold().split()
        everyone = self._rows()
        wanted = [(m, a) for m, a in everyone if matches(m, words)]
        rows = {str(m.id): self._cells(m, a) for m, a in wanted}
        current = [key.value for key in table.rows]
        kept = [key for key in current if key in rows]
        wanted_order = list(rows)
        if wanted_order[: len(kept)] != kept:
            self._rebuild(table, rows)
        else:
            # The usual case (a check-in, an edit, a filter): change rows in place, keep the cursor.
            for key in current:
                if key is not None and key not in rows:
                    table.remove_row(key)
            for key in kept:
                for (column, _), value in zip(COLUMNS, rows[key], strict=True):
                    table.update_cell(key, column, value)
            for key in wanted_order[len(kept) :]:
                table.add_row(*rows[key], key=key)
        self._update_counts(everyone, len(wanted))
        self._show_card()

    @staticmethod
    def _cells(member: Member, attendance: Attendance | None) -> tuple[Text, ...]:
        # Text, not str: a name like "Sam [Ops]" is what someone typed, not markup.
        return tuple(
            Text(value)
            for value in (
                member.full_name,
                status_of(attendance),
                member.current_employer or "",
                ", ".join(member.subgroups),
                " ".join(sorted(t.value for t in member.tags)),
            )
        )

    @staticmethod
    def _rebuild(table: DataTable[Text], rows: dict[str, tuple[Text, ...]]) -> None:
        """Start the table over in the wanted order, keeping the cursor on the same person."""
        highlighted = None
        if table.row_count:
            highlighted = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        table.clear()
        for key, cells in rows.items():
            table.add_row(*cells, key=key)
        if highlighted in rows:
            table.move_cursor(row=list(rows).index(highlighted))

    def _update_counts(self, everyone: list[tuple[Member, Attendance | None]], shown: int) -> None:
        records = [a for _, a in everyone if a is not None]
        registered = sum(1 for a in records if a.registered)
        arrived = sum(1 for a in records if a.present)
        scope = "all members" if self.show_all or self.meeting is None else "this meeting"
        self.query_one("#roster-counts", Static).update(
            f"{shown} shown ({scope})  ·  {registered} registered  ·  {arrived} checked in"
        )

    def _show_card(self) -> None:
        table = self.query_one(DataTable)
        card = self.query_one(MemberCard)
        if table.row_count == 0:
            card.member = None
            return
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        try:
            card.member = self.store.members.get(int(str(row_key.value)))
        except NotFoundError:
            # Forgotten or merged in another window a moment ago: the next redraw drops the row.
            card.member = None
            self.call_later(self.refresh_rows)

    @on(DataTable.RowHighlighted)
    def _highlighted(self) -> None:
        self._show_card()

    @on(Input.Changed, "#roster-filter")
    def _filter_changed(self) -> None:
        self.refresh_rows()

    @on(Input.Submitted, "#roster-filter")
    def _filter_submitted(self) -> None:
        self.query_one(DataTable).focus()

    def action_toggle_scope(self) -> None:
        self.show_all = not self.show_all

    def watch_show_all(self) -> None:
        if self.is_mounted:
            self.refresh_rows()

    def action_focus_filter(self) -> None:
        self.query_one("#roster-filter", Input).focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#roster-filter", Input)
        box.value = ""
        self.query_one(DataTable).focus()
