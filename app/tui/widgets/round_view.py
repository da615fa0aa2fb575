"""One round's tables laid out as a grid of cards."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import ScrollableContainer

from sessions.models import Member, Round

from .table_card import TableCard


class RoundView(ScrollableContainer):
    DEFAULT_CSS = """
    RoundView {
        layout: grid;
        grid-size: 4;
        grid-gutter: 0 1;
        grid-rows: auto;
        height: 1fr;
    }
    """

    def __init__(self, round_: Round, members: dict[int, Member], picked: int | None = None) -> None:
        super().__init__(id=f"round-{round_.number}")
        self.round = round_
        self.members = members
        self.picked = picked

    def compose(self) -> ComposeResult:
        for position, table in enumerate(self.round.tables, start=1):
            yield TableCard(
                self.round.number,
                table.label,
                table.member_ids,
                self.members,
                position=position,
                capacity=table.capacity,
                picked=self.picked,
                locked=self.round.locked,
            )
