"""ASGI layers around every page: security headers, a cap on request bodies, a rate limit per client."""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .guards import RateLimiter

HEADERS: tuple[tuple[bytes, bytes], ...] = (
    # No inline script or style anywhere: a page that somehow held injected markup still runs nothing.
    (b"content-security-policy", b"default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),  # the token is in the path: never pass it on to another site
    (b"x-content-type-options", b"nosniff"),
    (b"cache-control", b"no-store"),  # pages hold names; a shared phone's history should not keep them
)


def client_of(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


async def _plain(send: Send, status: int, text: str) -> None:
    body = text.encode()
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": [*headers, *HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Headers on every response; 429 past the client's rate; 413 for a body over `max_body` bytes."""

    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, max_body: int) -> None:
        self.app = app
        self.limiter = limiter
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.limiter.allow(client_of(scope)):
            await _plain(send, 429, "Too many requests; wait a moment and try again.")
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_body):
            await _plain(send, 413, "That was too much to send.")
            return
        # The body is read here, whole, before the page sees it: one chunked past the cap is refused
        # without ever reaching a form parser. A card form is a few hundred bytes.
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            body += message.get("body", b"")
            more = bool(message.get("more_body", False))
            if len(body) > self.max_body:
                await _plain(send, 413, "That was too much to send.")
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in HEADERS}
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*kept, *HEADERS]}
            await send(message)

        await self.app(scope, replay, send_with_headers)
