"""Bundled TrueType faces embedded as small CID fonts, each holding the glyphs of one set of characters.

A subset is made for a piece of text (one person's details, say) and travels with it: every document
showing that person embeds the same few-kilobyte font, built once, and no document carries glyphs
for names that are not on it. Text is written as two-byte CIDs (Identity-H); glyph number = CID in
the subset, and the ToUnicode map lets readers copy and search the text.
"""

from __future__ import annotations

import functools
import hashlib
import struct
from collections.abc import Iterable
from dataclasses import dataclass

from reportlab.pdfbase.ttfonts import TTFontFace, TTFontMaker

from .pdf_file import PdfFile, pdf_number, stream
from .typeface import Face, load

# Composite glyph component flags (TrueType 'glyf' table).
_ARGS_ARE_WORDS = 0x0001
_HAVE_SCALE = 0x0008
_MORE_COMPONENTS = 0x0020
_HAVE_XY_SCALE = 0x0040
_HAVE_2X2 = 0x0080
# Tables copied whole: the OS/2 metrics and the hinting programs (small; glyph instructions rely on them).
_COPIED_TABLES = ("OS/2", "cvt ", "fpgm", "prep")
# name table records kept: copyright, family, subfamily, full name, PostScript name.
_NAME_IDS = (0, 1, 2, 4, 6)
_WINDOWS_ENGLISH = (3, 1, 0x409)
# A Unicode cmap that maps nothing: readers go from CID to glyph directly (CIDToGIDMap Identity),
# but some expect the table to be there. One format 4 segment, the closing 0xFFFF one.
_EMPTY_CMAP = (
    struct.pack(">4HL", 0, 1, 3, 1, 12)  # version, one subtable: Windows Unicode BMP, at offset 12
    + struct.pack(">7H", 4, 24, 0, 2, 2, 0, 0)  # format 4, length, language, one segment
    + struct.pack(">HHHhH", 0xFFFF, 0, 0xFFFF, 1, 0)  # end code, pad, start code, delta, range offset
)
_TO_UNICODE_CHUNK = 100  # a CMap's bfchar sections hold at most 100 entries each


@dataclass(frozen=True)
class _Font:
    """What subsetting needs from one TrueType file, read once."""

    face: TTFontFace
    glyf: bytes
    loca: tuple[int, ...]
    advances: tuple[tuple[int, int], ...]  # per glyph: (advance width, left side bearing), in font units
    tables: dict[str, bytes]  # head, hhea, maxp, post and the copied tables, ready to patch
    name: bytes  # a small name table

    def glyph(self, gid: int) -> bytes:
        return self.glyf[self.loca[gid] : self.loca[gid + 1]]


def _metrics(face: TTFontFace) -> tuple[tuple[int, int], ...]:
    number = struct.unpack(">H", face.get_table("hhea")[34:36])[0]
    hmtx = face.get_table("hmtx")
    longs = [struct.unpack_from(">Hh", hmtx, 4 * i) for i in range(number)]
    rest = face.numGlyphs - number
    bearings = struct.unpack_from(f">{rest}h", hmtx, 4 * number) if rest > 0 else ()
    last = longs[-1][0]
    return tuple(longs) + tuple((last, lsb) for lsb in bearings)


def _locations(face: TTFontFace) -> tuple[int, ...]:
    long_format = struct.unpack(">h", face.get_table("head")[50:52])[0] == 1
    loca = face.get_table("loca")
    count = face.numGlyphs + 1
    if long_format:
        return struct.unpack(f">{count}L", loca[: 4 * count])
    return tuple(offset * 2 for offset in struct.unpack(f">{count}H", loca[: 2 * count]))


def _small_name_table(face: TTFontFace) -> bytes:
    """Copyright, family, style, full and PostScript names (Windows English records) from the original."""
    table = face.get_table("name")
    count, strings = struct.unpack(">2H", table[2:6])
    kept: dict[int, bytes] = {}
    for i in range(count):
        platform, encoding, language, name_id, length, offset = struct.unpack_from(">6H", table, 6 + 12 * i)
        if (platform, encoding, language) == _WINDOWS_ENGLISH and name_id in _NAME_IDS:
            kept.setdefault(name_id, table[strings + offset : strings + offset + length])
    records, data = [], b""
    for name_id in sorted(kept):
        value = kept[name_id]
        records.append(struct.pack(">6H", *_WINDOWS_ENGLISH, name_id, len(value), len(data)))
        data += value
    return struct.pack(">3H", 0, len(records), 6 + 12 * len(records)) + b"".join(records) + data


