"""Which way a consent question is asked, read from its title."""

from __future__ import annotations

import pytest

from sessions.roster.consent import Polarity, question_polarity


@pytest.mark.parametrize(
    ("title", "polarity"),
    [
        ("May other attendees see your email address?", Polarity.GRANTS),
        ("OK to share my phone number with my table", Polarity.GRANTS),
        ("Please do NOT share my email address", Polarity.REFUSES),
        ("I'd rather you didn't list my phone", Polarity.REFUSES),
        ("Keep my LinkedIn private", Polarity.REFUSES),
        ("Are you OK with us not sharing your phone?", Polarity.UNCLEAR),
        ("Share your email, or keep it private?", Polarity.UNCLEAR),
    ],
)
def test_which_way_a_question_is_asked(title: str, polarity: Polarity) -> None:
    assert question_polarity(title) is polarity
