"""Fixtures for context tests: the bundled demo world, and hand-built rule contexts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from promisegate.config import Settings
from promisegate.context.loader import ContextBundle, load_context
from promisegate.model import Commitment, Extraction, TimeSpan
from promisegate.parse import ParsedMessage
from promisegate.paths import bundled
from promisegate.rules import RuleContext, load_builtin_rules

LA = ZoneInfo("America/Los_Angeles")
BERLIN = ZoneInfo("Europe/Berlin")
FIXTURES = bundled("fixtures")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=LA)
POLICY = yaml.safe_load((bundled("rules") / "policy.yaml").read_text())["rules"]


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings()
    s.server.data_dir = str(tmp_path / "var")
    return s


@pytest.fixture
def world(settings: Settings) -> Iterator[ContextBundle]:
    """The demo deals, people and calendars from fixtures/, with an empty ledger in a temp dir."""
    bundle = load_context(settings)
    yield bundle
    bundle.close()


def span(start: datetime, end: datetime, text: str = "", grain: str = "minute") -> TimeSpan:
    return TimeSpan(text, 0, len(text), start, end, grain)  # type: ignore[arg-type]


def commitment(kind: str, text: str, *, when: TimeSpan | None = None, obj: str | None = None,
               amount: float | None = None, unit: str | None = None,
               alternatives: tuple[TimeSpan, ...] = ()) -> Commitment:
    return Commitment(kind, text, 0, len(text), "test", when, obj, False, amount, unit,  # type: ignore[arg-type]
                      alternatives)


def message(to: str = "maria.gomez@acmelogistics.example", text: str = "", *, cc: tuple[str, ...] = (),
            deal_header: str = "", sender: str = "agent@brightline.example") -> ParsedMessage:
    return ParsedMessage(text=text, subject="Re: next steps", sender=sender, to=(to,), cc=cc,
                         deal_header=deal_header)


def run_rule(name: str, world: ContextBundle | None, commitments: list[Commitment] | tuple[Commitment, ...] = (),
             *, msg: ParsedMessage | None = None, deal: Any = "auto", now: datetime = NOW,
             params: dict[str, Any] | None = None, times: tuple[TimeSpan, ...] = ()) -> list[Any]:
    """Run one registered rule with policy.yaml's score and params over a hand-built context."""
    rule = load_builtin_rules()[name]
    msg = msg or message(text=" ".join(c.text for c in commitments))
    if deal == "auto":
        deal = world.deals.for_message(msg) if world else None
    conf = POLICY.get(name, {})
    ctx = RuleContext(
        message=msg, extraction=Extraction(commitments=tuple(commitments), times=times), now=now, deal=deal,
        calendars=world.calendars if world else None, ledger=world.ledger if world else None,
        people=world.people if world else {}, score=float(conf.get("score", 1.0)),
        params={**conf.get("params", {}), **(params or {})})
    return rule.check(ctx)
