"""Frozen, typed values shared by every stage of the pipeline.

Datetimes are timezone-aware from the edge inwards: anything built here from
user input has already been given a zone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

CommitmentKind = Literal["date", "deadline", "meeting", "document", "price", "capability", "other"]
Grain = Literal["minute", "hour", "day", "week", "month", "quarter", "year"]
Action = Literal["release", "hold", "reject"]
Mode = Literal["autonomous", "monitor", "gated", "draft-only", "paused"]
MODES: tuple[Mode, ...] = ("autonomous", "monitor", "gated", "draft-only", "paused")


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression found in text, normalised to an aware [start, end) interval."""

    text: str
    start: int
    end: int
    from_: datetime
    to: datetime
    grain: Grain
    rule: str = ""
    # The limit a bound word in front sets: "by Friday" names Friday, and promises [now, Friday's end).
    limit: TimeSpan | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "from": self.from_.isoformat(),
            "to": self.to.isoformat(),
            "grain": self.grain,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> TimeSpan:
        return cls(data["text"], data["start"], data["end"], datetime.fromisoformat(data["from"]),
                   datetime.fromisoformat(data["to"]), data.get("grain", "day"), data.get("rule", ""))


_ATTACHING = re.compile(r"\b(?:attach|enclos)|\blinked\s+(?:below|above|here)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Commitment:
    """One promise (or, in Extraction.requests, one ask) found in a message."""

    kind: CommitmentKind
    text: str
    start: int
    end: int
    rule: str
    when: TimeSpan | None = None
    # What is promised, when the pattern names it: a document title, a price figure, a feature.
    object: str | None = None
    conditional: bool = False
    # Numeric value for prices, discounts, SLAs ("15" with unit "%", "5000" with unit "USD").
    amount: float | None = None
    unit: str | None = None
    # Alternative candidate times ("Monday or Tuesday"): `when` is the first, these are the rest.
    alternatives: tuple[TimeSpan, ...] = ()

    @property
    def attached(self) -> bool:
        """Whether this is a document the mail itself attaches or links ("the security whitepaper is attached", "our
        uptime report is linked below"): sent with it, now, so it has no time of its own and keeps an earlier promise
        to send it ("available on request", the same rule, does neither)."""
        return self.rule == "document-attached" and _ATTACHING.search(self.text) is not None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "rule": self.rule,
            "when": self.when.to_json() if self.when else None,
        }
        if self.object is not None:
            out["object"] = self.object
        if self.conditional:
            out["conditional"] = True
        if self.amount is not None:
            out["amount"] = self.amount
            out["unit"] = self.unit
        if self.alternatives:
            out["alternatives"] = [a.to_json() for a in self.alternatives]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Commitment:
        """Rebuild a commitment from its `to_json()` form (verdicts are stored as JSON)."""
        when = data.get("when")
        return cls(
            data["kind"], data["text"], data["start"], data["end"], data.get("rule", ""),
            TimeSpan.from_json(when) if when else None, data.get("object"), bool(data.get("conditional")),
            data.get("amount"), data.get("unit"),
            tuple(TimeSpan.from_json(a) for a in data.get("alternatives", ())),
        )


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one text."""

    commitments: tuple[Commitment, ...] = ()
    requests: tuple[Commitment, ...] = ()
    times: tuple[TimeSpan, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "commitments": [c.to_json() for c in self.commitments],
            "requests": [r.to_json() for r in self.requests],
            "times": [t.to_json() for t in self.times],
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One rule hit, written for the approver."""

    rule: str
    score: float
    message: str
    evidence: Mapping[str, Any] = field(default_factory=dict)
    # Escalation topics hold in every mode (legal, security claims, restricted items).
    escalate: bool = False

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "score": self.score,
            "message": self.message,
            "evidence": dict(self.evidence),
        }
        if self.escalate:
            out["escalate"] = True
        return out


@dataclass(frozen=True, slots=True)
class Verdict:
    """The decision for one message, with the rule hits and misses behind it."""

    action: Action
    score: float
    mode: Mode
    reason: str
    commitments: tuple[Commitment, ...] = ()
    requests: tuple[Commitment, ...] = ()
    findings: tuple[Finding, ...] = ()
    rules_hit: tuple[str, ...] = ()
    rules_missed: tuple[str, ...] = ()
    deal_id: str | None = None
    thresholds: Mapping[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "score": self.score,
            "mode": self.mode,
            "reason": self.reason,
            "deal": self.deal_id,
            "commitments": [c.to_json() for c in self.commitments],
            "requests": [r.to_json() for r in self.requests],
            "findings": [f.to_json() for f in self.findings],
            "rules": {"hit": list(self.rules_hit), "missed": list(self.rules_missed)},
            "thresholds": dict(self.thresholds),
        }
