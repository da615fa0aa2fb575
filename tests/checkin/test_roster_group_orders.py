"""Group orders: several tickets bought by one person carry the buyer's email on every row. Rows that name
different people are different attendees; the export's own attendee id tells tickets apart, and a re-import of
the same file matches everyone again."""

from __future__ import annotations

from pathlib import Path

from sessions.models import Meeting, Member
from sessions.roster import ImportSummary, SourceFormat, import_roster, prepare
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import FIXTURES

GROUP_ORDERS = FIXTURES / "group-orders"
EVENTBRITE = GROUP_ORDERS / "eventbrite-group-orders.csv"
PRETIX = GROUP_ORDERS / "pretix-checkin-list.csv"


def run(store: Store, meeting: Meeting, clock: FakeClock, path: Path) -> ImportSummary:
    return import_roster(store, path, meeting=meeting, now=clock.now())


def write(tmp_path: Path, text: str, name: str = "rows.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def by_name(store: Store) -> dict[str, Member]:
    return {member.full_name: member for member in store.members.all()}


def registered(store: Store, meeting: Meeting) -> set[str]:
    assert meeting.id is not None
    return {member.full_name for member, attendance in store.attendance.roster(meeting.id) if attendance.registered}


def test_eventbrite_group_orders_register_every_attendee_and_a_reimport_adds_nobody(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    summary = run(store, meeting, clock, EVENTBRITE)
    everyone = {"Ana Ruiz", "Ben Okoro", "Cara Diaz", "Dmitri Novak", "Esi Mensah", "Farid Haddad"}
    assert summary.skipped == []
    assert {note.name for note in summary.added} == everyone
    assert registered(store, meeting) == everyone
    members = by_name(store)
    # The shared address stays with the first person of each order; the others come in without it.
    assert members["Ana Ruiz"].email == "ana.ruiz@example.com"
    assert members["Ben Okoro"].email is None
    assert members["Ben Okoro"].employers == ["Dell"]
    assert members["Dmitri Novak"].email == "dmitri.novak@example.com"
    assert (members["Esi Mensah"].email, members["Farid Haddad"].email) == (None, None)
    # The summary names each person on their own row, never the buyer in their place.
    warned = [note.line() for note in summary.warnings]
    assert (
        "row 3 Ben Okoro, 'Email': ana.ruiz@example.com is also on row 2 for Ana Ruiz, another person: "
        "it stays with Ana Ruiz; Ben Okoro comes in without an email" in warned
    )
    assert [note.row for note in summary.warnings] == [3, 6, 7]

    again = run(store, meeting, clock, EVENTBRITE)
    assert (len(again.added), len(again.updated), len(again.skipped)) == (0, 0, 0)
    assert {(note.name, note.message) for note in again.unchanged} == {
        (name, "matched by attendee id") for name in everyone
    }
    assert store.members.count() == 6
    assert again.registered == 6


def test_pretix_check_in_list_registers_every_ticket_of_an_order(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    assert prepare(PRETIX).source is SourceFormat.PRETIX
    summary = run(store, meeting, clock, PRETIX)
    assert summary.skipped == []
    assert [note.name for note in summary.added] == ["Lena Vogel", "Tomás Silva", "Yuki Sato"]
    assert summary.checked_in == 1  # Lena's "Checked in" cell holds the time she came in
    members = by_name(store)
    assert (members["Lena Vogel"].email, members["Tomás Silva"].email) == ("lena.vogel@example.com", None)
    assert members["Tomás Silva"].employers == ["Contoso"]
    # The ticket's secret is its check-in code: only a fingerprint of it is kept.
    kept = [value for member in members.values() for value in member.extra.values()]
    assert not any("q8w2e7r4t6y1u3i5o9p0a2s4" in value for value in kept)

    again = run(store, meeting, clock, PRETIX)
    assert (len(again.added), len(again.updated), len(again.skipped)) == (0, 0, 0)
    assert store.members.count() == 3


def test_pretix_without_secrets_tells_tickets_apart_by_order_code_and_position(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    text = (
        "Order code,Attendee name,Product,Checked in,E-mail\n"
        "Q1W2E,Pat Lee,Evening,,pat.lee@example.com\n"
        "Q1W2E,Sam Lee,Evening,,pat.lee@example.com\n"
    )
    path = write(tmp_path, text)
    run(store, meeting, clock, path)
    # Sam's ticket now names Kim: the ticket's id is the same, but it is someone new.
    renamed = run(store, meeting, clock, write(tmp_path, text.replace("Sam Lee", "Kim Lee"), "renamed.csv"))
    assert [note.name for note in renamed.added] == ["Kim Lee"]
    again = run(store, meeting, clock, path)
    assert (len(again.added), len(again.skipped)) == (0, 0)
    assert store.members.count() == 3


def test_meetup_namesakes_are_told_apart_by_their_user_id(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes\n"
        "Jordan Cohen,,200000101,,No,Yes,0,2026-11-01,2025-01-15,https://www.meetup.com/members/200000101/,\n"
        "Jordan Cohen,Y,200000102,,No,Yes,0,2026-11-02,2025-02-15,https://www.meetup.com/members/200000102/,\n",
    )
    summary = run(store, meeting, clock, path)
    assert [note.row for note in summary.added] == [2, 3]
    assert summary.skipped == []
    again = run(store, meeting, clock, path)  # the name alone fits both: the user id says which is which
    assert [(note.row, note.message) for note in again.unchanged] == [
        (2, "matched by attendee id"),
        (3, "matched by attendee id"),
    ]
    assert store.members.count() == 2


def test_tickets_in_the_buyers_own_name_are_reported_not_dropped(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    # The organiser did not collect details per attendee: the buyer's name and email fill every row of the order.
    header = (
        "Order #,First Name,Last Name,Email,Attendee #,Attendee Status\n"
        "1300000009,Gil,Moreau,gil.moreau@example.com,3400000091,Attending\n"
    )
    second = "1300000009,Gil,Moreau,gil.moreau@example.com,{},Attending\n"
    summary = run(store, meeting, clock, write(tmp_path, header + second.format("3400000092")))
    assert store.members.count() == 1
    assert [note.line() for note in summary.skipped] == [
        "row 3 Gil Moreau: another ticket in the same name and email as row 2; "
        "registered once: check in whoever comes with it as a walk-in"
    ]
    duplicate = run(store, meeting, clock, write(tmp_path, header + second.format("3400000091")))
    assert [note.message for note in duplicate.skipped] == ["duplicate of row 2 (same attendee id)"]


def test_a_members_own_address_is_kept_when_a_group_order_lists_them_under_the_buyers(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    ben = store.members.add(Member(first_name="Ben", last_name="Okoro", email="ben.okoro@example.com"))
    path = write(
        tmp_path,
        "First Name,Last Name,Email\nBen,Okoro,ana.ruiz@example.com\nAna,Ruiz,ana.ruiz@example.com\n",
    )
    summary = run(store, meeting, clock, path)
    assert [(note.name, note.message) for note in summary.unchanged] == [("Ben Okoro", "matched by name")]
    assert [note.name for note in summary.added] == ["Ana Ruiz"]
    members = by_name(store)
    assert members["Ben Okoro"].id == ben.id
    assert members["Ben Okoro"].email == "ben.okoro@example.com"
    assert members["Ana Ruiz"].email == "ana.ruiz@example.com"
    assert registered(store, meeting) == {"Ana Ruiz", "Ben Okoro"}


def test_someone_else_on_a_members_address_is_registered_and_the_member_is_not(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    hannah = store.members.add(Member(first_name="Hannah", last_name="Brown", email="family@example.com"))
    path = write(tmp_path, "First Name,Last Name,Email\nOskar,Novak,family@example.com\n")
    summary = run(store, meeting, clock, path)
    assert [note.name for note in summary.added] == ["Oskar Novak"]
    assert by_name(store)["Oskar Novak"].email is None
    assert store.members.get(hannah.id or 0) == hannah
    assert registered(store, meeting) == {"Oskar Novak"}
    (note,) = summary.warnings
    assert note.line() == (
        "row 2 Oskar Novak, 'Email': family@example.com is Hannah Brown's, another person: "
        "it stays with Hannah Brown; Oskar Novak comes in without an email (merge the two if they are one person)"
    )


def test_a_refunded_second_ticket_takes_back_only_that_registration(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    run(store, meeting, clock, EVENTBRITE)
    ben = "3400000002,,Free Order,USD,0.00,0.00,0.00,0.00,{}"
    refunded = EVENTBRITE.read_text(encoding="utf-8").replace(ben.format("Attending"), ben.format("Refunded"))
    summary = run(store, meeting, clock, write(tmp_path, refunded, "thursday.csv"))
    assert [(note.row, note.name) for note in summary.unregistered] == [(3, "Ben Okoro")]
    assert "Ana Ruiz" in registered(store, meeting)
    assert "Ben Okoro" not in registered(store, meeting)
