"""`promisegate qa sample|label|scorecard`: post-send review from the command line."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import click

from promisegate.errors import NotFound
from promisegate.qa import DEFECTS, QaQueue, scorecard
from promisegate.tuning_cli import _open_store, _settings, _when, config_option, data_dir_option


@contextmanager
def _queue(config_path: str | None, data_dir: str | None) -> Iterator[tuple[Any, QaQueue]]:
    settings = _settings(config_path, **{"server.data_dir": data_dir})
    store = _open_store(settings)
    queue = QaQueue(store, settings.qa)
    try:
        yield settings, queue
    finally:
        queue.close()
        store.close()


@click.group("qa")
def qa_command() -> None:
    """Review a sample of released mail and score how the rules are doing."""


@qa_command.command("sample")
@config_option
@data_dir_option
@click.option("--all", "show_all", is_flag=True, help="include messages already labelled")
@click.option("--backfill", is_flag=True, help="first sample released mail already in the spool")
@click.option("--json", "as_json", is_flag=True)
def qa_sample(config_path: str | None, data_dir: str | None, show_all: bool, backfill: bool, as_json: bool) -> None:
    """List sampled messages waiting for review (qa.sample_rate of released mail)."""
    with _queue(config_path, data_dir) as (_, queue):
        if backfill:
            added = queue.backfill(queue.store.list(None, limit=10_000_000))
            click.echo(f"{added} message(s) in the sample", err=True)
        samples = queue.samples(pending_only=not show_all)
    if as_json:
        click.echo(json.dumps([{"queue_id": s.queue_id, "agent": s.agent, "deal": s.deal_id, "subject": s.subject,
                                "action": s.action, "rules_hit": list(s.rules_hit), "labels": [
                                    {**lb, "at": lb["at"].isoformat()} for lb in s.labels]}
                               for s in samples], indent=2))
        return
    for s in samples:
        labels = ", ".join(lb["defect"] for lb in s.labels) or "to review"
        click.echo(f"{s.queue_id:<18} {s.action:<8} {s.agent[:14]:<14} {s.subject[:48]:<48} {labels}")
    click.echo(f"{len(samples)} message(s); label with: promisegate qa label QUEUE_ID "
               f"{{{'|'.join(DEFECTS)}}} [--note TEXT]", err=True)


@qa_command.command("label")
@click.argument("queue_id")
@click.argument("defect", type=click.Choice(list(DEFECTS)))
@click.option("--note", default="", help="what was wrong, for whoever tunes the rules")
@click.option("--reviewer", default="cli", help="who is labelling (recorded with the label)")
@config_option
@data_dir_option
def qa_label(queue_id: str, defect: str, note: str, reviewer: str, config_path: str | None,
             data_dir: str | None) -> None:
    """Label a sampled message with a defect from the taxonomy (or `none`)."""
    with _queue(config_path, data_dir) as (_, queue):
        try:
            queue.label(queue_id, defect, note, reviewer)
        except NotFound as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{queue_id} labelled {defect}")


@qa_command.command("scorecard")
@click.option("--since", default="30", show_default=True, help="ISO date/time, or a number of days back")
@config_option
@data_dir_option
@click.option("--json", "as_json", is_flag=True)
def qa_scorecard(since: str, config_path: str | None, data_dir: str | None, as_json: bool) -> None:
    """Hold rate, false-hold rate, defects by rule and agent, and time to approve."""
    with _queue(config_path, data_dir) as (settings, queue):
        card = scorecard(queue.store, queue, _when(since, "--since"), settings.data_path / "audit.sqlite3")
    if as_json:
        click.echo(json.dumps(card, indent=2))
        return
    for line in scorecard_lines(card):
        click.echo(line)


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.1f}%"


def _dur(seconds: float | None) -> str:
    return "-" if seconds is None else str(timedelta(seconds=round(seconds)))


def scorecard_lines(card: dict[str, Any]) -> Iterator[str]:
    """The scorecard as text."""
    since = datetime.fromisoformat(card["since"]).astimezone(UTC)
    actions = ", ".join(f"{n} {a}" for a, n in sorted(card["actions"].items())) or "none"
    tta = card["time_to_approve"]
    yield f"since {since:%Y-%m-%d %H:%M UTC}: {card['checked']} checked ({actions})"
    yield f"hold rate        {_pct(card['hold_rate'])}"
    yield f"reviewed         {card['reviewed']} of {card['sampled']} sampled; defect rate {_pct(card['defect_rate'])}"
    yield f"false-hold rate  {_pct(card['false_hold_rate'])} of reviewed holds"
    yield f"time to approve  median {_dur(tta['median_seconds'])}, p90 {_dur(tta['p90_seconds'])} ({tta['count']})"
    for title, key in (("defects", "defects"), ("by rule", "defects_by_rule"), ("by agent", "defects_by_agent")):
        yield f"{title}:" + ("" if card[key] else " none")
        for name, n in card[key].items():
            yield f"  {n:>4}  {name}"
