"""Check-in at the door: search as you type, Enter checks in, undo, walk-ins, cards, duplicates."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Static

from app.tui.screens.card_form import CardForm, CardFormResult, DuplicateHint
from app.tui.screens.import_dialog import ImportDialog
from app.tui.screens.merge_dialog import MergeCandidate, MergeChoice, MergeDialog
from app.tui.screens.walk_in_dialog import LikelyMatch, WalkInChoice, WalkInDialog
from app.tui.topics import Topic
from app.tui.widgets import print_panel
from app.tui.widgets.keyed_table import sync_rows
from app.tui.widgets.steady_footer import SteadyFooter
from printables.jobs import PrintResult
from sessions.checkin import (
    CheckinIndex,
    Status,
    add_walk_in,
    check_in,
    counts,
    mark_remaining_no_shows,
    seated_since,
    status_of,
    toggle_left,
    toggle_no_show,
    undo_check_in,
    walk_in_member,
)
from sessions.errors import NotFoundError, TablesessionError
from sessions.models import Attendance, Meeting, Member
from sessions.roster import ImportSummary
from sessions.roster.duplicates import DuplicateFinder
from sessions.roster.merge import merge_members
from sessions.roster.updating import filled

from .base import AreaScreen

# (key, title, width): fixed widths keep the status in view on an 80-column left pane.
RESULT_COLUMNS = (
    ("name", "Name", 20),
    ("company", "Company", 15),
    ("email", "Email", 18),
    ("status", "Status", 14),
    ("flag", "", 3),
)
ARRIVAL_COLUMNS = (("time", "In at", 5), ("name", "Name", 16), ("status", "Status", 12))
# Check-ins made on the attendee's own phone, as the lists show them.
PHONE_STATUS = {
    Status.CHECKED_IN.value: "in by phone",
    Status.WALK_IN.value: "new by phone",
    Status.LATE.value: "late, phone",
}
RESULTS_SHOWN = 30
DUPLICATE_FLAG = "dup"
EMPTY_ENTER = "Type a name first: Enter checks in the highlighted match, never the top of the list."
Change = Callable[[Meeting, int], Attendance]  # a toggle on one person's attendance


class CheckinCommands(Provider):
    """Palette commands of the check-in area."""

    COMMANDS: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("check-in: walk-in", "add what is typed as a new member (a likely match is offered first)", "walk_in"),
        ("check-in: undo last check-in", "take back the most recent check-in", "undo"),
        ("check-in: edit card", "edit the highlighted person's card", "edit_card"),
        ("check-in: merge duplicate", "merge the highlighted person with a likely duplicate", "merge"),
        ("check-in: import file", "import an Eventbrite, Meetup, Google Forms, LinkedIn or CSV export", "import_file"),
        (
            "check-in: print tent card and badge",
            "print the highlighted person's tent card and badge now",
            "print_person",
        ),
        ("check-in: mark no-shows", "everyone registered who has not arrived becomes a no-show", "mark_no_shows"),
    )

    def _screen(self) -> CheckinScreen | None:
        screen = self.screen
        return screen if isinstance(screen, CheckinScreen) else None

    async def discover(self) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        for name, help_text, action in self.COMMANDS:
            yield DiscoveryHit(name, getattr(screen, f"action_{action}"), help=help_text)

    async def search(self, query: str) -> Hits:
        screen = self._screen()
        if screen is None:
            return
        matcher = self.matcher(query)
        for name, help_text, action in self.COMMANDS:
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), getattr(screen, f"action_{action}"), help=help_text)


class CheckinScreen(AreaScreen):
    """Who is coming in: find them in a keystroke or two, check them in, fix their card."""

    COMMANDS: ClassVar = {CheckinCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor(1)", "Next", show=False, id="checkin.next"),
        Binding("up", "cursor(-1)", "Previous", show=False, id="checkin.previous"),
        Binding("ctrl+n", "walk_in", "Walk-in", id="checkin.walk_in", tooltip="add what is typed as a new member"),
        Binding("ctrl+z", "undo", "Undo", id="checkin.undo", tooltip="take back the last check-in"),
        Binding("ctrl+t", "edit_card", "Card", id="checkin.edit_card", tooltip="edit the highlighted card"),
        Binding("ctrl+g", "merge", "Merge", id="checkin.merge", tooltip="merge with a likely duplicate"),
        Binding("ctrl+y", "no_show", "No-show", id="checkin.no_show", tooltip="mark or unmark a no-show"),
        Binding("ctrl+l", "left", "Left", id="checkin.left", tooltip="mark someone who went home early"),
        Binding("ctrl+o", "import_file", "Import", id="checkin.import", tooltip="import a registration export"),
        Binding(
            "ctrl+b", "print_person", "Print", id="checkin.print", tooltip="print the highlighted tent card and badge"
        ),
        Binding("escape", "clear", "Clear", show=False, id="checkin.clear"),
        Binding("ctrl+r", "self_service", "Web", show=False, id="checkin.web", tooltip="self check-in pages on/off"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._index = CheckinIndex()
        self._members: dict[int, Member] = {}
        self._attendance: dict[int, Attendance] = {}
        self._seated_at: dt.datetime | None = None
        self._finder: DuplicateFinder | None = None
        self._duplicate_cache: dict[int, list[DuplicateHint]] = {}
        self._undo: list[int] = []
        self._own_change = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="checkin-body"):
            with Vertical(id="checkin-left"):
                yield Input(
                    placeholder="Name, email or company · Enter checks in · ctrl+n walk-in", id="checkin-search"
                )
                yield DataTable(id="checkin-results", cursor_type="row", zebra_stripes=True)
                yield Static("", id="checkin-status", markup=False)
            with Vertical(id="checkin-right"):
                yield Static("", id="checkin-counts", markup=False)
                yield Static("Arrived (latest first)", id="checkin-arrivals-title")
                yield DataTable(id="checkin-arrivals", cursor_type="row")
        yield SteadyFooter()

    def on_mount(self) -> None:
        results = self.query_one("#checkin-results", DataTable)
        for key, label, width in RESULT_COLUMNS:
            results.add_column(label, key=key, width=width)
        arrivals = self.query_one("#checkin-arrivals", DataTable)
        for key, label, width in ARRIVAL_COLUMNS:
            arrivals.add_column(label, key=key, width=width)
        self.session_app.data_changed.subscribe(self, self._on_data_changed)
        self._load_members()
        self._load_attendance()
        self.refresh_view()
        self.query_one("#checkin-search", Input).focus()

    def on_screen_resume(self) -> None:
        self._load_attendance()
        self.refresh_view()

    # -- data --------------------------------------------------------------------------------

    def _load_members(self) -> None:
        members = self.store.members.all()
        self._members = {m.id: m for m in members if m.id is not None}
        self._index = CheckinIndex(members)
        self._undo = [mid for mid in self._undo if mid in self._members]
        self._finder = None
        self._duplicate_cache = {}

    def _load_attendance(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            self._attendance, self._seated_at = {}, None
            return
        self._attendance = {a.member_id: a for a in self.store.attendance.for_meeting(meeting.id)}
        self._seated_at = seated_since(self.store, meeting)

    def _member_changed(self, member: Member) -> None:
        """Keep the index current after one card changed here (no rebuild)."""
        if member.id is None:
            return
        self._members[member.id] = member
        self._index.upsert(member)
        self._finder = None
        self._duplicate_cache = {}

    def _member_removed(self, member_id: int) -> None:
        self._members.pop(member_id, None)
        self._index.remove(member_id)
        self._undo = [mid for mid in self._undo if mid != member_id]
        self._finder = None
        self._duplicate_cache = {}

    def _publish(self, *topics: Topic) -> None:
        self._own_change = True
        try:
            for topic in topics:
                self.session_app.changed(topic)
        finally:
            self._own_change = False

    def _on_data_changed(self, topic: str) -> None:
        if self._own_change:
            return
        if topic in (Topic.MEMBERS, Topic.MEETING, Topic.OUTSIDE):
            self._load_members()
        if topic in (Topic.MEMBERS, Topic.ATTENDANCE, Topic.MEETING, Topic.SEATING, Topic.OUTSIDE):
            self._load_attendance()
            self.refresh_view()

    def _gone(self, member_id: int) -> None:
        """Someone forgotten or merged in another window since the list was drawn: drop them, say so."""
        member = self._members.get(member_id)
        who = member.full_name if member is not None else f"member {member_id}"
        self._load_members()
        self._load_attendance()
        self.refresh_view()
        self._say(f"{who} is no longer in the group (forgotten or merged elsewhere); the lists are up to date.")
        self._publish(Topic.MEMBERS)

    def duplicates_of(self, member: Member) -> list[DuplicateHint]:
        if member.id is not None and member.id in self._duplicate_cache:
            return self._duplicate_cache[member.id]
        if self._finder is None:
            self._finder = DuplicateFinder(self._members.values())
        hints = [
            DuplicateHint(self._members[found.member_id], found.reason)
            for found in self._finder.find(member)
            if found.member_id in self._members
        ]
        if member.id is not None:
            self._duplicate_cache[member.id] = hints
        return hints

    # -- view --------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        self._show_results()
        self._show_arrivals()
        self._show_counts()

    def _status_text(self, member_id: int) -> str:
        attendance = self._attendance.get(member_id)
        status = status_of(attendance, self._seated_at)
        if (
            attendance is not None
            and attendance.checked_in_at
            and status in (Status.CHECKED_IN, Status.WALK_IN, Status.LATE)
        ):
            return f"{status.value} {attendance.checked_in_at.astimezone().strftime('%H:%M')}"
        return status.value

    def _status_shown(self, member_id: int) -> str:
        """The status in the lists; a check-in made on the attendee's own phone says so."""
        attendance = self._attendance.get(member_id)
        status = status_of(attendance, self._seated_at).value
        by_phone = attendance is not None and attendance.checked_in and member_id in self.session_app.phone_check_ins
        if not by_phone:
            return status
        # Short enough for the narrow arrivals column.
        return PHONE_STATUS.get(status, f"{status} by phone")

    def _result_ids(self) -> list[int]:
        query = self.query_one("#checkin-search", Input).value
        registered = {mid for mid, a in self._attendance.items() if a.registered}
        if query.strip():
            hits = self._index.search(query, limit=RESULTS_SHOWN, preferred=registered)
            return [hit.member_id for hit in hits if hit.member_id in self._members]
        # Nothing typed: the people still expected, by name.
        waiting = [
            mid
            for mid, a in self._attendance.items()
            if a.registered and not a.checked_in and not a.no_show and mid in self._members
        ]
        return sorted(waiting, key=lambda mid: self._members[mid].sort_key)

    def _show_results(self) -> None:
        rows: dict[str, tuple[str, ...]] = {}
        for member_id in self._result_ids():
            member = self._members[member_id]
            flag = DUPLICATE_FLAG if self.duplicates_of(member) else ""
            rows[str(member_id)] = (
                member.full_name,
                member.current_employer or "",
                member.email or "",
                self._status_shown(member_id),
                flag,
            )
        sync_rows(self.query_one("#checkin-results", DataTable), rows, [key for key, _, _ in RESULT_COLUMNS])

    def _show_arrivals(self) -> None:
        arrived = sorted(
            (a for a in self._attendance.values() if a.checked_in_at and a.member_id in self._members),
            key=lambda a: (a.checked_in_at or dt.datetime.min.replace(tzinfo=dt.UTC), a.member_id),
            reverse=True,
        )
        rows = {
            str(a.member_id): (
                a.checked_in_at.astimezone().strftime("%H:%M") if a.checked_in_at else "",
                self._members[a.member_id].full_name,
                self._status_shown(a.member_id),
            )
            for a in arrived
        }
        sync_rows(self.query_one("#checkin-arrivals", DataTable), rows, [key for key, _, _ in ARRIVAL_COLUMNS])

    def _show_counts(self) -> None:
        if self.meeting is None:
            text = "No meeting yet: create one (tablesession meeting new)"
        else:
            totals = counts(list(self._attendance.values()), self._seated_at)
            text = f"{totals.main}\n{totals.details}" if totals.details else totals.main
        self.query_one("#checkin-counts", Static).update(text)

    def _say(self, text: str, *, problem: bool = False) -> None:
        status = self.query_one("#checkin-status", Static)
        status.update(text)
        status.set_class(problem, "-problem")

    # -- which person ------------------------------------------------------------------------

    def _highlighted(self) -> int | None:
        """The person the facilitator means: the highlighted arrival when that list has focus, else the result."""
        arrivals = self.query_one("#checkin-arrivals", DataTable)
        table = arrivals if arrivals.has_focus else self.query_one("#checkin-results", DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(str(row_key.value))

    def _meeting_or_say(self) -> bool:
        if self.meeting is None:
            self._say("There is no meeting to check in to yet (tablesession meeting new).", problem=True)
            return False
        return True

    # -- actions -----------------------------------------------------------------------------

    @on(Input.Changed, "#checkin-search")
    def _typed(self) -> None:
        self._show_results()
        results = self.query_one("#checkin-results", DataTable)
        if results.row_count:
            results.move_cursor(row=0)

    def action_cursor(self, step: int) -> None:
        results = self.query_one("#checkin-results", DataTable)
        if results.row_count:
            results.move_cursor(row=max(0, min(results.row_count - 1, results.cursor_row + step)))

    @on(Input.Submitted, "#checkin-search")
    def _search_submitted(self) -> None:
        typed = self.query_one("#checkin-search", Input).value.strip()
        if not typed:
            # The list under an empty box is everyone still expected: its top row is nobody in particular.
            self._say(EMPTY_ENTER, problem=True)
            return
        member_id = self._highlighted_result()
        if member_id is None:
            self._say(f"Nobody matches {typed!r}: ctrl+n adds them as a walk-in.", problem=True)
            return
        self.check_in_member(member_id)

    def _highlighted_result(self) -> int | None:
        results = self.query_one("#checkin-results", DataTable)
        if results.row_count == 0:
            return None
        row_key, _ = results.coordinate_to_cell_key(results.cursor_coordinate)
        return int(str(row_key.value))

    @on(DataTable.RowSelected, "#checkin-results")
    def _result_selected(self, event: DataTable.RowSelected) -> None:
        self.check_in_member(int(str(event.row_key.value)))

    def check_in_member(self, member_id: int) -> None:
        meeting = self.meeting
        if meeting is None or not self._meeting_or_say():
            return
        try:
            result = check_in(self.store, meeting, member_id, self.clock.now())
        except NotFoundError:
            self._gone(member_id)
            return
        name = result.member.full_name
        at = result.attendance.checked_in_at.astimezone().strftime("%H:%M") if result.attendance.checked_in_at else ""
        if result.already:
            self._say(f"{name} is already checked in (since {at}); nothing changed.", problem=True)
            return
        self._undo.append(member_id)
        late = " Arrived after seating: the seating area will fit them in." if result.late else ""
        walk = " (walk-in: was not registered)" if result.attendance.walk_in else ""
        self._say(f"✓ {name} checked in at {at}{walk}.{late}  ctrl+z undoes.")
        self._attendance[member_id] = result.attendance
        self._publish(Topic.ATTENDANCE)
        self._after_check_in()

    def _after_check_in(self) -> None:
        search = self.query_one("#checkin-search", Input)
        search.value = ""  # posts Changed, which redraws the results
        search.focus()
        self._show_arrivals()
        self._show_counts()
        self._show_results()

    def action_clear(self) -> None:
        search = self.query_one("#checkin-search", Input)
        search.value = ""
        search.focus()

    def action_undo(self) -> None:
        meeting = self.meeting
        if meeting is None or not self._meeting_or_say():
            return
        arrivals = self.query_one("#checkin-arrivals", DataTable)
        member_id = self._highlighted() if arrivals.has_focus else (self._undo[-1] if self._undo else None)
        if member_id is None:
            self._say("No check-in to undo.", problem=True)
            return
        try:
            attendance = undo_check_in(self.store, meeting, member_id)
        except NotFoundError:
            self._gone(member_id)
            return
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        self._undo = [mid for mid in self._undo if mid != member_id]
        self._attendance[member_id] = attendance
        self._say(f"Undone: {self._members[member_id].full_name} is no longer checked in.")
        self._publish(Topic.ATTENDANCE)
        self.refresh_view()

    def action_no_show(self) -> None:
        self._toggle(lambda meeting, mid: toggle_no_show(self.store, meeting, mid), "no-show")

    def action_left(self) -> None:
        self._toggle(lambda meeting, mid: toggle_left(self.store, meeting, mid, self.clock.now()), "left")

    def _toggle(self, change: Change, what: str) -> None:
        meeting = self.meeting
        member_id = self._highlighted()
        if meeting is None or member_id is None:
            self._say("Highlight someone first." if meeting else "There is no meeting yet.", problem=True)
            return
        try:
            attendance = change(meeting, member_id)
        except NotFoundError:
            self._gone(member_id)
            return
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        self._attendance[member_id] = attendance
        marked = attendance.no_show if what == "no-show" else attendance.left_at is not None
        name = self._members[member_id].full_name
        self._say(f"{name} marked {what}." if marked else f"{name} is no longer marked {what}.")
        self._publish(Topic.ATTENDANCE)
        self.refresh_view()

    def action_mark_no_shows(self) -> None:
        meeting = self.meeting
        if meeting is None or not self._meeting_or_say():
            return
        marked = mark_remaining_no_shows(self.store, meeting)
        self._load_attendance()
        self._say(f"{marked} registered people who have not arrived are marked no-show.")
        self._publish(Topic.ATTENDANCE)
        self.refresh_view()

    # -- one person's prints ------------------------------------------------------------------

    def action_print_person(self) -> None:
        meeting = self.meeting
        member_id = self._highlighted()
        if meeting is None or member_id is None:
            self._say("Highlight someone first." if meeting else "There is no meeting yet.", problem=True)
            return
        name = self._members[member_id].full_name
        self._say(f"Printing {name}'s tent card and badge ...")
        self._make_person_prints(meeting, member_id, name)

    @work(thread=True, exclusive=True, group="person-print")
    def _make_person_prints(self, meeting: Meeting, member_id: int, name: str) -> None:
        """In a worker: the PDFs take a moment, and the door keeps answering keys meanwhile."""
        try:
            results = print_panel.print_person(self.store, meeting, member_id, name)
        except (TablesessionError, OSError) as exc:
            self.app.call_from_thread(self._say, f"Cannot print {name}'s tent card and badge: {exc}", problem=True)
            return
        self.app.call_from_thread(self._person_printed, name, results)

    def _person_printed(self, name: str, results: list[PrintResult]) -> None:
        paths = [result.path for result in results]
        files = " and ".join(path.name for path in paths)
        opened = "" if print_panel.open_paths(paths) else " (no PDF viewer here: open them from the folder)"
        self._say(f"Printed {name}'s tent card and badge: {files} in {paths[0].parent}{opened}")

    # -- walk-ins and cards ------------------------------------------------------------------

    def _email_owner(self, email: str, own_id: int | None) -> Member | None:
        owner = self.store.members.find_by_email(email)
        return owner if owner is not None and owner.id != own_id else None

    def _card_form(self, member: Member | None, title: str) -> CardForm:
        hints = self.duplicates_of(member) if member is not None else []
        return CardForm(
            member,
            title=title,
            region=self.store.group.default_region,
            email_owner=self._email_owner,
            duplicates=hints,
            stored=self._stored_card,
        )

    def _stored_card(self, member_id: int) -> Member | None:
        """The card as stored now (another window may have changed it since the form opened)."""
        try:
            return self.store.members.get(member_id)
        except NotFoundError:
            return None

    def action_walk_in(self) -> None:
        meeting = self.meeting
        if meeting is None or not self._meeting_or_say():
            return
        typed = self.query_one("#checkin-search", Input).value
        if not typed.strip():
            self.app.push_screen(self._card_form(None, "New walk-in (checked in when saved)"), self._new_walk_in_saved)
            return
        try:
            candidate = walk_in_member(typed)
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        matches = self._likely_matches(candidate)
        if not matches:
            self._add_walk_in(candidate)
            return

        def chosen(choice: WalkInChoice | None) -> None:
            if choice is None:
                self._say(f"Nobody added: {candidate.full_name} was not confirmed as a new person.")
            elif choice.member_id is None:
                self._add_walk_in(candidate)
            else:
                self.check_in_member(choice.member_id)

        self.app.push_screen(WalkInDialog(candidate.full_name, matches), chosen)

    def _likely_matches(self, candidate: Member) -> list[LikelyMatch]:
        """Who the typed walk-in may already be: those expected tonight first, then the rest by name."""
        if self._finder is None:
            self._finder = DuplicateFinder(self._members.values())
        found = [f for f in self._finder.find(candidate) if f.member_id in self._members]

        def order(member_id: int) -> tuple[int, tuple[str, str]]:
            expected = status_of(self._attendance.get(member_id), self._seated_at) is Status.REGISTERED
            return (0 if expected else 1, self._members[member_id].sort_key)

        found.sort(key=lambda f: order(f.member_id))
        return [LikelyMatch(self._members[f.member_id], f.reason, self._status_text(f.member_id)) for f in found]

    def _add_walk_in(self, candidate: Member) -> None:
        meeting = self.meeting
        if meeting is None or not self._meeting_or_say():
            return
        try:
            result = add_walk_in(self.store, meeting, candidate, self.clock.now())
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        member = result.member
        assert member.id is not None
        self._member_changed(member)
        self._attendance[member.id] = result.attendance
        self._undo.append(member.id)
        self._say(f"✓ Walk-in {member.full_name} added and checked in. Fill in the card or press Escape to skip.")
        self._publish(Topic.MEMBERS, Topic.ATTENDANCE)
        self._after_check_in()
        form = self._card_form(member, f"Walk-in: {member.full_name} (Escape skips; the name is enough)")
        self.app.push_screen(form, self._card_saved)

    def _new_walk_in_saved(self, result: CardFormResult | None) -> None:
        meeting = self.meeting
        if result is None or meeting is None:
            return
        if result.merge_into is not None:
            try:
                kept = self.store.members.update(filled(self.store.members.get(result.merge_into), result.member))
            except NotFoundError:
                self._gone(result.merge_into)
                return
            self._member_changed(kept)
            self._publish(Topic.MEMBERS)
            assert kept.id is not None
            self.check_in_member(kept.id)
            return
        try:
            walk_in = add_walk_in(self.store, meeting, result.member, self.clock.now())
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        assert walk_in.member.id is not None
        self._member_changed(walk_in.member)
        self._attendance[walk_in.member.id] = walk_in.attendance
        self._undo.append(walk_in.member.id)
        self._say(f"✓ Walk-in {walk_in.member.full_name} added and checked in.")
        self._publish(Topic.MEMBERS, Topic.ATTENDANCE)
        self._after_check_in()

    def action_edit_card(self) -> None:
        member_id = self._highlighted()
        if member_id is None:
            self._say("Highlight someone to edit their card.", problem=True)
            return
        # Read afresh: the card may have changed in another window since the list was drawn.
        member = self._stored_card(member_id)
        if member is None:
            self._gone(member_id)
            return
        self._member_changed(member)
        self.app.push_screen(self._card_form(member, f"Card: {member.full_name}"), self._card_saved)

    def _card_saved(self, result: CardFormResult | None) -> None:
        if result is None:
            return
        if result.merge_into is not None and result.member.id is not None:
            self._merge(MergeChoice(keep_id=result.merge_into, absorb_id=result.member.id), result.member)
            return
        try:
            saved = self.store.members.update(result.member)
        except NotFoundError:
            if result.member.id is not None:
                self._gone(result.member.id)
            return
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        self._member_changed(saved)
        self._say(f"Card saved: {saved.full_name}.")
        self._publish(Topic.MEMBERS)
        self.refresh_view()

    # -- duplicates ----------------------------------------------------------------------------

    def action_merge(self) -> None:
        member_id = self._highlighted()
        if member_id is None:
            self._say("Highlight someone to look for their duplicates.", problem=True)
            return
        member = self._members[member_id]
        hints = self.duplicates_of(member)
        if not hints:
            self._say(f"No likely duplicate of {member.full_name} (same email, phone, LinkedIn or a similar name).")
            return
        candidates = [
            MergeCandidate(hint.member, hint.reason, self._status_text(hint.member.id))
            for hint in hints
            if hint.member.id is not None
        ]
        dialog = MergeDialog(member, self._status_text(member_id), candidates)
        self.app.push_screen(dialog, self._merge_chosen)

    def _merge_chosen(self, choice: MergeChoice | None) -> None:
        if choice is not None:
            self._merge(choice, None)

    def _merge(self, choice: MergeChoice, absorbed_as: Member | None) -> None:
        absorbed_name = (absorbed_as or self._members[choice.absorb_id]).full_name
        try:
            kept = merge_members(self.store, choice.keep_id, choice.absorb_id, absorb_as=absorbed_as)
        except NotFoundError:
            self._gone(choice.keep_id if self._stored_card(choice.keep_id) is None else choice.absorb_id)
            return
        except TablesessionError as exc:
            self._say(str(exc), problem=True)
            return
        # The absorbed record's check-in now belongs to the kept member: ctrl+z must still reach it.
        self._undo = [choice.keep_id if mid == choice.absorb_id else mid for mid in self._undo]
        self._member_removed(choice.absorb_id)
        self._member_changed(kept)
        self._load_attendance()
        self._say(f"Merged {absorbed_name} into {kept.full_name} (id {kept.id}).")
        self._publish(Topic.MEMBERS, Topic.ATTENDANCE, Topic.SEATING)
        self.refresh_view()

    # -- import --------------------------------------------------------------------------------

    def action_import_file(self) -> None:
        dialog = ImportDialog(self.store, self.clock, self.meeting)
        self.app.push_screen(dialog, self._imported)

    def _imported(self, summary: ImportSummary | None) -> None:
        if summary is None:
            return
        self._load_members()
        self._load_attendance()
        self._say(summary.headline(), problem=bool(summary.warnings or summary.skipped))
        self._publish(Topic.MEMBERS, Topic.ATTENDANCE)
        self.refresh_view()

    def action_self_service(self) -> None:
        from app.web.in_app import toggle_self_service  # the web server is loaded only when asked for

        toggle_self_service(self.session_app)
