"""The meeting's seating settings as a form: rounds, table sizes, a table count, the room's real
tables, how sub-groups sit, and whether colleagues are kept apart. Returns the settings; the seating
screen saves them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from pydantic import ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.validation import Integer
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from sessions.models import (
    Meeting,
    SeatingSettings,
    SubgroupMode,
    describe_validation_error,
    limits,
    parse_room,
    room_text,
)


@dataclass(frozen=True)
class NumberField:
    key: str  # the SeatingSettings field
    label: str
    low: int
    high: int
    blank: str = ""  # what an empty box means; empty means the field is required


NUMBER_FIELDS: tuple[NumberField, ...] = (
    NumberField("rounds", "Rounds", 1, limits.ROUNDS_MAX),
    NumberField("min_size", "Fewest a table", limits.TABLE_SIZE_MIN, limits.TABLE_SIZE_MAX),
    NumberField("max_size", "Most a table", limits.TABLE_SIZE_MIN, limits.TABLE_SIZE_MAX),
    NumberField("tables", "Tables", 1, limits.TABLES_MAX, blank="auto"),
)


class SeatingSettingsForm(ModalScreen[SeatingSettings | None]):
    """Edit the settings the next plan (and changes during the meeting) follow."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="seating_settings.cancel", tooltip="close without saving"),
        Binding("ctrl+s", "save", "Save", id="seating_settings.save", tooltip="save the settings"),
    ]

    def __init__(self, settings: SeatingSettings, meeting: Meeting) -> None:
        super().__init__()
        self._settings = settings
        self._meeting = meeting
        self._sizes = settings.table_sizes(meeting.table_min, meeting.table_max)

    def _shown(self, field: NumberField) -> str:
        if field.key == "min_size":
            return str(self._sizes[0])
        if field.key == "max_size":
            return str(self._sizes[1])
        value = getattr(self._settings, field.key)
        return "" if value is None else str(value)

    def compose(self) -> ComposeResult:
        with Vertical(id="seating-settings"):
            yield Label(f"Seating settings · {self._meeting.label}", id="seating-settings-title", markup=False)
            for field in NUMBER_FIELDS:
                with Horizontal(classes="seating-settings-row"):
                    yield Label(field.label, classes="seating-settings-label")
                    yield Input(
                        self._shown(field),
                        placeholder=field.blank,
                        type="integer",
                        validators=[Integer(field.low, field.high, failure_description=f"{field.low} to {field.high}")],
                        valid_empty=bool(field.blank),
                        compact=True,
                        id=f"seating-settings-{field.key}",
                    )
                    hint = f"{field.low}-{field.high}" + ("; blank: fits the turnout" if field.blank else "")
                    yield Static(hint, classes="seating-settings-range")
            with Horizontal(classes="seating-settings-row -above-hint"):
                yield Label("Room", classes="seating-settings-label")
                yield Input(
                    room_text(self._settings.room),
                    placeholder="any tables",
                    compact=True,
                    id="seating-settings-room",
                )
            yield Static(
                "The room's tables as NAME:CHAIRS, like 1-10:8, Bar A:6. Blank: as many tables as the sizes need.",
                id="seating-settings-room-hint",
            )
            with Horizontal(classes="seating-settings-row -tall"):
                yield Label("Sub-groups", classes="seating-settings-label")
                with RadioSet(id="seating-settings-mode"):
                    mix = self._settings.mode is SubgroupMode.MIX
                    yield RadioButton("mixed over the tables", value=mix, id="seating-settings-mix")
                    yield RadioButton("together at their own tables", value=not mix, id="seating-settings-cluster")
            yield Checkbox(
                "keep people who share a current employer at different tables",
                self._settings.apart_same_employer,
                id="seating-settings-apart-same-employer",
            )
            yield Static("", id="seating-settings-problems")
            with Horizontal(id="seating-settings-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="seating-settings-save")
                yield Button("Cancel (esc)", id="seating-settings-cancel")

    def on_mount(self) -> None:
        self.query_one("#seating-settings-rounds", Input).focus()

    def _problem(self, text: str) -> None:
        problems = self.query_one("#seating-settings-problems", Static)
        problems.update(Text(text))
        problems.set_class(bool(text), "-shown")

    def _read(self) -> SeatingSettings | None:
        values: dict[str, int | None] = {}
        for field in NUMBER_FIELDS:
            box = self.query_one(f"#seating-settings-{field.key}", Input)
            text = box.value.strip()
            result = box.validate(box.value)
            if (not text and not field.blank) or (result is not None and not result.is_valid):
                self._problem(f"{field.label}: a whole number from {field.low} to {field.high}")
                box.focus()
                return None
            values[field.key] = int(text) if text else None
        low, high = values["min_size"], values["max_size"]
        if low is not None and high is not None and low > high:
            self._problem(f"Fewest a table ({low}) is more than most a table ({high})")
            self.query_one("#seating-settings-min_size", Input).focus()
            return None
        # Sizes equal to the meeting's own are left to follow the meeting.
        if values["min_size"] == self._meeting.table_min and values["max_size"] == self._meeting.table_max:
            values["min_size"] = values["max_size"] = None
        room_box = self.query_one("#seating-settings-room", Input)
        try:
            room = parse_room(room_box.value)
        except ValueError as exc:
            self._problem(f"Room: {exc}")
            room_box.focus()
            return None
        if room and values["tables"] is not None and values["tables"] > len(room):
            self._problem(f"Tables: {values['tables']} asked for, but the room has {len(room)}")
            self.query_one("#seating-settings-tables", Input).focus()
            return None
        cluster = self.query_one("#seating-settings-cluster", RadioButton).value
        try:
            return self._settings.model_validate(
                {
                    **self._settings.model_dump(),
                    **values,
                    "room": room,
                    "mode": SubgroupMode.CLUSTER if cluster else SubgroupMode.MIX,
                    "apart_same_employer": self.query_one("#seating-settings-apart-same-employer", Checkbox).value,
                }
            )
        except ValidationError as exc:
            self._problem(describe_validation_error(exc))
            return None

    def action_save(self) -> None:
        settings = self._read()
        if settings is not None:
            self.dismiss(settings)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#seating-settings-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#seating-settings-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Input.Changed)
    def _edited(self) -> None:
        self._problem("")
