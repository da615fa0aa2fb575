"""Domain models. Validation lives here: bad values are refused with a message naming the field."""

from .errors import describe_validation_error
from .meeting import Attendance, Group, Meeting, clock_time, parse_clock_time
from .member import Member, OwnCard, SharedCard, SharedField, Sharing, Tag
from .name_order import display_full_name, is_family_name_first
from .room import PhysicalTable, parse_room, room_summary, room_text
from .seating import Round, Seat, SeatingPlan, Table
from .seating_rules import RuleKind, SeatingRule, rule_problem
from .seating_settings import DEFAULT_ROUNDS, DEFAULT_TIME_LIMIT, SeatingSettings, SubgroupMode

__all__ = [
    "DEFAULT_ROUNDS",
    "DEFAULT_TIME_LIMIT",
    "Attendance",
    "Group",
    "Meeting",
    "Member",
    "OwnCard",
    "PhysicalTable",
    "Round",
    "RuleKind",
    "Seat",
    "SeatingPlan",
    "SeatingRule",
    "SeatingSettings",
    "SharedCard",
    "SharedField",
    "Sharing",
    "SubgroupMode",
    "Table",
    "Tag",
    "clock_time",
    "describe_validation_error",
    "display_full_name",
    "is_family_name_first",
    "parse_clock_time",
    "parse_room",
    "room_summary",
    "room_text",
    "rule_problem",
]
