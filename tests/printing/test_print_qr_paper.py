"""QR codes that phones read from paper: modules of at least 0.4 mm on every document, and only the shared card."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import zxingcpp

from printables.badges import labels
from printables.cards import business_cards
from printables.content import TRIM_ORDER, contact_code, qr_payloads
from printables.geometry import Paper, mm
from printables.pdf import Pdf
from printables.qr import modules_of
from printables.sheets import table_sheets
from printables.stock import StockKind, iter_stocks
from printables.tents import tents
from sessions.models import Meeting, Member, Round, SharedCard, Table
from sessions.vcard import escape_text, uri_value

from .long_profiles import long_profile
from .print_fixtures import fictional_members
from .print_pdf_reading import render, vcard_fields

DPI = 200
MEETING = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking", venue="Room B")


def people() -> list[Member]:
    titled = long_profile(9).model_copy(update={"extra": {"Title": "Procurement director"}})
    return [*fictional_members(), long_profile(8), titled]


def scanned(pdf: Pdf) -> list[tuple[str, float]]:
    """(payload, module size in mm) of every QR code on every page, read from the rendered page."""
    found = []
    for index in range(pdf.pages):
        image = render(pdf.data, index, DPI)
        for code in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
            corners = code.position
            side = math.dist((corners.top_left.x, corners.top_left.y), (corners.top_right.x, corners.top_right.y))
            modules = 17 + 4 * int(code.extra["Version"])
            found.append((code.bytes.decode("utf-8"), side / modules / DPI * 25.4))
    return found


def assert_is_shared_card(payload: str, cards: dict[str, SharedCard]) -> None:
    fields = vcard_fields(payload)
    card = cards[fields["FN"][0]]
    assert fields["N"] == [f"{escape_text(card.last_name)};{escape_text(card.first_name)};;;"]
    # A shared email or phone is never left out; anything withheld never appears.
    assert fields.get("EMAIL;TYPE=INTERNET", []) == ([escape_text(card.email)] if card.email else [])
    assert fields.get("TEL;TYPE=CELL", []) == ([escape_text(card.phone)] if card.phone else [])
    assert set(fields.get("URL", [])) <= {uri_value(u) for u in (card.linkedin, card.website) if u}
    assert fields.get("ORG", []) in ([], [escape_text(card.current_employer or "")])
    for title in fields.get("TITLE", []):
        assert title in {escape_text(t) for t in (card.job_title, card.headline) if t}
        assert len(title) <= 60, "the TITLE is a job title, not a headline"
    assert payload in qr_payloads(card)


def documents(paper: Paper, cards: list[SharedCard]) -> list[tuple[str, Pdf]]:
    by_id = dict(enumerate(cards, start=1))
    rounds = (Round(number=1, tables=(Table.of("1", list(by_id)[:8]), Table.of("2", list(by_id)[8:]))),)
    made = [
        ("tents", tents(cards, paper)),
        ("sheets", table_sheets("Example Networking Group", MEETING, rounds, by_id, paper)),
    ]
    for stock in iter_stocks(StockKind.BADGE):
        if stock.paper is paper:
            made.append((f"badges {stock.name}", labels(cards, stock)))
    for stock in iter_stocks(StockKind.CARD):
        if stock.paper is paper:
            made.append((f"cards {stock.name}", business_cards(cards, stock, copies=1)))
    return made


@pytest.mark.parametrize("paper", list(Paper))
def test_every_qr_on_every_document_has_modules_of_at_least_0_4_mm(paper: Paper) -> None:
    cards = [member.shared_card() for member in people()]
    by_name = {escape_text(card.full_name): card for card in cards}
    for name, pdf in documents(paper, cards):
        codes = scanned(pdf)
        per_card = 2 if name == "tents" else 1  # a tent shows its code on both faces
        assert len(codes) == per_card * len(cards), f"{name}: {len(codes)} codes read"
        for payload, module in codes:
            assert module >= 0.395, f"{name}: modules of {module:.3f} mm"
            assert_is_shared_card(payload, by_name)


def test_the_qr_title_is_the_job_title_not_the_headline() -> None:
    card = people()[-1].shared_card()
    fields = vcard_fields(qr_payloads(card)[0])
    assert fields["TITLE"] == ["Procurement director"]
    assert card.headline is not None
    assert card.headline not in fields["TITLE"][0]


def test_a_dense_payload_leaves_fields_out_in_the_stated_order_never_name_email_or_phone() -> None:
    card = people()[-1].shared_card()
    payloads = qr_payloads(card)
    assert len(payloads) == len(TRIM_ORDER) + 1
    assert "NOTE:Senior director" in payloads[0]
    assert "NOTE:" in payloads[1]
    assert "Senior director" not in payloads[1]
    assert "Also worked at" not in payloads[2]  # then past employers
    for payload in payloads:
        fields = vcard_fields(payload)
        assert fields["FN"] == [escape_text(card.full_name)]
        assert fields["EMAIL;TYPE=INTERNET"] == [card.email]
        assert fields["TEL;TYPE=CELL"] == [card.phone]
    # Less room: a leaner payload, never smaller modules.
    roomy, tight = contact_code(card, mm(60)), contact_code(card, mm(28))
    assert payloads.index(roomy.payload) < payloads.index(tight.payload)
    assert tight.modules * 0.4 <= 28 + 1e-6
    assert modules_of(1) == 29
