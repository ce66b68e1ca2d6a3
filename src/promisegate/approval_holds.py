"""Bookkeeping of held messages for notices, re-notices, escalation and expiry.

One row per held message in the spool database: when it was held, when its hold
expires, who has been told, and how far it has been escalated. Kept apart from the
spool's own table so the relay core stays unaware of approval policy.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

_SCHEMA = """
CREATE TABLE IF NOT EXISTS approval_holds (
    queue_id TEXT PRIMARY KEY,
    held_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    last_notified_at REAL NOT NULL,
    level INTEGER NOT NULL DEFAULT 0,
    notified TEXT NOT NULL DEFAULT '[]',
    closed_at REAL
);
"""


@dataclass(frozen=True, slots=True)
class HoldRecord:
    """What approvals know about one held message."""

    queue_id: str
    held_at: datetime
    expires_at: datetime
    last_notified_at: datetime
    level: int  # how many escalation steps have been taken
    notified: tuple[str, ...]  # everyone told so far, in order
    closed_at: datetime | None = None

    def waited(self, now: datetime) -> float:
        """Seconds since the message was held."""
        return max(0.0, (now - self.held_at).total_seconds())


def _dt(ts: float) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


class HoldTable:
    """Rows of `approval_holds`; one connection guarded by a lock."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._lock = threading.Lock()
        self._db = connect()
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)

    @staticmethod
    def _record(row: sqlite3.Row) -> HoldRecord:
        return HoldRecord(row["queue_id"], _dt(row["held_at"]), _dt(row["expires_at"]),
                          _dt(row["last_notified_at"]), row["level"], tuple(json.loads(row["notified"])),
                          _dt(row["closed_at"]) if row["closed_at"] is not None else None)

    def get(self, queue_id: str) -> HoldRecord | None:
        with self._lock:
            row = self._db.execute("SELECT * FROM approval_holds WHERE queue_id = ?", (queue_id,)).fetchone()
        return self._record(row) if row else None

    def open(self, queue_id: str, held_at: datetime, expires_at: datetime) -> HoldRecord:
        """Start tracking a hold (or return the existing row: a re-check keeps the first hold time)."""
        with self._lock:
            self._db.execute(
                "INSERT INTO approval_holds (queue_id, held_at, expires_at, last_notified_at)"
                " VALUES (?,?,?,?) ON CONFLICT(queue_id) DO NOTHING",
                (queue_id, held_at.timestamp(), expires_at.timestamp(), held_at.timestamp()),
            )
        record = self.get(queue_id)
        assert record is not None
        return record

    def notified(self, queue_id: str, people: list[str], when: datetime, level: int | None = None) -> None:
        """Remember who was told and when."""
        record = self.get(queue_id)
        if record is None:
            return
        everyone = list(dict.fromkeys([*record.notified, *people]))
        with self._lock:
            self._db.execute(
                "UPDATE approval_holds SET notified = ?, last_notified_at = ?, level = ? WHERE queue_id = ?",
                (json.dumps(everyone), when.timestamp(), record.level if level is None else level, queue_id),
            )

    def close(self, queue_id: str, when: datetime) -> None:
        """The hold was decided; the sweeper leaves it alone from now on."""
        with self._lock:
            self._db.execute("UPDATE approval_holds SET closed_at = ? WHERE queue_id = ? AND closed_at IS NULL",
                             (when.timestamp(), queue_id))

    def shutdown(self) -> None:
        with self._lock:
            self._db.close()
