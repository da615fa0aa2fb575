"""A whole meeting in a real terminal (tmux), keys only, with the command as installed; then the files and the
database are read back. The Pilot version of this flow is tests/test_end_to_end.py.

The pitch clock runs in real time, so the meeting gets the shortest turn a meeting allows (0:30, yellow at 0:25):
green, yellow and red are each on screen for seconds, not milliseconds. The work of the meeting (a late arrival,
a no-show, printing, exporting, a restart) happens while the first speaker talks, as it would in the room.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pypdfium2
import pytest
import vobject

from app.cli.paths import folder_slug
from app.tui.widgets.print_panel import DEFAULT_DOCUMENTS
from printables.jobs import DOCUMENTS
from sessions.exports import KINDS, ExportKind
from sessions.models import Member
from sessions.store import Store
from sessions.timekeeping import SystemClock
from tests.checkin.support import FixtureFiles
from tests.tmux_terminal import WAIT_LIMIT_SECONDS, Terminal, installed_command

TITLE = "Dallas Career Connections (demo)"
TURN, WARNING, CHANGEOVER = "0:30", "0:25", "0:01"
TYPED_CHECK_INS = 10  # by name at the door; with those the import checked in and a walk-in: two tables
ROUNDS = 3
SEARCH_PLACEHOLDER = "Name, email or company"
RESULTS_HEADER = ("Name", "Company", "Email", "Status")
GREEN, YELLOW, RED = "SPEAKING", f"{WARNING} LEFT", "TIME'S UP - PLEASE WRAP UP"
WALK_IN = "Nova Walker"


def command_line(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [*installed_command(Path(sys.executable)), *args], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 0, (args, result.stderr)
    return result.stdout


def first_result(screen: str) -> str:
    """The top row of the check-in results: the person Enter (or ctrl+y) acts on."""
    lines = screen.splitlines()
    for index, line in enumerate(lines[:-1]):
        if all(title in line for title in RESULTS_HEADER):
            return lines[index + 1].strip()
    return ""


def search(terminal: Terminal, name: str) -> None:
    """Type a name into the empty search box and wait until that person is the top result."""
    terminal.wait_for(SEARCH_PLACEHOLDER)
    terminal.type(name)
    terminal.wait_until(lambda screen: first_result(screen).startswith(name), f"{name} as the top result")


def clear_search(terminal: Terminal) -> None:
    terminal.press("Escape")
    terminal.wait_for(SEARCH_PLACEHOLDER)


def the_door(db: Path) -> tuple[int, list[Member]]:
    """How many are in already, and who is still expected: registered, not yet in, with a name nobody else has
    (typing it finds just them) that fits the results column and is plain ASCII (any terminal passes it as is)."""
    with Store.opened(db, readonly=True) as store:
        meeting = store.meetings.current(SystemClock().today())
        assert meeting is not None
        assert meeting.id is not None
        names: dict[str, int] = {}
        for member in store.members.all():
            names[member.full_name.casefold()] = names.get(member.full_name.casefold(), 0) + 1
        expected = [
            member
            for member, attendance in store.attendance.roster(meeting.id)
            if not attendance.checked_in
            and names[member.full_name.casefold()] == 1
            and member.full_name.isascii()
            and len(member.full_name) < 20
        ]
        return len(store.attendance.present_ids(meeting.id)), expected


def export_written(kind: ExportKind) -> Callable[[str], bool]:
    """The export status says this kind was written (a line of its own: 'csv: ...' is not 'google-csv: ...')."""
    return lambda screen: any(
        line.strip().startswith(f"{kind.value}: ") and " written" in line for line in screen.splitlines()
    )


def tick_every_document(terminal: Terminal) -> None:
    """Tick every document in the print list, from its first (highlighted) row down. A tick shows only as a
    colour, so each key waits for its row to change colour: the highlight arriving, then the tick."""
    for index, (document, info) in enumerate(DOCUMENTS.items()):
        row = f"X▌ {info.title}"
        if index:
            terminal.press_until_restyled("Down", row)
        if document not in DEFAULT_DOCUMENTS:
            terminal.press_until_restyled("Space", row)


def pdf_text(path: Path) -> str:
    pdf = pypdfium2.PdfDocument(path)
    try:
        return "".join(page.get_textpage().get_text_range() for page in pdf)
    finally:
        pdf.close()


@pytest.mark.slow  # the first speaker's half minute, in real time
def test_a_whole_meeting_in_a_real_terminal(
    tmp_path: Path, environment: dict[str, str], terminals: list[Terminal]
) -> None:
    command = installed_command(Path(sys.executable))
    db = tmp_path / "demo.sqlite3"
    documents = Path(environment["XDG_DOCUMENTS_DIR"])
    export_file = tmp_path / "eventbrite.csv"  # a short path to type
    shutil.copyfile(FixtureFiles.EVENTBRITE, export_file)
    command_line(environment, "demo", "--no-open", "--db", str(db))
    command_line(
        environment, "meeting", "set", "--turn", TURN, "--warning", WARNING, "--changeover", CHANGEOVER, "--db", str(db)
    )

    first = Terminal([*command, "--db", str(db)], env=environment)
    terminals.append(first)
    first.wait_for(TITLE)

    # The door: import the Eventbrite export through the dialog, then check people in by typing their names.
    first.press("F3")
    first.wait_for("0 checked in / 42 registered")
    first.press("C-o")
    first.wait_for("Import registrations")
    first.type(str(export_file))
    first.press("Enter")  # Enter in the path box previews
    first.wait_for("eventbrite.csv: would add")
    first.press("Enter")  # the preview focuses Import
    first.wait_for("eventbrite.csv: added")
    already_in, arriving = the_door(db)
    people, late, no_show = arriving[:TYPED_CHECK_INS], arriving[TYPED_CHECK_INS], arriving[TYPED_CHECK_INS + 1]
    for member in people:
        search(first, member.full_name)
        first.press("Enter")
        first.wait_for(f"{member.full_name} checked in")
    first.wait_for(SEARCH_PLACEHOLDER)
    first.type(WALK_IN)
    first.press("C-n")
    first.wait_for(f"Walk-in: {WALK_IN} (Escape skips")
    first.press("Escape")  # the name is enough
    first.wait_for(SEARCH_PLACEHOLDER, f"Walk-in {WALK_IN} added and checked in")
    seated_count = already_in + TYPED_CHECK_INS + 1
    first.wait_for(f"{seated_count} checked in / ")

    # Seating: three rounds.
    first.press("F4")
    screen = first.wait_for(f"{seated_count} checked in  ·  g seats them in")
    wanted = int(screen.split("g seats them in ")[1].split()[0])
    first.press(*(["+"] * (ROUNDS - wanted) if wanted < ROUNDS else ["-"] * (wanted - ROUNDS)))
    first.wait_for(f"g seats them in {ROUNDS} rounds")
    first.press("g")
    first.wait_for(f"Planned {ROUNDS} rounds", f"{seated_count} seated · {ROUNDS} rounds", f"Round {ROUNDS}")

    # The clock: the meeting's short turn, started: green.
    first.press("F5")
    first.wait_for(f"turns {TURN} · yellow at {WARNING} · changeover {CHANGEOVER}", "READY", "Speaker 1 of")
    first.press("Space")
    green = first.wait_for_style(GREEN, "Speaker 1 of")

    # While the first speaker talks: a late arrival and a no-show at the door, fitted into the plan.
    first.press("F3")
    search(first, late.full_name)
    first.press("Enter")
    first.wait_for(f"{late.full_name} checked in", "Arrived after seating")
    search(first, no_show.full_name)
    first.press("C-y")
    first.wait_for(f"{no_show.full_name} marked no-show.")
    clear_search(first)
    first.press("F4")
    first.wait_for(f"Seated {late.full_name} (late)")

    # Yellow at the warning.
    first.press("F5")
    yellow = first.wait_for_style(YELLOW, "Speaker 1 of")

    # Print every document; no PDF viewer here (PATH is empty), which the log says instead of failing.
    first.press("F6")
    first.wait_for("PDFs for", "Generate (g)")
    tick_every_document(first)
    first.press("g")
    first.wait_for(f"Making {len(DOCUMENTS)} documents", "Saved in", "No PDF viewer could be started here")

    # Export every format from the Export tab: Tabs, then the format list, then ctrl+e for each.
    first.press("BTab", "Right")
    first.wait_for("Save to", "Replace files that already exist")
    first.press("Tab")
    for index, (kind, info) in enumerate(KINDS.items()):
        if index:
            first.press("Enter")  # open the format list, on the format just written
            first.wait_for(KINDS[ExportKind.FOLLOWUP].title)
            first.press("Down", "Enter")
            first.wait_until(lambda screen, help_text=info.help: help_text in screen, f"{kind.value} chosen")
        first.press("C-e")
        first.wait_until(export_written(kind), f"{kind.value} written")

    first.press("C-q")
    first.wait_for("[exited 0]")

    # Checked from outside the app: the command line, the database, the files.
    attendance = json.loads(command_line(environment, "attendance", "--json", "--db", str(db)))
    counts = attendance["counts"]
    assert counts["checked_in"] == seated_count + 1  # and the late arrival
    assert (counts["walk_ins"], counts["late"], counts["no_shows"]) == (1, 1, 1)
    by_name = {row["name"]: row for row in attendance["attendance"]}
    assert all(by_name[m.full_name]["checked_in_at"] for m in [*people, late])
    assert by_name[no_show.full_name]["no_show"]
    assert by_name[WALK_IN]["walk_in"]

    with Store.opened(db, readonly=True) as store:
        meeting = store.meetings.current(SystemClock().today())
        assert meeting is not None
        assert meeting.id is not None
        assert (meeting.turn_seconds, meeting.warning_seconds, meeting.changeover_seconds) == (30, 25, 1)
        present = store.attendance.present_ids(meeting.id)
        plan = store.seating.load(meeting.id)
        assert plan is not None
        assert len(plan.rounds) == ROUNDS
        assert all(r.member_ids == present for r in plan.rounds)
        assert late.id in present
        assert no_show.id not in present
        present_names = {m.full_name for m in store.members.get_many(present).values()}
        someone_seated = store.members.get(next(iter(plan.rounds[0].tables[0].member_ids))).first_name
        assert [e.command for e in store.clock_log.events(meeting.id, 1)] == ["start"]
        # Prints and exports share the group's folder for the meeting.
        folder = documents / "tablesession" / folder_slug(store.group.name) / meeting.date.isoformat()

    pdfs = sorted(folder.glob("*.pdf"))
    assert len(pdfs) == len(DOCUMENTS)
    for pdf in pdfs:
        text = pdf_text(pdf)
        assert text.strip(), pdf.name
        if any(kind in pdf.name for kind in ("tents", "sheets", "door")):
            assert someone_seated in text, pdf.name

    day = meeting.date.isoformat()
    cards = list(vobject.readComponents((folder / f"{day} contacts.vcf").read_text(encoding="utf-8")))
    assert len(cards) == len(present)
    assert {card.fn.value for card in cards} == present_names
    with zipfile.ZipFile(folder / f"{day} contacts.zip") as archive:
        assert len(archive.namelist()) == len(present)
        for name in archive.namelist():
            assert vobject.readOne(archive.read(name).decode("utf-8")).fn.value in present_names
    for kind in (ExportKind.GOOGLE_CSV, ExportKind.OUTLOOK_CSV, ExportKind.CSV):
        with (folder / f"{day} {KINDS[kind].file_name}").open(encoding="utf-8-sig", newline="") as sheet:
            assert len(list(csv.DictReader(sheet))) == len(present), kind
    meeting_json = json.loads((folder / f"{day} meeting.json").read_text(encoding="utf-8"))
    assert len(meeting_json["seating"]["rounds"]) == ROUNDS
    assert sum(1 for record in meeting_json["attendance"] if record["checked_in_at"]) == counts["checked_in"]
    assert [record["command"] for record in meeting_json["clock_log"]] == ["start"]
    followups = sorted((folder / f"{day} followup").iterdir())
    for suffix in (".pdf", ".vcf"):
        files = [path for path in followups if path.suffix == suffix]
        assert len(files) == len(present), suffix
    for path in followups:
        if path.suffix == ".pdf":
            assert pdf_text(path).strip(), path.name
        else:
            assert list(vobject.readComponents(path.read_text(encoding="utf-8"))), path.name

    # Restart: the clock carries on (red by now: time is up), and the rest is as it was.
    second = Terminal([*command, "--db", str(db)], env=environment)
    terminals.append(second)
    second.wait_for(TITLE)
    second.press("F5")
    # Time is up 0:30 after the start: up to half a minute after the restart on a fast machine.
    red = second.wait_for_style(RED, "Speaker 1 of", limit=WAIT_LIMIT_SECONDS + 30)
    second.press("n")
    second.wait_until(
        lambda screen: GREEN in screen and "Speaker 2 of" in screen and "Next: Speaker" not in screen,
        "speaker 2 speaking after the changeover",
    )
    second.press("F3")
    second.wait_for(f"{counts['checked_in']} checked in / {counts['registered']} registered")
    second.press("F4")
    second.wait_for(f"{len(present)} seated · {ROUNDS} rounds")
    second.press("C-q")
    second.wait_for("[exited 0]")

    # The room saw three different colours for green, yellow and red.
    assert len({green, yellow, red}) == 3, (green, yellow, red)
    with Store.opened(db, readonly=True) as store:
        assert [e.command for e in store.clock_log.events(meeting.id, 1)] == ["start", "next"]
        assert store.attendance.present_ids(meeting.id) == present
