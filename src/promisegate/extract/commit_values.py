"""What a commitment is about: the object as written, the amount and unit, and the time it names."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from spacy.tokens import Doc

from promisegate.extract.lexicon import Lexicon
from promisegate.extract.nlp import is_wrap, token_columns
from promisegate.model import TimeSpan

_MAX_OBJECT_TOKENS = 7
# Tokens that may sit inside a name although spaCy calls them punctuation ("SOC-2", "A/B", "R&D").
_INNER_PUNCT = frozenset({"-", "/", "&", "+", "'s", "’s"})
_NUM = r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?"
_SCALE = {"k": 1e3, "m": 1e6, "mm": 1e6, "b": 1e9}
_PERCENT = re.compile(_NUM + r"\s*-?\s*(?:%|percent\b|pct\b|per-cent\b)", re.IGNORECASE)  # ("a 12-percent cut")
_MONEY_BEFORE = re.compile(r"(US\$|\$|€|£|\b(?:USD|EUR|GBP))\s?" + _NUM + r"\s?(k|mm|m|b)?\b", re.IGNORECASE)
_MONEY_AFTER = re.compile(_NUM + r"\s?(k|mm|m|b)?\s?(USD|EUR|GBP|dollars?|euros?|pounds|bucks)\b", re.IGNORECASE)
# ("net thirty (30)", "thirty (30) days": the figure in brackets)
_NET = re.compile(r"\bnet[\s-]?(\d{1,3})\b|\bnet\s+[a-z-]+\s*\((\d{1,3})\)|\b(\d{1,3})\)?\s+days\b", re.IGNORECASE)
_HOURS = re.compile(r"\b(\d{1,3})\s*-?\s*(?:(?:business|working)\s+)?(hours?|hrs?|minutes?|mins?)\b", re.IGNORECASE)
# "Monday or Tuesday", "Thursday afternoon or any time Monday"
_ALTERNATIVE_GAP = re.compile(r"^\s*(?:,|/|or|,\s*or|either)?\s*(?:(?:any|some)\s?time\s+)?(?:on\s+)?$", re.IGNORECASE)
# Between a day and the clock time that narrows it: "Thursday between 3 and 4", "Dec 8, from 1 to 3", "Friday at 2",
# "the 9th, say 11:30".
_NARROWING = re.compile(r"\s*,?\s*(?:(?:say|ideally|preferably|around|about|maybe|perhaps)\s+)?"
                        r"(?:at|from|between)?\s*$", re.IGNORECASE)
_DEADLINE_CUE = re.compile(r"\b(?:by|before|until|till|no later than|prior to|within|ahead of)\s*$", re.IGNORECASE)
_CURRENCY = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP", "usd": "USD", "eur": "EUR", "gbp": "GBP",
             "dollar": "USD", "dollars": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR", "pounds": "GBP"}


def _number(whole: str, frac: str | None, scale: str | None = None) -> float:
    value = float(whole.replace(",", "") + ("." + frac if frac else ""))
    return value * _SCALE.get((scale or "").lower(), 1.0)


def percent(text: str) -> float | None:
    """Return the first percentage in `text` ("15%", "20 percent", "fifteen percent", "half off") as a number."""
    m = _PERCENT.search(text)
    if m:
        return _number(m.group(1), m.group(2))
    w = _WORD_PERCENT.search(text)
    if w:
        return float(_PERCENT_WORDS[w.group(1).lower().replace(" ", "-")])
    return 50.0 if _HALF_OFF.search(text) else None


# Percentages written out, as offers put them ("fifteen percent off", "twenty-five percent").
_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_PERCENT_WORDS = {w: n for n, w in enumerate(_UNITS + _TEENS, start=1)} | {
    f"{t}-{u}" if u else t: 20 + 10 * i + j for i, t in enumerate(_TENS) for j, u in enumerate(("", *_UNITS))}
_WORD_PERCENT = re.compile(r"\b(" + "|".join(sorted((w.replace("-", "[ -]") for w in _PERCENT_WORDS), key=len,
                                                    reverse=True)) + r")\s*(?:percent|per-cent)\b", re.IGNORECASE)
_HALF_OFF = re.compile(r"\bhalf\s+(?:off|price)\b", re.IGNORECASE)


def money(text: str) -> tuple[float, str] | None:
    """Return the first sum of money in `text` as (amount, ISO currency); "$45k" is 45000 USD."""
    before = _MONEY_BEFORE.search(text)
    after = _MONEY_AFTER.search(text)
    if before and (not after or before.start() <= after.start()):
        return _number(before.group(2), before.group(3), before.group(4)), _CURRENCY[before.group(1).lower()]
    if after:
        return _number(after.group(1), after.group(2), after.group(3)), _CURRENCY[after.group(4).lower()]
    return None


def payment_days(text: str) -> float | None:
    """Return the days of payment terms ("net 30", "payment within 45 days")."""
    m = _NET.search(text)
    return float(m.group(1) or m.group(2) or m.group(3)) if m else None


def response_hours(text: str) -> float | None:
    """Return a response-time figure in hours ("4-hour response", "30 minute response")."""
    m = _HOURS.search(text)
    if not m:
        return None
    value = float(m.group(1))
    return value / 60.0 if m.group(2).lower().startswith("min") else value


def phrase_back(doc: Doc, head: int, lo: int, stops: frozenset[str]) -> tuple[int, int]:
    """Return the token range of the name ending at `head`, walking left until a stop word or punctuation."""
    start = head
    while start - 1 >= lo and head - start + 1 < _MAX_OBJECT_TOKENS:
        tok = doc[start - 1]
        joined = not tok.whitespace_ and doc[start].text == "-"  # "add-on": a stop word inside a compound
        wrapped = is_wrap(tok.text)  # "the SOC 2\nreport": a line break inside the name
        if (tok.is_space and not wrapped) or (tok.lower_ in stops and not joined) \
                or (tok.is_punct and tok.text not in _INNER_PUNCT):
            break
        start -= 1
    while start < head and doc[start].text in _INNER_PUNCT:
        start += 1
    return start, head + 1


def phrase_forward(doc: Doc, begin: int, hi: int, skip: frozenset[str], stops: frozenset[str]) -> tuple[int, int]:
    """Return the token range of the phrase starting at `begin` after `skip` words, up to a stop or punctuation."""
    start = begin
    while start < hi and (doc[start].lower_ in skip or doc[start].is_space):
        start += 1
    end = start
    while end < hi and end - start < _MAX_OBJECT_TOKENS:
        tok = doc[end]
        wrapped = is_wrap(tok.text) and end > start
        # (a stop word glued on by a hyphen is part of the name: "the analytics add-on")
        if (tok.is_space and not wrapped) or (tok.is_punct and tok.text not in _INNER_PUNCT) \
                or (end > start and tok.lower_ in stops and doc[end - 1].text != "-"):
            break
        end += 1
    while end > start and doc[end - 1].text in _INNER_PUNCT:
        end -= 1
    return start, end


def span_text(doc: Doc, start: int, end: int) -> str | None:
    """Return the doc text of tokens [start, end), or None for an empty range."""
    if start >= end:
        return None
    cols = token_columns(doc)  # (a Span would be built to be read once)
    text = cols.source[cols.idx[start]:cols.idx[end - 1] + len(cols.texts[end - 1])]
    return " ".join(text.split())  # an object wrapped over two lines reads as one name


_ADJECTIVE = re.compile(r"\w-[A-Za-z]")  # "2-year", "two-week" (not "5 - 10 minutes")


def pick_when(
    times: Sequence[TimeSpan], lo: int, hi: int, anchor: int, text: str, things: frozenset[str] = frozenset(),
    anchor_end: int | None = None,
) -> tuple[TimeSpan | None, tuple[TimeSpan, ...]]:
    """Choose the time in chars [lo, hi) nearest to `anchor`, and the ones offered as alternatives to it.

    A time inside the words that made the promise, chars [anchor, anchor_end) ("does Wednesday afternoon work"),
    is as near as can be. A time that names one of `things` ("the Q1 pricing") is chosen only when no other time
    is there.
    """
    end = anchor + 1 if anchor_end is None else max(anchor_end, anchor + 1)
    # "a 2-year term", "a 30-minute call": a length used as an adjective never says when, nor one after "by"
    # ("extend the trial by two weeks" says how much longer).
    inside = sorted((t for t in times
                     if lo <= t.start and t.end <= hi and not (t.rule == "duration" and (
                         _ADJECTIVE.search(t.text) or _BY_AMOUNT.search(text, max(0, t.start - 4), t.start)
                         or text.startswith(" of ", t.end)  # ("10 hours of professional services": an amount)
                         # ("ready two weeks after kickoff": counted from an event the mail does not date)
                         or _COUNTED_FROM.match(text, t.end)
                         # ("two extra weeks on the pilot": a unit with no count of its own says no when)
                         or t.text.lower() in _BARE_UNITS))
                     # "Let's touch base after the holidays": a day or longer after "after" only bounds when it
                     # happens, it is not the time promised (checking the holidays against the calendar would find
                     # the SE away); "after 3pm tomorrow" keeps its clock time, where the window offered opens.
                     and not (t.grain not in ("minute", "hour") and _AFTER.search(text, max(0, t.start - 7), t.start))),
                    key=lambda t: t.start)
    if not inside:
        return None, ()

    # "move our sync from Wednesday to Friday": the time moved from is no promise when the one moved to follows.
    moved_to = len(inside) > 1 and any(_TO_BEFORE.search(text, max(0, t.start - 6), t.start) for t in inside)

    def distance(t: TimeSpan) -> tuple[bool, bool, int, bool, int]:
        # (measured from the end of the promise's words for a time after them: "schedule a go/no-go call for
        # Friday the 18th" is as near Friday as "by EOD Wednesday and schedule" is to Wednesday)
        gap = 0 if t.start < end and anchor < t.end else t.start - end if t.start >= end else abs(anchor - t.end)
        # A length ("a 30-minute call") or a recurrence ("the weekly syncs") says when only if the clause
        # names no date or time, and a possessive names the thing, not when it is promised ("move Friday's
        # demo to Monday").
        possessive = text.startswith(("'s", "’s"), t.end)
        old = moved_to and bool(_FROM_BEFORE.search(text, max(0, t.start - 6), t.start))
        # (at an equal distance the time after the promise's words is its own: "... and schedule a call for Friday")
        # ("we now expect it in late January": "now" says when it is said, not when it comes)
        vague = t.rule in _VAGUE
        return vague, possessive or old or _names_thing(t, text, things), gap, t.start < anchor, t.start

    best = min(inside, key=distance)
    # Times joined by "or" ("Monday or Tuesday at 3") are one offer: `when` is the first, the rest alternatives.
    group = [best]
    i = inside.index(best)
    lo_i = i
    # (A length is no alternative: "30 minutes on Tuesday or Wednesday" offers Tuesday or Wednesday.)
    while lo_i > 0 and inside[lo_i - 1].rule not in _LENGTHS \
            and _ALTERNATIVE_GAP.match(text[inside[lo_i - 1].end : inside[lo_i].start]):
        lo_i -= 1
    hi_i = i
    while hi_i + 1 < len(inside) and inside[hi_i + 1].rule not in _LENGTHS \
            and _ALTERNATIVE_GAP.match(text[inside[hi_i].end : inside[hi_i + 1].start]):
        hi_i += 1
    group = inside[lo_i : hi_i + 1]
    gaps = " ".join(text[a.end : b.start] for a, b in itertools.pairwise(group))
    if len(group) > 1 and re.search(r"\bor\b|/", gaps, re.IGNORECASE):
        return _promised(group[0]), tuple(map(_promised, group[1:]))
    return _promised(_narrowed(best, inside, text)), ()


def _narrowed(day: TimeSpan, inside: list[TimeSpan], text: str) -> TimeSpan:
    """The clock time right after `day` that falls on it, if any ("Thursday between 3 and 4", "Dec 8, from
    1 to 3": the slot, not the whole day); else `day`."""
    if day.grain != "day":
        return day
    nxt = next((t for t in inside if t.start >= day.end), None)
    if nxt is not None and nxt.grain in ("hour", "minute") and day.from_ <= nxt.from_ < day.to \
            and _NARROWING.match(text, day.end, nxt.start):
        return nxt
    return day


_LENGTHS = frozenset({"duration", "set"})
_VAGUE = _LENGTHS | {"present"}  # ("now", "currently": the time tagger's rule for the moment of writing)
_AFTER = re.compile(r"\bafter\s+$", re.IGNORECASE)
_BY_AMOUNT = re.compile(r"\bby\s+$", re.IGNORECASE)
_BARE_UNITS = frozenset({"days", "weeks", "months", "years", "hours", "minutes"})
_COUNTED_FROM = re.compile(r"\s+(?:after|before|following|prior\s+to)\s+(?!now\b|today\b|tomorrow\b)", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_TO_BEFORE = re.compile(r"\bto\s+$", re.IGNORECASE)
_DETERMINER_BEFORE = re.compile(r"\b(?:the|this|that|our|your|their|its|my)\s+$", re.IGNORECASE)
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][\w-]*)")


def _names_thing(span: TimeSpan, text: str, things: frozenset[str]) -> bool:
    """"hold the Q1 pricing until January 31": "Q1" says which pricing, not when it is held."""
    after = _WORD_AFTER.match(text, span.end)
    return bool(after and after.group(1).lower() in things
                and _DETERMINER_BEFORE.search(text, max(0, span.start - 8), span.start))


def _promised(span: TimeSpan) -> TimeSpan:
    """What a time promises: the limit it is given ("by Friday"), or else the time itself."""
    return span.limit if span.limit is not None else span


def is_deadline(text: str, span: TimeSpan) -> bool:
    """True when the time is a limit ("by Friday", "before the 5th") rather than a date."""
    if _DEADLINE_CUE.search(text[max(0, span.start - 20) : span.start]):
        return True
    return bool(re.match(r"(?:by|before|until|till|no later than|within)\b", span.text, re.IGNORECASE))


def object_stops(lexicon: Lexicon) -> frozenset[str]:
    """Words that end an object phrase."""
    return lexicon.set("object_stops") | lexicon.set("first_person_any") | lexicon.set("second_person")
