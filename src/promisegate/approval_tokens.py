"""Approval tokens: unguessable, HMAC-signed, bound to one message, approver and action.

A token is ``<id>-<mac>``: 120 random bits naming a row in the ``approval_tokens`` table
and 120 bits of HMAC-SHA256 over that row (id, message, approver, action, expiry) keyed
with the installation secret. Both halves are lower-case base32, so the token survives
mail systems that fold the case of an address, and ``approve+TOKEN@host`` stays inside
the 64-octet limit on the local part. A forged or altered token fails the MAC before
anything else is looked at; a changed database row fails it too.

Tokens of one notice share a ``grant`` id, so the page opened from the "View" link can
offer the approve/reject/edit forms of the same notice without minting new tokens on GET.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from promisegate.errors import ApprovalError

log = logging.getLogger(__name__)

ACTIONS = ("view", "approve", "reject", "edit", "reply")
_TOKEN = re.compile(r"^[a-z2-7]{24}-[a-z2-7]{24}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS approval_tokens (
    id TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL,
    queue_id TEXT NOT NULL,
    approver TEXT NOT NULL,
    action TEXT NOT NULL,
    issued_at REAL NOT NULL,
    expires_at REAL NOT NULL,
    used_at REAL,
    used_by TEXT,
    used_via TEXT
);
CREATE INDEX IF NOT EXISTS approval_tokens_by_queue ON approval_tokens(queue_id);
CREATE INDEX IF NOT EXISTS approval_tokens_by_grant ON approval_tokens(grant_id);
"""


