"""Helpers for the rule-tuning tests: a copied rules/deals workspace, the CLI, and a seeded spool."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import click
from click.testing import CliRunner, Result

from promisegate.audit import AuditLog
from promisegate.config import Settings, load_settings
from promisegate.context.loader import load_context
from promisegate.pipeline import Checker
from promisegate.relay import Relay
from promisegate.server import make_upstream
from promisegate.spool import Store

REPO = Path(__file__).resolve().parents[2]
MARIA = "maria.gomez@acmelogistics.example"
TOM = "tom.becker@acmelogistics.example"
AGENT = "agent@brightline.example"
RECORDING = "Hi Maria,\n\nI'll send you the recording of today's call tomorrow.\n\nBest,\nBrightline Sales Assistant\n"
PEN_TEST = "Hi Tom,\n\nI'll share our latest pen test report this week.\n\nBest,\nBrightline Sales Assistant\n"
RESTRICTED_RECORDING = """\
  - name: Demo recording
    aliases: [call recording, recording]
    status: restricted
    note: Recordings show other customers' data; never shared.
"""


def cli() -> click.Group:
    """`promisegate.cli.main` once the tuning commands are registered there, else a group of them."""
    from promisegate.cli import main
    from promisegate.tuning_cli import qa_command, replay_command, rules_command

    if main.commands.get("rules") is rules_command:
        return main
    return click.Group("promisegate", commands=[rules_command, replay_command, qa_command])


def run(*args: str, code: int = 0) -> Result:
    """Invoke `promisegate ARGS` and check the exit code."""
    result = CliRunner().invoke(cli(), list(args))
    assert result.exit_code == code, f"exit {result.exit_code}\n{result.output}\n{result.exception!r}"
    return result


@dataclass
class Workspace:
    """A copy of the bundled rules and deals with a config that uses it."""

    root: Path
    rules: Path
    deals: Path
    var: Path
    config: Path

    def settings(self, **overrides: Any) -> Settings:
        return load_settings(self.config, overrides)

    def restrict_recording(self, deals: Path | None = None) -> None:
        """The walkthrough's change: the demo recording becomes a restricted Acme document."""
        path = (deals or self.deals) / "acme-rollout.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("documents:\n", "documents:\n" + RESTRICTED_RECORDING, 1), encoding="utf-8")


def make_workspace(root: Path) -> Workspace:
    rules, deals, var = root / "rules", root / "deals", root / "var"
    shutil.copytree(REPO / "rules", rules)
    shutil.copytree(REPO / "fixtures" / "deals", deals)
    config = root / "promisegate.toml"
    config.write_text(f'[server]\ndata_dir = "{var}"\n[policy]\nrules_dir = "{rules}"\n'
                      f'[context]\ndeals_dir = "{deals}"\npeople_file = "{REPO / "fixtures" / "people.yaml"}"\n',
                      encoding="utf-8")
    return Workspace(root, rules, deals, var, config)


def mail(to: str, body: str, subject: str = "Following up", sender: str = AGENT) -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{abs(hash((to, body, subject)))}@brightline.example>"
    msg.set_content(body)
    return bytes(msg)


def seed_spool(settings: Settings, messages: Sequence[tuple[str, bytes]]) -> list[str]:
    """Send (rcpt, raw) messages through a real relay (no delivery loop); return their queue ids."""

    async def go() -> list[str]:
        store = Store(settings.data_path / "promisegate.sqlite3")
        context = load_context(settings)
        audit = AuditLog(settings.data_path / "audit.sqlite3")
        relay = Relay(settings, store, Checker(settings, context), make_upstream(settings), audit, context)
        try:
            ids = [await relay.submit(raw, AGENT, [rcpt], agent="demo-agent") for rcpt, raw in messages]
            for _ in range(400):
                if all(store.get(q).state not in ("accepted", "checked") for q in ids):
                    break
                await asyncio.sleep(0.05)
            return ids
        finally:
            await relay.stop()
            context.close()
            audit.close()
            store.close()

    return asyncio.run(go())
