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
        with TabbedContent(initial=pane_id(self.active)):
            for round_ in self.plan.rounds:
                title = f"Round {round_.number}" + (" (locked)" if round_.locked else "")
                with TabPane(title, id=pane_id(round_.number)):
                    yield RoundView(round_, self.members, self.picked)
