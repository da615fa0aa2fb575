"""Who speaks when in a round: one turn per seat of the largest table, seat 1 first.

Every table changes speaker on the same chime, so a table of 6 has nobody left to speak
once speaker 7 is up: the room is told those tables are in open discussion.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sessions.errors import TablesessionError
from sessions.models import Round


@dataclass(frozen=True)
class TurnSchedule:
    table_sizes: tuple[int, ...]  # people at each table, largest first

    def __post_init__(self) -> None:
        sizes = tuple(sorted((size for size in self.table_sizes if size > 0), reverse=True))
        if not sizes:
            raise TablesessionError("this round seats nobody yet: there is no one to time")
        object.__setattr__(self, "table_sizes", sizes)

    @classmethod
    def of(cls, round_: Round) -> TurnSchedule:
        try:
            return cls(tuple(len(table.seats) for table in round_.tables))
        except TablesessionError as exc:
            raise TablesessionError(f"round {round_.number}: {exc}") from exc

    @property
    def turns(self) -> int:
        return self.table_sizes[0]

    @property
    def last_turn(self) -> int:
        """The index of the last turn (turns are counted from 0, speakers and seats from 1)."""
        return self.turns - 1

    def speaker_label(self, turn: int) -> str:
        speaker = turn + 1
        return f"Speaker {speaker} of {self.turns} - seat {speaker}"

    def finished_sizes(self, turn: int) -> tuple[int, ...]:
        """Sizes of the tables with nobody left to speak once `turn` is up, smallest first."""
        return tuple(sorted(size for size in set(self.table_sizes) if size <= turn))

    def tables_finished(self, turn: int) -> int:
        done = set(self.finished_sizes(turn))
        return sum(count for size, count in Counter(self.table_sizes).items() if size in done)

    def open_discussion_note(self, turn: int) -> str:
        """'tables of 6 and 7: open discussion' while those tables have no speaker; '' otherwise."""
        sizes = [str(size) for size in self.finished_sizes(turn)]
        if not sizes:
            return ""
        listed = sizes[0] if len(sizes) == 1 else f"{', '.join(sizes[:-1])} and {sizes[-1]}"
        return f"tables of {listed}: open discussion"
