"""Commitments and requests in a parsed text: pattern hits, judged clause by clause.

Patterns (rules/patterns/commitments.jsonl) say what a clause is about (a document, a price, a
meeting...) and in which mood it is written (the writer commits, the writer asks). This module decides,
per clause, whether those hits make a commitment, a request or nothing: see docs/extraction.md.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from spacy.tokens import Doc

from promisegate.extract.commit_claims import (
    counted_from_meeting,
    cut_of_other,
    fee_of_other,
    figure_before_percent,
    follow_up_no_meeting,
    free_at_time,
    granted,
    inline_summary,
    obliged,
    open_question,
    past_event,
    reader_wish,
    readers_condition,
    receives_readers_part,
    reduction_of_other,
    round_the_clock,
    slot_for_a_task,
    time_for_a_task,
    typical_timeline,
)
from promisegate.extract.commit_cues import Cues, cues_for
from promisegate.extract.commit_lists import offer_lists, slot_lists
from promisegate.extract.commit_objects import antecedent_document, describe, listed_documents
from promisegate.extract.commit_rules import Hit, load_rules
from promisegate.extract.commit_units import Unit, clauses
from promisegate.extract.commit_values import is_deadline, pick_when
from promisegate.extract.nlp import token_columns, unwrapped, word_step
from promisegate.model import Commitment, CommitmentKind, TimeSpan

# Order in which kinds are reported; a request takes the first kind present.
_KIND_ORDER: tuple[CommitmentKind, ...] = ("price", "document", "meeting", "capability", "deadline", "date")
_LABEL_KIND: dict[str, CommitmentKind] = {
    "attachment": "document", "slot": "meeting", "confirmed": "meeting", "amount": "price", "price": "price",
    "document": "document", "meeting": "meeting", "capability": "capability", "deadline": "deadline", "date": "date",
}
# Labels that make a claim without a "we will": a price quoted, an attachment, a product claim, a set date.
_SELF_ASSERTING = frozenset({"attachment", "price", "capability", "date", "slot", "confirmed"})
_CLOCK = re.compile(
    r"^\d{1,2}(:\d{2})?(am|pm|a\.m\.|p\.m\.)$|^\d{1,2}:\d{2}$|^(?!24/7$)\d{1,2}/\d{1,2}(/\d{2,4})?$", re.IGNORECASE
)
# Kinds of which one clause may carry several distinct claims ("HIPAA compliant and we support SSO").
_MULTI = frozenset({"price", "document", "capability"})
# Offers that are only an offer when made to someone: "free shipping!" in a banner is not one.
_ADDRESSED_ONLY = frozenset({"price-free", "price-discount"})
_INCLUDED = frozenset({"included", "includes", "include"})
# Words by which a give-away is ours, addressed or not: "The setup fee is waived.", "Onboarding is on the house."
_OURS_TO_GIVE = frozenset({"waived", "house"})
_THEIR = frozenset({"its", "their", "his", "her"})
_AT_NO_COST = frozenset({"no", "free", "complimentary"})
# "Does ... work?" / "is ... free?" ask about a slot only in a question; "onboarding is free" is a price.
_QUESTION_OPENERS = frozenset({"does", "do", "would", "will", "is", "are", "could", "can", "'s"})
_PERIODS = frozenset({"week", "month", "quarter", "year", "weekend", "morning", "afternoon", "evening", "night"})
_DEICTIC = frozenset({"next", "this", "that", "the", "coming", "following", "tomorrow", "monday", "tuesday",
                      "wednesday", "thursday", "friday", "saturday", "sunday"})
_LEADING_JUNK = frozenset({"-", "*", "•", "·", "–", "—", ">", "(", "[", '"', "'", "“"})


def find_commitments(
    doc: Doc, times: Sequence[TimeSpan], now: datetime, rules_dir: Path | None = None,
    ours: Collection[str] = (),
) -> tuple[list[Commitment], list[Commitment]]:
    """Return (commitments, requests) found in `doc`; `times` are its time expressions. `ours` are the lower-case
    names of the writer's side (the deal's SE, colleagues): "Dana will walk your team through it" is our promise,
    where a name nobody told us about may be the customer's."""
    rules = load_rules(doc.vocab, rules_dir)
    cues = cues_for(rules)
    units = clauses(doc)
    cols = token_columns(doc)
    # A pattern that must open a clause is tried only where one opens, and none where no clause is (quoted mail,
    # the space between clauses): the hits it would find there are never judged.
    gaps = [(a.end, b.start) for a, b in itertools.pairwise([Unit(0, 0, 0, 0), *units, Unit(len(doc), 0, 0, 0)])
            if a.end < b.start]
    hits = rules.hits(doc, {_anchor(cols.texts, unit) for unit in units}, gaps)
    if ours:
        hits = sorted(hits + _colleagues(cols.texts, cols.words, ours), key=lambda x: x.start)
    commitments: list[Commitment] = []
    requests: list[Commitment] = []
    source = cols.source  # Doc.text joins every token: build it once, not per clause.
    times = sorted(times, key=lambda t: t.start)  # (find_times gives them in order; sorted stays cheap then)
    time_starts = [t.start for t in times]  # a clause's times are found by bisection, not a scan of all
    h = 0
    for unit in units:
        while h < len(hits) and hits[h].start < unit.start:
            h += 1
        inside = []
        j = h
        while j < len(hits) and hits[j].start < unit.end:
            if hits[j].end <= unit.end:
                inside.append(hits[j])
            j += 1
        if inside:
            lo = bisect_left(time_starts, unit.start_char)
            unit_times = [t for t in times[lo:bisect_left(time_starts, unit.end_char, lo)] if t.end <= unit.end_char]
            _judge(doc, source, unit, inside, unit_times, cues, commitments, requests, now)
    # "The launch in March went well", "We shipped the release in May": a date claim told in the past
    # tense about a time already over reports an event; it promises nothing.
    commitments = [c for c in commitments if not past_event(c, now, cues) and not typical_timeline(c)]
    listed = slot_lists(source, units, times, commitments) + offer_lists(source, units, requests)
    if listed:
        commitments = sorted(commitments + listed, key=lambda c: c.start)  # stable: a clause's own order stays
    if ">" in source:
        commitments = [_answering(c, source, times, cues) for c in commitments]
    return commitments, requests


_QUESTION_LINE = re.compile(r"(?:^|\n)[ \t]*>[^\n]*\?[ \t]*\n[ \t]*$")


def _answering(c: Commitment, source: str, times: Sequence[TimeSpan], cues: Cues) -> Commitment:
    """An inline answer that names no time of its own takes the meeting the quoted question above it asks about: "> Can
    Dana join our board meeting on Dec 28?" / "She can, I've confirmed with her." promises the meeting on Dec 28, to
    be checked against her calendar."""
    if c.when is not None or c.kind not in ("other", "meeting"):
        return c
    m = _QUESTION_LINE.search(source, max(0, c.start - 300), c.start)
    if m is None:
        return c
    asked = [t for t in times if m.start() <= t.start and t.end <= m.end()]
    words = set(re.findall(r"[a-z][a-z'-]*", source[m.start():m.end()].lower()))
    if not asked or (words.isdisjoint(cues.meeting_nouns) and words.isdisjoint(cues.meeting_verbs)):
        return c
    return replace(c, kind="meeting", when=asked[0], alternatives=tuple(asked[1:]))


def _goes_on_from_ours(words: list[str], unit: Unit, cues: Cues) -> bool:
    """Whether a clause opened by "so" / "and" goes on from one of ours in its sentence: "Dana approved an extra 3% on
    top of the 5% we agreed, so 8% off the Team plan" offers the 8% to this reader."""
    return words[unit.start] in ("so", "and", "which") \
        and _said_before(words, unit.start, cues.first_person | cues.second_person, unit.start)


