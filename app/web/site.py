"""The pages: an attendee page at /TOKEN/ and a desk page at /DESK-TOKEN/desk behind a PIN.

A wrong or old token answers 404 like any unknown address. Every form carries the session's CSRF token;
an attendee page never shows anyone but the person who typed their own whole email or name, masked.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from starlette.applications import Starlette
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp

from sessions.errors import TablesessionError
from sessions.models import Sharing
from sessions.roster.card_fields import CardError, field_problem

from .guards import Clock, Limits, PinLock, RateLimiter, Session, Sessions
from .middleware import Guard, client_of
from .service import ATTENDEE_FIELDS, SelfService, masked_email, masked_name
from .tokens import MeetingTokens, same

HERE = Path(__file__).parent
COOKIE = "tablesession_sid"
CONSENT = (
    "Ticked items are shown to the other attendees (name cards, table sheets, contact exports); "
    "the rest stays with the organisers. Your name is always shown."
)


@dataclass
class Site:
    service: SelfService
    tokens: MeetingTokens
    pin: str
    limits: Limits = field(default_factory=Limits)
    clock: Clock = time.monotonic

    def __post_init__(self) -> None:
        self.sessions = Sessions(self.limits)
        self.pins = PinLock(self.limits, self.clock)
        self.limiter = RateLimiter(self.limits, self.clock)


TEMPLATES = Jinja2Templates(directory=str(HERE / "templates"))  # autoescape is on for .html


def _site(request: Request) -> Site:
    site: Site = request.app.state.site
    return site


def _attendee(request: Request) -> Site:
    site = _site(request)
    if not same(request.path_params["token"], site.tokens.attendee):
        raise HTTPException(404)
    return site


def _desk(request: Request) -> Site:
    site = _site(request)
    if not same(request.path_params["token"], site.tokens.desk):
        raise HTTPException(404)
    return site


def _session(request: Request, site: Site) -> tuple[str, Session, bool]:
    """The browser's session, or a new one (True when the cookie must be set)."""
    session_id = request.cookies.get(COOKIE)
    session = site.sessions.get(session_id)
    if session_id and session is not None:
        return session_id, session, False
    new_id, session = site.sessions.new()
    return new_id, session, True


def _page(
    request: Request, name: str, context: dict[str, Any], session: tuple[str, Session, bool], status: int = 200
) -> Response:
    session_id, state, fresh = session
    response = TEMPLATES.TemplateResponse(
        request, name, {"csrf": state.csrf, "token": request.path_params["token"], **context}, status_code=status
    )
    if fresh:
        _set_cookie(response, session_id)
    return response


def _set_cookie(response: Response, session_id: str) -> None:
    response.set_cookie(COOKIE, session_id, httponly=True, samesite="strict", path="/")


async def _posted(request: Request, site: Site) -> tuple[str, Session, FormData]:
    """The form of a POST from a page this server gave out: a known session and its CSRF token, or 403."""
    session_id = request.cookies.get(COOKIE) or ""
    session = site.sessions.get(session_id)
    form = await request.form(max_files=0, max_fields=40, max_part_size=site.limits.body_bytes)
    given = form.get("csrf")
    if session is None or not isinstance(given, str) or not same(given, session.csrf):
        raise HTTPException(403, "This page has expired: open the address again and retry.")
    return session_id, session, form


def _text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value if isinstance(value, str) else ""


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# -- attendee ------------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    site = _attendee(request)
    return _page(request, "find.html", {"meeting": site.service.meeting}, _session(request, site))


async def find(request: Request) -> Response:
    site = _attendee(request)
    session_id, session, form = await _posted(request, site)
    typed = _text(form, "who")[:200]
    member = site.service.find_exactly(typed)
    session.pending = member.id if member is not None else None
    context: dict[str, Any] = {"meeting": site.service.meeting, "typed": typed}
    if member is None:
        context["problem"] = (
            "No single match. Type your whole email address or your full name as you registered, "
            "or choose \u201cI\u2019m new here\u201d."
        )
        return _page(request, "find.html", context, (session_id, session, False))
    context |= {"name": masked_name(member), "email": masked_email(member.email)}
    return _page(request, "confirm.html", context, (session_id, session, False))


async def confirm(request: Request) -> Response:
    site = _attendee(request)
    _, session, _ = await _posted(request, site)
    if session.pending is None:
        return _see_other(f"/{site.tokens.attendee}/")
    site.service.check_in(session.pending, by_self=True)
    session.done, session.pending = session.pending, None
    return _see_other(f"/{site.tokens.attendee}/done")


async def done(request: Request) -> Response:
    site = _attendee(request)
    session = _session(request, site)
    member_id = session[1].done
    if member_id is None:
        return _see_other(f"/{site.tokens.attendee}/")
    member = site.service.member(member_id)
    context = {"first_name": member.first_name, "table": site.service.table_label(member_id)}
    return _page(request, "done.html", context, session)


def _card_context(values: dict[str, str], shared: dict[str, bool], problems: dict[str, str]) -> dict[str, Any]:
    rows = [
        {
            "key": f.key,
            "label": f.name,
            "required": f.label.endswith("*"),
            "kind": f.kind,
            "value": values.get(f.key, ""),
            "shared": None if f.shared is None else shared.get(f.shared.value, False),
            "share_name": "" if f.shared is None else f"share_{f.shared.value}",
            "problem": problems.get(f.key, ""),
        }
        for f in ATTENDEE_FIELDS
    ]
    return {"rows": rows, "consent": CONSENT}


