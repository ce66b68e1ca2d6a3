"""The rule that checks new promises against promises already made on the deal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import timedelta
from typing import ClassVar

from promisegate.context import LedgerEntry
from promisegate.context.deals import Deal, normalise
from promisegate.model import Commitment, Finding
from promisegate.rules import RuleContext, register
from promisegate.rules.builtin import quote
from promisegate.rules.context_common import (
    fmt_day,
    fmt_money,
    fmt_percent,
    mentions,
    promised_before,
    sentence_around,
)
from promisegate.rules.deal_rules import currency_code, document_for

# A deliverable said to miss its date: "won't be ready by", "can't make the 11th", "is slipping", "is delayed".
_TAKEN_BACK = re.compile(
    r"\b(?:won't|won’t|will\s+not|can't|can’t|cannot|isn't|isn’t|is\s+not|aren't|aren’t|are\s+not|no\s+longer)\s+"
    r"(?:(?:be|going\s+to\s+be|able\s+to)\s+)?(?:ready|done|live|complete|completed|delivered|available|"
    r"make|meet|hit|deliver|ship|finish)\b"
    r"|\b(?:is|are|'s|’s)\s+(?:now\s+)?(?:slipping|delayed|running\s+late|running\s+behind|behind\s+schedule|"
    r"pushed\s+(?:back|out))\b|\b(?:will|'ll|’ll)\s+(?:slip|be\s+delayed|be\s+late)\b",
    re.IGNORECASE)
# Words too general to identify a deliverable on their own.
_GENERIC = {"the", "a", "an", "your", "our", "we", "will", "be", "by", "on", "of", "for", "to", "and"}


def _part_of(c: Commitment) -> str:
    """The part of a commitment's clause that holds its object: "Dana can hold the 15% discount and add premium
    support for the first year" prices the discount in its first part and premium support in its second."""
    parts = _PARTS.split(c.text)
    if c.object and len(parts) > 1:
        return next((p for p in parts if c.object in p), c.text)
    return c.text


_PARTS = re.compile(r",\s|;\s|\s+and\s+|\s+but\s+")


def _sentence_of(ctx: RuleContext, c: Commitment) -> str:
    """The sentence of the message that holds commitment `c` (a clause of it may name what the clause does not)."""
    source = ctx.message.extraction_text
    at = source.find(c.text)
    # (from the commitment's last character: its own full stop ends the sentence)
    return sentence_around(source, at, max(at, at + len(c.text) - 1), wrapped=True) if at >= 0 else ""


def _where(entry: LedgerEntry) -> str:
    ref = entry.subject or entry.queue_id
    return f"on {fmt_day(entry.recorded_at)} ({ref})"


def same_deliverable(new: Commitment, old: Commitment, around: str = "") -> bool:
    """Two dated promises are about the same thing when their objects match (one's words among the other's, and
    the same head: "the pilot" is not "the pilot environment"), or one's object is mentioned in the other's
    sentence; a new promise that names nothing may name it in the sentence `around` it ("the pilot environment
    won't be ready by the 11th - we're now looking at the 16th")."""
    if new.object and old.object:
        a = [w for w in normalise(new.object).split() if w not in _GENERIC]
        b = [w for w in normalise(old.object).split() if w not in _GENERIC]
        return bool(a) and bool(b) and (set(a) <= set(b) or set(b) <= set(a)) and a[-1] == b[-1]
    if old.object:
        return mentions(new.text, [old.object], slack=2) is not None \
            or (bool(around) and mentions(around, [old.object], slack=2) is not None)
    if new.object:
        return mentions(old.text, [new.object], slack=2) is not None
    return False


def _same_item(deal: Deal | None, new: Commitment, old: Commitment) -> bool:
    if deal is not None:
        a = deal.find_price_item(" ".join(filter(None, (new.object, _part_of(new)))))
        b = deal.find_price_item(" ".join(filter(None, (old.object, _part_of(old)))))
        if a is not None and b is not None:
            return a == b
    return True


def _same_document(deal: Deal | None, new: Commitment, old: Commitment) -> bool:
    if deal is not None:
        a, b = document_for(deal, new), document_for(deal, old)
        if a is not None or b is not None:
            return a == b
    return bool(new.object and old.object and normalise(new.object) == normalise(old.object))


