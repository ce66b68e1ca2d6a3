"""The `promisegate` command line."""

from __future__ import annotations

import asyncio
import json
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import click

from promisegate import __version__
from promisegate.config import AgentAccount, Settings, load_settings
from promisegate.errors import ConfigError, NotFound, PromisegateError
from promisegate.model import MODES

config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="promisegate.toml (default: built-in defaults)")
data_dir_option = click.option("--data-dir", type=click.Path(file_okay=False), help="state directory (default ./var)")


def settings_from(config_path: str | None, **overrides: Any) -> Settings:
    """Load settings or exit with the file:line error."""
    try:
        return load_settings(config_path, {k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"not an ISO 8601 time: {value!r}", param_hint="--now") from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="promisegate")
def main() -> None:
    """promisegate: an SMTP relay that holds AI-agent mail whose promises need a human."""


@main.command()
@config_option
@data_dir_option
@click.option("--smtp-port", type=int, help="SMTP port (default 2525)")
@click.option("--web-port", type=int, help="web/API port (default 8025)")
@click.option("--upstream", help="upstream SMTP HOST:PORT (default: local outbox Maildir)")
@click.option("--mode", type=click.Choice(MODES), help="policy mode (default gated)")
@click.option("--agent", "agents", multiple=True, metavar="USER:PASSWORD", help="agent credentials (repeatable)")
def run(config_path: str | None, data_dir: str | None, smtp_port: int | None, web_port: int | None,
        upstream: str | None, mode: str | None, agents: tuple[str, ...]) -> None:
    """Start the SMTP gateway and the web UI/API; stops cleanly on SIGTERM or SIGINT."""
    from promisegate.logs import setup_logging
    from promisegate.server import Server

    overrides: dict[str, Any] = {"server.data_dir": data_dir, "server.smtp_port": smtp_port,
                                 "server.web_port": web_port, "policy.mode": mode}
    if upstream:
        host, _, port = upstream.rpartition(":")
        if not host or not port.isdigit():
            raise click.BadParameter("expected HOST:PORT", param_hint="--upstream")
        overrides["upstream.host"], overrides["upstream.port"] = host, int(port)
    if agents:
        accounts = []
        for spec in agents:
            user, sep, password = spec.partition(":")
            if not sep or not user or not password:
                raise click.BadParameter(f"expected USER:PASSWORD, got {spec!r}", param_hint="--agent")
            accounts.append(AgentAccount(user, password))
        overrides["agents"] = accounts
    settings = settings_from(config_path, **overrides)
    setup_logging(settings.server.log_format, settings.server.log_level)
    _print_banner(settings)
    try:
        asyncio.run(Server(settings).serve_forever())
    except (OSError, PromisegateError) as exc:
        # An invalid deal or rule file stops the start: the relay never runs on policy it cannot read.
        raise click.ClickException(f"cannot start: {exc}") from exc


def _print_banner(s: Settings) -> None:
    from promisegate.deliver import MaildirOutbox
    from promisegate.server import make_upstream

    target = make_upstream(s)
    where = f"\n                (listed at {s.base_url}/outbox)" if isinstance(target, MaildirOutbox) else ""
    agents = "\n".join(f"    user {a.user!r}  password {a.password!r}" for a in s.agents)
    approvers = "\n".join(f"    {a.get('email')!r}  password {a.get('password')!r}"
                          for a in s.approvers) or "    (none)"
    click.echo(
        f"promisegate {__version__} — mode {s.policy.mode}\n"
        f"  SMTP gateway  smtp://{s.server.smtp_host}:{s.server.smtp_port}  (AUTH PLAIN/LOGIN required)\n"
        f"  web UI + API  {s.base_url}/\n"
        f"  health        {s.base_url}/healthz   metrics {s.base_url}/metrics\n"
        f"  data dir      {s.data_path.resolve()}\n"
        f"  rules         {s.rules_path}\n  deals         {s.deals_path}\n"
        f"  released mail {target.describe()}{where}\n"
        f"  agent credentials:\n{agents}\n"
        f"  approver logins for the web UI:\n{approvers}\n"
        f"  try: swaks --server {s.server.smtp_host}:{s.server.smtp_port} --auth-user {s.agents[0].user}"
        f" --auth-password {s.agents[0].password} --to buyer@example.com\n",
        err=False,
    )
    sys.stdout.flush()


