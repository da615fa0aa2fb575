"""Where the pages can be reached: the laptop's LAN address, and the full attendee and desk addresses."""

from __future__ import annotations

import contextlib
import socket

from .tokens import MeetingTokens

ANY = "0.0.0.0"


def lan_address() -> str | None:
    """The address other devices on the network reach this laptop at. A UDP `connect` sends no packet:
    it only asks the system which interface would route there."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        probe.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real
        address = str(probe.getsockname()[0])
        return None if address.startswith("127.") or address == ANY else address
    return None


def reachable_hosts(host: str) -> list[str]:
    """The addresses to print for a server bound to `host`: for every interface, the LAN one and loopback."""
    if host != ANY:
        return [host]
    lan = lan_address()
    return [*([lan] if lan else []), "127.0.0.1"]


def attendee_url(host: str, port: int, tokens: MeetingTokens) -> str:
    return f"http://{_bracketed(host)}:{port}/{tokens.attendee}/"


def desk_url(host: str, port: int, tokens: MeetingTokens) -> str:
    return f"http://{_bracketed(host)}:{port}/{tokens.desk}/desk"


def _bracketed(host: str) -> str:
    return f"[{host}]" if ":" in host else host