@register
class ContradictsLedger:
    """A promise that contradicts one already made on the deal."""

    name: ClassVar[str] = "contradicts-ledger"
    description: ClassVar[str] = ("Contradicts an earlier promise on the deal: another date for the same "
                                  "deliverable, a bigger discount than before, a document promised twice.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        earlier = promised_before(ctx)
        if not earlier:
            return []
        findings: list[Finding] = []
        for c in ctx.extraction.commitments:
            finding = self._check_one(ctx, c, earlier)
            if finding is not None:
                findings.append(finding)
        named = {f.evidence.get("earlier_ref") for f in findings}
        findings += [f for f in self._taken_back(ctx, earlier) if f.evidence.get("earlier_ref") not in named]
        return findings

    def _taken_back(self, ctx: RuleContext, earlier: Sequence[LedgerEntry]) -> list[Finding]:
        """A dated promise said not to hold, with no new date ("the pilot environment won't be ready by the 11th",
        "the pilot environment is slipping a week"): the reader learns of a broken promise, which the SE approves."""
        text = ctx.message.text
        zone = ctx.deal.zone if ctx.deal is not None else None
        out: list[Finding] = []
        for m in _TAKEN_BACK.finditer(text):
            sentence = " ".join(sentence_around(text, m.start(), m.end(), wrapped=True).split())
            for e in earlier:
                old = e.commitment
                if old.kind in ("date", "deadline") and old.when is not None and old.object \
                        and mentions(sentence, [old.object], slack=2) is not None:
                    out.append(ctx.finding(
                        self, f"Takes back a promise ({quote(sentence)}); {_where(e)} we promised "
                              f"{fmt_day((old.when.to - timedelta(seconds=1)).astimezone(zone))} for "
                              f"{quote(old.object, 60)} ({quote(old.text)}).",
                        kind="taken-back", earlier=old.text, earlier_ref=e.queue_id, sentence=sentence))
                    break
        return list({f.message: f for f in out}.values())

    def _check_one(self, ctx: RuleContext, c: Commitment, earlier: Sequence[LedgerEntry]) -> Finding | None:
        deal = ctx.deal
        zone = deal.zone if deal is not None else None
        if c.kind in ("date", "deadline") and c.when is not None:
            tolerance = timedelta(hours=float(ctx.params.get("date_tolerance_hours", 24)))
            around = "" if c.object else _sentence_of(ctx, c)
            for e in earlier:
                old = e.commitment
                if old.kind in ("date", "deadline") and old.when is not None and same_deliverable(c, old, around) \
                        and abs(c.when.to - old.when.to) >= tolerance:
                    return ctx.finding(
                        self, f"Promises {' '.join(c.when.text.split()) or fmt_day(c.when.to.astimezone(zone))} "
                              f"({quote(c.text)}); {_where(e)} we promised "
                              f"{fmt_day((old.when.to - timedelta(seconds=1)).astimezone(zone))} for the same "
                              f"thing ({quote(old.text)}).",
                        kind="date", earlier=old.text, earlier_ref=e.queue_id, sentence=c.text)
        if c.kind == "price" and c.amount is not None:
            money = currency_code(c.unit)
            for e in earlier:
                old = e.commitment
                if old.kind != "price" or old.amount is None or not _same_item(deal, c, old) \
                        or "price-sla" in (c.rule, old.rule):  # "99.99% uptime" is no discount (unapproved-concession)
                    continue
                if c.unit == "%" and old.unit == "%" and c.amount > old.amount:
                    return ctx.finding(
                        self, f"Offers {fmt_percent(c.amount)} off ({quote(c.text)}); {_where(e)} we offered "
                              f"{fmt_percent(old.amount)} ({quote(old.text)}).",
                        kind="discount", earlier=old.text, earlier_ref=e.queue_id, sentence=c.text)
                if money and money == currency_code(old.unit) and c.amount < old.amount:
                    return ctx.finding(
                        self, f"Offers {fmt_money(c.amount, money)} ({quote(c.text)}); {_where(e)} we quoted "
                              f"{fmt_money(old.amount, money)} ({quote(old.text)}).",
                        kind="price", earlier=old.text, earlier_ref=e.queue_id, sentence=c.text)
        if c.kind == "document" and not c.attached:  # (a document attached now keeps the earlier promise)
            for e in earlier:
                old = e.commitment
                if old.kind == "document" and _same_document(deal, c, old):
                    score = float(ctx.params.get("repeat_document_score", ctx.score))
                    return ctx.finding(
                        self, f"Promises {quote(c.object or c.text, 80)} again ({quote(c.text)}); it was already "
                              f"promised {_where(e)} ({quote(old.text)}) — was it sent?", score=score,
                        kind="document", earlier=old.text, earlier_ref=e.queue_id, sentence=c.text)
        return None
