"""vCard 3.0 text of a shared card: what phones read from QR codes and exports write to .vcf files."""

from __future__ import annotations

import vobject

from sessions.models import Member, Sharing
from sessions.vcard import escape_text, fold_line, vcard_for


def test_minimal_card_has_n_and_fn_and_crlf_line_ends() -> None:
    card = Member(first_name="Mei", sharing=Sharing()).shared_card()
    text = vcard_for(card)
    assert text == "BEGIN:VCARD\r\nVERSION:3.0\r\nN:;Mei;;;\r\nFN:Mei\r\nEND:VCARD\r\n"


def test_only_shared_fields_appear() -> None:
    member = Member(
        first_name="Kwame",
        last_name="Mensah",
        headline="Controller",
        employers=["Frito-Lay", "Dell"],
        email="kwame@example.com",
        phone="+12145550102",
        linkedin="https://www.linkedin.com/in/kwame",
        website="https://example.com/k",
        sharing=Sharing(email=False, phone=True, linkedin=False, headline=False),
    )
    text = vcard_for(member.shared_card())
    assert "kwame@example.com" not in text
    assert "linkedin" not in text
    assert "Controller" not in text
    assert "TEL;TYPE=CELL:+12145550102\r\n" in text
    assert "ORG:Frito-Lay\r\n" in text  # the most recent employer
    assert "URL:https://example.com/k\r\n" in text


def test_text_values_are_escaped_and_parse_back() -> None:
    member = Member(
        first_name="Anne, Marie",
        last_name="Dupont;Smith",
        headline="Data\\ops, analytics; reporting",
        employers=["AT&T; Mobility"],
        sharing=Sharing(),
    )
    text = vcard_for(member.shared_card(), note="Met at the networking group\nTuesday")
    assert "N:Dupont\\;Smith;Anne\\, Marie;;;\r\n" in text
    assert "TITLE:Data\\\\ops\\, analytics\\; reporting\r\n" in text
    assert "NOTE:Met at the networking group\\nTuesday\r\n" in text
    parsed = vobject.readOne(text)
    assert parsed.fn.value == "Anne, Marie Dupont;Smith"
    assert parsed.n.value.family == "Dupont;Smith"
    assert parsed.n.value.given == "Anne, Marie"
    assert parsed.title.value == "Data\\ops, analytics; reporting"
    assert parsed.note.value == "Met at the networking group\nTuesday"


def test_unicode_names_survive_a_round_trip() -> None:
    member = Member(first_name="Γιώργος", last_name="Παπαδόπουλος", headline="数据分析师", sharing=Sharing())
    parsed = vobject.readOne(vcard_for(member.shared_card()))
    assert parsed.fn.value == "Γιώργος Παπαδόπουλος"
    assert parsed.title.value == "数据分析师"


def test_escape_text_handles_every_special_character() -> None:
    assert escape_text("a\\b,c;d\r\ne\rf\ng") == "a\\\\b\\,c\\;d\\ne\\nf\\ng"


def test_folding_keeps_lines_within_75_octets_without_splitting_characters() -> None:
    line = "TITLE:" + "王" * 60
    folded = fold_line(line)
    pieces = folded.split("\r\n")
    assert len(pieces) > 1
    assert all(len(piece.encode("utf-8")) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join(piece.removeprefix(" ") if i else piece for i, piece in enumerate(pieces)) == line


def test_folded_card_parses_to_the_same_values() -> None:
    member = Member(first_name="Renée", last_name="O'Brien", headline="é" * 120, sharing=Sharing())
    parsed = vobject.readOne(vcard_for(member.shared_card(), fold=True))
    assert parsed.title.value == "é" * 120
