"""For any sequence of imports, re-imports, merges and card edits on a real database, no field is ever more
shared than the latest explicit choice for it, and no import widens what was recorded before it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from dataclasses import dataclass
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sessions.models import Group, Meeting, SharedField, Sharing
from sessions.roster import import_roster
from sessions.roster.card_fields import edited_card
from sessions.roster.merge import merge_members
from sessions.store import Store

PEOPLE = (("Ama", "Owusu"), ("Bo", "Lindgren"), ("Chidi", "Eze"))
ANSWERS = ("", "Yes", "No", "maybe")
LISTS = ("", "Email, Phone, LinkedIn", "Everything except my phone", "No email please", "LinkedIn", "Nothing")
HEADER = ["Name", "Email", "May others see your email?", "Please do NOT share my phone number", "Share which?"]
NOW = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Row:
    person: int
    email: str
    phone: str
    listed: str


@dataclass(frozen=True)
class ImportFile:
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class CardEdit:
    member: int  # an index into the members there are, taken modulo their number
    shared: SharedField
    allowed: bool


@dataclass(frozen=True)
class Merge:
    keep: int
    absorb: int


rows = st.builds(
    Row, st.integers(0, len(PEOPLE) - 1), st.sampled_from(ANSWERS), st.sampled_from(ANSWERS), st.sampled_from(LISTS)
)
steps = st.one_of(
    st.builds(ImportFile, st.lists(rows, min_size=1, max_size=4).map(tuple)),
    st.builds(CardEdit, st.integers(0, 5), st.sampled_from(list(SharedField)), st.booleans()),
    st.builds(Merge, st.integers(0, 5), st.integers(0, 5)),
)


def csv_text(step: ImportFile) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADER)
    for row in step.rows:
        first, last = PEOPLE[row.person]
        writer.writerow([f"{first} {last}", f"{first}.{last}@example.com".lower(), row.email, row.phone, row.listed])
    return buffer.getvalue()


def no_wider(after: Sharing, before: Sharing) -> bool:
    return all(before.allows(f) or not after.allows(f) for f in SharedField)


@settings(max_examples=50, deadline=None)
@given(st.lists(steps, min_size=1, max_size=8))
def test_no_field_is_more_shared_than_the_latest_explicit_choice(sequence: list[ImportFile | CardEdit | Merge]) -> None:
    # The latest explicit choice for each member's fields; a merged member is bound by both records' choices.
    latest: dict[int, dict[SharedField, bool]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder)
        with Store.opened(path / "group.sqlite3") as store:
            store.save_group(Group(name="Property group"))
            meeting = store.meetings.add(Meeting(date=NOW.date(), title="Weekly"))
            for number, step in enumerate(sequence):
                ids = sorted(m.id for m in store.members.all() if m.id is not None)
                if isinstance(step, ImportFile):
                    before = {m.id: m.sharing for m in store.members.all()}
                    source = path / f"import-{number}.csv"
                    source.write_text(csv_text(step), encoding="utf-8")
                    import_roster(store, source, meeting=meeting, now=NOW)
                    for member in store.members.all():
                        if member.id in before:
                            assert no_wider(member.sharing, before[member.id]), f"step {number} widened {member}"
                elif isinstance(step, CardEdit) and ids:
                    member = store.members.get(ids[step.member % len(ids)])
                    edited = edited_card(member, {}, {step.shared: step.allowed}, region="US", chosen={step.shared})
                    store.members.update(edited)
                    latest.setdefault(member.id or 0, {})[step.shared] = step.allowed
                elif isinstance(step, Merge) and len(ids) > 1:
                    keep, absorb = ids[step.keep % len(ids)], ids[step.absorb % len(ids)]
                    if keep == absorb:
                        continue
                    merge_members(store, keep, absorb)
                    bound = latest.setdefault(keep, {})
                    for shared, allowed in latest.pop(absorb, {}).items():
                        bound[shared] = bound.get(shared, True) and allowed
                for member in store.members.all():
                    for shared, allowed in latest.get(member.id or 0, {}).items():
                        assert allowed or not member.sharing.allows(shared), f"step {number}: {shared} of {member}"
                        assert member.sharing.is_chosen(shared)
