"""Drawing placed items onto PDF pages, and the finished document.

Every document is built the same way: a layout function turns domain objects into items (text lines,
QR codes, rules) with positions, and a `PdfWriter` draws them. QR codes become one form XObject each,
defined once per document and reused (a tent card shows the same code on both faces).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from sessions.store.permissions import write_private_file

from .bidi import visual
from .geometry import Box
from .qr import ERROR_CORRECTION, qr_path
from .text import TextLine
from .typeface import runs

CREATOR = "tablesession"


@dataclass(frozen=True)
class QrItem:
    """A contact QR code; `box` is the whole square including its quiet zone."""

    payload: str
    box: Box
    error_correction: int = ERROR_CORRECTION


@dataclass(frozen=True)
class Rule:
    """A straight line: fold lines, cut lines, note lines."""

    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.5
    gray: float = 0.6
    dash: tuple[float, ...] = ()


@dataclass(frozen=True)
class Frame:
    """A rectangle outline (calibration cells, seat boxes)."""

    box: Box
    radius: float = 0.0
    width: float = 0.5
    gray: float = 0.5
    dash: tuple[float, ...] = ()


Item = TextLine | QrItem | Rule | Frame


@dataclass(frozen=True)
class Pdf:
    """A finished document."""

    data: bytes
    pages: int
    title: str
    warnings: tuple[str, ...] = ()  # what could not be printed as given, naming whose it was

    def save(self, path: Path, *, replace: bool = False) -> Path:
        """Write the file whole or not at all (a crash never leaves half a PDF behind), readable only by its
        owner (it lists people), never over another file unless `replace`: returns the path written, which is
        numbered (door-2.pdf) when `path` was taken."""
        return write_private_file(path, self.data, replace=replace)


class PdfWriter:
    def __init__(self, title: str, page_size: tuple[float, float], *, subject: str = "") -> None:
        self._buffer = io.BytesIO()
        # invariant: no timestamps or random ids, so the same input gives the same bytes.
        self.canvas = Canvas(self._buffer, pagesize=page_size, pageCompression=1, invariant=1)
        self.canvas.setTitle(title)
        self.canvas.setCreator(CREATOR)
        self.canvas.setAuthor(CREATOR)
        if subject:
            self.canvas.setSubject(subject)
        self.title = title
        self.page_size = page_size
        self.pages = 0
        self._page_open = False
        self._forms: dict[tuple[str, int], tuple[str, int]] = {}
        self.warnings: list[str] = []

    def warn(self, messages: Iterable[str]) -> None:
        """Report with the finished document (a facilitator reads these before handing the pages out)."""
        self.warnings.extend(message for message in messages if message not in self.warnings)

    def _touch(self) -> None:
        self._page_open = True

    def next_page(self, page_size: tuple[float, float] | None = None) -> None:
        """End the current page (if anything was drawn) and start a new one."""
        if self._page_open:
            self.canvas.showPage()
            self.pages += 1
            self._page_open = False
        if page_size is not None and page_size != self.page_size:
            self.page_size = page_size
            self.canvas.setPageSize(page_size)

    def draw(self, items: Iterable[Item]) -> None:
        """Items in order; consecutive text lines go into one text object (a page of a follow-up holds
        hundreds of lines, and a text object each is most of the time spent writing it)."""
        lines: list[TextLine] = []
        for item in items:
            if isinstance(item, TextLine):
                lines.append(item)
                continue
            if lines:
                self.texts(lines)
                lines = []
            if isinstance(item, QrItem):
                self.qr(item)
            elif isinstance(item, Rule):
                self.rule(item)
            else:
                self.frame(item)
        if lines:
            self.texts(lines)

    def text(self, line: TextLine) -> None:
        self.texts([line])

    def texts(self, lines: Sequence[TextLine]) -> None:
        self._touch()
        canvas = self.canvas
        text = canvas.beginText()
        gray = 0.0
        for line in lines:
            if line.gray != gray:
                # A fill colour set in a text object outlives it: reset below, and restored after.
                text.setFillGray(line.gray)
                gray = line.gray
            text.setTextOrigin(line.x, line.y)
            for run in runs(visual(line.text), line.weight):
                text.setFont(run.font, line.size)
                text.textOut(run.text)
        if gray:
            text.setFillGray(0)
        canvas.drawText(text)

    def _form_for(self, payload: str, error_correction: int) -> tuple[str, int]:
        form = self._forms.get((payload, error_correction))
        if form is None:
            modules, path = qr_path(payload, error_correction)
            name = f"qr{len(self._forms)}"
            self.canvas.beginForm(name, 0, 0, modules, modules)
            self.canvas.addLiteral(path)
            self.canvas.endForm()
            form = (name, modules)
            self._forms[(payload, error_correction)] = form
        return form

    def qr(self, item: QrItem) -> None:
        self._touch()
        name, modules = self._form_for(item.payload, item.error_correction)
        canvas = self.canvas
        canvas.saveState()
        canvas.translate(item.box.x, item.box.y)
        canvas.scale(item.box.width / modules, item.box.height / modules)
        canvas.doForm(name)
        canvas.restoreState()

    def rule(self, rule: Rule) -> None:
        self._touch()
        canvas = self.canvas
        canvas.saveState()
        canvas.setStrokeGray(rule.gray)
        canvas.setLineWidth(rule.width)
        if rule.dash:
            canvas.setDash(list(rule.dash))
        canvas.line(rule.x1, rule.y1, rule.x2, rule.y2)
        canvas.restoreState()

    def frame(self, frame: Frame) -> None:
        self._touch()
        canvas = self.canvas
        canvas.saveState()
        canvas.setStrokeGray(frame.gray)
        canvas.setLineWidth(frame.width)
        if frame.dash:
            canvas.setDash(list(frame.dash))
        box = frame.box
        if frame.radius:
            canvas.roundRect(box.x, box.y, box.width, box.height, frame.radius, stroke=1, fill=0)
        else:
            canvas.rect(box.x, box.y, box.width, box.height, stroke=1, fill=0)
        canvas.restoreState()

    @contextmanager
    def turned(self, page_width: float, page_height: float) -> Iterator[None]:
        """Draw upside down: a tent card's back face, which reads upright once the sheet is folded."""
        self.canvas.saveState()
        self.canvas.translate(page_width, page_height)
        self.canvas.rotate(180)
        try:
            yield
        finally:
            self.canvas.restoreState()

    def finish(self) -> Pdf:
        if self._page_open or self.pages == 0:
            self.canvas.showPage()
            self.pages += 1
            self._page_open = False
        self.canvas.save()
        return Pdf(self._buffer.getvalue(), self.pages, self.title, tuple(self.warnings))
