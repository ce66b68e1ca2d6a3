"""Post-send QA: a share of released mail is sampled for review, labelled, and scored.

Sampling is a pure function of the queue id and a per-installation seed, so the same
message is always in or out of the sample (tests pin the seed). Labels follow a short
defect taxonomy; the scorecard sets them beside the hold rate and time to approve.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from promisegate.errors import NotFound

if TYPE_CHECKING:
    from promisegate.config import QaSettings
    from promisegate.spool import QueuedMessage, Store

# "none" records a review that found nothing wrong, so reviewed-and-fine counts too.
DEFECTS = {
    "wrong-date": "A date or time that is wrong or was never agreed",
    "unapproved-document": "Promised a document nobody cleared for sharing",
    "pricing": "A price, discount or term beyond what was approved",
    "tone": "Tone or wording unfit to send to a customer",
    "missed-escalation": "Should have been held for a human and was not",
    "false-hold": "Was held, but nothing in it needed a human",
    "other": "Another problem (say what in the note)",
    "none": "Reviewed: nothing wrong",
}
SEED_KEY = "qa_seed"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS qa_samples (
    queue_id TEXT PRIMARY KEY,
    sampled_at REAL NOT NULL,
    agent TEXT NOT NULL DEFAULT '',
    deal_id TEXT,
    subject TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    rules_hit TEXT NOT NULL DEFAULT '[]'
);
CREATE TABLE IF NOT EXISTS qa_labels (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    queue_id TEXT NOT NULL REFERENCES qa_samples(queue_id),
    defect TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    labelled_at REAL NOT NULL
);
"""


