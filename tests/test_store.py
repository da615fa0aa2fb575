"""The group's SQLite file: round trips, migrations, and files we must refuse without touching."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from sessions.errors import ConflictError, NotFoundError, TablesessionError
from sessions.models import Group, Meeting, Member, Round, SeatingPlan, Sharing, Table, Tag
from sessions.store import (
    CURRENT_VERSION,
    CorruptDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
    Store,
)
from sessions.store.schema import APPLICATION_ID
from tests.conftest import MEETING_DAY, make_member
from tests.schema_versions import database_at


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def test_a_member_round_trips_with_every_field(store: Store) -> None:
    member = Member(
        first_name="Zoë",
        last_name="Trần",
        headline="Supply chain director moving into product",
        employers=["Sabre", "Frito-Lay"],
        target_roles=["Product management"],
        target_companies=["American Airlines"],
        subgroups=["Operations", "IT"],
        email="zoe.tran@example.com",
        phone="+12145550199",
        linkedin="https://www.linkedin.com/in/zoe-tran",
        website="https://zoe.example.com",
        notes="Met at the October meeting;\nbrings cards",
        tags=frozenset({Tag.NEWCOMER, Tag.CONNECTOR}),
        sharing=Sharing(email=True, phone=False, employers=False),
        extra={"How did you hear about us?": "A friend"},
    )
    saved = store.members.add(member)
    loaded = store.members.get(saved.id or 0)
    assert loaded.model_dump(exclude={"id", "created_at", "updated_at"}) == member.model_dump(
        exclude={"id", "created_at", "updated_at"}
    )
    assert loaded.created_at is not None
    assert loaded.updated_at is not None


def test_members_are_listed_by_last_name(store: Store) -> None:
    for first, last in [("Ana", "Zane"), ("Bo", "Abel"), ("Cher", "")]:
        store.members.add(Member(first_name=first, last_name=last))
    assert [m.full_name for m in store.members.all()] == ["Bo Abel", "Cher", "Ana Zane"]


def test_update_changes_the_card_and_unknown_ids_are_reported(store: Store) -> None:
    saved = store.members.add(make_member("Olga", "Dubois"))
    saved.headline = "Controller"
    store.members.update(saved)
    assert store.members.get(saved.id or 0).headline == "Controller"
    with pytest.raises(NotFoundError, match="no member with id 999"):
        store.members.get(999)
    with pytest.raises(NotFoundError):
        store.members.update(saved.model_copy(update={"id": 999}))


def test_two_members_cannot_share_an_email_whatever_its_case(store: Store) -> None:
    store.members.add(make_member("Olga", "Dubois", email="olga@example.com"))
    with pytest.raises(ConflictError, match=r"olga@example\.com already belongs to another member \(Olga Dubois"):
        store.members.add(make_member("Olga", "D", email="olga@EXAMPLE.com"))
    assert store.members.find_by_email("OLGA@example.com") is not None


def test_meetings_and_the_current_one(store: Store) -> None:
    assert store.meetings.current(MEETING_DAY) is None
    past = store.meetings.add(Meeting(date=MEETING_DAY - dt.timedelta(days=7)))
    assert store.meetings.current(MEETING_DAY) == past  # no meeting today: the latest
    today = store.meetings.add(Meeting(date=MEETING_DAY, title="Weekly"))
    store.meetings.add(Meeting(date=MEETING_DAY + dt.timedelta(days=7)))
    assert store.meetings.current(MEETING_DAY) == today
    assert store.meetings.resolve(str(past.id), MEETING_DAY) == past
    assert store.meetings.resolve("2026-11-17", MEETING_DAY) == past
    assert store.meetings.resolve(None, MEETING_DAY) == today
    with pytest.raises(NotFoundError, match="no meeting on 2026-01-01"):
        store.meetings.resolve("2026-01-01", MEETING_DAY)
    with pytest.raises(TablesessionError, match="expected a meeting id or a date"):
        store.meetings.resolve("last week", MEETING_DAY)


def test_attendance_registration_check_in_and_undo(store: Store, meeting: Meeting, people: list[Member]) -> None:
    assert meeting.id is not None
    olga = people[0].id or 0
    first = dt.datetime(2026, 11, 24, 18, 5, tzinfo=dt.UTC)
    store.attendance.check_in(meeting.id, olga, first)
    # A second check-in keeps the first arrival time: nobody is checked in twice.
    again = store.attendance.check_in(meeting.id, olga, first + dt.timedelta(minutes=9))
    assert again.checked_in_at == first
    assert store.attendance.present_ids(meeting.id) == {olga}
    store.attendance.undo_check_in(meeting.id, olga)
    assert store.attendance.present_ids(meeting.id) == set()
    walk_in = store.members.add(make_member("Walk", "In"))
    record = store.attendance.check_in(meeting.id, walk_in.id or 0, first, walk_in=True)
    assert record.walk_in
    assert not record.registered
    assert record.source == "walk-in"
    store.attendance.set_no_show(meeting.id, people[1].id or 0)
    roster = store.attendance.roster(meeting.id)
    assert len(roster) == len(people) + 1
    assert [a.no_show for m, a in roster if m.id == people[1].id] == [True]


def test_seating_plan_round_trip_and_pair_history(store: Store, people: list[Member]) -> None:
    ids = [p.id or 0 for p in people]
    earlier = store.meetings.add(Meeting(date=MEETING_DAY - dt.timedelta(days=7)))
    today = store.meetings.add(Meeting(date=MEETING_DAY + dt.timedelta(days=1)))
    assert earlier.id is not None
    assert today.id is not None
    plan = SeatingPlan(
        meeting_id=earlier.id,
        seed=11,
        rounds=(
            Round(number=1, tables=(Table.of("1", ids[:3], capacity=8), Table.of("Window", ids[3:]))),
            Round(number=2, locked=True, tables=(Table.of("1", [ids[0], ids[3]]), Table.of("2", ids[1:3] + ids[4:]))),
        ),
    )
    store.seating.save(plan)
    loaded = store.seating.load(earlier.id)
    assert loaded is not None
    assert loaded.rounds == plan.rounds
    assert loaded.seed == 11
    history = store.seating.pair_history(today)
    first, second = ids[0], ids[3]
    assert history[(min(first, second), max(first, second))] == [earlier.date]
    assert len(history[(ids[1], ids[2])]) == 2  # together in both rounds
    assert store.seating.pair_history(earlier) == {}


def test_forgetting_a_member_empties_their_seats_but_keeps_other_pairs(store: Store, people: list[Member]) -> None:
    ids = [p.id or 0 for p in people[:3]]
    earlier = store.meetings.add(Meeting(date=MEETING_DAY - dt.timedelta(days=7)))
    store.seating.save(SeatingPlan(meeting_id=earlier.id or 0, rounds=(Round(number=1, tables=(Table.of("1", ids),)),)))
    store.members.delete(ids[0])
    loaded = store.seating.load(earlier.id or 0)
    assert loaded is not None
    assert loaded.rounds[0].tables[0].member_ids == (ids[1], ids[2])
    later = store.meetings.add(Meeting(date=MEETING_DAY + dt.timedelta(days=7)))
    assert set(store.seating.pair_history(later)) == {(ids[1], ids[2])}


def test_a_failed_transaction_leaves_nothing_behind(store: Store) -> None:
    def import_two_with_one_email() -> None:
        with store.transaction():
            store.members.add(make_member("Ana", "One", email="same@example.com"))
            store.members.add(make_member("Ana", "Two", email="same@example.com"))

    with pytest.raises(ConflictError):
        import_two_with_one_email()
    assert store.members.count() == 0


def test_changes_are_visible_to_another_connection_at_once(db_path: Path, store: Store) -> None:
    store.members.add(make_member("Olga", "Dubois"))
    with Store.opened(db_path, readonly=True) as reader:
        assert [m.full_name for m in reader.members.all()] == ["Olga Dubois"]


def test_new_database_is_private_wal_and_current(db_path: Path, store: Store) -> None:
    store.members.add(make_member("Olga", "Dubois"))
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600
    wal = db_path.with_name(db_path.name + "-wal")
    assert wal.exists()
    assert stat.S_IMODE(wal.stat().st_mode) == 0o600
    assert store.db.scalar("PRAGMA journal_mode") == "wal"
    assert store.db.scalar("PRAGMA foreign_keys") == 1
    assert store.db.schema_version == CURRENT_VERSION


def _make_version_1_database(path: Path) -> None:
    connection = database_at(path, 1)
    connection.execute(
        "INSERT INTO group_info (id, name, created_at) VALUES (1, 'Old Group', '2025-01-01T00:00:00+00:00')"
    )
    connection.execute(
        "INSERT INTO members (first_name, last_name, email, email_key, created_at, updated_at) VALUES "
        "('Ada', 'Quinn', 'ada@example.com', 'ada@example.com', '2025-01-01T00:00:00+00:00', "
        "'2025-01-01T00:00:00+00:00')"
    )
    connection.execute(
        "INSERT INTO meetings (date, table_min, table_max, turn_seconds, warning_seconds, changeover_seconds, "
        "created_at) VALUES ('2025-01-07', 6, 8, 300, 60, 30, '2025-01-01T00:00:00+00:00')"
    )
    connection.execute("INSERT INTO attendance (meeting_id, member_id, checked_in_at) VALUES (1, 1, NULL)")
    connection.commit()
    connection.close()


def test_an_older_database_is_migrated_after_a_backup_copy(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_version_1_database(path)
    before = dump(path)
    with Store.opened(path) as store:
        assert store.db.schema_version == CURRENT_VERSION
        assert store.group.name == "Old Group"
        assert [m.full_name for m in store.members.all()] == ["Ada Quinn"]
        # The newer tables work on the migrated file.
        store.seating.save(SeatingPlan(meeting_id=1, rounds=(Round(number=1, tables=(Table.of("1", [1]),)),)))
        backups = store.db.migration_backups
    assert len(backups) == 1
    assert dump(backups[0]) == before  # the copy holds the old data exactly, at the old version
    with contextlib.closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1


def _make_version_3_database(path: Path) -> None:
    """A file as schema 3 left it: a meeting with a seated plan and a clock event, no rules or settings."""
    connection = database_at(path, 3)
    stamp = "2025-01-01T00:00:00+00:00"
    connection.execute("INSERT INTO group_info (id, name, created_at) VALUES (1, 'Old Group', ?)", (stamp,))
    for first in ("Ada", "Bea", "Cy"):
        connection.execute(
            "INSERT INTO members (first_name, last_name, created_at, updated_at) VALUES (?, 'Quinn', ?, ?)",
            (first, stamp, stamp),
        )
    connection.execute(
        "INSERT INTO meetings (date, table_min, table_max, turn_seconds, warning_seconds, changeover_seconds, "
        "created_at) VALUES ('2025-01-07', 2, 3, 300, 60, 30, ?)",
        (stamp,),
    )
    connection.execute("INSERT INTO seating_plans (meeting_id, seed, created_at) VALUES (1, 5, ?)", (stamp,))
    connection.execute("INSERT INTO rounds (meeting_id, number, locked) VALUES (1, 1, 1)")
    connection.execute("INSERT INTO seating_tables (round_id, position, label) VALUES (1, 0, '1')")
    connection.executemany("INSERT INTO seats (table_id, member_id, number) VALUES (1, ?, ?)", [(1, 1), (2, 2)])
    connection.execute(
        "INSERT INTO clock_events (meeting_id, round_number, command, wall_time) VALUES (1, 1, 'start', ?)", (stamp,)
    )
    connection.commit()
    connection.close()


def test_a_version_3_database_gains_seating_rules_and_settings_after_a_backup_copy(tmp_path: Path) -> None:
    from sessions.models import RuleKind, SeatingRule, SeatingSettings

    path = tmp_path / "v3.sqlite3"
    _make_version_3_database(path)
    before = dump(path)
    with Store.opened(path) as store:
        assert store.db.schema_version == CURRENT_VERSION
        plan = store.seating.load(1)
        assert plan is not None
        assert plan.rounds[0].locked
        assert plan.rounds[0].member_ids == {1, 2}
        assert store.seating_rules.all() == []
        assert store.seating_settings.get(1) is None
        # The new tables work on the migrated file, with their foreign keys.
        rule = store.seating_rules.add(SeatingRule(kind=RuleKind.APART, member_ids=(1, 2)))
        store.seating_settings.save(1, SeatingSettings(rounds=3))
        assert store.seating_rules.for_meeting(1) == [rule]
        assert store.seating_settings.get(1) == SeatingSettings(rounds=3)
        with pytest.raises(sqlite3.IntegrityError):
            store.db.execute("INSERT INTO seating_rule_members (rule_id, member_id) VALUES (?, 99)", (rule.id,))
        backups = store.db.migration_backups
    assert len(backups) == 1
    assert dump(backups[0]) == before
    with contextlib.closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 3


def test_a_version_7_database_gains_the_seat_change_log_after_a_backup_copy(tmp_path: Path) -> None:
    import datetime as dt

    from sessions.store import SeatChange, SeatChangeKind

    path = tmp_path / "v7.sqlite3"
    connection = database_at(path, 7)
    stamp = "2026-11-01T00:00:00+00:00"
    connection.execute("INSERT INTO group_info (id, name, created_at) VALUES (1, 'Old Group', ?)", (stamp,))
    for first in ("Ada", "Bea"):
        connection.execute(
            "INSERT INTO members (first_name, last_name, created_at, updated_at) VALUES (?, 'Quinn', ?, ?)",
            (first, stamp, stamp),
        )
    connection.execute(
        "INSERT INTO meetings (date, table_min, table_max, turn_seconds, warning_seconds, changeover_seconds, "
        "created_at) VALUES ('2026-11-03', 2, 3, 300, 60, 30, ?)",
        (stamp,),
    )
    connection.commit()
    connection.close()
    before = dump(path)
    with Store.opened(path) as store:
        assert store.db.schema_version == CURRENT_VERSION
        assert store.seat_changes.for_meeting(1) == []
        when = dt.datetime(2026, 11, 3, 19, 5, tzinfo=dt.UTC)
        moves = [SeatChange(round=2, member_id=2, from_table="1", to_table="3")]
        store.seat_changes.record(1, SeatChangeKind.LEFT, 1, when, moves)
        (event,) = store.seat_changes.for_meeting(1)
        assert (event.kind, event.member_id, event.happened_at, list(event.changes)) == (
            SeatChangeKind.LEFT, 1, when, moves
        )  # fmt: skip
        with pytest.raises(sqlite3.IntegrityError):  # the log's foreign keys hold on the migrated file
            store.seat_changes.record(1, SeatChangeKind.LEFT, 99, when, [])
        backups = store.db.migration_backups
    assert len(backups) == 1
    assert dump(backups[0]) == before
    with contextlib.closing(sqlite3.connect(backups[0])) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 7


def test_the_copy_taken_before_an_upgrade_can_be_restored(tmp_path: Path) -> None:
    import datetime as dt

    from sessions.models import RuleKind, SeatingRule
    from sessions.store import restore_backup

    path = tmp_path / "v3.sqlite3"
    _make_version_3_database(path)
    with Store.opened(path) as store:
        store.seating_rules.add(SeatingRule(kind=RuleKind.APART, member_ids=(1, 2)))
        store.members.add(make_member("Dee", "Later"))
        (before_upgrade,) = store.db.migration_backups
    restore_backup(before_upgrade, path, dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
    with Store.opened(path) as store:
        assert store.db.schema_version == CURRENT_VERSION
        assert [m.first_name for m in store.members.all()] == ["Ada", "Bea", "Cy"]
        assert store.seating_rules.all() == []


def test_each_migration_step_alone_reaches_the_current_schema(tmp_path: Path) -> None:
    """Opening a file at any older version gives the same tables and indexes as a new file."""

    def shape(path: Path) -> list[tuple[str, str]]:
        with contextlib.closing(sqlite3.connect(path)) as connection:
            rows = connection.execute("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'")
            return sorted(rows.fetchall())

    fresh = tmp_path / "fresh.sqlite3"
    Store.open(fresh).close()
    for version in range(1, CURRENT_VERSION):
        path = tmp_path / f"v{version}.sqlite3"
        with contextlib.closing(database_at(path, version)) as connection:
            connection.commit()
        Store.open(path).close()
        assert shape(path) == shape(fresh), f"from version {version}"


def _assert_refused(path: Path, error: type[Exception], message: str) -> None:
    before = digest(path)
    with pytest.raises(error, match=message):
        Store.open(path)
    assert digest(path) == before
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # a reader may create an empty log, nothing more


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("name,email\nAda,ada@example.com\n")
    _assert_refused(path, NotADatabaseError, "not an SQLite file")


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.commit()
    _assert_refused(path, NotADatabaseError, "from another program")


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    Store.open(path).close()
    with contextlib.closing(sqlite3.connect(path)) as connection:
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    _assert_refused(path, NewerDatabaseError, "newer tablesession")


def test_a_damaged_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    with Store.opened(path) as store:
        store.save_group(Group(name="G"))
        with store.transaction():
            for i in range(300):
                store.members.add(Member(first_name=f"Person {i}", notes="x" * 500))
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    page_size = 4096
    for offset in range(page_size * 2, len(data) - page_size, page_size * 3):
        data[offset : offset + 64] = b"\xa5" * 64  # scribble over page headers, as a bad disk would
    path.write_bytes(bytes(data))
    _assert_refused(path, CorruptDatabaseError, "is damaged")


def test_a_folder_or_missing_file_in_read_only_mode_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotADatabaseError, match="is a folder"):
        Store.open(tmp_path)
    with pytest.raises(NotADatabaseError, match="no such database file"):
        Store.open(tmp_path / "missing.sqlite3", readonly=True)


def test_marks_the_file_as_ours(db_path: Path, store: Store) -> None:
    assert store.db.scalar("PRAGMA application_id") == APPLICATION_ID
