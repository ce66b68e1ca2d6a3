"""Concessions: something given away or a commercial term softened, which only the SE may approve.

A discount has a limit in the deal file (price-beyond-limit); these have none, so each is held unless the deal
lists it as approved or it was already promised on the deal: a free item or waived fee ("we'll throw in premium
support at no charge"), a credit or refund, a price lock, freeze or match ("we'll lock in today's pricing through
2028"), payment terms longer than the deal's ("net 60" where the deal pays net 30), and a service level above the
standard ("we guarantee 99.99% uptime" where the standard is 99.9%).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from promisegate.context import LedgerEntry
from promisegate.model import Commitment, Finding
from promisegate.rules import RuleContext, register
from promisegate.rules.builtin import quote
from promisegate.rules.context_common import find_keyword, fmt_money, promised_before
from promisegate.rules.ledger_rules import same_deliverable

# Pattern ids (rules/patterns/commitments.jsonl) of the concessions, by what the approver is told.
_GIVEN = {"price-free"}
_HELD = {"price-held", "price-frozen"}
_TERMS = {"price-payment-terms"}
_SERVICE_LEVEL = {"price-sla"}
CONCESSIONS = _GIVEN | _HELD | _TERMS | _SERVICE_LEVEL


@register
class UnapprovedConcession:
    """A free item, waived fee, refund, price lock or longer payment terms nobody approved."""

    name: ClassVar[str] = "unapproved-concession"
    description: ClassVar[str] = ("Gives something away or softens the terms (a free item or waived fee, a credit "
                                  "or refund, a price lock or match, longer payment terms, a higher uptime) "
                                  "without the deal's approval.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        deal = ctx.deal
        ignore = [str(k) for k in ctx.params.get("ignore", ())]
        approved = list(deal.pricing.approved_concessions) if deal is not None else []
        earlier = promised_before(ctx)
        findings: list[Finding] = []
        seen: set[tuple[int, int]] = set()  # one clause that waives two things is one concession to approve
        for c in ctx.extraction.commitments:
            if c.kind != "price" or c.rule not in CONCESSIONS or (c.start, c.end) in seen:
                continue
            if find_keyword(c.text, ignore) is not None:
                continue  # "the API is included in your plan": what the plan gives everyone, no concession
            if find_keyword(c.text, approved) is not None or _made_before(c, earlier):
                continue  # approved in the deal file, or already promised on this deal
            message = self._message(ctx, c)
            if message:
                seen.add((c.start, c.end))
                findings.append(ctx.finding(self, message, concession=c.rule, sentence=c.text,
                                            object=c.object or ""))
        return findings

    def _message(self, ctx: RuleContext, c: Commitment) -> str:
        deal = ctx.deal
        none_approved = ("the deal approves no concessions" if deal is None or not deal.pricing.approved_concessions
                         else "the deal approves only " + ", ".join(deal.pricing.approved_concessions))
        if c.rule in _TERMS:
            agreed = deal.pricing.payment_days if deal is not None else None
            standard = agreed or int(ctx.params.get("standard_payment_days", 30))
            if c.amount is None or c.amount <= standard:
                return ""
            whose = "the deal's terms are" if agreed else "standard terms are"
            return (f"Offers payment in {c.amount:g} days ({quote(c.text)}); {whose} net {standard}. Longer "
                    "payment terms need the SE's approval.")
        if c.rule in _SERVICE_LEVEL:
            standard = float(ctx.params.get("standard_uptime_percent", 99.9))
            if c.amount is None or c.unit != "%" or c.amount <= standard:
                return ""
            return (f"Promises {c.amount:g}% uptime ({quote(c.text)}); the standard service level is {standard:g}%. "
                    "A higher one is a contract term the SE must approve.")
        if c.rule in _HELD:
            return (f"Promises to hold the price ({quote(c.text)}); price locks, freezes and matches need the "
                    f"SE's approval, and {none_approved}.")
        item = deal.find_price_item(" ".join(filter(None, (c.object, c.text)))) if deal is not None else None
        listed = (f" The {item.item} lists at {fmt_money(item.price, deal.pricing.currency)}"
                  f"{'/' + item.per if item.per else ''}." if item is not None and deal is not None else "")
        what = quote(c.object, 60) if c.object else "something"
        return (f"Gives away {what} ({quote(c.text)}); free items, waived fees, credits and refunds need the SE's "
                f"approval, and {none_approved}.{listed}")


def _made_before(c: Commitment, earlier: Sequence[LedgerEntry]) -> bool:
    """Whether the deal already carries this concession (approved and released before, or in the deal file)."""
    for e in earlier:
        old = e.commitment
        # (a deal file's price entry is a concession when it has no figure: "Premium support free for year one";
        # its "10% off the Enterprise plan" gives nothing away)
        if old.kind != "price" or not (old.rule in CONCESSIONS or (old.rule == "deal-file" and old.amount is None)):
            continue
        if c.rule in _SERVICE_LEVEL:
            if old.rule in _SERVICE_LEVEL and old.amount is not None and c.amount is not None \
                    and old.amount >= c.amount:
                return True
        elif c.rule in _TERMS:
            if old.unit == "days" and old.amount is not None and c.amount is not None and old.amount >= c.amount:
                return True
        elif same_deliverable(c, old):
            return True
    return False
