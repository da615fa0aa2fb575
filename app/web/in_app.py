"""The self check-in pages from inside the app: one key in the Check-in area starts them and shows the QR code,
the desk address and PIN; the same key stops them; they stop when the app quits.

uvicorn runs as a worker on the app's own event loop, so a page's check-in goes through the app's store and
the areas refresh at once (through `TableSessionApp.changed`)."""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from app.tui.topics import Topic
from sessions.errors import TablesessionError
from sessions.models import Member
from sessions.roster.duplicates import DuplicateFinder

from .addresses import ANY
from .guards import Limits
from .server import DEFAULT_PORT, Addresses, SelfServiceServer
from .service import Change
from .terminal_qr import qr_rows

if TYPE_CHECKING:
    from app.tui.app import TableSessionApp

# The running server of each app (at most one); the app object itself is left as it is.
_RUNNING: weakref.WeakKeyDictionary[TableSessionApp, SelfServiceServer] = weakref.WeakKeyDictionary()
WORKER_GROUP = "self-service"
REFRESH_SECONDS = 0.5
APP_PORT = DEFAULT_PORT  # the port the poster's address names


class SelfServicePanel(ModalScreen[None]):
    """The attendee QR code, dark on light whatever the theme, with the desk address and PIN."""

    DEFAULT_CSS = """
    SelfServicePanel { align: center middle; }
    SelfServicePanel > Vertical { width: auto; height: auto; max-width: 100%; padding: 1 2; border: round $accent;
        background: $surface; }
    SelfServicePanel #self-service-qr { width: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,enter", "dismiss", "Close", id="self_service.close")]

    def __init__(self, addresses: Addresses) -> None:
        super().__init__()
        self.addresses = addresses

    def compose(self) -> ComposeResult:
        code = Text("\n".join(qr_rows(self.addresses.attendee[0])), style="black on white", no_wrap=True)
        with Vertical():
            yield Static("Self check-in is on: attendees scan this", id="self-service-title")
            yield Static(code, id="self-service-qr")
            yield Static("\n".join(self.addresses.lines()), id="self-service-addresses", markup=False)
            yield Static("The same key stops the server · Escape closes this panel", id="self-service-help")


def running(app: TableSessionApp) -> SelfServiceServer | None:
    return _RUNNING.get(app)


def toggle_self_service(
    app: TableSessionApp, *, host: str = ANY, port: int | None = None, limits: Limits | None = None
) -> SelfServiceServer | None:
    """Start the pages for the app's meeting (and show where), or stop them; returns the running server."""
    server = _RUNNING.pop(app, None)
    if server is not None:
        server.stop()
        app.notify("Self check-in stopped.")
        return None
    meeting = app.meeting
    if meeting is None or meeting.id is None:
        app.notify("Create or pick a meeting first (f9).", severity="error")
        return None

    waiting: list[Topic] = []

    def refresh() -> None:
        topics = list(dict.fromkeys(waiting))
        waiting.clear()
        for topic in topics:
            app.changed(topic)

    def changed(change: Change) -> None:
        # A rush at the door would redraw the areas for every phone; one redraw per moment shows them all.
        if not waiting:
            app.set_timer(REFRESH_SECONDS, refresh)
        waiting.append(Topic.MEMBERS if change is Change.MEMBERS else Topic.ATTENDANCE)

    def arrived(member: Member, new_card: bool) -> None:
        if member.id is not None:
            app.phone_check_ins.add(member.id)
        app.notify(_arrival_note(app, member, new_card), title="Self check-in", timeout=8)

    server = SelfServiceServer(
        app.store,
        meeting,
        app.clock,
        app.store.path,
        host=host,
        port=APP_PORT if port is None else port,
        limits=limits,
        on_change=changed,
        on_arrival=arrived,
    )
    try:
        addresses = server.start()
    except TablesessionError as error:
        app.notify(str(error), severity="error")
        return None
    _RUNNING[app] = server
    app.run_worker(server.serve(), name="self-service server", group=WORKER_GROUP, exit_on_error=False)
    app.push_screen(SelfServicePanel(addresses))
    return server


def _arrival_note(app: TableSessionApp, member: Member, new_card: bool) -> str:
    if not new_card:
        return f"{member.full_name} checked in from their phone."
    likely = DuplicateFinder(app.store.members.all()).find(member)
    if not likely:
        return f"New card from a phone: {member.full_name}, checked in."
    other = app.store.members.get(likely[0].member_id)
    return (
        f"New card from a phone: {member.full_name} looks like {other.full_name} ({likely[0].reason}); "
        "find them in Check-in and merge with ctrl+g."
    )
