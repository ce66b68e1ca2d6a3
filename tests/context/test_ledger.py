"""The promise ledger: SQLite WAL, idempotent recording, round-tripped commitments, `ledger show`."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from promisegate.context.cli import ledger_command
from promisegate.context.ledger import Ledger
from tests.context.conftest import LA, NOW, commitment, span
from tests.support import config_file


def _promises() -> list:
    when = span(datetime(2027, 1, 5, tzinfo=LA), datetime(2027, 1, 6, tzinfo=LA), "on January 5", "day")
    return [commitment("deadline", "The sandbox will be ready on January 5.", when=when, obj="sandbox"),
            commitment("price", "We can do 12% off.", amount=12, unit="%")]


def test_record_and_read_back(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    assert ledger.record("acme-rollout", "Q100", _promises(), "Sandbox timing", NOW) == 2
    entries = ledger.entries("acme-rollout")
    assert [e.commitment for e in entries] == _promises()
    assert entries[0].queue_id == "Q100" and entries[0].subject == "Sandbox timing"
    assert entries[0].recorded_at == NOW
    assert ledger.entries("globex-pilot") == []
    ledger.close()


def test_recording_twice_is_idempotent(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path / "ledger.sqlite3")
    ledger.record("acme-rollout", "Q100", _promises(), "s", NOW)
    assert ledger.record("acme-rollout", "Q100", _promises(), "s", NOW) == 0
    assert len(ledger.entries("acme-rollout")) == 2
    ledger.close()


def test_ledger_is_wal_and_survives_reopen(tmp_path: Path) -> None:
    path = tmp_path / "data" / "ledger.sqlite3"
    first = Ledger(path)
    first.record("acme-rollout", "Q1", _promises()[:1], "s", NOW)
    first.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reopened = Ledger(path)
    assert len(reopened.entries("acme-rollout")) == 1
    reopened.close()


def test_ledger_show_lists_deal_file_and_mail_promises(tmp_path: Path) -> None:
    cfg = config_file(tmp_path)
    ledger = Ledger(tmp_path / "var" / "ledger.sqlite3")
    ledger.record("acme-rollout", "Q7", _promises(), "Sandbox timing", NOW)
    ledger.close()
    result = CliRunner().invoke(ledger_command, ["show", "acme-rollout", "--config", str(cfg)])
    assert result.exit_code == 0, result.output
    assert "owner Dana Lee <dana.lee@brightline.example>" in result.output
    assert "10% off the Enterprise plan" in result.output  # from the deal file
    assert "The sandbox will be ready on January 5." in result.output and "(mail: Sandbox timing)" in result.output
    result = CliRunner().invoke(ledger_command, ["show", "acme-rollout", "--config", str(cfg), "--json"])
    data = json.loads(result.output)
    assert data["owner"] == "dana.lee@brightline.example"
    assert [c["source"] for c in data["commitments"]] == ["deal file"] * 3 + ["mail"] * 2
    assert data["commitments"][-1]["commitment"]["amount"] == 12


def test_ledger_show_unknown_deal(tmp_path: Path) -> None:
    result = CliRunner().invoke(ledger_command, ["show", "nope", "--config", str(config_file(tmp_path))])
    assert result.exit_code != 0
    assert "no deal 'nope'" in result.output and "acme-rollout" in result.output
