"""The aiohttp application approvers use: `build_app(relay, approvals)`.

Nothing here acts on GET: pages show and link, forms POST with a CSRF field. Message
content needs a login (approver accounts in ``[[approvers]]``) or a valid token in the URL.
The server adds ``/healthz`` and ``/metrics`` after building; those paths stay free here.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from aiohttp import web

from promisegate.errors import PromisegateError, http_status
from promisegate.web import views
from promisegate.web.keys import APPROVALS, RELAY, SECURITY
from promisegate.web.render import STATIC, page
from promisegate.web.security import WebSecurity

if TYPE_CHECKING:
    from promisegate.approvals import ApprovalService
    from promisegate.relay import Relay

log = logging.getLogger(__name__)
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Token URLs must never leak to another site through Referer.
    "Referrer-Policy": "no-referrer",
}


@web.middleware
async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn refusals into clear pages, and set security headers."""
    try:
        response = await handler(request)
    except PromisegateError as exc:
        status = http_status(exc)
        if status >= 500:
            log.exception("web request failed: %s %s", request.method, request.path)
        response = page(request, "error.html", status=status, title="Refused" if status < 500 else "Error",
                        message=str(exc))
    except web.HTTPException as exc:
        if exc.status < 400 or exc.status in (401,):
            raise
        response = page(request, "error.html", status=exc.status, title=exc.reason,
                        message=exc.text if exc.text and not exc.text.startswith(str(exc.status)) else exc.reason)
    if not request.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "no-store")
    for key, value in _HEADERS.items():
        response.headers.setdefault(key, value)
    return response


def build_app(relay: Relay, approvals: ApprovalService) -> web.Application:
    """The web UI over one relay and its approval service."""
    app = web.Application(middlewares=[guard], client_max_size=2 * 1024 * 1024)
    app[RELAY] = relay
    app[APPROVALS] = approvals
    app[SECURITY] = WebSecurity(approvals.secret, relay.settings.approvers,
                                  secure=relay.settings.base_url.startswith("https://"))
    r = app.router
    r.add_get("/", views.home)
    r.add_get("/login", views.login_page)
    r.add_post("/login", views.login)
    r.add_post("/logout", views.logout)
    r.add_get("/queue", views.queue)
    r.add_get("/history", views.history)
    r.add_get("/outbox", views.outbox)
    r.add_get("/outbox/{key}", views.outbox_message)
    r.add_get("/m/{queue_id}", views.message_page)
    r.add_post("/m/{queue_id}/{action}", views.message_action)
    r.add_get("/m/{queue_id}/{action}", views.action_get)
    r.add_get("/t/{token}", views.token_page)
    r.add_post("/t/{token}", views.token_action)
    r.add_get("/deals/{deal_id}/ledger", views.ledger_page)
    r.add_static("/static/", STATIC, append_version=False)
    return app
