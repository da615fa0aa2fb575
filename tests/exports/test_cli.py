"""The export, forget and JSON import commands as a facilitator runs them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.commands.import_meeting import run_json_import
from app.cli.context import CliContext
from app.cli.main import main
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import SECRET_DOMAIN, RunMeeting


@pytest.fixture
def db(store: Store, run_meeting: RunMeeting) -> Path:
    return store.path


def test_export_writes_the_file_says_what_went_out_and_warns_about_contact_details(
    db: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "contacts.vcf"
    assert main(["--db", str(db), "export", "vcard", "-o", str(out), "--meeting", "2026-11-24"], clock=clock) == 0
    captured = capsys.readouterr()
    assert out.read_text(encoding="utf-8").count("BEGIN:VCARD") == 7
    assert f"vcard: 7 contacts written to {out}" in captured.out
    assert "fields: name (7), headline (4), employers (4), targets (1), email (3), phone (2)" in captured.out
    assert "contains contact details of 5 people: email (3), phone (2), LinkedIn (2), website (1)" in captured.err


def test_export_refuses_to_replace_a_file_without_force(
    db: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "people.csv"
    out.write_text("keep me", encoding="utf-8")
    assert main(["--db", str(db), "export", "csv", "-o", str(out)], clock=clock) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "keep me"
    assert main(["--db", str(db), "export", "csv", "-o", str(out), "--force"], clock=clock) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfFirst name")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "csv", "--zip"], "--zip goes with the vcard kind only"),
        (["export", "csv", "--table", "1"], "--table needs --round"),
        (["export", "csv", "--round", "9"], "has no round 9 (it has rounds 1-2)"),
        (["export", "csv", "--round", "1", "--table", "7"], "round 1 has no table '7' (tables: 1, Window 2)"),
        (["export", "pdf"], "invalid choice"),
        (["export", "json", "--round", "1"], "the json export is the whole meeting"),
        (["export", "csv", "--shared-only"], "--shared-only goes with the json kind only"),
    ],
)
def test_export_mistakes_are_one_line_errors(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str
) -> None:
    assert main(["--db", str(db), *arguments], clock=clock) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err


def test_zip_flag_makes_a_zip_and_the_default_name_is_dated(
    db: Path, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert main(["--db", str(db), "export", "vcard", "--zip"], clock=clock) == 0
    folder = tmp_path / "Documents" / "tablesession" / "test-networking-group" / "2026-11-24"
    assert (folder / "2026-11-24 contacts.zip").is_file()


def test_forget_needs_confirmation_then_deletes(
    db: Path, clock: FakeClock, run_meeting: RunMeeting, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db), "forget", "Kwame Mensah"], clock=clock) == 2
    assert "confirm with --yes" in capsys.readouterr().err
    assert main(["--db", str(db), "forget", "Kwame Mensah", "--yes"], clock=clock) == 0
    out = capsys.readouterr().out
    assert "forgot Kwame Mensah" in out
    assert "2 seats in past rounds left empty" in out
    with Store.opened(db) as reopened:
        assert all(m.first_name != "Kwame" for m in reopened.members.all())


def test_json_import_helper_prints_what_it_did(
    db: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported = tmp_path / "meeting.json"
    assert main(["--db", str(db), "export", "json", "-o", str(exported)], clock=clock) == 0
    capsys.readouterr()
    context = CliContext(db_path=tmp_path / "laptop-b.sqlite3", clock=clock)
    try:
        assert run_json_import(exported, context) == 0
    finally:
        context.close()
    out = capsys.readouterr().out
    assert "created meeting 1 (Tue 24 Nov 2026 - Weekly networking)" in out
    assert "members: 8 added, 0 matched" in out


def test_json_export_warns_of_private_details_unless_shared_only(
    db: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    whole, shared = tmp_path / "for my other laptop.json", tmp_path / "for the co-host.json"
    assert main(["--db", str(db), "export", "json", "-o", str(whole)], clock=clock) == 0
    assert "holds private details of 4 people" in capsys.readouterr().out
    assert main(["--db", str(db), "export", "json", "-o", str(shared), "--shared-only"], clock=clock) == 0
    assert "only what each person agreed to share" in capsys.readouterr().out
    assert SECRET_DOMAIN in whole.read_text(encoding="utf-8")
    assert SECRET_DOMAIN not in shared.read_text(encoding="utf-8")
