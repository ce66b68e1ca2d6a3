"""Page handlers: login, held queue, history, message view, token pages, ledger, and the POST actions."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime
from email import policy
from email.parser import BytesParser
from email.utils import getaddresses
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from aiohttp import web

from promisegate.deliver import MaildirOutbox
from promisegate.errors import ApprovalError, NotFound
from promisegate.web.keys import APPROVALS, RELAY, SECURITY
from promisegate.web.render import editable_body, findings_view, highlight, message_text, page, waited

if TYPE_CHECKING:
    from promisegate.approvals import ApprovalService
    from promisegate.relay import Relay
    from promisegate.spool import QueuedMessage

HISTORY_STATES = ("released", "deferred", "delivered", "rejected", "failed")
ACTIONS = ("approve", "reject", "edit")


def _svc(request: web.Request) -> ApprovalService:
    return request.app[APPROVALS]


def _relay(request: web.Request) -> Relay:
    return request.app[RELAY]  # type: ignore[no-any-return]


def _session(request: web.Request) -> str | None:
    return request.app[SECURITY].session_user(request)


def _user(request: web.Request) -> str:
    """The logged-in approver; GETs without a session go to the login page."""
    user = _session(request)
    if user:
        return user
    if request.method == "GET":
        raise web.HTTPSeeOther(f"/login?next={quote(request.path_qs)}")
    raise ApprovalError("log in as an approver first (or use the link from your notice)")


def _redirect(location: str) -> web.Response:
    return web.Response(status=303, headers={"Location": location})


def _safe_next(value: str) -> str:
    return value if value.startswith("/") and not value.startswith("//") and "\\" not in value else "/queue"


async def _form(request: web.Request) -> dict[str, str]:
    form = await request.post()
    fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    request.app[SECURITY].check_csrf(request, fields)
    return fields


# -- login ---------------------------------------------------------------------------------------
async def home(request: web.Request) -> web.StreamResponse:
    return _redirect("/queue" if _session(request) else "/login")


async def login_page(request: web.Request) -> web.StreamResponse:
    return page(request, "login.html", title="Log in", next=_safe_next(request.query.get("next", "/queue")))


async def login(request: web.Request) -> web.StreamResponse:
    form = await _form(request)
    security = request.app[SECURITY]
    email = security.check_password(form.get("email", ""), form.get("password", ""))
    nxt = _safe_next(form.get("next", "/queue"))
    if email is None:
        return page(request, "login.html", status=401, title="Log in", next=nxt,
                    error="Wrong email or password.", email=form.get("email", ""))
    response = _redirect(nxt)
    security.start_session(response, email)
    return response


async def logout(request: web.Request) -> web.StreamResponse:
    await _form(request)
    response = _redirect("/login")
    request.app[SECURITY].end_session(response)
    return response


# -- lists ---------------------------------------------------------------------------------------
def _rules(qm: QueuedMessage) -> list[str]:
    return sorted({str(f.get("rule", "")) for f in (qm.verdict or {}).get("findings") or []})


async def queue(request: web.Request) -> web.StreamResponse:
    """Held mail, longest waiting first, with filters by deal, agent, rule and minimum age."""
    _user(request)
    svc = _svc(request)
    held = [m for m in await asyncio.to_thread(_relay(request).store.list, ("held",), 2000) if m.kind == "agent"]
    now = svc.clock()
    rows = []
    for qm in held:
        hold = svc.holds.get(qm.queue_id)
        since = hold.held_at if hold else qm.updated_at
        rows.append({"qm": qm, "since": since, "waited": waited(since, now),
                     "hours": (now - since).total_seconds() / 3600, "rules": _rules(qm),
                     "expires": hold.expires_at if hold else None})
    q = request.query
    options = {"deal": sorted({r["qm"].deal_id or "" for r in rows} - {""}),
               "agent": sorted({r["qm"].agent for r in rows} - {""}),
               "rule": sorted({x for r in rows for x in r["rules"]})}
    if q.get("deal"):
        rows = [r for r in rows if r["qm"].deal_id == q["deal"]]
    if q.get("agent"):
        rows = [r for r in rows if r["qm"].agent == q["agent"]]
    if q.get("rule"):
        rows = [r for r in rows if q["rule"] in r["rules"]]
    try:
        min_age = float(q.get("age") or 0)
    except ValueError:
        min_age = 0.0
    rows = [r for r in rows if r["hours"] >= min_age]
    rows.sort(key=lambda r: r["since"])
    return page(request, "queue.html", title="Held mail", rows=rows, options=options, filters=dict(q))


async def history(request: web.Request) -> web.StreamResponse:
    """Mail that has left the hold: released, delivered, rejected or failed."""
    _user(request)
    items = await asyncio.to_thread(_relay(request).store.list, HISTORY_STATES, 300)
    return page(request, "history.html", title="History", items=[m for m in items if m.kind == "agent"])


async def outbox(request: web.Request) -> web.StreamResponse:
    """The local outbox, when no upstream is configured: released mail and the notices promisegate sent."""
    _user(request)
    upstream = _relay(request).upstream
    if not isinstance(upstream, MaildirOutbox):
        return page(request, "outbox.html", title="Outbox", entries=None, upstream=upstream.describe())
    entries = await asyncio.to_thread(upstream.entries)
    return page(request, "outbox.html", title="Outbox", path=str(upstream.path),
                entries=[(e, datetime.fromtimestamp(e.stored_at, UTC)) for e in entries])


async def outbox_message(request: web.Request) -> web.StreamResponse:
    """One message of the local outbox: its headers and text, with promisegate's own links clickable.

    A notice's links and reply address act for the approver it was sent to, so other approvers see
    them blanked out.
    """
    user = _user(request)
    key = request.match_info["key"]
    upstream = _relay(request).upstream
    raw = await asyncio.to_thread(upstream.get, key) if isinstance(upstream, MaildirOutbox) else None
    if raw is None:
        raise NotFound(f"no message {key!r} in the local outbox")
    msg = BytesParser(policy=policy.default).parsebytes(raw, headersonly=True)
    recipients = {a.lower() for _, a in getaddresses([str(msg["X-Promisegate-Envelope-To"] or msg["To"] or "")])}
    own = user.lower() in recipients
    headers = [(name, str(msg[name]) if own or name != "Reply-To" else "(the recipient's own reply address)")
               for name in _OUTBOX_HEADERS if msg[name] is not None]
    return page(request, "outbox_message.html", title=str(msg["Subject"] or "(no subject)"), headers=headers,
                segments=_own_links(editable_body(raw), _relay(request).settings.base_url, own))


_OUTBOX_HEADERS = ("From", "To", "Cc", "Reply-To", "Subject", "Date", "X-Promisegate-Envelope-To")


def _own_links(text: str, base_url: str, own: bool) -> list[tuple[str, str | None]]:
    """`text` cut into (run, link) pairs: links into this promisegate become clickable for their
    recipient (`own`) and are blanked out for anyone else."""
    out: list[tuple[str, str | None]] = []
    at = 0
    for m in re.finditer(re.escape(base_url.rstrip("/")) + r"/[^\s<>\"')]*", text):
        link = (m.group(), m.group()) if own else ("[a link for the recipient only]", None)
        out += [(text[at:m.start()], None), link]
        at = m.end()
    out.append((text[at:], None))
    return out


async def ledger_page(request: web.Request) -> web.StreamResponse:
    """Commitments already made on one deal."""
    _user(request)
    deal_id = request.match_info["deal_id"]
    deal = _svc(request).deal_of(deal_id)
    if deal is None:
        raise NotFound(f"no deal {deal_id!r}")
    ledger = getattr(_relay(request).context, "ledger", None)
    entries = list(await asyncio.to_thread(ledger.entries, deal.id)) if ledger is not None else []
    return page(request, "ledger.html", title=f"Ledger: {deal.name}", deal=deal,
                entries=[*deal.existing_commitments, *entries])


# -- one message ---------------------------------------------------------------------------------
def _message_context(request: web.Request, qm: QueuedMessage) -> dict[str, Any]:
    svc = _svc(request)
    verdict = qm.verdict or {}
    hold = svc.holds.get(qm.queue_id)
    since = hold.held_at if hold else qm.updated_at
    audit = getattr(_relay(request), "audit", None)
    events = audit.events(qm.queue_id) if audit is not None and hasattr(audit, "events") else []
    return {"qm": qm, "verdict": verdict, "deal": svc.deal_of(qm.deal_id), "events": events,
            "segments": highlight(message_text(qm.raw), verdict.get("commitments") or []),
            "commitments": verdict.get("commitments") or [], "findings": findings_view(verdict),
            "body": editable_body(qm.raw), "waited": waited(since, svc.clock()), "hold": hold,
            "title": qm.subject or "(no subject)"}


async def message_page(request: web.Request) -> web.StreamResponse:
    user = _user(request)
    qm = await asyncio.to_thread(_relay(request).store.get, request.match_info["queue_id"])
    _relay(request).audit.record("viewed", qm.queue_id, actor=user, via="web", address=request.remote or "")
    base = f"/m/{qm.queue_id}"
    forms = {a: f"{base}/{a}" for a in ACTIONS} if qm.state == "held" else {}
    return page(request, "message.html", forms=forms, link_action=None, **_message_context(request, qm))


async def token_page(request: web.Request) -> web.StreamResponse:
    """The page a notice link opens: shows the message; the buttons POST, GET never acts."""
    svc = _svc(request)
    auth = await svc.open(request.match_info["token"], None, request.remote or "")
    forms: dict[str, str] = {}
    if auth.message.state == "held":
        now = svc.clock()
        for action, tok in svc.tokens.siblings(auth.token.grant_id).items():
            if action in ACTIONS and tok.used_at is None and tok.expires_at > now:
                forms[action] = f"/t/{tok.token}"
    return page(request, "message.html", forms=forms, link_action=auth.token.action, approver=auth.token.approver,
                **_message_context(request, auth.message))


async def _result(request: web.Request, qm: QueuedMessage, outcome: str, verdict: Any = None) -> web.Response:
    return page(request, "result.html", title=outcome, qm=qm, outcome=outcome,
                verdict=verdict.to_json() if verdict is not None else None,
                findings=findings_view(verdict.to_json()) if verdict is not None else [])


async def _act(request: web.Request, action: str, token: str | None, queue_id: str | None,
               form: dict[str, str]) -> web.Response:
    svc = _svc(request)
    address = request.remote or ""
    reason, text = form.get("reason", ""), form.get("text", "").replace("\r\n", "\n")
    if token is None:  # logged-in approver: a token is minted for them and used at once
        assert queue_id is not None
        user = _user(request)
        result = await svc.act_as(queue_id, user, action, "web", reason=reason, text=text, address=address)
    else:
        queue_id = svc.tokens.lookup(token).queue_id
        user = _session(request) or svc.tokens.lookup(token).approver
        if action == "approve":
            result = await svc.approve(token, user, "web", address)
        elif action == "reject":
            result = await svc.reject(token, user, reason, "web", address)
        elif action == "edit":
            result = await svc.edit(token, text, user, "web", address)
        else:
            await svc.authorize(token, ACTIONS, user)  # explains why this link cannot act
            raise ApprovalError("this link cannot act on the message")
    if action == "edit":
        qm = await asyncio.to_thread(_relay(request).store.get, queue_id)
        return await _result(request, qm, "Edited, re-checked and released", result)
    word = "Approved: released for delivery" if action == "approve" else "Rejected: the agent was told why"
    return await _result(request, result, word)


async def message_action(request: web.Request) -> web.StreamResponse:
    _user(request)
    action = request.match_info["action"]
    if action not in ACTIONS:
        raise NotFound(f"no action {action!r}")
    form = await _form(request)
    return await _act(request, action, None, request.match_info["queue_id"], form)


async def token_action(request: web.Request) -> web.StreamResponse:
    form = await _form(request)
    token = request.match_info["token"]
    tok = _svc(request).tokens.lookup(token)
    return await _act(request, tok.action, token, None, form)


async def action_get(request: web.Request) -> web.StreamResponse:
    """GET on an action address never acts; it says how to act instead."""
    response = page(request, "error.html", status=405, title="Use the button",
                    message="Opening this address does nothing. Approve, edit or reject with the buttons "
                            f"on the message page: /m/{request.match_info['queue_id']}")
    response.headers["Allow"] = "POST"
    return response
