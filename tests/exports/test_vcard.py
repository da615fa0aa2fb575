"""The vCard writer: vobject reads every field back exactly; escaping, folding and line endings."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
import vobject
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from printables.content import qr_payload
from sessions.exports import ExportKind, ExportRequest, ExportScope, run_export, safe_file_name
from sessions.models import Member, SharedCard, Sharing, display_full_name
from sessions.store import Store
from sessions.timekeeping import FakeClock
from sessions.vcard import LINE_OCTETS, escape_text, fold_line, vcard_for

from .conftest import RunMeeting, people


def parse(text: str) -> vobject.base.Component:
    return vobject.readOne(text)


def raw_urls(text: str) -> list[str]:
    """URL values as an RFC 2426 reader sees them: unfolded, never unescaped. vobject decodes every
    property it has no rule for as text (and cuts a value at its first comma) when it builds a card,
    so URLs are read with its content-line parser, which only unfolds and splits name from value."""
    lines = vobject.base.getLogicalLines(io.StringIO(text))
    parsed = (vobject.base.textLineToContentLine(line, number) for line, number in lines)
    return [line.value for line in parsed if line.name == "URL"]


@pytest.mark.parametrize("member", people(), ids=lambda m: m.full_name)
def test_every_shared_field_round_trips_through_vobject(member: Member) -> None:
    card = member.shared_card()
    note = "Met at Weekly networking; round 1, table 2.\nSecond line, with a \\ backslash."
    parsed = parse(vcard_for(card, note=note))

    assert parsed.version.value == "3.0"
    assert parsed.n.value.family == card.last_name
    assert parsed.n.value.given == card.first_name
    assert parsed.fn.value == display_full_name(card.first_name, card.last_name)  # 山田美咲, family name first
    assert parsed.note.value == note
    contents = parsed.contents
    assert [org.value for org in contents.get("org", [])] == (
        [[card.current_employer]] if card.current_employer else []
    )
    assert [t.value for t in contents.get("title", [])] == ([card.headline] if card.headline else [])
    assert [e.value for e in contents.get("email", [])] == ([card.email] if card.email else [])
    assert [t.value for t in contents.get("tel", [])] == ([card.phone] if card.phone else [])
    # A comma or semicolon is percent-encoded, so vobject reads the whole URL (it would cut at the comma).
    assert [unquote(u.value) for u in contents.get("url", [])] == [u for u in (card.linkedin, card.website) if u]


def test_withheld_fields_never_reach_the_card() -> None:
    member = Member(
        first_name="Noah",
        last_name="Quinn",
        headline="Analyst",
        employers=["Dell"],
        email="noah@example.com",
        phone="+1 214 555 0199",
        linkedin="https://www.linkedin.com/in/noah",
        website="https://noah.example.com",
        sharing=Sharing(headline=False, employers=False, email=False, phone=False, linkedin=False, website=False),
    )
    text = vcard_for(member.shared_card())
    parsed = parse(text)
    assert set(parsed.contents) == {"version", "n", "fn"}
    for private in ("Analyst", "Dell", "noah@example.com", "555", "linkedin", "noah.example.com"):
        assert private not in text


def test_lines_end_in_crlf_and_are_folded_at_75_octets() -> None:
    card = SharedCard(first_name="美咲", last_name="山田", headline="データアナリスト" * 12)
    text = vcard_for(card)
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= LINE_OCTETS for line in physical)
    assert any(line.startswith(" ") for line in physical), "the long TITLE should have been folded"
    assert parse(text).title.value == card.headline


def test_unfolded_card_for_qr_codes_has_one_line_per_property() -> None:
    card = SharedCard(first_name="Kwame", last_name="Mensah", headline="Supply chain " * 10)
    text = vcard_for(card, fold=False)
    assert not any(line.startswith(" ") for line in text.split("\r\n"))
    assert f"TITLE:{card.headline}\r\n" in text


def urls(text: str) -> list[str]:
    return [url.value for url in parse(text).contents.get("url", [])]


def test_urls_with_commas_and_semicolons_survive_a_common_reader() -> None:
    query = "https://www.example.com/profile?tags=supply,chain;lang=en&utm_source=" + "x" * 60
    site = "https://olga.example.com/a,b;c"
    member = Member(first_name="Olga", last_name="Dubois", linkedin=query, website=site)
    text = vcard_for(member.shared_card())
    assert "\\," not in text
    assert "\\;" not in text
    assert any(line.startswith(" ") for line in text.split("\r\n")), "the long URL is still folded"
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    # vobject reads URL as text and cut the site at its first comma: percent-encoded, both arrive whole.
    encoded_query = "https://www.example.com/profile?tags=supply%2Cchain%3Blang=en&utm_source=" + "x" * 60
    assert urls(text) == [encoded_query, "https://olga.example.com/a%2Cb%3Bc"]
    assert [unquote(url) for url in urls(text)] == [query, site]
    # Text values around them are still escaped and still read back whole.
    assert parse(text).fn.value == "Olga Dubois"


def test_a_backslash_in_a_url_is_not_read_as_an_escape() -> None:
    url = "https://noah.example.com/a\\nb?q=1%2C2"
    assert urls(vcard_for(SharedCard(first_name="Noah", last_name="Quinn", website=url))) == [
        "https://noah.example.com/a%5Cnb?q=1%2C2"  # an existing escape is left as it was
    ]


def test_qr_codes_carry_urls_that_survive_a_common_reader_unfolded() -> None:
    url = "https://olga.example.com/p?a=1,2;b=3&c=" + "x" * 80
    payload = qr_payload(SharedCard(first_name="Olga", last_name="Dubois", website=url))
    encoded = "https://olga.example.com/p?a=1%2C2%3Bb=3&c=" + "x" * 80
    assert f"\r\nURL:{encoded}\r\n" in payload
    assert urls(payload) == [encoded]
    assert unquote(encoded) == url


def test_the_model_refuses_a_url_that_would_break_the_card_line() -> None:
    with pytest.raises(ValidationError, match="cannot contain spaces"):
        Member(first_name="Noah", linkedin="https://noah.example.com/\r\nEMAIL:spoof@example.com")
    assert Member(first_name="Noah", website="https://noah.example.com/\x00a\x1fb").website == (
        "https://noah.example.com/ab"
    )


def test_a_card_built_around_the_model_still_cannot_inject_a_property() -> None:
    card = SharedCard(first_name="Noah", last_name="Quinn", website="https://noah.example.com/a\r\nEMAIL:x@example.com")
    text = vcard_for(card)
    assert "\r\nEMAIL" not in text
    assert raw_urls(text) == ["https://noah.example.com/a%0D%0AEMAIL:x@example.com"]


def test_escaping_covers_backslash_comma_semicolon_and_newlines() -> None:
    assert escape_text("a\\b,c;d\ne\r\nf") == "a\\\\b\\,c\\;d\\ne\\nf"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_folding_never_splits_a_character_and_unfolds_to_the_original(line: str) -> None:
    pieces = fold_line(line)
    assert all(len(piece.encode("utf-8")) <= LINE_OCTETS for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert pieces[0] + "".join(piece[1:] for piece in pieces[1:]) == line
    if line.isascii():  # one octet per character: every line but the last is full
        assert all(len(piece) == LINE_OCTETS for piece in pieces[:-1])


def test_vcf_holds_every_attendee_and_the_zip_one_card_per_file(
    store: Store, run_meeting: RunMeeting, clock: FakeClock, tmp_path: Path
) -> None:
    scope = ExportScope(run_meeting.meeting)
    vcf = tmp_path / "all.vcf"
    summary = run_export(store, ExportRequest(ExportKind.VCARD, vcf, scope, clock.now()))
    cards = list(vobject.readComponents(vcf.read_text(encoding="utf-8")))
    names = sorted(card.fn.value for card in cards)
    came = sorted(
        display_full_name(m.first_name, m.last_name) for name, m in run_meeting.members.items() if name != "Absent"
    )
    assert names == came
    assert summary.fields.people == len(came)

    archive_path = tmp_path / "all.zip"
    run_export(store, ExportRequest(ExportKind.VCARD_ZIP, archive_path, scope, clock.now()))
    with zipfile.ZipFile(io.BytesIO(archive_path.read_bytes())) as archive:
        files = archive.namelist()
        assert len(files) == len(came)
        for name in files:
            assert name.endswith(".vcf")
            assert "/" not in name
            single = list(vobject.readComponents(archive.read(name).decode("utf-8")))
            assert len(single) == 1
            assert name == f"{safe_file_name(single[0].fn.value)}.vcf"  # "Jr." loses its dot: Windows drops it
