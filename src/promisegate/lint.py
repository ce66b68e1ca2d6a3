"""`promisegate rules lint`: check policy, pattern, lexicon, people and deal files, reporting every error.

The loaders the relay uses stop at the first problem; lint reuses them as the final word
but walks each file itself first so one run names as many `file:line` errors as it can.
Pattern files are checked line by line (`patterns.py`-style rules live in `lint_patterns`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from promisegate.errors import ConfigError
from promisegate.policy import _RULE_KEYS, POLICY_FILE, load_policy

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class LintIssue:
    """One problem in one file, printed as `file:line: message`."""

    path: str
    line: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        tag = "warning: " if self.severity == "warning" else ""
        return f"{where}: {tag}{self.message}"

    @classmethod
    def from_error(cls, exc: ConfigError, default_path: str = "") -> LintIssue:
        """Turn a loader's ConfigError (which names file and line) into an issue."""
        return cls(exc.path or default_path, exc.line or 0, " ".join(exc.detail.split()))


@dataclass(frozen=True)
class LintTargets:
    """What to check: a rules directory, the deals and people files, optionally a case corpus."""

    rules_dir: Path
    deals_dir: Path | None = None
    people_file: Path | None = None
    cases_dir: Path | None = None
    default_timezone: str = "UTC"


def lint_all(targets: LintTargets, known_rules: Iterable[str]) -> list[LintIssue]:
    """Every issue in every file `targets` names, sorted by file and line."""
    from promisegate.lint_patterns import lint_patterns

    known = set(known_rules)
    issues = lint_policy(targets.rules_dir, known)
    issues += lint_patterns(targets.rules_dir)
    deal_ids: set[str] | None = None
    if targets.deals_dir is not None and targets.people_file is not None:
        context_issues, deal_ids = lint_context(targets.deals_dir, targets.people_file, targets.default_timezone)
        issues += context_issues
    if targets.cases_dir is not None:
        issues += lint_cases(targets.cases_dir, known, deal_ids)
    return sorted(set(issues))


# -- policy.yaml -----------------------------------------------------------------------------------

def _duplicate_keys(node: yaml.Node, path: str) -> list[LintIssue]:
    out: list[LintIssue] = []
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key, value in node.value:
            line = key.start_mark.line + 1
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    out.append(LintIssue(path, line, f"duplicate key {key.value!r} (first on line {seen[key.value]});"
                                                     " YAML keeps only the last one"))
                seen.setdefault(key.value, line)
            out += _duplicate_keys(value, path)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            out += _duplicate_keys(item, path)
    return out


def _number(node: yaml.Node) -> float | None:
    if isinstance(node, yaml.ScalarNode) and node.tag in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
        try:
            return float(yaml.safe_load(node.value))
        except (TypeError, ValueError):
            return None
    return None


