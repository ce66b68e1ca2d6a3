"""parse -> extract -> context -> rules -> decide: the one path every message takes.

The server and `promisegate check` both call `Checker.check`, so the CLI shows
exactly what the relay would do. Any failure holds the message (fail closed).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from promisegate.decide import decide
from promisegate.errors import ContextError
from promisegate.extract import extract
from promisegate.model import Extraction, Finding, Mode, Verdict
from promisegate.parse import ParsedMessage, parse_message
from promisegate.policy import Policy, load_policy
from promisegate.rules import RuleContext, RuleRegistry, load_builtin_rules

_NAME_WORD = re.compile(r"[^\W\d_]{2,}")  # the words of a person's name ("Dana", "Lee"; not initials)


def _company(email: str) -> str:
    """The company a mail address names: "brightline" for dana@brightline.example and dana@mail.brightline.com."""
    labels = email.rpartition("@")[2].lower().split(".")
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "net", "ac", "gov"):  # brightline.co.uk
        labels = labels[:-1]
    name = labels[-2] if len(labels) >= 2 else ""
    return name if _NAME_WORD.fullmatch(name) and name not in _MAIL_HOSTS else ""


# Mail hosts that name no company.
_MAIL_HOSTS = frozenset({"gmail", "googlemail", "outlook", "hotmail", "yahoo", "icloud", "proton", "protonmail",
                         "aol", "live", "msn", "gmx", "example"})

if TYPE_CHECKING:
    from promisegate.config import Settings
    from promisegate.context.deals import Deal
    from promisegate.context.loader import ContextBundle

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckResult:
    """A verdict with what it was reached from, for the CLI's --explain and the audit log."""

    verdict: Verdict
    message: ParsedMessage | None
    extraction: Extraction
    elapsed: float


def _failed(mode: Mode, rule: str, reason: str, policy: Policy, **evidence: object) -> Verdict:
    finding = Finding(rule, policy.hold, reason, evidence, escalate=True)
    return Verdict("hold", policy.hold, mode, reason, findings=(finding,), rules_hit=(rule,),
                   thresholds={"hold": policy.hold, "reject": policy.reject})


class Checker:
    """Runs the pipeline over one message with the configured rules and context."""

    def __init__(self, settings: Settings, context: ContextBundle | None,
                 registry: RuleRegistry | None = None, policy: Policy | None = None) -> None:
        self.settings = settings
        self.context = context
        self.registry = registry or load_builtin_rules()
        self.policy = policy or load_policy(settings.rules_path, set(self.registry.names()))
        # None shares the extractor's cache of the bundled patterns; a rules dir of one's own brings its own.
        self.patterns_dir = settings.rules_path if settings.policy.rules_dir else None

    def check(self, raw: bytes, mail_from: str = "", rcpts: Sequence[str] = (), *,
              now: datetime | None = None, mode: Mode | None = None) -> CheckResult:
        """Judge one raw message; never raises for bad input, it holds instead."""
        started = time.perf_counter()
        mode = mode or self.settings.policy.mode  # type: ignore[assignment]
        assert mode is not None
        now = now or datetime.now(UTC)
        message: ParsedMessage | None = None
        extraction = Extraction()
        try:
            message = parse_message(raw, mail_from, tuple(rcpts))
            verdict, extraction = self._judge(message, now, mode)
        except ContextError as exc:
            log.warning("context lookup failed: %s", exc)
            verdict = _failed(mode, "context-unavailable", str(exc), self.policy)
        except Exception as exc:  # fail closed: whatever broke, a human looks at the message
            log.exception("pipeline failed")
            reason = f"internal error: {type(exc).__name__}: {exc}"
            verdict = _failed(mode, "internal-error", reason, self.policy)
        return CheckResult(verdict, message, extraction, time.perf_counter() - started)

    def _our_names(self, deal: Deal | None, sender: str = "") -> frozenset[str]:
        """The names of the writer's side, lower case, one word each: the people of people.yaml and the deal's owner
        (an agent writes "Dana will walk your team through it" for its SE) and the company their mail domains name
        (a recap's "Brightline to share the SOC 2 report"), less any word of the customer's contacts' names and
        domains (a "Tom" on both sides is nobody's)."""
        people = list(self.context.people.values()) if self.context else []
        if deal is not None:
            people.append(deal.owner)
        ours = {w for p in people for w in _NAME_WORD.findall(p.name.lower())}
        ours |= {_company(e) for e in (*(p.email for p in people), sender) if "@" in e} - {""}
        if deal is not None:
            ours -= {w for c in deal.contacts for w in _NAME_WORD.findall(c.name.lower())}
            ours -= {_company(f"@{d}") for d in deal.domains}
        return frozenset(ours)

    def _judge(self, message: ParsedMessage, now: datetime, mode: Mode) -> tuple[Verdict, Extraction]:
        tz = self.settings.context.default_timezone
        deal = self.context.deals.for_message(message) if self.context else None
        if deal is not None:
            tz = deal.owner.timezone or tz
        if self.settings.server.log_bodies:
            log.debug("text of %s: %r", message.message_id, message.text)
        # (an inline reply is read with the questions it answers, in which the extractor finds nothing of its own)
        extraction = extract(message.extraction_text, now, tz, self.patterns_dir,
                             ours=self._our_names(deal, message.sender))
        findings: list[Finding] = []
        hit: list[str] = []
        missed: list[str] = []
        for rule in self.registry:
            rp = self.policy.for_rule(rule.name)
            if not rp.enabled:
                continue
            ctx = RuleContext(
                message=message, extraction=extraction, now=now, deal=deal,
                calendars=self.context.calendars if self.context else None,
                ledger=self.context.ledger if self.context else None,
                people=self.context.people if self.context else {},
                score=rp.score, params=rp.params,
            )
            try:
                found = rule.check(ctx)
            except ContextError:
                raise
            except Exception as exc:
                raise RuntimeError(f"rule {rule.name} failed: {type(exc).__name__}: {exc}") from exc
            if rp.escalate:
                found = [Finding(f.rule, f.score, f.message, f.evidence, True) for f in found]
            (hit if found else missed).append(rule.name)
            findings.extend(found)
        # What decides comes first in every view: escalations, then the heaviest findings.
        findings.sort(key=lambda f: (not f.escalate, -f.score))
        action, score, reason = decide(mode, findings, self.policy)
        verdict = Verdict(
            action, score, mode, reason, extraction.commitments, extraction.requests, tuple(findings),
            tuple(hit), tuple(missed), deal.id if deal else None,
            {"hold": self.policy.hold, "reject": self.policy.reject},
        )
        return verdict, extraction
