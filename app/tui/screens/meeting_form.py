"""Creating or editing a meeting in the app: date, title, venue, table sizes and the pitch clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import ClassVar

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from sessions.errors import TablesessionError
from sessions.models import Meeting, clock_time, describe_validation_error, parse_clock_time
from sessions.store import Store

WEEK = dt.timedelta(days=7)


@dataclass(frozen=True)
class MeetingField:
    key: str  # the Meeting attribute
    label: str
    kind: str  # date | text | size | duration
    hint: str = ""


MEETING_FIELDS: tuple[MeetingField, ...] = (
    MeetingField("date", "Date*", "date", "YYYY-MM-DD"),
    MeetingField("title", "Title", "text", "e.g. Weekly networking"),
    MeetingField("venue", "Venue", "text"),
    MeetingField("table_min", "Smallest table", "size", "people"),
    MeetingField("table_max", "Largest table", "size", "people"),
    MeetingField("turn_seconds", "Pitch", "duration", "M:SS"),
    MeetingField("warning_seconds", "Warning", "duration", "M:SS before time is up"),
    MeetingField("changeover_seconds", "Changeover", "duration", "M:SS between speakers"),
)


def shown(meeting: Meeting, field: MeetingField) -> str:
    value = getattr(meeting, field.key)
    if field.kind == "duration":
        return clock_time(int(value))
    if field.kind == "date":
        return str(value.isoformat())
    return str(value)


def parsed(field: MeetingField, text: str) -> object:
    """The typed text as the Meeting attribute; ValueError naming the field when it cannot be."""
    label = field.label.rstrip("*")
    text = text.strip()
    try:
        if field.kind == "date":
            return dt.date.fromisoformat(text)
        if field.kind == "size":
            return int(text)
        if field.kind == "duration":
            return parse_clock_time(text)
    except ValueError:
        example = {"date": "a date like 2026-11-24", "size": "a whole number", "duration": "a duration like 5:00"}
        raise ValueError(f"{label}: {text!r} is not {example[field.kind]}") from None
    return text


def next_meeting(store: Store, today: dt.date) -> Meeting:
    """What a new meeting starts from: the latest one's title, venue, tables and clock, a week after it
    (or today, when the latest is in the past)."""
    meetings = store.meetings.all()
    if not meetings:
        return Meeting(date=today)
    latest = meetings[-1]
    day = latest.date + WEEK if latest.date >= today else today
    return latest.model_copy(update={"id": None, "date": day})


class MeetingForm(ModalScreen[int | None]):
    """Edit `meeting` (or create one from `draft` when it has no id); dismisses with the saved meeting's id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="meeting_form.cancel", tooltip="close without saving"),
        Binding("ctrl+s", "save", "Save", id="meeting_form.save", tooltip="save the meeting"),
    ]

    def __init__(self, store: Store, draft: Meeting, *, title: str) -> None:
        super().__init__()
        self._store = store
        self._draft = draft
        self._title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="meeting-form"):
            yield Label(self._title, id="meeting-form-title")
            for field in MEETING_FIELDS:
                with Horizontal(classes="meeting-row"):
                    yield Label(field.label, classes="meeting-label")
                    yield Input(shown(self._draft, field), placeholder=field.hint, id=f"meeting-{field.key}")
            yield Static("", id="meeting-form-problems", markup=False)
            yield Label("ctrl+s save · escape cancel", id="meeting-form-keys")

    def on_mount(self) -> None:
        self.query_one(f"#meeting-{MEETING_FIELDS[0].key}", Input).focus()

    def _meeting(self) -> Meeting:
        """The meeting as typed; TablesessionError naming each field that is wrong."""
        values: dict[str, object] = {}
        problems: list[str] = []
        for field in MEETING_FIELDS:
            try:
                values[field.key] = parsed(field, self.query_one(f"#meeting-{field.key}", Input).value)
            except ValueError as exc:
                problems.append(str(exc))
        if problems:
            raise TablesessionError("; ".join(problems))
        # The model's own checks across fields, said with the form's labels.
        low, high = values["table_min"], values["table_max"]
        if isinstance(low, int) and isinstance(high, int) and low > high:
            raise TablesessionError(f"Smallest table ({low}) is larger than Largest table ({high})")
        warning, turn = values["warning_seconds"], values["turn_seconds"]
        if isinstance(warning, int) and isinstance(turn, int) and warning >= turn:
            raise TablesessionError(f"Warning ({clock_time(warning)}) must be shorter than Pitch ({clock_time(turn)})")
        try:
            return Meeting.model_validate({**self._draft.model_dump(), **values})
        except ValidationError as exc:
            raise TablesessionError(describe_validation_error(exc)) from None

    def _save(self) -> Meeting:
        meeting = self._meeting()
        self._store.meetings.check_date_free(meeting)
        if meeting.id is None:
            return self._store.meetings.add(meeting)
        return self._store.meetings.update(meeting)

    def action_save(self) -> None:
        problems = self.query_one("#meeting-form-problems", Static)
        try:
            saved = self._save()
        except TablesessionError as exc:
            problems.update(str(exc))
            problems.add_class("-shown")
            return
        self.dismiss(saved.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
