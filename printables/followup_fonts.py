"""Fonts for the follow-up pages, chosen per string by which characters it holds.

reportlab has no per-glyph fallback, so each string is drawn in the first font that has all of its
characters: Helvetica (a standard PDF font, nothing embedded, fast) for Windows-1252 text, else
DejaVu Sans when the system has it (Greek, Cyrillic, Vietnamese...), else a CJK CID font chosen by
script (PDF readers supply its glyphs), else Bitstream Vera (shipped with reportlab).
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True)
class FontPair:
    regular: str
    bold: str


STANDARD = FontPair("Helvetica", "Helvetica-Bold")
STANDARD_ENCODING = "cp1252"  # what reportlab's standard fonts can draw

_REPORTLAB_FONTS = Path(reportlab.__file__).parent / "fonts"
FALLBACK_FILES = (("FollowupVera", "Vera.ttf", "VeraBd.ttf", (_REPORTLAB_FONTS,)),)
WIDE_FILES = (
    (
        "FollowupDejaVu",
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        (
            Path("/usr/share/fonts/truetype/dejavu"),
            Path("/usr/share/fonts/TTF"),
            Path("/usr/local/share/fonts"),
            Path("/Library/Fonts"),
            Path.home() / "Library" / "Fonts",
            Path("C:/Windows/Fonts"),
        ),
    ),
)
# CID fonts by script, for text no TrueType font above can draw.
CJK_FONTS = {"HANGUL": "HYGothic-Medium", "HIRAGANA": "HeiseiKakuGo-W5", "KATAKANA": "HeiseiKakuGo-W5"}
CJK_DEFAULT = "STSong-Light"

FontFiles = tuple[str, str, str, tuple[Path, ...]]


@dataclass(frozen=True)
class _Loaded:
    pair: FontPair
    characters: frozenset[int]


def _register(files: FontFiles) -> _Loaded | None:
    name, regular, bold, folders = files
    found = [next((f / file for f in folders if (f / file).is_file()), None) for file in (regular, bold)]
    if found[0] is None:
        return None
    font = TTFont(name, str(found[0]))
    pdfmetrics.registerFont(font)
    bold_name = name
    if found[1] is not None:
        bold_name = f"{name}-Bold"
        pdfmetrics.registerFont(TTFont(bold_name, str(found[1])))
    return _Loaded(FontPair(name, bold_name), frozenset(font.face.charToGlyph))


@functools.cache
def _wide() -> tuple[_Loaded, ...]:
    return tuple(loaded for files in WIDE_FILES if (loaded := _register(files)) is not None)


@functools.cache
def _fallback() -> FontPair:
    for files in FALLBACK_FILES:
        loaded = _register(files)
        if loaded is not None:
            return loaded.pair
    return STANDARD


@functools.cache
def _cid(name: str) -> FontPair:
    pdfmetrics.registerFont(UnicodeCIDFont(name))
    return FontPair(name, name)


def _cjk_script(text: str) -> str:
    for char in text:
        name = unicodedata.name(char, "")
        for script in CJK_FONTS:
            if name.startswith(script):
                return script
    return ""


@functools.lru_cache(maxsize=4096)
def fonts_for(text: str) -> FontPair:
    """The fonts that can draw every character of `text`."""
    try:
        text.encode(STANDARD_ENCODING)
    except UnicodeEncodeError:
        pass
    else:
        return STANDARD
    needed = {ord(c) for c in text if not c.isspace()}
    for face in _wide():
        if needed <= face.characters:
            return face.pair
    if any(unicodedata.east_asian_width(chr(c)) in ("W", "F") for c in needed):
        return _cid(CJK_FONTS.get(_cjk_script(text), CJK_DEFAULT))
    wide = _wide()
    return wide[0].pair if wide else _fallback()
