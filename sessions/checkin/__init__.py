"""Check-in at the door: finding people as the facilitator types, checking them in, walk-ins."""

from .desk import (
    CheckInResult,
    Counts,
    Status,
    add_walk_in,
    check_in,
    counts,
    mark_remaining_no_shows,
    seated_since,
    status_of,
    toggle_left,
    toggle_no_show,
    undo_check_in,
    walk_in_member,
)
from .search import CheckinIndex, SearchHit, SearchTuning, decisive

__all__ = [
    "CheckInResult",
    "CheckinIndex",
    "Counts",
    "SearchHit",
    "SearchTuning",
    "Status",
    "add_walk_in",
    "check_in",
    "counts",
    "decisive",
    "mark_remaining_no_shows",
    "seated_since",
    "status_of",
    "toggle_left",
    "toggle_no_show",
    "undo_check_in",
    "walk_in_member",
]
