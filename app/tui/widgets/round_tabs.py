"""A plan's rounds: a tab per round above the one round shown.

Only the shown round has cards: `]` refills them with the next round's tables instead of switching
between panes of cards kept for every round, so the screen has a round's worth of widgets to style and
lay out, not a whole plan's, and switching rounds or areas answers at once.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from sessions.models import Member, Round, SeatingPlan

from .round_view import RoundView


def pane_id(round_number: int) -> str:
    return f"round-tab-{round_number}"


def round_number_of(tab_id: str | None) -> int | None:
    text = (tab_id or "").removeprefix("round-tab-")
    return int(text) if text.isdigit() else None


def tab_title(round_: Round) -> str:
    return f"Round {round_.number}" + (" (locked)" if round_.locked else "")


class RoundTabs(Widget):
    DEFAULT_CSS = """
    RoundTabs {
        height: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        yield Tabs(id="round-tabs")
        yield RoundView()

    @property
    def tabs(self) -> Tabs:
        return self.query_one("#round-tabs", Tabs)

    @property
    def shown_round(self) -> int | None:
        return self.query_one(RoundView).round_number

    async def show(self, plan: SeatingPlan, members: dict[int, Member], active: int, picked: int | None) -> None:
        """Show round `active` of `plan`, with `picked` marked."""
        tabs = self.tabs
        titles = [(pane_id(r.number), tab_title(r)) for r in plan.rounds]
        present = [(tab.id, tab.label_text) for tab in tabs.query(Tab)]
        if [tab_id for tab_id, _ in present] != [tab_id for tab_id, _ in titles]:
            await tabs.clear()
            for tab_id, title in titles:
                await tabs.add_tab(Tab(title, id=tab_id))
        else:
            for (tab_id, title), (_, shown) in zip(titles, present, strict=True):
                if title != shown:
                    tab = tabs.get_tab(tab_id)
                    if tab is not None:
                        tab.label = title
        tabs.active = pane_id(active)
        await self.query_one(RoundView).show(plan.round(active), members, picked)
