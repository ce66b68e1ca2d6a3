"""Rules that need only the message and its extracted commitments."""

from __future__ import annotations

from collections import Counter
from typing import ClassVar

from promisegate.model import Finding
from promisegate.rules import RuleContext, register


def quote(text: str, limit: int = 120) -> str:
    """A sentence as shown to an approver: one line, trimmed, in quotes."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1].rstrip() + "…"
    return f"“{one_line}”"


@register
class NewCommitment:
    """Each new promise adds weight, so plain mail flows and mail full of promises is looked at."""

    name: ClassVar[str] = "new-commitment"
    description: ClassVar[str] = "Any promise (date, meeting, document, price, capability) adds a score."

    def check(self, ctx: RuleContext) -> list[Finding]:
        per_kind = ctx.params.get("per_kind", {})
        findings = []
        spans = Counter((c.start, c.end) for c in ctx.extraction.commitments)
        for c in ctx.extraction.commitments:
            score = float(per_kind.get(c.kind, ctx.score))
            if score <= 0:
                continue
            cond = " (conditional offer)" if c.conditional else ""
            # "I can send it over": name what "it" stands for, as the sentence does not; and which of the things one
            # sentence promises each reason is about ("Attached: the DPA and the sub-processor list").
            named = f" (the {c.object})" if c.object and (c.object.lower() not in c.text.lower()
                                                          or spans[c.start, c.end] > 1) else ""
            findings.append(ctx.finding(
                self, f"New {c.kind} commitment{cond}: {quote(c.text)}{named}", score=score,
                kind=c.kind, sentence=c.text, pattern=c.rule, start=c.start, end=c.end,
            ))
        return findings
