"""The seating rules of a meeting: who is kept apart or together, every meeting or this one only.
Rules are added and deleted here at once; closing says whether anything changed."""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from app.tui.widgets.member_picker import MemberPicker, Pickable
from app.tui.widgets.rules_table import RulesTable
from sessions.checkin import status_of
from sessions.errors import TablesessionError
from sessions.models import Meeting, RuleKind, describe_validation_error, limits
from sessions.seating.rules import add_rule, rule_text, scope_text
from sessions.store import Store

NOT_REGISTERED = "not registered"  # shown beside group members who are not on this meeting's roster

HELP = "A rule waits until its people are checked in. Space or enter picks; del deletes a rule."


class SeatingRulesDialog(ModalScreen[bool]):
    """Lists the meeting's rules; adds one for the members picked; deletes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close", id="seating_rules.close", tooltip="back to the seating plan"),
        Binding("ctrl+s", "add", "Add rule", id="seating_rules.add", tooltip="add the rule for the people picked"),
        Binding(
            "delete", "delete", "Delete rule", id="seating_rules.delete", tooltip="delete the rule highlighted above"
        ),
    ]

    def __init__(self, store: Store, meeting: Meeting) -> None:
        super().__init__()
        self._store = store
        self._meeting = meeting
        self._meeting_id = meeting.id or 0
        self.changed = False
        self._names: dict[int, str] = {}  # everyone the listed rules name, registered here or not

    def compose(self) -> ComposeResult:
        # The meeting's people first, then the rest of the group: a standing rule (a couple kept
        # apart) is often set for people who have not registered this week.
        roster = self._store.attendance.roster(self._meeting_id)
        people = [Pickable(member, status_of(attendance).value) for member, attendance in roster]
        listed = {p.member_id for p in people}
        others = sorted((m for m in self._store.members.all() if m.id not in listed), key=lambda m: m.sort_key)
        people += [Pickable(member, NOT_REGISTERED) for member in others]
        with Vertical(id="seating-rules"):
            yield Label(f"Seating rules · {self._meeting.label}", id="seating-rules-title", markup=False)
            with VerticalScroll(id="seating-rules-body"):
                yield RulesTable(id="seating-rules-table")
                yield Static("", id="seating-rules-none")
                yield Label("Add a rule: pick people below", classes="seating-rules-heading")
                with Horizontal(id="seating-rules-kind-row"):
                    with RadioSet(id="seating-rules-kind"):
                        yield RadioButton("keep apart (2 people)", value=True, id="seating-rules-apart")
                        yield RadioButton("keep together (2 or more)", id="seating-rules-together")
                    yield Checkbox("every meeting", id="seating-rules-standing")
                yield MemberPicker(people, id="seating-rules-picker")
                with Horizontal(id="seating-rules-note-row"):
                    yield Label("Note", id="seating-rules-note-label")
                    yield Input(
                        placeholder="optional: why, e.g. married, newcomer's buddy",
                        max_length=limits.SHORT_TEXT_MAX,
                        compact=True,
                        id="seating-rules-note",
                    )
            yield Static("", id="seating-rules-message")
            with Horizontal(id="seating-rules-buttons"):
                yield Static(HELP, id="seating-rules-help")
                yield Button("Add rule (ctrl+s)", variant="primary", id="seating-rules-add")
                yield Button("Close (esc)", id="seating-rules-close")

    def on_mount(self) -> None:
        self._refresh_rules()
        self.query_one(MemberPicker).search.focus()

    def _refresh_rules(self) -> None:
        rules = self._store.seating_rules.for_meeting(self._meeting_id)
        present = self._store.attendance.present_ids(self._meeting_id)
        members = self._store.members.get_many({m for rule in rules for m in rule.member_ids})
        self._names = {member_id: member.full_name for member_id, member in members.items()}
        table = self.query_one(RulesTable)
        table.show(rules, self._names, present, self._meeting)
        table.display = bool(rules)
        none = self.query_one("#seating-rules-none", Static)
        none.update("No rules yet." if not rules else "Shift+tab up to a rule and press delete to remove it.")

    def _say(self, text: str, *, problem: bool = False) -> None:
        message = self.query_one("#seating-rules-message", Static)
        message.update(Text(text))
        message.set_class(problem, "-problem")

    @property
    def kind(self) -> RuleKind:
        together = self.query_one("#seating-rules-together", RadioButton).value
        return RuleKind.TOGETHER if together else RuleKind.APART

    def action_add(self) -> None:
        picker = self.query_one(MemberPicker)
        picked = list(picker.picked)
        kind = self.kind
        if kind is RuleKind.APART and len(picked) != 2:
            self._say(f"Keep apart is for exactly two people: pick two ({len(picked)} picked).", problem=True)
            return
        if len(picked) < 2:
            self._say(f"Keep together needs at least two people ({len(picked)} picked).", problem=True)
            return
        standing = self.query_one("#seating-rules-standing", Checkbox).value
        note = self.query_one("#seating-rules-note", Input).value
        try:
            rule = add_rule(self._store, self._meeting, kind, picked, standing=standing, note=note)
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        except ValidationError as exc:
            self._say(describe_validation_error(exc), problem=True)
            return
        self.changed = True
        picker.clear()
        self.query_one("#seating-rules-note", Input).value = ""
        self._refresh_rules()
        self._say(f"Added: {rule_text(rule, picker.name_of)}, {scope_text(rule, self._meeting)}.")
        picker.search.focus()

    def action_delete(self) -> None:
        table = self.query_one(RulesTable)
        rule_id = table.highlighted_rule
        if not table.has_focus or rule_id is None:
            self._say("Tab to the rule in the list above, then press delete.", problem=True)
            return
        rule = self._store.seating_rules.remove(rule_id)
        names = dict(self._names)
        self.changed = True
        self._refresh_rules()
        self._say(
            f"Deleted: {rule_text(rule, lambda m: names.get(m, f'member {m}'))}, {scope_text(rule, self._meeting)}."
        )
        if table.row_count:
            table.focus()
        else:
            self.query_one(MemberPicker).search.focus()

    def action_close(self) -> None:
        self.dismiss(self.changed)

    @on(Button.Pressed, "#seating-rules-add")
    def _add_pressed(self) -> None:
        self.action_add()

    @on(Button.Pressed, "#seating-rules-close")
    def _close_pressed(self) -> None:
        self.action_close()

    @on(MemberPicker.PicksChanged)
    def _picks_changed(self) -> None:
        self._say("")
