"""Asks before the round's clock starts over: 'previous' cannot undo a reset."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ClockResetConfirm(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Reset", id="clock_reset.yes"),
        Binding("n,escape", "answer(False)", "Keep", id="clock_reset.no"),
    ]

    def __init__(self, round_number: int) -> None:
        super().__init__()
        self._round_number = round_number

    def compose(self) -> ComposeResult:
        with Vertical(id="clock-reset"):
            yield Static(f"Start round {self._round_number}'s clock over from speaker 1?", id="clock-reset-question")
            with Horizontal(id="clock-reset-buttons"):
                yield Button("Reset (y)", variant="error", id="clock-reset-yes")
                yield Button("Keep (n)", variant="primary", id="clock-reset-no")

    def on_mount(self) -> None:
        self.query_one("#clock-reset-no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "clock-reset-yes")

    def action_answer(self, reset: bool) -> None:
        self.dismiss(reset)
