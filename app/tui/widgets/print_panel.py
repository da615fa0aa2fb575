"""Choose documents, round, paper and stock; make the PDFs in a worker; show where they went and open them."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, SelectionList, Static
from textual.worker import get_current_worker

from app.cli.paths import default_output_folder, folder_slug
from app.tui.widgets.toggle_list import ToggleList
from printables.geometry import Paper
from printables.jobs import DOCUMENTS, Document, PrintOptions, PrintResult, print_document
from printables.stock import PLAIN, StockKind, iter_stocks
from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.store import Store

ALL_ROUNDS = "all"
DEFAULT_DOCUMENTS = (Document.TENTS, Document.SHEETS, Document.DOOR)
CUT_CHOICES = (("On plain paper only", "auto"), ("Always", "on"), ("Never", "off"))

Opener = Callable[[Sequence[Path]], bool]


def open_paths(paths: Sequence[Path]) -> bool:
    """Open files with the system's viewer when there is one; False (never an error) when there is not."""
    if not paths:
        return False
    if sys.platform == "win32":  # pragma: no cover - depends on the system
        for path in paths:
            os.startfile(path)  # type: ignore[attr-defined]
        return True
    command = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if command is None:
        return False
    try:
        for path in paths:
            subprocess.Popen(
                [command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
    except OSError:
        return False
    return True


def stock_choices(kind: StockKind, paper: Paper) -> list[tuple[str, str]]:
    """Plain paper first, then the manufacturers' stock made for this paper size."""
    choices = [("Plain paper", PLAIN)]
    choices += [
        (stock.description, stock.name) for stock in iter_stocks(kind) if stock.name != PLAIN and stock.paper is paper
    ]
    return choices


PERSON_DOCUMENTS = (Document.TENTS, Document.BADGES)  # what a walk-in needs on the spot


def print_person(store: Store, meeting: Meeting, member_id: int, name: str) -> list[PrintResult]:
    """One person's tent card and badge on plain paper, in the meeting's print folder, named after them
    (never over the whole room's file). Raises TablesessionError; safe in a worker thread."""
    folder = default_output_folder(store, meeting)
    options = PrintOptions(member_ids=(member_id,))
    who = folder_slug(name, fallback=f"member-{member_id}")
    return [
        print_document(
            store, meeting, document, options, output=folder / f"{meeting.date.isoformat()}-{document.value}-{who}.pdf"
        )
        for document in PERSON_DOCUMENTS
    ]


class PrintPanel(Vertical):
    """The print tab: pick documents and options, press Generate (g), open the PDFs (o)."""

    DEFAULT_CSS = """
    PrintPanel {
        height: 1fr;
        padding: 0 1;
    }
    PrintPanel #print-choices {
        height: auto;
    }
    PrintPanel #print-documents {
        width: 1fr;
        max-width: 40;
        height: auto;
    }
    PrintPanel #print-options {
        width: 1fr;
        height: auto;
        padding: 0 0 0 2;
    }
    PrintPanel .print-row {
        height: 1;
    }
    PrintPanel .print-label {
        width: 14;
        color: $text-muted;
    }
    PrintPanel .print-row Select {
        width: 1fr;
    }
    PrintPanel #print-start {
        width: 10;
        margin: 0 2 0 0;
    }
    PrintPanel #print-actions {
        height: auto;
    }
    PrintPanel #print-actions Button {
        margin: 0 2 0 0;
    }
    PrintPanel #print-open-when-done {
        margin: 1 0 0 0;
    }
    PrintPanel #print-results {
        height: 1fr;
        min-height: 4;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "generate", "Generate", id="print.generate", tooltip="make the chosen PDFs"),
        Binding("o", "open", "Open PDFs", id="print.open", tooltip="open the PDFs just made"),
    ]

    class PrintProgressed(Message):
        """A document made progress: `done` of `total` steps of document `index` of `count`."""

        def __init__(self, index: int, count: int, done: int, total: int) -> None:
            super().__init__()
            self.index, self.count, self.done, self.total = index, count, done, total

    class DocumentPrinted(Message):
        def __init__(self, result: PrintResult) -> None:
            super().__init__()
            self.result = result

    class DocumentFailed(Message):
        def __init__(self, document: Document, reason: str) -> None:
            super().__init__()
            self.document, self.reason = document, reason

    class PrintFinished(Message):
        def __init__(self, results: list[PrintResult]) -> None:
            super().__init__()
            self.results = results

    busy: reactive[bool] = reactive(False)

    def __init__(
        self,
        store: Store,
        meeting: Meeting | None,
        *,
        output_dir: Path | None = None,
        opener: Opener | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.store = store
        self.meeting = meeting
        self.output_dir = output_dir
        self.opener: Opener = opener or open_paths
        self.results: list[PrintResult] = []
        self._lines: list[str] = []
        # What each Select currently offers (value list by widget id): shown to tests and kept in step.
        self.offered: dict[str, list[str]] = {}

    def compose(self) -> ComposeResult:
        with Horizontal(id="print-choices"):
            yield ToggleList[str](
                *((info.title, doc.value, doc in DEFAULT_DOCUMENTS) for doc, info in DOCUMENTS.items()),
                id="print-documents",
            )
            with Vertical(id="print-options"):
                with Horizontal(classes="print-row"):
                    yield Label("Round", classes="print-label")
                    yield Select[str]([("All rounds", ALL_ROUNDS)], allow_blank=False, compact=True, id="print-round")
                with Horizontal(classes="print-row"):
                    yield Label("Paper", classes="print-label")
                    yield Select[str](
                        [("Letter", Paper.LETTER.value), ("A4", Paper.A4.value)],
                        allow_blank=False,
                        compact=True,
                        id="print-paper",
                    )
                with Horizontal(classes="print-row"):
                    yield Label("Badge stock", classes="print-label")
                    yield Select[str](
                        stock_choices(StockKind.BADGE, Paper.LETTER),
                        allow_blank=False,
                        compact=True,
                        id="print-badge-stock",
                    )
                with Horizontal(classes="print-row"):
                    yield Label("Card stock", classes="print-label")
                    yield Select[str](
                        stock_choices(StockKind.CARD, Paper.LETTER),
                        allow_blank=False,
                        compact=True,
                        id="print-card-stock",
                    )
                with Horizontal(classes="print-row"):
                    yield Label("Cut lines", classes="print-label")
                    yield Select[str](
                        [(label, value) for label, value in CUT_CHOICES],
                        allow_blank=False,
                        compact=True,
                        id="print-cut",
                    )
                with Horizontal(classes="print-row"):
                    yield Label("Round starts", classes="print-label")
                    yield Input(placeholder="HH:MM", id="print-start", max_length=5, compact=True)
                with Horizontal(classes="print-row"):
                    yield Label("People", classes="print-label")
                    yield Checkbox("Everyone registered", id="print-registered", compact=True)
                with Horizontal(classes="print-row"):
                    # Tents and badges: each person's round-1 table, under their name.
                    yield Label("Tents, badges", classes="print-label")
                    yield Checkbox("Round-1 table", id="print-table-number", compact=True)
        with Horizontal(id="print-actions"):
            yield Button("Generate (g)", id="print-generate", variant="primary")
            yield Button("Open PDFs (o)", id="print-open", disabled=True)
            yield Checkbox("Open when done", value=True, id="print-open-when-done", compact=True)
        yield ProgressBar(total=1, show_eta=False, id="print-progress")
        with VerticalScroll(id="print-results"):
            yield Static(self._where(), id="print-log", markup=False)

    def on_mount(self) -> None:
        self.refresh_rounds()
        self.offer_stock(Paper.LETTER)
        self.query_one("#print-documents", SelectionList).focus()

    def _where(self) -> str:
        if self.meeting is None:
            return "No meeting yet: only calibration pages can be printed."
        return f"PDFs for {self.meeting.label} go to {self.target_dir}"

    @property
    def target_dir(self) -> Path:
        # The same place as the command line's prints and every export: one folder per group and date.
        return self.output_dir or default_output_folder(self.store, self.meeting)

    def set_meeting(self, meeting: Meeting | None) -> None:
        self.meeting = meeting
        self.refresh_rounds()
        self._lines = []
        self.query_one("#print-log", Static).update(self._where())

    def refresh_rounds(self) -> None:
        """Offer the rounds of the meeting's seating plan."""
        rounds: list[tuple[str, str]] = [("All rounds", ALL_ROUNDS)]
        if self.meeting is not None and self.meeting.id is not None:
            plan = self.store.seating.load(self.meeting.id)
            if plan is not None:
                rounds += [(f"Round {r.number}", str(r.number)) for r in plan.rounds]
        select = self.query_one("#print-round", Select)
        current = select.value
        select.set_options(rounds)
        self.offered["print-round"] = [value for _, value in rounds]
        if any(value == current for _, value in rounds):
            select.value = current

    @on(Select.Changed, "#print-paper")
    def _paper_changed(self, event: Select.Changed) -> None:
        self.offer_stock(Paper(str(event.value)))

    def offer_stock(self, paper: Paper) -> None:
        """Badge and card stock for this paper size; a choice that does not fit it goes back to plain."""
        for kind, widget_id in ((StockKind.BADGE, "print-badge-stock"), (StockKind.CARD, "print-card-stock")):
            select = self.query_one(f"#{widget_id}", Select)
            choices = stock_choices(kind, paper)
            current = select.value
            select.set_options(choices)
            select.value = current if any(value == current for _, value in choices) else PLAIN
            self.offered[widget_id] = [value for _, value in choices]

    def chosen_documents(self) -> list[Document]:
        selected = set(self.query_one("#print-documents", SelectionList).selected)
        return [doc for doc in Document if doc.value in selected]

    def options_for(self, document: Document) -> PrintOptions:
        """The form's choices for one document; raises TablesessionError for a bad start time."""
        paper = Paper(str(self.query_one("#print-paper", Select).value))
        round_value = str(self.query_one("#print-round", Select).value)
        start_text = self.query_one("#print-start", Input).value.strip()
        start = None
        if start_text:
            try:
                start = dt.time.fromisoformat(start_text)
            except ValueError:
                raise TablesessionError(f"round start {start_text!r}: expected a time like 18:45") from None
        kind = DOCUMENTS[document].stock_kind
        stock = None
        if kind is StockKind.BADGE:
            stock = str(self.query_one("#print-badge-stock", Select).value)
        elif kind is StockKind.CARD:
            stock = str(self.query_one("#print-card-stock", Select).value)
        elif document is Document.CALIBRATE:
            chosen = {str(self.query_one(s, Select).value) for s in ("#print-badge-stock", "#print-card-stock")}
            chosen.discard(PLAIN)
            stock = chosen.pop() if len(chosen) == 1 else None
        cut = {"auto": None, "on": True, "off": False}[str(self.query_one("#print-cut", Select).value)]
        needs_plan = DOCUMENTS[document].needs_plan
        return PrintOptions(
            paper=paper,
            stock=stock,
            round=int(round_value) if needs_plan and round_value != ALL_ROUNDS else None,
            cut_lines=cut,
            start=start,
            registered=self.query_one("#print-registered", Checkbox).value,
            table_number=document in (Document.TENTS, Document.BADGES)
            and self.query_one("#print-table-number", Checkbox).value,
        )

    def _log(self, line: str) -> None:
        self._lines.append(line)
        self.query_one("#print-log", Static).update("\n".join(self._lines))

    def action_generate(self) -> None:
        if self.busy:
            return
        documents = self.chosen_documents()
        if not documents:
            self._lines = []
            self._log("Choose at least one document.")
            return
        try:
            jobs = [(document, self.options_for(document)) for document in documents]
        except TablesessionError as exc:
            self._lines = []
            self._log(f"✗ {exc}")
            return
        self.busy = True
        self.results = []
        # The folder was named above and is named again when done: a long one would push the results out of view.
        self._lines = [f"Making {len(jobs)} document{'s' if len(jobs) != 1 else ''} ..."]
        self.query_one("#print-log", Static).update("\n".join(self._lines))
        bar = self.query_one("#print-progress", ProgressBar)
        bar.update(total=len(jobs) * 100, progress=0)
        self.make_pdfs(jobs, self.target_dir)

    @work(thread=True, exclusive=True, group="print")
    def make_pdfs(self, jobs: list[tuple[Document, PrintOptions]], folder: Path) -> None:
        """Runs in a worker thread: it reads the store (which is thread-safe) and posts messages, never
        touching widgets."""
        worker = get_current_worker()
        results: list[PrintResult] = []
        for index, (document, options) in enumerate(jobs):
            if worker.is_cancelled:
                break

            def progress(done: int, total: int, index: int = index) -> None:
                self.post_message(self.PrintProgressed(index, len(jobs), done, total))

            try:
                result = print_document(self.store, self.meeting, document, options, output=folder, progress=progress)
            except (TablesessionError, OSError) as exc:
                self.post_message(self.DocumentFailed(document, str(exc)))
            else:
                results.append(result)
                self.post_message(self.DocumentPrinted(result))
            self.post_message(self.PrintProgressed(index, len(jobs), 1, 1))
        self.post_message(self.PrintFinished(results))

    @on(PrintProgressed)
    def _progressed(self, event: PrintProgressed) -> None:
        share = event.done / event.total if event.total else 1.0
        self.query_one("#print-progress", ProgressBar).update(progress=event.index * 100 + share * 100)

    @on(DocumentPrinted)
    def _printed(self, event: DocumentPrinted) -> None:
        result = event.result
        title = DOCUMENTS[result.document].title
        pages = f"{result.pages} page{'s' if result.pages != 1 else ''}"
        self._log(f"✓ {title}: {result.path.name} ({pages})")
        for warning in result.warnings:
            self._log(f"! {warning}")

    @on(DocumentFailed)
    def _failed(self, event: DocumentFailed) -> None:
        self._log(f"✗ {DOCUMENTS[event.document].title}: {event.reason}")

    @on(PrintFinished)
    def _finished(self, event: PrintFinished) -> None:
        self.busy = False
        self.results = event.results
        self.query_one("#print-open", Button).disabled = not event.results
        if event.results:
            self._log(f"Saved in {event.results[0].path.parent}")
            if self.query_one("#print-open-when-done", Checkbox).value:
                self.action_open()

    def watch_busy(self, busy: bool) -> None:
        if self.is_mounted:
            self.query_one("#print-generate", Button).disabled = busy

    def action_open(self) -> None:
        paths = [result.path for result in self.results]
        if not paths:
            return
        if not self.opener(paths):
            self._log("No PDF viewer could be started here; open the files from the folder above.")

    @on(Button.Pressed, "#print-generate")
    def _generate_pressed(self) -> None:
        self.action_generate()

    @on(Button.Pressed, "#print-open")
    def _open_pressed(self) -> None:
        self.action_open()
