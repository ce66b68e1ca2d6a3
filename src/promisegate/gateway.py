"""The SMTP gateway: authenticate, enforce limits, spool with fsync, reply 250 with the queue id.

Thin on purpose: analysis runs after the reply, on the spooled id, so a slow
calendar never holds a connection and a crash never loses accepted mail.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from typing import Any

from aiosmtpd.smtp import AuthResult, Envelope, LoginPassword, Session

from promisegate.config import Settings
from promisegate.errors import PromisegateError, smtp_reply

log = logging.getLogger(__name__)

Submit = Callable[..., Awaitable[str]]
ReplyHandler = Callable[[bytes, str, str], Awaitable[str]]


class Authenticator:
    """Checks AUTH PLAIN / LOGIN credentials against the configured agents."""

    def __init__(self, settings: Settings) -> None:
        self._accounts = {a.user: a.password for a in settings.agents}

    def __call__(self, server: Any, session: Session, envelope: Envelope, mechanism: str,
                 auth_data: Any) -> AuthResult:
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        user = auth_data.login.decode("utf-8", "replace")
        expected = self._accounts.get(user)
        ok = expected is not None and hmac.compare_digest(expected.encode(), auth_data.password)
        if not ok:
            log.warning("AUTH %s failed for user %r from %s", mechanism, user, session.peer)
        return AuthResult(success=ok, handled=False, auth_data=user if ok else None)


class GatewayHandler:
    """aiosmtpd handler: each handle_* method returns the SMTP reply string."""

    def __init__(self, settings: Settings, submit: Submit, approval_reply: ReplyHandler | None = None) -> None:
        self.settings = settings
        self.submit = submit
        self.approval_reply = approval_reply
        self._allow = [ipaddress.ip_network(n, strict=False) for n in settings.server.allow_unauthenticated]
        self._sent: dict[str, deque[float]] = defaultdict(deque)
        local = settings.approvals.address_local.lower()
        self._approval_prefix = f"{local}+"
        self._approval_domain = "@" + settings.server.hostname.lower()

    def _agent(self, session: Session) -> str:
        return str(session.auth_data) if session.authenticated and session.auth_data else ""

    def _allowed_client(self, session: Session) -> bool:
        host = session.peer[0] if isinstance(session.peer, tuple) else ""
        try:
            addr = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(addr in net for net in self._allow)

    def approval_token(self, address: str) -> str | None:
        """The token in an approve+TOKEN@hostname address, else None."""
        a = address.lower()
        if a.startswith(self._approval_prefix) and a.endswith(self._approval_domain):
            return address[len(self._approval_prefix): -len(self._approval_domain)]
        return None

    async def handle_MAIL(self, server: Any, session: Session, envelope: Envelope, address: str,
                          mail_options: list[str]) -> str:
        agent = self._agent(session) or (session.peer[0] if self._allowed_client(session) else "")
        if agent:
            window = self._sent[agent]
            now = time.monotonic()
            while window and now - window[0] > 60:
                window.popleft()
            if len(window) >= self.settings.server.rate_limit_per_minute:
                return (f"451 4.7.1 Rate limit: {agent} may send "
                        f"{self.settings.server.rate_limit_per_minute} messages per minute; try again later")
        envelope.mail_from = "" if address == "<>" else address  # null sender: never bounce to it
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Sender OK"

    async def handle_RCPT(self, server: Any, session: Session, envelope: Envelope, address: str,
                          rcpt_options: list[str]) -> str:
        token = self.approval_token(address)
        trusted = session.authenticated or self._allowed_client(session)
        if token is not None:
            if envelope.rcpt_tos and self.approval_token(envelope.rcpt_tos[0]) is None:
                return "452 4.5.3 Send approval replies in a message of their own"
        elif not trusted:
            return ("530 5.7.0 Authentication required: promisegate relays only for agents that log in "
                    "with AUTH (it is not an open relay)")
        elif envelope.rcpt_tos and self.approval_token(envelope.rcpt_tos[0]) is not None:
            return "452 4.5.3 Send approval replies in a message of their own"
        if len(envelope.rcpt_tos) >= self.settings.server.max_recipients:
            return f"452 4.5.3 Too many recipients (limit {self.settings.server.max_recipients})"
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(rcpt_options)
        return "250 2.1.5 Recipient OK"

    async def handle_DATA(self, server: Any, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        mail_from = envelope.mail_from or ""
        try:
            token = self.approval_token(envelope.rcpt_tos[0]) if envelope.rcpt_tos else None
            if token is not None:
                if self.approval_reply is None:
                    return "550 5.7.1 Approvals by reply are not enabled"
                outcome = await self.approval_reply(raw, mail_from, token)
                return f"250 2.0.0 {outcome}"
            agent = self._agent(session) or f"client:{session.peer[0]}"
            queue_id = await self.submit(raw, mail_from, tuple(envelope.rcpt_tos), agent=agent,
                                         client=str(session.peer[0]), helo=session.host_name or "")
        except PromisegateError as exc:
            log.warning("DATA refused: %s", exc)
            return smtp_reply(exc)
        except Exception:
            log.exception("DATA failed")
            return "451 4.3.0 Internal error, message not accepted; try again later"
        self._sent[agent].append(time.monotonic())
        return f"250 2.0.0 Ok: queued as {queue_id}"
