"""A plan's rounds as tabs, each tab a grid of table cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import TabbedContent, TabPane

from sessions.models import Member, SeatingPlan

from .round_view import RoundView


def pane_id(round_number: int) -> str:
    return f"round-tab-{round_number}"


class RoundTabs(Widget):
    DEFAULT_CSS = """
    RoundTabs {
        height: 1fr;
    }
    RoundTabs TabbedContent, RoundTabs TabPane {
        height: 1fr;
    }
    """

    def __init__(self, plan: SeatingPlan, members: dict[int, Member], active: int, picked: int | None = None) -> None:
        super().__init__()
        self.plan = plan
        self.members = members
        self.active = active
        self.picked = picked

    def compose(self) -> ComposeResult:
        # No `initial` here: on a busy machine Textual can mount the tab bar before its tabs, and an initial tab
        # it cannot find yet stops the app (ValueError). `show_round` picks the round once all is mounted.
        with TabbedContent():
            for round_ in self.plan.rounds:
                title = f"Round {round_.number}" + (" (locked)" if round_.locked else "")
                with TabPane(title, id=pane_id(round_.number)):
                    yield RoundView(round_, self.members, self.picked)

    def show_round(self, round_number: int) -> None:
        """Bring round `round_number`'s tab forward, once its tab and pane are mounted (see compose)."""
        if not self.is_attached or self._pruning:
            return  # replaced by a newer drawing meanwhile
        wanted = pane_id(round_number)
        found = self.query(TabbedContent)
        if not found or not found.first().query(f"#--content-tab-{wanted}") or not found.first().query(f"#{wanted}"):
            self.call_after_refresh(self.show_round, round_number)  # still being mounted: once it is drawn
            return
        tabbed = found.first(TabbedContent)
        if tabbed.active != wanted:
            tabbed.active = wanted
