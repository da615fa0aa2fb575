"""The seating engine: tables of 6-8 over rounds and weeks, so people keep meeting new people.

`solve(SeatingRequest)` returns a plan; `service.plan_meeting` does the same for a stored meeting;
`live` keeps a plan current as people arrive late or leave; `bench` measures it all.
"""

from sessions.seating.layout import Layout, TableSlot, choose_layout
from sessions.seating.live import (
    ChangeEffect,
    LiveChange,
    ManualChange,
    SeatMove,
    apply_change,
    remove_member,
    score_change,
    seat_late_arrival,
)
from sessions.seating.request import (
    Constraints,
    Person,
    PhysicalTable,
    SeatingRequest,
    SubgroupMode,
    TablePolicy,
)
from sessions.seating.scoring import SeatingContext
from sessions.seating.solver import SeatingResult, solve
from sessions.seating.stats import SeatingStats, plan_stats

__all__ = [
    "ChangeEffect",
    "Constraints",
    "Layout",
    "LiveChange",
    "ManualChange",
    "Person",
    "PhysicalTable",
    "SeatMove",
    "SeatingContext",
    "SeatingRequest",
    "SeatingResult",
    "SeatingStats",
    "SubgroupMode",
    "TablePolicy",
    "TableSlot",
    "apply_change",
    "choose_layout",
    "plan_stats",
    "remove_member",
    "score_change",
    "seat_late_arrival",
    "solve",
]
