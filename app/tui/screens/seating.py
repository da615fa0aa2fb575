"""Seating: generate the plan in a worker, see rounds as tabs of table cards, lock rounds that have run,
and swap or move people with the keyboard while the effect on the plan's score shows at once.

The meeting's seating settings and rules (each in its own dialog) are what generating, late arrivals,
leavers and the score of a move all follow. Late arrivals and people leaving (from check-in) are fitted
in as soon as the check-in area reports them.
"""

from __future__ import annotations

import asyncio
import threading
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.widgets import Header, OptionList, ProgressBar, Static, Tabs
from textual.worker import get_current_worker

from app.tui.seating_commands import SeatingCommands
from app.tui.topics import Topic
from app.tui.widgets.round_tabs import RoundTabs, round_number_of
from app.tui.widgets.steady_footer import SteadyFooter
from app.tui.widgets.table_card import TableCard
from printables.jobs import Document
from sessions.checkin.first_time import as_at_meeting
from sessions.errors import ConflictError, TablesessionError
from sessions.models import Member, SeatingPlan, SeatingSettings, limits
from sessions.seating import ManualChange, SeatingContext, SeatingResult, apply_change, score_change
from sessions.seating.rules import effective_options, rules_in_force, settings_for, settings_text
from sessions.seating.scoring import context_stats
from sessions.seating.service import (
    PlanChangedError,
    SeatingOptions,
    arrive_late,
    leave,
    plan_meeting,
    seating_context,
)

from .base import AreaScreen
from .print_export import PrintExportScreen
from .seating_rules import SeatingRulesDialog
from .seating_settings import SeatingSettingsForm

LEGEND = "H host  N newcomer  C connector"


