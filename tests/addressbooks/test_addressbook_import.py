"""Address books imported: vCard files, Google Contacts and Outlook CSVs, Meetup member lists. Each is detected,
read column by column as its maker meant, and goes through the importer like any registration export."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.cli.main import main
from sessions.models import Group, Meeting, Member, SharedField, Sharing
from sessions.roster import ImportField, ImportFileError, ImportSummary, SourceFormat, import_roster, prepare
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .support import AddressBooks

NOW = dt.datetime(2026, 11, 24, 18, 30, tzinfo=dt.UTC)


def run(store: Store, meeting: Meeting | None, clock: FakeClock, path: Path) -> ImportSummary:
    return import_roster(store, path, meeting=meeting, now=clock.now())


def by_name(store: Store) -> dict[str, Member]:
    return {m.full_name: m for m in store.members.all()}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (AddressBooks.OUTLOOK_DESKTOP, SourceFormat.OUTLOOK),
        (AddressBooks.OUTLOOK_WEB, SourceFormat.OUTLOOK_WEB),
        (AddressBooks.GOOGLE, SourceFormat.GOOGLE_CONTACTS),
        (AddressBooks.MEETUP_MEMBERS_XLS, SourceFormat.MEETUP_MEMBERS),
        (AddressBooks.MEETUP_MEMBERS_CSV, SourceFormat.MEETUP_MEMBERS),
        (AddressBooks.IPHONE, SourceFormat.VCARD),
        (AddressBooks.ANDROID, SourceFormat.VCARD),
        (AddressBooks.VCARD_4, SourceFormat.VCARD),
    ],
)
def test_each_address_book_is_detected_and_the_summary_says_which(
    store: Store, clock: FakeClock, path: Path, expected: SourceFormat
) -> None:
    prepared = prepare(path)
    assert prepared.source is expected
    summary = run(store, None, clock, path)
    assert summary.lines()[0].startswith(f"{path.name} ({expected.label} (detected)")


def test_a_vcard_without_the_vcf_suffix_is_still_read_as_one(tmp_path: Path) -> None:
    renamed = tmp_path / "contacts.txt"
    renamed.write_bytes(AddressBooks.VCARD_4.read_bytes())
    assert prepare(renamed).source is SourceFormat.VCARD


def test_google_contacts_are_read_from_the_value_columns_not_the_labels(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    mapping = prepare(AddressBooks.GOOGLE).mapping
    assert mapping.header_of(ImportField.EMAIL) == "E-mail 1 - Value"
    assert mapping.header_of(ImportField.PHONE) == "Phone 1 - Value"
    assert mapping.header_of(ImportField.WEBSITE) == "Website 1 - Value"
    assert mapping.header_of(ImportField.FIRST_NAME) == "First Name"
    assert mapping.column_of(ImportField.FULL_NAME) is None  # "Middle Name" is no full name
    summary = run(store, meeting, clock, AddressBooks.GOOGLE)
    assert summary.counts["added"] == 3
    assert summary.counts["registered"] == 0  # an address book is not a registration list
    people = by_name(store)
    sofia = people["Sofía Castillo"]
    assert sofia.email == "sofia.castillo@example.com"  # the first of " ::: "-joined addresses
    assert sofia.phone == "+12145550160"
    assert sofia.linkedin == "https://www.linkedin.com/in/sofia-castillo-example"
    assert sofia.website == "https://sofia.example.com"
    assert sofia.headline == "UX Researcher"
    assert sofia.employers == ["Acme Analytics"]
    assert "Labels" not in sofia.extra
    assert "Address 1 - City" not in sofia.extra
    assert people["Daniel Okafor"].phone == "+19725550161"
    kim = next(m for m in store.members.all() if m.last_name == "김")
    assert (kim.first_name, kim.email) == ("민준", "minjun.kim@example.com")


@pytest.mark.parametrize("path", [AddressBooks.OUTLOOK_DESKTOP, AddressBooks.OUTLOOK_WEB])
def test_outlook_columns_map_and_the_display_name_is_no_consent_answer(path: Path) -> None:
    mapping = prepare(path).mapping
    assert mapping.header_of(ImportField.EMAIL) == "E-mail Address"
    assert mapping.header_of(ImportField.PHONE) == "Mobile Phone"
    assert mapping.header_of(ImportField.JOB_TITLE) == "Job Title"
    assert mapping.header_of(ImportField.COMPANY) == "Company"
    assert mapping.header_of(ImportField.WEBSITE) == "Web Page"
    for consent in (ImportField.SHARE_EMAIL, ImportField.SHARE_PHONE, ImportField.SHARE_LIST):
        assert mapping.column_of(consent) is None


def test_outlook_desktop_import(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    summary = run(store, meeting, clock, AddressBooks.OUTLOOK_DESKTOP)
    assert summary.counts["added"] == 3
    people = by_name(store)
    priya = people["Priya Raman"]
    assert priya.email == "priya.raman@example.com"
    assert priya.phone == "+12145550141"  # the mobile, not the business phone
    assert priya.headline == "Data Scientist"
    assert priya.employers == ["Initrode Health"]
    assert priya.linkedin == "https://www.linkedin.com/in/priya-raman-example"
    assert priya.sharing == Sharing()  # the display name did not share her email
    assert not priya.sharing.allows(SharedField.EMAIL)
    assert people["Marco Bianchi"].website == "https://marco.example.com"
    assert people["Marco Bianchi"].phone is None  # only a business phone: not a mobile
    wang = next(m for m in store.members.all() if m.last_name == "王")
    assert wang.first_name == "小明"


def test_outlook_web_import(store: Store, clock: FakeClock) -> None:
    run(store, None, clock, AddressBooks.OUTLOOK_WEB)
    aisha = by_name(store)["Aisha Bello"]
    assert (aisha.email, aisha.phone, aisha.headline) == ("aisha.bello@example.com", "+14695550150", "Product Manager")
    assert aisha.linkedin == "https://www.linkedin.com/in/aisha-bello-example"
    assert by_name(store)["Lukas Novák"].employers == ["Vandelay Industries"]


@pytest.mark.parametrize("path", [AddressBooks.MEETUP_MEMBERS_XLS, AddressBooks.MEETUP_MEMBERS_CSV])
def test_meetup_member_list_keeps_the_name_and_ignores_visit_dates(
    store: Store, meeting: Meeting, clock: FakeClock, path: Path
) -> None:
    mapping = prepare(path).mapping
    assert mapping.header_of(ImportField.FULL_NAME) == "Name"
    assert mapping.column_of(ImportField.LAST_NAME) is None
    assert mapping.column_of(ImportField.FIRST_NAME) is None
    summary = run(store, meeting, clock, path)
    assert summary.counts["added"] == 3
    assert summary.counts["registered"] == 0
    names = sorted((m.first_name, m.last_name) for m in store.members.all())
    assert names == [("Grace", "Hopper-Lin"), ("Ngozi", "Eze"), ("Tomás", "de la Vega")]
    grace = by_name(store)["Grace Hopper-Lin"]
    assert grace.extra["User ID"] == "user 281734922"
    assert grace.extra["Intro"] == "Ops lead, ex-logistics"
    assert not any("visited" in key or "Joined" in key for key in grace.extra)
    titled = [m for m in store.members.all() if "Meetup group role" in m.extra]
    assert titled, "the fixture has someone with a role in the group"
    assert all(m.job_title is None for m in titled), "a group role is no job title"
    again = run(store, meeting, clock, path)  # the member list again: found by User ID, nobody added
    assert again.counts["added"] == 0
    assert len(store.members.all()) == 3


def test_iphone_vcards(store: Store, clock: FakeClock) -> None:
    summary = run(store, None, clock, AddressBooks.IPHONE)
    assert summary.counts["added"] == 3
    layla = by_name(store)["Layla Haddad"]
    assert layla.email == "layla.haddad@example.com"  # the grouped item1.EMAIL, marked pref
    assert layla.phone == "+12145550171"  # the cell phone marked pref, not the work phone
    assert layla.employers == ["Northwind Traders"]
    assert layla.headline == "Senior Analyst"
    assert layla.website == "https://layla.example.com"
    assert layla.linkedin == "https://www.linkedin.com/in/layla-haddad-example"  # a folded line, whole again
    assert layla.extra["Note"] == "Met at the Tuesday networking group, table 3"
    assert not any("PHOTO" in value or "/9j/" in value for value in layla.extra.values())
    wang = next(m for m in store.members.all() if m.last_name == "王")
    assert (wang.first_name, wang.phone) == ("小明", "+8613900139000")


def test_older_android_vcards_with_quoted_printable(store: Store, clock: FakeClock) -> None:
    summary = run(store, None, clock, AddressBooks.ANDROID)
    assert summary.counts["added"] == 2
    elodie = by_name(store)["Élodie François"]
    assert elodie.email == "elodie.francois@example.com"
    assert elodie.employers == ["Société Générale d'Exemple Internationale"]  # a soft line break joined
    assert elodie.phone == "+33612345678"
    assert by_name(store)["Anna Ivanova"].phone == "+19725550181"  # CELL;PREF over HOME


def test_vcard_4_phone_uri(store: Store, clock: FakeClock) -> None:
    run(store, None, clock, AddressBooks.VCARD_4)
    kofi = by_name(store)["Kofi Asante"]
    assert (kofi.phone, kofi.email, kofi.website) == (
        "+12145550190",
        "kofi.asante@example.com",
        "https://kofi.example.com",
    )
    assert kofi.employers == ["Contoso Ltd"]


def test_a_broken_card_is_named_by_number_and_the_others_import(store: Store, clock: FakeClock) -> None:
    summary = run(store, None, clock, AddressBooks.BROKEN)
    lines = [note.line() for note in summary.warnings]
    assert any("card 2 (line 7): cannot be read" in line and "left out" in line for line in lines), lines
    assert any("card 4 (line 17): never ends (no END:VCARD); left out" in line for line in lines), lines
    assert sorted(by_name(store)) == ["Claire Moreau", "Jonas Berg"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"FN:Nobody\r\nEMAIL:nobody@example.com\r\n", "no vCard in the file (no line 'BEGIN:VCARD')"),
    ],
)
def test_a_vcf_that_is_no_vcard_file_is_refused_with_its_name(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "phone.vcf"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match="^" + re.escape(f"phone.vcf: {message}")):
        prepare(path)


def test_an_existing_members_sharing_is_untouched_by_an_address_book(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    chosen = Sharing().choose(SharedField.EMAIL, True).choose(SharedField.PHONE, False)
    store.members.add(Member(first_name="Priya", last_name="Raman", email="priya.raman@example.com", sharing=chosen))
    run(store, meeting, clock, AddressBooks.OUTLOOK_DESKTOP)
    priya = by_name(store)["Priya Raman"]
    assert priya.sharing == chosen
    assert priya.phone == "+12145550141"  # the card was still filled in
    new = by_name(store)["Marco Bianchi"]
    assert new.sharing == Sharing()


def test_cli_format_names_every_address_book(
    db_path: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, path in (
        ("vcard", AddressBooks.VCARD_4),
        ("google-contacts", AddressBooks.GOOGLE),
        ("outlook", AddressBooks.OUTLOOK_DESKTOP),
        ("outlook-web", AddressBooks.OUTLOOK_WEB),
        ("meetup-members", AddressBooks.MEETUP_MEMBERS_XLS),
    ):
        assert main(["--db", str(db_path), "import", str(path), "--format", name, "--dry-run"], clock=clock) == 0
        out = capsys.readouterr().out
        assert f"({SourceFormat(name).label}," in out
    assert main(["--db", str(db_path), "import", str(AddressBooks.BROKEN)], clock=clock) == 0
    out = capsys.readouterr().out
    assert "card 2 (line 7): cannot be read" in out


def test_the_summary_of_a_vcf_counts_cards(store: Store, clock: FakeClock) -> None:
    summary = run(store, None, clock, AddressBooks.IPHONE)
    lines = summary.lines()
    assert lines[0] == "iphone.vcf (vCard file (detected), utf-8): 3 card(s)"
    assert "    card 1 Layla Haddad: new member" in lines


def test_an_unknown_shape_named_as_an_address_book_is_one_line_naming_the_file(
    db_path: Path, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "export.csv"
    odd.write_text("Display,Mail\r\nAna Ruiz,ana@example.com\r\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(odd), "--format", "outlook"], clock=clock) == 2
    err = capsys.readouterr().err
    assert "export.csv: no name column" in err
    assert "Traceback" not in err


MUTATIONS = [
    b"=",
    b"\r\n",
    b";",
    b":",
    b"\r\n ",
    b"BEGIN:VCARD\r\n",
    b"END:VCARD\r\n",
    b";ENCODING=QUOTED-PRINTABLE",
    b"\xff",
]


@settings(max_examples=30, deadline=None)
@given(
    edits=st.lists(
        st.tuples(st.floats(min_value=0, max_value=1), st.sampled_from(MUTATIONS), st.integers(0, 12)),
        min_size=1,
        max_size=12,
    )
)
def test_a_damaged_vcf_is_imported_or_refused_in_one_line_never_a_traceback(
    edits: list[tuple[float, bytes, int]],
) -> None:
    data = bytearray(AddressBooks.IPHONE.read_bytes() + AddressBooks.ANDROID.read_bytes())
    for where, inserted, removed in edits:
        position = int(where * (len(data) - 1))
        data[position : position + removed] = inserted
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "damaged.vcf"
        path.write_bytes(bytes(data))
        with Store.opened(Path(folder) / "fuzz.sqlite3") as store:
            store.save_group(Group(name="Fuzz"))
            refused: ImportFileError | None = None
            try:
                summary = import_roster(store, path, meeting=None, now=NOW)
            except ImportFileError as exc:
                refused = exc
            if refused is not None:
                message = str(refused)
                assert message.startswith("damaged.vcf: ")
                assert "\n" not in message
            else:
                assert summary.counts["added"] == len(store.members.all())
