"""Every sample export imports with the expected counts, messages and card data."""

from __future__ import annotations

from pathlib import Path

import pytest

from sessions.models import Meeting, Member, Tag
from sessions.roster import ImportFileError, ImportSummary, SourceFormat, import_roster, prepare
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import FixtureFiles


def run(store: Store, meeting: Meeting | None, clock: FakeClock, path: Path, **options: object) -> ImportSummary:
    return import_roster(store, path, meeting=meeting, now=clock.now(), **options)  # type: ignore[arg-type]


def by_name(store: Store) -> dict[str, Member]:
    return {m.full_name: m for m in store.members.all()}


def registered_ids(store: Store, meeting: Meeting) -> set[int]:
    assert meeting.id is not None
    return {a.member_id for a in store.attendance.for_meeting(meeting.id) if a.registered}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (FixtureFiles.EVENTBRITE, SourceFormat.EVENTBRITE),
        (FixtureFiles.MEETUP, SourceFormat.MEETUP),
        (FixtureFiles.GOOGLE_FORMS, SourceFormat.GOOGLE_FORMS),
        (FixtureFiles.LINKEDIN, SourceFormat.LINKEDIN),
    ],
)
def test_format_is_detected_from_the_headers(path: Path, expected: SourceFormat) -> None:
    assert prepare(path).source is expected


def test_eventbrite(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, FixtureFiles.EVENTBRITE)
    assert summary.counts == {
        "rows": 41,
        "added": 38,
        "updated": 0,
        "unchanged": 0,
        "skipped": 3,
        "unregistered": 0,
        "warnings": 2,
        "registered": 38,
        "checked_in": 2,
    }
    assert [n.line() for n in summary.skipped] == [
        "row 7 Kwame Trần, 'Attendee Status': Refunded; not registered",
        "row 24 Owen Kim, 'Attendee Status': Refunded; not registered",
        "row 38 Jordan Nguyen: duplicate of row 5 (same attendee id)",  # the same ticket, exported twice
    ]
    assert [n.line() for n in summary.warnings] == [
        "row 40 Broken Email, 'Email': 'not-an-email' is not a valid email address; left out",
        "row 40 Broken Email, 'Cell Phone': '555' is not a valid phone number for region US; kept as typed",
    ]
    members = by_name(store)
    assert len(members) == 38
    assert "Kwame Trần" not in members
    assert "Owen Kim" not in members
    olga = members["Olga Dubois"]
    assert olga.headline == "Accountant"  # the job title fills the empty headline
    assert olga.employers == ["Dell", "McKesson"]
    assert olga.target_roles == ["UX research"]
    assert olga.subgroups == ["HR"]
    assert olga.phone == "+12145557364"
    assert olga.linkedin == "https://www.linkedin.com/in/olga-dubois-0"
    assert not olga.sharing.email  # "May other attendees see your email address?" No
    assert members["Jordan Lindqvist"].sharing.email  # ... Yes
    # The ticket's id is kept, to find her by it when the export is imported again.
    assert olga.extra == {"Attendee #": "3300000000", "What was your most recent role?": "Accountant"}
    assert "Total Paid" not in olga.extra
    assert "Home City" not in olga.extra
    # Accents and scripts survive; a phone from abroad is normalised with its own country code.
    assert members["美玲 王"].phone == "+861055550100"
    assert members["Maximiliana-Alexandrina Featherstonehaugh-Wolfeschlegelsteinhausen"].phone == "+442079460958"
    assert members["Walk Without-Email"].email is None
    # Formula-looking text is stored exactly as typed (exports neutralise it).
    broken = members["Broken Email"]
    assert broken.headline == "+cmd"
    assert broken.employers == ["-Company", "Sabre"]
    assert broken.target_roles == ["@risk roles"]
    assert broken.extra["What was your most recent role?"] == '=HYPERLINK("http://example.invalid","click")'
    assert broken.email is None
    assert broken.phone == "555"
    # Eventbrite's "Checked In" status checks those two in.
    assert meeting.id is not None
    arrived = {m.full_name for m, a in store.attendance.roster(meeting.id) if a.checked_in}
    assert arrived == {"Mía Fernández", "Priya Tanaka"}
    assert {a.source for a in store.attendance.for_meeting(meeting.id)} == {"eventbrite"}