def _colleagues(texts: list[str], words: list[str], ours: Collection[str]) -> list[Hit]:
    """`commit-colleague` moods: one of our people named before "will / 'll / can / would" ("Dana will walk your team
    through it", "Dana Lee can share the report"), and "she / he will" with one of them named in the 40 words
    before, within the paragraph ("..., and she'll bring the SOC 2 report")."""
    out: list[Hit] = []
    marks = frozenset(ours) | _PRONOUNS
    # Only the names and pronouns are visited (found in C, as the blank lines are): a loop over every word cost
    # ~100 µs on a 3 KB mail.
    candidates = list(itertools.compress(range(len(words)), map(marks.__contains__, words)))
    if not candidates:
        return out
    blank_lines = [i for i in itertools.compress(range(len(words)), map(str.isspace, words))
                   if words[i].count("\n") >= 2] if any(words[i] in _PRONOUNS for i in candidates) else []
    last_ours = -1_000
    for i in candidates:
        w = words[i]
        named = w in ours and texts[i][:1].isupper()  # ("Will Smith" is one of ours; "will" is not)
        if named:
            last_ours = i
        # (a pronoun within reach of one of ours, with no blank line between: the same paragraph)
        pronoun = w in _PRONOUNS and i - last_ours <= _PRONOUN_REACH \
            and bisect_left(blank_lines, last_ours) == bisect_left(blank_lines, i)
        if not (named or pronoun) or i + 1 >= len(words):
            continue
        j = word_step(words, i, 1, len(words) - 1)
        if words[j] == "(" and ")" in words[j:j + 8]:  # "Dana (our SE) will host": past the aside
            j = word_step(words, words.index(")", j), 1, len(words) - 1)
        nxt = words[j + 1] if j + 1 < len(words) else ""
        if words[j] in _COLLEAGUE_MODALS and nxt not in ("not", "n't", "n’t"):
            out.append(Hit("commit", "commit-colleague", i, j + 1, False))
            if nxt in ("do", "make"):  # "Dana can do December 22 at 2pm PT": her time offered
                out.append(Hit("slot", "meeting-slot-offered", i, j + 2, False))
        elif words[j] in ("is", "'s", "’s") and nxt in _WILLING:
            out.append(Hit("commit", "commit-colleague", i, j + 2, False))  # "Dana is happy to walk you through it"
        elif (words[j] in ("is", "'s", "’s") and nxt in ("available", "free")) \
                or (words[j] == "has" and (nxt in _TIME_HELD or (
                    nxt in ("a", "an") and j + 2 < len(words) and words[j + 2] in _TIME_HELD))):
            out.append(Hit("slot", "meeting-slot-offered", i, j + 2, False))  # "Dana is available on the 22nd"
        elif named and words[j] == "to" and nxt.isalpha() and nxt not in _NOT_ACTS and _opens_item(words, i):
            # An action item of a recap: "Next steps: 1) Brightline to share SOC 2 report", "- Dana to send the deck"
            out.append(Hit("commit", "commit-colleague", i, j + 2, False))
        elif words[j] == "has" and (k := _kept_free(words, j + 1)):
            out.append(Hit("slot", "meeting-slot-offered", i, k, False))  # "Dana has the 22nd free"
        elif words[j] in ("is", "'s", "’s") and nxt in _ON_THE_WAY:
            # "Dana is flying out to Chicago on the 22nd to meet your team", "Dana is leading the workshop on the 22nd"
            out.append(Hit("commit", "commit-colleague", i, j + 2, False))
    return out


def _kept_free(words: list[str], i: int) -> int:
    """The end of "the 22nd free", "Tuesday afternoon open" from word `i`: a time word, then free / open /
    available / clear within four words; 0 when there is none."""
    for k in range(i, min(len(words), i + 5)):
        if words[k] in _TIME_KEPT_FREE:
            timed = any(w[:1].isdigit() or w in _TIME_WORDS for w in words[i:k])
            return k + 1 if timed else 0
    return 0


_TIME_KEPT_FREE = frozenset({"free", "open", "available", "clear"})
_TIME_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "tomorrow", "morning", "afternoon",
                         "evening", "day", "week", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
                         "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
                         "september", "october", "november", "december"})


def _opens_item(words: list[str], i: int) -> bool:
    """Whether word `i` opens a line, a list item or a labelled part ("1) Dana", "- Dana", "Next steps: Dana")."""
    j = i - 1
    while j >= 0 and words[j].isspace() and "\n" not in words[j]:
        j -= 1
    return j < 0 or "\n" in words[j] or words[j] in _ITEM_MARKS


_ITEM_MARKS = frozenset({")", ":", ";", "-", "*", "•", "–", "—", "·"})
# Words after "Dana to" that are no act of hers ("Dana to you", "Brightline to the rescue").
_NOT_ACTS = frozenset({"the", "a", "an", "you", "your", "me", "us", "them", "him", "her", "be", "date", "whom"})
_WILLING = frozenset({"happy", "glad", "delighted", "keen", "eager", "willing", "pleased"})
# Time a colleague has for the reader ("Dana has a window on the 22nd", "Dana has openings Tuesday").
_TIME_HELD = frozenset({"availability", "time", "some", "window", "windows", "opening", "openings", "slot", "slots"})
# A colleague's plan in the progressive ("Dana is flying out on the 22nd to meet your team").
_ON_THE_WAY = frozenset({"flying", "coming", "heading", "traveling", "travelling", "visiting", "joining", "presenting",
                         "hosting", "attending", "leading", "planning"})


_PRONOUNS = frozenset({"she", "he"})
_PRONOUN_REACH = 40
_COLLEAGUE_MODALS = frozenset({"will", "'ll", "’ll", "can", "would", "'d", "’d", "shall"})


def _anchor(texts: list[str], unit: Unit) -> int:
    # Where an imperative may start: after bullets and opening quotes (str.isspace is Token.is_space), and after
    # the "but" / "so" a clause break leaves in front ("... Dec 14-18 but can take a call on the 15th").
    i = unit.start
    while i < unit.end and (texts[i].isspace() or texts[i] in _LEADING_JUNK
                            or (i == unit.start and texts[i].lower() in _CLAUSE_OPENERS)):
        i += 1
    return i


_CLAUSE_OPENERS = frozenset({"but", "so"})
# A line headed with the deal's terms speaks to the reader: "Commercials: the pilot is free for 30 days".
_DEAL_HEADING = re.compile(r"(?:pricing|commercials|commercial terms|terms|offer|discounts?|payment terms|price)\s*:")
# A clause about the quote the writer sends: "The attached quote reflects a 12% discount", "The revised order form
# shows 12% off list" (its figures are offers to this reader, as "your quote" makes them).
_OUR_PAPER = re.compile(r"(?:(?:the|this|that|attached|revised|updated|new|final|enclosed|amended)\s+)+"
                        r"(?:(?:renewal|pricing|price|draft)\s+)?(?:quote|quotation|proposal|order\s+form|pricing|offer)"
                        r"\s+(?:now\s+|also\s+)?(?:reflects|shows|includes|applies|gives|has|contains|comes|lists|carries)\b")
# The same figures in a clause that attaches the quote: "Attached is the order form reflecting 12% off list".
_PRICE_PAPER = re.compile(r"\b(?:quote|quotation|proposal|order\s+form|pricing)\b")
# "A 12% discount is on the table": offered to this reader ("no longer on the table" takes it back).
_ON_THE_TABLE = re.compile(r"\b(?:is|are|'s|’s|remains?|stays?)\s+(?:still\s+)?on\s+the\s+table\b")
# "There's no cost for the pilot", "There will be no setup fee": said in a deal's mail, what this reader won't pay.
_NONE_TO_PAY = re.compile(r"there(?:'s|’s|\s+is|\s+are|\s+will\s+be|'ll\s+be|’ll\s+be)\s+no\b")
_SENTENCE_ENDS = frozenset({".", "!", "?"})


_OTHERS_BOOKING = frozenset({"you", "they", "he", "she", "did", "didn't", "didn’t"})


