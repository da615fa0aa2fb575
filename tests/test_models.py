"""Validation lives in the models and names the field it refuses."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from sessions.models import (
    Meeting,
    Member,
    Round,
    SeatingPlan,
    SharedField,
    Sharing,
    Table,
    describe_validation_error,
    limits,
)


def refusal(**fields: object) -> str:
    with pytest.raises(ValidationError) as caught:
        Member(**fields)  # type: ignore[arg-type]
    return describe_validation_error(caught.value)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"first_name": ""}, "first name: cannot be empty"),
        ({"first_name": "   "}, "first name: cannot be empty"),
        (
            {"first_name": "A" * (limits.NAME_MAX + 1)},
            f"first name: is too long (at most {limits.NAME_MAX} characters)",
        ),
        ({"first_name": "Ana", "email": "ana at example.com"}, "email: not a valid email address"),
        ({"first_name": "Ana", "email": "ana@example"}, "email: not a valid email address"),
        ({"first_name": "Ana", "headline": "x" * (limits.HEADLINE_MAX + 1)}, "headline: is too long"),
        ({"first_name": "Ana", "employers": [f"Co {i}" for i in range(limits.LIST_MAX + 1)]}, "employers: is too long"),
        (
            {"first_name": "Ana", "linkedin": "linkedin.com/in/ana smith"},
            "linkedin: a web address cannot contain spaces",
        ),
        ({"first_name": "Ana", "notes": "n" * (limits.NOTES_MAX + 1)}, "notes: is too long"),
        ({"first_name": "Ana", "nickname": "An"}, "nickname: is not a known field"),
    ],
)
def test_bad_card_values_are_refused_naming_the_field(fields: dict[str, object], expected: str) -> None:
    assert expected in refusal(**fields)


def test_names_are_trimmed_and_nfc_normalised() -> None:
    decomposed = "Rene\u0301e"  # e + combining acute, as some phones send it
    member = Member(first_name=f"  {decomposed} ", last_name="  de la  Cruz ")
    assert member.first_name == "Ren\u00e9e"
    assert member.last_name == "de la Cruz"
    assert member.full_name == "Renée de la Cruz"


def test_one_word_names_are_allowed() -> None:
    assert Member(first_name="Cher").full_name == "Cher"


def test_email_domain_is_lowercased_and_blank_email_is_none() -> None:
    assert Member(first_name="A", email="Ana.Smith@Example.COM").email == "Ana.Smith@example.com"
    assert Member(first_name="A", email="   ").email is None


def test_card_lists_drop_blanks_and_repeats_keeping_order() -> None:
    member = Member(first_name="A", employers=["Sabre", " ", "sabre", "Dell", "SABRE "])
    assert member.employers == ["Sabre", "Dell"]


def test_assignment_is_validated() -> None:
    member = Member(first_name="Ana")
    with pytest.raises(ValidationError):
        member.email = "not-an-email"


def test_default_sharing_keeps_email_and_phone_private() -> None:
    sharing = Sharing()
    assert set(sharing.shared_fields) == {
        SharedField.HEADLINE,
        SharedField.EMPLOYERS,
        SharedField.TARGETS,
        SharedField.LINKEDIN,
        SharedField.WEBSITE,
    }


def test_shared_card_contains_only_what_the_member_agreed_to() -> None:
    member = Member(
        first_name="Ana",
        last_name="Ruiz",
        headline="Controller",
        employers=["Dell"],
        target_roles=["FP&A"],
        email="ana@example.com",
        phone="+12145550100",
        linkedin="https://www.linkedin.com/in/ana-ruiz",
        sharing=Sharing(email=True, employers=False, linkedin=False),
    )
    card = member.shared_card()
    assert card.email == "ana@example.com"
    assert card.phone is None
    assert card.employers == ()
    assert card.linkedin is None
    assert card.headline == "Controller"
    assert card.target_roles == ("FP&A",)


@given(st.lists(st.booleans(), min_size=len(SharedField), max_size=len(SharedField)))
def test_shared_card_never_leaks_a_withheld_field(choices: list[bool]) -> None:
    sharing = Sharing(**dict(zip([f.value for f in SharedField], choices, strict=True)))
    member = Member(
        first_name="Ana",
        headline="H",
        employers=["E"],
        target_roles=["R"],
        target_companies=["C"],
        email="a@example.com",
        phone="+1",
        linkedin="https://l.example.com",
        website="https://w.example.com",
        sharing=sharing,
    )
    card = member.shared_card()
    shown = {
        SharedField.HEADLINE: card.headline is not None,
        SharedField.EMPLOYERS: bool(card.employers),
        SharedField.TARGETS: bool(card.target_roles or card.target_companies),
        SharedField.EMAIL: card.email is not None,
        SharedField.PHONE: card.phone is not None,
        SharedField.LINKEDIN: card.linkedin is not None,
        SharedField.WEBSITE: card.website is not None,
    }
    assert shown == {field: sharing.allows(field) for field in SharedField}


def test_meeting_defaults_and_consistency() -> None:
    meeting = Meeting(date=dt.date(2026, 11, 24))
    assert (meeting.table_min, meeting.table_max, meeting.turn_seconds) == (6, 8, 300)
    assert (meeting.warning_seconds, meeting.changeover_seconds) == (60, 30)
    with pytest.raises(ValidationError, match="table_min"):
        Meeting(date=dt.date(2026, 11, 24), table_min=9, table_max=8)
    with pytest.raises(ValidationError, match="warning_seconds"):
        Meeting(date=dt.date(2026, 11, 24), turn_seconds=60, warning_seconds=60)
    with pytest.raises(ValidationError):
        Meeting(date=dt.date(2026, 11, 24), table_max=21)


def test_a_round_refuses_to_seat_someone_twice() -> None:
    with pytest.raises(ValidationError, match="twice"):
        Round(number=1, tables=(Table.of("1", [1, 2]), Table.of("2", [2, 3])))


def test_a_table_refuses_more_people_than_places() -> None:
    with pytest.raises(ValidationError, match="more than its 2 places"):
        Table.of("1", [1, 2, 3], capacity=2)


def test_plan_rounds_are_numbered_in_order_and_pairs_are_listed() -> None:
    with pytest.raises(ValidationError, match="numbered"):
        SeatingPlan(meeting_id=1, rounds=(Round(number=2),))
    round_ = Round(number=1, tables=(Table.of("1", [3, 1, 2]), Table.of("2", [4])))
    assert sorted(round_.pairs()) == [(1, 2), (1, 3), (2, 3)]
    assert round_.table_of(4) is not None
    assert round_.table_of(4).label == "2"  # type: ignore[union-attr]
    assert Table.of("1", [3, 1, 2]).member_ids == (3, 1, 2)
