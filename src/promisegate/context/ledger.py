"""The promise ledger: commitments of released mail, per deal, in SQLite (WAL).

Later mail on the same deal is checked against these (rule `contradicts-ledger`).
Recording is idempotent per (queue_id, position) so a retried delivery never doubles a promise.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from promisegate.context import LedgerEntry
from promisegate.errors import ContextError
from promisegate.model import Commitment, TimeSpan

_SCHEMA = """
CREATE TABLE IF NOT EXISTS commitments (
    id          INTEGER PRIMARY KEY,
    deal_id     TEXT NOT NULL,
    queue_id    TEXT NOT NULL,
    position    INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    subject     TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL,
    commitment  TEXT NOT NULL,
    UNIQUE (queue_id, position)
);
CREATE INDEX IF NOT EXISTS commitments_by_deal ON commitments (deal_id, recorded_at);
"""


def span_from_json(data: dict[str, Any]) -> TimeSpan:
    """Inverse of TimeSpan.to_json."""
    return TimeSpan(data.get("text", ""), int(data.get("start", 0)), int(data.get("end", 0)),
                    datetime.fromisoformat(data["from"]), datetime.fromisoformat(data["to"]),
                    data.get("grain", "day"))


def commitment_from_json(data: dict[str, Any]) -> Commitment:
    """Inverse of Commitment.to_json."""
    return Commitment(
        kind=data["kind"], text=data["text"], start=int(data.get("start", 0)), end=int(data.get("end", 0)),
        rule=data.get("rule", ""), when=span_from_json(data["when"]) if data.get("when") else None,
        object=data.get("object"), conditional=bool(data.get("conditional", False)),
        amount=data.get("amount"), unit=data.get("unit"),
        alternatives=tuple(span_from_json(a) for a in data.get("alternatives", ())),
    )


class Ledger:
    """Promises already released on each deal (the LedgerView), backed by one SQLite file."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if str(path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise ContextError(f"ledger {path}: {exc}") from exc
        self._lock = threading.Lock()

    def record(self, deal_id: str, queue_id: str, commitments: Iterable[Commitment], subject: str,
               at: datetime) -> int:
        """Store the commitments of one released message; returns how many were new."""
        rows = [(deal_id, queue_id, i, at.isoformat(), subject, c.kind, json.dumps(c.to_json()))
                for i, c in enumerate(commitments)]
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                before = self._db.total_changes
                self._db.executemany(
                    "INSERT OR IGNORE INTO commitments (deal_id, queue_id, position, recorded_at, subject, kind,"
                    " commitment) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                added = self._db.total_changes - before
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise ContextError(f"ledger {self.path}: {exc}") from exc
        return added

    def entries(self, deal_id: str) -> list[LedgerEntry]:
        """Every recorded commitment on `deal_id`, oldest first."""
        with self._lock:
            try:
                rows = self._db.execute(
                    "SELECT queue_id, recorded_at, subject, commitment FROM commitments WHERE deal_id = ?"
                    " ORDER BY recorded_at, id", (deal_id,)).fetchall()
            except sqlite3.Error as exc:
                raise ContextError(f"ledger {self.path}: {exc}") from exc
        return [LedgerEntry(deal_id, q, datetime.fromisoformat(at), commitment_from_json(json.loads(c)), s)
                for q, at, s, c in rows]

    def close(self) -> None:
        with self._lock:
            self._db.close()
