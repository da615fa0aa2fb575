"""Optional contact fields take None (or a blank) without tripping their length bound."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from sessions.models import Member


def test_none_and_blank_contact_fields_are_accepted() -> None:
    member = Member(first_name="Cher", email=None, phone="", linkedin=None, website="  ")
    assert (member.email, member.phone, member.linkedin, member.website) == (None, None, None, None)
    refreshed = Member.model_validate(member.model_dump())
    assert refreshed == member


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", "x" * 250 + "@example.com"),
        ("phone", "1" * 41),
        ("linkedin", "https://www.linkedin.com/in/" + "x" * 300),
    ],
)
def test_overlong_contact_fields_are_refused(field: str, value: str) -> None:
    with pytest.raises(ValidationError, match=field):
        Member.model_validate({"first_name": "Ana", field: value})
