"""The clock's sounds: the terminal bell always, and a distinct tone per cue through the system's
sound player when there is one (paplay, pw-play, aplay, afplay; winsound on Windows).

Tones are generated as small WAV files on first use, so nothing depends on which sound theme a
laptop happens to have. Playing never blocks the clock: the player runs as its own process.
"""

from __future__ import annotations

import math
import shutil
import struct
import subprocess
import sys
import tempfile
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sessions.pitchclock import Cue

SAMPLE_RATE = 22050
VOLUME = 0.6
FADE_SECONDS = 0.01  # a short fade in and out: no click at each end of a note
PLAYERS = ("paplay", "pw-play", "aplay", "afplay")  # tried in this order


@dataclass(frozen=True)
class Note:
    hertz: float  # 0 is a rest
    seconds: float


# Each cue its own melody, so the room can tell them apart without looking.
MELODIES: dict[Cue, tuple[Note, ...]] = {
    Cue.NEXT_SPEAKER: (Note(660, 0.15), Note(880, 0.3)),  # rising: go
    Cue.WARNING: (Note(880, 0.35),),  # one clear ping: a minute left
    Cue.TIME_UP: (Note(988, 0.2), Note(0, 0.08), Note(988, 0.2), Note(0, 0.08), Note(988, 0.4)),  # three: stop
    Cue.OVERTIME: (Note(440, 0.45), Note(330, 0.6)),  # low and falling: well past time
    Cue.ROUND_OVER: (Note(523, 0.2), Note(659, 0.2), Note(784, 0.5)),  # a closing arpeggio
}


class Chimes(Protocol):
    def play(self, cue: Cue) -> None: ...


def write_melody(path: Path, notes: Sequence[Note]) -> Path:
    frames = bytearray()
    for note in notes:
        count = int(note.seconds * SAMPLE_RATE)
        fade = max(1, int(FADE_SECONDS * SAMPLE_RATE))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - i) / fade)
            value = math.sin(2 * math.pi * note.hertz * i / SAMPLE_RATE) if note.hertz else 0.0
            frames += struct.pack("<h", int(value * envelope * VOLUME * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(frames))
    return path


def find_player(which: Callable[[str], str | None] = shutil.which) -> list[str] | None:
    """The command that plays a WAV file here, or None (then the terminal bell is all there is)."""
    for name in PLAYERS:
        found = which(name)
        if found:
            return [found, "-q"] if name == "aplay" else [found]
    return None


class RoomChimes:
    """Rings the terminal bell and, when a player exists, plays the cue's melody without waiting."""

    def __init__(
        self,
        bell: Callable[[], None],
        player: list[str] | None,
        *,
        folder: Path | None = None,
        spawn: Callable[[list[str]], subprocess.Popen[bytes]] | None = None,
        winsound: bool = False,
    ) -> None:
        self._bell = bell
        self._player = player
        self._folder = folder
        self._spawn = spawn or _spawn
        self._winsound = winsound
        self._playing: list[subprocess.Popen[bytes]] = []
        self.played: list[Cue] = []

    @classmethod
    def for_terminal(cls, bell: Callable[[], None], *, headless: bool) -> RoomChimes:
        """Headless runs (tests, benches) ring only the (silent) bell: nothing plays out loud."""
        if headless:
            return cls(bell, None)
        return cls(bell, find_player(), winsound=sys.platform == "win32")

    @property
    def plays_sounds(self) -> bool:
        """False when only the terminal bell rings."""
        return self._player is not None or self._winsound

    def sound_file(self, cue: Cue) -> Path:
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="tablesession-chimes-"))
        path = self._folder / f"{cue.value}.wav"
        return path if path.exists() else write_melody(path, MELODIES[cue])

    def play(self, cue: Cue) -> None:
        self.played.append(cue)
        self._bell()
        # Reap players that finished, so none linger as zombies.
        self._playing = [process for process in self._playing if process.poll() is None]
        if self._player is not None:
            try:
                self._playing.append(self._spawn([*self._player, str(self.sound_file(cue))]))
            except OSError:
                self._player = None  # the player vanished or cannot run: the bell still rings
        elif self._winsound:
            _play_on_windows(self.sound_file(cue))


def _spawn(command: list[str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def _play_on_windows(path: Path) -> None:
    if sys.platform == "win32":  # Windows has no player command, but plays WAVs asynchronously itself
        import winsound

        winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC)
