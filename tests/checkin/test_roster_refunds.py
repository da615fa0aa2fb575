"""Refunds and cancellations in a re-imported export take registrations back, and only those.

Monday's Eventbrite export registers five people; Thursday's export of the same event has Ana Ruiz refunded
(not arrived: she comes off), Ben Okoro cancelled (already checked in: he stays, with a warning), Farid Haddad
refunded as before (never registered: skipped), one of Dev Patel's two tickets refunded (the other still
registers him) and a new attendee.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sessions.checkin import check_in, counts, mark_remaining_no_shows, status_of
from sessions.checkin.desk import Status
from sessions.models import Meeting, Member
from sessions.roster import ImportFileError, ImportSummary, apply_plan, import_roster, plan_import, prepare
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import FixtureFiles, RefundFiles

MONDAY, THURSDAY = RefundFiles.MONDAY, RefundFiles.THURSDAY
ANA_REMOVED, BEN_KEPT = RefundFiles.ANA_REMOVED, RefundFiles.BEN_KEPT


def member(store: Store, email: str) -> Member:
    found = store.members.find_by_email(email)
    assert found is not None, email
    return found


def member_id(store: Store, email: str) -> int:
    found = member(store, email).id
    assert found is not None
    return found


def registered_emails(store: Store, meeting: Meeting) -> set[str]:
    assert meeting.id is not None
    return {m.email or "" for m, a in store.attendance.roster(meeting.id) if a.registered}


@pytest.fixture
def monday(store: Store, meeting: Meeting, clock: FakeClock) -> Store:
    """Monday's export imported; Ben Okoro has since checked in."""
    first = import_roster(store, MONDAY, meeting=meeting, now=clock.now())
    assert first.counts["registered"] == 5
    assert [note.line() for note in first.skipped] == [
        "row 7 Farid Haddad, 'Attendee Status': Refunded; not registered"
    ]
    clock.advance(600)
    check_in(store, meeting, member_id(store, "ben.okoro@example.com"), clock.now())
    return store


def reimport(store: Store, meeting: Meeting, clock: FakeClock, path: Path = THURSDAY, **options: bool) -> ImportSummary:
    clock.advance(60)
    return import_roster(store, path, meeting=meeting, now=clock.now(), **options)


def test_a_refund_takes_the_registration_back_and_an_arrival_stays(
    monday: Store, meeting: Meeting, clock: FakeClock
) -> None:
    store = monday
    ana_before = member(store, "ana.ruiz@example.com")
    ben_before = store.attendance.get(meeting.id or 0, member_id(store, "ben.okoro@example.com"))

    summary = reimport(store, meeting, clock)

    assert [note.line() for note in summary.unregistered] == [ANA_REMOVED]
    assert [note.line() for note in summary.warnings] == [BEN_KEPT]
    assert [note.line() for note in summary.skipped] == [
        "row 5 Dev Patel, 'Attendee Status': Refunded; another row of the file registers them, so they stay registered",
        "row 7 Farid Haddad, 'Attendee Status': Refunded; not registered",
    ]
    assert [note.line() for note in summary.added] == ["row 8 Gus Lindgren: new member"]
    assert summary.counts["unregistered"] == 1
    assert summary.headline().endswith("registered 4, checked in 0, removed 1 registration(s)")

    # Ana is off the meeting; her card stays in the group exactly as it was.
    assert registered_emails(store, meeting) == {
        "ben.okoro@example.com",
        "chloe.martin@example.com",
        "dev.patel@example.com",
        "eunji.park@example.com",
        "gus.lindgren@example.com",
    }
    assert meeting.id is not None
    assert store.attendance.find(meeting.id, ana_before.id or 0) is None
    assert member(store, "ana.ruiz@example.com") == ana_before
    assert store.members.count() == 6  # Farid was never added; Gus is new
    # Ben came anyway: his check-in is untouched.
    assert store.attendance.get(meeting.id, ben_before.member_id) == ben_before


