"""Imports may make sharing narrower, never wider; a choice the member made outranks every file; merges keep
the narrower choice and every explicit one."""

from __future__ import annotations

from pathlib import Path

from sessions.exports import ExportKind, ExportRequest, ExportScope, import_meeting_json, run_export
from sessions.models import Group, Meeting, Member, SharedField, Sharing
from sessions.roster import ImportSummary, import_roster
from sessions.roster.merge import merge_members
from sessions.store import Store
from sessions.timekeeping import FakeClock

FORM_HEADER = "Name,Email,May others see your email?,May others see your phone?\n"


def run(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path, rows: str) -> ImportSummary:
    path = tmp_path / "form.csv"
    path.write_text(FORM_HEADER + rows, encoding="utf-8")
    return import_roster(store, path, meeting=meeting, now=clock.now())


def add(store: Store, sharing: Sharing, email: str = "ama.owusu@example.com") -> Member:
    return store.members.add(Member(first_name="Ama", last_name="Owusu", email=email, sharing=sharing))


def test_a_new_members_answers_stand(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    run(store, meeting, clock, tmp_path, "Ama Owusu,ama.owusu@example.com,Yes,No\n")
    (ama,) = store.members.all()
    assert (ama.sharing.email, ama.sharing.phone) == (True, False)
    assert ama.sharing.chosen == frozenset()  # read from a file: a later file may still narrow it


def test_a_file_may_narrow_but_not_widen_what_is_recorded(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    known = add(store, Sharing(email=True, phone=False))
    summary = run(store, meeting, clock, tmp_path, "Ama Owusu,ama.owusu@example.com,No,Yes\n")
    ama = store.members.get(known.id or 0)
    assert (ama.sharing.email, ama.sharing.phone) == (False, False)
    assert [n.message for n in summary.updated] == ["matched by email; changed sharing"]
    assert [n.message for n in summary.warnings] == [
        "kept Ama Owusu's phone private: the file would share it; change it on the card"
    ]


def test_an_explicit_choice_is_left_as_it_is_either_way(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    chosen = Sharing().choose(SharedField.EMAIL, True).choose(SharedField.PHONE, False)
    known = add(store, chosen)
    summary = run(store, meeting, clock, tmp_path, "Ama Owusu,ama.owusu@example.com,No,Yes\n")
    assert store.members.get(known.id or 0).sharing == chosen
    assert summary.updated == []
    assert [n.message for n in summary.warnings] == [
        "kept Ama Owusu's email shared: chosen on their card; the file would make it private",
        "kept Ama Owusu's phone private: chosen on their card; the file would share it",
    ]


def test_a_dry_run_warns_the_same(store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path) -> None:
    known = add(store, Sharing().choose(SharedField.EMAIL, False))
    path = tmp_path / "form.csv"
    path.write_text(FORM_HEADER + "Ama Owusu,ama.owusu@example.com,Yes,\n", encoding="utf-8")
    summary = import_roster(store, path, meeting=meeting, now=clock.now(), dry_run=True)
    assert [n.row for n in summary.warnings] == [2]
    assert (
        "    row 2 Ama Owusu: kept Ama Owusu's email private: chosen on their card; the file would share it"
        in summary.lines()
    )
    assert not store.members.get(known.id or 0).sharing.email


def test_merging_keeps_the_narrower_choice_and_every_explicit_one(store: Store) -> None:
    at_the_door = Sharing().choose(SharedField.PHONE, True).choose(SharedField.LINKEDIN, False)
    registered = add(store, Sharing(email=True, phone=False, linkedin=True))
    walk_in = add(store, at_the_door.with_choice(SharedField.EMAIL, True), email="ama.o@example.com")
    kept = merge_members(store, registered.id or 0, walk_in.id or 0)
    assert (kept.sharing.email, kept.sharing.phone, kept.sharing.linkedin) == (True, False, False)
    assert kept.sharing.chosen == {SharedField.PHONE, SharedField.LINKEDIN}
    assert store.members.get(kept.id or 0).sharing == kept.sharing


def test_explicit_choices_survive_the_database_and_a_dump(store: Store) -> None:
    sharing = Sharing().choose(SharedField.WEBSITE, False).choose(SharedField.EMAIL, True)
    saved = add(store, sharing)
    assert store.members.get(saved.id or 0).sharing == sharing
    assert Sharing.model_validate(sharing.model_dump()) == sharing
    assert Sharing.model_validate_json(sharing.model_dump_json()) == sharing
    assert sharing.model_dump()["chosen"] == ["email", "website"]  # the same bytes every time


def test_rows_written_before_choices_were_recorded_read_as_nothing_chosen(store: Store) -> None:
    saved = add(store, Sharing(email=True))
    store.db.execute(
        "UPDATE members SET sharing = ? WHERE id = ?",
        (
            '{"email":true,"employers":true,"headline":true,"linkedin":true,"phone":false,"targets":true,"website":true}',
            saved.id,
        ),
    )
    assert store.members.get(saved.id or 0).sharing == Sharing(email=True)


def test_explicit_choices_travel_in_the_meeting_json(
    store: Store, meeting: Meeting, clock: FakeClock, tmp_path: Path
) -> None:
    sharing = Sharing(email=True).choose(SharedField.PHONE, False).choose(SharedField.LINKEDIN, True)
    ama = add(store, sharing)
    assert meeting.id is not None
    store.attendance.check_in(meeting.id, ama.id or 0, clock.now())
    path = tmp_path / "meeting.json"
    run_export(store, ExportRequest(ExportKind.JSON, path, ExportScope(meeting), clock.now()))
    with Store.opened(tmp_path / "other-laptop.sqlite3") as other:
        other.save_group(Group(name="Same group, other laptop"))
        import_meeting_json(other, path, clock)
        (copy,) = other.members.all()
    assert copy.sharing == sharing
