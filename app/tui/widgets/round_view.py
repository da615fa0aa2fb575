"""The shown round's tables laid out as a grid of cards, refilled in place when another round is shown."""

from __future__ import annotations

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

    def __init__(self) -> None:
        super().__init__(id="round-view")
        self.round_number: int | None = None

    async def show(self, round_: Round, members: dict[int, Member], picked: int | None = None) -> None:
        """Show `round_`: cards already here take the new tables (new widgets cost far more to mount and
        style than new text), cards are added or removed only when the number of tables differs."""
        self.round_number = round_.number
        cards = list(self.query_children(TableCard))
        added: list[TableCard] = []
        for position, table in enumerate(round_.tables, start=1):
            ids, capacity, locked = table.member_ids, table.capacity, round_.locked
            if position <= len(cards):
                cards[position - 1].show(
                    round_.number, table.label, ids, members, capacity=capacity, picked=picked, locked=locked
                )
            else:
                added.append(
                    TableCard(
                        round_.number,
                        table.label,
                        ids,
                        members,
                        position=position,
                        capacity=capacity,
                        picked=picked,
                        locked=locked,
                    )
                )
        if added:
            await self.mount_all(added)
        extra = cards[len(round_.tables) :]
        if extra:
            await self.remove_children(extra)
