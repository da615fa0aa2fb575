"""Column mapping: known exports, keyword guesses for forms and plain CSVs, and --map overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.models import Meeting
from sessions.roster import ImportField, ImportFileError, Override, SourceFormat, import_roster
from sessions.roster.guessing import guess_field
from sessions.roster.mapping import build_mapping
from sessions.store import Store
from sessions.timekeeping import FakeClock

F = ImportField


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Full name", F.FULL_NAME),
        ("Your name", F.FULL_NAME),
        ("Company name", F.COMPANY),
        ("Event Name", None),
        ("E-mail", F.EMAIL),
        ("Email Address", F.EMAIL),
        ("May other attendees see your email address?", F.SHARE_EMAIL),
        ("OK to share my phone number with my table", F.SHARE_PHONE),
        ("Share my contact details with my table? (check all that apply)", F.SHARE_LIST),
        ("Mobile", F.PHONE),
        ("LinkedIn URL", F.LINKEDIN),
        ("Personal website", F.WEBSITE),
        ("Surname", F.LAST_NAME),
        ("Given name", F.FIRST_NAME),
        ("Headline (one line about you)", F.HEADLINE),
        ("Most recent job title", F.JOB_TITLE),
        ("What role are you looking for?", F.TARGET_ROLES),
        ("Target companies", F.TARGET_COMPANIES),
        ("Dream companies", F.TARGET_COMPANIES),
        ("Companies you have worked for", F.EMPLOYERS),
        ("Organization", F.COMPANY),
        ("Which sub-group?", F.SUBGROUPS),
        ("First time at our meeting?", F.FIRST_TIME),
        ("Timestamp", None),
        ("Favourite colour", None),
    ],
)
def test_titles_are_guessed_by_keyword(title: str, field: ImportField | None) -> None:
    assert guess_field(title) is field


def test_generic_csv_is_guessed_and_described() -> None:
    headers = ["Name", "E-mail", "Employer", "Looking for", "Favourite colour"]
    mapping = build_mapping("people.csv", headers, SourceFormat.CSV)
    assert mapping.describe() == [
        "Columns of people.csv (CSV file):",
        "  name         <- 'Name' (guessed)",
        "  email        <- 'E-mail' (guessed)",
        "  company      <- 'Employer' (guessed)",
        "  target_roles <- 'Looking for' (guessed)",
        "  kept as extra answers: 'Favourite colour'",
    ]


def test_the_first_look_alike_column_wins_and_the_next_is_kept_as_an_answer() -> None:
    mapping = build_mapping("x.csv", ["Name", "Email", "Work email"], SourceFormat.CSV)
    assert mapping.header_of(F.EMAIL) == "Email"
    assert [mapping.headers[i] for i in mapping.extra_columns] == ["Work email"]


def test_overrides_assign_unassign_and_take_the_column_from_a_guess() -> None:
    headers = ["Name", "Employer", "Role wanted", "Colour"]
    mapping = build_mapping(
        "x.csv",
        headers,
        SourceFormat.CSV,
        [Override.parse("title=Role wanted"), Override.parse("company="), Override.parse("subgroups=colour")],
    )
    assert mapping.header_of(F.JOB_TITLE) == "Role wanted"
    assert mapping.column_of(F.TARGET_ROLES) is None  # its guessed column was taken by the override
    assert mapping.column_of(F.COMPANY) is None
    assert mapping.header_of(F.SUBGROUPS) == "Colour"
    assert "  title     <- 'Role wanted' (--map)" in mapping.describe()
    assert [mapping.headers[i] for i in mapping.extra_columns] == ["Employer"]


def test_override_can_supply_the_missing_name_column() -> None:
    mapping = build_mapping("x.csv", ["Attendee", "Email"], SourceFormat.CSV, [Override.parse("name=attendee")])
    assert mapping.header_of(F.FULL_NAME) == "Attendee"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title", "--map 'title': expected FIELD=COLUMN"),
        ("colour=Colour", "--map 'colour=Colour': 'colour' is not a field we import (fields: first_name, last_name"),
    ],
)
def test_bad_overrides_are_explained(text: str, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        Override.parse(text)
    assert str(caught.value).startswith(message)


def test_override_naming_a_missing_column_lists_the_columns() -> None:
    with pytest.raises(ImportFileError) as caught:
        build_mapping("x.csv", ["Name", "Email"], SourceFormat.CSV, [Override.parse("phone=Cell")])
    assert str(caught.value) == "--map phone=Cell: x.csv has no column titled 'Cell' (columns: 'Name', 'Email')"


def test_format_can_be_forced_and_overrides_apply_to_known_exports(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Name,Mood,Ticket\nAda Lovelace,curious,VIP\n", encoding="utf-8")
    summary = import_roster(
        store,
        path,
        meeting=meeting,
        now=clock.now(),
        source=SourceFormat.CSV,
        overrides=[Override.parse("headline=Mood")],
    )
    assert summary.source_title == "CSV file"
    (member,) = store.members.all()
    assert (member.first_name, member.last_name, member.headline) == ("Ada", "Lovelace", "curious")
    assert member.extra == {"Ticket": "VIP"}
