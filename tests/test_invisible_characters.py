"""Bidirectional controls and other invisible format characters never reach a stored card, whether it
is typed in an edit or read from a registration export, so a name cannot be shown reversed or spoofed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sessions.models import Group, Meeting, Member
from sessions.roster import import_roster
from sessions.store import Store

# Embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069), and other invisible format
# characters: zero-width space, the directional marks, word joiner, byte-order mark, soft hyphen.
BIDI_CONTROLS = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
OTHER_INVISIBLE = ["\u200b", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad", "\u061c", "\U000e0041"]
ZWNJ, ZWJ = "\u200c", "\u200d"


@pytest.mark.parametrize("invisible", BIDI_CONTROLS + OTHER_INVISIBLE, ids=lambda c: f"U+{ord(c):04X}")
def test_every_card_field_drops_invisible_format_characters(invisible: str) -> None:
    member = Member(
        first_name=f"{invisible}Olga{invisible}",
        last_name=f"Du{invisible}bois",
        headline=f"Controller{invisible} at Acme",
        employers=[f"Acme{invisible}", "Globex"],
        target_roles=[f"{invisible}FP&A lead"],
        target_companies=[f"Init{invisible}ech"],
        subgroups=[f"Finance{invisible}"],
        email=f"olga{invisible}@example.com",
        phone=f"+1214555{invisible}0101",
        linkedin=f"https://www.linkedin.com/in/olga{invisible}",
        website=f"https://olga.example.com/{invisible}",
        notes=f"Met{invisible} at the door",
    )
    assert (member.first_name, member.last_name, member.headline) == ("Olga", "Dubois", "Controller at Acme")
    assert member.employers == ["Acme", "Globex"]
    assert (member.target_roles, member.target_companies, member.subgroups) == (["FP&A lead"], ["Initech"], ["Finance"])
    assert (member.email, member.phone) == ("olga@example.com", "+12145550101")
    assert (member.linkedin, member.website) == ("https://www.linkedin.com/in/olga", "https://olga.example.com/")
    assert member.notes == "Met at the door"


def test_an_edit_goes_through_the_same_cleaning() -> None:
    member = Member(first_name="Olga", last_name="Dubois")
    # "Olga" typed after a right-to-left override shows as "aglO": the kind of spoof this prevents.
    member.first_name = "\u202eaglO"
    member.last_name = "\u2067Dubois\u2069"
    assert (member.first_name, member.last_name) == ("aglO", "Dubois")


def test_a_name_of_nothing_but_invisible_characters_is_refused() -> None:
    with pytest.raises(ValueError, match="first_name"):
        Member(first_name="\u202e\u200b\ufeff")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("می\u200cخواهم", "می\u200cخواهم"),  # Persian: the non-joiner keeps two letters from joining
        ("क्\u200dष", "क्\u200dष"),  # Devanagari: the joiner asks for the half form; it follows a virama (a mark)
        ("\u200dOlga\u200c", "Olga"),  # at the edges of a word they join nothing
        ("Ol\u200c ga", "Ol ga"),  # nor next to a space
        ("Olga\u200c\u200d\u200cDubois", "OlgaDubois"),  # nor in a run of invisibles
    ],
)
def test_joiners_stay_only_between_letters_that_need_them(typed: str, kept: str) -> None:
    assert Member(first_name=typed).first_name == kept


def test_a_roster_import_stores_names_without_them(tmp_path: Path) -> None:
    source = tmp_path / "registrations.csv"
    source.write_text(
        "First Name,Last Name,Email,Company\n"
        "\u202eaglO,\u2066Dubois\u2069\u200b,\u200bolga@example.com,\ufeffAcme\u200f\n"
        "Kwame,Mensah,kwame@example.com,Frito-Lay\n",
        encoding="utf-8",
    )
    now = dt.datetime(2026, 11, 24, 18, 0, tzinfo=dt.UTC)
    with Store.opened(tmp_path / "group.sqlite3") as store:
        store.save_group(Group(name="Test networking group"))
        meeting = store.meetings.add(Meeting(date=now.date()))
        import_roster(store, source, meeting=meeting, now=now)
        olga = next(m for m in store.members.all() if m.email == "olga@example.com")
    assert (olga.first_name, olga.last_name, olga.employers) == ("aglO", "Dubois", ["Acme"])
