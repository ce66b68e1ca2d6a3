"""Claims that make no promise of ours though a pattern matched them: a date claim told in the past or said of
what is usual, the reader's wish, an outcome measured rather than a price cut, time offered with "free", and
the reader's part received rather than a document sent, an open question ("whether"), the reader's time for a task
of theirs, an obligation, a service's hours, a summary the mail itself gives, a follow-up that is no meeting, a fee
word that names no fee. See docs/extraction.md."""

from __future__ import annotations

import re
from datetime import datetime

from promisegate.extract.commit_cues import Cues
from promisegate.extract.commit_rules import Hit
from promisegate.extract.nlp import is_wrap, unwrapped, word_step
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
    # ("free the Tuesday before Christmas": the time may start after the article)
    starts = {idx[after], idx[word_step(words, after, 1, end - 1)] if words[after] in ("on", "after", "from", "the")
              else -1}
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


def readers_condition(words: list[str], at: int, lo: int) -> bool:
    """Whether "if / once / when you (can / could)" comes right before token `at`: the reader's part of a condition."""
    lead = words[max(lo, at - 4):at]
    if "you" not in lead:
        return False  # the usual case, found in C
    k = len(lead) - 1 - lead[::-1].index("you")
    return k > 0 and lead[k - 1] in ("if", "once", "when", "after") and all(
        w in ("can", "could", "just", "please") for w in lead[k + 1:])


def receives_readers_part(words: list[str], hit: Hit, end: int) -> bool:
    """"I'd love to get your feedback on the proposal": getting the reader's part is receiving, not sending."""
    return words[hit.start] in ("get", "getting") and hit.start + 2 < end \
        and words[word_step(words, hit.start, 1, end - 1)] == "your" \
        and words[word_step(words, hit.start, 2, end - 1)] in _READERS_PART


def figure_before_percent(words: list[str], hit: Hit, end: int) -> bool:
    """"cut onboarding time by 40%": a hit ending on a figure that "%" follows names no day of the month."""
    return hit.end < end and words[hit.end - 1][:1].isdigit() and words[hit.end] in _PERCENT_SIGNS


def open_question(words: list[str], lo: int, at: int) -> bool:
    """Whether "whether" stands between `lo` and `at` with no comma or semicolon after it ("I've asked finance
    whether we can stretch to net 45"; "Whether you pick A or B, onboarding is free" offers it after the comma)."""
    if "whether" not in words[lo:at]:
        return False  # the usual case, found in C
    for i in range(at - 1, lo - 1, -1):
        if words[i] in (",", ";"):
            return False
        if words[i] == "whether":
            return True
    return False


def time_for_a_task(words: list[str], hit: Hit, end: int, cues: Cues) -> bool:
    """Whether `hit` asks for time "to" do something that is no meeting ("Could you find 30 minutes to review the
    deck?"; "Do you have 30 minutes to walk through it?" is one), or ends on a meeting noun used as a verb after "to"
    ("find 30 minutes to review"; "schedule a meeting to review" names its meeting first)."""
    last = words[hit.end - 1]
    if hit.label == "meeting" and last in _NOUN_OR_VERB and hit.end - hit.start > 2 \
            and words[word_step(words, hit.end - 1, -1, hit.start)] == "to" \
            and cues.meeting_nouns.isdisjoint(words[hit.start:hit.end - 2]):
        return True
    if hit.label != "slot" or last not in _TIME_UNITS or hit.end + 1 >= end:
        return False
    to = word_step(words, hit.end - 1, 1, end - 1)
    return words[word_step(words, to, 1, end - 1)].isalpha() and _to_a_task(words, to, end, cues)


def slot_for_a_task(words: list[str], hit: Hit, end: int, cues: Cues) -> bool:
    """Whether a slot hit with no meeting noun in it goes on "to" and a verb that is no meeting ("Would it work to send
    the report by Friday?"; "available to discuss" offers a meeting)."""
    to = hit.end - 1 if words[hit.end - 1] == "to" else word_step(words, hit.end - 1, 1, end - 1)
    if to >= end - 1 or not cues.meeting_nouns.isdisjoint(words[hit.start:hit.end]):
        return False
    return _to_a_task(words, to, end, cues)


def _to_a_task(words: list[str], to: int, end: int, cues: Cues) -> bool:
    """Whether token `to` is "to" and the word after it no verb of meeting: a task, not a meeting, is what the time is
    for."""
    return words[to] == "to" and words[word_step(words, to, 1, end - 1)] not in cues.meeting_verbs


