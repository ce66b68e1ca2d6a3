"""`promisegate audit verify|export`: check the hash chain and dump events as JSON lines."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from promisegate.audit import AuditLog
from promisegate.config import load_settings
from promisegate.errors import ConfigError


def audit_path(config: str | None) -> Path:
    """Where the audit log of the configured data directory lives."""
    try:
        settings = load_settings(config)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    return settings.data_path / "audit.sqlite3"


def _parse_since(value: str) -> datetime:
    try:
        when = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not an ISO 8601 date or time") from exc
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


_config = click.option("--config", "config", type=click.Path(dir_okay=False), default=None,
                       help="promisegate.toml (default: built-in settings).")


@click.group("audit")
def audit_command() -> None:
    """Check and export the hash-chained audit log."""


@audit_command.command("verify")
@_config
def verify_command(config: str | None) -> None:
    """Re-hash every entry; exit 1 and name the first bad entry when the log was tampered with."""
    path = audit_path(config)
    if not path.exists():
        raise click.ClickException(f"no audit log at {path}")
    log = AuditLog(path)
    try:
        ok, bad_seq, message = log.verify()
    finally:
        log.close()
    if ok:
        click.echo(f"audit log OK: {message}")
        return
    click.echo(f"audit log TAMPERED at entry {bad_seq}: {message}", err=True)
    raise SystemExit(1)


@audit_command.command("export")
@click.option("--since", "since", required=True, help="ISO 8601 date or time (UTC when no zone).")
@_config
def export_command(since: str, config: str | None) -> None:
    """Print events at or after --since as JSON lines."""
    when = _parse_since(since)
    path = audit_path(config)
    if not path.exists():
        raise click.ClickException(f"no audit log at {path}")
    log = AuditLog(path)
    try:
        for event in log.export(when):
            click.echo(json.dumps(event, ensure_ascii=False, sort_keys=True))
    finally:
        log.close()
