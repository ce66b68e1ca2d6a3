"""Claims that make no promise of ours though a pattern matched them: a date claim told in the past or said of
what is usual, the reader's wish, an outcome measured rather than a price cut, time offered with "free", and
the reader's part received rather than a document sent. See docs/extraction.md."""

from __future__ import annotations

import re
from datetime import datetime

from promisegate.extract.commit_cues import Cues
from promisegate.extract.commit_rules import Hit
from promisegate.extract.nlp import unwrapped, word_step
from promisegate.model import Commitment, TimeSpan


def past_event(c: Commitment, now: datetime, cues: Cues) -> bool:
    """Whether a date claim is wholly before `now` and told in a past tense."""
    if c.kind != "date" or c.rule not in _EVENT_CLAIMS or c.when is None or c.when.to > now:
        return False
    words = _WORD.findall(c.text.lower())
    # ("is planned for H1", "will be launched": a participle after "be" is a passive of now or later.)
    return any(w in cues.past_verbs or w in _PAST_TENSE or (_ED.match(w) and (k == 0 or words[k - 1] not in _BE))
               for k, w in enumerate(words))


def typical_timeline(c: Commitment) -> bool:
    """"Our average implementation takes just 3 weeks", "Most customers go live in under 30 days": a length said of
    what is usual dates nothing for this deal."""
    return c.kind == "date" and c.rule in _EVENT_CLAIMS and (c.when is None or c.when.rule == "duration") \
        and bool(_TYPICAL.search(c.text))


_TYPICAL = re.compile(r"\b(?:typical(?:ly)?|usually|on average|average|generally|normally|most customers"
                      r"|most of our customers|most teams)\b", re.IGNORECASE)
_EVENT_CLAIMS = frozenset({"date-event", "date-expected"})
_PAST_TENSE = frozenset({"went", "came", "began", "ran", "took", "fell", "rose", "slid"})  # (and "-ed")
_WORD = re.compile(r"[a-z]+")
_BE = frozenset({"is", "are", "be", "been", "being", "s", "re"})
_ED = re.compile(r"[a-z]{3,}ed$")


def free_at_time(words: list[str], idx: list[int], hit: Hit, end: int, times: list[TimeSpan]) -> bool:
    """Whether the hit's "free" is followed by a time expression ("free Wed after 1pm", "free on the 14th")."""
    free = next((i for i in range(hit.start, hit.end) if words[i] in ("free", "available")), None)
    if free is None:
        return False
    after = word_step(words, free, 1, end - 1)
    starts = {idx[after], idx[word_step(words, after, 1, end - 1)] if words[after] in ("on", "after", "from") else -1}
    return after != free and any(t.start in starts for t in times)


_READER_WISH = re.compile(r"\b(?:you|your\s+\w+(?:\s+team)?)(?:'re|’re|\s+are|'ve|’ve|\s+have|\s+were)?\s+(?:been\s+)?"
                         r"(?:hoping|asking|asked|looking|aiming|pushing|want|wanted|wanting|need|needed|requested"
                         r"|expect|expected|expecting)\b[^,;.!?]{0,40}$", re.IGNORECASE)


def reduction_of_other(words: list[str], hit: Hit, end: int, cues: Cues) -> bool:
    """Whether a discount word is followed by "in" and a phrase that names no price ("in ticket volume")."""
    if words[hit.end - 1] not in _MEASURES:
        return False  # "a 20% discount in your first year" is a discount
    i = word_step(words, hit.end - 1, 1, end - 1)
    if i >= end or i == hit.end - 1 or words[i] != "in":
        return False
    after = unwrapped(words, i + 1, min(end, i + 6))
    return cues.price_nouns.isdisjoint(after)


def cut_of_other(words: list[str], hit: Hit, lo: int, cues: Cues) -> bool:
    """Whether a verb of cutting takes something that names no price: "we helped Acme cut onboarding time by 40%",
    "reduce churn by 12%", "first-response times drop by 35%" measure outcomes; "cut your bill by 10%", "lower it by
    5%", "we can drop 10%", "prices drop by 10%" are discounts. `lo` is where the clause starts."""
    if words[hit.start] not in _CUT_VERBS:
        return False
    between = [w for w in unwrapped(words, hit.start + 1, hit.end) if w not in _FIGURE_WORDS and not w[:1].isdigit()]
    if not between and words[hit.start] != "discount":  # what drops stands before: "times drop by 35%"
        before = word_step(words, hit.start, -1, lo)
        return before != hit.start and words[before].isalpha() and words[before] not in cues.price_nouns \
            and words[before] not in _PRICE_PRONOUNS and words[before] not in _CUTTERS
    return bool(between) and cues.price_nouns.isdisjoint(between) and _PRICE_PRONOUNS.isdisjoint(between)


_CUTTERS = frozenset({"we", "i", "can", "could", "will", "would", "to", "also", "and", "then", "further", "even",
                      "happy", "gladly", "just", "n't", "not", "'ll", "’ll", "'d", "’d", "might", "may"})


_READERS_PART = frozenset({"feedback", "thoughts", "input", "signature", "sign-off", "approval", "comments",
                           "answers", "availability", "confirmation", "take", "reaction", "questions", "po"})
_PERCENT_SIGNS = frozenset({"%", "percent", "pct", "per-cent"})
_CUT_VERBS = frozenset({"cut", "reduce", "lower", "drop", "shave", "knock", "take", "discount"})
_FIGURE_WORDS = _PERCENT_SIGNS | {"by", "of", "at", "off", "another", "an", "additional", "extra", "up", "to", "about",
                                   "around", "roughly", "approximately"}
_PRICE_PRONOUNS = frozenset({"it", "that", "this", "them", "those", "these", "you", "your", "yours"})
_MEASURES = frozenset({"reduction", "reductions", "savings", "saving", "decrease", "drop", "cut"})


def reader_wish(source: str, lo: int, at: int) -> bool:
    """Whether the phrase before char `at` (from `lo`) says the reader wishes for what follows: "I understand you're
    hoping for a 20% discount", "your team asked for net 90"."""
    return _READER_WISH.search(source, lo, at) is not None


def receives_readers_part(words: list[str], hit: Hit, end: int) -> bool:
    """"I'd love to get your feedback on the proposal": getting the reader's part is receiving, not sending."""
    return words[hit.start] in ("get", "getting") and hit.start + 2 < end \
        and words[word_step(words, hit.start, 1, end - 1)] == "your" \
        and words[word_step(words, hit.start, 2, end - 1)] in _READERS_PART


def figure_before_percent(words: list[str], hit: Hit, end: int) -> bool:
    """"cut onboarding time by 40%": a hit ending on a figure that "%" follows names no day of the month."""
    return hit.end < end and words[hit.end - 1][:1].isdigit() and words[hit.end] in _PERCENT_SIGNS
