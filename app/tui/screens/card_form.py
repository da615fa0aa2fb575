"""The card form: every business-card field with its sharing switch, validated as it is typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static, Switch

from app.tui.validators import CardFieldCheck
from sessions.models import Member, OwnCard, SharedField, Sharing, Tag
from sessions.roster.card_fields import CARD_FIELDS, CardError, CardField, edited_card

PLACEHOLDERS = {
    "employers": "most recent first, comma-separated",
    "target_roles": "roles, comma-separated",
    "target_companies": "companies, comma-separated",
    "email": "name@example.com",
    "phone": "as typed; saved as +1...",
    "linkedin": "linkedin.com/in/handle or handle",
}
SHARED_WITH_ROW = {"target_companies": "↑ same switch"}
SHARED, PRIVATE = "shared", "private"
SHARING_HELP = "Tab: next field · ctrl+r: share the field or keep it private · ctrl+s: save"


@dataclass(frozen=True)
class CardFormResult:
    """The edited card (validated), and whether to merge it into another member instead of saving it."""

    member: Member
    merge_into: int | None = None


@dataclass(frozen=True)
class DuplicateHint:
    member: Member
    reason: str


def _shown(member: Member | None, row: CardField) -> str:
    if member is None:
        return ""
    value = getattr(member, row.key)
    if isinstance(value, list):
        return ", ".join(value)
    return value or ""


class CardForm(ModalScreen[CardFormResult | None]):
    """Edit one member's card. Escape leaves it as it was (a walk-in keeps just their name)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Skip", id="card_form.cancel", tooltip="close without saving"),
        Binding("ctrl+s", "save", "Save", id="card_form.save", tooltip="save the card"),
        Binding(
            "ctrl+r",
            "toggle_sharing",
            "Share/private",
            id="card_form.sharing",
            tooltip="share or keep private the field being typed in",
        ),
    ]

    def __init__(
        self,
        member: Member | None,
        *,
        title: str,
        region: str,
        email_owner: Callable[[str, int | None], Member | None],
        duplicates: list[DuplicateHint] | None = None,
        stored: Callable[[int], Member | None] | None = None,
    ) -> None:
        super().__init__()
        self._member = member
        self._title = title
        self._region = region
        self._email_owner = email_owner
        self._duplicates = list(duplicates or [])
        self._card_now = stored  # the card as stored now, to notice it changed while this form was open
        self._underneath: list[tuple[str, str, str, str]] = []  # fields changed elsewhere, as last shown
        # Switches the person moved here: their own choices, which no later import changes.
        self._touched: set[SharedField] = set()

    def compose(self) -> ComposeResult:
        member = self._member
        sharing = member.sharing if member else Sharing()
        with Vertical(id="card-form"):
            yield Label(self._title, id="card-form-title", markup=False)
            with VerticalScroll(id="card-form-fields"):
                for row in CARD_FIELDS:
                    with Horizontal(classes="card-row"):
                        yield Label(row.label, classes="card-label")
                        yield Input(
                            _shown(member, row),
                            placeholder=PLACEHOLDERS.get(row.key, ""),
                            validators=[CardFieldCheck(row, self._region)],
                            valid_empty=row.key != "first_name",
                            compact=True,
                            id=f"card-{row.key}",
                        )
                        if row.shared is not None:
                            allowed = sharing.allows(row.shared)
                            switch = Switch(allowed, id=f"share-{row.shared.value}", animate=False)
                            # Off the Tab path: a space typed after Tab must never flip someone's sharing.
                            switch.can_focus = False
                            yield switch
                            yield Label(
                                SHARED if allowed else PRIVATE,
                                id=f"share-{row.shared.value}-label",
                                classes="card-share-label" if allowed else "card-share-label -private",
                            )
                        else:
                            yield Static(SHARED_WITH_ROW.get(row.key, ""), classes="card-noshare")
                    yield Label("", id=f"card-{row.key}-error", classes="card-error")
                with Horizontal(id="card-tags"):
                    yield Label("Tags", classes="card-label")
                    for tag in Tag:
                        yield Checkbox(tag.value, member is not None and tag in member.tags, id=f"tag-{tag.value}")
                    # Their own business cards: 'print cards' makes a sheet for those who asked.
                    wanted = member is not None and member.own_card.wanted
                    yield Checkbox("business cards", wanted, id="card-own-cards")
            yield Static(SHARING_HELP, id="card-form-note", markup=False)
            yield Vertical(id="card-form-duplicates")
            yield Static("", id="card-form-problems", markup=False)
            with Vertical(id="card-form-stale"):
                yield Static("", id="card-form-stale-text", markup=False)
                with Horizontal(id="card-form-stale-buttons"):
                    yield Button("Keep mine", id="card-form-keep-mine")
                    yield Button("Take the new", variant="warning", id="card-form-take-new")
            with Horizontal(id="card-form-buttons"):
                yield Button("Save", variant="primary", id="card-form-save")
                yield Button("Skip" if member is not None else "Cancel", id="card-form-cancel")

    def on_mount(self) -> None:
        self.query_one("#card-form-stale").display = False
        self._show_duplicates()
        self.query_one("#card-first_name", Input).focus()

    def _show_duplicates(self) -> None:
        box = self.query_one("#card-form-duplicates", Vertical)
        box.remove_children()
        if not self._duplicates:
            box.display = False
            return
        box.display = True
        widgets: list[Static | Button] = [Static("Possibly the same person:", classes="card-dup-title")]
        for hint in self._duplicates:
            other = hint.member
            details = f", {other.email or other.current_employer}" if other.email or other.current_employer else ""
            widgets.append(
                Button(
                    Text(f"Merge into {other.full_name} (id {other.id}, {hint.reason}{details})"),
                    id=f"merge-{other.id}",
                    classes="card-merge",
                )
            )
        box.mount_all(widgets)

    @on(Switch.Changed)
    def _sharing_switched(self, event: Switch.Changed) -> None:
        self._touched.add(SharedField(str(event.switch.id).removeprefix("share-")))
        label = self.query_one(f"#{event.switch.id}-label", Label)
        label.update(SHARED if event.value else PRIVATE)
        label.set_class(not event.value, "-private")

    def _sharing_of(self, field_key: str) -> SharedField | None:
        """The switch that decides who sees the field `field_key` (target companies go with the roles)."""
        keys = [row.key for row in CARD_FIELDS]
        row = CARD_FIELDS[keys.index(field_key)]
        if row.shared is None and field_key in SHARED_WITH_ROW:
            row = CARD_FIELDS[keys.index(field_key) - 1]
        return row.shared

    def action_toggle_sharing(self) -> None:
        focused = self.focused
        note = self.query_one("#card-form-note", Static)
        if not isinstance(focused, Input) or not str(focused.id).startswith("card-"):
            note.update("Put the cursor in a field first: ctrl+r shares it or keeps it private.")
            return
        key = str(focused.id).removeprefix("card-")
        label = next(row.label.rstrip("*") for row in CARD_FIELDS if row.key == key)
        shared = self._sharing_of(key)
        if shared is None:
            note.update(f"{label} is never shared with other people; nothing to set.")
            return
        switch = self.query_one(f"#share-{shared.value}", Switch)
        switch.value = not switch.value  # Switch.Changed records it as the person's own choice
        note.update(f"{label}: {SHARED + ' with the group' if switch.value else PRIVATE} (ctrl+r again changes it).")

    @on(Input.Changed)
    def _validated(self, event: Input.Changed) -> None:
        if event.input.id is None:
            return
        label = self.query_one(f"#{event.input.id}-error", Label)
        problems = event.validation_result.failure_descriptions if event.validation_result else []
        label.update(problems[0] if problems else "")
        label.set_class(bool(problems), "-shown")

    def _edited(self) -> tuple[Member | None, list[str]]:
        """The card as typed, or the reasons it cannot be saved."""
        typed = {row: self.query_one(f"#card-{row.key}", Input).value for row in CARD_FIELDS}
        choices = {
            row.shared: self.query_one(f"#share-{row.shared.value}", Switch).value
            for row in CARD_FIELDS
            if row.shared is not None
        }
        tags = frozenset(tag for tag in Tag if self.query_one(f"#tag-{tag.value}", Checkbox).value)
        own = self._member.own_card if self._member is not None else OwnCard()
        own = own.model_copy(update={"wanted": self.query_one("#card-own-cards", Checkbox).value})
        try:
            member = edited_card(
                self._member,
                typed,
                choices,
                region=self._region,
                chosen=self._touched,
                extra={"tags": tags, "own_card": own},
            )
        except CardError as exc:
            return None, [str(exc)]
        return member, []

    def _refuse(self, problems: list[str]) -> None:
        self.query_one("#card-form-problems", Static).update("Cannot save: " + "; ".join(problems))
        self.query_one("#card-form-problems", Static).add_class("-shown")

    def action_save(self) -> None:
        if self._changed_underneath():
            return
        member, problems = self._edited()
        if member is None:
            self._refuse(problems)
            return
        own_id = self._member.id if self._member else None
        owner = self._email_owner(member.email, own_id) if member.email else None
        if owner is not None:
            if all(hint.member.id != owner.id for hint in self._duplicates):
                self._duplicates.insert(0, DuplicateHint(owner, "same email"))
                self._show_duplicates()
            self._refuse([f"email {member.email} belongs to {owner.full_name} (id {owner.id}); merge the two instead"])
            return
        self.dismiss(CardFormResult(member))

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#card-form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#card-form-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    @on(Button.Pressed, ".card-merge")
    def _merge_pressed(self, event: Button.Pressed) -> None:
        other_id = int(str(event.button.id).removeprefix("merge-"))
        member, problems = self._edited()
        if member is None:
            # The typed card is what would be merged; it has to be valid apart from the email clash.
            clash_free = [p for p in problems if "belongs to" not in p]
            self._refuse(clash_free or problems)
            return
        self.dismiss(CardFormResult(member, merge_into=other_id))

    # -- a card changed underneath (the CLI, another window) ------------------------------------

    def _changed_underneath(self) -> bool:
        """True, with the choice shown, when the stored card changed since this form opened.

        Saving then would put the old values back over the new ones without anyone noticing.
        """
        opened = self._member
        if opened is None or opened.id is None or self._card_now is None:
            return False
        stored = self._card_now(opened.id)
        if stored is None:
            return False  # gone: whoever saves the result hears of it
        changed = self._fields_changed(opened, stored)
        self._member = stored  # what is saved next builds on the card as it is now
        self._underneath = changed
        if not changed:
            return False
        lines = ["Changed elsewhere while this card was open:"]
        for label, before, after, typed in changed:
            mine = "" if typed == before else f"; the form has {typed or '(empty)'}"
            lines.append(f"  {label}: was {before or '(empty)'}, now {after or '(empty)'}{mine}")
        lines.append("Keep mine saves the form as it is; Take the new puts the new values in the form.")
        self.query_one("#card-form-stale-text", Static).update("\n".join(lines))
        self.query_one("#card-form-stale").display = True
        self.query_one("#card-form-take-new", Button).focus()
        return True

    def _fields_changed(self, opened: Member, stored: Member) -> list[tuple[str, str, str, str]]:
        """(label, value when opened, value now, value in the form) for each field changed elsewhere."""
        changed = []
        for row in CARD_FIELDS:
            before, after = _shown(opened, row), _shown(stored, row)
            if before != after:
                changed.append((row.label.rstrip("*"), before, after, self.query_one(f"#card-{row.key}", Input).value))
        if opened.tags != stored.tags:
            typed = ", ".join(sorted(tag.value for tag in Tag if self.query_one(f"#tag-{tag.value}", Checkbox).value))
            changed.append(("Tags", _tags(opened), _tags(stored), typed))
        return changed

    @on(Button.Pressed, "#card-form-keep-mine")
    def _keep_mine(self) -> None:
        self.query_one("#card-form-stale").display = False
        self.action_save()

    @on(Button.Pressed, "#card-form-take-new")
    def _take_new(self) -> None:
        stored = self._member
        if stored is None:
            return
        changed = {label for label, *_ in self._underneath}
        for row in CARD_FIELDS:
            if row.label.rstrip("*") in changed:
                self.query_one(f"#card-{row.key}", Input).value = _shown(stored, row)
        if "Tags" in changed:
            for tag in Tag:
                self.query_one(f"#tag-{tag.value}", Checkbox).value = tag in stored.tags
        self.query_one("#card-form-stale").display = False
        self.query_one("#card-form-problems", Static).update("The new values are in the form: ctrl+s saves.")
        self.query_one("#card-form-problems", Static).add_class("-shown")


def _tags(member: Member) -> str:
    return ", ".join(sorted(tag.value for tag in member.tags))