def _ours_earlier(words: list[str], i: int, cues: Cues) -> bool:
    """Whether a first-person word comes before token `i` in its sentence (within 30 words)."""
    return _said_before(words, i, cues.first_person, 30)


def _said_before(words: list[str], i: int, said: frozenset[str], reach: int) -> bool:
    """Whether one of `said` comes before token `i` in its sentence, within `reach` words."""
    for k in range(i - 1, max(-1, i - reach - 1), -1):
        if words[k] in _SENTENCE_ENDS or words[k].count("\n") >= 2:
            return False
        if words[k] in said:
            return True
    return False


def _negated(doc: Doc, hit: Hit, lo: int, cues: Cues, before: int = 3, after: int = 2) -> bool:
    # "we can't", "we will not", "I don't think we can": a cue just before or right after the mood words
    # (counted in words: the line breaks of hard-wrapped mail are none).
    words = token_columns(doc).words
    first, last = word_step(words, hit.start, -before, lo), word_step(words, hit.end - 1, after, len(doc) - 1) + 1
    # "Don't worry, I'll send it", "No problem - we'll have it Friday": a negation in a phrase of its own.
    for i in range(hit.start - 1, first - 1, -1):
        if words[i] in _PHRASE_ENDS:
            first = i + 1
            break
    for i in range(first, last):
        # "at no cost", "won't increase" carry their own negation; elsewhere one inside the match negates it too.
        if words[i] in cues.negation and not (hit.start <= i < hit.end and hit.id in _OWN_NEGATION) \
                and not _bound_phrase(words, i):
            return True
    return False


def _bound_phrase(words: list[str], i: int) -> bool:
    """Whether the negation at `i` sets a bound rather than negating: "no later than April", "no more than $40 per
    seat", "we will not charge more than $40", "pricing won't go up by more than 3%" promise a limit. The bound
    ("more / later / ... than") comes within a few words of it, in the same phrase."""
    if words[i] not in _BOUND_NEGATIONS:
        return False
    j = i
    for _ in range(_BOUND_REACH):
        k = word_step(words, j, 1, len(words) - 1)
        if k == j or words[k] in _PHRASE_ENDS or words[k] in _SENTENCE_ENDS:
            return False
        if words[k] in _BOUNDS:
            after = word_step(words, k, 1, len(words) - 1)
            return after != k and words[after] == "than"
        j = k
    return False


_BOUND_NEGATIONS = frozenset({"no", "not", "n't", "n’t", "never"})
_BOUND_REACH = 4  # words from the negation to its bound: "won't go up by more than"
# Hits whose own negation is what they claim: "at no cost", "your rate won't increase".
_OWN_NEGATION = frozenset({"price-free", "price-frozen", "commit-promise"})
_BOUNDS = frozenset({"later", "earlier", "more", "less", "fewer", "sooner"})


def _embedded(words: list[str], i: int, lo: int) -> bool:
    """Whether the mood at `i` is asked about or set as a condition: "ask whether we can do a POC", "I wonder if
    we can", "If we can get the PO by Friday, ..." (a later "we'll deliver Monday" is still promised). "Let me
    know if we can help" offers the help."""
    if i <= lo:
        return False
    before = word_step(words, i, -1, lo)  # (line breaks of hard-wrapped mail are no words)
    if words[before] not in ("whether", "if"):
        return False
    return words[before] == "whether" or before == lo or words[word_step(words, before, -1, lo)] not in ("know", "see")


# The word right before a time ("the call next Thursday", "a deep dive on the 22nd") and right after it ("the
# Tuesday call", "Monday's sync").
_WORD_BEFORE = re.compile(r"(?:(\w+)\s+)?([\w-]+)\s+(?:(?:on|at|for)\s+)?$")
_WORD_AFTER = re.compile(r"(?:'s|’s)?\s+([\w-]+)")
_OWNER_BEFORE = re.compile(r"(\w+)\s+$")
# Whose meeting it is when not ours: "your meeting on Monday", "their Tuesday call".
_THEIRS = _THEIR | {"your", "you"}
# Meeting nouns that also name work done by a time ("I'll finish the review on Monday", "send the invite Monday").
_NOT_ONLY_MEETINGS = frozenset({"review", "presentation", "discussion", "conversation", "invite", "invites",
                                "invitation", "invitations", "follow-up", "followup", "follow-ups", "followups",
                                "visit", "meet", "drink", "drinks", "zoom", "teams"})


def _names_meeting(word: str, cues: Cues) -> bool:
    """Whether `word` (lower case) is a meeting noun that names a meeting, not work done by a time."""
    return word in cues.meeting_nouns and word not in _NOT_ONLY_MEETINGS


def _dates_a_meeting(source: str, when: TimeSpan, cues: Cues) -> bool:
    """Whether a meeting noun sits right next to `when`, so that the time is the meeting's."""
    before = _WORD_BEFORE.search(source, max(0, when.start - 40), when.start)
    if before is not None and _names_meeting(before.group(2).lower(), cues):
        return (before.group(1) or "").lower() not in _THEIRS
    after = _WORD_AFTER.match(source, when.end)
    if after is not None and _names_meeting(after.group(1).lower(), cues):
        owner = _OWNER_BEFORE.search(source, max(0, when.start - 12), when.start)
        return owner is None or owner.group(1).lower() not in _THEIRS
    return False


_FALLBACK = re.compile(r"\b(?:if\s+not\b|otherwise\b|if\s+(?:that|this|it|those|these|neither|none)\b[^,.;:]*?"
                       r"(?:n't|n’t|not)\b|if\s+[^,.;:]{1,30}?\s(?:doesn't|doesn’t|does\s+not|won't|won’t|can't|can’t)"
                       r"\s+work\b)")  # ("If Tuesday at 3 doesn't work, I'm also free Wednesday")
_AND_WE_WILL = re.compile(r"\band\s+(?:we|i)\s*(?:'ll|’ll|will|can)\b")
_PHRASE_ENDS = frozenset({",", ";", ":", "(", ")", "-", "—", "–"})


def _declines(words: list[str], hit: Hit, lo: int, cues: Cues) -> bool:
    """Whether a negation inside a slot hit or in the two words before it, within its phrase, turns it down.

    "If not, are you available at 3?" is a fallback: a comma between ends the search.
    """
    first = word_step(words, hit.start, -2, lo)
    for i in range(hit.end - 1, first - 1, -1):
        if words[i] in cues.negation:
            return True
        if i < hit.start and words[i] in (",", ";", ":", "(", "-", "—"):
            return False
    return False


def _asks_unmarked(words: list[str], first: int, end: int) -> bool:
    """A question whose mark was left off: the clause opens (at `first`) with an auxiliary and "you" ("Are
    you still available Weds or Thurs a.m.")."""
    return first + 1 < end and words[first] in _ASKING_AUX and words[word_step(words, first, 1, end - 1)] == "you"


def _letter_opening(words: list[str], hit: Hit, end: int) -> bool:
    """"I'm writing to follow up", "I am writing because ...": how a letter opens, no promise; but "I am writing to
    request a meeting" proposes one."""
    if words[hit.end - 1] != "writing" or hit.end >= end:
        return False
    after = word_step(words, hit.end - 1, 1, end - 1)
    return words[after] in _WRITING_OPENERS and not (
        words[after] == "to" and words[word_step(words, after, 1, end - 1)] in _WRITING_TO_PROPOSE)


_WRITING_OPENERS = frozenset({"to", "because", "about", "regarding", "re", "on", "in", "with", "from", "as"})
_WRITING_TO_PROPOSE = frozenset({"request", "ask", "propose", "schedule", "invite", "arrange", "suggest", "set"})
_ASKING_AUX = frozenset({"are", "do", "does", "did", "have", "is"})  # "can you" / "could you" are requests already


