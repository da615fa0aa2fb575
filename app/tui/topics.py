"""What changed, published on `TableSessionApp.data_changed` so every area can refresh itself."""

from enum import StrEnum


class Topic(StrEnum):
    MEMBERS = "members"
    ATTENDANCE = "attendance"
    SEATING = "seating"
    CLOCK = "clock"
    MEETING = "meeting"
    # Another program (the CLI, a second window) changed the group file: reload everything shown.
    OUTSIDE = "outside"
