"""The print list ticks the row Space was pressed on, even when the next keys arrive in the same burst."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.widgets import SelectionList

from app.tui.widgets.toggle_list import ToggleList
from tests.waiting import wait_until

CHOICES = ("tents", "badges", "cards", "sheets")
BURSTS = [
    (("down", "space", "down"), ["badges"]),
    (("down", "space", "down", "space"), ["badges", "cards"]),
    (("space", "down", "down", "down"), ["tents"]),
    (("space", "space", "down"), []),
]


class ListApp(App[None]):
    def __init__(self, kind: type[SelectionList[str]]) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(*((value, value) for value in CHOICES))


async def ticked_in_one_burst(kind: type[SelectionList[str]], keys: tuple[str, ...]) -> list[str]:
    """`keys` as a terminal delivers them when they come together (a paste, key repeat, tmux): every key is
    queued before the first is handled."""
    app = ListApp(kind)
    async with app.run_test(size=(40, 10)) as pilot:
        selection = app.query_one(kind)
        selection.focus()
        await wait_until(pilot, lambda: selection.highlighted == 0, "the first row highlighted")
        for key in keys:
            app.post_message(events.Key(key, " " if key == "space" else None))
        moves = keys.count("down")
        await wait_until(pilot, lambda: selection.highlighted == moves, "the highlight moved")
        await pilot.pause()
        return sorted(selection.selected, key=CHOICES.index)


@pytest.mark.parametrize(("keys", "ticked"), BURSTS)
async def test_a_burst_of_keys_ticks_each_row_space_was_pressed_on(keys: tuple[str, ...], ticked: list[str]) -> None:
    assert await ticked_in_one_burst(ToggleList, keys) == ticked


async def test_textuals_own_list_ticks_where_the_highlight_went() -> None:
    """Why ToggleList exists: if this starts failing, Textual fixed it and ToggleList can go."""
    assert await ticked_in_one_burst(SelectionList, ("down", "space", "down")) == ["cards"]