def _has_time(doc: Doc, unit: Unit, unit_times: list[TimeSpan], hits: list[Hit], cues: Cues) -> bool:
    if unit_times or any(x.label in ("deadline", "date") for x in hits):
        return True
    cols = token_columns(doc)
    texts, words = cols.texts, cols.words
    for i in range(unit.start, unit.end):
        if words[i] in cues.time_heads or _CLOCK.match(texts[i]):
            return True
        # "next week", "this afternoon": a period word is a time only with a deictic before it.
        if words[i] in _PERIODS and i > unit.start and words[word_step(words, i, -1, unit.start)] in _DEICTIC:
            return True
        # "May" is a month only before a day number ("May 3"), never "May I ...".
        if texts[i] in cues.time_heads_cased and (texts[i] != "May" or (i + 1 < len(doc) and doc[i + 1].like_num)):
            return True
    return False


def _judge(
    doc: Doc,
    source: str,
    unit: Unit,
    hits: list[Hit],
    unit_times: list[TimeSpan],
    cues: Cues,
    commitments: list[Commitment],
    requests: list[Commitment],
    now: datetime,
) -> None:
    """Judge one clause: its pattern hits and the time spans inside it give its commitments and requests."""
    text = source[unit.start_char : unit.end_char]
    lowered = text.lower().replace("’", "'")
    courtesy = cues.boilerplate.search(lowered)
    promise_after = _PROMISE_AFTER.match(lowered, courtesy.end()) if courtesy is not None \
        and courtesy.group(0) in cues.courtesy_openers else None
    # "Please review the attached order form and let me know if you have any questions": the courtesy closes
    # the clause; what comes before its "and" stands.
    closing = courtesy is not None and promise_after is None and courtesy.group(0) in cues.courtesy_closers \
        and lowered[:courtesy.start()].rstrip().endswith(" and")
    cols = token_columns(doc)  # token texts, lower-case forms and offsets, read once per doc
    # ("Did you book a slot with us?" asks what the reader did: no offer of the writer's time.)
    hits = [x for x in hits if x.id != "meeting-book-time"
            or cols.words[word_step(cols.words, x.start, -1, unit.start)] not in _OTHERS_BOOKING]
    if courtesy is not None and promise_after is None and not closing \
            and not any(x.id == "meeting-book-time" for x in hits):
        return  # ("Feel free to grab time on my calendar next week" offers the writer's time: no courtesy)
    anchor = _anchor(cols.texts, unit)
    hits = [x for x in hits if not x.anchored or x.start == anchor]
    if promise_after is not None:
        # "Thanks for the call, I'll send the deck tomorrow": the thanks is courtesy, the promise after it stands.
        cut = unit.start_char + promise_after.start(1)
        hits = [x for x in hits if cols.idx[x.start] >= cut]
        unit_times = [t for t in unit_times if t.start >= cut]
    elif closing and courtesy is not None:
        cut = unit.start_char + courtesy.start()
        hits = [x for x in hits if cols.idx[x.end - 1] < cut]
        unit_times = [t for t in unit_times if t.end <= cut]
    # "If Tom can share the list by Wednesday, our SE will scope the connectors": what the opening condition
    # names (the list, by Wednesday) is the reader's part, not what we promise.
    condition = _OPENING_CONDITION.match(lowered)
    if condition is not None:
        end = unit.start_char + condition.end()
        hits = [x for x in hits if x.label not in _CLAIMS or cols.idx[x.start] >= end]
    question = cols.texts[unit.end - 1] == "?" or text.rstrip().endswith("?")
    attachments = [x for x in hits if x.label == "attachment"]
    sign_offs = {x.start for x in hits if x.label == "confirmed"}
    # "Please find attached" is the writer giving, not asking; "Talk to you tomorrow" signs off.
    requests_hits = [
        x for x in hits
        if (x.label == "request" or (x.label == "question" and question))
        and not any(a.start <= x.start < a.end for a in attachments)
        # "See the attached SOW for details": pointing at the attachment asks nothing
        and not (cols.words[x.start] in ("see", "find")
                 and any(a.start == word_step(cols.words, x.start, 1, unit.end - 1) for a in attachments))
        and not (x.id == "request-imperative" and any(x.start <= s < x.end for s in sign_offs))
        # "Make sense?" opens with a verb but asks nothing of the reader.
        and not (question and x.id == "request-imperative")
        # "Consider it done", "consider the onboarding fee waived": granted, not asked.
        and not (x.id == "request-imperative" and granted(cols.words, x.start, unit.end))
    ]
    if any(x.id == "meeting-book-time" for x in hits):
        # "Grab some time with me Thursday", "Feel free to book a slot next week": the reader is asked to take the
        # writer's time, which offers it; the calendar is checked as for any slot offered.
        requests_hits = []
    moods = [x for x in hits if x.label == "commit"]
    refused = [x for x in moods if _negated(doc, x, unit.start, cues)]
    commit_hits = [x for x in moods if x not in refused
                   and (x.id != "commit-and-will" or _ours_before(cols.words, unit.start, x.start, cues))
                   and not _embedded(cols.words, x.start, unit.start)
                   # "I'm writing to follow up", "I am writing because ...": the letter's opening, no promise
                   and not _letter_opening(cols.words, x, unit.end)
                   # "... but will probably give you a call": the subject is the one before "but", and ours
                   and not (x.anchored and anchor > unit.start and cols.words[unit.start] in _CLAUSE_OPENERS
                            and not _ours_earlier(cols.words, unit.start, cues))]
    own = [t for t in unit_times if t.start >= unit.start_char + condition.end()
           and not source[max(0, t.start - 5):t.start].rstrip().lower().endswith("for")] if condition else []
    if own:
        # The promise's own time, when it has one, is its `when` ("..., we can schedule the export at midnight");
        # "If you sign by Friday, we can do 15% for the first year" has none (a length is none), and its offer
        # runs until the condition's.
        unit_times = own
    has_time = _has_time(doc, unit, unit_times, hits, cues)
    # A slot asked about without the question mark ("Are you still available Weds or Thurs a.m.") still asks.
    kinds = _kind_hits(doc, unit, hits, has_time, question or _asks_unmarked(cols.words, anchor, unit.end), cues,
                       unit_times)
    # "Sign before Dec 31 and we'll give you 3 months free": an order followed by "and we'll" sets a condition.
    conditional = _conditional(lowered, cues) or (
        any(x.id == "request-imperative" for x in requests_hits) and bool(_AND_WE_WILL.search(lowered)))

    ahead = [t for t in unit_times if t.to > now]

    def make(kind: CommitmentKind, hit: Hit) -> Commitment:
        last = hit.end - 1
        # A meeting, a document or another act is still to come: a time already over is not when it happens ("I can
        # connect you with a customer who went through a similar migration last spring"). Date, deadline and
        # capability claims keep every time; a price keeps past ones only when it has no other ("the 5% we
        # discussed on Nov 16, valid until December 18": the day it was discussed is no when of the offer).
        keeps_past = kind in ("date", "deadline", "capability") or (kind == "price" and not ahead)
        candidates = unit_times if keeps_past else ahead
        when, alternatives = pick_when(candidates, unit.start_char, unit.end_char, cols.idx[hit.start], source,
                                       cues.thing_nouns, cols.idx[last] + len(cols.texts[last]))
        if kind in ("deadline", "date") and when is not None:
            kind = "deadline" if is_deadline(source, when) or hit.label == "deadline" else "date"
        elif kind == "date" and hit.label == "commit":
            kind = "other"  # a promise whose only times say no when ("a 14-day trial")
        if kind == "date" and hit.label == "commit" and when is not None and (
                _dates_a_meeting(source, when, cues)
                or any(_names_meeting(w, cues) for w in cols.words[hit.start:hit.end])):
            # "I'll loop in our architect for a deep dive next Thursday", "I'll add Priya to the Tuesday call": the
            # time is the meeting's, to be checked against the calendars like any proposed meeting; so it is when the
            # promise's own words name the meeting ("Expect a call from Dana on the 22nd").
            kind = "meeting"
        obj, amount, unit_name = describe(doc, unit, hit, kind, cues)
        # "If that doesn't work, I'm also free Thursday": a fallback time, not an offer on a condition.
        fallback = kind == "meeting" and bool(_FALLBACK.search(lowered))
        made = Commitment(kind, text, unit.start_char, unit.end_char, hit.id, when, obj, conditional and not fallback,
                          amount, unit_name, alternatives)
        # "I'll send X in the morning, and the whitepaper is attached": what the mail carries is sent now; the
        # clause's time is another promise's, or what the document is about ("the agenda for Monday").
        return replace(made, when=None, alternatives=()) if made.attached else made

    # A slot hit ("would Tuesday 10am work") speaks for the meeting before other meeting words do ("for the
    # kickoff, would Tuesday 10am work?").
    meetings = kinds.get("meeting", [])
    slot = next((x for x in meetings if x.label == "slot"), meetings[0] if meetings else None)
    if question:
        offered = _offered_price(hits, kinds, lowered, cues)
        if offered is not None:
            # "Would you be open to a 15% discount?", "How about 10% off if you sign this month?", "Would 10% off
            # work for you?": the writer offers the price, as "Does Tuesday work?" proposes the time.
            commitments.append(make("price", offered))
            if slot is not None and slot.label == "slot" and has_time \
                    and not slot.start <= offered.start <= slot.end + 2:
                # A time proposed too: "How about Tuesday at 3pm to go over the 10% discount?"
                commitments.append(make("meeting", slot))
            return
        if _OFFER_QUESTION.match(lowered):
            # "Would you like me to send over the SOC 2 report?", "Should I set up a call with our CTO next week?":
            # the writer offers it, on the reader's yes; the rules must see the offer as they see a promise.
            offer = next(((k, x) for k in _KIND_ORDER for x in kinds.get(k, ()) if x.label != "attachment"), None)
            if offer is not None:  # (a meeting offered is proposed, as "Does Tuesday work?" proposes it)
                commitments.append(replace(make(*offer), conditional=offer[0] != "meeting"))
                return
        proposal = bool(cues.proposal.search(lowered))
        # "Would it be possible to get the report by Friday?" asks for the report, not for a meeting.
        thing = any(x.label != "attachment" for k in ("document", "price") for x in kinds.get(k, ())) \
            and all(x.label == "slot" for x in meetings)
        if slot is not None and has_time and (slot.label == "slot" or proposal or requests_hits) \
                and not (thing and requests_hits):
            # "Does Tuesday 3pm work?", "Can we set up a call next week?": the writer proposes a time.
            commitments.append(make("meeting", slot))
        elif requests_hits:
            requests.append(_request(kinds, requests_hits, make))
        elif proposal and kinds:
            # "How about lunch?" with no time yet: the writer asks the reader to pick one.
            first = next(iter(kinds.values()))[0]
            requests.append(_request(kinds, [first], make))
        return
    if slot is not None and slot.label == "slot" and has_time and requests_hits \
            and all(x.id == "request-let-me-know" for x in requests_hits):
        # "Let me know if Thursday works": the writer proposes the time, as "Does Thursday work?" does
        # (its "if" asks for the reader's answer; it is no condition on an offer).
        commitments.append(replace(make("meeting", slot), conditional=False))
        return
    if requests_hits and not commit_hits:
        requests.append(_request(kinds, requests_hits, make))
        # "I've attached the deck - let me know your thoughts", "Please sign the attached NDA": what is attached is
        # shared whatever is asked about it, and the share rules must see it.
        attached = [x for x in hits if x.label == "attachment" and not _told_in_past(doc, unit, x, cues)
                    and not inline_summary(cols.words, x, unit.start, unit.end)]
        commitments.extend(make("document", x) for x in attached[:1])
        # "Let me know if you'd like a copy of our pen test results", "Feel free to grab the SOC 2 report from our
        # trust portal": a document offered on the reader's word.
        on_request = [x for x in kinds.get("document", ()) if x.id == "document-offered"]
        commitments.extend(replace(make("document", x), conditional=True) for x in on_request[:1] if not attached)
        return
    if requests_hits:
        requests.append(make("other", requests_hits[0]))
    if _hypothetical(lowered, cues):
        return
    past_marker = bool(cues.past.search(lowered))
    unit_words = cols.words[unit.start:unit.end]
    first_person = not cues.first_person.isdisjoint(unit_words)
    # "20% off everything!" addresses the public; an offer to this reader names "we" or "you", or sets a
    # condition on the deal ("12% off list if signed by 12/31").
    addressed = first_person or not cues.second_person.isdisjoint(unit_words) or conditional \
        or _DEAL_HEADING.match(lowered) is not None or _NONE_TO_PAY.match(lowered) is not None \
        or _OUR_PAPER.match(lowered) is not None or (bool(attachments) and _PRICE_PAPER.search(lowered) is not None) \
        or _ON_THE_TABLE.search(lowered) is not None \
        or _goes_on_from_ours(cols.words, unit, cues)
    made: list[Commitment] = []
    for kind in _KIND_ORDER:
        if kind not in kinds or (kind in ("deadline", "date") and made):
            continue
        if kind == "capability" and not first_person:
            continue
        for hit in kinds[kind] if kind in _MULTI else kinds[kind][:1]:
            # (Waiving a fee is always a concession on this deal: "The setup fee is waived."; so is a thing said to be
            # included at no charge: "Onboarding is included at no extra charge" is a term of the deal, where
            # "Free shipping on all orders!" addresses the public, and "email support is included" describes a plan.)
            if hit.id in _ADDRESSED_ONLY and not addressed and not commit_hits \
                    and _OURS_TO_GIVE.isdisjoint(cols.words[hit.start:hit.end]) \
                    and not (hit.id == "price-free" and not _INCLUDED.isdisjoint(unit_words)
                             and not _AT_NO_COST.isdisjoint(cols.words[hit.start:hit.end])) \
                    and not _under_our_heading(source, unit.start_char):
                continue
            if refused and _governed_by_refusal(hit, moods, refused, unit_words, unit.start, cues):
                continue  # "We can't, unfortunately, offer 30% off": the claim is what is refused
            if commit_hits or (
                hit.label in _SELF_ASSERTING
                and not requests_hits
                and not _told_in_past(doc, unit, hit, cues)
                and not _theirs(lowered, cols.idx[hit.start] - unit.start_char, cols.idx[hit.end - 1] - unit.start_char,
                                cues)
                and (hit.label == "attachment" or not past_marker
                     or not _past_outside_aside(lowered, cols.idx[hit.start] - unit.start_char, cues))
            ):
                one = make(kind, hit)
                # Two patterns naming one thing ("Here's a summary of the results, attached"; "two extra weeks on the
                # pilot at no cost" gives the weeks, not the pilot): one promise.
                if not any(m.kind == one.kind and m.rule == one.rule and (m.object == one.object or _same_gift(m, one))
                           for m in made):
                    made.append(one)
                    if kind == "document" and one.object:
                        # "I'll send the SOW and the MSA": a promise for each document listed.
                        made.extend(replace(one, object=name) for name in listed_documents(doc, unit, one.object, cues)
                                    if not any(m.kind == "document" and m.object == name for m in made))
    if commit_hits and not made:
        made.append(make("date" if unit_times else "other", commit_hits[0]))
    commitments.extend(made)