@functools.lru_cache(maxsize=8)
def _font(face: Face) -> _Font:
    tt = load(face).face
    tables = {tag: tt.get_table(tag) for tag in ("head", "hhea", "maxp", "post")}
    for tag in _COPIED_TABLES:
        if tag in tt.table:
            tables[tag] = tt.get_table(tag)
    return _Font(
        face=tt,
        glyf=tt.get_table("glyf"),
        loca=_locations(tt),
        advances=_metrics(tt),
        tables=tables,
        name=_small_name_table(tt),
    )


def _components(data: bytes) -> list[tuple[int, int]]:
    """(offset of the glyph index, glyph index) of each component of a composite glyph."""
    found = []
    position = 10  # after numberOfContours and the bounding box
    flags = _MORE_COMPONENTS
    while flags & _MORE_COMPONENTS:
        flags, gid = struct.unpack_from(">2H", data, position)
        found.append((position + 2, gid))
        position += 4 + (4 if flags & _ARGS_ARE_WORDS else 2)
        if flags & _HAVE_SCALE:
            position += 2
        elif flags & _HAVE_XY_SCALE:
            position += 4
        elif flags & _HAVE_2X2:
            position += 8
    return found


def _with_length(table: bytes, offset: int, value: int) -> bytes:
    return table[:offset] + struct.pack(">H", value) + table[offset + 2 :]


@dataclass(frozen=True)
class FontObjects:
    """An embedded subset's five PDF objects, numbered only when written into a document.

    In order: the Type0 font (pointing to the CIDFont and the ToUnicode map), the CIDFont (to the
    descriptor), the descriptor (to the font file), the font file and the ToUnicode map."""

    font: bytes  # two %d: CIDFont, ToUnicode
    cid_font: bytes  # one %d: descriptor
    descriptor: bytes  # one %d: font file
    font_file: bytes
    to_unicode: bytes

    def write(self, pdf: PdfFile) -> int:
        """Add the objects to `pdf`; returns the number of the Type0 font, for a page's resources."""
        first = pdf.next_number
        pdf.add(self.font % (first + 1, first + 4))
        pdf.add(self.cid_font % (first + 2))
        pdf.add(self.descriptor % (first + 3))
        pdf.add(self.font_file)
        pdf.add(self.to_unicode)
        return first


