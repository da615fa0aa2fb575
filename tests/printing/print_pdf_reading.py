"""Reading printed PDFs back as a person (and a phone) would: rendered pages, their text, their QR codes."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

import pypdfium2 as pdfium
import zxingcpp
from PIL import Image
from pypdf import PdfReader


@dataclass(frozen=True)
class Page:
    text: str
    codes: list[str]  # decoded QR payloads (UTF-8)


def page_count(data: bytes) -> int:
    return len(pdfium.PdfDocument(data))


def flatten(text: str) -> str:
    """Page text as one line: line breaks become spaces, and the hyphen pdfium marks at a line end (U+FFFE)
    is put back, so a name wrapped over two lines reads whole."""
    return " ".join(text.replace("\ufffe", "-").split())


def page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    return [flatten(document[i].get_textpage().get_text_range()) for i in range(len(document))]


def render(data: bytes, index: int, dpi: int) -> Image.Image:
    document = pdfium.PdfDocument(data)
    return document[index].render(scale=dpi / 72).to_pil().convert("L")


def qr_codes(image: Image.Image) -> list[str]:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [code.bytes.decode("utf-8") for code in found]


def read_pages(data: bytes, dpi: int, pages: list[int] | None = None) -> list[Page]:
    texts = page_texts(data)
    indexes = range(len(texts)) if pages is None else pages
    return [Page(texts[i], qr_codes(render(data, i, dpi))) for i in indexes]


def vcard_fields(payload: str) -> dict[str, list[str]]:
    """Property name (with parameters) -> values, from an unfolded vCard."""
    assert payload.endswith("\r\n"), "vCard lines end in CRLF"
    fields: dict[str, list[str]] = {}
    for line in payload.split("\r\n")[:-1]:
        name, _, value = line.partition(":")
        fields.setdefault(name, []).append(value)
    return fields


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """BaseFont name (subset prefix removed) -> whether the font file is embedded, over all pages."""
    reader = PdfReader(io.BytesIO(data))
    fonts: dict[str, bool] = {}

    def visit(resources: object) -> None:
        if not resources:
            return
        resources = resources.get_object()  # type: ignore[attr-defined]
        for reference in (resources.get("/Font") or {}).values():
            font = reference.get_object()
            descendants = font.get("/DescendantFonts")
            target = descendants[0].get_object() if descendants else font
            descriptor = target.get("/FontDescriptor")
            embedded = bool(descriptor and any(k in descriptor.get_object() for k in ("/FontFile2", "/FontFile3")))
            name = re.sub(r"^[A-Z]{6}\+", "", str(font.get("/BaseFont")).lstrip("/"))
            fonts[name] = fonts.get(name, False) or embedded
        for xobject in (resources.get("/XObject") or {}).values():
            visit(xobject.get_object().get("/Resources"))

    for page in reader.pages:
        visit(page.get("/Resources"))
    return fonts


def image_xobjects(data: bytes) -> int:
    reader = PdfReader(io.BytesIO(data))
    count = 0
    for page in reader.pages:
        resources = page.get("/Resources").get_object()
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.get_object().get("/Subtype") == "/Image":
                count += 1
    return count


def font_size_of(data: bytes, page: int, text: str) -> float:
    """The size in points of the first character of `text` on the page."""
    document = pdfium.PdfDocument(data)
    textpage = document[page].get_textpage()
    raw = textpage.get_text_range()
    index = raw.index(text)
    return float(pdfium.raw.FPDFText_GetFontSize(textpage.raw, index))
