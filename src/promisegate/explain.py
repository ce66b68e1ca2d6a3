"""`promisegate check --explain`: a readable trace of how a verdict was reached."""

from __future__ import annotations

from collections.abc import Iterator

from promisegate.pipeline import CheckResult


def explain_lines(result: CheckResult) -> Iterator[str]:
    """Yield the trace: message, commitments with their patterns, requests, rules hit and missed, decision."""
    v, msg = result.verdict, result.message
    yield ""
    yield "── message"
    if msg is not None:
        yield f"  from {msg.sender}  to {', '.join(msg.recipients)}"
        yield f"  subject {msg.subject!r}" + (" (read first, as a line of the text)" if msg.own_subject
                                              else " (a reply's: not read)" if msg.subject else "")
        if msg.attachments:
            yield f"  attachments {', '.join(repr(a) for a in msg.attachments)} (judged by their names)"
        yield f"  {len(msg.text)} chars of new text; quoted reply {len(msg.quoted)} chars and signature"
        yield f"  {len(msg.signature)} chars set aside (not checked)"
    yield f"── deal: {v.deal_id or 'none matched'}"
    yield f"── commitments ({len(v.commitments)})"
    for c in v.commitments:
        when = f"  when {c.when.text!r} = {c.when.from_:%a %d %b %Y %H:%M}–{c.when.to:%a %d %b %H:%M %Z}" \
            if c.when else ""
        flags = " conditional" if c.conditional else ""
        yield f"  {c.kind:<10} [{c.rule}]{flags} {c.text!r}{when}"
        if c.object:
            yield f"{'':14}object {c.object!r}" + (f" amount {c.amount:g} {c.unit}" if c.amount is not None else "")
    yield f"── requests of the reader ({len(v.requests)}; never cause a hold)"
    for r in v.requests:
        yield f"  {r.kind:<10} [{r.rule}] {r.text!r}"
    yield "── time expressions"
    for t in result.extraction.times:
        yield f"  {t.text!r} -> {t.from_.isoformat()} .. {t.to.isoformat()} ({t.grain})"
    yield "── rules"
    for f in v.findings:
        yield f"  HIT  {f.rule:<22} +{f.score:<5g}{' escalates' if f.escalate else ''} {f.message}"
    for name in v.rules_missed:
        yield f"  miss {name}"
    yield "── decision"
    th = v.thresholds
    yield f"  mode {v.mode}; hold at {th.get('hold', '?')}, reject at {th.get('reject', '?')}; total {v.score:g}"
    yield f"  => {v.action.upper()}: {v.reason}"
    yield f"  checked in {result.elapsed * 1000:.1f} ms"