def test_the_summary_reports_removals_in_text_and_json(monday: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = reimport(monday, meeting, clock)
    lines = summary.lines(with_mapping=False)
    at = lines.index("  unregistered: 1")
    assert lines[at + 1] == f"    {ANA_REMOVED}"
    data = summary.to_json()
    assert data["counts"]["unregistered"] == 1
    assert data["unregistered"] == [
        {"row": 2, "name": "Ana Ruiz", "field": "Attendee Status", "message": "Refunded; registration removed"}
    ]
    assert data["warnings"][0]["row"] == 3


def test_a_dry_run_shows_the_same_and_changes_nothing(monday: Store, meeting: Meeting, clock: FakeClock) -> None:
    store = monday
    assert meeting.id is not None
    before = (sorted(store.attendance.for_meeting(meeting.id), key=lambda a: a.member_id), store.members.all())

    dry = reimport(store, meeting, clock, dry_run=True)

    after = (sorted(store.attendance.for_meeting(meeting.id), key=lambda a: a.member_id), store.members.all())
    assert after == before
    assert [note.line() for note in dry.unregistered] == [ANA_REMOVED]
    assert dry.headline().endswith("would register 4, check in 0, remove 1 registration(s)")
    real = reimport(store, meeting, clock)
    assert {**dry.to_json(), "dry_run": False} == real.to_json()


def test_an_error_while_removing_leaves_the_database_as_it_was(
    monday: Store, meeting: Meeting, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = monday
    assert meeting.id is not None
    before = (sorted(store.attendance.for_meeting(meeting.id), key=lambda a: a.member_id), store.members.all())

    def failing_unregister(meeting_id: int, member_id: int) -> bool:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store.attendance, "unregister", failing_unregister)
    with pytest.raises(ImportFileError, match=r"eventbrite-thursday\.csv: the database refused the import"):
        reimport(store, meeting, clock)
    after = (sorted(store.attendance.for_meeting(meeting.id), key=lambda a: a.member_id), store.members.all())
    assert after == before  # Gus was not added either: the whole file or nothing


def test_someone_checked_in_between_preview_and_import_is_kept(
    monday: Store, meeting: Meeting, clock: FakeClock
) -> None:
    store = monday
    plan = plan_import(store, prepare(THURSDAY), meeting=meeting)
    assert [note.line() for note in plan.summary.unregistered] == [ANA_REMOVED]
    ana = member_id(store, "ana.ruiz@example.com")
    check_in(store, meeting, ana, clock.now())  # she walks in while the preview is on screen

    apply_plan(store, plan, meeting=meeting, now=clock.now(), check_in=False)

    assert meeting.id is not None
    assert store.attendance.get(meeting.id, ana).checked_in
    assert plan.summary.unregistered == []
    assert "row 2 Ana Ruiz, 'Attendee Status': Refunded, but checked in meanwhile (they came anyway); " in "".join(
        note.line() for note in plan.summary.warnings
    )


def test_a_no_from_meetup_does_not_cancel_an_eventbrite_ticket(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    import_roster(store, FixtureFiles.EVENTBRITE, meeting=meeting, now=clock.now())
    summary = import_roster(store, FixtureFiles.MEETUP, meeting=meeting, now=clock.now())
    assert summary.unregistered == []
    assert [note.line() for note in summary.skipped] == [
        "row 6 Mei Lindqvist, 'RSVP': RSVP No; registered through eventbrite, so still registered",
        "row 15 Sofía Raman, 'RSVP': RSVP No; registered through eventbrite, so still registered",
    ]
    assert {"mei.lindqvist4@example.com", "sofa.raman13@example.com"} <= registered_emails(store, meeting)


def test_a_meetup_rsvp_changed_to_no_is_taken_back_matched_by_name(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    import_roster(store, FixtureFiles.MEETUP, meeting=meeting, now=clock.now())
    olga = next(m for m in store.members.all() if m.full_name == "Olga Dubois")
    text = FixtureFiles.MEETUP.read_text(encoding="utf-8")
    changed = text.replace("Olga Dubois,,200000000,,No,Yes,", "Olga Dubois,,200000000,,No,No,")
    assert changed != text
    later = tmp_path / "meetup-attendees.csv"
    later.write_text(changed, encoding="utf-8")

    summary = import_roster(store, later, meeting=meeting, now=clock.now())

    assert [note.line() for note in summary.unregistered] == [
        "row 2 Olga Dubois, 'RSVP': RSVP No; registration removed"
    ]
    assert meeting.id is not None
    assert store.attendance.find(meeting.id, olga.id or 0) is None
    assert store.members.get(olga.id or 0) == olga


def test_without_a_meeting_a_refund_is_only_skipped(store: Store, clock: FakeClock) -> None:
    summary = import_roster(store, THURSDAY, meeting=None, now=clock.now())
    assert summary.unregistered == []
    assert [note.message for note in summary.skipped] == [
        "Refunded; not registered",
        "Cancelled; not registered",
        "Refunded; not registered",
        "Refunded; not registered",
    ]


# -- who the door and the room still expect (the domain data the door list, prints and attendance read) --------


def test_after_a_refund_the_person_is_no_longer_expected_anywhere(
    monday: Store, meeting: Meeting, clock: FakeClock
) -> None:
    from printables.jobs import Document, PrintOptions, gather

    store = monday
    assert meeting.id is not None
    ana = member_id(store, "ana.ruiz@example.com")
    reimport(store, meeting, clock)

    roster = store.attendance.roster(meeting.id)
    assert ana not in {m.id for m, _ in roster}
    assert status_of(store.attendance.find(meeting.id, ana)) is Status.NOT_REGISTERED
    totals = counts([a for _, a in roster])
    assert (totals.registered, totals.checked_in) == (5, 1)
    # Printing for everyone registered (tents, badges before the door opens) leaves her out.
    tents = gather(store, meeting, Document.TENTS, PrintOptions(registered=True))
    assert ana not in {mid for mid, _ in tents.cards}
    assert len(tents.cards) == 5
    # At the end of the evening she is not counted as a no-show.
    assert mark_remaining_no_shows(store, meeting) == 4
    assert ana not in {a.member_id for a in store.attendance.for_meeting(meeting.id) if a.no_show}


def test_the_door_list_is_made_without_the_refunded_person(monday: Store, meeting: Meeting, clock: FakeClock) -> None:
    from printables.jobs import Document, PrintOptions, gather
    from sessions.seating.service import SeatingOptions, plan_meeting

    store = monday
    reimport(store, meeting, clock)
    for email in ("chloe.martin@example.com", "dev.patel@example.com", "eunji.park@example.com"):
        check_in(store, meeting, member_id(store, email), clock.now())
    plan_meeting(store, meeting, SeatingOptions(rounds=2, min_size=2, max_size=4, seed=7, time_limit=2), clock)

    door = gather(store, meeting, Document.DOOR, PrintOptions())

    names = {card.first_name + " " + card.last_name for _, card in door.cards}
    assert names == {"Ben Okoro", "Chloé Martin", "Dev Patel", "Eun-ji Park"}
    assert all(member_id(store, "ana.ruiz@example.com") not in r.member_ids for r in door.rounds)
