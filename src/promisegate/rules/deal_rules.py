"""Rules that check promises against what the deal file says: dates, documents, prices, topics."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import Any, ClassVar

from promisegate.context.deals import Deal, DealDocument
from promisegate.model import Commitment, Finding, TimeSpan
from promisegate.rules import RuleContext, register
from promisegate.rules.builtin import quote
from promisegate.rules.context_common import (
    described,
    find_keyword,
    fmt_day,
    fmt_money,
    fmt_percent,
    keyword_pattern,
    mentions,
    promised_before,
    question_answered,
    sentence_around,
)

_MONEY_UNITS = {"USD", "EUR", "GBP", "CHF", "CAD", "AUD", "$", "€", "£"}
_SIGN_TO_CODE = {"$": "USD", "€": "EUR", "£": "GBP"}


# Words by which a promise of another kind hands over the document it names ("we'll have the migration guide
# ready for you by mid-January", "the migration guide will be available on January 15").
_SHARING = re.compile(r"\b(send|sending|sent|share|sharing|attach|attached|attaching|forward|provide|pass along|ready|"
                      r"available)\b", re.IGNORECASE)


def _promised(ctx: RuleContext, kind: str) -> list[Commitment]:
    return [c for c in ctx.extraction.commitments if c.kind == kind]


def _shared_documents(ctx: RuleContext, deal: Deal) -> list[tuple[Commitment, DealDocument]]:
    """Document promises and the deal document each names. Other kinds count too when the sentence
    shares something and names a deal document outright ("I'll send the postmortem in October")."""
    out = []
    seen: set[tuple[str, int, int]] = set()  # one sentence with two promises names its document once
    for c in ctx.extraction.commitments:
        if c.kind == "document":
            doc = document_for(deal, c)
        elif _SHARING.search(c.text):
            doc = deal.find_document_named(c.text)
        else:
            doc = None
        if doc is not None and (doc.name, c.start, c.end) not in seen:
            seen.add((doc.name, c.start, c.end))
            out.append((c, doc))
    return out


@register
class DateBeforeAgreed:
    """A date promised earlier (or later) than the deal's agreed dates allow."""

    name: ClassVar[str] = "date-before-agreed"
    description: ClassVar[str] = ("A promised date falls before an agreed 'not before' date (e.g. go-live) "
                                  "or after an agreed 'not after' date (e.g. contract end).")

    def check(self, ctx: RuleContext) -> list[Finding]:
        deal = ctx.deal
        if deal is None or not deal.agreed_dates:
            return []
        zone = deal.zone
        findings: list[Finding] = []
        for c in ctx.extraction.commitments:
            after = _after_time(ctx, c) if c.when is None else None
            if c.when is None and after is None:
                continue
            question = question_answered(ctx, c)
            for agreed in deal.agreed_dates:
                keyword = mentions(" ".join(filter(None, (c.object, c.text))), agreed.keywords)
                if keyword is None and question and mentions(question, agreed.keywords) is not None:
                    keyword = ""  # "> When can we go live?" / "Mid-February is realistic": the answer dates it
                if keyword is None:
                    continue
                # (the sentence, and the question it answers when the keyword is only there)
                where = quote(c.text) if keyword else f"{quote(c.text)}, answering {quote(question, 80)}"
                # "right after the holidays": no `when`, but an earliest day, which may be too early (never too late)
                when = after if after is not None else _time_near(ctx, c, keyword)
                day = fmt_day(when.from_.astimezone(zone))
                # "4.1.", "12/18": a date in figures is read one way of two; the day it was read as goes with it.
                said = " ".join(when.text.split())  # ("by\n  mid-January" in hard-wrapped mail: one line)
                promised = said if any(ch.isalpha() for ch in said) else f"{said} ({day})" if said else day
                if after is not None:
                    promised = f"after {promised}"
                earliest = datetime.combine(agreed.not_before, time(0), zone) if agreed.not_before else None
                # (a range that opens before it is early too: "the pilot will run from January 4 to February 20")
                if earliest and (when.to <= earliest or (_RANGE.search(said) and when.from_ < earliest)):
                    findings.append(ctx.finding(
                        self, f"Promises {agreed.name} {promised} ({where}); the deal's agreed "
                              f"{agreed.name} is not before {fmt_day(agreed.not_before)}.",
                        agreed=agreed.name, not_before=agreed.not_before.isoformat(), keyword=keyword,
                        promised_to=when.to.isoformat(), sentence=c.text))
                limit = agreed.not_after if after is None else None
                # "until March 31" or "by March 31" reaches past a 31 January limit: judge the span's end.
                if limit and when.to > datetime.combine(limit + timedelta(days=1), time(0), zone):
                    findings.append(ctx.finding(
                        self, f"Promises {agreed.name} {promised} ({where}); the deal's "
                              f"{agreed.name} is {fmt_day(limit)}, and nothing agreed reaches past it.",
                        agreed=agreed.name, not_after=limit.isoformat(), keyword=keyword,
                        promised_to=when.to.isoformat(), sentence=c.text))
        # ("the pilot kickoff ..., and Jonas will send the agenda": two promises of one clause name one date once)
        return list({f.message: f for f in findings}.values())


