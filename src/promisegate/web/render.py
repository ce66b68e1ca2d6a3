"""Turning messages and verdicts into what the pages show: highlighted text, findings, waits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from promisegate.errors import ParseError
from promisegate.notices import human_duration, plain_findings
from promisegate.parse import html_to_text, parse_message
from promisegate.web.keys import SECURITY

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]),
                  trim_blocks=True, lstrip_blocks=True)
env.filters["duration"] = human_duration
env.filters["when"] = lambda dt: dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC") if dt else ""


@dataclass(frozen=True)
class Segment:
    """A run of message text; `mark` is the commitment index when the run is a commitment."""

    text: str
    mark: int | None = None
    kind: str = ""


def highlight(text: str, commitments: Sequence[Mapping[str, Any]]) -> list[Segment]:
    """Split text into plain and commitment runs using the verdict's start/end offsets."""
    spans = sorted(
        ((int(c["start"]), int(c["end"]), i, str(c.get("kind", "")))
         for i, c in enumerate(commitments)
         if isinstance(c.get("start"), int) and isinstance(c.get("end"), int)
         and 0 <= c["start"] < c["end"] <= len(text)),
    )
    out: list[Segment] = []
    pos = 0
    for start, end, index, kind in spans:
        if start < pos:  # overlapping spans: the first one wins
            continue
        if start > pos:
            out.append(Segment(text[pos:start]))
        out.append(Segment(text[start:end], index, kind))
        pos = end
    if pos < len(text):
        out.append(Segment(text[pos:]))
    return out


def message_text(raw: bytes) -> str:
    """The text the checker saw (its own subject first; quoted reply and signature removed, the quoted questions an
    inline reply answers kept): what offsets point into."""
    try:
        return parse_message(raw).extraction_text
    except ParseError:
        return ""


def editable_body(raw: bytes) -> str:
    """The whole text/plain body (or HTML rendered as text), for the edit box."""
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(msg, EmailMessage)
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    return content if part.get_content_type() == "text/plain" else html_to_text(content)


def findings_view(verdict: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Findings for the page, each with the commitment it points at (for the highlight link)."""
    verdict = verdict or {}
    commitments = verdict.get("commitments") or []
    out = []
    for raw, plain in zip(verdict.get("findings") or [], plain_findings(verdict), strict=True):
        evidence = raw.get("evidence") or {}
        target = next((i for i, c in enumerate(commitments)
                       if evidence.get("start") is not None and c.get("start") == evidence.get("start")), None)
        out.append({**plain, "target": target, "escalate": bool(raw.get("escalate"))})
    return out


def waited(since: datetime, now: datetime | None = None) -> str:
    return human_duration(((now or datetime.now(UTC)) - since).total_seconds())


def page(request: web.Request, template: str, status: int = 200, **context: Any) -> web.Response:
    """Render a page with the current user and a CSRF field; sets the CSRF cookie when new."""
    security = request.app[SECURITY]
    csrf, new_cookie = security.csrf_for(request)
    html = env.get_template(template).render(user=security.session_user(request), csrf=csrf, **context)
    response = web.Response(text=html, status=status, content_type="text/html")
    if new_cookie:
        security.set_csrf_cookie(response, new_cookie)
    return response
