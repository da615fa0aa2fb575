"""Domain models. Validation lives here: bad values are refused with a message naming the field."""

from .errors import describe_validation_error
from .meeting import Attendance, Group, Meeting
from .member import Member, SharedCard, SharedField, Sharing, Tag
from .seating import Round, Seat, SeatingPlan, Table

__all__ = [
    "Attendance",
    "Group",
    "Meeting",
    "Member",
    "Round",
    "Seat",
    "SeatingPlan",
    "SharedCard",
    "SharedField",
    "Sharing",
    "Table",
    "Tag",
    "describe_validation_error",
]
