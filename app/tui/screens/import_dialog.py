"""Importing a registration export from the app: pick the file, confirm the guessed mapping, import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from sessions.errors import TablesessionError
from sessions.models import Meeting
from sessions.roster import ImportSummary, Override, SourceFormat, import_roster, plan_import, prepare
from sessions.store import Store
from sessions.timekeeping import Clock

AUTO = "auto"
SHOWN_NOTES = 12


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    source: SourceFormat | None
    overrides: tuple[Override, ...]
    check_in: bool


class ImportDialog(ModalScreen[ImportSummary | None]):
    """Preview shows the mapping and what would happen (a dry run); Import does it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="import_dialog.cancel", tooltip="import nothing"),
    ]

    class Previewed(Message):
        def __init__(self, request: ImportRequest, lines: list[str]) -> None:
            super().__init__()
            self.request = request
            self.lines = lines

    class Imported(Message):
        def __init__(self, summary: ImportSummary) -> None:
            super().__init__()
            self.summary = summary

    class Failed(Message):
        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    def __init__(self, store: Store, clock: Clock, meeting: Meeting | None, path: str = "") -> None:
        super().__init__()
        self._store = store
        self._clock = clock
        self._meeting = meeting
        self._path = path
        self._previewed: ImportRequest | None = None

    def compose(self) -> ComposeResult:
        formats = [("detect from the column titles", AUTO), *((s.label, s.value) for s in SourceFormat)]
        with Vertical(id="import-dialog"):
            yield Label("Import registrations", id="import-dialog-title")
            with Horizontal(classes="import-row"):
                yield Label("File", classes="import-label")
                yield Input(self._path, placeholder="path to the .csv export", id="import-path", compact=True)
            with Horizontal(classes="import-row"):
                yield Label("Format", classes="import-label")
                yield Select(formats, value=AUTO, allow_blank=False, id="import-format", compact=True)
            with Horizontal(classes="import-row"):
                yield Label("--map", classes="import-label")
                yield Input(placeholder="FIELD=COLUMN; FIELD=COLUMN (optional)", id="import-map", compact=True)
            with Horizontal(classes="import-row"):
                yield Label("", classes="import-label")
                yield Checkbox("Check everyone in as well", id="import-check-in", compact=True)
            with VerticalScroll(id="import-preview"):
                yield Static(
                    "Preview shows how the columns are read and what would change.", id="import-report", markup=False
                )
            with Horizontal(id="import-buttons"):
                yield Button("Preview", variant="primary", id="import-preview-button")
                yield Button("Import", variant="success", id="import-go", disabled=True)
                yield Button("Cancel", id="import-cancel")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    def _request(self) -> ImportRequest:
        typed = self.query_one("#import-path", Input).value.strip()
        if not typed:
            raise TablesessionError("type the path of the export file")
        path = Path(typed).expanduser()
        if path.suffix.lower() == ".json":
            raise TablesessionError(f"{path.name}: importing a meeting from JSON is not available here yet")
        chosen = self.query_one("#import-format", Select).value
        source = None if chosen == AUTO else SourceFormat(str(chosen))
        overrides = tuple(
            Override.parse(part.strip())
            for part in self.query_one("#import-map", Input).value.split(";")
            if part.strip()
        )
        return ImportRequest(path, source, overrides, self.query_one("#import-check-in", Checkbox).value)

    def _report(self, text: str, *, problem: bool = False) -> None:
        report = self.query_one("#import-report", Static)
        report.update(text)
        report.set_class(problem, "-problem")

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _options_changed(self) -> None:
        # What was previewed is no longer what would be imported.
        self._previewed = None
        self.query_one("#import-go", Button).disabled = True

    @on(Input.Submitted)
    @on(Button.Pressed, "#import-preview-button")
    def _preview_pressed(self) -> None:
        try:
            request = self._request()
        except TablesessionError as exc:
            self._report(str(exc), problem=True)
            return
        self._report("Reading the file...")
        self._preview(request)

    @work(thread=True, exclusive=True, group="import")
    def _preview(self, request: ImportRequest) -> None:
        try:
            prepared = prepare(request.path, request.source, request.overrides)
            plan = plan_import(self._store, prepared, meeting=self._meeting, check_in=request.check_in, dry_run=True)
        except TablesessionError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        summary = plan.summary
        lines = [summary.headline()]
        # Registrations taken back first: they change who the door expects tonight.
        notes = summary.unregistered + summary.skipped + summary.warnings
        lines.extend(f"  {note.line()}" for note in notes[:SHOWN_NOTES])
        if len(notes) > SHOWN_NOTES:
            lines.append(f"  ... and {len(notes) - SHOWN_NOTES} more (tablesession import --dry-run lists them all)")
        lines.extend(["", *summary.mapping])
        self.post_message(self.Previewed(request, lines))

    @on(Previewed)
    def _previewed_shown(self, message: Previewed) -> None:
        self._previewed = message.request
        self._report("\n".join(message.lines))
        self.query_one("#import-go", Button).disabled = False
        self.query_one("#import-go", Button).focus()

    @on(Failed)
    def _failed_shown(self, message: Failed) -> None:
        self._report(message.problem, problem=True)

    @on(Button.Pressed, "#import-go")
    def _import_pressed(self) -> None:
        if self._previewed is None:
            return
        self.query_one("#import-go", Button).disabled = True
        self._report("Importing...")
        self._import(self._previewed)

    @work(thread=True, exclusive=True, group="import")
    def _import(self, request: ImportRequest) -> None:
        try:
            summary = import_roster(
                self._store,
                request.path,
                meeting=self._meeting,
                now=self._clock.now(),
                source=request.source,
                overrides=request.overrides,
                check_in=request.check_in,
            )
        except TablesessionError as exc:
            self.post_message(self.Failed(str(exc)))
            return
        self.post_message(self.Imported(summary))

    @on(Imported)
    def _imported(self, message: Imported) -> None:
        self.dismiss(message.summary)

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        self.dismiss(None)