def test_meetup(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, FixtureFiles.MEETUP)
    assert summary.counts == {
        "rows": 20,
        "added": 18,
        "updated": 0,
        "unchanged": 0,
        "skipped": 2,
        "unregistered": 0,
        "warnings": 3,
        "registered": 18,
        "checked_in": 10,
    }
    assert [n.line() for n in summary.skipped] == [
        "row 6 Mei Lindqvist, 'RSVP': RSVP No; not registered",
        "row 15 Sofía Raman, 'RSVP': RSVP No; not registered",
    ]
    assert [n.line() for n in summary.warnings] == [
        "row 8 Samuel Popescu, 'RSVP': on the waitlist; registered so they can be checked in if they come",
        "row 19 Grace Moreau, 'RSVP': on the waitlist; registered so they can be checked in if they come",
        "row 20 Cher, 'Guests': brings 1 guest(s); check them in as walk-ins when they arrive",
    ]
    members = {(m.first_name, m.last_name): m for m in store.members.all()}
    assert ("Cher", "") in members
    assert ("Mary Ann", "de la Cruz") in members
    assert ("Kwame", "Trần") in members
    organiser = members[("Mary Ann", "de la Cruz")]
    # Meetup's "Title" is a role in the group: kept, but never read as a job title on a card or QR code.
    assert organiser.extra["Meetup group role"] == "Organizer"
    assert "Title" not in organiser.extra
    assert organiser.job_title is None
    assert "Event Host" not in organiser.extra
    assert "RSVPed on" not in organiser.extra
    assert members[("Cher", "")].extra["Notes"] == "bringing a friend"


def test_google_forms(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, FixtureFiles.GOOGLE_FORMS)
    assert summary.counts["added"] == 24
    assert summary.counts["registered"] == 24
    assert summary.skipped == []
    assert summary.warnings == []
    assert "  name             <- 'Full name' (guessed)" in summary.mapping
    assert "  share            <- 'Share my contact details with my table? (check all that apply)' (guessed)" in (
        summary.mapping
    )
    members = by_name(store)
    kwame = members["Kwame Brown"]
    assert kwame.email == "KWAME.BROWN12@example.com"  # the local part as typed; the domain lower-cased
    assert kwame.headline == "Supply Chain Director moving into product management"
    assert kwame.target_companies == ["American Airlines", "JCPenney"]
    assert kwame.linkedin == "https://www.linkedin.com/in/kwame-brown-12"
    assert kwame.has_tag(Tag.NEWCOMER)  # "First time at our meeting?" Yes
    assert kwame.extra == {"Most recent job title": "Supply Chain Director"}
    # The checkbox list: ticked shared, offered-but-unticked not shared.
    assert (kwame.sharing.email, kwame.sharing.phone, kwame.sharing.linkedin) == (True, False, True)
    isabel = members["Isabel Kim"]
    assert (isabel.sharing.email, isabel.sharing.phone, isabel.sharing.linkedin) == (False, False, True)
    mei = members["Mei Brown"]
    assert (mei.sharing.email, mei.sharing.phone, mei.sharing.linkedin) == (True, True, True)
    assert mei.sharing.headline  # not offered by the form: the default stays


