"""Exporting contacts, the meeting or follow-up files from the app: pick a format, narrow to a table, write.

Self-contained: it reads the store, clock and current meeting through the app (any app with those
three attributes), writes in a worker thread, and says what went out and where.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Protocol, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from app.cli.paths import default_output_folder, prepare_output_folder
from app.export_pages import followup_pages
from sessions.errors import TablesessionError
from sessions.exports import KINDS, ExportKind, ExportRequest, ExportScope, ExportSummary, run_export, suggested_name
from sessions.models import Meeting
from sessions.store import Store
from sessions.timekeeping import Clock


class ExportHost(Protocol):
    """What the panel needs from the app it is mounted in (TableSessionApp has all three)."""

    store: Store
    clock: Clock
    meeting: Meeting | None


class ExportPanel(Vertical):
    """Choose a format, optionally a round and table, and where to save; then export."""

    DEFAULT_CSS = """
    ExportPanel {
        height: auto;
        padding: 1 2;
    }
    ExportPanel .export-row {
        height: auto;
        margin-bottom: 1;
    }
    ExportPanel .export-label {
        width: 10;
        padding-top: 1;
    }
    ExportPanel #export-kind {
        width: 1fr;
    }
    ExportPanel #export-round, ExportPanel #export-table {
        width: 14;
        margin-right: 2;
    }
    ExportPanel #export-path {
        width: 1fr;
    }
    ExportPanel #export-help {
        color: $text-muted;
        margin: 0 0 1 12;
    }
    ExportPanel #export-overwrite, ExportPanel #export-run {
        margin-left: 10;
    }
    ExportPanel #export-status {
        height: auto;
        margin-top: 1;
    }
    ExportPanel #export-status.-failed {
        color: $error;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+e", "export", "Export", id="export.run", tooltip="write the chosen export"),
    ]

    class ExportWritten(Message):
        """An export was written; `summary` says what went out and where."""

        def __init__(self, summary: ExportSummary) -> None:
            super().__init__()
            self.summary = summary

    class ExportFailed(Message):
        """An export was refused or could not be written; nothing was written."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(self, *, folder: Path | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.folder = folder  # None: the group's folder for the meeting, where prints go too

    @property
    def host(self) -> ExportHost:
        return cast(ExportHost, self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="export-meeting", markup=False)
        with Horizontal(classes="export-row"):
            yield Label("Format", classes="export-label")
            yield Select(
                [(info.title, kind.value) for kind, info in KINDS.items()],
                value=ExportKind.VCARD.value,
                allow_blank=False,
                id="export-kind",
            )
        yield Static(KINDS[ExportKind.VCARD].help, id="export-help", markup=False)
        with Horizontal(classes="export-row"):
            yield Label("Round", classes="export-label")
            yield Input(placeholder="all", type="integer", id="export-round")
            yield Label("Table", classes="export-label")
            yield Input(placeholder="all", id="export-table")
        with Horizontal(classes="export-row"):
            yield Label("Save to", classes="export-label")
            yield Input(id="export-path")
        yield Checkbox("Replace files that already exist", id="export-overwrite")
        yield Button("Export", id="export-run", variant="primary")
        yield Static(id="export-status", markup=False)

    def on_mount(self) -> None:
        self._show_meeting()
        self._suggest_path()

    # -- reading the form -------------------------------------------------------------------

    @property
    def kind(self) -> ExportKind:
        return ExportKind(str(self.query_one("#export-kind", Select).value))

    def _scope(self, meeting: Meeting) -> ExportScope:
        round_text = self.query_one("#export-round", Input).value.strip()
        table_text = self.query_one("#export-table", Input).value.strip()
        if round_text and not round_text.isdigit():
            raise TablesessionError(f"round {round_text!r} is not a round number")
        round_number = int(round_text) if round_text else None
        return ExportScope(meeting, round_number=round_number, table_label=table_text or None)

    def _show_meeting(self) -> None:
        meeting = self.host.meeting
        text = f"Meeting: {meeting.label}" if meeting else "No meeting yet: create one first."
        self.query_one("#export-meeting", Static).update(text)
        self.query_one("#export-run", Button).disabled = meeting is None

    def _suggest_path(self) -> None:
        """Put the suggested name for the chosen format in the path box, keeping the folder chosen so far."""
        meeting = self.host.meeting
        if meeting is None:
            return
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value) if path_input.value else None
        default = self.folder or default_output_folder(self.host.store, meeting)
        folder = default if current is None else (current.parent if self._named_file(current) else current)
        try:
            name = suggested_name(self.kind, self._scope(meeting))
        except TablesessionError:
            name = suggested_name(self.kind, ExportScope(meeting))
        path_input.value = str(folder / name)

    def _named_file(self, path: Path) -> bool:
        """True when `path` ends in a name we suggested (so changing the format may replace it)."""
        return path.suffix != "" or path.name.endswith(KINDS[ExportKind.FOLLOWUP].file_name)

    @on(Select.Changed, "#export-kind")
    def _kind_changed(self) -> None:
        self.query_one("#export-help", Static).update(KINDS[self.kind].help)
        self._suggest_path()

    @on(Input.Changed, "#export-round")
    @on(Input.Changed, "#export-table")
    def _filter_changed(self) -> None:
        self._suggest_path()

    # -- exporting ----------------------------------------------------------------------------

    @on(Button.Pressed, "#export-run")
    def _pressed(self) -> None:
        self.action_export()

    def action_export(self) -> None:
        self._show_meeting()
        meeting = self.host.meeting
        if meeting is None:
            return
        path_text = self.query_one("#export-path", Input).value.strip()
        if not path_text:
            self._show_failure("say where to save it")
            return
        try:
            scope = self._scope(meeting)
        except TablesessionError as exc:
            self._show_failure(str(exc))
            return
        path = Path(path_text).expanduser()
        if self.folder is None and path.parent == default_output_folder(self.host.store, meeting):
            prepare_output_folder(self.host.store, meeting)  # the suggested folder is made when first used
        request = ExportRequest(
            kind=self.kind,
            path=path,
            scope=scope,
            now=self.host.clock.now(),
            overwrite=self.query_one("#export-overwrite", Checkbox).value,
        )
        self.query_one("#export-run", Button).disabled = True
        self._set_status(f"Writing {KINDS[request.kind].title}...", failed=False)
        self._write(request)

    @work(thread=True, exclusive=True, group="export")
    def _write(self, request: ExportRequest) -> None:
        store = self.host.store
        try:
            summary = run_export(store, request, pages=followup_pages(store))
        except TablesessionError as exc:
            self.post_message(self.ExportFailed(str(exc)))
        else:
            self.post_message(self.ExportWritten(summary))

    @on(ExportWritten)
    def _written(self, message: ExportWritten) -> None:
        lines = message.summary.lines()
        if message.summary.contact_notice:
            lines.append(f"This export {message.summary.contact_notice}.")
        self._set_status("\n".join(lines), failed=False)
        self.query_one("#export-run", Button).disabled = False

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self._show_failure(message.reason)
        self.query_one("#export-run", Button).disabled = False

    def _show_failure(self, reason: str) -> None:
        self._set_status(f"Not exported: {reason}", failed=True)

    def _set_status(self, text: str, *, failed: bool) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_class(failed, "-failed")
