"""Export, then import on a fresh group file: the same people come back with every field the format carries,
and importing the file a second time adds and changes nobody."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sessions.exports import Contact, ExportScope
from sessions.exports.google_csv import google_csv
from sessions.exports.outlook_csv import outlook_csv, outlook_web_csv
from sessions.exports.vcards import vcf_bytes
from sessions.models import Group, Meeting, Member, Sharing
from sessions.roster import SourceFormat, import_roster, prepare
from sessions.roster.folding import name_key
from sessions.store import Store

Writer = Callable[[Sequence[Contact], ExportScope], bytes]
NOW = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)
SCOPE = ExportScope(Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking"))

# Name parts that stress each format: accents, apostrophes, commas and semicolons (escaped in vCards, quoted in
# CSVs), particles, and Chinese, Japanese and Korean names (written family name first).
GIVEN = ["Ana", "Renée", "Tomás", "Mary Ann", "Kwame", "O'Neil", "Zoë", "小明", "美咲", "민준", "Nguyễn Thị", "Lars"]
FAMILY = ["Ruiz", "Dubois, Jr.", "de la Cruz", "Fernández-Müller", "Smith; Jones", "王", "山田", "김", "Trần", ""]
WORDS = ["Data", "analyst", "Supply chain", "FP&A lead", "Café & Co", "東京データ", "R&D; ops", "Acme, Inc."]
PHONES = ["+12145550101", "+442079460958", "+81355550103", "+33612345678", "+4915123456789", "+8613800138000"]


def _name_of(parts: tuple[str, str]) -> str:
    return name_key(*parts)


@st.composite
def members(draw: st.DrawFn) -> list[Member]:
    count = draw(st.integers(min_value=1, max_value=5))
    names = draw(
        st.lists(
            st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)),
            min_size=count,
            max_size=count,
            unique_by=_name_of,
        )
    )
    phones = draw(st.lists(st.sampled_from(PHONES), min_size=count, max_size=count, unique=True))
    people = []
    for index, (given_name, family) in enumerate(names):
        handle = f"person-{index}-{draw(st.integers(min_value=0, max_value=999))}"
        people.append(
            Member(
                first_name=given_name,
                last_name=family,
                headline=draw(st.sampled_from(["", *WORDS])),
                employers=draw(st.lists(st.sampled_from(WORDS), max_size=2, unique=True)),
                email=draw(st.sampled_from([None, f"{handle}@example.com"])),
                phone=draw(st.sampled_from([None, phones[index]])),
                linkedin=draw(st.sampled_from([None, f"https://www.linkedin.com/in/{handle}"])),
                website=draw(st.sampled_from([None, f"https://{handle}.example.com/work"])),
                sharing=Sharing(email=True, phone=True),
            )
        )
    return people


def carried(member: Member, source: SourceFormat) -> dict[str, object]:
    """The fields the format carries. Outlook has one web page: the website when there is one, else LinkedIn
    (a second address goes into the notes, as text)."""
    linkedin = member.linkedin
    if source in (SourceFormat.OUTLOOK, SourceFormat.OUTLOOK_WEB) and member.website:
        linkedin = None
    return {
        "first_name": member.first_name,
        "last_name": member.last_name,
        "headline": member.headline,
        "employers": member.employers[:1],  # the current employer; earlier ones are in the notes
        "email": member.email,
        "phone": member.phone,
        "linkedin": linkedin,
        "website": member.website,
    }


FORMATS: list[tuple[Writer, str, SourceFormat]] = [
    (vcf_bytes, "contacts.vcf", SourceFormat.VCARD),
    (google_csv, "google.csv", SourceFormat.GOOGLE_CONTACTS),
    (outlook_csv, "outlook.csv", SourceFormat.OUTLOOK),
    (outlook_web_csv, "outlook.com.csv", SourceFormat.OUTLOOK_WEB),
]


@pytest.mark.parametrize(("writer", "file_name", "source"), FORMATS, ids=[f[2].value for f in FORMATS])
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(people=members())
def test_export_then_import_gives_the_same_people_twice_without_duplicates(
    writer: Writer, file_name: str, source: SourceFormat, people: list[Member]
) -> None:
    contacts = [Contact(member_id=index + 1, card=member.shared_card()) for index, member in enumerate(people)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / file_name
        path.write_bytes(writer(contacts, SCOPE))
        assert prepare(path).source is source  # detected from the file alone
        with Store.opened(Path(folder) / "fresh.sqlite3") as store:
            store.save_group(Group(name="Another laptop"))
            first = import_roster(store, path, meeting=None, now=NOW)
            assert first.counts["added"] == len(people), first.lines()
            imported = {name_key(m.first_name, m.last_name): m for m in store.members.all()}
            for member in people:
                back = imported[name_key(member.first_name, member.last_name)]
                assert carried(back, source) == carried(member, source)
                assert back.sharing == Sharing()  # no consent in an address book: the private defaults
            again = import_roster(store, path, meeting=None, now=NOW)
            assert (again.counts["added"], again.counts["updated"]) == (0, 0), again.lines()
            assert len(store.members.all()) == len(people)
