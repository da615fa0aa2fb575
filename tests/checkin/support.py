"""Paths and small helpers the roster and check-in tests share (importable: this folder is on sys.path)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


class FixtureFiles:
    EVENTBRITE = FIXTURES / "eventbrite-attendees.csv"
    GOOGLE_FORMS = FIXTURES / "google-forms-responses.csv"
    MEETUP = FIXTURES / "meetup-attendees.csv"
    LINKEDIN = FIXTURES / "linkedin-connections.csv"


class RefundFiles:
    """The same Eventbrite event exported twice: Monday, and Thursday after refunds and a cancellation."""

    MONDAY = FIXTURES / "refunds" / "eventbrite-monday.csv"
    THURSDAY = FIXTURES / "refunds" / "eventbrite-thursday.csv"
    ANA_REMOVED = "row 2 Ana Ruiz, 'Attendee Status': Refunded; registration removed"
    BEN_KEPT = (
        "row 3 Ben Okoro, 'Attendee Status': Cancelled, but already checked in (they came anyway); still registered"
    )