def sampled(queue_id: str, rate: float, seed: str) -> bool:
    """Whether `queue_id` falls in a `rate` share of messages, reproducibly for a given seed."""
    if rate <= 0:
        return False
    digest = hashlib.sha256(f"{seed}:{queue_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < rate


@dataclass(frozen=True)
class QaSample:
    """A released message picked for review, with its labels so far."""

    queue_id: str
    sampled_at: datetime
    agent: str
    deal_id: str | None
    subject: str
    action: str  # the verdict at check time; "hold" means released after approval
    rules_hit: tuple[str, ...]
    labels: tuple[dict[str, Any], ...] = field(default=())

    @property
    def reviewed(self) -> bool:
        return bool(self.labels)

    @property
    def defects(self) -> tuple[str, ...]:
        return tuple(lb["defect"] for lb in self.labels if lb["defect"] != "none")


class QaQueue:
    """The QA sample and its labels, in their own tables of the spool database."""

    def __init__(self, store: Store, settings: QaSettings, seed: str | None = None) -> None:
        self.store = store
        self.settings = settings
        self._db = store.connect()
        self._db.executescript(_SCHEMA)
        self._lock = threading.Lock()  # the relay's threads and the web handlers share this connection
        if seed is None:
            seed = store.get_setting(SEED_KEY)
            if not seed:
                seed = secrets.token_hex(16)
                store.set_setting(SEED_KEY, seed)
        self.seed = seed

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def maybe_sample(self, qm: QueuedMessage) -> bool:
        """Queue a released agent message for review when it falls in the sample; True when it does."""
        if qm.kind != "agent" or not sampled(qm.queue_id, self.settings.sample_rate, self.seed):
            return False
        verdict = qm.verdict or {}
        hit = verdict.get("rules", {}).get("hit") or [f["rule"] for f in verdict.get("findings", [])]
        row = (qm.queue_id, time.time(), qm.agent, qm.deal_id, qm.subject, str(verdict.get("action", "")),
               json.dumps(sorted(set(hit))))
        with self._lock:
            self._db.execute("INSERT OR IGNORE INTO qa_samples (queue_id, sampled_at, agent, deal_id, subject,"
                             " action, rules_hit) VALUES (?,?,?,?,?,?,?)", row)
        return True

    def backfill(self, messages: list[QueuedMessage]) -> int:
        """Sample released mail already in the spool (same selection the relay would have made)."""
        done = ("released", "deferred", "delivered", "failed")
        return sum(self.maybe_sample(qm) for qm in messages if qm.state in done)

    def label(self, queue_id: str, defect: str, note: str = "", reviewer: str = "") -> None:
        """Record a reviewer's label for a sampled message."""
        if defect not in DEFECTS:
            raise ValueError(f"unknown defect {defect!r} (one of {', '.join(DEFECTS)})")
        with self._lock:
            if self._db.execute("SELECT 1 FROM qa_samples WHERE queue_id = ?", (queue_id,)).fetchone() is None:
                raise NotFound(f"{queue_id} is not in the QA sample")
            self._db.execute("INSERT INTO qa_labels (queue_id, defect, note, reviewer, labelled_at)"
                             " VALUES (?,?,?,?,?)", (queue_id, defect, note.strip(), reviewer, time.time()))

    def samples(self, pending_only: bool = False) -> list[QaSample]:
        """Sampled messages, newest first, with their labels."""
        with self._lock:
            label_rows = self._db.execute("SELECT * FROM qa_labels ORDER BY id").fetchall()
            sample_rows = self._db.execute("SELECT * FROM qa_samples ORDER BY sampled_at DESC, queue_id DESC"
                                           ).fetchall()
        labels: dict[str, list[dict[str, Any]]] = {}
        for row in label_rows:
            labels.setdefault(row["queue_id"], []).append(
                {"defect": row["defect"], "note": row["note"], "reviewer": row["reviewer"],
                 "at": datetime.fromtimestamp(row["labelled_at"], UTC)})
        out = []
        for row in sample_rows:
            if pending_only and row["queue_id"] in labels:
                continue
            out.append(QaSample(row["queue_id"], datetime.fromtimestamp(row["sampled_at"], UTC), row["agent"],
                                row["deal_id"], row["subject"], row["action"], tuple(json.loads(row["rules_hit"])),
                                tuple(labels.get(row["queue_id"], ()))))
        return out


def _approval_waits(audit_path: Path, since: datetime) -> list[float]:
    """Seconds from hold to a person's release, per message, from the audit log."""
    from promisegate.audit import AuditLog

    if not audit_path.exists():
        return []
    audit = AuditLog(audit_path)
    try:
        events = audit.events(since=since)
    finally:
        audit.close()
    held: dict[str, datetime] = {}
    waits: list[float] = []
    for ev in events:
        if ev.queue_id is None:
            continue
        if ev.event == "held":
            held.setdefault(ev.queue_id, ev.at)
        elif ev.event == "released" and ev.actor != "system" and ev.queue_id in held:
            waits.append((ev.at - held.pop(ev.queue_id)).total_seconds())
    return waits


def scorecard(store: Store, queue: QaQueue, since: datetime, audit_path: Path | None = None) -> dict[str, Any]:
    """Hold rate, false-hold rate, defects by kind, rule and agent, and time to approve, since `since`."""
    checked = [qm for qm in store.list(None, limit=10_000_000)
               if qm.kind == "agent" and qm.verdict and qm.created_at >= since]
    actions = Counter(str((qm.verdict or {}).get("action")) for qm in checked)
    samples = [s for s in queue.samples() if s.sampled_at >= since]
    reviewed = [s for s in samples if s.reviewed]
    reviewed_holds = [s for s in reviewed if s.action == "hold"]
    by_kind: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    by_agent: Counter[str] = Counter()
    for s in reviewed:
        for defect in s.defects:
            by_kind[defect] += 1
            by_agent[s.agent or "(unknown)"] += 1
            for rule in s.rules_hit or ("(no rule fired)",):
                by_rule[rule] += 1
    waits = _approval_waits(audit_path, since) if audit_path else []

    def rate(part: int, whole: int) -> float | None:
        return round(part / whole, 4) if whole else None

    return {
        "since": since.isoformat(),
        "checked": len(checked),
        "actions": dict(actions),
        "hold_rate": rate(actions.get("hold", 0), len(checked)),
        "sampled": len(samples),
        "reviewed": len(reviewed),
        "defect_rate": rate(sum(1 for s in reviewed if s.defects), len(reviewed)),
        "false_hold_rate": rate(sum(1 for s in reviewed_holds if "false-hold" in s.defects), len(reviewed_holds)),
        "defects": dict(by_kind.most_common()),
        "defects_by_rule": dict(by_rule.most_common()),
        "defects_by_agent": dict(by_agent.most_common()),
        "time_to_approve": {
            "count": len(waits),
            "median_seconds": statistics.median(waits) if waits else None,
            "p90_seconds": statistics.quantiles(waits, n=10)[-1] if len(waits) >= 2 else (waits or [None])[0],
        },
    }