# A span written as a range with its own start: "from January 4 to February 20", "Jan 4 - Feb 20", "between ...".
_RANGE = re.compile(r"^(?:from|between)\b|^\w.*?\s(?:-|–|to|through|thru|until|till)\s", re.IGNORECASE)


def _after_time(ctx: RuleContext, c: Commitment) -> TimeSpan | None:
    """A time after "after" in the promise's own words ("We'll flip SSO on right after the holidays"), which gives no
    `when` (it only bounds it) but is the earliest day promised."""
    source = ctx.message.extraction_text
    at = source.find(c.text)
    if at < 0:
        return None
    for t in ctx.extraction.times:
        if at <= t.start and t.end <= at + len(c.text) and _AFTER_BEFORE.search(source, max(0, t.start - 7), t.start):
            return t
    return None


_AFTER_BEFORE = re.compile(r"\bafter\s+$", re.IGNORECASE)


def _time_near(ctx: RuleContext, c: Commitment, keyword: str) -> TimeSpan:
    """The time the sentence gives the agreed date's keyword: the one nearest the keyword ("kickoff can happen the
    week of Jan 4, with go-live targeted for mid-February" gives go-live mid-February), else the promise's `when`."""
    assert c.when is not None
    if not keyword:  # (named in the question answered, not in the sentence)
        return c.when
    found = keyword_pattern(keyword).search(c.text)
    source = ctx.message.extraction_text
    # (a time after "after" bounds the date, it is not the date: "SSO live after the holidays, by mid-February")
    inside = [t for t in ctx.extraction.times if c.start <= t.start and t.end <= c.end
              and not _AFTER_BEFORE.search(source, max(0, t.start - 7), t.start)]
    if found is None or len(inside) < 2:
        return c.when
    at = found.start()
    pos = c.start + at
    # A time written right before the keyword is its own ("a March 1 go-live is realistic if we kick off by
    # mid-January" gives go-live March 1).
    before = [t for t in inside if t.end <= pos and _RIGHT_BEFORE.fullmatch(c.text, t.end - c.start, at)]
    if before:
        return before[-1].limit or before[-1]
    # The first time after the keyword in the same phrase ("go-live targeted for mid-February", "go-live on March 3").
    after = [t for t in inside if t.start > pos and not _PHRASE_BREAK.search(c.text, at, t.start - c.start)]
    if not after:
        return c.when
    near = min(after, key=lambda t: t.start)
    if c.when.start <= near.start and near.end <= c.when.end:
        return c.when  # the promise's own time (or its limit, "by Friday")
    return near.limit or near


_PHRASE_BREAK = re.compile(r"[,;.!?]")
_RIGHT_BEFORE = re.compile(r"\s*(?:['’]s\s*)?")


def file_title(filename: str) -> str:
    """The words of an attachment's file name: "Brightline_Pentest_Report_2026.pdf" is "Brightline Pentest Report
    2026", "ProductRoadmap-v2.pptx" is "Product Roadmap v2"."""
    stem = filename.rsplit(".", 1)[0] if "." in filename else filename
    stem = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", stem)
    return " ".join(re.split(r"[\s_\-.+()\[\]]+", stem)).strip()