def _same_gift(a: Commitment, b: Commitment) -> bool:
    """Whether two give-aways of one clause name one thing, one's object inside the other's."""
    return a.rule == "price-free" and bool(a.object) and bool(b.object) \
        and (f" {a.object} " in f" {b.object} " or f" {b.object} " in f" {a.object} ")


def _theirs(lowered: str, at: int, last: int, cues: Cues) -> bool:
    """Whether the phrase of the claim at chars `at`..`last` opens with someone else as its subject ("Some vendors
    might promise a December go-live", "Our competitors are SOC 2 certified"); "Unlike some vendors, we support
    SAML" is ours (the phrase after the comma), and so is "Unlike other vendors we support SAML"."""
    if cues.third_party.search(lowered, 0, at) is None:
        return False  # the usual case: no third party before the claim at all
    start = max(lowered.rfind(mark, 0, at) for mark in _PHRASE_MARKS) + 1
    found = cues.third_party.search(lowered, start, at)
    # ("Unlike other vendors we support SAML": a "we" after them takes the claim back.)
    return found is not None and len(lowered[start:found.start()].split()) <= _SUBJECT_LEAD \
        and cues.first_person.isdisjoint(lowered[found.end():last].split())


_PHRASE_MARKS = (",", ";", ":", "(", " - ", "—", "–")
_SUBJECT_LEAD = 3  # words before the third party in its phrase: "most of our competitors"


