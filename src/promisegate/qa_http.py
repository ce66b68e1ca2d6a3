"""The `/qa` pages: sampled mail to review, a label form, and the scorecard.

Reviewers log in like approvers (the web session from `web/security.py`); when
`qa.reviewers` is set, only those logins may see and label the sample. Forms carry
the same signed CSRF field as the approval pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from promisegate.errors import ApprovalError
from promisegate.qa import DEFECTS, QaQueue, scorecard
from promisegate.qa_cli import scorecard_lines
from promisegate.web.keys import SECURITY
from promisegate.web.render import TEMPLATES as WEB_TEMPLATES

if TYPE_CHECKING:
    from promisegate.relay import Relay

QA_TEMPLATES = Path(__file__).resolve().parent / "qa_templates"
QA_QUEUE: web.AppKey[QaQueue] = web.AppKey("qa_queue", QaQueue)
QA_RELAY: web.AppKey[Any] = web.AppKey("qa_relay", object)

# Our templates first, then the web UI's, so QA pages extend its base.html.
_env = Environment(loader=ChoiceLoader([FileSystemLoader(QA_TEMPLATES), FileSystemLoader(WEB_TEMPLATES)]),
                   autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
_env.filters["when"] = lambda dt: dt.strftime("%Y-%m-%d %H:%M UTC") if dt else ""


def add_qa_routes(app: web.Application, relay: Relay) -> None:
    """Add `/qa`, `/qa/scorecard` and `POST /qa/{queue_id}/label` to the web UI built by `build_app`."""
    if SECURITY not in app:
        raise RuntimeError("add_qa_routes needs the web UI's session security; call it after build_app")
    app[QA_RELAY] = relay
    app[QA_QUEUE] = relay.qa
    app.router.add_get("/qa", qa_page)
    app.router.add_get("/qa/scorecard", scorecard_page)
    app.router.add_post("/qa/{queue_id}/label", label_action)


def _reviewer(request: web.Request) -> str:
    """The logged-in reviewer; GETs without a session go to the login page."""
    user = request.app[SECURITY].session_user(request)
    if not user:
        if request.method == "GET":
            raise web.HTTPSeeOther(f"/login?next={quote(request.path_qs)}")
        raise ApprovalError("log in first to label sampled mail")
    allowed = {r.strip().lower() for r in request.app[QA_RELAY].settings.qa.reviewers}
    if allowed and user.lower() not in allowed:
        raise ApprovalError(f"{user} is not a QA reviewer (qa.reviewers)")
    return str(user)


def _render(request: web.Request, template: str, **context: Any) -> web.Response:
    security = request.app[SECURITY]
    csrf, new_cookie = security.csrf_for(request)
    html = _env.get_template(template).render(user=security.session_user(request), csrf=csrf, **context)
    response = web.Response(text=html, content_type="text/html")
    if new_cookie:
        security.set_csrf_cookie(response, new_cookie)
    return response


async def qa_page(request: web.Request) -> web.StreamResponse:
    """Sampled messages, those still to review first, each with a label form."""
    _reviewer(request)
    samples = request.app[QA_QUEUE].samples()
    samples.sort(key=lambda s: s.reviewed)
    return _render(request, "qa.html", title="QA review", samples=samples, defects=DEFECTS,
                   rate=request.app[QA_RELAY].settings.qa.sample_rate)


async def scorecard_page(request: web.Request) -> web.StreamResponse:
    """The scorecard over the last `days` days (default 30)."""
    from datetime import UTC, datetime, timedelta

    _reviewer(request)
    try:
        days = max(1, min(3650, int(request.query.get("days", "30"))))
    except ValueError:
        days = 30
    relay = request.app[QA_RELAY]
    since = datetime.now(UTC) - timedelta(days=days)
    card = scorecard(relay.store, request.app[QA_QUEUE], since, relay.settings.data_path / "audit.sqlite3")
    return _render(request, "qa_scorecard.html", title="QA scorecard", card=card, days=days,
                   summary=list(scorecard_lines(card))[:5])


async def label_action(request: web.Request) -> web.StreamResponse:
    """Record a label from the form, then go back to the list."""
    reviewer = _reviewer(request)
    form = {k: str(v) for k, v in (await request.post()).items()}
    request.app[SECURITY].check_csrf(request, form)
    defect = form.get("defect", "")
    if defect not in DEFECTS:
        raise web.HTTPBadRequest(text=f"unknown defect {defect!r}")
    request.app[QA_QUEUE].label(request.match_info["queue_id"], defect, form.get("note", "")[:2000], reviewer)
    return web.Response(status=303, headers={"Location": "/qa"})
