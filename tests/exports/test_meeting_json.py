"""The meeting as JSON: export, then import on a fresh database reproduces it; nothing is duplicated;
a bad file is refused with its name and the JSON path of the problem, and changes nothing."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from sessions.errors import TablesessionError
from sessions.exports import ExportKind, ExportRequest, ExportScope, import_meeting_json, run_export
from sessions.models import (
    Group,
    Meeting,
    Member,
    OwnCard,
    RuleKind,
    SeatingRule,
    SeatingSettings,
    SharedField,
    Sharing,
    SubgroupMode,
    parse_room,
)
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import SECRET_DOMAIN, RunMeeting

# The card as the group holds it: every field, and what its member chose to share.
CARD = {
    "first_name", "last_name", "headline", "employers", "target_roles", "target_companies", "subgroups",
    "email", "phone", "linkedin", "website", "tags", "sharing",
}  # fmt: skip
# Each field a member can withhold, and the keys of a member record that carry it.
FIELD_KEYS = {
    "headline": ("headline",),
    "employers": ("employers",),
    "targets": ("target_roles", "target_companies"),
    "email": ("email",),
    "phone": ("phone",),
    "linkedin": ("linkedin",),
    "website": ("website",),
}


@pytest.fixture
def exported(store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path) -> Path:
    path = tmp_path / "meeting.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    return path


@pytest.fixture
def fresh(tmp_path: Path) -> Store:
    other = Store.open(tmp_path / "other-laptop.sqlite3")
    other.save_group(Group(name="Same group, other laptop"))
    return other


def seating_by_name(store: Store, meeting_id: int) -> list[tuple[int, str, list[str]]]:
    plan = store.seating.load(meeting_id)
    assert plan is not None
    names = {m.id: m.full_name for m in store.members.all()}
    return [
        (round_.number, table.label, [names[mid] for mid in table.member_ids])
        for round_ in plan.rounds
        for table in round_.tables
    ]


def attendance_by_name(store: Store, meeting_id: int) -> dict[str, tuple[bool, bool, bool, bool]]:
    return {
        member.full_name: (record.checked_in, record.walk_in, record.no_show, record.left_at is not None)
        for member, record in store.attendance.roster(meeting_id)
    }


def test_import_on_a_fresh_database_reproduces_the_meeting(
    store: Store, run_meeting: RunMeeting, exported: Path, fresh: Store, clock: FakeClock
) -> None:
    summary = import_meeting_json(fresh, exported, clock)
    assert summary.meeting_created
    assert summary.members_added == 8
    assert summary.members_matched == 0
    original, copy = run_meeting.meeting, summary.meeting
    assert copy.id is not None
    assert original.id is not None
    assert copy.model_dump(exclude={"id"}) == original.model_dump(exclude={"id"})
    assert seating_by_name(fresh, copy.id) == seating_by_name(store, original.id)
    assert attendance_by_name(fresh, copy.id) == attendance_by_name(store, original.id)
    plan = fresh.seating.load(copy.id)
    assert plan is not None
    assert [r.locked for r in plan.rounds] == [True, False]
    events = [(e.round_number, e.command, e.argument, e.wall_time) for e in fresh.clock_log.events(copy.id)]
    assert events == [(e.round_number, e.command, e.argument, e.wall_time) for e in store.clock_log.events(original.id)]
    # Cards arrive whole, each with its sharing choices as recorded.
    cards = {m.first_name: m for m in fresh.members.all()}
    for name, member in run_meeting.members.items():
        assert cards[name].model_dump(include=CARD) == member.model_dump(include=CARD), name
    assert cards["美咲"].last_name == "山田"


def test_the_file_for_another_laptop_carries_every_card_whole(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    path = tmp_path / "meeting.json"
    summary = run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The export says the file holds what people did not share: Renée, Kwame and Noah kept email and phone
    # (and Kwame his LinkedIn) to themselves, 美咲 her phone; Ingrid and Tomás have nothing withheld.
    assert any(
        line.startswith("holds private details of 4 people, fields they did not share: ")
        and "email (3)" in line
        and "phone (3)" in line
        and "--shared-only" in line
        for line in summary.lines()
    ), summary.lines()
    assert f"noah@{SECRET_DOMAIN}" in path.read_text(encoding="utf-8")

    import_meeting_json(fresh, path, clock)
    noah = fresh.members.find_by_email(f"noah@{SECRET_DOMAIN}")
    assert noah is not None
    assert noah.full_name == "Noah Quinn"
    kwame = fresh.members.find_by_email(f"KWAME@{SECRET_DOMAIN}")
    assert kwame is not None
    original = run_meeting.members["Kwame"]
    assert kwame.sharing == original.sharing
    assert (kwame.phone, kwame.linkedin, kwame.employers) == (original.phone, original.linkedin, original.employers)
    # Still private on this laptop: what goes to other people is as the member chose.
    assert kwame.shared_card() == original.shared_card()


def test_the_shared_only_file_has_no_unshared_field_anywhere(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    path = tmp_path / "to hand out.json"
    request = ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now(), shared_only=True)
    summary = run_export(store, request)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not any("private details" in line for line in summary.lines())
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["shared_only"] is True
    withheld = 0
    for record in data["members"]:
        for field, keys in FIELD_KEYS.items():
            if not record["sharing"][field]:
                withheld += 1
                assert all(record[key] in (None, "", []) for key in keys), (record["first_name"], field)
    assert withheld >= 10
    for value in (SECRET_DOMAIN, "555 0102", "555 0104", "kwame-private", "Frito-Lay", "+81 3 5555 0103"):
        assert value not in text
    # Imported, each field keeps its sharing as recorded; the shared values arrive, the rest stay unknown.
    import_meeting_json(fresh, path, clock)
    cards = {m.first_name: m for m in fresh.members.all()}
    for name, member in run_meeting.members.items():
        assert cards[name].sharing == member.sharing, name
        assert cards[name].shared_card() == member.shared_card(), name
    assert cards["Renée"].email is None


def test_importing_twice_duplicates_nothing(exported: Path, fresh: Store, clock: FakeClock) -> None:
    first = import_meeting_json(fresh, exported, clock)
    second = import_meeting_json(fresh, exported, clock)
    assert not second.meeting_created
    assert second.meeting.id == first.meeting.id
    assert second.members_added == 0
    assert second.members_matched == 8
    assert second.clock_events_added == 0
    assert fresh.members.count() == 8
    assert len(fresh.meetings.all()) == 1
    assert first.meeting.id is not None
    assert len(fresh.clock_log.events(first.meeting.id)) == 3


def test_people_already_here_are_matched_by_email_or_name(
    store: Store, run_meeting: RunMeeting, fresh: Store, clock: FakeClock, tmp_path: Path
) -> None:
    exported = tmp_path / "shared.json"
    scope = ExportScope(run_meeting.meeting)
    run_export(store, ExportRequest(ExportKind.JSON, exported, scope, clock.now(), shared_only=True))
    by_email = fresh.members.add(Member(first_name="O.", last_name="Dubois", email="OLGA.DUBOIS@EXAMPLE.COM"))
    by_name = fresh.members.add(Member(first_name="renée", last_name="fernández-müller", phone="+1 972 555 0100"))
    # The file's Noah withheld his email (a shared-only file), so nothing says this Noah is someone else.
    same_noah = fresh.members.add(Member(first_name="Noah", last_name="Quinn", email="noah.q@example.com"))
    # The file's Tomás shares tomas@example.com; a Tomás here with another email is another person.
    other_tomas = fresh.members.add(Member(first_name="Tomás", last_name="Trần", email="t.tran@example.com"))
    summary = import_meeting_json(fresh, exported, clock)
    assert summary.members_matched == 3
    assert summary.members_added == 5
    assert fresh.members.count() == 9
    assert summary.meeting.id is not None
    roster = {m.id for m, _ in fresh.attendance.roster(summary.meeting.id)}
    assert {by_email.id, by_name.id, same_noah.id} <= roster
    assert other_tomas.id not in roster
    kept = fresh.members.get(by_name.id or 0)
    assert kept.phone == "+1 972 555 0100"
    assert kept.first_name == "renée"
    assert kept.linkedin == "https://www.linkedin.com/in/renee-fm"  # a blank is filled from the file


def test_two_people_here_with_the_imported_name_is_refused(exported: Path, fresh: Store, clock: FakeClock) -> None:
    for phone in ("+1 972 555 0001", "+1 972 555 0002"):
        fresh.members.add(Member(first_name="Kwame", last_name="Mensah", phone=phone))
    with pytest.raises(TablesessionError, match=r"meeting\.json: \$\.members\[\d+\]: Kwame Mensah matches 2 members"):
        import_meeting_json(fresh, exported, clock)
    assert fresh.members.count() == 2
    assert fresh.meetings.all() == []


def _broken(tmp_path: Path, exported: Path, change: object) -> Path:
    data = json.loads(exported.read_text(encoding="utf-8"))
    change(data)  # type: ignore[operator]
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.__setitem__("format", "something-else"), r"broken\.json: \$\.format: expected"),
        (lambda d: d.__setitem__("version", 99), r"broken\.json: \$\.version: written by a newer tablesession"),
        (lambda d: d["members"][2].__setitem__("email", "not-an-email"), r"\$\.members\[2\]\.email: not a valid email"),
        (lambda d: d["members"][0].pop("first_name"), r"\$\.members\[0\]\.first_name: is required"),
        (lambda d: d["meeting"].__setitem__("date", "someday"), r"\$\.meeting\.date: "),
        (
            lambda d: d["attendance"][1].__setitem__("member", 999),
            r"\$\.attendance\[1\]\.member: no member with ref 999",
        ),
        (
            lambda d: d["seating"]["rounds"][0]["tables"][0]["seats"][0].__setitem__("member", 77),
            r"\$\.seating\.rounds\[0\]\.tables\[0\]\.seats\[0\]\.member: no member with ref 77",
        ),
        (
            lambda d: d["seating"]["rounds"][0]["tables"][1]["seats"].append(
                dict(d["seating"]["rounds"][0]["tables"][0]["seats"][0], number=9)
            ),
            r"\$\.seating\.rounds\[0\]: .*seats member \d+ twice",
        ),
        (lambda d: d["members"][1].__setitem__("surprise", 1), r"\$\.members\[1\]\.surprise: is not a known field"),
        (
            lambda d: d.__setitem__("seating_rules", [{"kind": "apart", "members": [1, 99], "standing": True}]),
            r"\$\.seating_rules\[0\]\.members\[1\]: no member with ref 99",
        ),
        (
            lambda d: d.__setitem__("seating_rules", [{"kind": "apart", "members": [1, 2, 3], "standing": True}]),
            r"\$\.seating_rules\[0\]: keeping apart is for exactly 2 members, not 3",
        ),
        (
            lambda d: d.__setitem__("seating_settings", {"rounds": 0}),
            r"\$\.seating_settings\.rounds: Input should be greater than or equal to 1",
        ),
        (
            lambda d: d.__setitem__(
                "seat_changes",
                [
                    {
                        "kind": "left",
                        "member": 1,
                        "happened_at": "2026-11-24T19:05:00+00:00",
                        "changes": [{"round": 2, "member": 55, "from_table": "1", "to_table": "2"}],
                    }
                ],
            ),
            r"\$\.seat_changes\[0\]\.changes\[0\]\.member: no member with ref 55",
        ),
        (
            lambda d: d.__setitem__(
                "seat_changes", [{"kind": "wandered off", "member": 1, "happened_at": "2026-11-24T19:05:00+00:00"}]
            ),
            r"\$\.seat_changes\[0\]\.kind: ",
        ),
    ],
)
def test_a_bad_file_is_refused_with_its_path_and_changes_nothing(
    tmp_path: Path, exported: Path, fresh: Store, clock: FakeClock, *, change: object, message: str
) -> None:
    path = _broken(tmp_path, exported, change)
    with pytest.raises(TablesessionError, match=message):
        import_meeting_json(fresh, path, clock)
    assert fresh.members.count() == 0
    assert fresh.meetings.all() == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"format": "tablesession-meeting",', r"bad\.json: is not valid JSON \(line 1, column \d+"),
        (b"[1, 2]", r"bad\.json: \$: expected an object"),
        (b"\xff\xfe{}", r"bad\.json: is not UTF-8 text"),
    ],
)
def test_unreadable_files_are_named(
    tmp_path: Path, fresh: Store, clock: FakeClock, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(TablesessionError, match=message):
        import_meeting_json(fresh, path, clock)


def test_the_document_is_versioned_and_has_every_section(exported: Path) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    assert data["format"] == "tablesession-meeting"
    assert data["version"] == 4
    assert data["shared_only"] is False
    assert set(data) >= {
        "meeting",
        "members",
        "attendance",
        "seating",
        "rounds_run",
        "clock_log",
        "exported_at",
        "seat_changes",
    }
    assert data["seating_settings"] is None  # none saved for this meeting
    assert data["seating_rules"] == []
    assert data["rounds_run"] == [1]
    assert all("notes" not in member and "extra" not in member for member in data["members"])


def test_newer_card_in_the_file_wins_and_brings_the_choices_made_there(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    # This laptop knew Tomás earlier, sharing nothing; at the meeting he updated his card and chose to share
    # his email there. The phone shared on that card came from a file, not from him: it stays private here.
    old = fresh.members.add(Member(first_name="Tomás", last_name="Trần", headline="Old headline"))
    tomas = run_meeting.members["Tomás"]
    chosen_there = Sharing(phone=True, website=False).choose(SharedField.EMAIL, True)
    store.members.update(tomas.model_copy(update={"headline": "New headline", "sharing": chosen_there}))
    path = tmp_path / "newer.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    import_meeting_json(fresh, path, clock)
    merged = fresh.members.get(old.id or 0)
    assert merged.headline == "New headline"
    assert merged.email == "tomas@example.com"
    assert merged.sharing.email
    assert merged.sharing.is_chosen(SharedField.EMAIL)
    assert not merged.sharing.phone  # a file's answer never widens what is shared here
    assert not merged.sharing.website  # ... but may narrow it


def test_a_choice_made_here_outranks_the_newer_files_answer(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    old = fresh.members.add(
        Member(first_name="Tomás", last_name="Trần", sharing=Sharing().choose(SharedField.LINKEDIN, False))
    )
    tomas = run_meeting.members["Tomás"]
    store.members.update(tomas.model_copy(update={"headline": "New", "sharing": Sharing(linkedin=True)}))
    path = tmp_path / "newer.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    import_meeting_json(fresh, path, clock)
    merged = fresh.members.get(old.id or 0)
    assert merged.headline == "New"
    assert not merged.sharing.linkedin


def test_a_value_filled_in_from_the_file_is_shared_only_if_both_laptops_say_so(
    exported: Path, fresh: Store, clock: FakeClock
) -> None:
    # This laptop's cards are newer but lack the emails the file holds. Here Noah shares his email (were
    # it known); in the file he keeps it private. Olga shares hers in the file, not here.
    noah = fresh.members.add(Member(first_name="Noah", last_name="Quinn", sharing=Sharing(email=True)))
    olga = fresh.members.add(Member(first_name="Olga", last_name="Dubois, Jr.", sharing=Sharing(phone=True)))
    import_meeting_json(fresh, exported, clock)
    noah, olga = fresh.members.get(noah.id or 0), fresh.members.get(olga.id or 0)
    assert noah.email == f"noah@{SECRET_DOMAIN}"
    assert not noah.sharing.email
    assert noah.shared_card().email is None
    assert (olga.email, olga.phone) == ("Olga.Dubois@example.com", "+1 214 555 0101")
    assert not olga.sharing.email
    assert olga.sharing.phone


def _rule(kind: RuleKind, *members: Member, meeting: Meeting | None = None, note: str = "") -> SeatingRule:
    return SeatingRule(
        kind=kind,
        member_ids=tuple(m.id or 0 for m in members),
        meeting_id=None if meeting is None else meeting.id,
        note=note,
    )


def _rules_by_name(store: Store) -> set[tuple[str, tuple[str, ...], bool]]:
    names = {m.id: m.full_name for m in store.members.all()}
    return {
        (r.kind.value, tuple(sorted(names[m] for m in r.member_ids)), r.standing) for r in store.seating_rules.all()
    }


def test_seating_settings_and_rules_travel_with_the_meeting(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    people, meeting = run_meeting.members, run_meeting.meeting
    assert meeting.id is not None
    settings = SeatingSettings(
        rounds=3, max_size=7, mode=SubgroupMode.CLUSTER, apart_same_employer=True, room=parse_room("1-2:8, Bar A:6")
    )
    store.seating_settings.save(meeting.id, settings)
    store.seating_rules.add(_rule(RuleKind.APART, people["Olga"], people["Kwame"], note="private reason"))
    store.seating_rules.add(_rule(RuleKind.TOGETHER, people["Noah"], people["Tomás"], meeting=meeting))
    # A rule about someone who is not part of this meeting stays behind.
    stranger = store.members.add(Member(first_name="Jordan", last_name="Lee"))
    store.seating_rules.add(_rule(RuleKind.APART, people["Ingrid"], stranger))
    path = tmp_path / "meeting.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(meeting), clock.now()))
    assert "private reason" not in path.read_text(encoding="utf-8")

    summary = import_meeting_json(fresh, path, clock)
    assert summary.meeting.id is not None
    assert fresh.seating_settings.get(summary.meeting.id) == settings
    assert (summary.settings, summary.rules_added, summary.rules_known, summary.rules_refused) == (True, 2, 0, ())
    assert _rules_by_name(fresh) == {
        ("apart", ("Kwame Mensah", "Olga Dubois, Jr."), True),
        ("together", ("Noah Quinn", "Tomás Trần"), False),
    }
    one_off = next(r for r in fresh.seating_rules.all() if not r.standing)
    assert one_off.meeting_id == summary.meeting.id
    # Again: nothing doubled.
    again = import_meeting_json(fresh, path, clock)
    assert (again.rules_added, again.rules_known) == (0, 2)
    assert len(fresh.seating_rules.all()) == 2
    assert "seating rules: 0 added, 2 already here; seating settings: from the file" in again.lines()


def test_a_rule_here_outranks_a_contradicting_one_in_the_file(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    people = run_meeting.members
    store.seating_rules.add(_rule(RuleKind.TOGETHER, people["Olga"], people["Kwame"]))
    store.seating_rules.add(_rule(RuleKind.APART, people["Noah"], people["Ingrid"]))
    path = tmp_path / "meeting.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    # This laptop's facilitator keeps Olga and Kwame apart.
    olga = fresh.members.add(Member(first_name="Olga", last_name="Dubois, Jr.", email="olga.dubois@example.com"))
    kwame = fresh.members.add(Member(first_name="Kwame", last_name="Mensah"))
    fresh.seating_rules.add(_rule(RuleKind.APART, olga, kwame))

    summary = import_meeting_json(fresh, path, clock)
    assert summary.rules_added == 1
    assert len(summary.rules_refused) == 1
    assert summary.rules_refused[0].startswith("$.seating_rules[0]: Olga Dubois, Jr. and Kwame Mensah are kept apart")
    assert any(line.startswith("  left out: $.seating_rules[0]") for line in summary.lines())
    assert _rules_by_name(fresh) == {
        ("apart", ("Kwame Mensah", "Olga Dubois, Jr."), True),
        ("apart", ("Ingrid Larsen", "Noah Quinn"), True),
    }


def test_a_version_1_file_without_settings_or_rules_still_imports(
    exported: Path, fresh: Store, clock: FakeClock, tmp_path: Path
) -> None:
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["version"] = 1
    del data["seating_settings"], data["seating_rules"], data["shared_only"]
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = import_meeting_json(fresh, path, clock)
    assert summary.members_added == 8
    assert summary.rounds == 2
    assert (summary.settings, summary.rules_added) == (False, 0)
    assert fresh.seating_rules.all() == []


def test_the_business_card_choice_travels_to_the_other_laptop(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    tomas = run_meeting.members["Tomás"]
    own = OwnCard(wanted=True, fields=frozenset({SharedField.EMAIL}))
    store.members.update(tomas.model_copy(update={"own_card": own}))
    path = tmp_path / "cards.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(run_meeting.meeting), clock.now()))
    import_meeting_json(fresh, path, clock)
    (arrived,) = [m for m in fresh.members.all() if m.first_name == "Tomás"]
    assert arrived.own_card == own


def test_the_seat_changes_travel_with_the_meeting_once(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, fresh: Store, tmp_path: Path
) -> None:
    from sessions.store import SeatChange, SeatChangeKind

    people, meeting = run_meeting.members, run_meeting.meeting
    assert meeting.id is not None
    ids = {name: member.id or 0 for name, member in people.items()}
    stranger = store.members.add(Member(first_name="Jordan", last_name="Lee"))  # in no part of this meeting
    store.seat_changes.record(
        meeting.id,
        SeatChangeKind.LEFT,
        ids["Ingrid"],
        clock.now(),
        [
            SeatChange(round=2, member_id=ids["Ingrid"], from_table="Window 2", to_table=None),
            SeatChange(round=2, member_id=ids["Noah"], from_table="1", to_table="Window 2"),
            SeatChange(round=2, member_id=stranger.id or 0, from_table="1", to_table="Window 2"),
        ],
    )
    path = tmp_path / "meeting.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(meeting), clock.now()))
    assert "Jordan" not in path.read_text(encoding="utf-8")

    def by_name(
        at: Store, meeting_id: int
    ) -> list[tuple[str, str, object, list[tuple[int, str, str | None, str | None]]]]:
        names = {m.id: m.full_name for m in at.members.all()}
        return [
            (
                e.kind.value,
                names.get(e.member_id, "?"),
                e.happened_at,
                [(c.round, names[c.member_id], c.from_table, c.to_table) for c in e.changes],
            )
            for e in at.seat_changes.for_meeting(meeting_id)
        ]

    summary = import_meeting_json(fresh, path, clock)
    assert summary.meeting.id is not None
    assert by_name(fresh, summary.meeting.id) == [
        (
            "left",
            "Ingrid Larsen",
            clock.now(),
            [(2, "Ingrid Larsen", "Window 2", None), (2, "Noah Quinn", "1", "Window 2")],
        )
    ]
    import_meeting_json(fresh, path, clock)  # again: nothing doubled
    assert len(fresh.seat_changes.for_meeting(summary.meeting.id)) == 1