def obliged(words: list[str], at: int, lo: int) -> bool:
    """Whether "must", "should" or "need / have to" comes right before token `at` ("we must meet their security
    requirements": an obligation, not a claim)."""
    before = words[word_step(words, at, -1, lo)]
    if before in ("must", "should"):
        return True
    return before == "to" and at - 2 >= lo and words[word_step(words, at, -2, lo)] in ("need", "needs", "have", "has")


def round_the_clock(words: list[str], i: int, end: int) -> bool:
    """Whether the words after `i` say "24/7" or "around the clock" ("our support team is available 24/7": a
    service's hours, no slot), line breaks aside."""
    after = [words[j] for j in range(i + 1, min(end, i + 8)) if not is_wrap(words[j])][:3]
    return after[:1] in (["24/7"], ["24x7"], ["24/7/365"]) or after in (["around", "the", "clock"],
                                                                        ["round", "the", "clock"])


def inline_summary(words: list[str], hit: Hit, lo: int, end: int) -> bool:
    """Whether "here's a quick summary / recap" gives the summary in the mail itself ("As promised, here's a quick
    summary of next steps:"), with nothing attached or linked in the clause."""
    return hit.id == "document-attached" and words[hit.start] == "here" and words[hit.end - 1] in _INLINE_NOUNS \
        and not any(w.startswith(("attach", "enclos", "link")) for w in words[lo:end])


def follow_up_no_meeting(words: list[str], hit: Hit, end: int) -> bool:
    """Whether a meeting hit ends on "follow-up" before a thing that is no meeting ("a follow-up email", "follow-up
    questions"; "a follow-up call" is one)."""
    return hit.label == "meeting" and words[hit.end - 1] in _FOLLOW_UPS and hit.end < end \
        and words[word_step(words, hit.end - 1, 1, end - 1)] in _NO_MEETING_AFTER_FOLLOW_UP


def counted_from_meeting(words: list[str], hit: Hit, lo: int) -> bool:
    """Whether a meeting hit opens on "after" / "before" with a length before it: "two weeks after kickoff", "3 days
    before the workshop" count a time from a meeting, and propose none."""
    return hit.label == "meeting" and words[hit.start] in ("after", "before") and hit.start > lo \
        and words[word_step(words, hit.start, -1, lo)] in _LENGTHS


_LENGTHS = frozenset({"day", "days", "week", "weeks", "month", "months", "hour", "hours", "minutes", "mins",
                      "quarter", "quarters", "year", "years"})


def granted(words: list[str], at: int, end: int) -> bool:
    """Whether "consider" at `at` grants rather than asks: "Consider it done", "consider the onboarding fee waived"."""
    return words[at] == "consider" and not _GRANTED.isdisjoint(words[at:end])


_TIME_UNITS = frozenset({"minutes", "mins", "min", "hour", "hours", "hr", "hrs", "time"})
# Meeting nouns that are verbs after "to" ("to review"; "to dinner" is a noun).
_NOUN_OR_VERB = frozenset({"review", "debrief", "de-brief"})
_INLINE_NOUNS = frozenset({"summary", "recap", "rundown", "overview", "outline", "breakdown", "list", "update",
                           "snapshot", "run-down"})
_FOLLOW_UPS = frozenset({"follow-up", "followup", "follow-ups", "followups"})
_NO_MEETING_AFTER_FOLLOW_UP = frozenset({"email", "emails", "e-mail", "note", "notes", "message", "messages",
                                         "question", "questions", "item", "items", "task", "tasks", "letter", "survey",
                                         "reminder"})
_GRANTED = frozenset({"waived", "done", "handled", "covered", "approved", "sorted", "yours"})


def fee_of_other(words: list[str], hit: Hit, end: int) -> bool:
    """Whether a "no fee / no cost" hit's fee word is only the first half of another noun ("no cost advantage", "no
    fee structure"); "no cost for the pilot", "no charge to you", "no fee if you sign today" waive one."""
    if hit.id != "price-free" or hit.end >= end or words[hit.end - 1] not in FEE_WORDS:
        return False
    after = words[word_step(words, hit.end - 1, 1, end - 1)]
    # ("We can remove the setup fee completely": an adverb after it names no other noun)
    return after.isalpha() and after.islower() and after not in _AFTER_FEE and not after.endswith("ly")


# The words that name a fee: shared with the object finder ("There's no implementation fee": the fee).
FEE_WORDS = frozenset({"fee", "fees", "charge", "charges", "cost", "costs"})
_AFTER_FEE = frozenset({"for", "to", "on", "at", "if", "when", "until", "through", "during", "and", "or", "but",
                        "whatsoever", "involved", "attached", "associated", "either", "here", "there", "in", "with",
                        "from", "as", "so", "unless", "provided", "beyond", "altogether", "outright"})
