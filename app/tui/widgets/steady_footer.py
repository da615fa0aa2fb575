"""A footer that rebuilds its keys only when the keys it shows change.

Textual's Footer recomposes on every focus change, because focus may change the keys in force. Rebuilding
about fifty keys costs some 60 ms on a modest laptop, paid on every area switch, every round shown and
every card focused at the seating screen; most such changes leave the footer exactly as it was.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, str, bool, bool, str], ...]


def shown_keys(screen: Screen[object]) -> Shown:
    """What the footer would draw for `screen`: each shown key's key, action, words, group and state."""
    return tuple(
        (
            key,
            binding.action,
            binding.description,
            binding.group.description if binding.group else "",
            binding.group.compact if binding.group else False,
            enabled,
            tooltip,
        )
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show
    )


class SteadyFooter(Footer):
    """Footer that skips a rebuild when nothing it shows would change."""

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen is self.screen and self._shown is not None and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)

    def compose(self) -> ComposeResult:
        # Remembered only for a drawing with the keys in it (Footer draws nothing before they are ready).
        self._shown = shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()
