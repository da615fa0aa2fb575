"""Print & export (F6): the meeting's PDFs, and (in its own tab) contact exports."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.app import ComposeResult
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.widgets import Header, Select, SelectionList, TabbedContent, TabPane

from app.tui.topics import Topic
from app.tui.widgets.export_panel import ExportPanel
from app.tui.widgets.print_panel import PrintPanel
from app.tui.widgets.steady_footer import SteadyFooter
from printables.jobs import DOCUMENTS, Document
from sessions.exports import KINDS, ExportKind

from .base import AreaScreen


class PrintCommands(Provider):
    """Palette commands: 'print: tent cards', 'print: table sheets', ... and 'print: generate'."""

    def _commands(self) -> list[tuple[str, Callable[[], None], str]]:
        screen = self.screen
        if not isinstance(screen, PrintExportScreen):
            return []
        commands: list[tuple[str, Callable[[], None], str]] = [
            ("print: generate", screen.generate, "make the documents chosen in the print tab"),
        ]
        for document, info in DOCUMENTS.items():
            commands.append((f"print: {info.title.lower()}", partial(screen.generate_only, document), info.help))
        for kind, kind_info in KINDS.items():
            commands.append(
                (
                    f"export: {kind_info.title.lower()}",
                    partial(screen.choose_export, kind),
                    f"{kind_info.help} (the Export tab opens on it; ctrl+e writes it)",
                )
            )
        commands.append(("export: write the chosen export", screen.export, "write the export chosen in the Export tab"))
        return commands

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


class PrintExportScreen(AreaScreen):
    """Tabs: Print (this feature) and Export (added by the contact-exports feature)."""

    COMMANDS = AreaScreen.COMMANDS | {PrintCommands}

    def compose(self) -> ComposeResult:
        yield Header()
        with TabbedContent(id="print-export-tabs"):
            yield TabPane("Print", PrintPanel(self.store, self.meeting, id="print-panel"), id="print-tab")
            yield TabPane("Export", ExportPanel(id="export-panel"), id="export-tab")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.session_app.data_changed.subscribe(self, self._on_data_changed)

    def _on_data_changed(self, topic: str) -> None:
        panel = self.query_one(PrintPanel)
        if topic == Topic.MEETING:
            panel.set_meeting(self.meeting)
        elif topic in (Topic.SEATING, Topic.OUTSIDE):
            panel.refresh_rounds()

    def choose_export(self, kind: ExportKind) -> None:
        """Show the Export tab with `kind` chosen (from the command palette); nothing is written yet."""
        self.query_one(TabbedContent).active = "export-tab"
        self.query_one("#export-kind", Select).value = kind.value
        self.query_one("#export-kind", Select).focus()

    def export(self) -> None:
        self.query_one(TabbedContent).active = "export-tab"
        self.query_one(ExportPanel).action_export()

    def generate(self) -> None:
        self.query_one(PrintPanel).action_generate()

    def generate_only(self, document: Document) -> None:
        """Make one document, whatever else is ticked (from the command palette, or p in seating)."""
        self.query_one(TabbedContent).active = "print-tab"  # its log says where the file went
        panel = self.query_one(PrintPanel)
        documents = panel.query_one("#print-documents", SelectionList)
        documents.deselect_all()
        documents.select(document.value)
        panel.action_generate()
