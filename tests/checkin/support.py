"""Paths and small helpers the roster and check-in tests share (importable: this folder is on sys.path)."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


class FixtureFiles:
    EVENTBRITE = FIXTURES / "eventbrite-attendees.csv"
    GOOGLE_FORMS = FIXTURES / "google-forms-responses.csv"
    MEETUP = FIXTURES / "meetup-attendees.csv"
    LINKEDIN = FIXTURES / "linkedin-connections.csv"
