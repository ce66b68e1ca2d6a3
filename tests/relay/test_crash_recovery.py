"""SIGKILL the relay while deliveries are in flight; after a restart every message arrives exactly once."""

from __future__ import annotations

import asyncio
import os
import signal
import smtplib
import socket
import sqlite3
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from tests.support import AGENT_PASSWORD, AGENT_USER, compose, free_port, wait_until

TOTAL = 50
KILL_AT = 20


class CrashSink:
    """Upstream that holds deliveries at a gate, then kills the relay in the middle of delivery KILL_AT."""

    def __init__(self, spool: Path) -> None:
        self.spool = spool
        self.stored: list[bytes] = []
        self.gate = asyncio.Event()
        self.relay_pid = 0
        self.killed = threading.Event()
        self.restarted = False
        self.lock = threading.Condition()

    def states(self) -> str:
        """Spool states by kind, for the failure message."""
        db = sqlite3.connect(f"file:{self.spool}?mode=ro", uri=True, timeout=10)
        try:
            rows = db.execute("SELECT kind, state, COUNT(*), MAX(reason), MAX(last_error) FROM messages"
                              " GROUP BY kind, state").fetchall()
        finally:
            db.close()
        return "; ".join(map(str, rows))

    def _delivered_in_spool(self) -> int:
        db = sqlite3.connect(f"file:{self.spool}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute("SELECT COUNT(*) FROM messages WHERE kind='agent' AND state='delivered'").fetchone()[0]
        finally:
            db.close()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        await self.gate.wait()
        if self.killed.is_set() and not self.restarted:
            return "451 4.3.0 relay went away"
        if not self.killed.is_set() and len(self.stored) + 1 == KILL_AT:
            # Block this loop (no other delivery can be stored meanwhile) until the relay has recorded
            # every delivery we already acknowledged, then kill it in the middle of this one.
            wait_until(lambda: self._delivered_in_spool() == len(self.stored), 20, "relay to record deliveries")
            os.kill(self.relay_pid, signal.SIGKILL)
            self.killed.set()
            return "451 4.3.0 relay went away"
        with self.lock:
            self.stored.append(envelope.original_content)
            self.lock.notify_all()
        return "250 OK"


def start_relay(config: Path) -> subprocess.Popen[bytes]:
    exe = Path(sys.executable).with_name("promisegate")
    # Logs go to a file: an unread pipe would fill up and stall the relay.
    with open(config.with_suffix(".log"), "ab") as log:
        return subprocess.Popen([str(exe), "run", "--config", str(config)], stdout=log, stderr=log)


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.slow
def test_sigkill_during_delivery_loses_nothing_and_sends_nothing_twice(tmp_path: Path) -> None:
    smtp_port, web_port, sink_port = free_port(), free_port(), free_port()
    data = tmp_path / "var"
    config = tmp_path / "promisegate.toml"
    config.write_text(f"""
[server]
data_dir = "{data}"
smtp_port = {smtp_port}
web_port = {web_port}
rate_limit_per_minute = 1000

[policy]
mode = "autonomous"

[upstream]
host = "127.0.0.1"
port = {sink_port}
backoff_initial = 0.2
backoff_max = 0.5
concurrency = 4

[[agents]]
user = "{AGENT_USER}"
password = "{AGENT_PASSWORD}"
""")
    sink = CrashSink(data / "promisegate.sqlite3")
    controller = Controller(sink, hostname="127.0.0.1", port=sink_port, decode_data=False)
    controller.start()
    relay = start_relay(config)
    try:
        wait_until(lambda: port_open(smtp_port), 90, "relay to listen")
        sink.relay_pid = relay.pid
        sent = [f"<crash-{i}@seller.example>" for i in range(TOTAL)]
        with smtplib.SMTP("127.0.0.1", smtp_port, timeout=30) as client:
            client.login(AGENT_USER, AGENT_PASSWORD)
            for i, mid in enumerate(sent):
                client.send_message(compose(f"Note {i}", "Thanks for the call today.", message_id=mid))
        controller.loop.call_soon_threadsafe(sink.gate.set)
        assert relay.wait(30) == -signal.SIGKILL
        assert sink.killed.is_set()

        sink.restarted = True
        relay = start_relay(config)
        with sink.lock:
            arrived = sink.lock.wait_for(lambda: len(sink.stored) >= TOTAL, 90)
        log_tail = config.with_suffix(".log").read_text(errors="replace")[-3000:]
        assert arrived, f"only {len(sink.stored)} arrived; spool: {sink.states()}\nrelay log:\n{log_tail}"
        wait_until(lambda: sink._delivered_in_spool() == TOTAL, 30, "all deliveries recorded")
        ids = Counter(
            line.split(b":", 1)[1].strip().decode()
            for raw in sink.stored for line in raw.split(b"\r\n") if line.lower().startswith(b"message-id:")
        )
        assert set(ids) == set(sent)
        assert all(n == 1 for n in ids.values()), [m for m, n in ids.items() if n > 1]
    finally:
        relay.send_signal(signal.SIGTERM)
        try:
            assert relay.wait(20) in (0, -signal.SIGKILL)
        finally:
            controller.stop()
