"""Upstream delivery: SMTP with TLS/AUTH, or the local outbox Maildir when no upstream is set.

Both sit behind `Upstream.send`, which either returns the recipients accepted or
raises a Temporary/PermanentDeliveryError. Retry timing lives in the relay.
"""

from __future__ import annotations

import asyncio
import mailbox
import re
import ssl
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, Protocol

import aiosmtplib

from promisegate.config import UpstreamSettings
from promisegate.errors import PermanentDeliveryError, TemporaryDeliveryError


@dataclass(frozen=True)
class DeliveryResult:
    """Per-recipient outcome: accepted, refused for good (5xx), or to retry (4xx), with the reply text."""

    accepted: tuple[str, ...]
    refused: dict[str, str]
    deferred: dict[str, str]
    reply: str


class Upstream(Protocol):
    """Where released mail goes."""

    async def send(self, raw: bytes, mail_from: str, rcpts: Sequence[str]) -> DeliveryResult: ...

    async def aclose(self) -> None: ...


class SmtpUpstream:
    """The real upstream SMTP server."""

    def __init__(self, settings: UpstreamSettings) -> None:
        self.settings = settings
        self._closing: set[asyncio.Task[None]] = set()

    @staticmethod
    async def _quit(client: aiosmtplib.SMTP) -> None:
        try:
            if client.is_connected:
                await client.quit()
        except (TimeoutError, aiosmtplib.SMTPException, OSError):
            pass
        finally:  # also when cancelled at shutdown: never leave a socket to the garbage collector
            if client.is_connected:
                client.close()

    async def aclose(self) -> None:
        """Wait briefly for connections still saying QUIT, then close them."""
        if self._closing:
            _, pending = await asyncio.wait(set(self._closing), timeout=5)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)

    def describe(self) -> str:
        return f"smtp://{self.settings.host}:{self.settings.port} (tls={self.settings.tls})"

    async def send(self, raw: bytes, mail_from: str, rcpts: Sequence[str]) -> DeliveryResult:
        s = self.settings
        tls_context = ssl.create_default_context()
        client = aiosmtplib.SMTP(
            hostname=s.host, port=s.port, timeout=s.timeout,
            use_tls=s.tls == "implicit", start_tls=s.tls == "starttls",
            tls_context=tls_context if s.tls != "none" else None,
            username=s.username or None, password=s.password or None,
        )
        try:
            await client.connect()
            try:
                errors, reply = await client.sendmail(mail_from, list(rcpts), raw)
            finally:
                # QUIT must not delay recording the delivery: the upstream already has the message
                # once DATA got its 250, and every moment before we record it is a duplicate window.
                task = asyncio.get_running_loop().create_task(self._quit(client))
                self._closing.add(task)
                task.add_done_callback(self._closing.discard)
        except aiosmtplib.SMTPRecipientsRefused as exc:
            return self._classify_refusals({r.recipient: r for r in exc.recipients}, rcpts)
        except aiosmtplib.SMTPResponseException as exc:
            if 500 <= exc.code < 600:
                raise PermanentDeliveryError(f"{exc.code} {exc.message}", exc.code) from exc
            raise TemporaryDeliveryError(f"{exc.code} {exc.message}", exc.code) from exc
        except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
            raise TemporaryDeliveryError(f"{type(exc).__name__}: {exc}") from exc
        if errors:
            return self._classify_refusals(errors, rcpts, reply)
        return DeliveryResult(tuple(rcpts), {}, {}, reply)

    @staticmethod
    def _classify_refusals(errors: dict[str, Any], rcpts: Sequence[str], reply: str = "") -> DeliveryResult:
        refused: dict[str, str] = {}
        deferred: dict[str, str] = {}
        for rcpt, err in errors.items():
            code = getattr(err, "code", 0)
            text = f"{code} {getattr(err, 'message', err)}"
            (refused if 500 <= code < 600 else deferred)[rcpt] = text
        accepted = tuple(r for r in rcpts if r not in errors)
        return DeliveryResult(accepted, refused, deferred, reply)


_MICROSECONDS = re.compile(r"\.M(\d+)")


def _written_at(key: str) -> tuple[int, int, str]:
    """(seconds, microseconds, key) from a Maildir key written by Python's mailbox; 0s when it is not one."""
    seconds = key.split(".", 1)[0]
    micro = _MICROSECONDS.search(key)
    return (int(seconds) if seconds.isdigit() else 0, int(micro.group(1)) if micro else 0, key)


@dataclass(frozen=True)
class OutboxEntry:
    """One message in the local outbox, as the outbox page lists it."""

    key: str  # its Maildir key (file name)
    stored_at: float  # when it was written (Unix time)
    subject: str
    sender: str
    recipients: str  # the envelope recipients it was released to


class MaildirOutbox:
    """Local outbox: released mail is written to a Maildir so a newcomer sees the whole loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.maildir = mailbox.Maildir(str(path), create=True)

    def describe(self) -> str:
        return f"local outbox Maildir {self.path}"

    async def aclose(self) -> None:
        """Nothing to close: each message is one file write."""

    def entries(self, limit: int = 200) -> list[OutboxEntry]:
        """The newest `limit` messages, newest first, read from their headers."""
        found = []
        # Maildir names start with the time they were written ("1700000000.M123456P…"): only the
        # newest `limit` files are opened, however long the outbox grows.
        newest = sorted(self.maildir.iterkeys(), key=_written_at, reverse=True)[:limit]
        for key in newest:
            try:
                msg = self.maildir.get_message(key)
            except (KeyError, OSError):  # taken away while listing
                continue
            found.append(OutboxEntry(key, msg.get_date(), str(msg.get("Subject", "")), str(msg.get("From", "")),
                                     str(msg.get("X-Promisegate-Envelope-To", msg.get("To", "")))))
        return found

    def get(self, key: str) -> bytes | None:
        """One stored message by its Maildir key, or None when there is no such key."""
        try:
            return self.maildir.get_bytes(key)
        except (KeyError, OSError):
            return None

    async def send(self, raw: bytes, mail_from: str, rcpts: Sequence[str]) -> DeliveryResult:
        envelope = (f"X-Promisegate-Envelope-From: <{mail_from}>\r\n"
                    f"X-Promisegate-Envelope-To: {', '.join(rcpts)}\r\n").encode()
        try:
            await asyncio.to_thread(self.maildir.add, envelope + raw)
        except OSError as exc:
            raise TemporaryDeliveryError(f"outbox write failed: {exc}") from exc
        return DeliveryResult(tuple(rcpts), {}, {}, "250 stored in local outbox")


def trace_headers(raw: bytes, *, hostname: str, client: str, helo: str, agent: str, queue_id: str,
                  rcpt: str) -> bytes:
    """Prepend a Received header, and a Message-ID when the message has none."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0].lower()
    extra = b""
    if not (head.startswith(b"message-id:") or b"\nmessage-id:" in head):
        extra += f"Message-ID: {make_msgid(domain=hostname)}\r\n".encode()
    auth = f" (authenticated as {agent})" if agent else ""
    received = (f"Received: from {helo or 'unknown'} ([{client}]){auth}\r\n\tby {hostname} (promisegate)"
                f" with ESMTPA id {queue_id}\r\n\tfor <{rcpt}>; {format_datetime(datetime.now(UTC))}\r\n")
    return received.encode() + extra + raw