@main.command()
@click.argument("message", type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@config_option
@click.option("--now", help="judge as of this ISO 8601 time (default: the clock)")
@click.option("--mode", type=click.Choice(MODES), help="policy mode (default: from config)")
@click.option("--json", "as_json", is_flag=True, help="print the verdict as JSON")
@click.option("--explain", is_flag=True, help="print a readable trace of the decision")
def check(message: str, config_path: str | None, now: str | None, mode: str | None, as_json: bool,
          explain: bool) -> None:
    """Print the verdict the server would reach for MESSAGE.eml, without a server."""
    from promisegate.context.loader import load_context
    from promisegate.pipeline import Checker

    settings = settings_from(config_path)
    raw = sys.stdin.buffer.read() if message == "-" else Path(message).read_bytes()
    try:
        context = load_context(settings)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        result = Checker(settings, context).check(raw, now=parse_now(now), mode=mode)  # type: ignore[arg-type]
    finally:
        context.close()
    v = result.verdict
    if as_json:
        click.echo(json.dumps(v.to_json(), indent=2, ensure_ascii=False))
        return
    click.echo(f"{v.action.upper()}  score {v.score:g}  mode {v.mode}  deal {v.deal_id or '-'}")
    click.echo(f"  {v.reason}")
    for f in v.findings:
        click.echo(f"  [{f.rule} +{f.score:g}] {f.message}")
    if explain:
        from promisegate.explain import explain_lines

        for line in explain_lines(result):
            click.echo(line)


@main.group()
def queue() -> None:
    """Inspect and act on the spool (works with the server running or stopped)."""


def _store(config_path: str | None, data_dir: str | None) -> tuple[Settings, Any]:
    from promisegate.spool import Store

    settings = settings_from(config_path, **{"server.data_dir": data_dir})
    db = settings.data_path / "promisegate.sqlite3"
    if not db.exists():
        raise click.ClickException(f"no spool at {db}: start the relay with `promisegate run` first")
    return settings, Store(db)


@queue.command("list")
@config_option
@data_dir_option
@click.option("--state", "states", multiple=True, help="only these states (repeatable)")
@click.option("--json", "as_json", is_flag=True)
def queue_list(config_path: str | None, data_dir: str | None, states: tuple[str, ...], as_json: bool) -> None:
    """List spooled messages, newest first."""
    _, store = _store(config_path, data_dir)
    rows = store.list(states or None)
    if as_json:
        click.echo(json.dumps([{"queue_id": q.queue_id, "state": q.state, "agent": q.agent, "subject": q.subject,
                                "rcpts": q.rcpts, "reason": q.reason, "created_at": q.created_at.isoformat()}
                               for q in rows], indent=2))
        return
    click.echo(f"{'QUEUE ID':<18} {'STATE':<10} {'AGE':>6}  {'AGENT':<14} SUBJECT / REASON")
    now = datetime.now(UTC)
    for q in rows:
        age = _age(now - q.created_at)
        click.echo(f"{q.queue_id:<18} {q.state:<10} {age:>6}  {q.agent[:14]:<14} {q.subject[:50]}")
        if q.state in ("held", "failed", "deferred", "rejected"):
            click.echo(f"{'':<43}↳ {(q.reason or q.last_error)[:90]}")


def _age(delta: Any) -> str:
    secs = int(delta.total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if secs >= size:
            return f"{secs // size}{unit}"
    return f"{secs}s"


@queue.command("show")
@click.argument("queue_id")
@config_option
@data_dir_option
@click.option("--raw", is_flag=True, help="print the stored message bytes")
def queue_show(queue_id: str, config_path: str | None, data_dir: str | None, raw: bool) -> None:
    """Show one message: envelope, state, verdict and findings."""
    _, store = _store(config_path, data_dir)
    try:
        q = store.get(queue_id)
    except NotFound as exc:
        raise click.ClickException(str(exc)) from exc
    if raw:
        sys.stdout.buffer.write(q.raw)
        return
    click.echo(f"queue id   {q.queue_id}\nstate      {q.state}\nagent      {q.agent}\nfrom       {q.mail_from}\n"
               f"to         {', '.join(q.rcpts)}\nsubject    {q.subject}\nmessage-id {q.message_id}\n"
               f"deal       {q.deal_id or '-'}\nattempts   {q.attempts}\nreason     {q.reason}")
    if q.last_error:
        click.echo(f"last error {q.last_error}")
    for f in (q.verdict or {}).get("findings", []):
        click.echo(f"  [{f['rule']} +{f['score']:g}] {f['message']}")


def _offline_relay(settings: Settings, store: Any) -> Any:
    from promisegate.audit import AuditLog
    from promisegate.context.loader import load_context
    from promisegate.pipeline import Checker
    from promisegate.relay import Relay
    from promisegate.server import make_upstream

    context = load_context(settings)
    return Relay(settings, store, Checker(settings, context), make_upstream(settings),
                 AuditLog(settings.data_path / "audit.sqlite3"), context)


@queue.command("release")
@click.argument("queue_id")
@config_option
@data_dir_option
def queue_release(queue_id: str, config_path: str | None, data_dir: str | None) -> None:
    """Release a held message for delivery (the running server sends it within seconds)."""
    settings, store = _store(config_path, data_dir)

    async def go() -> None:
        relay = _offline_relay(settings, store)
        try:
            await relay.release(queue_id, "operator", "cli")
        finally:
            await relay.stop()

    try:
        asyncio.run(go())
    except PromisegateError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{queue_id} released")


@queue.command("delete")
@click.argument("queue_id")
@config_option
@data_dir_option
def queue_delete(queue_id: str, config_path: str | None, data_dir: str | None) -> None:
    """Delete a message from the spool for good."""
    _, store = _store(config_path, data_dir)
    try:
        store.delete(queue_id)
    except NotFound as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{queue_id} deleted")


def _set_mode(config_path: str | None, data_dir: str | None, mode: str | None) -> None:
    from promisegate.server import admin_token

    settings = settings_from(config_path, **{"server.data_dir": data_dir})
    token_file = settings.data_path / "admin.token"
    if not token_file.exists():
        raise click.ClickException(f"no admin token at {token_file}: is the relay running with this data dir?")
    req = urllib.request.Request(
        f"http://{settings.server.web_host}:{settings.server.web_port}/admin/mode",
        data=json.dumps({"mode": mode, "actor": "cli"}).encode(), method="POST",
        headers={"Authorization": f"Bearer {admin_token(settings.data_path)}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(req, timeout=10) as resp:
            click.echo(f"mode is now {json.load(resp)['mode']}")
    except urllib.error.HTTPError as exc:
        raise click.ClickException(f"server refused: {exc.code} {exc.read().decode(errors='replace')}") from exc
    except OSError as exc:
        raise click.ClickException(f"cannot reach the relay at {req.full_url}: {exc}") from exc


@main.command()
@config_option
@data_dir_option
def pause(config_path: str | None, data_dir: str | None) -> None:
    """The stop button: hold every message and deliver nothing, at once."""
    _set_mode(config_path, data_dir, "paused")


@main.command()
@config_option
@data_dir_option
def resume(config_path: str | None, data_dir: str | None) -> None:
    """Return to the configured mode; mail held only by the pause is judged again."""
    _set_mode(config_path, data_dir, None)


@main.command("config")
@config_option
@click.option("--show", is_flag=True, help="print the effective configuration (defaults merged with the file)")
@click.option("--reference", is_flag=True, help="print every key with its default as a Markdown table")
def config_cmd(config_path: str | None, show: bool, reference: bool) -> None:
    """Print the effective configuration, or the reference of every key."""
    from promisegate.config import documented_keys

    if reference:
        click.echo("| key | default | meaning |\n|---|---|---|")
        for key, default, doc in documented_keys():
            click.echo(f"| `{key}` | `{default}` | {doc} |")
        return
    if not show:
        raise click.UsageError("give --show or --reference")
    settings = settings_from(config_path)
    click.echo(json.dumps(settings.to_dict(), indent=2, default=str))


def _register_commands() -> None:
    # Each area ships its own click commands; the CLI only assembles them.
    from promisegate.audit_cli import audit_command
    from promisegate.context.cli import ledger_command
    from promisegate.extract.cli import extract_command
    from promisegate.tuning_cli import qa_command, replay_command, rules_command

    for command in (extract_command, ledger_command, audit_command, rules_command, replay_command, qa_command):
        main.add_command(command)


_register_commands()
