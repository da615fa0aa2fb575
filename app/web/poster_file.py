"""`tablesession print poster`: the door poster with the meeting's attendee address as a QR code."""

from __future__ import annotations

from pathlib import Path

from printables.geometry import Paper
from printables.poster import door_poster
from printables.sheets import meeting_line
from sessions.errors import NotFoundError, TablesessionError
from sessions.models import Meeting
from sessions.store import Store

from .addresses import attendee_url, lan_address
from .server import DEFAULT_PORT
from .tokens import MeetingTokens, group_secret


def poster_address(text: str | None) -> tuple[str, int]:
    """'HOST[:PORT]' as given, else this laptop's LAN address and the default port."""
    if not text:
        host = lan_address()
        if host is None:
            raise TablesessionError("--address: this laptop is on no network; name the address, e.g. 192.168.1.20")
        return host, DEFAULT_PORT
    host, _, port = text.strip().rpartition(":") if text.count(":") == 1 else (text.strip(), "", "")
    if not port:
        return text.strip().strip("[]"), DEFAULT_PORT
    if not port.isdigit() or not 0 < int(port) < 65536:
        raise TablesessionError(f"--address {text}: {port!r} is not a port number")
    return host, int(port)


def write_poster(
    store: Store, meeting: Meeting, address: str | None, paper: Paper, output: Path, *, replace: bool
) -> tuple[Path, int, int]:
    """Write the poster (a folder gets its usual name); returns the path, pages and bytes."""
    assert meeting.id is not None
    host, port = poster_address(address)
    url = attendee_url(host, port, MeetingTokens.for_meeting(group_secret(store.path), meeting.id))
    try:
        group = store.group.name
    except NotFoundError:
        group = ""
    pdf = door_poster(url, " · ".join(part for part in (group, meeting_line(meeting)) if part), paper)
    name = f"{meeting.date.isoformat()}-poster-{paper.value}.pdf"
    path = output if output.suffix.lower() == ".pdf" and not output.is_dir() else output / name
    try:
        path = pdf.save(path, replace=replace)
    except OSError as exc:
        raise TablesessionError(f"{path}: cannot write the PDF ({exc.strerror or exc})") from None
    return path, pdf.pages, len(pdf.data)