def test_linkedin_connections_update_members_and_register_nobody(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    summary = run(store, meeting, clock, FixtureFiles.LINKEDIN)
    assert summary.counts["added"] == 18
    assert summary.registered == 0
    assert registered_ids(store, meeting) == set()
    assert any("skipped 3 line(s) above the column titles (row 4)" in w.message for w in summary.warnings)
    assert any("not a registration list" in w.message for w in summary.warnings)
    jordan = by_name(store)["Jordan Cohen"]
    assert jordan.email is None
    assert jordan.headline == "Sales Executive"
    assert jordan.employers == ["Bank of America"]
    with pytest.raises(ImportFileError, match="--check-in needs a meeting"):
        run(store, meeting, clock, FixtureFiles.LINKEDIN, check_in=True)


def test_all_four_in_turn_match_people_up(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    eventbrite = run(store, meeting, clock, FixtureFiles.EVENTBRITE)
    forms = run(store, meeting, clock, FixtureFiles.GOOGLE_FORMS)
    meetup = run(store, meeting, clock, FixtureFiles.MEETUP)
    linkedin = run(store, meeting, clock, FixtureFiles.LINKEDIN)
    assert eventbrite.counts["added"] == 38
    # Google Forms: everyone but Owen Kim (refunded on Eventbrite) is found by email, in any case.
    assert (forms.counts["added"], forms.counts["updated"]) == (1, 23)
    assert [n.name for n in forms.added] == ["Owen Kim"]
    assert all(n.message.startswith("matched by email") for n in forms.updated)
    # Meetup has no emails: found by name; Cher, Mary Ann and Kwame Trần (refunded before) are new.
    assert meetup.counts["added"] == 3
    assert {n.name for n in meetup.added} == {"Cher", "Mary Ann de la Cruz", "Kwame Trần"}
    assert all(n.message.startswith("matched by name") for n in meetup.updated + meetup.unchanged)
    assert linkedin.counts["added"] == 0
    assert store.members.count() == 42
    members = by_name(store)
    kwame = members["Kwame Brown"]
    # Updates refresh and fill, never blank out: the Google Forms headline survives LinkedIn's job title,
    # the email keeps its first spelling (a change of case is no change).
    assert kwame.headline == "Supply Chain Director moving into product management"
    assert kwame.email == "kwame.brown12@example.com"
    assert kwame.phone == "+12145552903"
    assert kwame.extra["User ID"] == "200000012"
    # LinkedIn gives Kwame Trần (known only from Meetup) a profile and an employer.
    tran = members["Kwame Trần"]
    assert tran.linkedin == "https://www.linkedin.com/in/kwame-trn-5"
    assert tran.employers == ["Toyota North America"]
    assert len(registered_ids(store, meeting)) == 42


def test_reimport_changes_nothing(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    run(store, meeting, clock, FixtureFiles.EVENTBRITE)
    again = run(store, meeting, clock, FixtureFiles.EVENTBRITE)
    assert (again.counts["added"], again.counts["updated"], again.counts["unchanged"]) == (0, 0, 38)


def test_dry_run_changes_nothing(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, FixtureFiles.EVENTBRITE, dry_run=True, check_in=True)
    assert summary.counts["added"] == 38
    assert summary.checked_in == 38
    assert summary.lines()[-1] == "Dry run: nothing was changed."
    assert store.members.count() == 0
    assert meeting.id is not None
    assert store.attendance.for_meeting(meeting.id) == []


def test_check_in_option_checks_everyone_in(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, FixtureFiles.MEETUP, check_in=True)
    assert meeting.id is not None
    records = store.attendance.for_meeting(meeting.id)
    assert summary.checked_in == 18
    assert len(records) == 18
    assert all(a.checked_in_at == clock.now() for a in records)


def test_without_a_meeting_members_are_imported_and_nobody_registered(store: Store, clock: FakeClock) -> None:
    summary = run(store, None, clock, FixtureFiles.MEETUP)
    assert store.members.count() == 18
    assert summary.registered == 0
    assert any("there is no meeting yet" in w.message for w in summary.warnings)


def test_an_error_midway_leaves_the_database_as_it_was(
    store: Store, meeting: Meeting, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    run(store, meeting, clock, FixtureFiles.MEETUP)
    before = [m.model_dump() for m in store.members.all()]
    real_register = store.attendance.register
    calls = 0

    def failing_register(*args: object, **kwargs: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 20:
            raise sqlite3.OperationalError("disk I/O error")
        return real_register(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.attendance, "register", failing_register)
    with pytest.raises(ImportFileError, match=r"eventbrite-attendees\.csv: the database refused the import"):
        run(store, meeting, clock, FixtureFiles.EVENTBRITE)
    assert calls == 20
    assert [m.model_dump() for m in store.members.all()] == before
    assert len(registered_ids(store, meeting)) == 18


def test_summary_json_lists_every_row_note(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    data = run(store, meeting, clock, FixtureFiles.EVENTBRITE).to_json()
    assert data["counts"]["added"] == 38
    assert data["skipped"][0] == {
        "row": 7,
        "name": "Kwame Trần",
        "field": "Attendee Status",
        "message": "Refunded; not registered",
    }