# Attachments that are no document to clear: images (a logo in the signature), calendar invites, contact cards,
# signatures, forwarded mail.
_NOT_DOCUMENTS = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "svg", "webp", "ics", "vcs", "vcf", "p7s", "asc", "sig",
                            "eml", "msg"})


def attached_files(ctx: RuleContext) -> list[tuple[str, str]]:
    """(file name, title) of each attached document: parts with a file name that is no image, invite or card."""
    out = []
    for name in ctx.message.attachments:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ("/" in name and not ext) or ext in _NOT_DOCUMENTS:
            continue  # ("image/png": a part with no file name)
        title = file_title(name)
        if title:
            out.append((name, title))
    return out


def document_for(deal: Deal, c: Commitment) -> DealDocument | None:
    if c.object:
        doc = deal.find_document(c.object)
        if doc is not None:
            return doc
    return deal.find_document(c.text)


@register
class DocumentRestricted:
    """A promise to share a document the deal says may not be shared (yet)."""

    name: ClassVar[str] = "document-restricted"
    description: ClassVar[str] = ("Promises a document the deal marks restricted, NDA-only without an NDA on "
                                  "file, or not yet available.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        deal = ctx.deal
        if deal is None:
            return []
        findings: list[Finding] = []
        told: set[str] = set()
        for c, doc in _shared_documents(ctx, deal):
            ready = doc.available_from
            if doc.status == "not-yet-available" and ready and c.when is not None \
                    and c.when.from_ >= datetime.combine(ready, time(0), deal.zone):
                continue  # promised for when it will exist
            finding = self._finding(ctx, doc, f"Promises the {doc.name} ({quote(c.text)})", sentence=c.text)
            if finding is not None:
                told.add(doc.name)
                findings.append(finding)
        # A restricted document attached is shared now, whatever the text says ("Please see attached.").
        for name, title in attached_files(ctx):
            doc = deal.find_document(title)
            if doc is not None and doc.name not in told:
                finding = self._finding(ctx, doc, f"Attaches {quote(name, 80)} (the {doc.name})", attachment=name)
                if finding is not None:
                    told.add(doc.name)
                    findings.append(finding)
        return findings

    def _finding(self, ctx: RuleContext, doc: DealDocument, what: str, **evidence: Any) -> Finding | None:
        """The finding for sharing `doc` (`what` tells how: a promise quoted, a file attached), if it may not be."""
        deal = ctx.deal
        assert deal is not None
        ev: dict[str, Any] = {"document": doc.name, "status": doc.status, **evidence}
        note = f" ({doc.note.rstrip('. ')})" if doc.note else ""  # (a note's own full stop would end it twice)
        if doc.status == "restricted":
            return ctx.finding(self, f"{what}; the deal marks it restricted{note}.", escalate=True, **ev)
        if doc.status == "needs-nda" and not deal.nda_on_file:
            return ctx.finding(self, f"{what}; the deal marks it NDA-only and no NDA is on file{note}.", escalate=True,
                               **ev)
        if doc.status == "not-yet-available":
            when = f" (expected {fmt_day(doc.available_from)})" if doc.available_from else ""
            return ctx.finding(self, f"{what}; the deal marks it not yet available{when}{note}.", **ev)
        return None


@register
class DocumentUnknown:
    """A promise to share a document the deal file does not list."""

    name: ClassVar[str] = "document-unknown"
    description: ClassVar[str] = "Promises a document the deal does not list, so nobody has cleared it for sharing."

    def check(self, ctx: RuleContext) -> list[Finding]:
        deal = ctx.deal
        if deal is None:
            return []
        ignore = [str(x) for x in ctx.params.get("ignore", ())]
        findings: list[Finding] = []
        files = attached_files(ctx)
        listed = ", ".join(d.name for d in deal.documents) or "none"
        for c in _promised(ctx, "document"):
            if document_for(deal, c) is not None:
                continue
            if files and len((c.object or "").split()) <= 1:
                continue  # "Please see attached", "Here is the deck": the files attached are judged by their names
            name = described(c)
            if mentions(name, ignore) or (c.object is None and mentions(c.text, ignore)):
                continue
            findings.append(ctx.finding(
                self, f"Promises a document the deal does not list: {quote(name, 80)} in {quote(c.text)}; "
                      f"listed documents: {listed}.", document=name, sentence=c.text))
        for name, title in files:
            if deal.find_document(title) is None and not mentions(title, ignore):
                findings.append(ctx.finding(
                    self, f"Attaches a document the deal does not list: {quote(name, 80)}; listed documents: "
                          f"{listed}.", document=title, attachment=name))
        return findings


def currency_code(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = unit.strip().upper()
    return _SIGN_TO_CODE.get(u, u) if u in _MONEY_UNITS else None


@register
class PriceBeyondLimit:
    """A discount or price the agent may not offer without approval."""

    name: ClassVar[str] = "price-beyond-limit"
    description: ClassVar[str] = ("Offers a discount above the deal's maximum, or a price below the floor of "
                                  "the price list.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        deal = ctx.deal
        default_max = ctx.params.get("default_max_discount_percent")
        findings: list[Finding] = []
        for c in _promised(ctx, "price"):
            if c.amount is None:
                continue
            if c.unit == "%" and c.rule == "price-sla":
                continue  # "99.9% uptime", "availability of 99.95%": a service level, not a discount
            if c.unit == "%":
                limit = deal.pricing.max_discount_percent if deal else default_max
                # "knock another 3% off": on top of the discount already offered on the deal
                base = _discount_so_far(ctx) if _STACKED.search(c.text) else 0.0
                total = c.amount + base
                if limit is not None and total > float(limit):
                    whose = "the deal's" if deal else "the default"
                    offered = f"{fmt_percent(c.amount)} off" if not base else \
                        f"another {fmt_percent(c.amount)} off, {fmt_percent(total)} with the " \
                        f"{fmt_percent(base)} already offered"
                    findings.append(ctx.finding(
                        self, f"Offers {offered} ({quote(c.text)}); {whose} maximum discount "
                              f"is {fmt_percent(float(limit))}.", escalate=True,
                        discount=total, max_discount=float(limit), sentence=c.text))
                continue
            currency = currency_code(c.unit)
            if deal is None or currency is None:
                continue
            item = deal.find_price_item(" ".join(filter(None, (c.object, c.text))))
            if item is None:
                continue
            if currency != deal.pricing.currency:
                findings.append(ctx.finding(
                    self, f"Quotes {fmt_money(c.amount, currency)} for the {item.item} ({quote(c.text)}); "
                          f"the deal is priced in {deal.pricing.currency}.", escalate=True,
                    item=item.item, amount=c.amount, currency=currency, sentence=c.text))
                continue
            if _PER_HEAD.search(c.text) and not _PER_HEAD.search(f"per {item.per}"):
                continue  # "$45 per seat a month" is no price of a plan listed whole: nothing to compare it with
            floor = deal.pricing.floor_of(item)
            # "$7,000 a month" for an item listed per year is $84,000 a year: compared in the list's period.
            period = _period_of(c.text)
            scale = _PERIODS_IN_YEAR[period] / _PERIODS_IN_YEAR[item.per] \
                if period and item.per in _PERIODS_IN_YEAR and period != item.per else 1.0
            amount = c.amount * scale
            if floor is not None and amount < floor:
                per = f"/{item.per}" if item.per else ""
                offered = fmt_money(c.amount, currency) + (
                    f" a {period} ({fmt_money(amount, currency)}{per})" if scale != 1.0 else "")
                findings.append(ctx.finding(
                    self, f"Offers the {item.item} at {offered} ({quote(c.text)}); list "
                          f"price is {fmt_money(item.price, currency)}{per} and the lowest allowed is "
                          f"{fmt_money(floor, currency)}.", escalate=True,
                    item=item.item, amount=c.amount, list_price=item.price, floor=floor, sentence=c.text))
        return findings


_STACKED = re.compile(r"\b(?:another|additional|an\s+extra|a\s+further|further)\s+\d", re.IGNORECASE)


def _discount_so_far(ctx: RuleContext) -> float:
    """The biggest discount in percent already offered on the deal (deal file and ledger), 0 without one."""
    offered = [e.commitment for e in promised_before(ctx)]
    return max((c.amount for c in offered
                if c.kind == "price" and c.unit == "%" and c.amount is not None and c.rule != "price-sla"), default=0.0)


_PERIODS_IN_YEAR = {"year": 1.0, "quarter": 4.0, "month": 12.0}
_PER_HEAD = re.compile(r"(?:/\s*|\ba\s+|\bper\s+|\beach\s+)(?:seat|user|license|licence|head|vehicle|device|"
                       r"driver|agent|node|host)s?\b", re.IGNORECASE)
_PERIOD = re.compile(r"(?:/\s*|\ba\s+|\bper\s+|\beach\s+|\bevery\s+)(month|mo|year|yr|annum|quarter|qtr)\b|"
                     r"\b(monthly|annually|yearly|quarterly|annual)\b", re.IGNORECASE)
_PERIOD_NAMES = {"month": "month", "mo": "month", "monthly": "month", "year": "year", "yr": "year", "annum": "year",
                 "annually": "year", "yearly": "year", "annual": "year", "quarter": "quarter", "qtr": "quarter",
                 "quarterly": "quarter"}


def _period_of(text: str) -> str | None:
    """The period a price in `text` is quoted for ("$7,000 a month", "$79,500/yr", "billed annually"), if any."""
    m = _PERIOD.search(text)
    return _PERIOD_NAMES[(m.group(1) or m.group(2)).lower()] if m else None


@register
class RestrictedTopic:
    """Legal terms, security claims, roadmap talk and the deal's own restricted subjects."""

    name: ClassVar[str] = "restricted-topic"
    description: ClassVar[str] = ("Mentions a restricted topic (legal terms, security claims, roadmap, or one "
                                  "the deal restricts); always escalates.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        text = "\n\n".join(filter(None, (ctx.message.own_subject, ctx.message.text)))  # (an agent may say it there)
        topics: list[tuple[str, list[str], str]] = [
            (str(name), [str(k) for k in kws], "") for name, kws in dict(ctx.params.get("topics", {})).items()]
        if ctx.deal is not None:
            topics += [(t.name, list(t.keywords), t.note or "the deal marks it restricted")
                       for t in ctx.deal.restricted_topics]
        findings: list[Finding] = []
        for name, keywords, note in topics:
            hit = find_keyword(text, keywords)
            if hit is None:
                continue
            keyword, m = hit
            sentence = sentence_around(text, m.start(), m.end())
            why = (note or f"{name} statements need the SE's approval").rstrip(". ")  # (a deal's note ends with one)
            findings.append(ctx.finding(
                self, f"Mentions {name} ({quote(sentence)}, matched ‘{m.group(0)}’); {why}.", escalate=True,
                topic=name, keyword=keyword, matched=m.group(0), sentence=sentence))
        return findings


@register
class UnknownDeal:
    """Mail to customers no deal file covers, so the context checks could not run."""

    name: ClassVar[str] = "unknown-deal"
    description: ClassVar[str] = "The recipients match no deal, so dates, documents and prices cannot be checked."

    def check(self, ctx: RuleContext) -> list[Finding]:
        if ctx.deal is not None:
            return []
        internal = {str(d).lower() for d in ctx.params.get("internal_domains", ())}
        internal |= {email.rpartition("@")[2] for email in ctx.people}
        external = [r for r in ctx.message.recipients if r.rpartition("@")[2] not in internal]
        if ctx.message.deal_header:
            score = float(ctx.params.get("unknown_header_score", ctx.score))
            return [ctx.finding(
                self, f"X-Promisegate-Deal names ‘{ctx.message.deal_header}’, which is not a known deal; "
                      "dates, documents and prices could not be checked.", score=score,
                header=ctx.message.deal_header, recipients=external)]
        if not external:
            return []
        return [ctx.finding(
            self, f"No deal matches the recipients ({', '.join(external[:5])}); dates, documents and prices "
                  "could not be checked.", recipients=external)]
