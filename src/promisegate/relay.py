"""The relay: takes spooled messages through check, hold or release, and delivery.

Everything here runs in the server's asyncio loop; SQLite work goes to one
writer thread and the CPU-bound check to a worker thread, so a slow calendar or
a big message never stalls an SMTP conversation.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from email import policy as email_policy
from email.message import EmailMessage
from email.parser import BytesHeaderParser
from typing import Any, Protocol, TypeVar

from promisegate import deliver as delivery
from promisegate.agent_notices import failure_notice, rejection_notice
from promisegate.config import Settings
from promisegate.errors import NotFound, PermanentDeliveryError, TemporaryDeliveryError
from promisegate.metrics import Metrics
from promisegate.model import MODES, Commitment, Mode, Verdict
from promisegate.pipeline import Checker, CheckResult
from promisegate.qa import QaQueue
from promisegate.spool import QueuedMessage, Store, new_queue_id

log = logging.getLogger(__name__)
T = TypeVar("T")


class AuditSink(Protocol):
    """Where relay events are recorded (the hash-chained audit log)."""

    def record(self, event: str, queue_id: str | None = None, actor: str = "system", via: str = "",
               **details: Any) -> Any: ...


class HoldNotifier(Protocol):
    """Tells people about held messages (and, in monitor mode, released ones with findings)."""

    async def held(self, qm: QueuedMessage, verdict: Verdict) -> None: ...

    async def monitor(self, qm: QueuedMessage, verdict: Verdict) -> None: ...


class Relay:
    """One relay instance: spool, checker, delivery, and the operations approvers use."""

    def __init__(self, settings: Settings, store: Store, checker: Checker, upstream: delivery.Upstream,
                 audit: AuditSink, context: Any = None, metrics: Metrics | None = None) -> None:
        self.settings = settings
        self.store = store
        self.checker = checker
        self.upstream = upstream
        self.audit = audit
        self.context = context
        self.metrics = metrics or Metrics()
        self.notifier: HoldNotifier | None = None
        self.qa = QaQueue(store, settings.qa)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spool")
        # spaCy pipelines are not safe to share across threads: every check runs on this one.
        self.check_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")
        self._wake = asyncio.Event()
        self._in_flight: set[str] = set()
        self._tasks: set[asyncio.Task[Any]] = set()
        self._running = False

    # -- helpers -------------------------------------------------------------------------------
    async def _io(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._db, lambda: fn(*args, **kwargs))

    async def run_check(self, raw: bytes, mail_from: str, rcpts: Sequence[str]) -> CheckResult:
        """Run the pipeline on the check thread under the mode in force."""
        checker, mode = self.checker, self.mode
        return await asyncio.get_running_loop().run_in_executor(
            self.check_executor, lambda: checker.check(raw, mail_from, rcpts, mode=mode))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    @property
    def mode(self) -> Mode:
        """The mode in force: an operator's pause overrides the configured mode."""
        override = self.store.get_setting("mode")
        return override if override in MODES else self.settings.policy.mode  # type: ignore[return-value]

    # -- intake --------------------------------------------------------------------------------
    async def submit(self, raw: bytes, mail_from: str, rcpts: Sequence[str], *, agent: str = "",
                     client: str = "", helo: str = "") -> str:
        """Spool a message durably (fsync) and schedule its check; returns the queue id."""
        queue_id = new_queue_id()
        raw = delivery.trace_headers(raw, hostname=self.settings.server.hostname, client=client, helo=helo,
                                     agent=agent, queue_id=queue_id, rcpt=rcpts[0] if rcpts else "")
        headers = BytesHeaderParser(policy=email_policy.default).parsebytes(raw)
        await self._io(self.store.accept, raw, mail_from, rcpts, agent=agent, client=client,
                       message_id=str(headers.get("Message-ID", "")).strip(),
                       subject=str(headers.get("Subject", "")), queue_id=queue_id)
        self.metrics.accepted.inc()
        self.audit.record("accepted", queue_id, actor=agent or "anonymous", via=client,
                          mail_from=mail_from, rcpts=list(rcpts))
        self._spawn(self.process(queue_id))
        return queue_id

    async def process(self, queue_id: str) -> None:
        """Check an accepted message and move it to released, held or rejected."""
        qm = await self._io(self.store.get, queue_id)
        if qm.state not in ("accepted", "checked"):
            return
        result = await self.run_check(qm.raw, qm.mail_from, qm.rcpts)
        self.metrics.check_seconds.observe(result.elapsed)
        await self._apply(qm, result.verdict, result.verdict.commitments)

    async def _apply(self, qm: QueuedMessage, verdict: Verdict, commitments: Sequence[Commitment]) -> None:
        state = {"release": "released", "hold": "held", "reject": "rejected"}[verdict.action]
        moved = await self._io(self.store.transition, qm.queue_id, ("accepted", "checked"), state,
                               verdict=verdict.to_json(), reason=verdict.reason, deal_id=verdict.deal_id,
                               next_attempt_at=time.time())
        if not moved:
            return
        self.audit.record("checked", qm.queue_id, action=verdict.action, score=verdict.score, mode=verdict.mode,
                          reason=verdict.reason, findings=[f.to_json() for f in verdict.findings],
                          rules_hit=list(verdict.rules_hit), rules_missed=list(verdict.rules_missed))
        log.info("checked %s: %s (%s)", qm.queue_id, verdict.action, verdict.reason)
        qm = await self._io(self.store.get, qm.queue_id)
        if state == "released":
            self.metrics.released.inc()
            self._record_ledger(qm, commitments)
            await self._io(self.qa.maybe_sample, qm)
            self.audit.record("released", qm.queue_id, reason=verdict.reason)
            if self.notifier and self.mode == "monitor" and verdict.findings:
                await self.notifier.monitor(qm, verdict)
            self._wake.set()
        elif state == "held":
            self.metrics.held.inc()
            self.audit.record("held", qm.queue_id, reason=verdict.reason)
            if self.notifier:
                await self.notifier.held(qm, verdict)
        else:
            self.metrics.rejected.inc()
            self.audit.record("rejected", qm.queue_id, actor="policy", reason=verdict.reason)
            await self.send_notice([qm.mail_from], rejection_notice(
                qm, self.settings.server.hostname, "promisegate policy", verdict.reason))

    def _record_ledger(self, qm: QueuedMessage, commitments: Sequence[Commitment]) -> None:
        ledger = getattr(self.context, "ledger", None)
        if ledger is not None and qm.deal_id and commitments and qm.kind == "agent":
            ledger.record(qm.deal_id, qm.queue_id, list(commitments), qm.subject, qm.updated_at)

    # -- operator and approver actions ---------------------------------------------------------
    async def release(self, queue_id: str, actor: str, via: str) -> None:
        """Release a held message for delivery (approval)."""
        qm = await self._io(self.store.get, queue_id)
        if not await self._io(self.store.transition, queue_id, ("held",), "released", next_attempt_at=time.time()):
            raise NotFound(f"message {queue_id} is {qm.state}, not held")
        commitments = [Commitment.from_json(c) for c in (qm.verdict or {}).get("commitments", [])]
        self._record_ledger(qm, commitments)
        await self._io(self.qa.maybe_sample, qm)
        self.metrics.released.inc()
        self.audit.record("released", queue_id, actor=actor, via=via)
        self._wake.set()

    async def reject(self, queue_id: str, actor: str, reason: str, via: str) -> None:
        """Reject a held message and tell the agent why."""
        qm = await self._io(self.store.get, queue_id)
        if not await self._io(self.store.transition, queue_id, ("held",), "rejected", reason=reason):
            raise NotFound(f"message {queue_id} is {qm.state}, not held")
        self.metrics.rejected.inc()
        self.audit.record("rejected", queue_id, actor=actor, via=via, reason=reason)
        await self.send_notice([qm.mail_from], rejection_notice(qm, self.settings.server.hostname, actor, reason))

    async def edit_and_release(self, queue_id: str, new_text: str, actor: str, via: str) -> Verdict:
        """Replace the text body of a held message, re-check it, and release it when the approver edits."""
        from promisegate.editing import replace_text

        qm = await self._io(self.store.get, queue_id)
        if qm.state != "held":
            raise NotFound(f"message {queue_id} is {qm.state}, not held")
        new_raw, diff = replace_text(qm.raw, new_text)
        result = await self.run_check(new_raw, qm.mail_from, qm.rcpts)
        verdict = result.verdict
        await self._io(self.store.transition, queue_id, ("held",), "held", raw=new_raw,
                       verdict=verdict.to_json(), reason=verdict.reason)
        self.audit.record("edited", queue_id, actor=actor, via=via, diff=diff, action=verdict.action,
                          findings=[f.to_json() for f in verdict.findings])
        # The approver has read and rewritten the text: their edit is the approval.
        await self.release(queue_id, actor, via)
        return verdict

    async def set_mode(self, mode: Mode | None, actor: str) -> Mode:
        """Pause (or set another mode) at once; None returns to the configured mode."""
        previous = self.mode
        if mode is None:
            await self._io(self.store.set_setting, "mode", "")
        else:
            await self._io(self.store.set_setting, "mode", mode)
        self.audit.record("mode", None, actor=actor, previous=previous, mode=self.mode)
        if previous == "paused" and self.mode != "paused":
            # Mail held only because of the pause is judged again under the mode now in force.
            for qm in await self._io(self.store.list, ("held",)):
                if (qm.verdict or {}).get("mode") == "paused":
                    await self._io(self.store.transition, qm.queue_id, ("held",), "checked")
                    self._spawn(self.process(qm.queue_id))
        self._wake.set()
        return self.mode

    async def send_notice(self, to: Sequence[str], msg: EmailMessage) -> str:
        """Queue a system message (notice, bounce) for delivery without checking it."""
        rcpts = [t for t in to if t]
        if not rcpts:
            return ""
        raw = msg.as_bytes(policy=email_policy.SMTP)
        qid = await self._io(self.store.accept, raw, "", rcpts, kind="notice", state="released",
                             message_id=str(msg.get("Message-ID", "")), subject=str(msg.get("Subject", "")))
        self._wake.set()
        return qid

    # -- delivery ------------------------------------------------------------------------------
    async def start(self) -> None:
        """Resume unfinished work (crash recovery) and start the delivery loop."""
        self._running = True
        for qm in await self._io(self.store.list, ("accepted", "checked"), 100000):
            self._spawn(self.process(qm.queue_id))
        self._spawn(self._delivery_loop())

    async def stop(self) -> None:
        self._running = False
        self._wake.set()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self.upstream.aclose()
        self._db.shutdown(wait=True)
        self.check_executor.shutdown(wait=True)
        self.qa.close()

    async def _delivery_loop(self) -> None:
        limit = asyncio.Semaphore(max(1, self.settings.upstream.concurrency))
        while self._running:
            self._wake.clear()
            if self.mode != "paused":
                for qm in await self._io(self.store.due, time.time()):
                    if qm.queue_id not in self._in_flight:
                        self._in_flight.add(qm.queue_id)
                        self._spawn(self._deliver(qm, limit))
            next_at = await self._io(self.store.next_due_at)
            timeout = 5.0 if next_at is None else min(5.0, max(0.05, next_at - time.time()))
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout)

    async def _deliver(self, qm: QueuedMessage, limit: asyncio.Semaphore) -> None:
        try:
            async with limit:
                await self._attempt(qm)
        except Exception:  # never let one message kill the loop; it stays due and is retried
            log.exception("delivery of %s crashed", qm.queue_id)
        finally:
            self._in_flight.discard(qm.queue_id)
            self._wake.set()

    async def _attempt(self, qm: QueuedMessage) -> None:
        try:
            result = await self.upstream.send(self._outgoing(qm), qm.mail_from, qm.pending_rcpts)
        except PermanentDeliveryError as exc:
            await self._fail(qm, str(exc), qm.pending_rcpts)
            return
        except TemporaryDeliveryError as exc:
            await self._defer(qm, str(exc), qm.pending_rcpts)
            return
        if result.accepted:
            self.audit.record("delivered", qm.queue_id, accepted=list(result.accepted), reply=result.reply)
            log.info("delivered %s to %d recipient(s)", qm.queue_id, len(result.accepted))
        if result.refused:
            await self._notify_failure(qm, "; ".join(result.refused.values()), tuple(result.refused))
        if result.deferred:
            await self._defer(qm, "; ".join(result.deferred.values()), tuple(result.deferred))
        elif result.accepted:
            await self._io(self.store.transition, qm.queue_id, ("released", "deferred"), "delivered",
                           delivered_at=time.time(), attempts=qm.attempts + 1, pending_rcpts=(),
                           last_error="; ".join(f"{r}: {e}" for r, e in result.refused.items()))
            self.metrics.delivered.inc()
        else:
            await self._fail(qm, "; ".join(result.refused.values()), (), notify=False)

    def _outgoing(self, qm: QueuedMessage) -> bytes:
        """Stamp agent mail with the rule hits and misses behind its release."""
        if qm.kind != "agent" or not qm.verdict:
            return qm.raw
        rules = qm.verdict.get("rules", {})
        header = (f"X-Promisegate-Rules: hit={','.join(rules.get('hit', [])) or '-'};"
                  f" missed={','.join(rules.get('missed', [])) or '-'}\r\n"
                  f"X-Promisegate-Verdict: {qm.verdict.get('action')} score={qm.verdict.get('score')}"
                  f" mode={qm.verdict.get('mode')} queue-id={qm.queue_id}\r\n")
        return header.encode() + qm.raw

    async def _defer(self, qm: QueuedMessage, error: str, rcpts: tuple[str, ...]) -> None:
        up = self.settings.upstream
        attempts = qm.attempts + 1
        if time.time() - qm.created_at.timestamp() >= up.max_lifetime:
            await self._fail(qm, f"gave up after {attempts} attempts: {error}", rcpts)
            return
        delay = min(up.backoff_initial * 2 ** (attempts - 1), up.backoff_max)
        await self._io(self.store.transition, qm.queue_id, ("released", "deferred"), "deferred",
                       attempts=attempts, last_error=error, next_attempt_at=time.time() + delay,
                       pending_rcpts=rcpts)
        self.metrics.deferred.inc()
        self.audit.record("deferred", qm.queue_id, error=error, retry_in=delay, attempts=attempts)
        log.info("deferred %s (attempt %d, retry in %.0fs): %s", qm.queue_id, attempts, delay, error)

    async def _fail(self, qm: QueuedMessage, reason: str, rcpts: tuple[str, ...], notify: bool = True) -> None:
        await self._io(self.store.transition, qm.queue_id, ("released", "deferred"), "failed", last_error=reason)
        self.metrics.failed.inc()
        self.audit.record("failed", qm.queue_id, error=reason)
        log.warning("failed %s: %s", qm.queue_id, reason)
        if notify:
            await self._notify_failure(qm, reason, rcpts)

    async def _notify_failure(self, qm: QueuedMessage, reason: str, rcpts: tuple[str, ...]) -> None:
        if qm.kind == "agent" and qm.mail_from:  # never bounce a bounce
            await self.send_notice([qm.mail_from], failure_notice(qm, self.settings.server.hostname, reason, rcpts))
