"""Approving, editing and rejecting held mail: one code path for links, the web UI and replies.

Every way an approver acts ends in `ApprovalService.approve`, `reject` or `edit` with a
token: the web page POSTs the token from its link, a logged-in approver gets a token minted
for the action, and a reply to ``approve+TOKEN@host`` uses the token in the address. Refusals
raise `ApprovalError` with a message written for the person refused.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from promisegate import notices
from promisegate.approval_holds import HoldTable
from promisegate.approval_tokens import ApprovalToken, TokenStore, load_secret
from promisegate.errors import ApprovalError, NotFound
from promisegate.spool import QueuedMessage

if TYPE_CHECKING:
    from promisegate.model import Verdict
    from promisegate.relay import Relay

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Authorized:
    """A checked token and the held message it is for."""

    token: ApprovalToken
    message: QueuedMessage


def _email(person: Any) -> str:
    return str(getattr(person, "email", person) or "").strip().lower()


class ApprovalService:
    """Tokens, notices, decisions, replies and the expiry/escalation sweep."""

    def __init__(self, relay: Relay, secret: bytes | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.relay = relay
        self.settings = relay.settings
        self.secret = secret or load_secret(self.settings.data_path / "secret.key")
        self.tokens = TokenStore(relay.store.connect, self.secret)
        self.holds = HoldTable(relay.store.connect)
        self.clock = clock or (lambda: datetime.now(UTC))
        self.notifier = HoldNotifier(self)

    # -- who decides -----------------------------------------------------------------------------
    def deal_of(self, deal_id: str | None) -> Any:
        """The deal a message belongs to, or None."""
        deals = getattr(getattr(self.relay, "context", None), "deals", None)
        if not deal_id or deals is None:
            return None
        try:
            return deals.get(deal_id)
        except NotFound:
            return None

    def fallback_approvers(self) -> list[str]:
        """Configured approver accounts: who decides when a message has no deal, and the escalation tail."""
        return [e for e in (_email(a.get("email", "")) for a in self.settings.approvers) if e]

    def approvers_for(self, qm: QueuedMessage) -> tuple[list[str], list[str]]:
        """(told first, escalation chain after them) for one message."""
        deal = self.deal_of(qm.deal_id)
        first: list[str] = []
        if deal is not None:
            first = [_email(deal.owner), *(_email(a) for a in deal.approvers)]
        first = list(dict.fromkeys(e for e in first if e)) or self.fallback_approvers()
        rest = [e for e in self.fallback_approvers() if e not in first]
        return first, rest

    # -- tokens ----------------------------------------------------------------------------------
    def deadline(self, queue_id: str) -> datetime:
        """When the hold of a message expires (tokens expire with it)."""
        hold = self.holds.get(queue_id)
        if hold is not None:
            return hold.expires_at
        return self.clock() + timedelta(hours=self.settings.approvals.token_ttl_hours)

    def issue(self, queue_id: str, approver: str, action: str) -> str:
        """A token for one message, one approver and one action, expiring with the hold."""
        return self.tokens.issue(queue_id, approver, action, self.deadline(queue_id), now=self.clock())

    async def _message(self, queue_id: str) -> QueuedMessage:
        return await asyncio.to_thread(self.relay.store.get, queue_id)

    async def authorize(self, token: str, actions: Collection[str] | None, actor: str | None) -> Authorized:
        """Check a token for an action by an actor without using it; raises ApprovalError saying why not."""
        tok = self.tokens.lookup(token)
        if tok.used_at is not None:
            by = f" by {tok.used_by}" if tok.used_by and tok.used_by != "system" else ""
            raise ApprovalError(f"this approval link was already used{by} at "
                                f"{tok.used_at:%Y-%m-%d %H:%M} UTC ({tok.used_via}); it works only once")
        if self.clock() >= tok.expires_at:
            raise ApprovalError(f"this approval link expired at {tok.expires_at:%Y-%m-%d %H:%M} UTC")
        if actions is not None and tok.action not in actions:
            names = sorted(actions, key=("approve", "reject", "edit", "reply", "view").index)
            wanted = " or ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            raise ApprovalError(f"this is a {tok.action!r} link; it cannot be used to {wanted}")
        if actor is not None and actor.strip().lower() != tok.approver:
            raise ApprovalError(f"this approval link was issued to another approver, not to {actor}")
        try:
            qm = await self._message(tok.queue_id)
        except NotFound as exc:
            raise ApprovalError(f"message {tok.queue_id} no longer exists") from exc
        if actions is not None and qm.state != "held":
            raise ApprovalError(f"message {qm.queue_id} is no longer held: it is {qm.state}")
        return Authorized(tok, qm)

    async def open(self, token: str, actor: str | None, address: str = "") -> Authorized:
        """For GET: any unused, unexpired token lets its approver see the message; records `viewed`."""
        auth = await self.authorize(token, None, actor)
        self.relay.audit.record("viewed", auth.message.queue_id, actor=auth.token.approver, via="web",
                                address=address, link=auth.token.action)
        return auth

    def _decided(self, queue_id: str, what: str) -> None:
        self.tokens.void_message(queue_id, what, now=self.clock())
        self.holds.close(queue_id, self.clock())

    # -- decisions (the one code path) ---------------------------------------------------------
    async def approve(self, token: str, actor: str, via: str, address: str = "") -> QueuedMessage:
        """Release a held message for delivery."""
        auth = await self.authorize(token, {"approve", "reply"}, actor)
        self.tokens.consume(auth.token, actor, via, now=self.clock())
        qid = auth.message.queue_id
        self.relay.audit.record("approved", qid, actor=actor, via=via, address=address, link=auth.token.action)
        await self._relay_call(self.relay.release(qid, actor, via))
        self._decided(qid, f"approved by {actor}")
        return await self._message(qid)

    async def reject(self, token: str, actor: str, reason: str, via: str, address: str = "") -> QueuedMessage:
        """Reject a held message; the agent is told the reason (the relay records `rejected`)."""
        auth = await self.authorize(token, {"reject", "reply"}, actor)
        reason = " ".join(reason.split()) or "rejected by the approver (no reason given)"
        self.tokens.consume(auth.token, actor, via, now=self.clock())
        qid = auth.message.queue_id
        await self._relay_call(self.relay.reject(qid, actor, reason, via))
        self._decided(qid, f"rejected by {actor}")
        return await self._message(qid)

    async def edit(self, token: str, new_text: str, actor: str, via: str, address: str = "") -> Verdict:
        """Replace the text, re-check and release (the relay records `edited` with the diff)."""
        if not new_text.strip():
            raise ApprovalError("the edited text is empty; reject the message instead")
        auth = await self.authorize(token, {"edit"}, actor)
        self.tokens.consume(auth.token, actor, via, now=self.clock())
        qid = auth.message.queue_id
        verdict = await self._relay_call(self.relay.edit_and_release(qid, new_text, actor, via))
        self._decided(qid, f"edited and released by {actor}")
        return verdict

    async def act_as(self, queue_id: str, actor: str, action: str, via: str, *, reason: str = "",
                     text: str = "", address: str = "") -> Any:
        """A logged-in approver acts on a message: mint a token for them and take the same path."""
        token = self.issue(queue_id, actor, action)
        if action == "approve":
            return await self.approve(token, actor, via, address)
        if action == "reject":
            return await self.reject(token, actor, reason, via, address)
        if action == "edit":
            return await self.edit(token, text, actor, via, address)
        raise ApprovalError(f"unknown action {action!r}")

    @staticmethod
    async def _relay_call(coro: Any) -> Any:
        try:
            return await coro
        except NotFound as exc:  # the relay says the message is not held (any more)
            raise ApprovalError(str(exc)) from exc

    # -- replies ---------------------------------------------------------------------------------
    async def handle_reply(self, raw: bytes, mail_from: str, token: str) -> str:
        """A reply to approve+TOKEN@host: the first word decides; returns a one-line outcome."""
        from promisegate.approval_reply import handle_reply

        return await handle_reply(self, raw, mail_from, token)

    # -- notices ---------------------------------------------------------------------------------
    async def notify(self, qm: QueuedMessage, people: list[str], *, banner: str = "",
                     now: datetime | None = None, **details: Any) -> None:
        """Send each person their own notice (tokens bound to them) and record `notified`."""
        now = now or self.clock()
        hold = self.holds.get(qm.queue_id) or self.holds.open(
            qm.queue_id, now, now + timedelta(hours=self.settings.approvals.token_ttl_hours))
        deal = self.deal_of(qm.deal_id)
        for person in people:
            tokens = self.tokens.issue_grant(qm.queue_id, person, hold.expires_at, now=now)
            msg = notices.hold_notice(self.settings, qm, person, tokens, held_at=hold.held_at,
                                      expires_at=hold.expires_at, now=now, banner=banner,
                                      deal=f"{deal.name} ({deal.id})" if deal is not None else "")
            notice_id = await self.relay.send_notice([person], msg)
            self.relay.audit.record("notified", qm.queue_id, via="email", to=person, notice=notice_id, **details)
        self.holds.notified(qm.queue_id, people, now)

    async def on_held(self, qm: QueuedMessage, now: datetime | None = None) -> None:
        """A message was held: open its hold and tell the first approvers."""
        now = now or self.clock()
        hold = self.holds.open(qm.queue_id, now, now + timedelta(hours=self.settings.approvals.token_ttl_hours))
        if hold.notified:  # held again after a re-check: the people told already have links
            return
        first, _ = self.approvers_for(qm)
        if not first:
            log.warning("held %s but no approver is configured (deal owner or [[approvers]])", qm.queue_id)
            return
        await self.notify(qm, first, now=now)

    async def sweep(self, now: datetime | None = None) -> list[str]:
        """Re-notify, escalate and expire waiting holds; returns one line per action taken."""
        from promisegate.approval_sweep import sweep

        return await sweep(self, now or self.clock())


class HoldNotifier:
    """What the relay calls when it holds a message, or releases one with findings in monitor mode."""

    def __init__(self, service: ApprovalService) -> None:
        self.service = service

    async def held(self, qm: QueuedMessage, verdict: Verdict) -> None:
        """Notify the owner SE and approvers; never raises (the message stays held regardless)."""
        try:
            await self.service.on_held(qm)
        except Exception:
            log.exception("could not send the hold notice for %s", qm.queue_id)

    async def monitor(self, qm: QueuedMessage, verdict: Verdict) -> None:
        """Tell the owner SE about released mail with findings; never raises."""
        service = self.service
        try:
            first, _ = service.approvers_for(qm)
            if not first:
                return
            deal = service.deal_of(qm.deal_id)
            label = f"{deal.name} ({deal.id})" if deal is not None else ""
            msg = notices.monitor_notice(service.settings, qm, first[0], label)
            notice_id = await service.relay.send_notice([first[0]], msg)
            service.relay.audit.record("notified", qm.queue_id, via="email", to=first[0], notice=notice_id,
                                       kind="monitor", findings=len(verdict.findings))
        except Exception:
            log.exception("could not send the monitor note for %s", qm.queue_id)
