"""Consent questions and answers worded as refusals are read as refusals; when the meaning is not certain the
field stays private and the import warns, naming the column and the rows."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from sessions.models import Meeting, Member, SharedField
from sessions.roster import ImportField, ImportSummary, import_roster
from sessions.roster.guessing import guess_field
from sessions.store import Store
from sessions.timekeeping import FakeClock

EMAIL, PHONE, LINKEDIN = SharedField.EMAIL, SharedField.PHONE, SharedField.LINKEDIN


def run(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path, rows: list[list[str]]) -> ImportSummary:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    path = tmp_path / "form.csv"
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return import_roster(store, path, meeting=meeting, now=clock.now())


def shares(store: Store) -> dict[str, dict[SharedField, bool]]:
    def of(member: Member) -> dict[SharedField, bool]:
        return {shared: member.sharing.allows(shared) for shared in (EMAIL, PHONE, LINKEDIN)}

    return {member.first_name: of(member) for member in store.members.all()}


@pytest.mark.parametrize(
    ("title", "field"),
    [
        ("Please do NOT share my email address", ImportField.SHARE_EMAIL),
        ("Hide my phone number from other attendees", ImportField.SHARE_PHONE),
        ("Keep my LinkedIn private", ImportField.SHARE_LINKEDIN),
    ],
)
def test_refusal_questions_are_recognised_as_consent_columns(title: str, field: ImportField) -> None:
    assert guess_field(title) is field


def test_a_yes_to_a_do_not_share_question_keeps_the_field_private(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        [
            ["Name", "Email", "Please do NOT share my email address", "Hide my phone number from other attendees"],
            ["Abena Mensah", "abena@example.com", "Yes", "yes"],
            ["Tomás Ortega", "tomas@example.com", "No", "No"],
        ],
    )
    assert (
        "  share_email <- 'Please do NOT share my email address' (guessed; asked as a refusal: a yes keeps it private)"
        in summary.mapping
    )
    assert shares(store)["Abena"] == {EMAIL: False, PHONE: False, LINKEDIN: True}
    assert shares(store)["Tomás"] == {EMAIL: True, PHONE: True, LINKEDIN: True}
    assert summary.warnings == []


def test_exclusions_in_a_checkbox_answer_are_refusals(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        [
            ["Name", "Email", "Share my contact details with my table? (check all that apply)"],
            ["Yaw Darko", "yaw@example.com", "Email, Phone, LinkedIn"],
            ["Efua Asante", "efua@example.com", "Everything except my phone number"],
            ["Kofi Boateng", "kofi@example.com", "No email please"],
            ["Lina Haddad", "lina@example.com", "LinkedIn, Don't share my phone"],
            ["Sven Berg", "sven@example.com", "Nothing, thanks"],
        ],
    )
    seen = shares(store)
    assert seen["Yaw"] == {EMAIL: True, PHONE: True, LINKEDIN: True}
    assert seen["Efua"] == {EMAIL: True, PHONE: False, LINKEDIN: True}
    assert seen["Kofi"] == {EMAIL: False, PHONE: False, LINKEDIN: False}
    assert seen["Lina"] == {EMAIL: False, PHONE: False, LINKEDIN: True}
    assert seen["Sven"] == {EMAIL: False, PHONE: False, LINKEDIN: False}
    assert summary.warnings == []  # each of these says plainly what it means


def test_a_question_that_can_be_read_both_ways_keeps_every_answer_private(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    title = "Can we share your email, or would you rather keep it private?"
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        [
            ["Name", "Email", title],
            ["Nia Okafor", "nia@example.com", "Yes"],
            ["Ravi Shah", "ravi@example.com", ""],
            ["Ode Bello", "ode@example.com", "No"],
        ],
    )
    assert f"  share_email <- {title!r} (guessed; not clear which way it is asked: kept private)" in summary.mapping
    assert not any(seen[EMAIL] for seen in shares(store).values())
    assert [(w.row, w.field, w.message) for w in summary.warnings] == [
        (None, title, "not clear whether a yes shares or keeps private; kept private for row(s) 2, 4")
    ]


def test_an_answer_that_is_not_a_plain_yes_keeps_the_field_private_and_names_the_row(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        [
            ["Name", "Email", "May others see your email?", "OK to show your LinkedIn?", "Share which? (check all)"],
            ["Ama Owusu", "ama@example.com", "Yes, but only with my table", "maybe", "Email, Phone"],
            ["Jon Lee", "jon@example.com", "yes please", "Yes", "Phone only if asked"],
        ],
    )
    seen = shares(store)
    assert seen["Ama"] == {EMAIL: False, PHONE: True, LINKEDIN: False}
    assert seen["Jon"] == {EMAIL: True, PHONE: False, LINKEDIN: True}
    assert [(w.row, w.field, w.message) for w in summary.warnings] == [
        (2, "May others see your email?", "'Yes, but only with my table' is not a plain yes; kept email private"),
        (2, "OK to show your LinkedIn?", "'maybe' is not a clear yes or no; kept linkedin private"),
        (3, "Share which? (check all)", "'Phone only if asked' is not a plain choice; kept phone private"),
    ]


def test_a_checkbox_question_asking_what_to_keep_private_reads_ticks_as_refusals(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    title = "Which details should we keep private? (check all that apply)"
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        [
            ["Name", "Email", title],
            ["Aiko Mori", "aiko@example.com", "Email, Phone"],
            ["Bea Stone", "bea@example.com", "LinkedIn"],
            ["Cy Hart", "cy@example.com", "not my email"],
        ],
    )
    seen = shares(store)
    assert seen["Aiko"] == {EMAIL: False, PHONE: False, LINKEDIN: True}
    assert seen["Bea"] == {EMAIL: True, PHONE: True, LINKEDIN: False}
    assert seen["Cy"][EMAIL] is False  # a double negative is not certain
    assert [(w.row, w.field, w.message) for w in summary.warnings] == [
        (4, title, "'not my email' refuses a refusal; kept email private")
    ]
