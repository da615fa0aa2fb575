"""Property tests for the importers: random bytes and random CSV shapes are imported or refused by name,
never with a traceback, and a refused file changes nothing."""

from __future__ import annotations

import csv
import datetime as dt
import io
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sessions.errors import TablesessionError
from sessions.models import Group, Meeting, Member
from sessions.roster import import_roster
from sessions.store import Store

BYTE_CASES = 150
CSV_CASES = 150
NOW = dt.datetime(2026, 11, 24, 18, 0, tzinfo=dt.UTC)

KNOWN_HEADERS = [
    "First Name", "Last Name", "Email", "Name", "RSVP", "Attendee Status", "Company", "Job Title", "Cell Phone",
    "Timestamp", "Email Address", "Full name", "Phone number", "LinkedIn URL", "Which sub-group?", "URL",
    "Order #", "Position", "Connected On", "Headline", "Notes",
]  # fmt: skip
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "Yes", "No", "Attending", "Refunded", "=1+1", "+1 214 555 0100", "a@example.com", "Cher"]),
    st.text(min_size=0, max_size=3).map(lambda t: t * 2000),  # very long cells
)
any_headers = st.lists(st.one_of(st.sampled_from(KNOWN_HEADERS), st.text(max_size=15)), min_size=0, max_size=8)
# Half the shapes carry name columns, so the fuzzing reaches matching, cleaning and storing, not only refusals.
headers = st.one_of(any_headers, any_headers.map(lambda extra: ["First Name", "Last Name", "Email", *extra]))


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


def import_into_fresh_store(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "g.sqlite3"
        with Store.opened(db) as store:
            store.save_group(Group(name="Fuzz"))
            meeting = store.meetings.add(Meeting(date=NOW.date()))
            store.members.add(Member(first_name="Already", last_name="Here", email="already@example.com"))
        before = dump(db)
        source = Path(folder) / name
        source.write_bytes(data)
        with Store.opened(db) as store:
            try:
                summary = import_roster(store, source, meeting=meeting, now=NOW)
            except TablesessionError as refused:
                message = str(refused)
                assert name in message, message
                assert "\n" not in message.strip() or len(message) < 2000
                refused_cleanly = True
                event("refused")
            else:
                refused_cleanly = False
                event("imported")
                assert summary.rows >= 0
                for member in store.members.all():
                    Member.model_validate(member.model_dump())  # everything stored is a valid card
        if refused_cleanly:
            assert dump(db) == before


@settings(max_examples=BYTE_CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2000))
def test_random_bytes_are_imported_or_refused_by_name(data: bytes) -> None:
    import_into_fresh_store(data, "random.csv")


@settings(max_examples=CSV_CASES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(columns=headers, rows=st.lists(st.lists(cell, max_size=9), max_size=6), encoding=st.sampled_from(
    ["utf-8", "utf-8-sig", "cp1252", "utf-16"]))  # fmt: skip
def test_random_csv_shapes_are_imported_or_refused_by_name(
    columns: list[str], rows: list[list[str]], encoding: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    import_into_fresh_store(data, "shapes.csv")
