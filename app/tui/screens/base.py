"""The base of every area screen: typed access to the app's store, clock and current meeting."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, cast

from textual import events
from textual.binding import ActiveBinding, Binding
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from sessions.models import Meeting
from sessions.store import DatabaseError, Store
from sessions.timekeeping import Clock

if TYPE_CHECKING:
    from app.tui.app import TableSessionApp


# Below this width the footer cannot show every key with its words: the area keys go first, side by side
# under one label, so moving between areas is always in view.
WIDE_FOOTER = 160
AREA_KEYS = Binding.Group("areas")
PALETTE_KEY_WIDTH = 14  # "▏^p palette" and the footer's padding


class AreaScreen(Screen[None]):
    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        bindings = super().active_bindings
        if self.size.width >= WIDE_FOOTER:
            return bindings
        areas = {
            key: active._replace(binding=dataclasses.replace(active.binding, group=AREA_KEYS))
            for key, active in bindings.items()
            if (active.binding.id or "").startswith("area.") or active.binding.id == "app.pick_meeting"
        }
        # Then the area's own keys, as many as fit whole: the rest stay in the palette (ctrl+p), never cut.
        area_width = sum(len(self.app.get_key_display(a.binding)) + 1 for a in areas.values())
        room = self.size.width - PALETTE_KEY_WIDTH - area_width - len(AREA_KEYS.description) - 2
        others: dict[str, ActiveBinding] = {}
        for key, active in bindings.items():
            if key in areas:
                continue
            if not active.binding.show:
                others[key] = active
                continue
            width = len(self.app.get_key_display(active.binding)) + len(active.binding.description) + 3
            fits = width <= room
            room -= width if fits else 0
            others[key] = active if fits else active._replace(binding=dataclasses.replace(active.binding, show=False))
        return {**areas, **others}

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_bindings()  # the footer follows the width (see active_bindings)

    def set_focus(self, widget: Widget | None, scroll_visible: bool = True, from_app_focus: bool = False) -> None:
        """Never focus a widget that is on its way out.

        `Widget.focus()` only asks for focus later. A screen that redraws twice in a row (the seating area on
        arrival) removes the first drawing while that request waits; Textual then focused the removed card, and
        every key, ctrl+q and the area keys included, went to it and was lost until something else took focus.
        """
        if widget is not None and (widget._pruning or not widget.is_attached):
            return
        super().set_focus(widget, scroll_visible=scroll_visible, from_app_focus=from_app_focus)

    async def _on_message(self, message: Message) -> None:
        """A change the group file refused (Enter at the door on a busy file...) is reported by the app's
        one handler and the screen keeps working; Textual would otherwise end the app."""
        try:
            await super()._on_message(message)
        except DatabaseError as error:
            self.session_app.report_store_failure(error)

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
