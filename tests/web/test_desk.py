"""The desk page behind the PIN: the same search, check-in, undo and walk-in as the app's check-in area."""

from __future__ import annotations

import asyncio
import re

import httpx

from sessions.models import Meeting, Member, SharedField
from sessions.store import Store

from .conftest import Web


def present(store: Store, meeting: Meeting) -> set[int]:
    assert meeting.id is not None
    return set(store.attendance.present_ids(meeting.id))


def post(web: Web, action: str, **data: str) -> str:
    token = web.csrf(f"{web.desk}?q=a")
    answer = web.client.post(f"{web.desk}/{action}", data={"csrf": token, **data})
    assert answer.status_code == 200, answer.text
    return answer.text


def test_the_desk_searches_checks_in_and_undoes(web: Web, store: Store, meeting: Meeting, people: list[Member]) -> None:
    web.unlock_desk()
    results = web.client.get(web.desk, params={"q": "sabre"}).text
    assert "Jordan Cohen" in results
    assert "Renée Moreau" in results
    assert "Olga" not in results
    jordan = people[1]
    page = post(web, "checkin", member=str(jordan.id), q="sabre")
    assert "Checked in: Jordan Cohen." in page
    assert jordan.id in present(store, meeting)
    assert "Undo" in page  # the row now offers to undo
    again = post(web, "checkin", member=str(jordan.id), q="sabre")
    assert "Jordan Cohen was already checked in." in again
    page = post(web, "undo", member=str(jordan.id), q="sabre")
    assert "Check-in undone: Jordan Cohen." in page
    assert jordan.id not in present(store, meeting)
    page = post(web, "undo", member=str(jordan.id), q="sabre")
    assert "nothing to undo" in page


def test_the_desk_adds_a_walk_in(web: Web, store: Store, meeting: Meeting) -> None:
    web.unlock_desk()
    page = post(web, "walkin", q="Ama Owusu")
    assert "Walk-in added and checked in: Ama Owusu." in page
    ama = next(m for m in store.members.all() if m.first_name == "Ama")
    assert ama.id in present(store, meeting)
    assert "type the walk-in" in post(web, "walkin", q="  ")


async def test_two_desks_and_the_app_at_once_check_nobody_in_twice(
    web: Web, store: Store, meeting: Meeting, people: list[Member]
) -> None:
    """Two desks on their own sessions and an attendee all press at once for the same people."""
    from app.web.site import build_site

    app = build_site(web.site)
    transport = httpx.ASGITransport(app=app)
    desks = [httpx.AsyncClient(transport=transport, base_url="http://desk") for _ in range(2)]

    async def unlocked(client: httpx.AsyncClient) -> str:
        page = await client.get(web.desk)
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token is not None
        await client.post(f"{web.desk}/pin", data={"csrf": token.group(1), "pin": web.site.pin})
        page = await client.get(web.desk, params={"q": "a"})
        token = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert token is not None
        return token.group(1)

    tokens = [await unlocked(client) for client in desks]
    presses = [
        desks[i % 2].post(f"{web.desk}/checkin", data={"csrf": tokens[i % 2], "member": str(member.id)})
        for i, member in enumerate(people * 3)
    ]
    answers = await asyncio.gather(*presses)
    assert all(answer.status_code == 303 for answer in answers)
    assert meeting.id is not None
    records = store.attendance.for_meeting(meeting.id)
    assert sorted(a.member_id for a in records if a.checked_in) == sorted(m.id for m in people if m.id)
    for client in desks:
        await client.aclose()


def test_the_desk_neither_shows_nor_finds_by_an_employer_kept_private(
    web: Web, store: Store, meeting: Meeting, people: list[Member]
) -> None:
    renee = people[4]
    store.members.update(renee.model_copy(update={"sharing": renee.sharing.choose(SharedField.EMPLOYERS, False)}))
    web.site.service.reload()
    web.unlock_desk()
    by_company = web.client.get(web.desk, params={"q": "sabre"}).text
    assert "Jordan Cohen" in by_company
    assert "Renée" not in by_company
    by_name = web.client.get(web.desk, params={"q": "renee"}).text
    assert "Renée Moreau" in by_name
    assert "Sabre" not in by_name
    assert "EDS" not in by_name
    assert "renee.moreau@example.com" not in by_name
