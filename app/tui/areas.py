"""The app's big areas, each a mode with its own screen and key. Add an area by adding it here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from textual.screen import Screen

from .screens.checkin import CheckinScreen
from .screens.clock import ClockScreen
from .screens.print_export import PrintExportScreen
from .screens.roster import RosterScreen
from .screens.seating import SeatingScreen


@dataclass(frozen=True)
class Area:
    mode: str
    title: str
    key: str
    help: str
    screen: Callable[[], Screen[None]]


AREAS: tuple[Area, ...] = (
    Area("roster", "Roster", "f2", "who is registered and checked in, with their cards", RosterScreen),
    Area("checkin", "Check-in", "f3", "search, check people in, walk-ins, cards and duplicates", CheckinScreen),
    Area("seating", "Seating", "f4", "plan tables over rounds, lock rounds, swap and move people", SeatingScreen),
    Area("clock", "Clock", "f5", "the pitch clock the whole room follows", ClockScreen),
    Area("print", "Print & export", "f6", "name cards, badges, table sheets and contact exports", PrintExportScreen),
)
