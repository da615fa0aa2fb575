"""What one seating run is asked for: a meeting's settings plus the rules and the seed."""

from __future__ import annotations

from sessions.models import Meeting, SeatingSettings
from sessions.seating.request import Constraints, TablePolicy


class SeatingOptions(SeatingSettings):
    """What the facilitator asks for: a meeting's settings, plus what one run adds (the seed and the
    rules). Table sizes default to the meeting's own."""

    seed: int | None = None  # None: a fresh seed from the clock, recorded with the plan
    keep_apart: tuple[tuple[int, int], ...] = ()
    keep_together: tuple[tuple[int, ...], ...] = ()

    @classmethod
    def from_settings(
        cls,
        settings: SeatingSettings,
        *,
        seed: int | None = None,
        keep_apart: tuple[tuple[int, int], ...] = (),
        keep_together: tuple[tuple[int, ...], ...] = (),
    ) -> SeatingOptions:
        return cls(
            **settings.model_dump(),
            seed=seed,
            keep_apart=keep_apart,
            keep_together=keep_together,
        )

    def settings(self) -> SeatingSettings:
        """The part of these options a meeting keeps (not the seed or the rules)."""
        return SeatingSettings.model_validate(self.model_dump(include=set(SeatingSettings.model_fields)))

    def policy(self, meeting: Meeting) -> TablePolicy:
        low, high = self.settings().table_sizes(meeting.table_min, meeting.table_max)
        return TablePolicy(min_size=low, max_size=high, tables=self.tables, physical=self.room)

    def constraints(self) -> Constraints:
        return Constraints(
            keep_apart=self.keep_apart,
            apart_same_employer=self.apart_same_employer,
            keep_together=self.keep_together,
            subgroups=self.mode,
        )
