"""Every refusal the pages make: wrong tokens, missing CSRF, the desk PIN and its lockout, rate limits,
oversized bodies, and the headers on every answer."""

from __future__ import annotations

from app.web.guards import Limits
from app.web.tokens import MeetingTokens
from sessions.models import Meeting, Member
from sessions.store import Store
from sessions.timekeeping import FakeClock

from .conftest import PIN, SECRET, Web, make_web


def test_a_wrong_or_old_token_gets_404_everywhere(web: Web, meeting: Meeting) -> None:
    assert meeting.id is not None
    old = MeetingTokens.for_meeting(SECRET, meeting.id + 1)  # last week's meeting
    wrong = [old.attendee, old.desk, "x" * 22, web.site.tokens.attendee[:-1]]
    for token in wrong:
        for path in ("/", "/new", "/done", "/desk"):
            assert web.client.get(f"/{token}{path}").status_code == 404
        for path in ("/find", "/confirm", "/new", "/desk/pin", "/desk/checkin"):
            assert web.client.post(f"/{token}{path}", data={}).status_code == 404
    # Each token opens only its own page.
    assert web.client.get(f"/{web.site.tokens.attendee}/desk").status_code == 404
    assert web.client.get(f"/{web.site.tokens.desk}/").status_code == 404
    assert web.client.get("/").status_code == 404


def test_tokens_are_128_bits_and_differ_per_meeting() -> None:
    first, second = MeetingTokens.for_meeting(SECRET, 1), MeetingTokens.for_meeting(SECRET, 2)
    assert len({first.attendee, first.desk, second.attendee, second.desk}) == 4
    assert all(len(t) == 22 for t in (first.attendee, first.desk))  # 16 bytes in base64url


def test_every_form_needs_its_csrf_token(web: Web, store: Store, meeting: Meeting) -> None:
    web.csrf(f"{web.base}/")  # a session cookie, but no token sent with the forms below
    assert meeting.id is not None
    posts = {
        f"{web.base}/find": {"who": "olga.dubois@example.com"},
        f"{web.base}/confirm": {},
        f"{web.base}/new": {"first_name": "Ama"},
        f"{web.desk}/pin": {"pin": PIN},
        f"{web.desk}/checkin": {"member": "1"},
        f"{web.desk}/undo": {"member": "1"},
        f"{web.desk}/walkin": {"q": "Ama Owusu"},
    }
    for path, data in posts.items():
        assert web.client.post(path, data=data).status_code == 403, path
        assert web.client.post(path, data={**data, "csrf": "forged"}).status_code == 403, path
    # Without the session cookie a copied token is worthless too.
    token = web.csrf(f"{web.base}/")
    web.client.cookies.clear()
    assert web.client.post(f"{web.base}/find", data={"csrf": token, "who": "x"}).status_code == 403
    assert not store.attendance.present_ids(meeting.id)
    assert len(store.members.all()) == 6


def test_the_desk_needs_the_pin_and_locks_out_after_five_wrong_tries(
    web: Web, store: Store, meeting: Meeting, people: list[Member]
) -> None:
    assert "Desk PIN" in web.client.get(web.desk).text
    token = web.csrf(web.desk)
    # Before the PIN, a desk action with a valid CSRF token is refused.
    refused = web.client.post(f"{web.desk}/checkin", data={"csrf": token, "member": str(people[0].id)})
    assert refused.status_code == 403
    for left in (4, 3, 2, 1):
        answer = web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": "000000"})
        assert answer.status_code == 403
        assert f"{left} tries left" in answer.text
    assert web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": "000001"}).status_code == 403
    # Locked: even the right PIN is refused now.
    locked = web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": PIN})
    assert locked.status_code == 429
    assert "Too many wrong PINs" in locked.text
    assert meeting.id is not None
    assert not store.attendance.present_ids(meeting.id)


def test_the_lockout_ends_after_its_time(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    web = make_web(store, meeting, clock)
    token = web.csrf(web.desk)
    for _ in range(5):
        web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": "999999"})
    assert web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": PIN}).status_code == 429
    clock.advance(Limits().lockout_seconds + 1)
    opened = web.client.post(f"{web.desk}/pin", data={"csrf": token, "pin": PIN}, follow_redirects=False)
    assert opened.status_code == 303


def test_a_client_past_its_rate_gets_429(store: Store, meeting: Meeting, clock: FakeClock) -> None:
    web = make_web(store, meeting, clock, Limits(burst=5, per_second=1))
    codes = [web.client.get(f"{web.base}/").status_code for _ in range(8)]
    assert codes[:5] == [200] * 5
    assert codes[5:] == [429] * 3
    clock.advance(2)
    assert web.client.get(f"{web.base}/").status_code == 200


def test_an_oversized_body_is_refused(web: Web, store: Store) -> None:
    token = web.csrf(f"{web.base}/new")
    answer = web.client.post(f"{web.base}/new", data={"csrf": token, "first_name": "A" * 20_000})
    assert answer.status_code == 413
    chunked = web.client.post(
        f"{web.base}/new", content=iter([b"csrf=" + token.encode(), b"&notes=" + b"x" * 20_000]),
        headers={"content-type": "application/x-www-form-urlencoded"},
    )  # fmt: skip
    assert chunked.status_code == 413
    assert len(store.members.all()) == 6


def test_every_answer_carries_the_security_headers(web: Web) -> None:
    for path in (f"{web.base}/", f"{web.base}/new", web.desk, "/nowhere", "/static/style.css"):
        headers = web.client.get(path).headers
        csp = headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
    web.client.cookies.clear()
    page = web.client.get(f"{web.base}/")
    assert "<script" not in page.text
    assert "style=" not in page.text
    cookie = page.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
