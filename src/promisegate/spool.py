"""Durable store of accepted messages and their state (SQLite in WAL mode).

`accept` commits with synchronous=FULL, so when it returns the message is on disk
and the gateway may say 250. Later state changes are ordinary transactions; a
process crash cannot lose them once `write()` returned. The class is the storage
interface the relay needs, so a PostgreSQL store can replace it for several relays.
"""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from promisegate.errors import NotFound, SpoolError

FINAL_STATES = ("delivered", "failed", "rejected")
# Messages in these states are picked up again after a restart.
DELIVERABLE_STATES = ("released", "deferred")
STATES = ("accepted", "checked", "held", "released", "deferred", "rejected", "delivered", "failed")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    queue_id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'agent',
    agent TEXT NOT NULL DEFAULT '',
    client TEXT NOT NULL DEFAULT '',
    mail_from TEXT NOT NULL,
    rcpts TEXT NOT NULL,
    pending_rcpts TEXT NOT NULL,
    raw BLOB NOT NULL,
    message_id TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    deal_id TEXT,
    verdict TEXT,
    reason TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    delivered_at REAL
);
CREATE INDEX IF NOT EXISTS messages_by_state ON messages(state, next_attempt_at);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _dt(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


@dataclass(frozen=True)
class QueuedMessage:
    """A message in the spool with its current state."""

    queue_id: str
    state: str
    kind: str
    agent: str
    client: str
    mail_from: str
    rcpts: tuple[str, ...]
    pending_rcpts: tuple[str, ...]
    raw: bytes
    message_id: str
    subject: str
    deal_id: str | None
    verdict: dict[str, Any] | None
    reason: str
    attempts: int
    next_attempt_at: datetime | None
    last_error: str
    created_at: datetime
    updated_at: datetime
    delivered_at: datetime | None

    @classmethod
    def from_row(cls, row: sqlite3.Row) -> QueuedMessage:
        return cls(
            queue_id=row["queue_id"], state=row["state"], kind=row["kind"], agent=row["agent"],
            client=row["client"], mail_from=row["mail_from"], rcpts=tuple(json.loads(row["rcpts"])),
            pending_rcpts=tuple(json.loads(row["pending_rcpts"])), raw=bytes(row["raw"]),
            message_id=row["message_id"], subject=row["subject"], deal_id=row["deal_id"],
            verdict=json.loads(row["verdict"]) if row["verdict"] else None, reason=row["reason"],
            attempts=row["attempts"], next_attempt_at=_dt(row["next_attempt_at"]),
            last_error=row["last_error"], created_at=_dt(row["created_at"]),  # type: ignore[arg-type]
            updated_at=_dt(row["updated_at"]), delivered_at=_dt(row["delivered_at"]),  # type: ignore[arg-type]
        )


def new_queue_id() -> str:
    """Sortable, unguessable queue id: milliseconds since epoch in hex plus 6 random hex digits."""
    return f"{int(time.time() * 1000):011X}{secrets.token_hex(3).upper()}"


class Store:
    """SQLite spool; thread-safe, one connection guarded by a lock."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        try:
            self._db = self.connect()
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise SpoolError(f"cannot open spool {self.path}: {exc}") from exc

    def connect(self) -> sqlite3.Connection:
        """A new connection to the same database (WAL, FULL sync), for tables of other modules."""
        db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None, timeout=30)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=FULL")
        return db

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise SpoolError(f"spool write failed: {exc}") from exc

    def accept(self, raw: bytes, mail_from: str, rcpts: Sequence[str], *, agent: str = "", client: str = "",
               message_id: str = "", subject: str = "", kind: str = "agent", state: str = "accepted",
               queue_id: str | None = None) -> str:
        """Store a new message durably and return its queue id."""
        queue_id = queue_id or new_queue_id()
        now = time.time()
        rcpt_json = json.dumps(list(rcpts))
        with self._tx() as db:
            db.execute(
                "INSERT INTO messages (queue_id, state, kind, agent, client, mail_from, rcpts, pending_rcpts, raw,"
                " message_id, subject, created_at, updated_at, next_attempt_at)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (queue_id, state, kind, agent, client, mail_from, rcpt_json, rcpt_json, raw, message_id,
                 subject, now, now, now),
            )
        return queue_id

    def get(self, queue_id: str) -> QueuedMessage:
        with self._lock:
            row = self._db.execute("SELECT * FROM messages WHERE queue_id = ?", (queue_id,)).fetchone()
        if row is None:
            raise NotFound(f"no message with queue id {queue_id}")
        return QueuedMessage.from_row(row)

    def list(self, states: Sequence[str] | None = None, limit: int = 500) -> list[QueuedMessage]:
        """Messages newest first, optionally only in the given states."""
        sql = "SELECT * FROM messages"
        args: list[Any] = []
        if states:
            sql += f" WHERE state IN ({','.join('?' * len(states))})"
            args.extend(states)
        sql += " ORDER BY created_at DESC, queue_id DESC LIMIT ?"
        args.append(limit)
        with self._lock:
            rows = self._db.execute(sql, args).fetchall()
        return [QueuedMessage.from_row(r) for r in rows]

    def due(self, now: float, limit: int = 100) -> list[QueuedMessage]:
        """Released or deferred messages whose next attempt is due, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM messages WHERE state IN ('released', 'deferred') AND"
                " (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY next_attempt_at LIMIT ?",
                (now, limit),
            ).fetchall()
        return [QueuedMessage.from_row(r) for r in rows]

    def next_due_at(self) -> float | None:
        with self._lock:
            row = self._db.execute(
                "SELECT MIN(next_attempt_at) FROM messages WHERE state IN ('released', 'deferred')"
            ).fetchone()
        return row[0]

    def transition(self, queue_id: str, from_states: Sequence[str], to_state: str, **fields: Any) -> bool:
        """Atomically move a message to `to_state` if it is in one of `from_states`; set extra columns."""
        sets = ["state = ?", "updated_at = ?"]
        args: list[Any] = [to_state, time.time()]
        for key, value in fields.items():
            if key in ("verdict",) and value is not None:
                value = json.dumps(value)
            elif key in ("pending_rcpts", "rcpts"):
                value = json.dumps(list(value))
            elif isinstance(value, datetime):
                value = value.timestamp()
            sets.append(f"{key} = ?")
            args.append(value)
        args.append(queue_id)
        placeholders = ",".join("?" * len(from_states))
        with self._tx() as db:
            cur = db.execute(
                f"UPDATE messages SET {', '.join(sets)} WHERE queue_id = ? AND state IN ({placeholders})",
                [*args, *from_states],
            )
            return cur.rowcount == 1

    def delete(self, queue_id: str) -> None:
        """Remove a message from the spool for good."""
        with self._tx() as db:
            if db.execute("DELETE FROM messages WHERE queue_id = ?", (queue_id,)).rowcount != 1:
                raise NotFound(f"no message with queue id {queue_id}")

    def counts(self) -> dict[str, int]:
        with self._lock:
            rows = self._db.execute("SELECT state, COUNT(*) FROM messages GROUP BY state").fetchall()
        return {r[0]: r[1] for r in rows}

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self._tx() as db:
            db.execute("INSERT INTO settings (key, value) VALUES (?, ?)"
                       " ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def close(self) -> None:
        with self._lock:
            self._db.close()
