"""Every character prints: names in many scripts are drawn with real glyphs, never the font's .notdef box."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.pdfbase.ttfonts import TTFontFile

from printables.badges import labels
from printables.cards import business_cards
from printables.geometry import Paper
from printables.pdf import Pdf
from printables.sheets import table_sheets
from printables.stock import PLAIN, StockKind, find_stock
from printables.tents import tents
from printables.typeface import FONT_DIR, unprintable
from sessions.models import Meeting, Member, Round, SharedCard, Table

from .print_pdf_reading import page_texts

NAMES = {
    "Latin": ("Nguyễn", "Thị Ánh"),
    "Greek": ("Γιώργος", "Παπαδόπουλος"),
    "Cyrillic": ("Дмитрий", "Иванов"),
    "Chinese": ("小明", "王"),
    "Japanese": ("さくら", "山田"),
    "Korean": ("민준", "김"),
    "Arabic": ("محمد", "العبدالله"),
    "Hebrew": ("דוד", "כהן"),
    "Thai": ("สมชาย", "ใจดี"),
    "Devanagari": ("अर्जुन", "शर्मा"),
    "Armenian": ("Արամ", "Պետրոսյան"),
    "Georgian": ("გიორგი", "ბერიძე"),
}
_BFCHAR = re.compile(r"<([0-9A-Fa-f]{2})>\s*<([0-9A-Fa-f]{4})>")
RIGHT_TO_LEFT = {"Arabic", "Hebrew"}  # read back in drawing order and joined forms: checked by glyph only


def bundled_cmaps() -> dict[str, dict[int, int]]:
    """PostScript name -> character map of every bundled TrueType face."""
    maps = {}
    for path in FONT_DIR.glob("*.ttf"):
        face = TTFontFile(str(path), validate=0)
        maps[face.name.decode() if isinstance(face.name, bytes) else face.name] = face.charToGlyph
    return maps


def notdef_glyphs(pdf: Pdf) -> list[tuple[int, str, str]]:
    """(page, font, character) of every glyph drawn that the embedded face does not have: a reader draws the
    face's .notdef glyph (an empty box) for it. Read from each page's drawing operators: the character codes
    shown in each font, what its ToUnicode map says they stand for, and the original face's character map."""
    faces = bundled_cmaps()
    reader = PdfReader(io.BytesIO(pdf.data))
    found = []
    for number, page in enumerate(reader.pages):
        fonts = page["/Resources"].get_object().get("/Font", {})
        codes: dict[str, tuple[str, dict[int, int]]] = {}
        for name, reference in fonts.items():
            font = reference.get_object()
            if "/ToUnicode" not in font:
                continue
            face = str(font["/BaseFont"]).lstrip("/").split("+", 1)[-1]
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            table = {int(code, 16): int(char, 16) for code, char in _BFCHAR.findall(cmap)}
            codes[name] = (face, table)
        current = ""
        for operands, operator in ContentStream(page.get_contents(), reader).operations:
            if operator == b"Tf":
                current = str(operands[0])
            elif operator in (b"Tj", b"TJ") and current in codes:
                face, table = codes[current]
                strings = operands[0] if operator == b"TJ" else operands
                for string in strings:
                    for code in getattr(string, "original_bytes", b""):
                        char = table.get(code, 0)
                        if faces[face].get(char, 0) == 0:
                            found.append((number, face, chr(char)))
    return found


@pytest.fixture(scope="module")
def world() -> list[SharedCard]:
    return [
        Member(id=i, first_name=first, last_name=last, headline=f"{script} engineer").shared_card()
        for i, (script, (first, last)) in enumerate(NAMES.items(), start=1)
    ]


def test_every_bundled_script_has_a_face_for_every_character() -> None:
    for first, last in NAMES.values():
        assert unprintable(first + last) == ""


def test_names_in_twelve_scripts_never_print_a_notdef_box(world: list[SharedCard]) -> None:
    by_id = dict(enumerate(world, start=1))
    meeting = Meeting(id=1, date=dt.date(2026, 11, 24), title="Weekly networking")
    rounds = (Round(number=1, tables=(Table.of("1", list(by_id)[:6]), Table.of("2", list(by_id)[6:]))),)
    documents = [
        tents(world, Paper.A4),
        labels(world, find_stock(StockKind.BADGE, PLAIN, Paper.LETTER)),
        business_cards(world, find_stock(StockKind.CARD, PLAIN, Paper.A4), copies=1),
        table_sheets("Example Networking Group", meeting, rounds, by_id, Paper.LETTER),
    ]
    for pdf in documents:
        assert notdef_glyphs(pdf) == []
        assert pdf.warnings == ()
        text = " ".join(page_texts(pdf.data))
        for script, (first, _) in NAMES.items():
            if script not in RIGHT_TO_LEFT:
                assert first in text, f"{script} name missing from {pdf.title}"


def test_the_allah_ligature_is_drawn_with_a_real_glyph() -> None:
    card = Member(first_name="محمد", last_name="العبدالله").shared_card()
    pdf = tents([card], Paper.LETTER)
    assert notdef_glyphs(pdf) == []


def test_an_emoji_is_left_out_with_a_warning_naming_the_person() -> None:
    card = Member(first_name="Olga", last_name="Dubois 🎉").shared_card()
    pdf = labels([card], find_stock(StockKind.BADGE, PLAIN, Paper.LETTER))
    assert notdef_glyphs(pdf) == []
    assert len(pdf.warnings) == 1
    assert "Olga Dubois" in pdf.warnings[0]
    assert "🎉" in pdf.warnings[0]
    assert "Dubois" in page_texts(pdf.data)[0]
