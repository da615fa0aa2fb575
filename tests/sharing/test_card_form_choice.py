"""A sharing choice made in the card form outranks the registration file, however often it is imported again."""

from __future__ import annotations

from textual.widgets import Input, Switch

from app.tui.app import create_app
from app.tui.screens.card_form import CardForm
from app.tui.screens.checkin import CheckinScreen
from sessions.models import Meeting, Member, SharedField
from sessions.roster import import_roster
from sessions.store import Store
from sessions.timekeeping import FakeClock
from tests.checkin.support import FixtureFiles
from tests.waiting import wait_until


def kwame(store: Store) -> Member:
    return next(m for m in store.members.all() if m.full_name == "Kwame Brown")


async def test_email_made_private_on_the_card_stays_private_when_the_form_is_imported_again(
    store: Store, meeting: Meeting, clock: FakeClock
) -> None:
    import_roster(store, FixtureFiles.GOOGLE_FORMS, meeting=meeting, now=clock.now())
    assert kwame(store).sharing.email  # the form's "Email, LinkedIn"
    app = create_app(store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("f3")
        await wait_until(pilot, lambda: isinstance(app.screen, CheckinScreen), "the check-in area")
        search = app.screen.query_one("#checkin-search", Input)
        search.value = "kwame brown"
        await pilot.pause()
        await pilot.press("ctrl+t")
        await wait_until(pilot, lambda: isinstance(app.screen, CardForm), "the card form")
        await pilot.click("#share-email")
        await wait_until(pilot, lambda: not app.screen.query_one("#share-email", Switch).value, "the switch")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not kwame(store).sharing.email, "the card saved")
    again = import_roster(store, FixtureFiles.GOOGLE_FORMS, meeting=meeting, now=clock.now())

    after = kwame(store)
    assert not after.sharing.email
    assert after.sharing.linkedin
    assert all(note.name != "Kwame Brown" for note in again.updated)  # no "changed sharing"
    (warning,) = [note for note in again.warnings if note.name == "Kwame Brown"]
    assert warning.row == 2
    assert warning.message == "kept Kwame Brown's email private: chosen on their card; the file would share it"
    assert after.sharing.chosen == {SharedField.EMAIL}  # only the switch that was moved is the person's own choice