def _past_outside_aside(lowered: str, at: int, cues: Cues) -> bool:
    """Whether the clause's past marker stands outside an opening aside that recalls the past, before the claim at
    char `at` ("As I said last week, the price is $45 per seat", "Per our call yesterday, ..." state it now)."""
    comma = lowered.find(",")
    if 0 < comma < at and _ASIDE.match(lowered):
        return bool(cues.past.search(lowered, comma + 1))
    return True


_ASIDE = re.compile(r"(?:as|per|like\s+i\s+said|like\s+we\s+discussed|following\s+up\s+on|following\s+our"
                    r"|further\s+to)\s")  # (\s: hard-wrapped mail breaks lines anywhere)


def _offered_price(hits: list[Hit], kinds: dict[CommitmentKind, list[Hit]], lowered: str, cues: Cues) -> Hit | None:
    """The price a question offers: one stated ("15% off", "$40 per seat", "waive the fee") in a question opened
    as an offer ("would you be open to", "what if we"), or read by the words that ask whether it suits ("How
    about 10% off", "Would 10% off work"), the price within two words of them."""
    stated = [x for x in kinds.get("price", ()) if x.label == "price"]
    if not stated:
        return None
    if cues.offer.search(lowered):
        return stated[0]
    # (The price must not take the slot's last word: in "Where is my free lunch?" the "free" is no availability.)
    return next((p for p in stated for s in hits
                 if s.label == "slot" and s.start <= p.start <= s.end + 2 and not p.start < s.end <= p.end), None)


def _governed_by_refusal(hit: Hit, moods: list[Hit], refused: list[Hit], unit_words: list[str], lo: int,
                         cues: Cues) -> bool:
    """Whether the nearest mood before `hit` (or the one that contains it) is a negated one, with no new
    subject between them: "We can't, unfortunately, offer 30% off" refuses the offer; "If I can't make
    it, I'm available Wed" does not refuse the slot."""
    before = [m for m in moods if m.start <= hit.start]
    if not before or hit.id in _OWN_NEGATION:  # "We will never raise your price": its "never" is the promise
        return False
    mood = max(before, key=lambda m: m.start)
    return mood in refused and cues.first_person.isdisjoint(unit_words[mood.end - lo:hit.start - lo + 1])


# "we could have lunch" offers lunch; "we could have sent it" imagines a past.
_HAVE_OBJECT = re.compile(r"\s+(?:(?:a|another)\s+(?:quick\s+|short\s+|brief\s+)?"
                          r"(?:call|chat|meeting|look|conversation|word|beer|drink|coffee)|lunch|dinner|coffee|breakfast|drinks)\b")
_ENDS_HAVE = re.compile(r"\shave$")  # "could have", also wrapped as "could\nhave"


def _hypothetical(lowered: str, cues: Cues) -> bool:
    for m in cues.hypothetical.finditer(lowered):
        if _ENDS_HAVE.search(m.group(0)) and _HAVE_OBJECT.match(lowered, m.end()):
            continue
        if m.group(0).startswith("if") and _ASKS_WHETHER.search(lowered, 0, m.start()):
            continue  # "I wanted to see if we could set up a call": a proposal put politely, not a supposition
        return True
    return False


def _conditional(lowered: str, cues: Cues) -> bool:
    """Whether the clause sets a condition ("if you sign by Friday", "once the NDA is signed"); the "if" of "see if",
    "wondering if", "let me know if" asks whether instead."""
    for m in cues.conditional.finditer(lowered):
        if m.group(0) == "as soon as" and _AS_SOON_AS_WE_CAN.match(lowered, m.end()):
            continue  # "as soon as possible", "as soon as I can": a promise of speed, no condition
        if m.group(0) == "if" and _IF_IT_HELPS.match(lowered, m.end()):
            continue  # "If it would help, I can also set up office hours": a courtesy, no condition
        if m.group(0) != "if" or not _ASKS_WHETHER.search(lowered, 0, m.start()):
            return True
    return False


_IF_IT_HELPS = re.compile(r"\s+(?:it|that|this)(?:\s+would|'d|\s+will|'ll|\s+might|\s+could|'s|\s+is)?\s*(?:help|helps|"
                          r"(?:be\s+)?(?:helpful|useful|easier|convenient))\b")
_AS_SOON_AS_WE_CAN = re.compile(r"\s+(?:possible|feasible|practical|practicable|(?:i|we)(?:\s+can|\s+could|'m able|"
                                r"'re able|\s+am able|\s+are able|\s+get))\b")


# A clause that opens with a condition ended by a comma; its subject is someone else ("if you", "if Tom"), or we
# are only receiving the reader's part ("If we get the PO by the 20th, ...").
_OPENING_CONDITION = re.compile(r"(?:(?:and|but|so)\s+)?(?:if|once|when|as\s+soon\s+as)\s+"
                                r"(?!we\b(?!\s+(?:receive|get|have)\s+(?:the|your|a|an)\b)|i\b|i'|we'"
                                r"|you(?:'d|\s+would)?\s+(?:like|want|wish|prefer|need)\b|it\s+helps)[^,]*,")
_CLAIMS = frozenset({"document", "price", "meeting", "slot", "date", "deadline", "capability", "attachment"})
_ASKS_WHETHER = re.compile(r"\b(?:see|check|wondering|wonder|wondered|ask|asking|know)\s+$")


def _ours_before(words: list[str], lo: int, hi: int, cues: Cues) -> bool:
    """"We're certified and can share the report": "and can" continues a clause whose subject is ours, but not
    after a relative clause of the thing's own ("we have a report that would be relevant and could provide the
    basis": the report provides it)."""
    ours = [i for i in range(lo, hi) if words[i] in cues.first_person]
    if not ours:
        return False
    return not any(words[i] in _RELATIVES and words[word_step(words, i, 1, hi - 1)] in _RELATIVE_VERBS
                   for i in range(ours[-1] + 1, hi - 1))


_RELATIVES = frozenset({"that", "which", "who"})
_RELATIVE_VERBS = frozenset({"would", "could", "will", "can", "may", "might", "should", "is", "are", "was", "were",
                             "has", "have", "had"})


def _told_in_past(doc: Doc, unit: Unit, hit: Hit, cues: Cues) -> bool:
    """True when a past-tense verb governs the claim ("we offered 15%", "Legal said the MSA is attached")."""
    # An attachment is present now whatever happened to it ("the signed NDA is attached"), unless reported.
    verbs = cues.reported_speech if hit.label == "attachment" else cues.past_verbs
    words = token_columns(doc).words
    i = hit.start - 1
    while i >= unit.start and not (doc[i].is_punct and doc[i].text not in ("-", "'", "’")):
        # "will be provided", "is included" are passives of now or later; "was provided" is past.
        if words[i] in verbs:
            before = words[word_step(words, i, -1, unit.start)] if i > unit.start else ""
            # ("I've extended your trial", "I've approved an extra 5%": granted now, in force; so is what an approval
            # was got for: "I got sign-off for 12% off")
            # ("The attached quote reflects 12% off", "the revised proposal includes": a participle after an article
            # is an adjective)
            after = words[word_step(words, i, 1, hit.start)]
            # ("Attached is the order form", "please find attached the quote": the attachment is given now)
            if before not in _PRESENT_BE and before not in _ARTICLES and after not in _PRESENT_BE \
                    and before not in ("find", "see") \
                    and not (words[i] in _GRANTS and before in _PERFECT) \
                    and not (words[i] in _OBTAINED and after in _APPROVALS):
                return True
        i -= 1
    return False


