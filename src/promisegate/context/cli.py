"""`promisegate ledger show DEAL`: the promises made on an SE's behalf on one deal."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from promisegate.context import LedgerEntry
from promisegate.errors import NotFound, PromisegateError


def _entry_json(entry: LedgerEntry, source: str) -> dict[str, Any]:
    return {"source": source, "reference": entry.queue_id, "recorded_at": entry.recorded_at.isoformat(),
            "subject": entry.subject, "commitment": entry.commitment.to_json()}


def _entry_line(entry: LedgerEntry, source: str) -> str:
    c = entry.commitment
    when = f" [{c.when.from_:%Y-%m-%d}..{c.when.to:%Y-%m-%d}]" if c.when else ""
    amount = f" [{c.amount:g}{c.unit if c.unit == '%' else ' ' + (c.unit or '')}]" if c.amount is not None else ""
    ref = entry.subject or entry.queue_id
    return f"{entry.recorded_at:%Y-%m-%d}  {c.kind:<9} {c.text}{when}{amount}  ({source}: {ref})"


@click.group("ledger")
def ledger_command() -> None:
    """The ledger of promises already released to customers."""


@ledger_command.command("show")
@click.argument("deal_id")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="promisegate.toml (default: built-in settings)")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
def show(deal_id: str, config_path: str | None, as_json: bool) -> None:
    """List the promises made on DEAL_ID: those in the deal file, then those from released mail."""
    from promisegate.config import load_settings
    from promisegate.context.loader import load_context

    try:
        bundle = load_context(load_settings(config_path))
    except PromisegateError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        deal = bundle.deals.get(deal_id)
        rows = [(e, "deal file") for e in deal.existing_commitments]
        rows += [(e, "mail") for e in bundle.ledger.entries(deal.id)]
    except NotFound as exc:
        raise click.ClickException(f"{exc}; known deals: {', '.join(d.id for d in bundle.deals.all())}") from exc
    finally:
        bundle.close()
    if as_json:
        out = {"deal": deal.id, "name": deal.name, "owner": deal.owner.email,
               "commitments": [_entry_json(e, s) for e, s in rows]}
        json.dump(out, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    click.echo(f"{deal.name} ({deal.id}), owner {deal.owner.display} <{deal.owner.email}>")
    if not rows:
        click.echo("  no promises recorded")
    for entry, source in rows:
        click.echo("  " + _entry_line(entry, source))