def load_secret(path: str | Path) -> bytes:
    """Read the installation secret, creating 32 random bytes with mode 0600 on first run."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(p, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        with os.fdopen(fd, "wb") as fh:
            fh.write(secrets.token_bytes(32))
            fh.flush()
            os.fsync(fh.fileno())
    mode = p.stat().st_mode & 0o777
    if mode & 0o077:
        log.warning("%s was readable by others (mode %o); tightening to 0600", p, mode)
        os.chmod(p, 0o600)
    secret = p.read_bytes()
    if len(secret) < 32:
        raise ApprovalError(f"{p} holds a secret shorter than 32 bytes; remove it to generate a new one")
    return secret


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=").lower()


def subkey(secret: bytes, purpose: str) -> bytes:
    """A key for one purpose (tokens, sessions, CSRF) derived from the installation secret."""
    return hmac.new(secret, f"promisegate:{purpose}".encode(), hashlib.sha256).digest()


@dataclass(frozen=True, slots=True)
class ApprovalToken:
    """A stored token row, after its MAC was checked."""

    token: str
    grant_id: str
    queue_id: str
    approver: str
    action: str
    issued_at: datetime
    expires_at: datetime
    used_at: datetime | None = None
    used_by: str | None = None
    used_via: str | None = None


def _dt(ts: float | None) -> datetime | None:
    return datetime.fromtimestamp(ts, UTC) if ts is not None else None


class TokenStore:
    """Issues, checks and consumes tokens in a table of the spool database."""

    def __init__(self, connect: Callable[[], sqlite3.Connection], secret: bytes) -> None:
        self._key = subkey(secret, "approval-token")
        self._lock = threading.Lock()
        self._db = connect()
        self._db.row_factory = sqlite3.Row
        self._db.executescript(_SCHEMA)

    def _mac(self, token_id: str, queue_id: str, approver: str, action: str, expires_at: float) -> str:
        msg = "\x1f".join((token_id, queue_id, approver, action, repr(round(expires_at, 3))))
        return _b32(hmac.new(self._key, msg.encode(), hashlib.sha256).digest()[:15])

    def issue(self, queue_id: str, approver: str, action: str, expires_at: datetime,
              grant_id: str | None = None, now: datetime | None = None) -> str:
        """Mint one token; returns the token string to put in a link or address."""
        if action not in ACTIONS:
            raise ValueError(f"unknown approval action {action!r}")
        token_id = _b32(secrets.token_bytes(15))
        approver = approver.lower()
        exp = round(expires_at.timestamp(), 3)
        issued = (now or datetime.now(UTC)).timestamp()
        with self._lock:
            self._db.execute(
                "INSERT INTO approval_tokens (id, grant_id, queue_id, approver, action, issued_at, expires_at)"
                " VALUES (?,?,?,?,?,?,?)",
                (token_id, grant_id or token_id, queue_id, approver, action, issued, exp),
            )
        return f"{token_id}-{self._mac(token_id, queue_id, approver, action, exp)}"

    def issue_grant(self, queue_id: str, approver: str, expires_at: datetime,
                    actions: tuple[str, ...] = ("view", "approve", "reject", "edit", "reply"),
                    now: datetime | None = None) -> dict[str, str]:
        """One token per action for one approver, sharing a grant id (one notice)."""
        grant_id = _b32(secrets.token_bytes(10))
        return {a: self.issue(queue_id, approver, a, expires_at, grant_id, now) for a in actions}

    def lookup(self, token: str) -> ApprovalToken:
        """The row behind a token; raises ApprovalError when it is malformed, unknown or forged."""
        token = token.strip().lower()
        if not _TOKEN.match(token):
            raise ApprovalError("this is not a valid approval token (malformed or truncated link)")
        token_id, mac = token.split("-")
        with self._lock:
            row = self._db.execute("SELECT * FROM approval_tokens WHERE id = ?", (token_id,)).fetchone()
        if row is None:
            raise ApprovalError("this approval token was not issued by this promisegate (forged or unknown)")
        expected = self._mac(row["id"], row["queue_id"], row["approver"], row["action"], row["expires_at"])
        if not hmac.compare_digest(expected, mac):
            raise ApprovalError("this approval token's signature is invalid (forged or altered)")
        return self._row(row, token)

    def _row(self, row: sqlite3.Row, token: str | None = None) -> ApprovalToken:
        if token is None:
            mac = self._mac(row["id"], row["queue_id"], row["approver"], row["action"], row["expires_at"])
            token = f"{row['id']}-{mac}"
        return ApprovalToken(token, row["grant_id"], row["queue_id"], row["approver"], row["action"],
                             _dt(row["issued_at"]), _dt(row["expires_at"]),  # type: ignore[arg-type]
                             _dt(row["used_at"]), row["used_by"], row["used_via"])

    def siblings(self, grant_id: str) -> dict[str, ApprovalToken]:
        """The tokens of one notice by action."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM approval_tokens WHERE grant_id = ?", (grant_id,)).fetchall()
        return {r["action"]: self._row(r) for r in rows}

    def consume(self, token: ApprovalToken, actor: str, via: str, now: datetime | None = None) -> None:
        """Mark a token used, atomically; raises ApprovalError if someone used it first."""
        ts = (now or datetime.now(UTC)).timestamp()
        token_id = token.token.split("-")[0]
        with self._lock:
            cur = self._db.execute(
                "UPDATE approval_tokens SET used_at = ?, used_by = ?, used_via = ? WHERE id = ? AND used_at IS NULL",
                (ts, actor, via, token_id),
            )
        if cur.rowcount != 1:
            raise ApprovalError("this approval link was already used")

    def void_message(self, queue_id: str, reason: str, now: datetime | None = None) -> int:
        """Mark every unused token of a message used (the message was decided); returns how many."""
        ts = (now or datetime.now(UTC)).timestamp()
        with self._lock:
            cur = self._db.execute(
                "UPDATE approval_tokens SET used_at = ?, used_by = 'system', used_via = ?"
                " WHERE queue_id = ? AND used_at IS NULL AND action != 'view'",
                (ts, reason, queue_id),
            )
        return cur.rowcount

    def close(self) -> None:
        with self._lock:
            self._db.close()
