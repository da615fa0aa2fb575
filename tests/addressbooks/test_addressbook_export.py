"""Address-book exports: Outlook in both of its own shapes, and full names in the order their script writes them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import vobject

from app.cli.main import main
from sessions.models import Meeting, Member, SharedCard, Sharing, display_full_name, is_family_name_first
from sessions.store import Store
from sessions.timekeeping import FakeClock
from sessions.vcard import vcard_for

from .support import AddressBooks


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("小明", "王", "王小明"),
        ("美咲", "山田", "山田美咲"),
        ("민준", "김", "김민준"),
        ("さくら", "佐藤", "佐藤さくら"),
        ("Ana", "Ruiz", "Ana Ruiz"),
        ("David", "王", "David 王"),  # a Latin given name keeps the Western order
        ("小明", "Wang", "小明 Wang"),
        ("Cher", "", "Cher"),
        ("小明", "", "小明"),
    ],
)
def test_display_full_name_follows_the_names_script(first: str, last: str, expected: str) -> None:
    assert display_full_name(first, last) == expected
    assert is_family_name_first(first, last) == (expected == last + first and bool(last))


def test_vcard_fn_is_family_name_first_for_a_chinese_name_and_n_stays_structured() -> None:
    card = vobject.readOne(vcard_for(SharedCard(first_name="小明", last_name="王")))
    assert card.fn.value == "王小明"
    assert (card.n.value.family, card.n.value.given) == ("王", "小明")


def header_of(data: bytes) -> list[str]:
    return next(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.fixture
def came(store: Store, meeting: Meeting, clock: FakeClock) -> list[Member]:
    assert meeting.id is not None
    people = [
        Member(first_name="小明", last_name="王", email="xiaoming.wang@example.com", sharing=Sharing(email=True)),
        Member(first_name="Ana", last_name="Ruiz", phone="+1 214 555 0101", sharing=Sharing(phone=True)),
    ]
    saved = [store.members.add(member) for member in people]
    for member in saved:
        assert member.id is not None
        store.attendance.register(meeting.id, member.id, source="csv", at=clock.now())
        store.attendance.check_in(meeting.id, member.id, clock.now())
    return saved


@pytest.mark.parametrize(
    ("options", "sample", "width"),
    [([], AddressBooks.OUTLOOK_DESKTOP, 92), (["--web"], AddressBooks.OUTLOOK_WEB, 61)],
)
def test_outlook_export_has_the_header_outlook_itself_exports_and_imports_back(
    db_path: Path,
    came: list[Member],
    clock: FakeClock,
    tmp_path: Path,
    *,
    options: list[str],
    sample: Path,
    width: int,
) -> None:
    out = tmp_path / "outlook.csv"
    assert main(["--db", str(db_path), "export", "outlook-csv", "-o", str(out), *options], clock=clock) == 0
    data = out.read_bytes()
    header = header_of(data)
    assert header == header_of(sample.read_bytes())  # column for column, as Outlook exports them
    assert len(header) == width
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    wang = next(row for row in rows if row["Last Name"] == "王")
    assert wang["E-mail Address"] == "xiaoming.wang@example.com"
    if "E-mail Display Name" in wang:
        assert wang["E-mail Display Name"] == "王小明 (xiaoming.wang@example.com)"
    assert "Met at" in wang["Notes"]


def test_web_goes_with_outlook_csv_only(
    db_path: Path, came: list[Member], clock: FakeClock, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "export", "vcard", "--web"], clock=clock) == 2
    err = capsys.readouterr().err
    assert "--web goes with the outlook-csv kind only" in err
    assert "Traceback" not in err
