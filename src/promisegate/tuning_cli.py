"""Rule-tuning commands: `rules lint|test|table`, `replay`, and `qa sample|label|scorecard`.

This module does not import `promisegate.cli` (which registers these commands), so the
click objects can be tested on their own.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from promisegate.config import Settings, load_settings
from promisegate.errors import ConfigError, PromisegateError
from promisegate.model import MODES

if TYPE_CHECKING:
    from promisegate.context.loader import ContextBundle
    from promisegate.pipeline import Checker
    from promisegate.rules import RuleRegistry
    from promisegate.spool import Store

config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False),
                             help="promisegate.toml (default: built-in defaults)")
data_dir_option = click.option("--data-dir", type=click.Path(file_okay=False), help="state directory (default ./var)")
DirPath = click.Path(file_okay=False, path_type=Path)


def _settings(config_path: str | None, **overrides: Any) -> Settings:
    try:
        return load_settings(config_path, {k: v for k, v in overrides.items() if v is not None})
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


def _registry() -> RuleRegistry:
    from promisegate.rules import load_builtin_rules

    return load_builtin_rules()


def _checker(settings: Settings, context: ContextBundle | None) -> Checker:
    from promisegate.pipeline import Checker

    try:
        return Checker(settings, context, _registry())
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc


@contextmanager
def _context(settings: Settings) -> Iterator[ContextBundle]:
    from promisegate.context.loader import load_context

    try:
        context = load_context(settings)
    except PromisegateError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        yield context
    finally:
        context.close()


def _sender(context: ContextBundle) -> str:
    return f"agent@{context.internal_domains[0]}" if context.internal_domains else "agent@promisegate.localhost"


def _when(value: str, option: str) -> datetime:
    """An ISO date or time; a bare number means that many days ago."""
    if value.isdigit():
        return datetime.now(UTC) - timedelta(days=int(value))
    try:
        dt = datetime.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"expected an ISO date/time or a number of days, got {value!r}",
                                 param_hint=option) from exc
    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


# -- rules ---------------------------------------------------------------------------------------

@click.group("rules")
def rules_command() -> None:
    """Check, test and document the rules, patterns and deals."""


@rules_command.command("lint")
@click.argument("rules_dir", required=False, type=DirPath)
@click.option("--deals", "deals_dir", type=DirPath, help="deals directory (default: from config)")
@click.option("--people", "people_file", type=click.Path(dir_okay=False, path_type=Path),
              help="people.yaml (default: from config)")
@click.option("--cases", "cases_dir", type=DirPath, help="also check the sidecars of a case corpus")
@config_option
@click.option("--warnings", "show_warnings", is_flag=True, help="also print warnings (dead pattern entries)")
def rules_lint(rules_dir: Path | None, deals_dir: Path | None, people_file: Path | None, cases_dir: Path | None,
               config_path: str | None, show_warnings: bool) -> None:
    """Validate policy, pattern, lexicon, people and deal files; print file:line: message per error."""
    from promisegate.lint import LintIssue, LintTargets, lint_all

    issues: list[LintIssue] = []
    try:
        settings = load_settings(config_path)
    except ConfigError as exc:
        issues.append(LintIssue.from_error(exc, config_path or ""))
        settings = Settings()
    targets = LintTargets(rules_dir or settings.rules_path, deals_dir or settings.deals_path,
                          people_file or settings.people_path, cases_dir, settings.context.default_timezone)
    issues += lint_all(targets, _registry().names())
    errors = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity == "warning"]
    for issue in issues:
        if issue.severity == "error" or show_warnings:
            click.echo(str(issue))
    hint = "" if show_warnings or not warnings else " (--warnings to list them)"
    click.echo(f"{len(errors)} error(s), {len(warnings)} warning(s){hint}: {targets.rules_dir}, "
               f"{targets.deals_dir}, {targets.people_file}", err=True)
    if errors:
        raise SystemExit(1)


@rules_command.command("test")
@click.argument("cases_dir", required=False, type=DirPath)
@config_option
@click.option("--rules", "rules_dir", type=DirPath, help="rules directory to test (default: from config)")
@click.option("--deals", "deals_dir", type=DirPath, help="deals directory (default: from config)")
@click.option("--json", "as_json", is_flag=True, help="print the results as JSON")
def rules_test(cases_dir: Path | None, config_path: str | None, rules_dir: Path | None, deals_dir: Path | None,
               as_json: bool) -> None:
    """Run a corpus of cases (default: the bundled scenarios) and print pass/fail and a confusion matrix."""
    from promisegate.corpus import load_cases, run_corpus
    from promisegate.paths import bundled

    directory = cases_dir or bundled("fixtures") / "scenarios"
    try:
        cases, _ = load_cases(directory)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from exc
    # A private data dir: the corpus is judged against deal files only, never a live ledger.
    with tempfile.TemporaryDirectory(prefix="promisegate-cases-") as tmp:
        settings = _settings(config_path, **{"server.data_dir": tmp, "policy.rules_dir": _str(rules_dir),
                                             "context.deals_dir": _str(deals_dir)})
        with _context(settings) as context:
            report = run_corpus(_checker(settings, context), cases, _sender(context))
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2))
    else:
        for r in report.results:
            tag = {"pass": "PASS", "fail": "FAIL", "known-gap": "GAP ", "fixed-gap": "GAP✓"}[r.status]
            click.echo(f"{tag} {r.case.name}: {r.action} [{', '.join(r.fired) or '-'}]")
            if r.status in ("fail", "known-gap"):
                click.echo(f"     expected {r.case.action} [{', '.join(r.case.rules) or '-'}]"
                           + (f"; missing {', '.join(r.missing)}" if r.missing else "")
                           + (f"; {r.case.known_gap}" if r.case.known_gap else f"; {r.case.note}"))
                for f in r.findings:
                    click.echo(f"       {f.rule} +{f.score:g}: {f.message}")
        click.echo("")
        for line in report.matrix_lines():
            click.echo(line)
        counts = report.to_json()["summary"]
        click.echo(f"\n{len(report.results)} case(s): " + ", ".join(f"{n} {s}" for s, n in sorted(counts.items())))
    if report.failures:
        raise SystemExit(1)


def _str(path: Path | None) -> str | None:
    return str(path) if path is not None else None


@rules_command.command("table")
def rules_table() -> None:
    """Print the table of registered rules as Markdown (docs/rules.md embeds it)."""
    click.echo(rules_markdown_table(), nl=False)


def rules_markdown_table() -> str:
    """The rule registry as a Markdown table: name and one-line description, in the order of the bundled
    rules/policy.yaml (the order its readers know; import order would shift with whoever imported a module first),
    then any rule it does not name."""
    from promisegate.paths import bundled
    from promisegate.policy import load_policy

    order = list(load_policy(bundled("rules")).rules)
    rules = sorted(_registry(), key=lambda r: (order.index(r.name) if r.name in order else len(order), r.name))
    rows = ["| rule | what it holds for |", "|---|---|"]
    rows += [f"| `{r.name}` | {r.description.replace('|', '/')} |" for r in rules]
    return "\n".join(rows) + "\n"


# -- replay --------------------------------------------------------------------------------------

@click.command("replay")
@click.option("--since", required=True, help="ISO date/time, or a number of days back")
@click.option("--until", help="ISO date/time (default: now)")
@click.option("--rules", "rules_dir", type=DirPath, help="candidate rules directory (policy.yaml, thresholds)")
@click.option("--deals", "deals_dir", type=DirPath, help="candidate deals directory")
@config_option
@data_dir_option
@click.option("--mbox", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="replay an mbox file")
@click.option("--maildir", type=click.Path(exists=True, file_okay=False, path_type=Path), help="replay a Maildir")
@click.option("--mode", type=click.Choice(MODES), help="judge in this mode (default: as first judged)")
@click.option("--all", "show_all", is_flag=True, help="also list messages whose reasons change but not their action")
@click.option("--json", "as_json", is_flag=True, help="print the report as JSON")
def replay_command(since: str, until: str | None, rules_dir: Path | None, deals_dir: Path | None,
                   config_path: str | None, data_dir: str | None, mbox: Path | None, maildir: Path | None,
                   mode: str | None, show_all: bool, as_json: bool) -> None:
    """Re-judge past mail under candidate rules or deals and list what would change, with the reasons."""
    from promisegate.replay import Judge, archive_messages, replay_archive, replay_spool

    start, end = _when(since, "--since"), _when(until, "--until") if until else None
    if mbox and maildir:
        raise click.UsageError("give --mbox or --maildir, not both")
    current = _settings(config_path, **{"server.data_dir": data_dir})
    candidate = _settings(config_path, **{"server.data_dir": data_dir, "policy.rules_dir": _str(rules_dir),
                                          "context.deals_dir": _str(deals_dir)})
    with _context(candidate) as cand_ctx:
        judge = Judge(cand_ctx, _maker(candidate))
        if mbox or maildir:
            with _context(current) as cur_ctx:
                report = replay_archive(archive_messages(mbox, maildir), Judge(cur_ctx, _maker(current)), judge,
                                        start, mode)  # type: ignore[arg-type]
        else:
            store = _open_store(current)
            try:
                report = replay_spool(store, judge, start, end, mode)  # type: ignore[arg-type]
            finally:
                store.close()
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
        return
    for line in report.lines(show_all):
        click.echo(line)


def _maker(settings: Settings) -> Any:
    checker = _checker(settings, None)  # loads and checks the policy once

    def make(context: ContextBundle | None) -> Checker:
        from promisegate.pipeline import Checker

        return Checker(settings, context, checker.registry, checker.policy)

    return make


def _open_store(settings: Settings) -> Store:
    from promisegate.spool import Store

    db = settings.data_path / "promisegate.sqlite3"
    if not db.exists():
        raise click.ClickException(f"no spool at {db}: give --data-dir or --config, or --mbox/--maildir")
    return Store(db)


def __getattr__(name: str) -> Any:
    # `qa_command` lives in qa_cli, which imports the helpers above; resolving it lazily avoids a cycle.
    if name == "qa_command":
        from promisegate.qa_cli import qa_command

        return qa_command
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
