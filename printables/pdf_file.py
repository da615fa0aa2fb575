"""A PDF file put together object by object, for documents made by the thousand.

reportlab's canvas costs about half a millisecond for an empty page before anything is drawn;
the follow-up export makes one small document per attendee, so it writes the few objects it needs
itself. Output is deterministic: no dates, and the file identifier is a hash of the content.
"""

from __future__ import annotations

import re
import zlib

HEADER = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"  # the binary comment tells transfer tools this is not text
COMPRESSION_LEVEL = 6
_CONTROL_BYTES = re.compile(rb"[\x00-\x1f]")
_SPECIAL_BYTES = re.compile(rb"[\x00-\x1f()\\]")


def pdf_number(value: float) -> str:
    """A number as PDF writes it: to a thousandth of a point (far below what a printer shows), no
    trailing zeros, no exponent."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def literal(data: bytes) -> bytes:
    """Bytes as a PDF literal string, with its delimiters escaped and control bytes in octal."""
    if not _SPECIAL_BYTES.search(data):
        return b"(" + data + b")"
    escaped = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    escaped = _CONTROL_BYTES.sub(lambda found: b"\\%03o" % found.group()[0], escaped)
    return b"(" + escaped + b")"


def text_string(text: str) -> bytes:
    """A string for the document information: plain when ASCII, else UTF-16 with its byte-order mark."""
    if text.isascii():
        return literal(text.encode("ascii"))
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def stream(data: bytes, entries: bytes = b"", *, compress: bool = False, level: int = COMPRESSION_LEVEL) -> bytes:
    """A stream object's body; `entries` go in its dictionary beside the length."""
    if compress:
        data = zlib.compress(data, level)
        entries += b" /Filter /FlateDecode"
    return b"<< /Length %d %s >>\nstream\n%s\nendstream" % (len(data), entries, data)


class PdfFile:
    """Numbered objects, then the cross-reference table and trailer."""

    def __init__(self) -> None:
        self._bodies: list[bytes] = []

    def reserve(self) -> int:
        """A number for an object written later with `put` (a parent its children point to)."""
        self._bodies.append(b"")
        return len(self._bodies)

    def put(self, number: int, body: bytes) -> None:
        self._bodies[number - 1] = body

    def add(self, body: bytes) -> int:
        self._bodies.append(body)
        return len(self._bodies)

    @property
    def next_number(self) -> int:
        """The number the next object added will get."""
        return len(self._bodies) + 1

    def add_stream(self, data: bytes, entries: bytes = b"", *, compress: bool = False) -> int:
        return self.add(stream(data, entries, compress=compress))

    def to_bytes(self, root: int, info: int) -> bytes:
        parts = [HEADER]
        offsets = []
        position = len(HEADER)
        for number, body in enumerate(self._bodies, start=1):
            opening = b"%d 0 obj\n" % number
            parts += (opening, body, b"\nendobj\n")
            offsets.append(position)
            position += len(opening) + len(body) + 8
        count = len(self._bodies) + 1
        xref = [b"xref\n0 %d\n0000000000 65535 f \n" % count]
        xref.extend(b"%010d 00000 n \n" % offset for offset in offsets)
        # The file identifier only has to tell files apart: a checksum and the length of the content
        # do, far more cheaply than a cryptographic hash over every document of an export.
        content = b"".join(parts)
        identifier = b"%08x%024x" % (zlib.crc32(content), len(content))
        trailer = b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (
            count,
            root,
            info,
            identifier,
            identifier,
            position,
        )
        return b"".join([content, *xref, trailer])
