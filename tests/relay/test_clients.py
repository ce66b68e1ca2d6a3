"""Unchanged SMTP clients work against the relay: swaks (Debian package) over real SMTP."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support import AGENT_PASSWORD, AGENT_USER, RunningServer, UpstreamSink


@pytest.mark.skipif(shutil.which("swaks") is None, reason="needs Debian package swaks")
@pytest.mark.parametrize("auth", ["PLAIN", "LOGIN"])
def test_swaks_sends_through_the_relay(relay_server: RunningServer, upstream_sink: UpstreamSink, auth: str) -> None:
    result = subprocess.run(
        ["swaks", "--server", f"127.0.0.1:{relay_server.smtp_port}", "--auth", auth,
         "--auth-user", AGENT_USER, "--auth-password", AGENT_PASSWORD,
         "--from", "agent@seller.example", "--to", "buyer@example.com",
         "--header", "Subject: swaks check", "--body", "Thanks for the call today."],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "queued as" in result.stdout
    (got,) = upstream_sink.wait_for(1)
    assert got.message["Subject"] == "swaks check"


@pytest.mark.skipif(shutil.which("swaks") is None, reason="needs Debian package swaks")
def test_swaks_without_auth_is_refused(relay_server: RunningServer) -> None:
    result = subprocess.run(
        ["swaks", "--server", f"127.0.0.1:{relay_server.smtp_port}", "--from", "x@evil.example",
         "--to", "victim@example.com"], capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "530 5.7.0 Authentication required" in result.stdout
