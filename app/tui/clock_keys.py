"""The clock's commands, once: the screen's key bindings and its palette entries are built from this."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class ClockKey:
    key: str
    action: str
    footer: str  # short: the whole set must fit an 80-column footer
    verb: str  # the palette says "clock: <verb>"
    help: str
    show: bool = True
    display: str | None = None

    @property
    def id(self) -> str:
        return f"clock.{self.verb.replace(' ', '_')}"

    def binding(self) -> Binding:
        return Binding(
            self.key, self.action, self.footer, show=self.show, id=self.id, tooltip=self.help, key_display=self.display
        )


CLOCK_KEYS: tuple[ClockKey, ...] = (
    ClockKey("space", "start_pause", "Start/Pause", "start or pause", "start the turn, or pause / resume the clock"),
    ClockKey("n", "next_speaker", "Next", "next speaker", "the next speaker (after the changeover)"),
    ClockKey("p", "previous", "Prev", "previous speaker", "back one speaker; in a changeover, resume the last one"),
    ClockKey("plus,equals_sign", "add_time(30)", "+30s", "add 30 seconds", "30 more seconds", display="+"),
    ClockKey("m", "add_time(60)", "+1min", "add a minute", "give the speaker one more minute"),
    ClockKey("e", "end_round", "End", "end round", "end the round now ('p' undoes it)"),
    ClockKey("r", "reset", "Reset", "reset", "start the round's clock over from speaker 1 (asks first)"),
    ClockKey("a", "auto_advance", "Auto", "auto-advance", "start the next speaker after the changeover, or wait"),
    ClockKey("left_square_bracket", "change_round(-1)", "Round-", "previous round", "time round N-1", show=False),
    ClockKey("right_square_bracket", "change_round(1)", "Round+", "next round", "time the next round", show=False),
)