async def new_form(request: Request) -> Response:
    site = _attendee(request)
    defaults = Sharing()
    shared = {f.shared.value: defaults.allows(f.shared) for f in ATTENDEE_FIELDS if f.shared is not None}
    return _page(request, "new.html", _card_context({}, shared, {}), _session(request, site))


async def new_card(request: Request) -> Response:
    site = _attendee(request)
    session_id, session, form = await _posted(request, site)
    values = {f.key: _text(form, f.key)[:2000] for f in ATTENDEE_FIELDS}
    shared = {f.shared.value: form.get(f"share_{f.shared.value}") == "on" for f in ATTENDEE_FIELDS if f.shared}
    typed = {f: values[f.key] for f in ATTENDEE_FIELDS}
    choices = {f.shared: shared[f.shared.value] for f in ATTENDEE_FIELDS if f.shared is not None}
    try:
        result = site.service.new_card(typed, choices)
    except CardError as error:
        region = site.service.region
        problems = {f.key: p for f in ATTENDEE_FIELDS if (p := field_problem(f, values[f.key], region))}
        context = _card_context(values, shared, problems) | {"problem": str(error)}
        return _page(request, "new.html", context, (session_id, session, False), status=400)
    session.done, session.pending = result.member.id, None
    return _see_other(f"/{site.tokens.attendee}/done")


# -- desk ----------------------------------------------------------------------------------------


async def desk(request: Request) -> Response:
    site = _desk(request)
    session = _session(request, site)
    state = session[1]
    if not state.desk:
        return _page(request, "pin.html", {}, session)
    typed = request.query_params.get("q", "")[:200]
    rows = site.service.search(typed) if typed.strip() else []
    flash, state.flash = state.flash, ""
    return _page(request, "desk.html", {"typed": typed, "rows": rows, "flash": flash}, session)


async def desk_pin(request: Request) -> Response:
    site = _desk(request)
    session_id, session, form = await _posted(request, site)
    client = client_of(request.scope)
    if site.pins.locked(client):
        context = {"problem": "Too many wrong PINs from this device; ask the facilitator."}
        return _page(request, "pin.html", context, (session_id, session, False), status=429)
    if not same(_text(form, "pin").strip(), site.pin):
        left = site.pins.failed(client)
        problem = f"Wrong PIN; {left} tries left." if left else "Too many wrong PINs from this device."
        return _page(request, "pin.html", {"problem": problem}, (session_id, session, False), status=403)
    site.pins.succeeded(client)
    # A fresh session for the unlocked desk, so a session id seen before the PIN opens nothing.
    site.sessions.drop(session_id)
    new_id, unlocked = site.sessions.new()
    unlocked.desk = True
    response = _see_other(f"/{site.tokens.desk}/desk")
    _set_cookie(response, new_id)
    return response


async def _desk_action(request: Request) -> tuple[Site, Session, FormData]:
    site = _desk(request)
    _, session, form = await _posted(request, site)
    if not session.desk:
        raise HTTPException(403, "Give the desk PIN first.")
    return site, session, form


def _member_id(form: FormData) -> int:
    text = _text(form, "member")
    if not text.isdigit():
        raise HTTPException(400, "No person chosen.")
    return int(text)


def _back(site: Site, form: FormData) -> RedirectResponse:
    query = _text(form, "q")
    suffix = f"?{urlencode({'q': query})}" if query else ""
    return _see_other(f"/{site.tokens.desk}/desk{suffix}")


async def desk_check_in(request: Request) -> Response:
    site, session, form = await _desk_action(request)
    try:
        result = site.service.check_in(_member_id(form), by_self=False)
    except TablesessionError as error:
        session.flash = str(error)
    else:
        name = result.member.full_name
        session.flash = f"{name} was already checked in." if result.already else f"Checked in: {name}."
    return _back(site, form)


async def desk_undo(request: Request) -> Response:
    site, session, form = await _desk_action(request)
    try:
        member = site.service.undo(_member_id(form))
    except TablesessionError as error:
        session.flash = str(error)
    else:
        session.flash = f"Check-in undone: {member.full_name}."
    return _back(site, form)


async def desk_walk_in(request: Request) -> Response:
    site, session, form = await _desk_action(request)
    try:
        result = site.service.walk_in(_text(form, "q")[:200])
    except TablesessionError as error:
        session.flash = str(error)
        return _back(site, form)
    session.flash = f"Walk-in added and checked in: {result.member.full_name}."
    return _see_other(f"/{site.tokens.desk}/desk")


async def not_found(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) and status != 404 else "Not found."
    return PlainTextResponse(detail, status_code=status)


def build_site(site: Site) -> ASGIApp:
    routes = [
        Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
        Route("/favicon.ico", lambda _request: Response(status_code=204)),  # browsers ask; nothing to show
        Route("/{token}/", home),
        Route("/{token}/find", find, methods=["POST"]),
        Route("/{token}/confirm", confirm, methods=["POST"]),
        Route("/{token}/done", done),
        Route("/{token}/new", new_form),
        Route("/{token}/new", new_card, methods=["POST"]),
        Route("/{token}/desk", desk),
        Route("/{token}/desk/pin", desk_pin, methods=["POST"]),
        Route("/{token}/desk/checkin", desk_check_in, methods=["POST"]),
        Route("/{token}/desk/undo", desk_undo, methods=["POST"]),
        Route("/{token}/desk/walkin", desk_walk_in, methods=["POST"]),
    ]
    app = Starlette(routes=routes, exception_handlers={HTTPException: not_found})
    app.state.site = site
    return Guard(app, limiter=site.limiter, max_body=site.limits.body_bytes)