# The promise after a courtesy's comma ("Thanks for the call, I'll send the deck").
_PROMISE_AFTER = re.compile(r"[^,.;:!?]*,\s*(?:and\s+|so\s+)?((?:i|we)(?:'ll|'d|'m|'re|\s+(?:will|can|would|am|are|"
                            r"shall|plan|intend|just|also))\b|let me\b|let's\b|happy to\b)")
# A question that offers the writer's act: "would you like me to", "shall we", "can we send".
_OFFER_QUESTION = re.compile(
    r"^\W*(?:(?:would|do) you (?:like|want) (?:me|us) to|(?:want|need) (?:me|us) to|shall (?:i|we)|should (?:i|we)|"
    r"(?:can|could|may) (?:i|we) (?:send|share|forward|provide|email|set up|schedule|book|extend|offer|include|"
    r"throw in|waive)|would it help if (?:i|we))\b")
_WILL = frozenset({"will", "'ll", "’ll"})
_CONDITION_WORDS = frozenset({"once", "when", "unless", "if", "soon"})  # ("after the holidays" is a time)
_FIGURE_AFTER = frozenset({"at", "under", "below", "around", "above", "over", "lower", "higher", "cheaper", "less",
                           "about"})
_ARTICLES = frozenset({"the", "this", "that", "these", "those", "a", "an", "our", "your"})
_PRESENT_BE = frozenset({"be", "is", "are", "am", "'s", "’s", "'re", "’re", "being"})
_PERFECT = frozenset({"'ve", "’ve", "have", "has", "'s", "’s", "just"})
_OBTAINED = frozenset({"got", "gotten", "received", "obtained", "secured"})
_APPROVALS = frozenset({"sign-off", "sign", "signoff", "approval", "approvals", "authorization", "authorisation",
                        "permission", "clearance", "ok", "okay", "green"})
_GRANTS = frozenset({"extended", "waived", "approved", "applied", "added", "reserved", "held", "locked", "upgraded",
                     "credited", "comped", "included", "secured", "granted", "bumped", "agreed", "confirmed",
                     "accepted", "negotiated", "authorized", "authorised"})


def _before_condition(words: list[str], x: Hit, cues: Cues) -> Hit | None:
    """A document sent, cut before a condition inside its words: "send the deck once the contract is signed" sends
    the deck; "get it to you as soon as the NDA is signed" names no document of its own (the NDA is the condition's,
    and "it" is read by document-send-it)."""
    if x.id != "document-send":
        return x
    cut = next((i for i in range(x.start + 1, x.end - 1) if words[i] in _CONDITION_WORDS), None)
    if cut is None:
        return x
    if cues.document_nouns.isdisjoint(words[x.start + 1:cut]):
        return None
    return Hit(x.label, x.id, x.start, cut, x.anchored)


