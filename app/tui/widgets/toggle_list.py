"""A SelectionList that ticks the row Space (or Enter) was pressed on.

Textual's SelectionList toggles whichever row is highlighted when it gets round to handling the key's
OptionSelected message. When keys arrive together, as they do from a paste, key repeat or a terminal
multiplexer, the next Down has already moved the highlight by then: "Down Space Down Space" ticks the third
row twice (so not at all) instead of the second and third once each.
"""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import OptionList, SelectionList

Value = TypeVar("Value")


class ToggleList(SelectionList[Value]):
    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        event.prevent_default()  # SelectionList's own handler would toggle the highlighted row as well
        self.toggle(self.get_option_at_index(event.option_index))
