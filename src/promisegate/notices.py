"""Mail promisegate sends to approvers: hold notices, monitor notes and reply confirmations.

Bodies are Jinja2 templates under ``web/templates/mail``; this module fills in headers
(Reply-To carrying the reply token, Auto-Submitted so vacation responders stay quiet)
and turns findings into plain language with the flagged sentence quoted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from promisegate.config import Settings
from promisegate.spool import QueuedMessage

TEMPLATES = Path(__file__).resolve().parent / "web" / "templates"
_mail = Environment(loader=FileSystemLoader(TEMPLATES / "mail"), autoescape=False, undefined=StrictUndefined,
                    keep_trailing_newline=True)


def sender(settings: Settings) -> str:
    """The From address of notices."""
    return settings.approvals.notify_from or f"promisegate <promisegate@{settings.server.hostname}>"


def reply_address(settings: Settings, token: str) -> str:
    """approve+TOKEN@hostname: where a reply to a notice goes."""
    return f"{settings.approvals.address_local}+{token}@{settings.server.hostname}"


def human_duration(seconds: float) -> str:
    """'3 min', '5 h 20 min', '2 d 4 h': how long something has waited."""
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} h {minutes} min" if minutes else f"{hours} h"
    days, hours = divmod(hours, 24)
    return f"{days} d {hours} h" if hours else f"{days} d"


def finding_quote(finding: Mapping[str, Any], commitments: Sequence[Mapping[str, Any]] = ()) -> str:
    """The sentence a finding is about, from its evidence or the commitment at its offsets."""
    evidence = finding.get("evidence") or {}
    for key in ("sentence", "quote", "text"):
        value = evidence.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    nested = evidence.get("commitment")
    if isinstance(nested, Mapping) and nested.get("text"):
        return " ".join(str(nested["text"]).split())
    start = evidence.get("start")
    for c in commitments:
        if start is not None and c.get("start") == start:
            return " ".join(str(c.get("text", "")).split())
    return ""


def plain_findings(verdict: Mapping[str, Any] | None) -> list[dict[str, str]]:
    """Findings as {rule, message, quote}; the quote is dropped when the message already contains it."""
    verdict = verdict or {}
    commitments = verdict.get("commitments") or []
    out = []
    for f in verdict.get("findings") or []:
        quote = finding_quote(f, commitments)
        if quote and quote in " ".join(str(f.get("message", "")).split()):
            quote = ""
        out.append({"rule": str(f.get("rule", "")), "message": str(f.get("message", "")), "quote": quote,
                    "score": f.get("score", 0)})
    return out


def _base(settings: Settings, to: str, subject: str, qm: QueuedMessage) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender(settings)
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=settings.server.hostname)
    msg["Auto-Submitted"] = "auto-generated"
    msg["X-Promisegate-Queue-Id"] = qm.queue_id
    return msg


def _when(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def hold_notice(settings: Settings, qm: QueuedMessage, approver: str, tokens: Mapping[str, str], *,
                held_at: datetime, expires_at: datetime, now: datetime, deal: str = "",
                banner: str = "") -> EmailMessage:
    """The notice to one approver: what is held and why, with their own links and reply address."""
    base = settings.base_url
    links = {a: f"{base}/t/{tokens[a]}" for a in ("view", "approve", "reject", "edit")}
    prefix = "Escalated" if banner.startswith("ESCALATED") else ("Reminder" if banner else "Held")
    msg = _base(settings, approver, f"[promisegate] {prefix} for approval: {qm.subject}", qm)
    msg["Reply-To"] = reply_address(settings, tokens["reply"])
    body = _mail.get_template("held.txt").render(
        qm=qm, agent=qm.agent or qm.mail_from, approver=approver, links=links, deal=deal, banner=banner,
        held_at=_when(held_at), expires_at=_when(expires_at), waited=human_duration((now - held_at).total_seconds()),
        on_expiry=settings.approvals.on_expiry, reason=(qm.verdict or {}).get("reason", qm.reason),
        findings=plain_findings(qm.verdict),
    )
    msg.set_content(body)
    return msg


def monitor_notice(settings: Settings, qm: QueuedMessage, owner: str, deal: str = "") -> EmailMessage:
    """A short note to the owner SE about mail released with findings in monitor mode."""
    msg = _base(settings, owner, f"[promisegate] Sent with findings: {qm.subject}", qm)
    msg.set_content(_mail.get_template("monitor.txt").render(
        qm=qm, agent=qm.agent or qm.mail_from, deal=deal, findings=plain_findings(qm.verdict),
        history_url=f"{settings.base_url}/m/{qm.queue_id}",
    ))
    return msg


def confirmation_notice(settings: Settings, qm: QueuedMessage, approver: str, outcome: str,
                        reason: str = "") -> EmailMessage:
    """Tell an approver who replied by mail what their reply did."""
    msg = _base(settings, approver, f"[promisegate] {outcome.split(':')[0]}: {qm.subject}", qm)
    msg.set_content(_mail.get_template("confirmation.txt").render(
        qm=qm, approver=approver, outcome=outcome, reason=reason, at=_when(datetime.now(UTC)),
    ))
    return msg
