"""The card form at the door: Tab goes field to field, typing never flips sharing, ctrl+r does and says so."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Label, Switch

from app.tui.app import TableSessionApp
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from sessions.models import SharedField
from tests.waiting import wait_until

from .test_checkin_screen import member_named, registered, session, type_text

__all__ = ["registered", "session"]  # fixtures shared with the check-in screen tests


async def open_card(pilot: Pilot[None], app: TableSessionApp, name: str) -> CardForm:
    await type_text(pilot, name)
    await pilot.press("ctrl+t")
    await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the card form")
    assert isinstance(app.screen, CardForm)
    return app.screen


async def test_tab_goes_field_to_field_and_never_lands_on_a_sharing_switch(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    form = await open_card(pilot, app, "Ruth Kowalski")
    fields = [widget.id for widget in form.query(Input)]
    visited = [app.focused.id if app.focused else None]
    for _ in fields[1:]:
        await pilot.press("tab")
        visited.append(app.focused.id if app.focused else None)
    assert visited == fields
    assert not any(switch.can_focus for switch in form.query(Switch))


async def test_typing_spaces_never_flips_sharing_and_ctrl_r_sets_it_visibly(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    ruth = member_named(app.store, "Ruth Kowalski")
    form = await open_card(pilot, app, "Ruth Kowalski")
    switches = {switch.id: switch.value for switch in form.query(Switch)}
    await pilot.press("tab", "tab")  # first name, last name, then on to the next field
    await pilot.press("space", "x", "space", "backspace", "backspace", "backspace")
    assert {switch.id: switch.value for switch in form.query(Switch)} == switches
    form.query_one("#card-email", Input).focus()
    await pilot.pause()
    was = form.query_one("#share-email", Switch).value
    await pilot.press("ctrl+r")
    await wait_until(pilot, lambda: form.query_one("#share-email", Switch).value is not was, "email sharing set")
    label = form.query_one("#share-email-label", Label)
    assert str(label.render()) == ("private" if was else "shared")
    assert str(form.query_one("#card-form-note").render()).startswith("Email: ")
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the card saved")
    saved = app.store.members.get(ruth.id or 0)
    assert saved.sharing.email is not was
    assert saved.sharing.chosen == {SharedField.EMAIL}  # only the switch changed is her own choice


async def test_business_cards_are_asked_for_on_the_card(
    session: tuple[TableSessionApp, Pilot[None], list[str]],
) -> None:
    app, pilot, _ = session
    ruth = member_named(app.store, "Ruth Kowalski")
    assert not ruth.own_card.wanted
    form = await open_card(pilot, app, "Ruth Kowalski")
    form.query_one("#card-own-cards", Checkbox).value = True
    await pilot.press("ctrl+s")
    await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the card saved")
    assert member_named(app.store, "Ruth Kowalski").own_card.wanted
    assert member_named(app.store, "Ruth Kowalski").sharing == ruth.sharing  # a separate choice
