"""The database schema as a list of forward migrations.

`PRAGMA user_version` holds how many have run. Migration i (0-based) takes a database from
version i to version i+1. Never edit a released migration: append a new one.
"""

from __future__ import annotations

# 'TSES' -- marks the file as ours, so we never migrate another program's SQLite file.
APPLICATION_ID = 0x54534553

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the group, its members, meetings and attendance.
    (
        f"PRAGMA application_id = {APPLICATION_ID}",
        """CREATE TABLE group_info (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL,
            default_region TEXT NOT NULL DEFAULT 'US',
            is_demo INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE members (
            id INTEGER PRIMARY KEY,
            first_name TEXT NOT NULL,
            last_name TEXT NOT NULL DEFAULT '',
            headline TEXT NOT NULL DEFAULT '',
            employers TEXT NOT NULL DEFAULT '[]',
            target_roles TEXT NOT NULL DEFAULT '[]',
            target_companies TEXT NOT NULL DEFAULT '[]',
            subgroups TEXT NOT NULL DEFAULT '[]',
            email TEXT,
            email_key TEXT UNIQUE,
            phone TEXT,
            linkedin TEXT,
            website TEXT,
            notes TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            sharing TEXT NOT NULL DEFAULT '{}',
            extra TEXT NOT NULL DEFAULT '{}',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )""",
        """CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            venue TEXT NOT NULL DEFAULT '',
            table_min INTEGER NOT NULL,
            table_max INTEGER NOT NULL,
            turn_seconds INTEGER NOT NULL,
            warning_seconds INTEGER NOT NULL,
            changeover_seconds INTEGER NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX meetings_by_date ON meetings (date)",
        """CREATE TABLE attendance (
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
            registered INTEGER NOT NULL DEFAULT 1,
            source TEXT NOT NULL DEFAULT '',
            registered_at TEXT,
            checked_in_at TEXT,
            walk_in INTEGER NOT NULL DEFAULT 0,
            no_show INTEGER NOT NULL DEFAULT 0,
            left_at TEXT,
            PRIMARY KEY (meeting_id, member_id)
        )""",
    ),
    # 2: seating plans. A forgotten member's seats keep their place with no member, so the
    # pairs they sat in stop counting while everyone else's history stays intact.
    (
        """CREATE TABLE seating_plans (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            seed INTEGER,
            created_at TEXT NOT NULL
        )""",
        """CREATE TABLE rounds (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES seating_plans (meeting_id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            locked INTEGER NOT NULL DEFAULT 0,
            UNIQUE (meeting_id, number)
        )""",
        """CREATE TABLE seating_tables (
            id INTEGER PRIMARY KEY,
            round_id INTEGER NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL,
            capacity INTEGER,
            UNIQUE (round_id, label)
        )""",
        """CREATE TABLE seats (
            table_id INTEGER NOT NULL REFERENCES seating_tables (id) ON DELETE CASCADE,
            member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
            number INTEGER NOT NULL,
            PRIMARY KEY (table_id, number)
        )""",
        "CREATE INDEX seats_by_member ON seats (member_id)",
        "CREATE INDEX attendance_by_member ON attendance (member_id)",
    ),
    # 3: the pitch clock's command log, replayed to resume the clock after a restart.
    (
        """CREATE TABLE clock_events (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            round_number INTEGER NOT NULL,
            command TEXT NOT NULL,
            argument REAL,
            wall_time TEXT NOT NULL
        )""",
        "CREATE INDEX clock_events_by_meeting ON clock_events (meeting_id, round_number, id)",
    ),
    # 4: seating rules (keep apart, keep together), standing (meeting_id NULL) or for one meeting,
    # and each meeting's seating settings, so every way of seating a meeting follows the same ones.
    # A forgotten member leaves their rules; the app deletes rules left with fewer than two.
    (
        """CREATE TABLE seating_rules (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('apart', 'together')),
            meeting_id INTEGER REFERENCES meetings (id) ON DELETE CASCADE,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX seating_rules_by_meeting ON seating_rules (meeting_id)",
        """CREATE TABLE seating_rule_members (
            rule_id INTEGER NOT NULL REFERENCES seating_rules (id) ON DELETE CASCADE,
            member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
            PRIMARY KEY (rule_id, member_id)
        )""",
        "CREATE INDEX seating_rule_members_by_member ON seating_rule_members (member_id)",
        """CREATE TABLE seating_settings (
            meeting_id INTEGER PRIMARY KEY REFERENCES meetings (id) ON DELETE CASCADE,
            rounds INTEGER NOT NULL,
            min_size INTEGER,
            max_size INTEGER,
            tables INTEGER,
            mode TEXT NOT NULL,
            apart_same_employer INTEGER NOT NULL DEFAULT 0,
            time_limit REAL NOT NULL,
            updated_at TEXT NOT NULL
        )""",
    ),
    # 5: the room's real tables (names and chairs) as part of a meeting's seating settings.
    ("ALTER TABLE seating_settings ADD COLUMN room TEXT NOT NULL DEFAULT '[]'",),
    # 6: which meeting the controlling app has on its clock, so a projector view shows that one.
    (
        """CREATE TABLE clock_focus (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            meeting_id INTEGER REFERENCES meetings (id) ON DELETE SET NULL,
            since TEXT NOT NULL
        )""",
    ),
    # 7: each member's own business cards: whether they asked for a sheet, and what the cards show.
    ("ALTER TABLE members ADD COLUMN own_card TEXT NOT NULL DEFAULT '{}'",),
    # 8: seat changes made during the evening (someone left, someone arrived late) and who moved where,
    # so the list can be printed for whoever tells those people. The event names its person by id only:
    # forgetting them leaves "someone left" and the others' moves; their own rows go with them.
    (
        """CREATE TABLE seat_change_events (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('left', 'arrived_late')),
            member_id INTEGER REFERENCES members (id) ON DELETE SET NULL,
            happened_at TEXT NOT NULL
        )""",
        "CREATE INDEX seat_change_events_by_meeting ON seat_change_events (meeting_id, happened_at, id)",
        "CREATE INDEX seat_change_events_by_member ON seat_change_events (member_id)",
        """CREATE TABLE seat_changes (
            event_id INTEGER NOT NULL REFERENCES seat_change_events (id) ON DELETE CASCADE,
            round_number INTEGER NOT NULL,
            member_id INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
            from_table TEXT,
            to_table TEXT,
            PRIMARY KEY (event_id, round_number, member_id)
        )""",
        "CREATE INDEX seat_changes_by_member ON seat_changes (member_id)",
    ),
)

CURRENT_VERSION = len(MIGRATIONS)
