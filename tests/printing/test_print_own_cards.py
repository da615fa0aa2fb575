"""Business cards are the person's own: printed for those who asked, showing what they chose for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli.main import main
from sessions.models import OwnCard, SharedField, Sharing
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .print_pdf_reading import read_pages, vcard_fields

DPI = 300


def _present(store: Store, clock: FakeClock) -> list[int]:
    meeting = store.meetings.current(clock.today())
    assert meeting is not None
    assert meeting.id is not None
    return sorted(store.attendance.present_ids(meeting.id))


def test_cards_print_only_for_those_who_asked_and_show_their_own_choice(
    print_store: Store, clock: FakeClock, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second, third, *_ = (print_store.members.get(m) for m in _present(print_store, clock))
    out = tmp_path / "cards.pdf"
    # Nobody asked yet: nothing is printed, and the message says how to ask.
    assert main(["--db", str(print_store.path), "print", "cards", "-o", str(out)], clock=clock) == 2
    assert "nobody here asked for business cards" in capsys.readouterr().err
    assert not out.exists()
    # The first keeps their email from the room but wants it on their own cards; the second leaves their
    # phone off their cards although the room may see it.
    print_store.members.update(
        first.model_copy(
            update={
                "email": "own.cards@example.com",
                "sharing": Sharing(email=False, employers=False),
                "own_card": OwnCard(wanted=True),
                "employers": ["Sabre"],
            }
        )
    )
    no_phone = frozenset(SharedField) - {SharedField.PHONE}
    print_store.members.update(
        second.model_copy(
            update={
                "phone": "+12145550106",
                "sharing": Sharing(phone=True),
                "own_card": OwnCard(wanted=True, fields=no_phone),
            }
        )
    )
    assert main(["--db", str(print_store.path), "print", "cards", "--copies", "1", "-o", str(out)], clock=clock) == 0
    (page,) = read_pages(out.read_bytes(), DPI)
    assert first.first_name in page.text
    assert second.first_name in page.text
    assert third.first_name not in page.text  # did not ask
    assert "own.cards@example.com" in page.text  # their own card, though the room does not see it
    assert "Sabre" in page.text
    assert "555-0106" not in page.text  # left off their own cards
    codes = [vcard_fields(code) for code in page.codes]
    assert len(codes) == 2
    emails = [value for code in codes for name, values in code.items() if name.startswith("EMAIL") for value in values]
    phones = [value for code in codes for name, values in code.items() if name.startswith("TEL") for value in values]
    assert emails.count("own.cards@example.com") == 1
    assert not any("5550106" in phone for phone in phones)
    # Named with --member, someone who did not ask gets theirs too.
    named = tmp_path / "named.pdf"
    assert third.id is not None
    args = ["print", "cards", "--member", str(third.id), "--copies", "1", "-o", str(named)]
    assert main(["--db", str(print_store.path), *args], clock=clock) == 0
    (page,) = read_pages(named.read_bytes(), DPI)
    assert third.first_name in page.text
    assert first.first_name not in page.text


def test_the_own_card_choice_is_kept_in_the_group_file(print_store: Store) -> None:
    member = print_store.members.all()[0]
    chosen = OwnCard(wanted=True, fields=frozenset({SharedField.EMAIL, SharedField.HEADLINE}))
    print_store.members.update(member.model_copy(update={"own_card": chosen}))
    assert member.id is not None
    assert print_store.members.get(member.id).own_card == chosen
