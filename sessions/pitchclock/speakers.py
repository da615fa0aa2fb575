"""Who speaks at each table on a turn, by name, from the round's seating plan.

Every table changes speaker together and speaks in seat order, so turn N is seat N + 1 at each table;
a table with fewer seats has nobody on that turn (the open-discussion note says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from sessions.store import Store

SEPARATOR = " · "


@dataclass(frozen=True)
class SpeakerNames:
    tables: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (table label, names in speaking order)

    @classmethod
    def load(cls, store: Store, meeting_id: int, round_number: int) -> SpeakerNames:
        """The names of the planned round, or none when the round has no seating yet."""
        plan = store.seating.load(meeting_id)
        round_ = next((r for r in plan.rounds if r.number == round_number), None) if plan else None
        if round_ is None:
            return cls()
        members = store.members.get_many(set(round_.member_ids))
        return cls(
            tuple(
                (table.label, tuple(members[m].full_name if m in members else "" for m in table.member_ids))
                for table in round_.tables
            )
        )

    def at(self, turn: int) -> str:
        """'Table 1: Olga Dubois · Table 2: Jordan Cohen' for the 0-based `turn`; '' with no plan."""
        return SEPARATOR.join(
            f"Table {label}: {names[turn]}" for label, names in self.tables if turn < len(names) and names[turn]
        )
