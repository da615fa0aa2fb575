"""`tablesession clock --follow`: a second terminal (on the projector) showing the room's clock."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import Clock

from .screens.projector import ProjectorScreen


class ProjectorApp(App[None]):
    TITLE = "tablesession clock"
    ENABLE_COMMAND_PALETTE = False  # nothing to command: the controlling app runs the clock
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="projector.quit", tooltip="close the projector view"),
    ]

    def __init__(self, store: Store, meeting: Meeting, clock: Clock, *, follow_app: bool = False) -> None:
        super().__init__()
        # follow_app: show whichever meeting the controlling app has on its clock, from `meeting` on.
        self._screen = ProjectorScreen(store, meeting, clock, follow_app=follow_app)

    def on_mount(self) -> None:
        self.push_screen(self._screen)

    @property
    def projector(self) -> ProjectorScreen:
        return self._screen
