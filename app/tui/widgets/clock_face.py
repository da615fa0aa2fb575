"""The pitch clock as the room sees it: state, huge digits, speaker, progress, end time, open tables."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ProgressBar, Static

from sessions.pitchclock import ClockReading, Look, Phase
from sessions.pitchclock.speakers import SpeakerNames

from .clock_digits import ClockDigits

# What the state line says for each look: the colour alone is not enough for everyone.
HEADLINES: dict[Look, str] = {
    Look.READY: "READY",
    Look.GREEN: "SPEAKING",
    Look.YELLOW: "TIME LEFT",  # made precise from the meeting's warning: "1:00 LEFT"
    Look.RED: "TIME'S UP - PLEASE WRAP UP",
    Look.OVERTIME: "OVERTIME",
    Look.CHANGEOVER: "CHANGE SPEAKERS",
    Look.PAUSED: "PAUSED",
    Look.OVER: "ROUND OVER",
}


@dataclass(frozen=True)
class FaceText:
    """Everything the face shows as text, so it is redrawn only when something changed."""

    look: Look
    headline: str
    digits: str
    speaker: str
    names: str  # who speaks (or speaks next) at each table
    schedule: str
    note: str
    progress: float


def face_text(
    reading: ClockReading, round_label: str, warning_seconds: float, names: SpeakerNames | None = None
) -> FaceText:
    headline = HEADLINES[reading.look]
    if reading.look is Look.YELLOW:
        minutes, seconds = divmod(int(warning_seconds), 60)
        headline = f"{minutes}:{seconds:02d} LEFT"
    if reading.look is Look.CHANGEOVER:
        headline = f"CHANGE SPEAKERS - NEXT: SPEAKER {reading.speaker + 1}"
    speaker = reading.label
    if reading.look is Look.CHANGEOVER:
        speaker = f"Next: {reading.label}"
    elif reading.look is Look.OVER:
        speaker = (
            f"All {reading.turns} speakers done"
            if reading.speaker == reading.turns
            else f"Ended at speaker {reading.speaker} of {reading.turns}"
        )
    names_text = ""
    if names is not None and reading.phase is not Phase.OVER:
        upcoming = reading.turn + 1 if reading.phase is Phase.CHANGEOVER else reading.turn
        names_text = names.at(upcoming)
    ends = f" - ends about {reading.ends_at:%H:%M}" if reading.ends_at is not None else ""
    return FaceText(
        look=reading.look,
        headline=headline,
        digits="0:00" if reading.look is Look.OVER else reading.digits,
        speaker=speaker,
        names=names_text,
        schedule=f"{round_label}{ends}",
        note=reading.note,
        progress=round(reading.progress * 1000),
    )


class ClockFace(Vertical):
    """Shows a `ClockReading`. Its colour class follows the look: `-green`, `-overtime`..."""

    DEFAULT_CSS = """
    ClockFace {
        height: 1fr;
        align-horizontal: center;
        background: $surface;
    }
    ClockFace > Static {
        width: 1fr;
        height: auto;
        text-align: center;
    }
    ClockFace #face-headline { text-style: bold; padding: 0 1; }
    ClockFace #face-speaker { text-style: bold; }
    ClockFace #face-schedule { color: $text-muted; }
    ClockFace #face-note { color: $accent; text-style: bold; }
    ClockFace #face-progress { width: 1fr; height: 1; padding: 0 2; }
    ClockFace #face-progress Bar { width: 1fr; }
    ClockFace.-ready ClockDigits { color: $text-muted; }
    ClockFace.-green ClockDigits { color: $success; }
    ClockFace.-green #face-headline { background: $success; color: $background; }
    ClockFace.-yellow ClockDigits { color: $warning; }
    ClockFace.-yellow #face-headline { background: $warning; color: $background; }
    ClockFace.-red ClockDigits { color: $error; }
    ClockFace.-red #face-headline { background: $error; color: $text; }
    /* Overtime must be seen from the back of the room: the whole face turns red. */
    ClockFace.-overtime { background: $error; }
    ClockFace.-overtime ClockDigits { color: white; }
    ClockFace.-overtime Static, ClockFace.-overtime #face-note, ClockFace.-overtime #face-schedule { color: white; }
    ClockFace.-overtime #face-headline { background: white; color: $error; }
    ClockFace.-changeover ClockDigits { color: $primary-lighten-2; }
    ClockFace.-changeover #face-headline { background: $primary; color: $text; }
    ClockFace.-paused ClockDigits { color: $text-disabled; }
    ClockFace.-paused #face-headline { background: $foreground; color: $background; }
    ClockFace.-over ClockDigits { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="-ready")
        self._shown: FaceText | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="face-headline", markup=False)
        yield ClockDigits("", id="face-digits")
        yield Static(id="face-speaker", markup=False)
        yield Static(id="face-names", markup=False)
        yield ProgressBar(total=1000, show_eta=False, id="face-progress")
        yield Static(id="face-schedule", markup=False)
        yield Static(id="face-note", markup=False)

    @property
    def shown(self) -> FaceText | None:
        return self._shown

    def show(self, text: FaceText) -> bool:
        """Redraw what changed; True if anything did (a display update)."""
        if text == self._shown:
            return False
        previous, self._shown = self._shown, text
        if previous is None or previous.look is not text.look:
            if previous is not None:
                self.remove_class(f"-{previous.look.value}")
            self.remove_class("-ready")
            self.add_class(f"-{text.look.value}")
        if previous is None or previous.digits != text.digits:
            self.query_one(ClockDigits).update(text.digits)
        for widget_id, value in (
            ("face-headline", text.headline),
            ("face-speaker", text.speaker),
            ("face-names", text.names),
            ("face-schedule", text.schedule),
            ("face-note", text.note),
        ):
            if previous is None or getattr(previous, widget_id.removeprefix("face-")) != value:
                self.query_one(f"#{widget_id}", Static).update(value)
        # No seating, or the round is over: no empty line where the names would be.
        self.query_one("#face-names", Static).display = bool(text.names)
        if previous is None or previous.progress != text.progress:
            self.query_one(ProgressBar).update(progress=text.progress)
        return True
