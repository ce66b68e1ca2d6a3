"""The rule registry: every built-in and user rule goes through `registry.register`.

A rule is a small unit: a kebab-case `name`, a one-sentence `description`, and
`check(ctx) -> list[Finding]`. Scores, enablement and per-rule parameters live in
the policy file (`rules/policy.yaml`), not in code.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, TypeVar

from promisegate.model import Extraction, Finding

if TYPE_CHECKING:
    from promisegate.context import CalendarSource, LedgerView, Person
    from promisegate.context.deals import Deal
    from promisegate.parse import ParsedMessage

R = TypeVar("R")
_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may look at for one message."""

    message: ParsedMessage
    extraction: Extraction
    now: datetime
    deal: Deal | None = None
    calendars: CalendarSource | None = None
    ledger: LedgerView | None = None
    people: Mapping[str, Person] = field(default_factory=dict)
    score: float = 1.0  # this rule's configured score
    params: Mapping[str, Any] = field(default_factory=dict)  # this rule's configured parameters

    def finding(self, rule: Rule, message: str, *, score: float | None = None, escalate: bool = False,
                **evidence: Any) -> Finding:
        """Build a finding for `rule` with the configured score unless one is given."""
        return Finding(rule.name, self.score if score is None else score, message, evidence, escalate)


class Rule(Protocol):
    """A named check over one message."""

    name: ClassVar[str]
    description: ClassVar[str]

    def check(self, ctx: RuleContext) -> list[Finding]: ...


class RuleRegistry:
    """All known rules by name; refuses duplicates and malformed names."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}

    def register(self, rule: Rule) -> Rule:
        if not _NAME.match(rule.name):
            raise ValueError(f"rule name {rule.name!r} is not kebab-case")
        if rule.name in self._rules:
            raise ValueError(f"rule {rule.name!r} is already registered")
        if not rule.description or "\n" in rule.description:
            raise ValueError(f"rule {rule.name!r} needs a one-line description")
        self._rules[rule.name] = rule
        return rule

    def __getitem__(self, name: str) -> Rule:
        return self._rules[name]

    def __contains__(self, name: object) -> bool:
        return name in self._rules

    def __iter__(self) -> Iterator[Rule]:
        return iter(self._rules.values())

    def names(self) -> list[str]:
        return list(self._rules)


registry = RuleRegistry()


def register(cls: type[R]) -> type[R]:
    """Class decorator: instantiate and add a rule to the global registry."""
    registry.register(cls())  # type: ignore[arg-type]
    return cls


def load_builtin_rules() -> RuleRegistry:
    """Import every built-in rule module so their @register decorators run."""
    from promisegate.rules import builtin, context_rules  # noqa: F401

    return registry
