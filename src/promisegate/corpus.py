"""A corpus of test cases for the rules: `NAME.eml` or `NAME.txt` with a sidecar `NAME.yaml`.

The sidecar pins when the message is judged and what should happen (the format of
`fixtures/scenarios/`):

    now: '2026-11-23T10:00:00-08:00'   # judged as of this instant
    action: hold                        # release | hold | reject
    rules: [document-restricted]        # must all fire; [] = nothing beyond new-commitment may fire
    note: The pen test report is restricted.
    to: tom.becker@acmelogistics.example  # .txt only: recipients (one or a list)
    from: agent@brightline.example        # .txt only: sender (default agent@ the first internal domain)
    subject: Security review              # .txt only
    deal: acme-rollout                    # .txt only: sent as X-Promisegate-Deal
    known_gap: why it fails for now       # expected to fail; reported, not counted as a failure
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email import policy as email_policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from promisegate.context.yamlfile import Node, root
from promisegate.errors import ConfigError
from promisegate.model import Action, Finding

if TYPE_CHECKING:
    from promisegate.pipeline import Checker

ACTIONS: tuple[Action, ...] = ("release", "hold", "reject")
SIDECAR_KEYS = ("now", "action", "rules", "note", "to", "from", "subject", "deal", "known_gap")
# Rules that fire on every promise; a case expecting no rules still allows them.
BASELINE_RULES = frozenset({"new-commitment"})
Status = Literal["pass", "fail", "known-gap", "fixed-gap"]


@dataclass(frozen=True)
class Case:
    """One message with the verdict it should get."""

    name: str
    message: Path
    sidecar: Path
    now: datetime
    action: Action
    rules: tuple[str, ...] = ()
    note: str = ""
    to: tuple[str, ...] = ()
    sender: str = ""
    subject: str = ""
    deal: str = ""
    known_gap: str = ""
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        """The sidecar line of `key` (1 when absent), for lint messages."""
        return self.key_lines.get(key, 1)

    def raw(self, default_sender: str = "agent@promisegate.localhost") -> bytes:
        """The message bytes: the .eml as is, or the .txt wrapped into a minimal message."""
        if self.message.suffix.lower() == ".eml":
            return self.message.read_bytes()
        msg = EmailMessage()
        msg["From"] = self.sender or default_sender
        if self.to:
            msg["To"] = ", ".join(self.to)
        msg["Subject"] = self.subject or self.name.replace("-", " ")
        msg["Date"] = format_datetime(self.now)
        msg["Message-ID"] = f"<case-{self.name}@promisegate.test>"
        if self.deal:
            msg["X-Promisegate-Deal"] = self.deal
        msg.set_content(self.message.read_text(encoding="utf-8"))
        return msg.as_bytes(policy=email_policy.SMTP)


def _instant(node: Node) -> datetime:
    value = node.value
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    try:
        parsed = datetime.fromisoformat(node.text())
    except ValueError:
        raise node.error(f"expected an ISO 8601 time like 2026-11-23T10:00:00-08:00, got {value!r}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def load_case(message: Path) -> Case:
    """Read the sidecar of `message`; raises ConfigError naming the sidecar and line."""
    sidecar = next((p for p in (message.with_suffix(".yaml"), message.with_suffix(".yml")) if p.exists()), None)
    if sidecar is None:
        raise ConfigError(f"no sidecar {message.with_suffix('.yaml').name} with the expected verdict", str(message))
    top = root(sidecar)
    top.mapping(SIDECAR_KEYS, required=("now", "action"))
    return Case(
        name=message.stem,
        message=message,
        sidecar=sidecar,
        now=_instant(top.get("now")),
        action=top.get("action").choice(ACTIONS),  # type: ignore[arg-type]
        rules=top.get("rules").texts(),
        note=top.get("note").text(""),
        to=top.get("to").texts(),
        sender=top.get("from").text(""),
        subject=top.get("subject").text(""),
        deal=top.get("deal").text(""),
        known_gap=top.get("known_gap").text(""),
        key_lines=dict(getattr(top.value, "key_lines", {})),
    )


def case_files(directory: Path) -> list[Path]:
    """The .eml and .txt messages of a corpus directory, by name."""
    if not directory.is_dir():
        raise ConfigError("case directory not found", str(directory))
    return sorted(p for p in directory.iterdir() if p.suffix.lower() in (".eml", ".txt") and p.is_file())


def load_cases(directory: Path, collect: bool = False) -> tuple[list[Case], list[ConfigError]]:
    """Every case in `directory`; with `collect`, bad sidecars are returned instead of raised."""
    cases: list[Case] = []
    errors: list[ConfigError] = []
    try:
        files = case_files(directory)
    except ConfigError as exc:
        if not collect:
            raise
        return [], [exc]
    for path in files:
        try:
            cases.append(load_case(path))
        except ConfigError as exc:
            if not collect:
                raise
            errors.append(exc)
    return cases, errors


@dataclass(frozen=True)
class CaseResult:
    """What the checker did with one case, and whether that is what the sidecar expects."""

    case: Case
    action: Action
    fired: tuple[str, ...]
    findings: tuple[Finding, ...]
    reason: str

    @property
    def missing(self) -> tuple[str, ...]:
        """Expected rules that did not fire."""
        return tuple(r for r in self.case.rules if r not in self.fired)

    @property
    def unexpected(self) -> tuple[str, ...]:
        """Rules that fired but the case does not name (only a failure when it names none)."""
        return tuple(r for r in self.fired if r not in self.case.rules and r not in BASELINE_RULES)

    @property
    def ok(self) -> bool:
        wrong_extra = not self.case.rules and bool(self.unexpected)
        return self.action == self.case.action and not self.missing and not wrong_extra

    @property
    def status(self) -> Status:
        if self.case.known_gap:
            return "fixed-gap" if self.ok else "known-gap"
        return "pass" if self.ok else "fail"


def run_case(checker: Checker, case: Case, default_sender: str = "agent@promisegate.localhost") -> CaseResult:
    """Judge one case as of its `now`."""
    result = checker.check(case.raw(default_sender), now=case.now)
    v = result.verdict
    fired = tuple(dict.fromkeys(f.rule for f in v.findings))
    return CaseResult(case, v.action, fired, v.findings, v.reason)


@dataclass(frozen=True)
class CorpusReport:
    """Results of a corpus run and the expected-vs-actual action matrix."""

    results: tuple[CaseResult, ...]

    @property
    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if r.status == "fail"]

    def confusion(self) -> Counter[tuple[str, str]]:
        """(expected action, actual action) -> number of cases."""
        return Counter((r.case.action, r.action) for r in self.results)

    def matrix_lines(self) -> list[str]:
        """The confusion matrix as aligned text: rows expected, columns actual."""
        counts = self.confusion()
        head = "expected \\ actual".ljust(18) + "".join(f"{a:>9}" for a in ACTIONS)
        rows = [f"{e:<18}" + "".join(f"{counts.get((e, a), 0):>9}" for a in ACTIONS) for e in ACTIONS]
        return [head, *rows]

    def to_json(self) -> dict[str, object]:
        return {
            "cases": [{"name": r.case.name, "file": str(r.case.message), "status": r.status,
                       "expected": {"action": r.case.action, "rules": list(r.case.rules)},
                       "actual": {"action": r.action, "rules": list(r.fired), "reason": r.reason},
                       "missing": list(r.missing), "unexpected": list(r.unexpected),
                       "note": r.case.note, "known_gap": r.case.known_gap or None}
                      for r in self.results],
            "confusion": {e: {a: self.confusion().get((e, a), 0) for a in ACTIONS} for e in ACTIONS},
            "summary": dict(Counter(r.status for r in self.results)),
        }


def run_corpus(checker: Checker, cases: Iterable[Case], default_sender: str = "agent@promisegate.localhost"
               ) -> CorpusReport:
    """Run every case through `checker`."""
    return CorpusReport(tuple(run_case(checker, c, default_sender) for c in cases))
