"""The audit log is hash-chained: any edit, deletion or reordering is found by `verify` and the CLI."""

from __future__ import annotations

import itertools
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from promisegate.audit import GENESIS, AuditLog
from promisegate.audit_cli import audit_command
from tests.support import config_file


def _log(tmp_path: Path) -> AuditLog:
    log = AuditLog(tmp_path / "var" / "audit.sqlite3")
    log.record("accepted", "Q1", actor="agent-1", via="127.0.0.1", mail_from="a@x.example", rcpts=["b@y.example"])
    log.record("checked", "Q1", action="hold", score=6.5, findings=[{"rule": "calendar-conflict", "score": 5.0}])
    log.record("held", "Q1", reason="score 6.5")
    log.record("approved", "Q1", actor="se@x.example", via="web", address="127.0.0.1")
    log.record("released", "Q2")
    return log


def _tamper(path: Path, sql: str, *args: object) -> None:
    db = sqlite3.connect(path)
    db.executescript("DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;")
    db.execute(sql, args)
    db.commit()
    db.close()


def test_events_are_chained_and_verify(tmp_path: Path) -> None:
    log = _log(tmp_path)
    events = log.events("Q1")
    assert [e.event for e in events] == ["accepted", "checked", "held", "approved"]
    assert events[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(events))
    assert events[3].actor == "se@x.example" and events[3].details["address"] == "127.0.0.1"
    ok, bad, message = log.verify()
    assert (ok, bad) == (True, None) and "5 entries" in message


def test_ordinary_updates_and_deletes_are_refused(tmp_path: Path) -> None:
    log = _log(tmp_path)
    db = sqlite3.connect(log.path)
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 4")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        db.execute("DELETE FROM audit WHERE seq = 2")
    db.close()


@pytest.mark.parametrize(("sql", "args", "bad_seq"), [
    ("UPDATE audit SET actor = ? WHERE seq = 4", ("mallory@x.example",), 4),
    ("UPDATE audit SET details = ? WHERE seq = 2", ('{"action":"release"}',), 2),
    ("DELETE FROM audit WHERE seq = 3", (), 4),
    ("UPDATE audit SET at = ? WHERE seq = 1", ("2020-01-01T00:00:00+00:00",), 1),
])
def test_verify_names_the_first_tampered_entry(tmp_path: Path, sql: str, args: tuple[object, ...],
                                               bad_seq: int) -> None:
    log = _log(tmp_path)
    _tamper(log.path, sql, *args)
    ok, bad, message = log.verify()
    assert not ok and bad == bad_seq
    assert f"entry {bad_seq}" in message


def test_cli_verify_exits_1_on_tamper_naming_the_entry(tmp_path: Path) -> None:
    log = _log(tmp_path)
    cfg = config_file(tmp_path)
    runner = CliRunner()
    good = runner.invoke(audit_command, ["verify", "--config", str(cfg)])
    assert good.exit_code == 0, good.output
    assert "OK" in good.output
    _tamper(log.path, "UPDATE audit SET actor = 'mallory' WHERE seq = 4")
    bad = runner.invoke(audit_command, ["verify", "--config", str(cfg)])
    assert bad.exit_code == 1
    assert "TAMPERED at entry 4" in bad.output


def test_cli_verify_without_a_log_fails_clearly(tmp_path: Path) -> None:
    result = CliRunner().invoke(audit_command, ["verify", "--config", str(config_file(tmp_path))])
    assert result.exit_code != 0 and "no audit log" in result.output


def test_cli_export_prints_json_lines_since_a_date(tmp_path: Path) -> None:
    _log(tmp_path)
    runner = CliRunner()
    result = runner.invoke(audit_command, ["export", "--since", "2000-01-01", "--config", str(config_file(tmp_path))])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert rows[3]["event"] == "approved" and rows[3]["actor"] == "se@x.example"
    later = runner.invoke(audit_command, ["export", "--since", "2999-01-01", "--config", str(config_file(tmp_path))])
    assert later.exit_code == 0 and later.output == ""
    bad = runner.invoke(audit_command, ["export", "--since", "yesterday", "--config", str(config_file(tmp_path))])
    assert bad.exit_code == 2 and "ISO 8601" in bad.output


def test_event_names_are_checked_but_new_ones_allowed(tmp_path: Path) -> None:
    log = AuditLog(tmp_path / "audit.sqlite3")
    assert log.record("mode", None, actor="ops", previous="gated", mode="paused").seq == 1
    with pytest.raises(ValueError, match="bad audit event name"):
        log.record("Not An Event")
