"""Operations: health, Prometheus metrics, the stop button, hot reload of rules."""

from __future__ import annotations

import json
import shutil
import smtplib
import urllib.request
from pathlib import Path

import pytest

from promisegate.cli import _print_banner
from promisegate.paths import bundled
from tests.support import AGENT_PASSWORD, AGENT_USER, RunningServer, compose, make_settings, wait_until


def get(server: RunningServer, path: str) -> str:
    with urllib.request.urlopen(server.web_url + path, timeout=10) as resp:
        return resp.read().decode()


def send(server: RunningServer, body: str = "Thanks for the call today.") -> str:
    with smtplib.SMTP("127.0.0.1", server.smtp_port, timeout=10) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        client.mail("agent@seller.example")
        client.rcpt("buyer@example.com")
        _, text = client.data(compose(body=body).as_bytes())
    return text.decode().rsplit(" ", 1)[-1]


def test_healthz_and_metrics(relay_server: RunningServer) -> None:
    qid = send(relay_server)
    relay_server.wait_state(qid, "delivered", "held")
    health = json.loads(get(relay_server, "/healthz"))
    assert health["status"] == "ok" and health["mode"] == "gated"
    metrics = get(relay_server, "/metrics")
    assert "promisegate_accepted_total 1.0" in metrics
    assert "promisegate_check_seconds_bucket" in metrics


def test_pause_endpoint_needs_the_admin_token(relay_server: RunningServer) -> None:
    req = urllib.request.Request(relay_server.web_url + "/admin/mode", data=b'{"mode": "paused"}', method="POST")
    try:
        urllib.request.urlopen(req, timeout=10)
        raise AssertionError("expected 401")
    except urllib.error.HTTPError as exc:
        assert exc.code == 401
    assert relay_server.relay.mode == "gated"


def test_pause_and_resume_cli_act_on_the_running_server(relay_server: RunningServer) -> None:
    from click.testing import CliRunner

    from promisegate.cli import main

    s = relay_server.settings
    args = ["--data-dir", str(s.data_path)]
    # the CLI reaches the server through its web port; point it there with a config file
    cfg = s.data_path / "cli.toml"
    cfg.write_text(f"[server]\nweb_port = {s.server.web_port}\ndata_dir = \"{s.data_path}\"\n")
    result = CliRunner().invoke(main, ["pause", "--config", str(cfg), *args])
    assert result.exit_code == 0, result.output
    assert "mode is now paused" in result.output and relay_server.relay.mode == "paused"
    result = CliRunner().invoke(main, ["resume", "--config", str(cfg), *args])
    assert "mode is now gated" in result.output and relay_server.relay.mode == "gated"


def test_rules_reload_on_change_and_invalid_change_keeps_old_rules(relay_factory, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    shutil.copytree(bundled("rules"), rules)
    server = relay_factory(**{"policy.rules_dir": str(rules)})
    reloader = server.server.reloader
    reloader.interval = 0.05
    first = server.relay.checker
    policy = rules / "policy.yaml"
    policy.write_text(policy.read_text().replace("hold: 5.0", "hold: 4.5"))
    wait_until(lambda: server.relay.checker is not first, 20, "reload after policy change")
    assert server.relay.checker.policy.hold == 4.5
    good = server.relay.checker
    policy.write_text(policy.read_text() + "\n  no-such-rule: {score: 1}\n")
    wait_until(lambda: reloader.last_error, 20, "reload to be refused")
    assert "no-such-rule" in reloader.last_error and "policy.yaml" in reloader.last_error
    assert server.relay.checker is good  # old rules stay in force
    qid = send(server)
    assert server.wait_state(qid, "delivered", "held") in ("delivered", "held")


def test_start_banner_says_where_released_mail_goes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _print_banner(make_settings(tmp_path / "local", None))
    local = capsys.readouterr().out
    assert "local outbox Maildir" in local and "/outbox)" in local
    _print_banner(make_settings(tmp_path / "relayed", 2599))
    relayed = capsys.readouterr().out
    assert "smtp://127.0.0.1:2599" in relayed and "/outbox" not in relayed
