"""Fail closed at the message level: a broken calendar holds; an invalid deal file is a clear error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from promisegate.cli import main
from promisegate.config import load_settings
from promisegate.context.loader import load_context
from promisegate.errors import ConfigError
from promisegate.paths import bundled
from promisegate.pipeline import Checker

SCENARIO = bundled("fixtures") / "scenarios" / "conflict-board-prep"


@pytest.fixture
def world(tmp_path: Path) -> Path:
    """A private copy of the demo deals, people and calendars to break."""
    for name in ("deals", "calendars", "people.yaml"):
        src = bundled("fixtures") / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    return tmp_path


def checker_for(world: Path, tmp_path: Path) -> Checker:
    settings = load_settings(None, {"context.deals_dir": str(world / "deals"),
                                    "context.people_file": str(world / "people.yaml"),
                                    "server.data_dir": str(tmp_path / "var")})
    return Checker(settings, load_context(settings))


def test_unreadable_calendar_holds_naming_the_calendar(world: Path, tmp_path: Path) -> None:
    import yaml

    from promisegate.cli import parse_now

    now = parse_now(yaml.safe_load(SCENARIO.with_suffix(".yaml").read_text())["now"])
    raw = SCENARIO.with_suffix(".eml").read_bytes()
    healthy = checker_for(world, tmp_path).check(raw, now=now, mode="gated").verdict
    assert healthy.action == "hold" and "meeting-conflict" in healthy.rules_hit

    shutil.rmtree(world / "calendars" / "dana")  # the SE's calendar is gone, no copy cached
    verdict = checker_for(world, tmp_path).check(raw, now=now, mode="autonomous").verdict
    assert verdict.action == "hold"  # even in autonomous mode: nobody can say the SE is free
    assert verdict.reason.startswith("calendar unavailable")
    assert "dana" in verdict.reason


def test_invalid_deal_file_is_a_clear_error_and_nothing_runs_on_it(world: Path, tmp_path: Path) -> None:
    deal = next((world / "deals").glob("*.yaml"))
    lines = deal.read_text().splitlines()
    lines.insert(2, "discount_limit_typo: 10")
    deal.write_text("\n".join(lines) + "\n")
    with pytest.raises(ConfigError) as info:
        checker_for(world, tmp_path)
    assert f"{deal}:3:" in str(info.value)

    cfg = tmp_path / "p.toml"
    cfg.write_text(f'[context]\ndeals_dir = "{world / "deals"}"\npeople_file = "{world / "people.yaml"}"\n'
                   f'[server]\ndata_dir = "{tmp_path / "var"}"\n')
    result = CliRunner().invoke(main, ["check", str(SCENARIO.with_suffix(".eml")), "--config", str(cfg)])
    assert result.exit_code == 1
    assert f"{deal}:3:" in result.output and "Traceback" not in result.output


def test_run_refuses_to_start_on_an_invalid_deal_file(world: Path, tmp_path: Path) -> None:
    from tests.support import free_port

    deal = next((world / "deals").glob("*.yaml"))
    deal.write_text("id: [unclosed\n")
    cfg = tmp_path / "p.toml"
    cfg.write_text(f'[context]\ndeals_dir = "{world / "deals"}"\n[server]\ndata_dir = "{tmp_path / "var"}"\n'
                   f"smtp_port = {free_port()}\nweb_port = {free_port()}\n")
    result = CliRunner().invoke(main, ["run", "--config", str(cfg)])
    assert result.exit_code == 1
    assert "cannot start:" in result.output and str(deal) in result.output
