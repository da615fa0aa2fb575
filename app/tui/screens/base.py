"""The base of every area screen: typed access to the app's store, clock and current meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen

from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import Clock

if TYPE_CHECKING:
    from app.tui.app import TableSessionApp


class AreaScreen(Screen[None]):
    @property
    def session_app(self) -> TableSessionApp:
        from app.tui.app import TableSessionApp

        return cast(TableSessionApp, self.app)

    @property
    def store(self) -> Store:
        return self.session_app.store

    @property
    def clock(self) -> Clock:
        return self.session_app.clock

    @property
    def meeting(self) -> Meeting | None:
        return self.session_app.meeting
