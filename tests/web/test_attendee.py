"""The attendee page: find yourself by whole email or full name, confirm, or fill in a new card."""

from __future__ import annotations

from sessions.models import Meeting, Member, SharedField
from sessions.store import Store

from .conftest import Web


def checked_in(store: Store, meeting: Meeting) -> set[int]:
    assert meeting.id is not None
    return set(store.attendance.present_ids(meeting.id))


def find(web: Web, who: str) -> str:
    token = web.csrf(f"{web.base}/")
    answer = web.client.post(f"{web.base}/find", data={"csrf": token, "who": who})
    assert answer.status_code == 200
    return answer.text


def test_whole_email_shows_a_masked_confirmation_and_confirming_checks_in(
    web: Web, store: Store, meeting: Meeting, people: list[Member]
) -> None:
    olga = people[0]
    page = find(web, "OLGA.dubois@example.com")
    assert "Olga D." in page
    assert "o***@e***.com" in page
    assert "Dubois" not in page
    assert "olga.dubois@example.com" not in page
    token = web.csrf(f"{web.base}/")
    done = web.client.post(f"{web.base}/confirm", data={"csrf": token})
    assert done.status_code == 200
    assert "You’re checked in" in done.text or "You&rsquo;re checked in" in done.text
    assert "Welcome, Olga" in done.text
    assert olga.id in checked_in(store, meeting)
    assert olga.id in web.site.service.self_checked_in


def test_full_name_finds_the_person_accents_forgiven(web: Web, people: list[Member]) -> None:
    page = find(web, "kwame tran")
    assert "Kwame T." in page


def test_partial_name_or_email_prefix_reveals_nobody(web: Web, store: Store, meeting: Meeting) -> None:
    for partial in ("olga", "Dubois", "olga.dub", "@example.com", "o", "sabre"):
        page = find(web, partial)
        assert "No single match" in page
        for name in ("Olga", "Jordan", "Mei", "Kwame", "Renée", "Cher"):
            assert f"{name} " not in page.replace(partial, "")
    token = web.csrf(f"{web.base}/")
    # Nothing pending: confirming checks nobody in.
    web.client.post(f"{web.base}/confirm", data={"csrf": token})
    assert checked_in(store, meeting) == set()


def test_the_table_shows_once_seating_exists(web: Web, store: Store, meeting: Meeting, people: list[Member]) -> None:
    from sessions.models import Round, SeatingPlan, Table

    find(web, "mei.lindqvist@example.com")
    token = web.csrf(f"{web.base}/")
    page = web.client.post(f"{web.base}/confirm", data={"csrf": token}).text
    assert "once seating is ready" in page
    assert meeting.id is not None
    assert people[2].id is not None
    table = Table.of("7", [people[2].id])
    store.seating.save(SeatingPlan(meeting_id=meeting.id, rounds=(Round(number=1, tables=(table,)),)))
    again = web.client.get(f"{web.base}/done").text
    assert "Your table:" in again
    assert "<strong>7</strong>" in again


def new_card(web: Web, **fields: str) -> tuple[int, str]:
    token = web.csrf(f"{web.base}/new")
    answer = web.client.post(f"{web.base}/new", data={"csrf": token, **fields})
    return answer.status_code, answer.text


def test_the_new_card_form_defaults_email_and_phone_private(web: Web) -> None:
    page = web.client.get(f"{web.base}/new").text
    for private in ("share_email", "share_phone"):
        tag = page[page.index(f'name="{private}"') :].split(">", 1)[0]
        assert "checked" not in tag
    for shared in ("share_headline", "share_linkedin"):
        tag = page[page.index(f'name="{shared}"') :].split(">", 1)[0]
        assert "checked" in tag
    assert "the rest stays with the organisers" in page


def test_a_new_card_with_mixed_sharing_is_saved_as_chosen_and_checked_in(
    web: Web, store: Store, meeting: Meeting
) -> None:
    status, page = new_card(
        web,
        first_name="Ama",
        last_name="Owusu",
        email="ama.owusu@example.com",
        phone="214 555 0199",
        headline="Data analyst",
        share_email="on",
        share_linkedin="on",
    )
    assert status == 200, page
    assert "Welcome, Ama" in page
    ama = next(m for m in store.members.all() if m.first_name == "Ama")
    assert ama.id in checked_in(store, meeting)
    assert ama.sharing.email is True
    assert ama.sharing.phone is False
    assert ama.sharing.headline is False
    assert ama.sharing.linkedin is True
    # Every choice the person saw is theirs: no later import may widen them.
    assert all(ama.sharing.is_chosen(field) for field in SharedField)
    assert ama.phone == "+12145550199"


def test_a_bad_card_gets_the_apps_messages_and_keeps_what_was_typed(web: Web, store: Store, meeting: Meeting) -> None:
    from sessions.roster.card_fields import card_field, field_problem

    before = len(store.members.all())
    status, page = new_card(web, first_name="", last_name="Owusu", email="ama@", phone="12")
    assert status == 400
    for key, typed in (("first_name", ""), ("email", "ama@"), ("phone", "12")):
        problem = field_problem(card_field(key), typed, "US")
        assert problem is not None
        assert problem.replace("'", "&#39;") in page
    assert 'value="Owusu"' in page
    assert len(store.members.all()) == before
    assert checked_in(store, meeting) == set()


def test_typed_markup_is_escaped(web: Web) -> None:
    status, page = new_card(web, first_name="", last_name="<script>alert(1)</script>")
    assert status == 400
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