def _is_bool(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:bool"


def _lint_rule(name: str, key: yaml.Node, body: yaml.Node, known: set[str], path: str) -> list[LintIssue]:
    line = key.start_mark.line + 1
    out: list[LintIssue] = []
    if name not in known:
        out.append(LintIssue(path, line, f"unknown rule {name!r} (registered: {', '.join(sorted(known))})"))
    if isinstance(body, yaml.ScalarNode) and body.tag == "tag:yaml.org,2002:null":
        return out
    if not isinstance(body, yaml.MappingNode):
        return [*out, LintIssue(path, line, f"rule {name!r} must be a mapping of {', '.join(sorted(_RULE_KEYS))}")]
    for k, v in body.value:
        kline = k.start_mark.line + 1
        if k.value not in _RULE_KEYS:
            out.append(LintIssue(path, kline, f"rule {name!r}: unknown key {k.value!r}"
                                              f" (known: {', '.join(sorted(_RULE_KEYS))})"))
        elif k.value in ("enabled", "escalate") and not _is_bool(v):
            out.append(LintIssue(path, kline, f"rule {name!r}: {k.value} must be true or false"))
        elif k.value == "score" and _number(v) is None:
            out.append(LintIssue(path, kline, f"rule {name!r}: score must be a number"))
        elif k.value == "params" and not isinstance(v, yaml.MappingNode) and not (
                isinstance(v, yaml.ScalarNode) and v.tag == "tag:yaml.org,2002:null"):
            out.append(LintIssue(path, kline, f"rule {name!r}: params must be a mapping"))
    return out


def lint_policy(rules_dir: Path, known_rules: set[str]) -> list[LintIssue]:
    """Issues in `rules_dir/policy.yaml`: syntax, duplicate and unknown keys, unknown rules, thresholds."""
    path = rules_dir / POLICY_FILE
    where = str(path)
    if not rules_dir.is_dir():
        return [LintIssue(str(rules_dir), 0, "rules directory not found")]
    if not path.exists():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        return [LintIssue(where, mark.line + 1 if mark else 0, f"invalid YAML: {exc.problem}")]
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return [LintIssue(where, 1, "policy must be a mapping with 'thresholds' and 'rules'")]
    out = _duplicate_keys(root, where)
    thresholds: dict[str, tuple[float, int]] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if key.value == "thresholds" and isinstance(value, yaml.MappingNode):
            for k, v in value.value:
                number = _number(v)
                if k.value not in ("hold", "reject") or number is None:
                    out.append(LintIssue(where, k.start_mark.line + 1,
                                         f"thresholds.{k.value}: expected hold or reject with a number"))
                else:
                    thresholds[k.value] = (number, k.start_mark.line + 1)
        elif key.value == "rules" and isinstance(value, yaml.MappingNode):
            for k, v in value.value:
                out += _lint_rule(str(k.value), k, v, known_rules, where)
        elif key.value in ("thresholds", "rules"):
            out.append(LintIssue(where, line, f"{key.value} must be a mapping"))
        else:
            out.append(LintIssue(where, line, f"unknown key {key.value!r} (known: rules, thresholds)"))
    hold = thresholds.get("hold", (5.0, 0))
    reject = thresholds.get("reject", (100.0, 0))
    if hold[0] > reject[0]:
        out.append(LintIssue(where, reject[1] or hold[1], f"reject threshold {reject[0]:g} is below the hold "
                                                          f"threshold {hold[0]:g}, so nothing is ever just held"))
    if not out:  # the loader the relay uses has the last word
        try:
            load_policy(rules_dir, known_rules)
        except ConfigError as exc:
            out.append(LintIssue.from_error(exc, where))
    return out


# -- people.yaml and deals/*.yaml ------------------------------------------------------------------

def lint_context(deals_dir: Path, people_file: Path, default_tz: str = "UTC") -> tuple[list[LintIssue], set[str]]:
    """Issues in people.yaml and each deal file (one per file), plus the deal ids that did load."""
    from promisegate.context.deal_files import parse_deal
    from promisegate.context.people import PeopleDirectory, load_people
    from promisegate.context.yamlfile import root

    out: list[LintIssue] = []
    try:
        directory = load_people(people_file, default_tz)
        people_ok = True
    except ConfigError as exc:
        out.append(LintIssue.from_error(exc, str(people_file)))
        directory, people_ok = PeopleDirectory(), False
    ids: dict[str, str] = {}
    if not deals_dir.is_dir():
        return [*out, LintIssue(str(deals_dir), 0, "deals directory not found")], set()
    for path in sorted([*deals_dir.glob("*.yaml"), *deals_dir.glob("*.yml")]):
        try:
            top = root(path)
            if top.value is None:
                continue
            deal = parse_deal(top, directory.people, default_tz)
        except ConfigError as exc:
            if people_ok or "people.yaml" not in exc.detail:
                out.append(LintIssue.from_error(exc, str(path)))
            continue
        id_line = top.get("id").line
        if deal.id in ids:
            out.append(LintIssue(str(path), id_line, f"deal id {deal.id!r} is also used in {ids[deal.id]}"))
            continue
        ids[deal.id] = str(path)
        if not people_ok:
            continue
        for name in deal.owner.calendars:
            if name not in directory.calendars:
                out.append(LintIssue(str(path), top.get("owner").line,
                                     f"owner calendar {name!r} is not defined in {people_file.name}"))
        for approver, node in zip(top.get("approvers").texts(), top.get("approvers").items(), strict=True):
            if approver.lower() not in directory.people and approver.lower() != deal.owner.email:
                out.append(LintIssue(str(path), node.line,
                                     f"approver {approver} is not in {people_file.name}"))
    return out, set(ids)


# -- case corpus sidecars ------------------------------------------------------------------------------

def lint_cases(cases_dir: Path, known_rules: set[str], deal_ids: set[str] | None) -> list[LintIssue]:
    """Issues in a case corpus: unreadable sidecars, unknown rules or deals they name."""
    from promisegate.corpus import load_cases

    cases, errors = load_cases(cases_dir, collect=True)
    out = [LintIssue.from_error(e) for e in errors]
    for case in cases:
        sidecar = str(case.sidecar)
        for rule in case.rules:
            if rule not in known_rules:
                out.append(LintIssue(sidecar, case.line_of("rules"), f"unknown rule {rule!r}"))
        if deal_ids is not None and case.deal and case.deal not in deal_ids:
            out.append(LintIssue(sidecar, case.line_of("deal"), f"unknown deal {case.deal!r}"))
    return out
