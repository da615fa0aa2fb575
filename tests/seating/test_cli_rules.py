"""`tablesession rules` and the rules and saved settings `seat` follows, through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Meeting, Member, RuleKind, SubgroupMode
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .helpers import where

NAMES = [
    ("Olga", "Dubois", "Dell"),
    ("Jordan", "Cohen", "Sabre"),
    ("Jordan", "Nguyen", "Sabre"),
    ("Mei", "Lindqvist", "EDS"),
    ("Kwame", "Mensah", "Frito-Lay"),
    ("Renée", "Moreau", "Dell"),
]


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Path:
    """Six named members and 12 guests, all checked in to today's meeting."""
    path = tmp_path / "g.sqlite3"
    with Store.opened(path) as store:
        meeting = store.meetings.add(Meeting(date=clock.today(), title="Weekly"))
        assert meeting.id is not None
        cards = [Member(first_name=f, last_name=la, employers=[e], email=f"{f}.{la}@example.com") for f, la, e in NAMES]
        cards += [Member(first_name=f"Guest{i:02d}", last_name="Example") for i in range(12)]
        for card in cards:
            member = store.members.add(card)
            assert member.id is not None
            store.attendance.check_in(meeting.id, member.id, clock.now())
    return path


def cli(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


def test_add_list_and_remove_rules(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(db, clock, capsys, "rules", "apart", "olga", "jordan cohen", "--standing", "--note", "married")
    assert (code, err) == (0, "")
    assert out == "rule 1: keep Olga Dubois and Jordan Cohen apart, every meeting\n"
    code, out, _ = cli(db, clock, capsys, "rules", "together", "mei", "5", "guest03")
    assert code == 0
    assert (
        "rule 2: keep Mei Lindqvist, Kwame Mensah and Guest03 Example together, at Tue 24 Nov 2026 - Weekly only" in out
    )
    code, out, _ = cli(db, clock, capsys, "rules")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Seating rules for")
    assert lines[3].split() == [
        "1",
        "apart",
        "Olga",
        "Dubois,",
        "Jordan",
        "Cohen",
        "every",
        "meeting",
        "2",
        "of",
        "2",
        "married",
    ]
    assert "this meeting only" in lines[4]
    code, out, _ = cli(db, clock, capsys, "rules", "list", "--json")
    data = json.loads(out)
    assert [(r["id"], r["kind"], r["standing"], r["in_force"]) for r in data["rules"]] == [
        (1, "apart", True, True),
        (2, "together", False, True),
    ]
    assert [m["name"] for m in data["rules"][1]["members"]] == ["Mei Lindqvist", "Kwame Mensah", "Guest03 Example"]
    code, out, _ = cli(db, clock, capsys, "rules", "remove", "2")
    assert code == 0
    assert out.startswith("removed rule 2: keep Mei Lindqvist, Kwame Mensah and Guest03 Example together (")
    with Store.opened(db) as store:
        assert [(r.id, r.kind) for r in store.seating_rules.all()] == [(1, RuleKind.APART)]


def test_a_search_that_matches_several_people_lists_them_and_adds_nothing(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = cli(db, clock, capsys, "rules", "apart", "olga", "jordan")
    assert code == 2
    assert "Jordan Cohen" in out
    assert "Jordan Nguyen" in out
    assert err == (
        "tablesession: error: 2 people match 'jordan'; no rule was added. "
        "Name them more fully (in quotes), or by the id listed\n"
    )
    with Store.opened(db) as store:
        assert store.seating_rules.all() == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["apart", "olga", "zebedee"], "nobody matches 'zebedee' ('tablesession members' lists everyone)"),
        (["apart", "olga", "999"], "MEMBER 999: no member with that id"),
        (["apart", "olga", "1"], "MEMBER 'olga' and '1' are both Olga Dubois"),
        (["apart", "olga"], "the following arguments are required: MEMBER"),
        (["together", "olga"], "together: name at least two members"),
        (["apart", "1", "2", "--standing", "--meeting", "1"], "--standing and --meeting: "),
        (["apart", "1", "2", "--note", "x" * 121], "--note is too long (at most 120 characters)"),
        (["apart", "1", "2", "--meeting", "2031-01-01"], "no meeting on 2031-01-01"),
        (["remove", "7"], "no seating rule with id 7"),
        (["remove", "seven"], "argument ID: invalid int value: 'seven'"),
    ],
)
def test_bad_input_is_one_line_naming_the_argument_with_status_2(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, _, err = cli(db, clock, capsys, "rules", *args)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err
    with Store.opened(db) as store:
        assert store.seating_rules.all() == []


def test_contradictions_are_refused_naming_both_members(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(db, clock, capsys, "rules", "together", "olga", "mei")[0] == 0
    assert cli(db, clock, capsys, "rules", "together", "mei", "kwame", "--standing")[0] == 0
    code, _, err = cli(db, clock, capsys, "rules", "apart", "kwame", "olga")
    assert code == 2
    assert err == (
        "tablesession: error: Olga Dubois and Kwame Mensah are kept together by rules 1, 2, "
        "so they cannot also be kept apart; remove one of those rules first\n"
    )


def test_seat_follows_saved_settings_and_rules_and_saves_the_flags_given(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(db, clock, capsys, "rules", "apart", "olga", "jordan cohen", "--standing")
    cli(db, clock, capsys, "rules", "together", "mei", "kwame")
    sizes = ["--min", "3", "--max", "3"]
    args = ["seat", "--rounds", "2", *sizes, "--apart-same-employer", "--time-limit", "1", "--seed", "5"]
    code, out, _ = cli(db, clock, capsys, *args)
    assert code == 0
    assert "Settings (kept for this meeting): 2 rounds, tables of 3, sub-groups mixed, colleagues apart" in out
    assert "Seating rules followed (2):" in out
    assert "  keep Olga Dubois and Jordan Cohen apart (every meeting)" in out
    assert "  keep Mei Lindqvist and Kwame Mensah together (this meeting only)" in out
    # No flags: the saved settings again, and the rules in the JSON.
    code, out, _ = cli(db, clock, capsys, "seat", "--mode", "cluster", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["settings"]["rounds"] == 2
    assert data["settings"]["max_size"] == 3
    assert data["settings"]["apart_same_employer"] is True
    assert data["settings"]["mode"] == "cluster"
    assert [(r["kind"], [m["name"] for m in r["members"]]) for r in data["rules"]] == [
        ("apart", ["Olga Dubois", "Jordan Cohen"]),
        ("together", ["Mei Lindqvist", "Kwame Mensah"]),
    ]
    assert len(data["rounds"]) == 2
    with Store.opened(db) as store:
        meeting = store.meetings.all()[0]
        settings = store.seating_settings.get(meeting.id or 0)
        assert settings is not None
        assert settings.mode is SubgroupMode.CLUSTER
        plan = store.seating.load(meeting.id or 0)
        assert plan is not None
        olga, jordan, mei, kwame, renee = 1, 2, 4, 5, 6
        for round_ in plan.rounds:
            seated = where(round_)
            assert seated[olga] != seated[jordan]
            assert seated[mei] == seated[kwame]
            assert seated[olga] != seated[renee]  # both at Dell
            assert all(len(t.seats) == 3 for t in round_.tables)
    code, _, err = cli(db, clock, capsys, "seat", "--min", "7")
    assert code == 2
    assert "--min: the smallest table size (7) would be larger than the largest (3)" in err
