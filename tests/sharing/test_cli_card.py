"""`tablesession card MEMBER`: one card and what each field shares; --set, --share and --private change it with
the card form's checks and words, and a choice made here outranks every later import."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import Meeting, Member, SharedField, Sharing, limits
from sessions.roster.card_fields import CARD_FIELDS
from sessions.store import Store
from sessions.timekeeping import FakeClock


@pytest.fixture
def db(tmp_path: Path, clock: FakeClock) -> Path:
    path = tmp_path / "g.sqlite3"
    with Store.opened(path) as store:
        store.meetings.add(Meeting(date=clock.today(), title="Weekly"))
        for first, last in (("Kwame", "Boateng"), ("Kwame", "Asare"), ("Lena", "Vogel")):
            store.members.add(
                Member(
                    first_name=first,
                    last_name=last,
                    email=f"{first}.{last}@example.com".lower(),
                    employers=["Sabre"],
                    sharing=Sharing(email=True),
                )
            )
    return path


def cli(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--db", str(db), *args], clock=clock)
    out, err = capsys.readouterr()
    return code, out, err


def stored(db: Path, name: str) -> Member:
    with Store.opened(db) as store:
        return next(m for m in store.members.all() if m.full_name == name)


def test_the_card_shows_what_each_field_shares(db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(db, clock, capsys, "card", "kwame boateng")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Kwame Boateng (id 1)"
    cells = [re.split(r"\s{2,}", line) for line in lines[3:-1]]
    assert lines[-1] == "no business cards asked for; their own cards show the whole card"
    assert [row[0] for row in cells] == [f.name for f in CARD_FIELDS]
    shares = {row[0]: row[-1] for row in cells}
    assert (shares["First name"], shares["Email"], shares["Phone"], shares["Notes"]) == (
        "always shown",
        "shared",
        "private",
        "never shown",
    )
    assert cells[0] == ["First name", "Kwame", "always shown"]

    code, out, err = cli(db, clock, capsys, "card", "kwame")
    assert code == 2
    assert "2 people match 'kwame'; no card was shown or changed" in err
    assert "Kwame Asare" in out  # both listed, neither guessed
    assert "Kwame Boateng" in out


def test_changes_are_saved_as_the_members_own_choices(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = cli(
        db,
        clock,
        capsys,
        "card",
        "1",
        "--private",
        "email",
        "--share",
        "phone,linkedin",
        "--set",
        "phone=(214) 555-0199",
        "--set",
        "target_roles=product, design",
    )
    assert (code, err) == (0, "")
    assert out.startswith("Card saved: Kwame Boateng.\n")
    kwame = stored(db, "Kwame Boateng")
    assert (kwame.phone, kwame.target_roles) == ("+12145550199", ["product", "design"])
    assert (kwame.sharing.email, kwame.sharing.phone, kwame.sharing.linkedin) == (False, True, True)
    assert kwame.sharing.chosen == {SharedField.EMAIL, SharedField.PHONE, SharedField.LINKEDIN}

    form = tmp_path / "form.csv"
    form.write_text("Name,Email,May others see your email?\nKwame Boateng,kwame.boateng@example.com,Yes\n")
    code, out, err = cli(db, clock, capsys, "import", str(form))
    assert code == 0
    assert "kept Kwame Boateng's email private: chosen on their card; the file would share it" in out
    assert not stored(db, "Kwame Boateng").sharing.email

    code, out, _ = cli(db, clock, capsys, "card", "kwame boateng", "--json")
    card = json.loads(out)
    by_field = {row["field"]: row for row in card["fields"]}
    assert by_field["email"]["shares"] == "private (their choice)"
    assert by_field["phone"] == {
        "field": "phone",
        "label": "Phone",
        "value": "+12145550199",
        "shares": "shared (their choice)",
    }
    assert card["sharing"]["chosen"] == ["email", "phone", "linkedin"]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--set", "email=kwame@"], "Email: 'kwame@' is not a valid email address; left out"),
        (["--set", "first_name= "], "First name is required"),
        (["--set", "headline=" + "x" * 200], f"Headline is too long (at most {limits.HEADLINE_MAX} characters)"),
        (["--set", "phone=12", "--share", "email"], "Phone: '12' is not a valid phone number for region US"),
        (["--set", "favourite=blue"], "'favourite' is not a card field"),
        (["--set", "phone"], "--set 'phone': expected FIELD=VALUE"),
        (["--share", "fax"], "'fax' is not something a card shares"),
        (["--share", "email", "--private", "email"], "email is both in --share and in --private; choose one"),
        (["--set", "email=lena.vogel@example.com"], "email lena.vogel@example.com belongs to Lena Vogel (id 3)"),
    ],
)
def test_a_bad_change_names_the_field_says_why_and_changes_nothing(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str], options: list[str], message: str
) -> None:
    before = stored(db, "Kwame Boateng")
    code, out, err = cli(db, clock, capsys, "card", "kwame boateng", "--set", "notes=met at the door", *options)
    assert code == 2
    assert message in err
    assert err.count("\n") == 1  # one line, no traceback
    assert "Card saved" not in out
    assert stored(db, "Kwame Boateng") == before


def test_business_cards_are_asked_for_and_chosen_on_the_card(
    db: Path, clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = cli(db, clock, capsys, "card", "lena", "--business-cards", "--card-fields", "email,headline")
    assert code == 0
    assert "asked for business cards; their own cards show headline, email" in out
    lena = stored(db, "Lena Vogel")
    assert lena.own_card.wanted
    assert lena.own_card.fields == {SharedField.EMAIL, SharedField.HEADLINE}
    assert lena.sharing.allows(SharedField.EMAIL)  # what the room sees is a separate choice
    code, _, err = cli(db, clock, capsys, "card", "lena", "--no-business-cards", "--card-fields", "email,fax")
    assert code == 2
    assert "fax" in err
    assert stored(db, "Lena Vogel").own_card.wanted  # a bad option changes nothing
    code, out, _ = cli(db, clock, capsys, "card", "lena", "--no-business-cards", "--json")
    assert code == 0
    assert json.loads(out)["own_card"] == {"wanted": False, "fields": ["headline", "email"]}