def _kind_hits(
    doc: Doc, unit: Unit, hits: list[Hit], has_time: bool, question: bool, cues: Cues, times: list[TimeSpan]
) -> dict[CommitmentKind, list[Hit]]:
    """Return the usable hits of each kind, best first, dropping negated claims and overlapping figures."""
    out: dict[CommitmentKind, list[Hit]] = {}
    cols = token_columns(doc)
    words = cols.words
    # (and "we meet with your CFO on the 22nd": a meeting, not a claim that we meet something)
    claimed: list[Hit] = [x for x in hits
                          if x.label in ("price", "document", "attachment") or x.id == "meeting-we-meet"]
    if any(x.id == "document-send" for x in hits):
        hits = [y for y in (_before_condition(words, x, cues) for x in hits) if y is not None]
    for x in hits:
        kind = _LABEL_KIND.get(x.label)
        if kind is None:
            continue
        # ("Tuesday would work": a modal before "work" that answers, and asks nothing)
        if x.label == "slot" and (not has_time or (not question and words[x.start] in _QUESTION_OPENERS
                                                   and x.id != "meeting-slot-accepted")):
            continue
        # "Tuesday would work" names its time before the modal ("the new pricing would work better in Q2" none).
        if x.id == "meeting-slot-accepted" and words[x.start] in _QUESTION_OPENERS \
                and not any(t.end <= cols.idx[x.start] for t in times):
            continue
        # "I'm traveling Monday but free Wednesday after 1pm": the subject before "but" must be ours ("She's out
        # Monday but free Tuesday" offers nobody's time).
        if x.id == "meeting-slot-but" and not _ours_earlier(words, x.start, cues):
            continue
        if x.label in ("price", "capability", "date", "amount") and _negated(doc, x, unit.start, cues, 4, 0):
            continue
        # "I understand you're hoping for a 20% discount", "your team asked for net 90": the reader's wish.
        if x.label == "price" and reader_wish(cols.source, unit.start_char, cols.idx[x.start]):
            continue
        # "a 30% reduction in ticket volume" measures an outcome; "a 10% reduction in your annual fee" is a price.
        if x.id == "price-discount" and (reduction_of_other(words, x, unit.end, cues)
                                         or cut_of_other(words, x, unit.start, cues)):
            continue
        # "Thursday doesn't work for us", "Tuesday's no good for me" decline a time; the negation sits right
        # before the slot words ("No problem, Thursday works" is further off and accepts it).
        if x.label == "slot" and _declines(words, x, unit.start, cues):
            continue
        # "get 45 minutes on your calendar": a document noun inside a time expression is a unit of time.
        if x.label == "document" and any(t.start <= cols.idx[x.end - 1] < t.end for t in times):
            continue
        # "Let's reconnect in the new year to finalize the rollout plan": the work a meeting is for, done in it, is
        # no document sent.
        if x.label == "document" and x.start > unit.start and words[x.start - 1] == "to" \
                and any(y.label == "meeting" and y.end <= x.start for y in hits):
            continue
        # "We'll match the competitor's price if you can share their quote": the reader's part of a condition.
        if x.label == "document" and readers_condition(words, x.start, unit.start):
            continue
        # "I'd love to get your feedback on the proposal": getting the reader's is receiving, not sending.
        if x.id == "document-send" and receives_readers_part(words, x, unit.end):
            continue
        # "We can come in at 12% below list", "come in under $50k": a price arrived at, no visit.
        if x.id == "meeting-verb" and words[x.end - 1] == "in" and words[x.start] == "come" and x.end < unit.end \
                and words[x.end] in _FIGURE_AFTER:
            continue
        # "a 99.9% uptime record": what was achieved, not a level promised.
        if x.id == "price-sla" and x.end < unit.end and words[x.end] in ("record", "history", "track"):
            continue
        # "The pilot can start two weeks from Monday" dates the pilot; "The pilot could end badly" names no time.
        if x.id == "date-event" and not times and words[x.end - 1] in cues.event_start_verbs:
            continue
        # "signing before then locks in today's rates": a day in the possessive names the thing, not the event's date.
        if x.label == "date" and x.end < unit.end and words[x.end] in ("'s", "’s") \
                and words[x.end - 1] in cues.time_heads:
            continue
        # "cut onboarding time by 40%": a figure before "%" is no day of the month.
        if x.label in ("date", "deadline") and figure_before_percent(words, x, unit.end):
            continue
        # "Could you find 30 minutes to review the deck?": the reader's time for a task of theirs, not a meeting
        # ("Do you have 30 minutes to walk through it?" is one); "review" after "to" is the verb, no meeting.
        if x.label in ("slot", "meeting") and time_for_a_task(words, x, unit.end, cues):
            continue
        # "As promised, here's a quick summary of next steps:": the summary is the mail itself, no attachment
        # ("Here's a summary of the results, attached" is one).
        if inline_summary(words, x, unit.start, unit.end):
            continue
        # "I've asked finance whether we can stretch to net 45": a question still open, no offer ("Whether you
        # pick A or B, onboarding is free" offers it after the comma).
        if (x.label in _CLAIMS or x.label == "amount") and open_question(words, unit.start, x.start) \
                and not (x.label in ("slot", "meeting") and "or" in words[unit.start:unit.end]):
            continue  # ("whether we meet Tuesday or Wednesday" offers a choice of slots)
        # "I can send it over" sends a document only when one was named just before.
        if x.id == "document-send-it":
            named = antecedent_document(doc, x.start, cues)
            # ("put together a business case with ROI numbers and share it": what "it" stands for is promised already)
            if named is None or any(y.label == "document" and y.id != x.id and y.start <= named[0] and named[1] <= y.end
                                    for y in hits):
                continue
        # "Would a quick sync on Monday work to finalize the timeline?" names its meeting; "Would it work to send the
        # report by Friday?" asks for a task.
        if x.id == "meeting-slot-works" and slot_for_a_task(words, x, unit.end, cues) \
                and not any(cols.idx[x.start] <= t.start < cols.idx[x.end - 1] for t in times):
            continue
        # "our support team is available 24/7": a service's hours, not a slot offered.
        if x.label == "slot" and x.end < unit.end and round_the_clock(words, x.end - 1, unit.end):
            continue
        # "IMA lowered its offer to $26.50 a share", "their price is $40": a price someone else owns is not ours.
        if x.label == "price" and x.start > unit.start and words[word_step(words, x.start, -1, unit.start)] in _THEIR:
            continue
        # "no cost advantage", "no fee structure": a fee word before another noun names no fee.
        if fee_of_other(words, x, unit.end):
            continue
        # "I'm free Wed after 1pm", "free Thurs": "free" before a time offers the writer's time, not a price.
        if x.id == "price-free" and free_at_time(words, cols.idx, x, unit.end, times):
            continue
        # "We'll support SAML SSO in Q2": a feature to come with its time is a date promise ("We'll support the Okta
        # integration out of the box" claims the feature).
        if x.id == "capability-supports" and has_time and words[x.start + 1] in _WILL:
            continue
        # "we must meet their security requirements", "you need to meet": an obligation, not a claim.
        if x.id == "capability-compliance" and x.start > unit.start and obliged(words, x.start, unit.start):
            continue
        # "a follow-up email", "follow-up questions": a follow-up that is no meeting ("a follow-up call" is one).
        if follow_up_no_meeting(words, x, unit.end):
            continue
        # "We'll have the integration ready two weeks after kickoff": a time counted from a meeting proposes none.
        if counted_from_meeting(words, x, unit.start):
            continue
        # "share it before your budget meeting": a document word naming a meeting sends no document.
        if x.label == "document" and x.end < unit.end and words[x.end] in cues.meeting_nouns \
                and words[x.end] not in cues.document_nouns:
            continue
        # "send the meeting minutes", "share the call recording": a meeting word naming a document.
        if x.label == "meeting" and x.end < unit.end and words[x.end - 1] in cues.meeting_nouns \
                and words[x.end] in cues.document_nouns and words[x.end] not in cues.meeting_nouns:
            continue
        # "lock in today's pricing": a day's thing, no slot on that day.
        if x.label == "slot" and x.end < unit.end and words[x.end] in ("'s", "’s"):
            continue
        # "after our product sync on Thursday": a meeting named, not a claim that the product syncs.
        if x.label == "capability" and words[x.end - 1] in ("on", "at", "this", "next") and x.end < unit.end \
                and words[word_step(words, x.end - 1, 1, unit.end - 1)] in cues.time_heads:
            continue
        # "We offer a 15% discount" is a price, not a capability called "a 15% discount"; a document named
        # after a claim is another promise ("we're SOC 2 certified and can share the report").
        if x.label == "capability" and any(c.start < x.end + (6 if c.label == "price" else 0) and x.start < c.end
                                           for c in claimed):
            continue
        found = out.setdefault(kind, [])
        overlapping = [y for y in found if y.start < x.end and x.start < y.end]
        if overlapping:
            # Overlaps an earlier hit of the same kind: keep the stronger label (a stated price over a bare
            # figure), and of two stated prices for one figure ("price is $50", "$50 per user") the longer, in
            # words ("extend\na discount" is no longer than "extend a discount").
            # A slot says more than a meeting word it overlaps ("put a hold on your calendar for Thursday"), and
            # a place on the calendar more than the verb that asks for it ("to get 45 minutes on your calendar").
            if (x.label == "price" and all(y.label == "amount" or len(unwrapped(words, y.start, y.end))
                                           < len(unwrapped(words, x.start, x.end))
                                           for y in overlapping)) \
                    or (x.label in ("slot", "confirmed") and all(y.label == "meeting" for y in overlapping)) \
                    or (x.id == "meeting-on-calendar" and all(y.id == "meeting-verb" for y in overlapping)):
                found[:] = [y for y in found if y not in overlapping]
            else:
                continue
        found.append(x)
    prices = out.get("price")
    if prices and any(y.id == "price-held" for y in prices):
        # "a price lock: we guarantee the per-seat price will not increase": one promise said twice, held once.
        prices[:] = [y for y in prices if y.id != "price-frozen"]
    documents = out.get("document")
    if prices and documents:
        # "You'll get price protection for three years": a price word opening a price promise names no document.
        documents[:] = [y for y in documents if not any(
            p.id in ("price-held", "price-frozen") and p.start <= y.end - 1 < p.end for p in prices)]
        if not documents:
            del out["document"]
    if prices and any(y.id == "price-sla" for y in prices):
        # "we commit to 99.95% monthly uptime, with service credits of 10% for each 0.1% below target, capped at
        # 30% of the monthly fee": the other figures are how the SLA pays out, not discounts or prices offered.
        prices[:] = [y for y in prices if y.id != "price-amount" and not (
            y.id == "price-discount" and not {"credit", "credits"}.isdisjoint(words[y.start:y.end]))
            and not (y.id == "price-held" and words[y.start] in cues.cap_words)]  # ("credits ... capped at 30%")
    for found in out.values():
        # A labelled figure ("15% off") speaks for the clause before a bare amount does.
        found.sort(key=lambda y: y.label == "amount")
    return out


_BULLET_LINE = re.compile(r"\s*(?:[-*•–]|\d{1,2}[.)])\s")
_OUR_HEADING = re.compile(r"\b(?:we|we've|we're|our|i|i've|i'm)\b[^\n]*:\s*$", re.IGNORECASE)


def _under_our_heading(source: str, at: int) -> bool:
    """Whether char `at` is in a list item under a line of ours that ends with a colon ("Here's what we agreed on the
    call:\n• 15% discount on the annual license"): the items are offers to this reader, not to the public."""
    line_start = source.rfind("\n", 0, at) + 1
    if not _BULLET_LINE.match(source, line_start):
        return False  # the usual case
    end = line_start - 1
    for _ in range(12):  # up over the list's other items to the line that heads it
        if end <= 0:
            return False
        start = source.rfind("\n", 0, end) + 1
        line = source[start:end]
        if not _BULLET_LINE.match(line):
            return bool(_OUR_HEADING.search(line))
        end = start - 1
    return False


def _request(
    kinds: dict[CommitmentKind, list[Hit]], mood: list[Hit], make: Callable[[CommitmentKind, Hit], Commitment]
) -> Commitment:
    for kind in _KIND_ORDER:
        for hit in kinds.get(kind, ()):
            if hit.label != "attachment":
                return make(kind, hit)
    return make("other", mood[0])