class SeatingScreen(AreaScreen):
    """The current meeting's seating plan."""

    COMMANDS: ClassVar = {SeatingCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "g", "generate", "Generate", id="seating.generate", tooltip="seat everyone checked in; locked rounds stay"
        ),
        Binding(
            "l", "toggle_lock", "Lock round", id="seating.lock", tooltip="a locked round has run and never changes"
        ),
        Binding("space", "pick", "Pick", id="seating.pick", tooltip="pick the highlighted person to swap or move"),
        Binding("s", "swap", "Swap", id="seating.swap", tooltip="swap the picked person with the highlighted one"),
        Binding("t", "move_here", "Move here", id="seating.move", tooltip="move the picked person to this table"),
        Binding("escape", "cancel_pick", "Cancel pick", show=False, id="seating.cancel"),
        # Rounds are in the settings too; the keys stay for speed, out of the crowded footer.
        Binding(
            "plus",
            "rounds(1)",
            "+Round",
            show=False,
            id="seating.more_rounds",
            tooltip="plan one more round next time",
        ),
        Binding(
            "minus",
            "rounds(-1)",
            "-Round",
            show=False,
            id="seating.fewer_rounds",
            tooltip="plan one round fewer next time",
        ),
        Binding(
            "o",
            "settings",
            "Settings",
            id="seating.settings",
            tooltip="rounds, table sizes, sub-groups, colleagues apart",
        ),
        Binding("r", "rules", "Rules", id="seating.rules", tooltip="keep people apart or together"),
        # Out of the crowded footer: the note naming who moved says this key, and the palette has it.
        Binding(
            "p",
            "print_changes",
            "Print changes",
            show=False,
            id="seating.print_changes",
            tooltip="print who moved to which table as people left or came late",
        ),
        Binding("right_square_bracket", "next_round(1)", "Next round", show=False, id="seating.next_round"),
        Binding("left_square_bracket", "next_round(-1)", "Previous round", show=False, id="seating.previous_round"),
    ]

    class Progressed(Message):
        def __init__(self, fraction: float, planning: threading.Event) -> None:
            super().__init__()
            self.fraction, self.planning = fraction, planning

    class Planned(Message):
        """A plan saved: the first and each better one while the search goes on (`final` False), then the
        last (`final`; `result` None when a change by hand ended the search, `stopped` when asked to)."""

        def __init__(
            self, result: SeatingResult | None, planning: threading.Event, *, final: bool, stopped: bool = False
        ) -> None:
            super().__init__()
            self.result, self.planning, self.final, self.stopped = result, planning, final, stopped

    class PlanningFailed(Message):
        def __init__(self, problem: str, planning: threading.Event) -> None:
            super().__init__()
            self.problem, self.planning = problem, planning

    def __init__(self) -> None:
        super().__init__()
        self.plan: SeatingPlan | None = None
        self.members: dict[int, Member] = {}
        self.context: SeatingContext | None = None
        self._context_key: tuple[object, ...] | None = None  # what `context` was read for
        self.settings = SeatingSettings()  # the meeting's, read again on each reload
        self.rules_in_force = 0
        self.active_round = 1
        self.picked: tuple[int, int] | None = None  # (round, member id)
        self._pick_summary = ""  # the best move and swap for the person picked
        self._drawn: tuple[object, ...] | None = None  # what the drawing shows (see _drawing_of)
        self.planning = False  # from g until the first plan is on screen
        self.improving = False  # from g until the search behind the plan ends
        self._stop = threading.Event()
        self._planning_since = 0.0  # the app clock's monotonic time when g was pressed
        # A dialog closing resumes the screen (which reloads) while its result reloads too: one at a time.
        self._reloading = asyncio.Lock()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="seating-top"):
            yield Static(id="seating-stats", markup=False)
            yield ProgressBar(id="seating-progress", total=100, show_eta=False)
        yield Container(id="seating-rounds")
        with Horizontal(id="seating-bottom"):
            yield Static(id="seating-effect", markup=False)
            yield Static(LEGEND, id="seating-legend")
        yield SteadyFooter()

    def on_unmount(self) -> None:
        self._stop.set()  # the app is closing: end the search behind the plan, if one runs

    def on_mount(self) -> None:
        self.query_one(ProgressBar).display = False
        self.session_app.data_changed.subscribe(self, self._on_data_changed)

    async def on_screen_resume(self) -> None:
        # Check-in may have changed while another area was shown: fit those people in now. Changes made
        # while hidden were drawn when they came, so a drawing still current is kept: f4 answers at once.
        notes = self.fit_attendance()
        if notes or self._drawn != self._drawing_of():
            await self.reload()
        if notes:
            self._say("  ".join(notes))
            self.session_app.changed(Topic.SEATING)

    def _drawing_of(self) -> tuple[object, ...]:
        """What the drawing shows, read from the store: the plan, who is here, the settings and rules."""
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return (None,)
        present = self.store.attendance.present_ids(meeting.id)
        plan = self.store.seating.load(meeting.id)
        return (meeting, plan, frozenset(present), settings_for(self.store, meeting))

    def _on_data_changed(self, topic: str) -> None:
        if topic in (Topic.OUTSIDE, Topic.MEMBERS, Topic.MEETING):
            self._context_key = None  # members' marks or earlier meetings may differ: read the context again
        if topic in (Topic.ATTENDANCE, Topic.OUTSIDE):
            # From another window too: a check-in there is fitted in here, a plan made there is shown.
            self.call_later(self._attendance_changed)
        elif topic in (Topic.MEMBERS, Topic.MEETING):
            self.call_later(self.reload)

    # -- showing the plan -------------------------------------------------------------------------

    @property
    def rounds_wanted(self) -> int:
        """Rounds the next plan will have: the meeting's setting."""
        return self.settings.rounds

    def _options(self) -> SeatingOptions:
        """The meeting's stored settings and the rules in force: what every seating change follows."""
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return SeatingOptions.from_settings(self.settings)
        return effective_options(self.store, meeting)

    async def reload(self) -> None:
        """Read the plan, settings and rules again and redraw, keeping the round shown and the person focused."""
        async with self._reloading:
            await self._reload()

    async def _reload(self) -> None:
        meeting = self.meeting
        plan = self.store.seating.load(meeting.id) if meeting is not None and meeting.id is not None else None
        self.plan = plan
        present = self.store.attendance.present_ids(meeting.id) if meeting and meeting.id else set()
        seated = {m for r in plan.rounds for m in r.member_ids} if plan else set()
        people = self.store.members.get_many(present | seated)
        self.members = as_at_meeting(self.store, meeting, people) if meeting is not None else people
        if meeting is not None and meeting.id is not None:
            self.settings = settings_for(self.store, meeting)
            self.rules_in_force = len(rules_in_force(self.store, meeting, present))
            options = self._options()
            key = (meeting, frozenset(present), options)
            if self.context is None or key != self._context_key:
                # Reading earlier meetings' pairs and compiling them takes a tenth of a second at 120
                # people: done again only when who is here, the settings or the rules differ.
                self.context, self._context_key = seating_context(self.store, meeting, options), key
        else:
            self.settings, self.rules_in_force, self.context = SeatingSettings(), 0, None
        await self._redraw()
        self._show_stats(len(present))
        self._drawn = (meeting, plan, frozenset(present), self.settings) if meeting and meeting.id else (None,)

    async def _redraw(self) -> None:
        focused = self._highlighted()
        container = self.query_one("#seating-rounds", Container)
        if self.plan is None or not self.plan.rounds:
            if not container.query("#seating-empty"):
                await container.remove_children()
                await container.mount(
                    Static("No seating plan yet. Check people in, then press g to seat them.", id="seating-empty")
                )
            return
        self.active_round = max(1, min(self.active_round, len(self.plan.rounds)))
        found = container.query_children(RoundTabs)
        if found:
            tabs = found.first()
        else:
            await container.remove_children()
            tabs = RoundTabs()
            await container.mount(tabs)
        await self._show_round(tabs)
        self._focus(focused[1] if focused else None)

    async def _show_round(self, tabs: RoundTabs) -> None:
        if self.plan is not None:
            picked = self.picked[1] if self.picked else None
            await tabs.show(self.plan, self.members, self.active_round, picked)

    def _focus(self, member_id: int | None) -> None:
        cards = [c for c in self.query(TableCard) if c.round_number == self.active_round]
        for card in cards:
            if member_id is not None and member_id in card.member_ids:
                card.focus()
                card.highlighted = card.member_ids.index(member_id)
                return
        if cards:
            cards[0].focus()

    def _rules_note(self, broken: int = 0) -> str:
        if not self.rules_in_force:
            return ""
        rules = f"{self.rules_in_force} rule{'s' if self.rules_in_force != 1 else ''}"
        # A break is a kept-apart pair at one table, or a group split, in one round.
        return f" · {rules}, broken {broken} time{'s' if broken != 1 else ''}" if broken else f" · {rules} kept"

    def _show_stats(self, present: int) -> None:
        line = self.query_one("#seating-stats", Static)
        if self.plan is None or self.context is None or not self.plan.rounds:
            line.update(f"{present} checked in  ·  g seats them in {self.rounds_wanted} rounds{self._rules_note()}")
            return
        stats = context_stats(self.context, self.plan)
        seated = len({m for r in self.plan.rounds for m in r.member_ids})
        locked = sum(1 for r in self.plan.rounds if r.locked)
        broken = stats.apart_violations + stats.together_violations
        # The rounds the next plan gets are shown only when they differ from this plan's.
        rounds = len(self.plan.rounds)
        next_plan = f" · next: {self.rounds_wanted} rounds" if self.rounds_wanted != rounds else ""
        line.update(
            f"{seated} seated · {rounds} rounds{f', {locked} locked' if locked else ''} · "
            f"repeats {stats.repeat_pairs} · met before {stats.history_repeat_pairs} · "
            f"most meetings {stats.max_pair_meetings} · new pairs {stats.new_pair_ratio:.0%}"
            f"{self._rules_note(broken)}{next_plan}"
        )

    def _say(self, text: str) -> None:
        self.query_one("#seating-effect", Static).update(text)

    @on(Tabs.TabActivated)
    async def _tab_activated(self, event: Tabs.TabActivated) -> None:
        # A click on a round's tab. Tabs report each tab made active, the first one too while they are built:
        # only the tab still active when the report arrives is the one to show.
        number = round_number_of(event.tab.id)
        if number is None or event.tab.id != event.tabs.active or number == self.active_round:
            return
        await self.action_next_round(number - self.active_round)

    async def action_next_round(self, step: int) -> None:
        if self.plan is None or not self.plan.rounds:
            return
        self.active_round = (self.active_round - 1 + step) % len(self.plan.rounds) + 1
        found = self.query(RoundTabs)
        if found:
            await self._show_round(found.first())
        self._focus(None)

    def action_rounds(self, step: int) -> None:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return
        rounds = max(1, min(limits.ROUNDS_MAX, self.rounds_wanted + step))
        self._save_settings(self.settings.model_copy(update={"rounds": rounds}))
        self._show_stats(len(self.store.attendance.present_ids(meeting.id)))

    def _save_settings(self, settings: SeatingSettings) -> None:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return
        self.settings = self.store.seating_settings.save(meeting.id, settings)

    # -- settings and rules -----------------------------------------------------------------------

    def action_settings(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            self._say("Choose a meeting first (f9).")
            return
        self.app.push_screen(SeatingSettingsForm(self.settings, meeting), self._settings_chosen)

    async def _settings_chosen(self, settings: SeatingSettings | None) -> None:
        meeting = self.meeting
        if settings is None or meeting is None:
            return
        self._save_settings(settings)
        await self.reload()
        self._say(f"Settings saved: {settings_text(settings, meeting)}. g seats everyone by them.")
        self.session_app.changed(Topic.SEATING)

    def action_rules(self) -> None:
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            self._say("Choose a meeting first (f9).")
            return
        self.app.push_screen(SeatingRulesDialog(self.store, meeting), self._rules_closed)

    async def _rules_closed(self, changed: bool | None) -> None:
        if not changed:
            return
        await self.reload()
        self._say(f"Rules changed: {self.rules_in_force} in force tonight. g regenerates the plan to follow them.")
        self.session_app.changed(Topic.SEATING)

    # -- generating -------------------------------------------------------------------------------

    def action_generate(self) -> None:
        meeting = self.meeting
        if self.planning or meeting is None or meeting.id is None:
            return
        present = self.store.attendance.present_ids(meeting.id)
        if not present:
            self._say("No one is checked in yet: check people in (f3), then press g.")
            return
        self.stop_improving()  # g while a plan improves: a fresh plan, from who is here now
        self.planning = True
        bar = self.query_one(ProgressBar)
        bar.update(progress=0)
        bar.display = True
        self._say(f"Seating {len(present)} people in {self.rounds_wanted} rounds...")
        self._stop = threading.Event()
        self.improving = True
        self._planning_since = self.clock.monotonic()
        self._generate(meeting.id, self._options(), self._stop)

    def stop_improving(self) -> None:
        """End the search behind the plan shown: a change by hand is about to be made to that plan."""
        if self.improving:
            self._stop.set()
            self.improving = False
            self.query_one(ProgressBar).display = False

    @work(thread=True, group="seating")
    def _generate(self, meeting_id: int, options: SeatingOptions, stop: threading.Event) -> None:
        def progress(fraction: float, _best: float) -> None:
            if not stop.is_set():
                self.post_message(self.Progressed(fraction, stop))

        def report(result: SeatingResult) -> None:
            if not stop.is_set():
                self.post_message(self.Planned(result, stop, final=False))

        worker = get_current_worker()

        def halted() -> bool:
            # Asked to (a change by hand, a newer g), or the app is closing: it must not wait for the search.
            return stop.is_set() or worker.is_cancelled

        try:
            meeting = self.store.meetings.get(meeting_id)
            result = plan_meeting(
                self.store, meeting, options, self.clock, progress, report=report, stop=halted, elsewhere=True
            )
        except PlanChangedError:
            self.post_message(self.Planned(None, stop, final=True))
            return
        except TablesessionError as exc:
            self.post_message(self.PlanningFailed(str(exc), stop))
            return
        self.post_message(self.Planned(result, stop, final=True, stopped=stop.is_set()))

    @on(Progressed)
    def _progressed(self, message: Progressed) -> None:
        if self.improving and message.planning is self._stop:
            self.query_one(ProgressBar).update(progress=round(message.fraction * 100))

    @on(Planned)
    async def _planned(self, message: Planned) -> None:
        if message.planning is not self._stop:
            return  # from a planning a newer g replaced: its plans were never kept
        result = message.result
        first = self.planning
        self.planning = False
        if message.final:
            was_improving, self.improving = self.improving, False
            self.query_one(ProgressBar).display = False
            if result is None or message.stopped or not was_improving:
                # Stopped for a change by hand, or a newer g: the plan on screen is already the one to keep.
                if result is None and was_improving:
                    self._say("The plan changed meanwhile (here or in another window): it is kept as it is.")
                return
        if result is None:
            return
        if first:
            self.picked = None
        notes = "  ".join(result.warnings)
        rounds = len(result.plan.rounds)
        if not message.final:
            # Short: at 80 columns the note has two lines of some 45 characters.
            self._say(f"Planned {rounds} rounds; improving them until a change by hand. {notes}".rstrip())
        elif result.reached_bound:
            self._say(f"Planned {rounds} rounds with {result.method}: the best possible. {notes}".rstrip())
        else:
            searched = f"the best found in {self.clock.monotonic() - self._planning_since:.0f} s"
            self._say(f"Planned {rounds} rounds with {result.method}: {searched}. {notes}".rstrip())
        await self.reload()
        self.session_app.changed(Topic.SEATING)

    @on(PlanningFailed)
    def _planning_failed(self, message: PlanningFailed) -> None:
        if message.planning is not self._stop:
            return
        shown = not self.planning  # a first plan is on the screen and saved already
        self.planning = self.improving = False
        self.query_one(ProgressBar).display = False
        if shown:
            self._say(f"Stopped looking for a better plan ({message.problem}); the plan shown stays.")
        else:
            self._say(f"Could not seat: {message.problem}")

    # -- locking ----------------------------------------------------------------------------------

    async def action_toggle_lock(self) -> None:
        meeting = self.meeting
        if self.plan is None or meeting is None or meeting.id is None or not self.plan.rounds:
            return
        self.stop_improving()  # a round that has run must not change under the search
        round_ = self.plan.round(self.active_round)
        self.store.seating.set_locked(meeting.id, round_.number, not round_.locked)
        self._say(f"Round {round_.number} {'unlocked' if round_.locked else 'locked: it will not change again'}.")
        await self.reload()
        self.session_app.changed(Topic.SEATING)

    # -- moving people ----------------------------------------------------------------------------

    def _card(self) -> TableCard | None:
        return self.focused if isinstance(self.focused, TableCard) else None

    def _highlighted(self) -> tuple[TableCard, int] | None:
        card = self._card()
        member = card.highlighted_member if card else None
        return (card, member) if card is not None and member is not None else None

    def _person(self, member_id: int) -> str:
        member = self.members.get(member_id)
        return member.full_name if member else f"member {member_id}"

    async def action_pick(self) -> None:
        target = self._highlighted()
        if target is None or self.plan is None:
            return
        card, member = target
        if self.plan.round(card.round_number).locked:
            self._say(f"Round {card.round_number} is locked: it has already run.")
            return
        self.stop_improving()  # the tables must hold still while someone is picked
        self.picked = (card.round_number, member)
        await self._redraw()
        best = self._best_changes(card.round_number, member)
        self._pick_summary = (
            f"Picked {self._person(member)}: {best or 'no other table in this round'}. "
            "s swaps with the one highlighted, t moves to that table."
        )
        self._say(self._pick_summary)

    def _best_changes(self, round_number: int, picked: int) -> str:
        """The best move and the best swap for the person just picked, so the effect shows before any key.
        Every table and seat of the round is tried: about 60 quick scores at 60 people."""
        if self.plan is None or self.context is None:
            return ""
        round_ = self.plan.round(round_number)
        own = round_.table_of(picked)
        tried: dict[str, list[tuple[float, str]]] = {"move": [], "swap": []}
        for table in round_.tables:
            if own is not None and table.label == own.label:
                continue
            changes = [ManualChange(round=round_number, kind="move", member_id=picked, to_table=table.label)]
            changes += [
                ManualChange(round=round_number, kind="swap", member_id=picked, other_member_id=seat.member_id)
                for seat in table.seats
            ]
            for change in changes:
                try:
                    effect = score_change(self.plan, self.context, change)
                except TablesessionError:
                    continue  # a full table takes no move
                what = (
                    f"move to table {table.label}"
                    if change.kind == "move"
                    else f"swap with {self._person(change.other_member_id or 0)} (table {table.label})"
                )
                tried[change.kind].append((effect.cost_after - effect.cost_before, f"{what}: {effect.describe()}"))
        best = [f"best {min(options)[1]}" for options in tried.values() if options]
        return "; ".join(best)

    async def action_cancel_pick(self) -> None:
        if self.picked is not None:
            self.picked = None
            await self._redraw()
            self._say("")

    def _changes(self, card: TableCard, member: int | None) -> list[tuple[str, ManualChange]]:
        if self.picked is None or card.round_number != self.picked[0]:
            return []
        round_number, picked = self.picked
        changes: list[tuple[str, ManualChange]] = []
        if member is not None and member != picked and picked not in card.member_ids:
            swap = ManualChange(round=round_number, kind="swap", member_id=picked, other_member_id=member)
            changes.append((f"s: swap with {self._person(member)}", swap))
        if picked not in card.member_ids:
            move = ManualChange(round=round_number, kind="move", member_id=picked, to_table=card.label)
            changes.append((f"t: move to table {card.label}", move))
        return changes

    @on(OptionList.OptionHighlighted)
    def _highlight_moved(self, event: OptionList.OptionHighlighted) -> None:
        card = event.option_list
        if not isinstance(card, TableCard) or self.picked is None or self.plan is None or self.context is None:
            return
        effects = []
        for label, change in self._changes(card, card.highlighted_member):
            try:
                effect = score_change(self.plan, self.context, change)
            except TablesessionError as exc:
                effects.append(f"{label}: {exc}")
                continue
            effects.append(f"{label}: {effect.describe()}")
        # Nothing to do from here (the picked person's own table): the best move and swap stay in view.
        self._say(f"{self._person(self.picked[1])}  ->  " + "   |   ".join(effects) if effects else self._pick_summary)

    async def action_swap(self) -> None:
        await self._make("swap")

    async def action_move_here(self) -> None:
        await self._make("move")

    async def _make(self, kind: str) -> None:
        card = self._card()
        meeting = self.meeting
        if card is None or self.plan is None or self.context is None or meeting is None:
            return
        chosen = [(label, c) for label, c in self._changes(card, card.highlighted_member) if c.kind == kind]
        if not chosen:
            self._say("Pick someone first (space), then highlight a person or table in the same round.")
            return
        label, change = chosen[0]
        self.stop_improving()
        try:
            effect = score_change(self.plan, self.context, change)
            changed = apply_change(self.plan, change, self.context.policy.max_size)
        except TablesessionError as exc:
            self._say(str(exc))
            return
        self.store.seating.save(changed)
        self.picked = None
        self._say(f"Done ({label.split(': ', 1)[1]}): {effect.describe()}.")
        await self.reload()
        self.session_app.changed(Topic.SEATING)

    # -- late arrivals and leavers ----------------------------------------------------------------

    async def _attendance_changed(self) -> None:
        notes = self.fit_attendance()
        await self.reload()
        if notes:
            self._say("  ".join(notes))
            self.session_app.changed(Topic.SEATING)

    async def action_print_changes(self) -> None:
        """Print the evening's seat changes as the print area does: it opens, makes that one document, and
        its log says where the file went (the facilitator hands it to a volunteer)."""
        if self.meeting is None:
            self._say("Choose a meeting first (f9).")
            return
        await self.app.switch_mode("print")
        screen = self.app.screen
        if isinstance(screen, PrintExportScreen):
            screen.generate_only(Document.CHANGES)

    def fit_attendance(self) -> list[str]:
        """Seat people checked in since the plan was made; take out those who left. Returns what changed."""
        meeting = self.meeting
        if meeting is None or meeting.id is None:
            return []
        plan = self.store.seating.load(meeting.id)
        if plan is None or all(r.locked for r in plan.rounds):
            return []
        present = self.store.attendance.present_ids(meeting.id)
        seated = {m for r in plan.rounds if not r.locked for m in r.member_ids}
        if present == seated:
            return []  # the usual case, on every return to this area: nothing to read or fit
        self.stop_improving()  # the plan shown is the one people are fitted into
        names = self.store.members.get_many(present | seated)

        def name(m: int) -> str:
            return names[m].full_name if m in names else f"member {m}"

        notes: list[str] = []
        for member_id in sorted(present - seated):
            try:
                change = arrive_late(self.store, meeting, member_id, clock=self.clock)
            except ConflictError as exc:  # no free seat: the message names them already
                text = str(exc)
                notes.append(f"{text[:1].upper()}{text[1:]}.")
                continue
            except TablesessionError as exc:
                notes.append(f"{name(member_id)}: {exc}.")
                continue
            tables = ", ".join(f"round {m.round} table {m.to_table}" for m in change.moves)
            notes.append(f"Seated {name(member_id)} (late): {tables}.")
            notes.extend(f"{warning}." for warning in change.warnings)
        for member_id in sorted(seated - present):
            change = leave(self.store, meeting, member_id, clock=self.clock)
            moved = change.moved_people(name)
            notes.append(
                f"Took {name(member_id)} out of the rounds to come"
                + (f"; moved to keep tables full: {'; '.join(moved)} (p prints the list)." if moved else ".")
            )
            notes.extend(change.warnings)
        return notes
