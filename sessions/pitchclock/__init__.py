"""The pitch clock: one clock for the whole room, timing each speaker's turn at every table.

Pure rules (`transitions`) over a small state (`state`), read at any instant (`reading`),
driven live by `PitchClock` (`machine`) with an injected clock, saved and replayed through the
store's command log (`journal`), followed read-only by a projector view (`follower`).
"""

from .follower import ClockFollower
from .journal import ClockJournal, Replayed, latest_round, replay
from .machine import ADD_HALF_MINUTE, ADD_MINUTE, CueFired, PitchClock, Recorder
from .reading import ClockReading
from .rounds import RoundChoice, choose_round
from .schedule import TurnSchedule
from .settings import REFRESH_SECONDS, ClockSettings
from .state import ClockState, Command, Cue, Look, Phase

__all__ = [
    "ADD_HALF_MINUTE",
    "ADD_MINUTE",
    "REFRESH_SECONDS",
    "ClockFollower",
    "ClockJournal",
    "ClockReading",
    "ClockSettings",
    "ClockState",
    "Command",
    "Cue",
    "CueFired",
    "Look",
    "Phase",
    "PitchClock",
    "Recorder",
    "Replayed",
    "RoundChoice",
    "TurnSchedule",
    "choose_round",
    "latest_round",
    "replay",
]