class SubsetFont:
    """The glyphs of one face for one set of characters, as a CID font (Identity-H).

    CIDs are the characters' positions in code point order (after .notdef, and before the parts of
    composite glyphs), so the same characters always give the same font, whichever text asked first.
    """

    def __init__(self, face: Face, chars: Iterable[str]) -> None:
        self.face = face
        self._font = _font(face)
        self._cid_of_glyph: dict[int, int] = {}
        self._glyphs: list[bytes] = []  # per CID; composite references renumbered to CIDs
        self._metrics: list[tuple[int, int]] = []  # per CID: advance width and left side bearing
        self._cid_of_char: dict[str, bytes] = {}  # character -> its two-byte code
        self._unicode: dict[int, str] = {}  # CID -> the character it draws, for copying text out
        self._cid_for_glyph(0)
        char_to_glyph = self._font.face.charToGlyph
        for char in sorted(set(chars)):
            cid = self._cid_for_glyph(char_to_glyph.get(ord(char), 0))
            self._cid_of_char[char] = cid.to_bytes(2, "big")
            if cid:
                self._unicode.setdefault(cid, char)
        # Names come from the face and the characters, so a document's bytes do not depend on what
        # else was drawn before it. A subset's PostScript name starts with six capitals and '+'.
        digest = hashlib.sha1(face.name.encode() + "".join(self._cid_of_char).encode("utf-8")).digest()
        letters = "".join(chr(ord("A") + byte % 26) for byte in digest[:12])
        self.tag = letters[:6]
        self.resource = f"/F{letters}".encode("ascii")  # the font's name in a page's resources
        self._objects: FontObjects | None = None

    def _cid_for_glyph(self, gid: int) -> int:
        cid = self._cid_of_glyph.get(gid)
        if cid is not None:
            return cid
        cid = len(self._glyphs)
        self._cid_of_glyph[gid] = cid
        self._glyphs.append(b"")
        self._metrics.append(self._font.advances[gid])
        data = self._font.glyph(gid)
        if len(data) > 10 and struct.unpack(">h", data[:2])[0] < 0:  # composite: its parts come along
            for offset, part in _components(data):
                data = _with_length(data, offset, self._cid_for_glyph(part))
        self._glyphs[cid] = data
        return cid

    def encode(self, text: str) -> bytes:
        """`text` (only characters this subset was made for) as a PDF hex string of CIDs."""
        return b"<" + b"".join(self._cid_of_char[char] for char in text).hex().encode("ascii") + b">"

    @property
    def objects(self) -> FontObjects:
        if self._objects is None:
            self._objects = self._build()
        return self._objects

    def _font_program(self) -> bytes:
        """A TrueType file whose glyph N is CID N."""
        font = self._font
        glyf, loca, hmtx = [], [], []
        position = 0
        for data, (advance, bearing) in zip(self._glyphs, self._metrics, strict=True):
            loca.append(position)
            padded = data + b"\0" * (-len(data) % 4)
            glyf.append(padded)
            position += len(padded)
            hmtx.append(struct.pack(">Hh", advance, bearing))
        loca.append(position)
        count = len(self._glyphs)
        maker = TTFontMaker()
        for tag in _COPIED_TABLES:
            if tag in font.tables:
                maker.add(tag, font.tables[tag])
        head = font.tables["head"]
        maker.add("head", head[:50] + struct.pack(">h", 1) + head[52:])  # long 'loca' offsets
        maker.add("hhea", _with_length(font.tables["hhea"], 34, count))
        maker.add("maxp", _with_length(font.tables["maxp"], 4, count))
        maker.add("hmtx", b"".join(hmtx))
        maker.add("loca", struct.pack(f">{count + 1}L", *loca))
        maker.add("glyf", b"".join(glyf))
        maker.add("post", b"\x00\x03\x00\x00" + font.tables["post"][4:16] + b"\0" * 16)
        maker.add("name", font.name)
        maker.add("cmap", _EMPTY_CMAP)
        return bytes(maker.makeStream())

    def _to_unicode(self) -> bytes:
        pairs = sorted(self._unicode.items())
        sections = []
        for start in range(0, len(pairs), _TO_UNICODE_CHUNK):
            chunk = pairs[start : start + _TO_UNICODE_CHUNK]
            entries = "\n".join(f"<{cid:04X}> <{char.encode('utf-16-be').hex().upper()}>" for cid, char in chunk)
            sections.append(f"{len(chunk)} beginbfchar\n{entries}\nendbfchar")
        body = "\n".join(sections)
        return (
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
            f"{body}\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
        ).encode("ascii")

    def _build(self) -> FontObjects:
        tt = self._font.face
        base = f"/{self.tag}+{bytes(tt.name).decode('latin-1')}".replace("%", "")
        program = self._font_program()
        scale = 1000 / tt.unitsPerEm
        box = " ".join(pdf_number(v) for v in tt.bbox)
        widths = " ".join(pdf_number(advance * scale) for advance, _bearing in self._metrics)
        system = "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
        return FontObjects(
            font=f"<< /Type /Font /Subtype /Type0 /BaseFont {base} /Encoding /Identity-H "
            "/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>".encode("ascii"),
            cid_font=f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {base} {system} "
            f"/DW {pdf_number(tt.defaultWidth)} /W [0 [{widths}]] /CIDToGIDMap /Identity "
            "/FontDescriptor %d 0 R >>".encode("ascii"),
            descriptor=(
                f"<< /Type /FontDescriptor /FontName {base} /Flags {tt.flags} /FontBBox [{box}] "
                f"/ItalicAngle {pdf_number(tt.italicAngle)} /Ascent {pdf_number(tt.ascent)} "
                f"/Descent {pdf_number(tt.descent)} /CapHeight {pdf_number(tt.capHeight)} /StemV {tt.stemV} "
                "/FontFile2 %d 0 R >>"
            ).encode("ascii"),
            # Compressed once here, however many documents the subset goes into; quickly, as an
            # export makes hundreds of these (a few percent larger than the default level).
            font_file=stream(program, b"/Length1 %d" % len(program), compress=True, level=1),
            to_unicode=stream(self._to_unicode()),
        )
