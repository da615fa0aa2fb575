"""An area screen never leaves focus on a widget it has just removed, so keys keep working while it redraws."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.containers import Container, Vertical
from textual.screen import Screen
from textual.widgets import Button

from app.tui.screens.base import AreaScreen
from tests.waiting import wait_until


class Redrawing(AreaScreen):
    """Draws a focusable widget deep in a container and, before the focus it asked for arrives, draws again."""

    def compose(self) -> ComposeResult:
        yield Container(id="drawing")

    async def draw_twice(self) -> Button:
        drawing = self.query_one("#drawing", Container)
        first = Button("first drawing")
        await drawing.mount(Vertical(Vertical(first)))
        first.focus()  # a request: Textual focuses it later
        await drawing.remove_children()  # the second redraw, before that request is served
        return first


class PlainRedrawing(Screen[None]):
    compose = Redrawing.compose
    draw_twice = Redrawing.draw_twice


class RedrawApp(App[None]):
    def __init__(self, screen: Screen[None]) -> None:
        super().__init__()
        self.first_screen = screen

    def on_mount(self) -> None:
        self.push_screen(self.first_screen)


async def test_focus_is_not_left_on_a_removed_widget_and_ctrl_q_still_quits() -> None:
    screen = Redrawing()
    app = RedrawApp(screen)
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: app.screen is screen, "the area screen")
        removed = await screen.draw_twice()
        await pilot.pause()
        assert screen.focused is not removed
        assert screen.focused is None or screen.focused.is_attached
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app.return_code == 0, "the app quitting")


async def test_textuals_own_screen_keeps_focus_on_the_removed_widget() -> None:
    """Why AreaScreen.set_focus checks: if this starts failing, Textual fixed it and the check can go."""
    screen = PlainRedrawing()
    app = RedrawApp(screen)
    async with app.run_test() as pilot:
        await wait_until(pilot, lambda: app.screen is screen, "the screen")
        removed = await screen.draw_twice()
        await pilot.pause()
        assert screen.focused is removed
        assert not removed.is_attached
