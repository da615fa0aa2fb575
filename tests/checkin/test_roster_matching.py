"""Matching rows to members, and how an update changes a member (fill and refresh, never erase)."""

from __future__ import annotations

from pathlib import Path

from sessions.models import Meeting, Member, Sharing, Tag
from sessions.roster import ImportSummary, import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock


def run(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path, text: str) -> ImportSummary:
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    return import_roster(store, path, meeting=meeting, now=clock.now())


def add(store: Store, **fields: object) -> Member:
    return store.members.add(Member.model_validate(fields))


def test_email_matches_in_any_case(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    known = add(store, first_name="Sofía", last_name="Raman", email="sofia.raman@example.com")
    summary = run(store, meeting, clock, tmp_path, "Name,Email\nSofia R.,SOFIA.RAMAN@EXAMPLE.COM\n")
    assert [(n.row, n.message) for n in summary.unchanged] == [(2, "matched by email")]
    assert store.members.count() == 1
    assert known.id is not None
    assert meeting.id is not None
    assert store.attendance.get(meeting.id, known.id).registered


def test_name_matches_when_nothing_contradicts(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    known = add(store, first_name="Mía", last_name="Fernández", phone="+12145558330")
    summary = run(store, meeting, clock, tmp_path, "Name,Email,Phone\nMIA FERNANDEZ,mia@example.com,(214) 555-8330\n")
    assert summary.updated[0].message == "matched by name; changed email"
    assert store.members.get(known.id or 0).email == "mia@example.com"


def test_a_different_email_means_a_different_person(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    add(store, first_name="Jordan", last_name="Cohen", email="jordan.one@example.com")
    summary = run(store, meeting, clock, tmp_path, "First Name,Last Name,Email\nJordan,Cohen,jordan.two@example.com\n")
    assert len(summary.added) == 1
    assert store.members.count() == 2


def test_a_different_linkedin_or_phone_contradicts_a_name_match(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    add(store, first_name="Ruth", last_name="Kim", linkedin="https://www.linkedin.com/in/ruth-kim-1")
    add(store, first_name="Ana", last_name="Silva", phone="+12145550001")
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        "Name,LinkedIn,Phone\nRuth Kim,linkedin.com/in/ruth-kim-2,\nAna Silva,,214 555 0002\n",
    )
    assert [n.name for n in summary.added] == ["Ruth Kim", "Ana Silva"]


def test_a_name_that_fits_several_members_is_not_guessed(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    first = add(store, first_name="Grace", last_name="Moreau", email="grace1@example.com")
    second = add(store, first_name="Grace", last_name="Moreau", email="grace2@example.com")
    summary = run(store, meeting, clock, tmp_path, "Name,RSVP\nGrace Moreau,Yes\n")
    (note,) = summary.skipped
    assert note.message == (
        f"the name fits 2 members ({first.id}, {second.id}) and nothing tells them apart; not imported"
    )
    assert store.members.count() == 2


def test_updates_fill_and_refresh_but_never_blank_out(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    known = add(
        store,
        first_name="Priya",
        last_name="Tanaka",
        email="priya@example.com",
        headline="HR partner moving into cloud",
        phone="+12145552413",
        employers=["Ericsson", "EDS"],
        target_roles=["cloud engineering"],
        subgroups=["Marketing"],
        notes="met at the library",
        tags=[Tag.CONNECTOR],
        extra={"Pronouns": "she/her"},
    )
    summary = run(
        store,
        meeting,
        clock,
        tmp_path,
        "First Name,Last Name,Email,Phone,Job Title,Company,What are you looking for?,Sub-group,T-shirt size\n"
        "Priya,Tanaka,priya@example.com,,HR Business Partner,Sabre,,,M\n",
    )
    assert summary.updated[0].message == "matched by email; changed employers, extra"
    member = store.members.get(known.id or 0)
    assert member.phone == "+12145552413"  # a blank cell never clears
    assert member.headline == "HR partner moving into cloud"  # a job title only fills an empty headline
    assert member.employers == ["Sabre", "Ericsson", "EDS"]  # the newest employer first
    assert member.target_roles == ["cloud engineering"]
    assert member.subgroups == ["Marketing"]
    assert member.notes == "met at the library"
    assert member.tags == frozenset({Tag.CONNECTOR})
    assert member.extra == {"Pronouns": "she/her", "T-shirt size": "M"}


def test_non_empty_targets_replace_and_sharing_answers_refresh(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    known = add(
        store,
        first_name="Leila",
        last_name="Rossi",
        email="leila@example.com",
        target_roles=["IT leadership"],
        sharing=Sharing(email=True, linkedin=True),
    )
    run(
        store,
        meeting,
        clock,
        tmp_path,
        "Name,Email,Looking for,May others see your email?,First time here?\n"
        "Leila Rossi,leila@example.com,data science,No,Yes\n",
    )
    member = store.members.get(known.id or 0)
    assert member.target_roles == ["data science"]
    assert member.sharing.email is False
    assert member.sharing.linkedin is True  # not asked: kept
    assert member.has_tag(Tag.NEWCOMER)


def test_a_name_that_is_not_the_members_is_not_taken_from_a_shared_email(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    known = add(store, first_name="Hannah", last_name="Brown", email="family@example.com")
    summary = run(store, meeting, clock, tmp_path, "First Name,Last Name,Email\nOskar,Novak,family@example.com\n")
    assert store.members.get(known.id or 0).full_name == "Hannah Brown"
    # Oskar is someone else on Hannah's address: registered in their own name, without it.
    assert [(n.name, n.message) for n in summary.added] == [("Oskar Novak", "new member")]


def test_a_changed_last_name_is_refreshed(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    known = add(store, first_name="Nadia", last_name="Dubois", email="nadia@example.com")
    run(store, meeting, clock, tmp_path, "First Name,Last Name,Email\nNadia,Mensah,nadia@example.com\n")
    assert store.members.get(known.id or 0).full_name == "Nadia Mensah"


def test_sharing_defaults_apply_to_new_members_without_consent_columns(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    run(store, meeting, clock, tmp_path, "Name,Email,Phone\nOmar Haddad,omar@example.com,214 555 0100\n")
    (member,) = store.members.all()
    assert member.sharing == Sharing()
    assert (member.sharing.email, member.sharing.phone, member.sharing.linkedin) == (False, False, True)
