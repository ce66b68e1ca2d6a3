"""A small in-process relay for approval unit tests: real spool and audit log, recorded notices."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from promisegate.audit import AuditLog
from promisegate.config import Settings, load_settings
from promisegate.errors import NotFound
from promisegate.model import Verdict
from promisegate.spool import Store

OWNER = "se.owner@seller.example"
DEPUTY = "se.deputy@seller.example"
MANAGER = "manager@seller.example"
AGENT = "agent@seller.example"

VERDICT = {
    "action": "hold", "score": 6.5, "mode": "gated", "reason": "findings reached the hold threshold (6.5 >= 5.0)",
    "deal": "acme",
    "commitments": [{"kind": "date", "text": "We will ship the integration by Friday.", "start": 10, "end": 49,
                     "rule": "ship-by", "when": None}],
    "findings": [{"rule": "calendar-conflict", "score": 5.0, "message": "Dana is on leave that Friday.",
                  "evidence": {"sentence": "We will ship the integration by Friday.", "start": 10, "end": 49}}],
}
BODY = "Hi Sam,\n\nWe will ship the integration by Friday.\n\nBest,\nAlex\n"


@dataclass
class Deal:
    id: str
    name: str
    owner: Any
    approvers: tuple[str, ...]
    existing_commitments: tuple[Any, ...] = ()


@dataclass
class Person:
    email: str
    display: str = ""


class Deals:
    def __init__(self, *deals: Deal) -> None:
        self._deals = {d.id: d for d in deals}

    def get(self, deal_id: str) -> Deal:
        if deal_id not in self._deals:
            raise NotFound(f"no deal {deal_id!r}")
        return self._deals[deal_id]


@dataclass
class Context:
    deals: Deals
    ledger: Any = None


@dataclass
class FakeRelay:
    """The Relay operations approvals use, over a real Store and AuditLog."""

    settings: Settings
    store: Store
    audit: AuditLog
    context: Context
    sent: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    notifier: Any = None

    async def release(self, queue_id: str, actor: str, via: str) -> None:
        if not self.store.transition(queue_id, ("held",), "released"):
            raise NotFound(f"message {queue_id} is {self.store.get(queue_id).state}, not held")
        self.audit.record("released", queue_id, actor=actor, via=via)

    async def reject(self, queue_id: str, actor: str, reason: str, via: str) -> None:
        if not self.store.transition(queue_id, ("held",), "rejected", reason=reason):
            raise NotFound(f"message {queue_id} is {self.store.get(queue_id).state}, not held")
        self.audit.record("rejected", queue_id, actor=actor, via=via, reason=reason)

    async def edit_and_release(self, queue_id: str, new_text: str, actor: str, via: str) -> Verdict:
        self.audit.record("edited", queue_id, actor=actor, via=via, diff=new_text)
        await self.release(queue_id, actor, via)
        return Verdict("release", 0.0, "gated", "no findings")

    async def send_notice(self, to: list[str], msg: EmailMessage) -> str:
        self.sent.append((list(to), msg))
        return f"N{len(self.sent)}"

    def notices_to(self, address: str) -> list[EmailMessage]:
        return [m for to, m in self.sent if address in to]


def make_relay(tmp_path: Path, **overrides: Any) -> FakeRelay:
    settings = load_settings(None, {"server.data_dir": str(tmp_path / "var"),
                                    "approvers": [{"email": MANAGER, "password": "manager-pass"}], **overrides})
    deals = Deals(Deal("acme", "Acme rollout", Person(OWNER), (OWNER, DEPUTY)))
    return FakeRelay(settings, Store(settings.data_path / "promisegate.sqlite3"),
                     AuditLog(settings.data_path / "audit.sqlite3"), Context(deals))


def held_message(relay: FakeRelay, deal_id: str | None = "acme", body: str = BODY) -> str:
    msg = EmailMessage()
    msg["From"] = AGENT
    msg["To"] = "sam@buyer.example"
    msg["Subject"] = "Integration timeline"
    msg.set_content(body)
    qid = relay.store.accept(msg.as_bytes(), AGENT, ["sam@buyer.example"], agent="agent-1",
                             subject="Integration timeline", state="held")
    relay.store.transition(qid, ("held",), "held", verdict=dict(VERDICT, deal=deal_id), deal_id=deal_id,
                           reason=VERDICT["reason"])
    return qid


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def fixed_clock(when: datetime) -> Any:
    holder = {"now": when}

    def clock() -> datetime:
        return holder["now"]

    clock.holder = holder  # type: ignore[attr-defined]
    return clock


T0 = datetime(2025, 3, 3, 9, 0, tzinfo=UTC)
