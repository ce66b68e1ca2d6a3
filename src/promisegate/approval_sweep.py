"""The approval sweep: reminders, escalation and expiry of holds nobody answers.

Run every minute by the server. For each held message: at its deadline
(`token_ttl_hours` after the hold) it is rejected or released per `on_expiry`; every
`escalate_hours` the next approver in the chain (deal approvers, then configured
approver accounts) is told; and when nobody has been told for `renotify_hours`,
everyone told so far gets a reminder.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from promisegate.errors import PromisegateError
from promisegate.notices import human_duration

if TYPE_CHECKING:
    from promisegate.approvals import ApprovalService
    from promisegate.spool import QueuedMessage

log = logging.getLogger(__name__)


async def _expire(service: ApprovalService, qm: QueuedMessage, waited: float) -> str:
    settings = service.settings.approvals
    relay = service.relay
    hours = settings.token_ttl_hours
    relay.audit.record("expired", qm.queue_id, via="sweep", waited_seconds=round(waited),
                       outcome=settings.on_expiry)
    if settings.on_expiry == "release":
        await relay.release(qm.queue_id, "system", "expiry")
    else:
        await relay.reject(qm.queue_id, "system", f"no approver answered within {hours:g} hours", "expiry")
    service.tokens.void_message(qm.queue_id, "expired", now=service.clock())
    service.holds.close(qm.queue_id, service.clock())
    return f"{qm.queue_id}: expired after {human_duration(waited)}, {settings.on_expiry}ed"


async def _sweep_one(service: ApprovalService, qm: QueuedMessage, now: datetime) -> str | None:
    cfg = service.settings.approvals
    hold = service.holds.get(qm.queue_id)
    if hold is None or not hold.notified:
        # Held while no notifier ran (a crash, or a restart): tell the first approvers now.
        if hold is None:
            service.holds.open(qm.queue_id, qm.updated_at, qm.updated_at + timedelta(hours=cfg.token_ttl_hours))
        await service.on_held(qm, now)
        return f"{qm.queue_id}: notified (late)"
    waited = hold.waited(now)
    if now >= hold.expires_at:
        return await _expire(service, qm, waited)
    if cfg.escalate_hours > 0 and waited >= cfg.escalate_hours * 3600 * (hold.level + 1):
        first, rest = service.approvers_for(qm)
        nxt = next((p for p in [*first, *rest] if p not in hold.notified), None)
        banner = (f"ESCALATED: this message has waited {human_duration(waited)} and "
                  f"{', '.join(hold.notified)} did not answer. You are the next approver.")
        service.relay.audit.record("escalated", qm.queue_id, via="sweep", to=nxt, level=hold.level + 1,
                                   waited_seconds=round(waited), waiting_on=list(hold.notified))
        if nxt is not None:
            await service.notify(qm, [nxt], banner=banner, now=now, level=hold.level + 1)
        service.holds.notified(qm.queue_id, [nxt] if nxt else [], now if nxt else hold.last_notified_at,
                               level=hold.level + 1)
        return f"{qm.queue_id}: escalated to {nxt or 'nobody (no further approver configured)'}"
    if cfg.renotify_hours > 0 and (now - hold.last_notified_at).total_seconds() >= cfg.renotify_hours * 3600:
        banner = f"REMINDER: this message has waited {human_duration(waited)} for a decision."
        await service.notify(qm, list(hold.notified), banner=banner, now=now, renotify=True)
        return f"{qm.queue_id}: reminded {', '.join(hold.notified)}"
    return None


async def sweep(service: ApprovalService, now: datetime) -> list[str]:
    """One pass over every held message."""
    held = await asyncio.to_thread(service.relay.store.list, ("held",), 100000)
    done: list[str] = []
    for qm in held:
        if getattr(qm, "kind", "agent") != "agent":
            continue
        try:
            line = await _sweep_one(service, qm, now)
        except PromisegateError as exc:  # decided meanwhile, or a notice could not be queued
            log.warning("approval sweep of %s: %s", qm.queue_id, exc)
            continue
        if line:
            log.info("approval sweep: %s", line)
            done.append(line)
    return done
