"""Helpers for end-to-end approval tests: send as the agent, read notices at the sink, drive the web UI."""

from __future__ import annotations

import html
import http.cookiejar
import re
import smtplib
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from tests.support import AGENT_PASSWORD, AGENT_USER, RunningServer, UpstreamSink, compose, wait_until

AGENT = "agent@seller.example"
BUYER = "sam@buyer.example"
MANAGER = "manager@seller.example"
DEPUTY = "deputy@seller.example"
PASSWORDS = {MANAGER: "manager-pass-1", DEPUTY: "deputy-pass-2"}
BODY = ("Hi Sam,\n\nThanks for the call. We will ship the SSO integration by Friday and I will send "
        "the SOC 2 report tomorrow.\n\nBest,\nAlex\n")
LINK = re.compile(r"(http://127\.0\.0\.1:\d+/t/[a-z2-7-]+)")


def settings_for(*approvers: str, **extra: Any) -> dict[str, Any]:
    """Overrides: every message held, these approver accounts (no deal, so all of them are told)."""
    return {"policy.mode": "draft-only", "approvers": [{"email": a, "password": PASSWORDS[a]} for a in approvers],
            **extra}


def send_held(server: RunningServer, subject: str = "SSO timeline") -> str:
    """Send one agent message over SMTP AUTH and wait until it is held."""
    msg = compose(subject=subject, body=BODY, sender=AGENT, to=BUYER)
    with smtplib.SMTP("127.0.0.1", server.smtp_port, timeout=10) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        code, text = client.sendmail(AGENT, [BUYER], msg.as_bytes()), b""
    assert code == {}, text
    qid = wait_until(lambda: next((m.queue_id for m in server.relay.store.list(("held",))
                                   if m.subject == subject), None), what="message to be held")
    return str(qid)


def notice_for(sink: UpstreamSink, approver: str, subject: str = "SSO timeline") -> EmailMessage:
    """The hold notice an approver received at the upstream sink."""
    found = wait_until(lambda: [m.message for m in sink.messages if approver in m.rcpts
                                and subject in str(m.message["Subject"])], what=f"notice to {approver}")
    return found[0]


def links(notice: EmailMessage) -> dict[str, str]:
    """view/approve/reject/edit URLs and the reply token of a notice."""
    out: dict[str, str] = {}
    for line in notice.get_content().splitlines():
        m = LINK.search(line)
        for label, action in (("View", "view"), ("Approve", "approve"), ("Reject", "reject"), ("Edit", "edit")):
            if m and line.startswith(label):
                out[action] = m.group(1)
    out["reply"] = str(notice["Reply-To"])
    return out


def delivered_to(sink: UpstreamSink, address: str) -> list[EmailMessage]:
    return [m.message for m in sink.messages if address in m.rcpts]


def reply(server: RunningServer, sender: str, reply_to: str, body: str) -> tuple[int, str]:
    """Reply to a notice by SMTP without AUTH, as an approver's mail client would."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = reply_to
    msg["Subject"] = "Re: held"
    msg.set_content(body)
    with smtplib.SMTP("127.0.0.1", server.smtp_port, timeout=10) as client:
        client.ehlo()
        client.mail(sender)
        code, text = client.rcpt(reply_to)
        assert code == 250, text
        code, text = client.data(msg.as_bytes())
    return code, text.decode()


@dataclass
class Page:
    status: int
    url: str
    text: str

    @property
    def plain(self) -> str:
        """The page text with HTML entities decoded."""
        return html.unescape(self.text)

    def form(self, form_id: str) -> tuple[str, dict[str, str]]:
        """(action URL, hidden fields) of a form on the page."""
        m = re.search(rf'<form method="post" action="([^"]+)"[^>]*id="{form_id}"', self.text)
        assert m, f"no form {form_id} on page:\n{self.text[:2000]}"
        start = self.text.index(m.group(0))
        end = self.text.index("</form>", start)
        hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', self.text[start:end]))
        return html.unescape(m.group(1)), {k: html.unescape(v) for k, v in hidden.items()}


class Browser:
    """A cookie-keeping HTTP client (urllib), so tests see exactly what a browser would."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _open(self, req: urllib.request.Request) -> Page:
        try:
            with self.opener.open(req, timeout=20) as resp:
                return Page(resp.status, resp.url, resp.read().decode())
        except urllib.error.HTTPError as exc:
            with exc:
                return Page(exc.code, exc.url or "", exc.read().decode())

    def get(self, url: str) -> Page:
        return self._open(urllib.request.Request(urllib.parse.urljoin(self.base, url)))

    def post(self, url: str, fields: dict[str, str]) -> Page:
        data = urllib.parse.urlencode(fields).encode()
        return self._open(urllib.request.Request(urllib.parse.urljoin(self.base, url), data=data, method="POST"))

    def submit(self, page: Page, form_id: str, **fields: str) -> Page:
        action, hidden = page.form(form_id)
        return self.post(action, {**hidden, **fields})

    def login(self, email: str) -> Page:
        page = self.get("/login")
        action, hidden = re.search(r'action="(/login)"', page.text).group(1), dict(  # type: ignore[union-attr]
            re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page.text))
        return self.post(action, {**hidden, "email": email, "password": PASSWORDS[email]})
