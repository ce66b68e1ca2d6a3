"""Helpers shared by the context rules: wording of times and money, keyword matching, who is involved."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from promisegate.context import LedgerEntry, Person
from promisegate.context.deals import normalise
from promisegate.model import Commitment, TimeSpan
from promisegate.rules import RuleContext

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


def local(dt: datetime, zone: ZoneInfo) -> datetime:
    return dt.astimezone(zone)


def fmt_day(d: date | datetime) -> str:
    """'Tue 1 Dec 2026'."""
    return f"{d:%a} {d.day} {d:%b %Y}"


def fmt_span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """'Tue 1 Dec 15:00–16:00 PST', or both days when the span crosses midnight."""
    s, e = start.astimezone(zone), end.astimezone(zone)
    if s.date() == e.date():
        return f"{s:%a} {s.day} {s:%b} {s:%H:%M}–{e:%H:%M} {s.tzname()}"
    return f"{s:%a} {s.day} {s:%b} {s:%H:%M} – {e:%a} {e.day} {e:%b} {e:%H:%M} {e.tzname()}"


def fmt_days(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """'Mon 21 Dec 2026 – Sun 3 Jan 2027' for all-day or multi-day intervals (end exclusive)."""
    s = start.astimezone(zone)
    last = (end.astimezone(zone) - timedelta(microseconds=1)).date()
    return fmt_day(s) if last == s.date() else f"{fmt_day(s)} – {fmt_day(last)}"


def fmt_busy(start: datetime, end: datetime, all_day: bool, zone: ZoneInfo) -> str:
    if all_day or end - start > timedelta(hours=12):
        return fmt_days(start, end, zone)
    s, e = start.astimezone(zone), end.astimezone(zone)
    return f"{s:%H:%M}–{e:%H:%M}" if s.date() == e.date() else fmt_span(start, end, zone)


def fmt_money(amount: float, currency: str) -> str:
    sign = _CURRENCY_SIGNS.get(currency.upper())
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{sign}{number}" if sign else f"{number} {currency}"


def fmt_percent(amount: float) -> str:
    return f"{amount:g}%"


def proposals(c: Commitment) -> list[TimeSpan]:
    """The time a commitment proposes, then its alternatives ("Monday or Tuesday"). A meeting at a clock time to the
    minute ("at 10:00 CET", a minute long as a time expression) is taken to last `POINT_MEETING`, as "at 10am"
    lasts its hour."""
    spans = [c.when, *c.alternatives] if c.when else []
    if c.kind == "meeting":
        spans = [replace(s, to=s.from_ + POINT_MEETING) if s.to - s.from_ <= timedelta(minutes=1) else s
                 for s in spans]
    return spans


POINT_MEETING = timedelta(minutes=30)


def promised_before(ctx: RuleContext) -> list[LedgerEntry]:
    """What the deal already carries: its deal file's existing commitments, then the ledger's (none without a deal)."""
    if ctx.deal is None:
        return []
    earlier = list(ctx.deal.existing_commitments)
    if ctx.ledger is not None:
        earlier += list(ctx.ledger.entries(ctx.deal.id))
    return earlier


def involved_people(ctx: RuleContext) -> list[Person]:
    """The deal owner first, then colleagues on the message (sender, To, Cc) that people.yaml knows."""
    out: dict[str, Person] = {}
    if ctx.deal is not None:
        out[ctx.deal.owner.email] = ctx.people.get(ctx.deal.owner.email, ctx.deal.owner)
    for addr in (ctx.message.sender, *ctx.message.recipients):
        person = ctx.people.get(addr.lower()) if addr else None
        if person is not None:
            out.setdefault(person.email, person)
    return list(out.values())


@lru_cache(maxsize=1024)
def keyword_pattern(keyword: str) -> re.Pattern[str]:
    """A case-insensitive pattern for a keyword: words may be split by spaces or hyphens, a trailing
    `*` on a word matches any ending ("indemnif*" finds "indemnification"), and a `*` standing alone one to three
    words ("agree to * law" finds "agree to New York law")."""
    words = [w for w in re.split(r"[\s\-]+", keyword.strip()) if w]
    parts = []
    for w in words:
        if w == "*":
            parts.append(r"\w+(?:[\s\-]+\w+){0,2}")
            continue
        star = w.endswith("*")
        core = re.escape(w.rstrip("*"))
        parts.append(core + (r"\w*" if star else ""))
    body = r"[\s\-]+".join(parts)
    return re.compile(rf"(?<![\w]){body}(?![\w])", re.IGNORECASE)


def find_keyword(text: str, keywords: Iterable[str]) -> tuple[str, re.Match[str]] | None:
    """The first keyword (in text order) found in `text`, with its match."""
    best: tuple[str, re.Match[str]] | None = None
    for kw in keywords:
        m = keyword_pattern(kw).search(text)
        if m and (best is None or m.start() < best[1].start()):
            best = (kw, m)
    return best


def sentence_around(text: str, start: int, end: int, wrapped: bool = False) -> str:
    """The sentence of `text` holding [start, end): it ends at ". ! ?" before a space or the end, or at a line
    break ("99.9% uptime" and "v4.2" hold no sentence end); with `wrapped`, a line break of hard-wrapped mail ends
    none, a blank line does."""
    ends = _WRAPPED_SENTENCE_END if wrapped else _SENTENCE_END
    left = max((m.end() for m in ends.finditer(text, 0, start)), default=0)
    right_match = ends.search(text, end)
    right = right_match.start() + 1 if right_match else len(text)
    return text[left:right].strip()


_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_WRAPPED_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n[ \t]*\n")


def mentions(text: str, keywords: Iterable[str], slack: int = 4) -> str | None:
    """The first keyword whose words all appear close together in `text` ("pilot start" is found in
    "start your pilot"); word prefixes count for keyword words of 4+ letters ("launch" finds "launches")."""
    words = normalise(text).split()
    for kw in keywords:
        kw_words = normalise(kw).split()
        if not kw_words:
            continue
        size = len(kw_words) + slack
        for i in range(max(1, len(words) - size + 1)):
            window = words[i:i + size]
            if all(any(w == k or (len(k) >= 4 and w.startswith(k)) for w in window) for k in kw_words):
                return kw
    return None


def described(c: Commitment) -> str:
    """What a commitment is about, for messages: its object, else its sentence."""
    return c.object or c.text


def question_answered(ctx: RuleContext, c: Commitment) -> str:
    """The quoted lines right above an inline answer ("> When can we go live?" above "Mid-February is realistic"),
    or "" when the promise answers no quoted question."""
    reading = ctx.message.reading
    at = reading.find(c.text) if reading else -1
    if at < 0:
        return ""
    lines = reading[:at].split("\n")[:-1]  # (the lines above the one the promise starts in)
    asked: list[str] = []
    for line in reversed(lines):
        if not line.lstrip().startswith(">"):
            break
        asked.append(line.lstrip().lstrip(">").strip())
    return " ".join(reversed(asked))
