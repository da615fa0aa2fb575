"""The clock's sounds: a distinct generated tone per cue, played without waiting, the bell always."""

from __future__ import annotations

import subprocess
import wave
from pathlib import Path

import pytest

from app.tui.chimes import MELODIES, RoomChimes, find_player, write_melody
from sessions.pitchclock import Cue


class FakeProcess:
    def __init__(self, command: list[str]) -> None:
        self.command = command
        self.finished = False

    def poll(self) -> int | None:
        return 0 if self.finished else None


def test_each_cue_has_its_own_tone_of_the_melodys_length(tmp_path: Path) -> None:
    contents = {}
    for cue, notes in MELODIES.items():
        path = write_melody(tmp_path / f"{cue.value}.wav", notes)
        with wave.open(str(path)) as sound:
            seconds = sound.getnframes() / sound.getframerate()
        assert seconds == pytest.approx(sum(note.seconds for note in notes), abs=0.01)
        contents[cue] = path.read_bytes()
    assert len(set(contents.values())) == len(Cue)


def test_the_first_player_found_is_used() -> None:
    installed = {"aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    assert find_player(installed.get) == ["/usr/bin/aplay", "-q"]
    assert find_player({"paplay": "/bin/paplay", **installed}.get) == ["/bin/paplay"]
    assert find_player({}.get) is None


def test_a_cue_rings_the_bell_and_starts_the_player_without_waiting(tmp_path: Path) -> None:
    bells: list[int] = []
    started: list[FakeProcess] = []

    def spawn(command: list[str]) -> subprocess.Popen[bytes]:
        started.append(FakeProcess(command))
        return started[-1]  # type: ignore[return-value]

    chimes = RoomChimes(lambda: bells.append(1), ["/bin/paplay"], folder=tmp_path, spawn=spawn)
    chimes.play(Cue.WARNING)
    chimes.play(Cue.TIME_UP)
    assert len(bells) == 2
    assert [process.command for process in started] == [
        ["/bin/paplay", str(tmp_path / "warning.wav")],
        ["/bin/paplay", str(tmp_path / "time_up.wav")],
    ]
    assert chimes.played == [Cue.WARNING, Cue.TIME_UP]


def test_a_player_that_cannot_run_leaves_the_bell(tmp_path: Path) -> None:
    bells: list[int] = []
    attempts: list[list[str]] = []

    def broken(command: list[str]) -> subprocess.Popen[bytes]:
        attempts.append(command)
        raise FileNotFoundError(command[0])

    chimes = RoomChimes(lambda: bells.append(1), ["/gone/paplay"], folder=tmp_path, spawn=broken)
    chimes.play(Cue.WARNING)
    chimes.play(Cue.OVERTIME)
    assert (len(bells), len(attempts)) == (2, 1)  # tried once, then the bell alone
    assert not chimes.plays_sounds


def test_headless_runs_play_nothing_aloud() -> None:
    chimes = RoomChimes.for_terminal(lambda: None, headless=True)
    chimes.play(Cue.NEXT_SPEAKER)
    assert chimes.played == [Cue.NEXT_SPEAKER]
    assert not chimes.plays_sounds
