"""Real servers for tests: an aiosmtpd upstream sink and the promisegate relay, both on loopback."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller

from promisegate.config import AgentAccount, Settings, load_settings
from promisegate.server import Server

AGENT_USER = "agent-1"
AGENT_PASSWORD = "s3cret-agent-pass"


_HANDED_OUT: set[int] = set()


def free_port() -> int:
    """A loopback port nothing listens on, never one handed out before in this run: the socket that found it is
    closed at once, so the kernel may offer the same port to the next call (two servers of one test, one port)."""
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port: int = s.getsockname()[1]
        if port not in _HANDED_OUT:
            _HANDED_OUT.add(port)
            return port


def wait_until(predicate: Callable[[], Any], timeout: float = 20.0, what: str = "condition") -> Any:
    """Poll `predicate` until it returns something truthy; fail the test after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.02)


@dataclass
class SinkMessage:
    mail_from: str
    rcpts: list[str]
    raw: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.raw, policy=policy.default)  # type: ignore[return-value]


@dataclass
class UpstreamSink:
    """An upstream SMTP server that stores what it receives; can refuse with 4xx or 5xx on demand."""

    port: int
    reply: str = "250 OK"  # set to "451 ..." or "554 ..." to refuse DATA
    refuse: dict[str, str] = field(default_factory=dict)  # recipient -> RCPT reply
    messages: list[SinkMessage] = field(default_factory=list)
    cond: threading.Condition = field(default_factory=threading.Condition)
    controller: Controller | None = None

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: list[str]) -> str:
        if address in self.refuse:
            return self.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if not self.reply.startswith("250"):
            return self.reply
        with self.cond:
            self.messages.append(SinkMessage(envelope.mail_from, list(envelope.rcpt_tos),
                                             envelope.original_content))
            self.cond.notify_all()
        return "250 OK stored"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port, decode_data=False)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None

    def wait_for(self, count: int, timeout: float = 20.0) -> list[SinkMessage]:
        """Block until at least `count` messages arrived (no sleeps: the handler notifies)."""
        with self.cond:
            if not self.cond.wait_for(lambda: len(self.messages) >= count, timeout):
                raise AssertionError(f"sink got {len(self.messages)} messages, expected {count}")
            return list(self.messages)

    def to(self, address: str) -> list[SinkMessage]:
        return [m for m in self.messages if address in m.rcpts]


def config_file(tmp_path: Path) -> Path:
    """A promisegate.toml under `tmp_path` that keeps the data dir at `tmp_path`/var, for CLI tests."""
    cfg = tmp_path / "promisegate.toml"
    cfg.write_text(f'[server]\ndata_dir = "{tmp_path / "var"}"\n')
    return cfg


def make_settings(data_dir: Path, upstream_port: int | None, **overrides: Any) -> Settings:
    base: dict[str, Any] = {
        "server.data_dir": str(data_dir), "server.smtp_port": free_port(), "server.web_port": free_port(),
        "agents": [AgentAccount(AGENT_USER, AGENT_PASSWORD, "test-api-key")],
        "upstream.backoff_initial": 0.2, "upstream.backoff_max": 0.5,
        "approvers": [],  # tests that need approver logins (and their notices) configure them
    }
    if upstream_port:
        base["upstream.host"], base["upstream.port"] = "127.0.0.1", upstream_port
    base.update(overrides)
    return load_settings(None, base)


class RunningServer:
    """The relay's Server in its own event loop thread, as `promisegate run` runs it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.server = Server(settings)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> RunningServer:
        self.thread.start()
        asyncio.run_coroutine_threadsafe(self.server.start(), self.loop).result(30)
        return self

    def __exit__(self, *exc: object) -> None:
        asyncio.run_coroutine_threadsafe(self.server.stop(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()

    def call(self, coro: Any, timeout: float = 30) -> Any:
        """Run a coroutine in the server's loop (e.g. relay.release) and return its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    @property
    def relay(self) -> Any:
        return self.server.relay

    @property
    def smtp_port(self) -> int:
        return self.settings.server.smtp_port

    @property
    def web_url(self) -> str:
        return self.settings.base_url

    def state(self, queue_id: str) -> str:
        return self.relay.store.get(queue_id).state

    def wait_state(self, queue_id: str, *states: str, timeout: float = 20.0) -> str:
        return wait_until(lambda: self.state(queue_id) in states and self.state(queue_id),
                          timeout, f"{queue_id} to reach {states}")


def compose(subject: str = "Follow-up", body: str = "Thanks for the call today.", *,
            sender: str = "agent@seller.example", to: str = "buyer@example.com",
            message_id: str | None = None, extra: dict[str, str] | None = None) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    if message_id:
        msg["Message-ID"] = message_id
    for k, v in (extra or {}).items():
        msg[k] = v
    msg.set_content(body)
    return msg
