"""The policy file (`rules/policy.yaml`): thresholds and per-rule score, enablement and parameters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from promisegate.errors import ConfigError

POLICY_FILE = "policy.yaml"
_RULE_KEYS = {"enabled", "score", "escalate", "params"}


@dataclass(frozen=True)
class RulePolicy:
    """How one rule is used: on or off, its score, whether it escalates, its parameters."""

    enabled: bool = True
    score: float = 1.0
    escalate: bool = False
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Policy:
    """Thresholds and rule settings loaded from the rules directory."""

    hold: float = 5.0
    reject: float = 100.0
    rules: Mapping[str, RulePolicy] = field(default_factory=dict)
    source: str = ""

    def for_rule(self, name: str) -> RulePolicy:
        return self.rules.get(name, RulePolicy())


def _line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _key_node(mapping: yaml.MappingNode, key: str) -> yaml.Node | None:
    for k, _ in mapping.value:
        if k.value == key:
            return k
    return None


def load_policy(rules_dir: Path, known_rules: set[str] | None = None) -> Policy:
    """Read `policy.yaml` from `rules_dir`; errors name the file and line."""
    path = rules_dir / POLICY_FILE
    if not path.exists():
        return Policy(source=str(path))
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(f"invalid YAML: {exc}", str(path), mark.line + 1 if mark else None) from exc
    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise ConfigError("policy must be a mapping with 'thresholds' and 'rules'", str(path), 1)
    for key in data:
        if key not in ("thresholds", "rules"):
            raise ConfigError(f"unknown key {key!r} (known: rules, thresholds)", str(path), _line(_key_node(root, key)))
    th = data.get("thresholds") or {}
    for key, value in th.items():
        if key not in ("hold", "reject") or not isinstance(value, int | float):
            raise ConfigError(f"thresholds.{key}: expected hold/reject with a number", str(path),
                              _line(_key_node(root, key)))
    rules: dict[str, RulePolicy] = {}
    rules_node = next((v for k, v in root.value if k.value == "rules"), None)
    for name, body in (data.get("rules") or {}).items():
        node = _key_node(rules_node, name) if isinstance(rules_node, yaml.MappingNode) else None
        if known_rules is not None and name not in known_rules:
            raise ConfigError(f"unknown rule {name!r}", str(path), _line(node))
        body = body or {}
        if not isinstance(body, dict):
            raise ConfigError(f"rule {name!r} must be a mapping", str(path), _line(node))
        unknown = set(body) - _RULE_KEYS
        if unknown:
            raise ConfigError(f"rule {name!r}: unknown key(s) {', '.join(sorted(unknown))}"
                              f" (known: {', '.join(sorted(_RULE_KEYS))})", str(path), _line(node))
        try:
            rules[name] = RulePolicy(bool(body.get("enabled", True)), float(body.get("score", 1.0)),
                                     bool(body.get("escalate", False)), dict(body.get("params") or {}))
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"rule {name!r}: {exc}", str(path), _line(node)) from exc
    return Policy(float(th.get("hold", 5.0)), float(th.get("reject", 100.0)), rules, str(path))
