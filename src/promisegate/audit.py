"""Append-only, hash-chained audit log of everything that happens to a message.

Each row carries the hash of the row before it: ``hash = sha256(prev_hash + canonical JSON
of the row)``. Editing, deleting or reordering any row breaks the chain from that row on,
and `verify` names the first bad entry. SQLite triggers refuse UPDATE and DELETE so that
ordinary code cannot rewrite history by accident; the chain is what catches someone who
drops the triggers. Cutting rows off the *end* leaves a valid shorter chain, so operators
who need that guarantee copy the head hash (`verify` prints it) somewhere else.

Events: accepted, checked, held, notified, viewed, approved, edited, rejected, released,
delivered, deferred, failed, expired, escalated (and `mode` from the relay).
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

EVENTS = (
    "accepted", "checked", "held", "notified", "viewed", "approved", "edited", "rejected",
    "released", "delivered", "deferred", "failed", "expired", "escalated",
    "mode", "reloaded", "reload-failed",
)
# Other modules may add events; a name only has to look like one (never fail mail flow on a new name).
_EVENT_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
GENESIS = "0" * 64

_SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    event TEXT NOT NULL,
    queue_id TEXT,
    actor TEXT NOT NULL,
    via TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_queue ON audit(queue_id, seq);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One row of the audit log."""

    seq: int
    at: datetime
    event: str
    queue_id: str | None
    actor: str
    via: str
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq, "at": self.at.isoformat(), "event": self.event, "queue_id": self.queue_id,
            "actor": self.actor, "via": self.via, "details": self.details,
            "prev_hash": self.prev_hash, "hash": self.hash,
        }


def canonical_json(value: Any) -> str:
    """Sorted keys, no whitespace, UTF-8: the exact bytes that get hashed."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def row_hash(prev_hash: str, seq: int, at: str, event: str, queue_id: str | None, actor: str, via: str,
             details: Any) -> str:
    """The chained hash of one row."""
    body = canonical_json({"seq": seq, "at": at, "event": event, "queue_id": queue_id, "actor": actor,
                           "via": via, "details": details})
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def _as_utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


class AuditLog:
    """The hash-chained log in its own SQLite file; safe to share between threads."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)

    def record(self, event: str, queue_id: str | None = None, actor: str = "system", via: str = "",
               **details: Any) -> AuditEvent:
        """Append one event; `details` must be JSON-serialisable (other values are stored as text)."""
        if not _EVENT_NAME.match(event):
            raise ValueError(f"bad audit event name {event!r} (known: {', '.join(EVENTS)})")
        # Round-trip so the stored text and the hashed value are the same thing.
        clean = json.loads(canonical_json(details))
        at = datetime.now(UTC).isoformat(timespec="microseconds")
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                last = self._db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
                seq, prev = (last["seq"] + 1, last["hash"]) if last else (1, GENESIS)
                digest = row_hash(prev, seq, at, event, queue_id, actor, via, clean)
                self._db.execute(
                    "INSERT INTO audit (seq, at, event, queue_id, actor, via, details, prev_hash, hash)"
                    " VALUES (?,?,?,?,?,?,?,?,?)",
                    (seq, at, event, queue_id, actor, via, canonical_json(clean), prev, digest),
                )
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")
        return AuditEvent(seq, datetime.fromisoformat(at), event, queue_id, actor, via, clean, prev, digest)

    def _rows(self, sql: str, args: tuple[Any, ...]) -> Iterator[sqlite3.Row]:
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        yield from rows

    @staticmethod
    def _event(row: sqlite3.Row) -> AuditEvent:
        return AuditEvent(row["seq"], datetime.fromisoformat(row["at"]), row["event"], row["queue_id"],
                          row["actor"], row["via"], json.loads(row["details"]), row["prev_hash"], row["hash"])

    def events(self, queue_id: str | None = None, since: datetime | None = None) -> list[AuditEvent]:
        """Events in order, optionally for one message and/or at or after `since`."""
        where, args = [], []
        if queue_id is not None:
            where.append("queue_id = ?")
            args.append(queue_id)
        if since is not None:
            where.append("at >= ?")
            args.append(_as_utc(since).isoformat(timespec="microseconds"))
        sql = "SELECT * FROM audit" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY seq"
        return [self._event(r) for r in self._rows(sql, tuple(args))]

    def export(self, since: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Events since a time as plain dicts (for JSON lines)."""
        for event in self.events(since=since):
            yield event.to_json()

    def head(self) -> tuple[int, str]:
        """(seq, hash) of the last entry, or (0, GENESIS) when empty."""
        with self._lock:
            row = self._db.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
        return (row["seq"], row["hash"]) if row else (0, GENESIS)

    def verify(self) -> tuple[bool, int | None, str]:
        """Walk the chain: (ok, first bad seq or None, a message naming what is wrong)."""
        prev, expected_seq, count = GENESIS, 1, 0
        for row in self._rows("SELECT * FROM audit ORDER BY seq", ()):
            seq = row["seq"]
            if seq != expected_seq:
                return False, seq, f"entry {seq}: expected entry {expected_seq} (entries missing or reordered)"
            if row["prev_hash"] != prev:
                return False, seq, f"entry {seq}: prev_hash does not match the hash of entry {seq - 1}"
            try:
                details = json.loads(row["details"])
            except ValueError:
                return False, seq, f"entry {seq}: details are not valid JSON"
            digest = row_hash(prev, seq, row["at"], row["event"], row["queue_id"], row["actor"],
                              row["via"], details)
            if digest != row["hash"]:
                return False, seq, (f"entry {seq} ({row['event']} {row['queue_id'] or ''}): contents do not "
                                    "match its hash (edited after it was written)")
            prev, expected_seq, count = row["hash"], seq + 1, count + 1
        return True, None, f"{count} entries, chain intact; head {prev}"

    def close(self) -> None:
        with self._lock:
            self._db.close()
