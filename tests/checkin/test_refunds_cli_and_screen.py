"""A refund re-import as the facilitator meets it: the import command, and the app's import dialog."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from app.cli.main import main
from app.tui.app import create_app
from app.tui.screens.checkin import CheckinScreen
from app.tui.screens.import_dialog import ImportDialog
from sessions.checkin import check_in
from sessions.models import Meeting
from sessions.roster import import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.waiting import wait_until

from .support import RefundFiles

MONDAY, THURSDAY = RefundFiles.MONDAY, RefundFiles.THURSDAY
ANA_REMOVED, BEN_KEPT = RefundFiles.ANA_REMOVED, RefundFiles.BEN_KEPT


def member_id(store: Store, email: str) -> int:
    found = store.members.find_by_email(email)
    assert found is not None, email
    assert found.id is not None
    return found.id


def cli(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["--db", str(db), *args], clock=clock) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


def attending(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    data = json.loads(cli(db, clock, capsys, "attendance", "--json"))
    return {row["name"]: row["status"] for row in data["attendance"]}


def test_the_import_command_takes_a_refund_back_after_a_dry_run(
    tmp_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "group.sqlite3"
    cli(db, clock, capsys, "meeting", "new", "--date", "2026-11-24")
    cli(db, clock, capsys, "import", str(MONDAY))
    cli(db, clock, capsys, "checkin", "Ben Okoro")

    dry = cli(db, clock, capsys, "import", str(THURSDAY), "--dry-run").splitlines()
    assert "  unregistered: 1" in dry
    assert f"    {ANA_REMOVED}" in dry
    assert f"    {BEN_KEPT}" in dry
    assert dry[-1] == "Dry run: nothing was changed."
    assert attending(db, clock, capsys)["Ana Ruiz"] == "registered"

    data = json.loads(cli(db, clock, capsys, "import", str(THURSDAY), "--json"))
    assert data["counts"]["unregistered"] == 1
    assert [note["row"] for note in data["unregistered"]] == [2]

    after = attending(db, clock, capsys)
    assert "Ana Ruiz" not in after
    assert after["Ben Okoro"] == "checked in"
    table = cli(db, clock, capsys, "attendance")
    assert "Ana Ruiz" not in table
    assert table.splitlines()[-1] == "1 checked in / 5 registered"
    members = {row["email"] for row in json.loads(cli(db, clock, capsys, "members", "--json"))}
    assert "ana.ruiz@example.com" in members  # still a member of the group


async def test_the_import_dialog_shows_the_removal_and_the_door_stops_expecting_her(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    import_roster(store, MONDAY, meeting=meeting, now=clock.now())
    check_in(store, meeting, member_id(store, "ben.okoro@example.com"), clock.now())
    ana = str(member_id(store, "ana.ruiz@example.com"))
    app = create_app(store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        results = app.screen.query_one("#checkin-results", DataTable)
        assert ana in [str(key.value) for key in results.rows]  # expected at the door before the re-import

        await pilot.press("ctrl+o")
        await wait_until(pilot, lambda: isinstance(app.screen, ImportDialog), "the import dialog")
        dialog = app.screen
        dialog.query_one("#import-path", Input).value = str(THURSDAY)
        await pilot.press("enter")
        report = dialog.query_one("#import-report", Static)
        await wait_until(pilot, lambda: ANA_REMOVED in str(report.render()), "the preview")
        preview = str(report.render()).splitlines()
        assert preview[0].endswith("would register 4, check in 0, remove 1 registration(s)")
        # The removal comes first, then what was skipped, then the warning about Ben.
        assert preview[1] == f"  {ANA_REMOVED}"
        assert preview[4] == f"  {BEN_KEPT}"

        await pilot.click("#import-go")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the import")
        status = str(app.screen.query_one("#checkin-status", Static).render())
        assert status.endswith("removed 1 registration(s)")
        results = app.screen.query_one("#checkin-results", DataTable)
        assert ana not in [str(key.value) for key in results.rows]
        counts = str(app.screen.query_one("#checkin-counts", Static).render())
        assert counts.startswith("1 checked in / 5 registered")
