"""Policy modes and thresholds -> release | hold | reject, with the reason in one line."""

from __future__ import annotations

from collections.abc import Sequence

from promisegate.model import Action, Finding, Mode
from promisegate.policy import Policy


def decide(mode: Mode, findings: Sequence[Finding], policy: Policy) -> tuple[Action, float, str]:
    """Return (action, total score, reason) for the findings under `mode`."""
    score = round(sum(f.score for f in findings), 3)
    escalations = [f.rule for f in findings if f.escalate]
    if mode == "paused":
        return "hold", score, "paused: the relay is stopped, every message waits for approval"
    if score >= policy.reject:
        return "reject", score, f"score {score:g} is at or above the reject threshold {policy.reject:g}"
    if escalations:
        return "hold", score, f"escalation topic ({', '.join(dict.fromkeys(escalations))}) always needs approval"
    if mode == "draft-only":
        return "hold", score, "draft-only mode: every message waits for approval"
    if mode == "gated" and score >= policy.hold:
        return "hold", score, f"score {score:g} is at or above the hold threshold {policy.hold:g}"
    if mode == "gated":
        return "release", score, f"score {score:g} is below the hold threshold {policy.hold:g}"
    return "release", score, f"{mode} mode releases mail that breaks no hard rule (score {score:g})"
