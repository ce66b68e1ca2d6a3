"""Find time expressions: Matcher patterns from rules/ find the atoms, this engine joins and normalises them.

Steps for one doc: match every pattern; drop matches that touch a BLOCK span (prices, versions,
phones); keep the longest non-overlapping atoms; join neighbours that form one expression
("Friday" + "at 3pm" + "PT", "March 3" "to" "April 5"); read features and resolve them against `now`
(see time_resolve.py). A leading "by/before/until/within" names the time after it and sets a limit: the span
is the time ("Friday"), and its `limit` the interval the word sets ("by Friday": now to Friday's end).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from copy import copy
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from itertools import compress
from pathlib import Path
from typing import cast
from zoneinfo import ZoneInfo

import dateparser
from spacy.tokens import Doc

from promisegate.extract.nlp import (
    WEEKDAY_ABBREVIATIONS,
    TokenColumns,
    doc_matches,
    get_nlp,
    is_wrap,
    sentence_bounds,
    skip_wraps,
    token_columns,
    unwrapped,
    word_step,
)
from promisegate.extract.time_calendar import shifted_period
from promisegate.extract.time_context import list_days, share_day, share_meridiem
from promisegate.extract.time_features import Features, read_features
from promisegate.extract.time_join import Atom, Expr, join_atoms, kind_of, range_end
from promisegate.extract.time_lexicon import TimeLexicon, load_lexicon
from promisegate.extract.time_moves import MOVED, moved_here, moved_to_date
from promisegate.extract.time_patterns import TimePatterns, load_patterns
from promisegate.extract.time_resolve import counted_from, day_of_month, next_to, resolve
from promisegate.model import Grain, TimeSpan
from promisegate.paths import bundled

# Words of availability before two bare hours that make them a clock range ("I'm free 2-4 on Thursday").
_SLOT_CUES = frozenset({"free", "available", "hold", "block", "book", "reserve", "open", "do", "say", "try", "around"})
# Verbs whose particle "in" is no "in 45 minutes": "pencil in 45 minutes", "squeeze in half an hour".
_IN_PARTICLE_VERBS = frozenset({"pencil", "penciled", "pencilled", "squeeze", "fit", "slot", "sneak", "pop", "block",
                                "book", "lock", "put", "factor", "build", "bake"})
# Verbs a pattern may take as the cue before a short numeric date ("Sale ends 7/12", "effective 9/1"): not the date.
_DATE_CUE_VERBS = frozenset({"ends", "ending", "expires", "expiring", "starts", "starting", "begins", "beginning",
                             "effective", "closes", "closing", "opens", "launches"})
# Context words some patterns need ("in March") but that are not part of the expression itself.
_LEADING_CONTEXT = frozenset({"in", "since", "of", "during", "after", "through", "thru", "from", "at", "on", "@",
                              "meet", "call", "talk", "for", "spend", "spent", "took", "take",
                              "takes", "lasting", "about", "due", "or", "and", "&", "/", "to"}) | _SLOT_CUES \
    | _DATE_CUE_VERBS
# A pattern whose id ends in "-range" spans both ends of a range; it is cut at the first of these.
_RANGE_CUT = ("-", "–", "—", "to", "through", "thru", "and", "until", "till")
# Words cut off in front of a bare number that make it a clock time ("at 2 on Wednesday"), and the bound
# words that do the same for the time a limit names ("until 4 today").
_CLOCK_CUES = frozenset({"at", "@", "from", "after"})
_BOUND_CLOCK_CUES = frozenset({"by", "before", "until", "till"})
_CONTEXT_WEIGHTLESS = _LEADING_CONTEXT | {"by", "before", "until", "till", "at", "around", "about"}
_COMPARISONS = frozenset({"later", "sooner", "earlier", "as"})
_DAY_NUMBER = re.compile(r"^(0?[1-9]|[12]\d|3[01])(st|nd|rd|th)?$")
_PRIORITY = {"DATE": 0, "TIME": 0, "SET": 1, "DURATION": 2, "PART": 3}
_ED = re.compile(r"^[a-z]{3,}ed$")
# Before these a participle is an adjective, no past tense: "out from 12/22 with limited access to email",
# "a highly rated vendor", "more detailed notes".
_BEFORE_ADJECTIVE = frozenset({"with", "without", "very", "highly", "fully", "more", "less", "most", "least"})
_BE_NOT_PAST = frozenset({"be", "is", "are", "am", "'re", "’re", "'m", "’m", "being", "been"})
_ING = 5  # (a word in -ing: a tense cue only after a present "be")
_BE_PRESENT = frozenset({"is", "are", "am", "'re", "’re", "'m", "’m"})
_NOW_WORDS = frozenset({"now", "today", "currently", "right", "these", "at", "tonight", "this"})
# "is getting married", "to get signed": a participle after "get" is a passive, no past tense ("got" is one itself).
_GET = frozenset({"get", "gets", "getting"})
# A present perfect of arranging sets up what is to come: "I've (gone ahead and) reserved a slot for Thursday".
_HAVE = frozenset({"have", "has", "'ve", "’ve"})
_ARRANGED = frozenset({"reserved", "booked", "scheduled", "arranged", "blocked", "planned", "organized", "organised",
                       "penciled", "pencilled", "rescheduled", "agreed", "confirmed", "committed", "promised",
                       "decided"})
_SET_FOR = _ARRANGED | {"sent", "set"}
_WAS = frozenset({"was", "were", "had"})
_DETERMINERS = frozenset({"the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "this", "these",
                          "those"})
_NEAR = 2  # the size of a near cue's sign: it counts only right before the date (see _direction)
_NEAR_BLOCKERS = frozenset({"from", "before", "after", "than"})
_Interval = tuple[datetime, datetime, str, ZoneInfo | None]  # wall-time [from, to), grain, named zone
_RESOLVED_LIMIT = 100_000
# "that year", "the following month", "the previous Friday": read from the date the text last named.
_ANAPHORIC = frozenset({"that", "following", "previous", "preceding", "prior", "same"})


@dataclass(frozen=True)
class TimeEngine:
    """Patterns, lexicon and cue words compiled once per rules directory."""

    patterns: TimePatterns
    lexicon: TimeLexicon
    future: frozenset[str]
    near_future: frozenset[str]  # forward only right before the date: "is Saturday"
    past: frozenset[str]
    near_past: frozenset[str]  # backward only right before the date: "since March"
    bound_words: frozenset[str]  # "by", "before", "until", "within": they set a limit at the time they name
    cue_of: dict[str, int]  # memo of _cue, filled as words are seen
    resolved: dict[tuple, tuple[datetime, datetime, Grain] | None]  # memo of intervals (_resolve_expr)


@lru_cache(maxsize=4)
def get_engine(rules_dir: Path | None = None) -> TimeEngine:
    """Load and validate the time patterns and lexicon under `rules_dir` (default: bundled rules)."""
    root = rules_dir or bundled("rules")
    lexicon = load_lexicon(root / "lexicon" / "times.yaml")
    patterns = load_patterns(root / "patterns" / "times.jsonl", get_nlp().vocab, lexicon)
    _numeric_date("1/2/2020", datetime(2020, 1, 1), 0)  # dateparser loads its language data lazily
    return TimeEngine(
        patterns=patterns,
        lexicon=lexicon,
        future=frozenset(lexicon["future_cue"]),
        near_future=frozenset(lexicon["near_future_cue"]),
        past=frozenset(lexicon["past_cue"]),
        near_past=frozenset(lexicon["near_past_cue"]),
        bound_words=frozenset([*lexicon["bound_before"], *lexicon["bound_within"]]),
        cue_of={},
        resolved={},
    )


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, base_day: datetime, order: str, prefer: str) -> datetime | None:
    settings = {"RELATIVE_BASE": base_day, "PREFER_DATES_FROM": prefer, "DATE_ORDER": order,
                "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month"]}
    return dateparser.parse(text, languages=["en"], settings=settings)  # type: ignore[arg-type]


def _numeric_date(text: str, base: datetime, direction: int) -> datetime | None:
    """Normalise "3/14/2025" or "26/04/2014" with dateparser (month first unless impossible)."""
    first = int(re.split(r"[/.-]", text)[0])
    order = "DMY" if first > 12 else "MDY"
    prefer = "future" if direction > 0 else "past" if direction < 0 else "current_period"
    day = base.replace(hour=0, minute=0, second=0, microsecond=0)
    return _dateparser_day(text, day, order, prefer)


def _select(cols: TokenColumns, engine: TimeEngine) -> list[Atom]:
    """Longest non-overlapping atoms that touch no BLOCK span."""
    label_of = engine.patterns.label_of
    words = cols.words
    blocked: list[tuple[int, int]] = []
    atoms: list[Atom] = []
    for rule, start, end in doc_matches(cols, engine.patterns.matcher):
        label = label_of[rule]
        if label == "BLOCK":
            blocked.append((start, end))
        else:
            atoms.append(Atom(start, end, label, rule))
    if "#" in words:
        # "the #Christmas season", "#diecast #1:18": a hashtag is a topic, not a time, as the tweets annotate it; a
        # weekday stays ("#Friday!" says what day it is, and the TweeTime data dates it).
        texts, idx = cols.texts, cols.idx
        atoms = [a for a in atoms if not (a.start and texts[a.start - 1] == "#" and idx[a.start - 1] + 1 == idx[a.start]
                                          and not a.rule.startswith("weekday"))]
    if blocked:
        mask = bytearray(len(words))
        for s, e in blocked:
            mask[s:e] = b"\x01" * (e - s)
        atoms = [a for a in atoms if not any(mask[a.start:a.end])]
    # Longest first, but context words a pattern needs ("by March") count for less than the
    # expression itself, so "by March" never beats "March 7", and a line break counts for nothing
    # ("until\nJanuary" is no longer than "January 31").
    def weight(a: Atom) -> tuple[int, int, int, int]:
        size = a.end - a.start - sum(map(str.isspace, words[a.start:a.end]))
        lead = 0
        i = a.start
        if words[i] == "as" and i + 3 < a.end and words[i + 2] == "as":  # "as early as March": a comparison
            lead, i = 3, i + 3
        while i < a.end - 1 and (words[i] in _CONTEXT_WEIGHTLESS or words[i].isspace()):
            lead += not words[i].isspace()
            i += 1
        if a.rule == "month-cued" and lead == 0 and _DAY_NUMBER.match(_next_word(words, a.end - 1)):
            lead = 1  # "We'll start January 5": the verb's, not "the start of January" ("January 5" wins)
        return (lead - size, -size, _PRIORITY[a.label], a.start)

    atoms.sort(key=weight)
    taken = bytearray(len(words))
    chosen: list[Atom] = []
    for a in atoms:
        if not any(taken[a.start:a.end]):
            taken[a.start:a.end] = b"\x01" * (a.end - a.start)
            chosen.append(a)
    chosen.sort(key=lambda a: a.start)
    if any(a.rule == "weekday-either" for a in chosen):
        # "Mon or Tues", "Mon/Tues": an abbreviation that needs a cue, read with the day after the "or"; each
        # day is an atom of its own, as in "Monday or Tuesday" (two candidates).
        cued = "weekday-abbr-cued"
        chosen = [part for a in chosen for part in (
            (Atom(a.start, a.start + 1, a.label, cued), Atom(a.end - 1, a.end, a.label, cued))
            if a.rule == "weekday-either" else (a,))]
    return chosen


def _cue(w: str, engine: TimeEngine) -> int:
    sign = engine.cue_of.get(w)
    if sign is None:
        sign = 1 if w in engine.future else -1 if w in engine.past or _ED.match(w) else _near(w, engine) \
            or (_ING if len(w) > 4 and w.endswith("ing") else 0)
        if len(engine.cue_of) < 100_000:
            engine.cue_of[w] = sign
    return sign


def _near(w: str, engine: TimeEngine) -> int:
    return _NEAR if w in engine.near_future else -_NEAR if w in engine.near_past else 0


def _cues(words: list[str], engine: TimeEngine) -> list[tuple[int, int]]:
    """(token index, sign) of every tense cue, in order: +1/-1, or +2/-2 for a near cue."""
    known = list(map(engine.cue_of.get, words))  # per-token lookups in C
    signs = [_cue(w, engine) if sign is None else sign for w, sign in zip(words, known, strict=True)] \
        if None in known else cast(list[int], known)
    if "following" in words:
        _following_up(words, signs)
    if not _GLAD.isdisjoint(words):
        _glad_to(words, signs)
    # "will be closed", "is scheduled": a participle after a present or future "be" is no past tense, nor
    # is one after a determiner ("the signed order form"); a present perfect of arranging ("I've booked a
    # slot for Thursday") looks ahead.
    out = []
    for i in compress(range(len(signs)), signs):  # only the cues (most words have sign 0), found in C
        sign = signs[i]
        # (the word before, over a line break of hard-wrapped mail: "the\nlast two weeks of December")
        before = words[i - 1] if i else ""
        if before.isspace():
            before = words[word_step(words, i, -1, 0)]
        if sign == _ING:
            if not i or before not in _BE_PRESENT or (i + 1 < len(words) and words[i + 1] in _NOW_WORDS):
                continue
            # "he is getting married on the 16th", "we're flying out Thursday": a present progressive looks ahead,
            # unless any other cue of the sentence says otherwise ("said it is continuing ... under a June
            # agreement"), or it tells of now ("the $14 we're seeing today").
            sign = _WEAK
        if sign == -1 and words[i] == "committed" and i and words[i - 1] in _BE_NOT_PAST \
                and i + 1 < len(words) and words[i + 1] == "to":
            out.append((i, 1))  # "We're committed to a Q2 delivery": what we are committed to lies ahead
            continue
        if sign == -1 and i and (before in _BE_NOT_PAST or before in _GET or before in _DETERMINERS
                                 or before in _BEFORE_ADJECTIVE or _will_have_done(words, i)
                                 or _with_done(words, i)):
            continue
        if sign == -1 and words[i] in _ENCLOSED and _encloses(words, i):
            continue  # "Numbers for wk ending 12/15 attached.", "see attached": the mail's enclosure, no past verb
        if i and words[i - 1] == "as" and (words[i].endswith("ed") or words[i] in ("said", "told")):
            continue  # "holding the discount through 12/31 as agreed", "as expected": an aside, not the date's tense
        if sign == -1 and words[i] in _ARRANGED and not _HAVE.isdisjoint(words[max(0, i - 4):i]):
            sign = 1
        elif sign == -1 and words[i] in _SET_FOR and i + 1 < len(words) and words[i + 1] == "for" \
                and (i == 0 or words[i - 1] not in _WAS):
            sign = 1  # "Confirmed for the 12th", "Invite sent for Wed 10am": what was set up lies ahead
        elif sign == -1 and words[i] in _ARRANGED and i + 1 < len(words) and words[i + 1] in ("off", "out"):
            sign = 1  # "Dana blocked off the 22nd for your team": the time kept free lies ahead
        elif sign == -1 and words[i] in MOVED and moved_to_date(words, i, engine.lexicon):
            sign = 1  # "the kickoff moved to the 14th", "was postponed until March": the new date lies ahead
        elif sign == 1 and words[i] in _NOUN_CUES and _after_determiner(words, i):
            sign = _WEAK
        if sign:
            out.append((i, sign))
    return out


_GLAD = frozenset({"happy", "glad", "keen", "eager", "delighted"})


def _glad_to(words: list[str], signs: list[int]) -> None:
    """"I'm happy to walk you through it on Tuesday": an offer looks ahead ("I was glad to see you Tuesday" does
    not: the "was" before it keeps its past)."""
    for i, w in enumerate(words):
        if w in _GLAD and i + 1 < len(words) and words[i + 1] == "to" and not signs[i] \
                and (i == 0 or words[i - 1] not in ("was", "were")):
            signs[i] = 1


_ENCLOSED = frozenset({"attached", "enclosed"})
_AFTER_ENCLOSED = frozenset({"is", "are", "please", "pls", "for", "here", "herewith", "as", "you'll", "you’ll"})


def _encloses(words: list[str], i: int) -> bool:
    """Whether "attached" / "enclosed" at `i` says what the mail carries ("see attached", "the deck is attached",
    "Q3 numbers attached.", "Attached please find ...") rather than what the writer did ("I attached the deck
    on Monday")."""
    nxt = skip_wraps(words, i + 1, len(words))
    return nxt >= len(words) or not words[nxt][:1].isalnum() or words[nxt] in _AFTER_ENCLOSED \
        or (i > 0 and words[i - 1] in ("see", "find"))


def _will_have_done(words: list[str], i: int) -> bool:
    """Whether the participle at `i` completes "will have / 'll have / 'll get ... <participle>" ("We will have the
    SAML configuration completed before the 14th"): something done by then, no past."""
    lead = words[max(0, i - 6):i]
    if "have" not in lead and "get" not in lead and "got" not in lead:
        return False  # the usual case, found in C
    return any(w in ("have", "get", "got") and k > 0 and lead[k - 1] in _FUTURE_AUX for k, w in enumerate(lead))


def _with_done(words: list[str], i: int) -> bool:
    """Whether the participle at `i` ends "with / without <a noun phrase> <participle>" ("a revised quote with the
    volume tier applied first thing Monday"): a state of the thing, no past."""
    lead = words[max(0, i - 5):i]
    if "with" not in lead and "without" not in lead:
        return False  # the usual case, found in C
    k = max(k for k, w in enumerate(lead) if w in ("with", "without"))
    phrase = lead[k + 1:]
    return len(phrase) >= 2 and phrase[0] in _DETERMINERS and all(w.isalpha() and w not in _CLAUSE_WORDS
                                                                  for w in phrase[1:])


_CLAUSE_WORDS = frozenset({"and", "or", "but", "who", "which", "that", "we", "i", "you", "they", "he", "she", "it"})
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "can", "should", "to"})


def _following_up(words: list[str], signs: list[int]) -> None:
    """"Following up on our call on Tuesday", "Just following up on Tuesday's demo": the mail's opener looks back
    at what happened ("I'll be following up on Tuesday" looks ahead: a "be" or a subject comes before it)."""
    i = -1
    while (i := _index(words, "following", i + 1)) >= 0:
        if words[i + 1:i + 2] == ["up"] and (i == 0 or words[i - 1] not in _SUBJECT_OR_BE):
            signs[i] = -1


def _index(words: list[str], word: str, start: int) -> int:
    """The index of `word` in `words` from `start` on (found in C), or -1."""
    try:
        return words.index(word, start)
    except ValueError:
        return -1


_SUBJECT_OR_BE = _BE_NOT_PAST | {"'ll", "’ll", "will", "i", "we", "you", "they", "he", "she", "keep", "start"}


# Future cues that are also nouns: after a determiner ("the intro call on Wednesday") they count only when the
# sentence has no other cue ("Thanks for the intro call on Wednesday" is past; "before our call on Thursday"
# still looks ahead); "the invite for Tue 12/10" does look ahead.
_WEAK = 3
_NOUN_CUES = frozenset({"call", "meeting", "talk", "launch", "availability", "forecast", "start"})


def _after_determiner(words: list[str], i: int) -> bool:
    """Whether a determiner comes right before token `i`, or one word (an adjective: "the intro call") before; a
    possessive is one ("Tuesday's call"; not "let's call", "it's", "that's")."""
    return (i >= 1 and words[i - 1] in _DETERMINERS) or (i >= 2 and words[i - 2] in _DETERMINERS) or (
        i >= 2 and words[i - 1] in ("'s", "’s") and words[i - 2] not in _NOT_POSSESSIVE)


_NOT_POSSESSIVE = frozenset({"let", "it", "that", "he", "she", "what", "there", "here", "who", "where", "how",
                             "this", "everything", "nothing", "something", "one"})


def _past_only(cues: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether the sentence [start, end) has a past tense cue and no cue that looks ahead."""
    signs = [sign for _, sign in cues[bisect_left(cues, (start, -3)):bisect_left(cues, (end, -3))]]
    return -1 in signs and not any(sign > 0 for sign in signs)


def _doc_direction(cues: list[tuple[int, int]]) -> int:
    """The tense most of the text is written in: news reports the past, sales email plans ahead."""
    total = sum(sign for _, sign in cues if abs(sign) not in (_NEAR, _WEAK))
    return 1 if total > 0 else -1 if total < 0 else 0


def _direction(cues: list[tuple[int, int]], start: int, end: int, sent_start: int, sent_end: int,
               default: int, words: list[str]) -> int:
    """+1 when the nearest tense cue in the sentence points forward, -1 backward, else `default`; +2 / -2
    for a near cue right before the date ("is Saturday", "since March")."""
    best = (10**6, default)
    ours_ahead = False  # a first-person future before the date in the sentence ("We'll send it Jan 5")
    past_before = False
    for i, sign in cues[bisect_left(cues, (sent_start, -2)):bisect_left(cues, (sent_end, -2))]:
        if start <= i < end:
            continue
        dist = start - i if i < start else i - end + 1
        # A near cue counts only right before the date or one word before it ("is on Monday", "is payable
        # Jan. 2"), but not across "from": "the report is from Monday" says nothing about which Monday.
        # A present tense right after a date points ahead too ("Saturday is good"), but only a forward cue.
        if abs(sign) == _NEAR and not (i == end and sign > 0) \
                and (i > start or dist > 2 or (dist == 2 and words[i + 1] in _NEAR_BLOCKERS)):
            continue
        if sign == _WEAK:
            dist, sign = dist + 10**5, 1  # any other cue in the sentence wins over a noun
        if dist < best[0]:  # at equal distance the cue before wins: it is read first
            best = (dist, sign)
        ours_ahead = ours_ahead or (sign == 1 and i < start and _we_will(words, i))
        if sign == -1 and i < start and dist <= 2 and "," not in words[i + 1:start]:
            past_before = True
    if best[1] == _NEAR and past_before:
        # "The quote I sent on Tuesday is attached": the verb the date hangs on is past; the "is" after it is the
        # main clause's ("Saturday is good" has no past verb before it).
        return -1
    if best[0] == 10**6 and _asks(words, sent_start, sent_end):
        return 1  # a question with no tense in it proposes a time: "How about Thursday at 10:30?"
    if best[1] == 1 and ours_ahead:
        return 2  # "We will go live Jan 5" written in March: what we say we will do lies ahead, strictly
    return best[1]


_FIRST_PERSON = frozenset({"i", "we"})
_WILL = frozenset({"will", "'ll", "’ll", "shall"})


def _we_will(words: list[str], i: int) -> bool:
    """Whether the cue at `i` is a first-person future: "we will", "I'll", "let's", "let us"."""
    w = words[i]
    if w in ("let's", "lets", "let’s"):
        return True
    if w == "let":
        return i + 1 < len(words) and words[i + 1] in ("'s", "’s", "us")
    return w in _WILL and i > 0 and words[i - 1] in _FIRST_PERSON


_REPORTING = frozenset({"said", "says", "announced", "reported", "added", "noted", "stated", "told"})


def _clause_of(words: list[str], expr: Expr, sent: tuple[int, int]) -> tuple[int, int]:
    """The part of the sentence between the semicolons around `expr`: "the bug you hit on 10/28 is fixed; 4.3
    ships on 12/15" reads each date's tense in its own clause."""
    lo, hi = sent
    if not _REPORTING.isdisjoint(words[expr.end:hi]):
        # "Apple will unveil its new iPhone on Sept. 9, the company said Tuesday": the report after the comma is a
        # clause of its own.
        for i in range(expr.end, hi):
            if words[i] == "," and not _REPORTING.isdisjoint(words[i + 1:i + 5]):
                hi = i
                break
    if ";" not in words[lo:hi]:
        return lo, hi  # the usual case
    for i in range(expr.start - 1, lo - 1, -1):
        if words[i] == ";":
            lo = i + 1
            break
    for i in range(expr.end, hi):
        if words[i] == ";":
            return lo, i
    return lo, hi


def _asks(words: list[str], start: int, end: int) -> bool:
    """Whether the sentence in [start, end) ends with a question mark (line breaks aside)."""
    k = end - 1
    while k > start and words[k].isspace():
        k -= 1
    return k >= start and words[k] == "?"


def _extend_bound(words: list[str], expr: Expr, engine: TimeEngine) -> None:
    """Keep "by", "before", "until", "within", "no later than" in front: they change the interval."""
    i = expr.start
    if any(words[k].isspace() for k in range(max(0, i - 3), i)):
        # "by\nFriday": read the words before over the line breaks inside the paragraph.
        before = [k for k in range(max(0, i - 6), i) if not is_wrap(words[k])][-3:]
    else:
        before = list(range(max(0, i - 3), i))
    if len(before) == 3 and [words[k] for k in before] in (["no", "later", "than"], ["on", "or", "before"]):
        expr.start = before[0]
        return
    if before and words[before[-1]] in engine.bound_words and expr.label in ("DATE", "TIME"):
        expr.start = before[-1]


_OWNERS = frozenset({"the", "our", "your", "their", "its"})
_MONTH_OWNERS = _OWNERS | {"this", "next"}


def _trim(words: list[str], expr: Expr) -> None:
    if expr.rule == "date-numeric-short" and words[expr.start] in _COMPARISONS:
        # "no later than 1/8", "as soon as 1/4": a date, not a fraction, and the words before it bound it
        expr.start += 2 if words[expr.start + 1] == "than" else 3
        expr.sides = [(expr.start, expr.sides[0][1]), *expr.sides[1:]]
    while expr.end - expr.start > 1 and words[expr.end - 1] in (",", "(", "-", "from"):
        expr.end -= 1
        expr.sides[-1] = (expr.sides[-1][0], min(expr.sides[-1][1], expr.end))
    if expr.rule == "month-cued" and expr.end - expr.start == 3 and words[expr.end - 2] in ("march", "may") \
            and words[expr.start] in _MONTH_OWNERS:
        # "the March accession", "our May release", "next May's": the month names the thing after it, which is no
        # part of the time ("next" is: "next May")
        expr.start, expr.end = expr.start + (words[expr.start] in _OWNERS), expr.end - 1
        expr.sides = [(expr.start, expr.end)]
    if expr.rule == "in-duration" and expr.start and words[expr.start - 1] in _IN_PARTICLE_VERBS \
            and words[expr.start] == "in" and expr.end - expr.start > 1:
        # "pencil in 45 minutes", "squeeze in half an hour": the "in" is the verb's, and the time a length
        expr.start += 1
        expr.rule, expr.label = "duration", "DURATION"
    while expr.end - expr.start > 1 and words[expr.start] in _LEADING_CONTEXT and expr.rule != "in-duration" \
            and not (words[expr.start] == "at" and _next_word(words, expr.start) in ("least", "most")) \
            and not (words[expr.start] == "beginning" and _next_word(words, expr.start) == "of"):
        # ("at least"; "beginning of January" is a part of January, "beginning January 5" the day something starts)
        expr.start += 1
        if words[expr.start - 1] in _CLOCK_CUES and _bare_clock(words, expr):
            expr.cue = words[expr.start - 1]  # "at 2 on Wednesday": the 2 is read as a clock time
        elif expr.rule == "clock-range" and words[expr.start - 1] in _SLOT_CUES and words[expr.start].isdigit():
            expr.cue = "from"  # "I'm free 2-4 on Thursday": two bare hours after a word of availability
    if expr.end - expr.start > 1 and expr.label == "DURATION" and words[expr.start] in ("by", "to"):
        # "pushed back by a week": a length after "by" is an amount, not a limit; "down to 30 days" keeps only
        # the length ("up to 30 days" is one expression).
        expr.start += 1
    # "if the rollout slips past February": after a verb "past" is "beyond", no "last" ("the past February" keeps it).
    if expr.end - expr.start > 1 and words[expr.start] == "past" and expr.start \
            and words[expr.start - 1].isalpha() and words[expr.start - 1] not in _DETERMINERS \
            and words[expr.start - 1] not in ("for", "in", "over", "during", "of"):
        expr.start += 1
    # "a cut could come as early as March": the comparison is no part of the time.
    if expr.end - expr.start > 3 and words[expr.start] == "as" and words[expr.start + 2] == "as":
        expr.start += 3
    # "between now and then": "between" with no second side after it is no part of the time ("between 2 and
    # 4pm" and "between Dec 2nd and 4th" have theirs).
    if expr.end - expr.start > 1 and words[expr.start] == "between" and len(expr.sides) == 1 \
            and not expr.rule.endswith("-range"):
        expr.start += 1
    # "follow up two weeks from today", "prices went up two weeks ago": "up" belongs to the verb unless "to" follows
    # ("up to 30 days" is one expression).
    if expr.end - expr.start > 1 and words[expr.start] == "up" and _next_word(words, expr.start) != "to":
        expr.start += 1
    # "higher than a year ago": a comparative's "than" is no part of the time ("more than a year" keeps it).
    if expr.end - expr.start > 2 and words[expr.start] == "than":
        expr.start += 1
    # "a two-year contract", "the third-quarter results": the article belongs to the noun the
    # hyphenated expression describes, not to the expression.
    if expr.end - expr.start >= 4 and words[expr.start] in ("a", "an", "the") and words[expr.end - 2] == "-" \
            and not expr.rule.endswith("-range") and _next_word(words, expr.start) not in ("mid", "early", "late"):
        # ("the 14th-16th" is a range of days, "the mid-1990s" a part of a decade)
        expr.start += 1
    s0, e0 = expr.sides[0]
    expr.sides[0] = (max(s0, expr.start), e0)


def _next_word(words: list[str], i: int) -> str:
    """The word after token `i`, over line breaks ("" at the end)."""
    j = skip_wraps(words, i + 1, len(words))
    return words[j] if j < len(words) else ""


def _bare_clock(words: list[str], expr: Expr) -> bool:
    """Whether `expr` opens with a bare number that can end a clock time: what follows it is the rest of the
    expression or a clause boundary ("at 2 on Wednesday", "at 11 to discuss"), not a dash or a noun ("at
    1-800-...", "from 4 pence", "at 7 Kickstart Brewiches")."""
    if not words[expr.start].isdigit():
        return False
    j = expr.start + 1
    if j >= len(words) or words[j].isspace():
        return True
    if words[j] in ("-", "–", "—"):
        return False
    return j < expr.end or words[j] in _AFTER_CLOCK


_AFTER_CLOCK = frozenset({".", ",", "?", "!", ";", ":", ")", "to", "for", "with", "and", "or", "if", "so", "then",
                          "in", "works", "work", "is", "sharp", "please", "on", "tomorrow", "today", "tonight"})


def find_times(doc: Doc, now: datetime, tz: ZoneInfo | str = "UTC", rules_dir: Path | None = None) -> list[TimeSpan]:
    """Return the time expressions in `doc`, each resolved against `now` (naive `now` is in `tz`)."""
    engine = get_engine(rules_dir)
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    if now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    base = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    from_now = base.replace(tzinfo=zone)  # where a limit runs from: now, to the minute
    cols = token_columns(doc)
    atoms = _select(cols, engine)
    if not atoms:
        return []
    words = cols.words
    sentences = sentence_bounds(doc) if doc.has_annotation("SENT_START") else [(0, len(doc))]
    sentence_starts = [s for s, _ in sentences]
    cues = _cues(words, engine)
    default = _doc_direction(cues)
    out: list[TimeSpan] = []
    named: datetime | None = None  # wall time of the last date named outright
    named_in = -1  # the start of its sentence
    weekday_before: tuple[int, datetime] | None = None  # end token and wall time of the last bare weekday read
    # Sentence start and wall time of the last day named with its month (or in numbers, or a bare day of the month:
    # the month in view), and whether that day was itself a bare day of the month ("the 3rd").
    month_named: tuple[int, datetime, bool] | None = None
    for expr in join_atoms(words, atoms, engine.lexicon, base.year):
        if _unit_of_a_clause(words, expr):
            continue  # "the week I'm back", "the day you sign": a unit an event dates, which we cannot
        _trim(words, expr)
        bare = expr.start
        _extend_bound(words, expr, engine)
        k = bisect_right(sentence_starts, expr.start) - 1
        sent = sentences[k] if k >= 0 and expr.start < sentences[k][1] else (0, len(doc))
        anaphoric = named is not None and (not _ANAPHORIC.isdisjoint(words[expr.start:expr.end]) or (
            expr.rule == "relative-ago" and words[expr.end - 1] in ("later", "earlier") and named_in == sent[0]))
        ref = named if named is not None and anaphoric else base
        after = _unit_after(cols, expr, engine, named if named is not None else base, zone)
        if after is not None:
            # "next week, so the week after is better": the week after the one just named (after now if none).
            out.append(after)
            named, named_in = _wall(after, zone), sent[0]
            continue
        alone = read_features(words[expr.sides[0][0]:expr.end], engine.lexicon, base.year) \
            if month_named is not None and month_named[0] == sent[0] and len(expr.sides) == 1 else None
        in_view = alone is not None and _bare_day(alone)
        if in_view and month_named is not None and alone is not None:
            # "from Dec 21 through Jan 4, back on the 5th", "close is Jan 15, so we'd need signatures by the
            # 10th": a bare day of the month is in the month just named (counted strictly ahead from its 1st).
            ref = month_named[1].replace(day=1, hour=0, minute=0)
            if month_named[2] and alone.dom is not None and alone.dom < month_named[1].day - _DAYS_BACK:
                # After a bare day, likewise ("out until the 3rd, back on the 4th", "on the 13th, so the 12th is
                # hard"), but a day well before it is next month's ("closed the 24th, open again the 2nd").
                ref = (ref + timedelta(days=32)).replace(day=1)
        limited = expr.start != bare or words[expr.start] in engine.bound_words  # moved onto "by", "no later than"
        # A limit looks ahead: "I'll send the deck we discussed by Friday" is the coming Friday, whatever
        # tense the nearest cue has; only in a sentence told wholly in the past does it look back ("Shares fell
        # on Monday but recovered by Wednesday").
        direction = 2 if in_view else (-1 if _past_only(cues, sent[0], sent[1]) else 2) if limited \
            else _direction(cues, expr.start, expr.end, *_clause_of(words, expr, sent), default, words)
        if not limited and not in_view and moved_here(words, expr.start):
            direction = 2  # "the kickoff moved to the 8th": a meeting moved goes to a day still ahead
        span = _resolve_expr(cols, expr, engine, ref, direction, zone)
        if span is not None and not limited and ref is base and _over_today(span, now, direction, words, expr, engine):
            span = _next_day(span)
        if span is not None and not limited and weekday_before is not None and expr.rule in _BARE_WEEKDAY \
                and _conjoined(words, weekday_before[0], expr.start):
            first = weekday_before[1]
            day = _wall(span, zone)
            if day.weekday() > first.weekday() and not first < day < first + timedelta(days=7):
                # "Monday and Tuesday", "Mon or tues": a later weekday runs on from the first, in its week,
                # whatever its own cues say ("made Friday and Thursday" keeps its own reading).
                span = _resolve_expr(cols, expr, engine, first, 1, zone)
        weekday_before = None
        if span is None:
            continue
        if limited and direction > 0 and from_now < span.to \
                and (in_view or span.from_ < from_now or (span.from_.tzinfo is not zone
                                                           and span.from_.replace(tzinfo=None) == base
                                                           and span.from_.utcoffset() != from_now.utcoffset())):
            # A limit runs from now: not from the 1st of the month in view, nor from the start of a day already
            # begun ("by today", "by Friday" written on a Friday), nor from now's wall time read in the zone the
            # limit names ("before 5 PT tomorrow" written at 10:00 New York time runs from 07:00 PT).
            span = replace(span, from_=from_now)
        if limited:
            # "by Friday" names Friday (reported as the time) and sets a limit, now to Friday's end
            # (what a commitment's `when` promises).
            expr.start = bare if expr.start != bare else _after_bound(words, expr, engine)
            if expr.start > 0 and words[expr.start - 1] in _BOUND_CLOCK_CUES and _bare_clock(words, expr):
                expr.cue = "at"  # "until 4 today" names 4pm today (and the limit runs to it), not today
            expr.sides[0] = (max(expr.sides[0][0], expr.start), expr.sides[0][1])
            bare_span = _resolve_expr(cols, expr, engine, ref, direction, zone) if expr.start < expr.end else None
            if bare_span is not None and ref is base and _over_today(bare_span, now, direction, words, expr, engine):
                # "I'll send it by 2pm" written at 4pm: by tomorrow's 2pm
                bare_span = _next_day(bare_span)
                span = replace(span, from_=from_now, to=bare_span.from_)
            out.append(replace(bare_span, limit=span) if bare_span is not None else span)
            if bare_span is not None and expr.label == "DATE":
                # "before the 15th, ... the following Monday": the day a limit names is one to refer back to.
                named, named_in = _wall(bare_span, zone), sent[0]
                if bare_span.grain == "day":  # "until Jan 3, back on the 4th": the month in view
                    month_named = _in_view(words, expr, engine, base, sent[0], named, month_named)
            continue
        out.append(span)
        if span.grain == "day" and expr.label == "DATE":
            # A range's last day is the one in view: "Dec 21 through Jan 4, back on the 5th", "12/21-1/4".
            last_day = span.to.astimezone(zone).replace(tzinfo=None) - timedelta(days=1)
            month_named = _in_view(words, expr, engine, base, sent[0], last_day, month_named)
        if (expr.rule in _BARE_WEEKDAY or expr.rule == "weekday-relative") and span.grain == "day":
            # ("next Thursday and Friday": the Friday of that week too)
            weekday_before = (expr.end, _wall(span, zone))
        if expr.label == "DATE":
            # A date read as itself (or the day a limit names) is something to refer back to, not a limit's
            # interval, which runs from now.
            named, named_in = _wall(span, zone), sent[0]
    out = share_meridiem(cols.source, _with_article(cols, out))
    return share_day(cols.source, list_days(cols.source, out), [cols.idx[s] for s, _ in sentences], base.date())


def _with_article(cols: TokenColumns, spans: list[TimeSpan]) -> list[TimeSpan]:
    """"on a Sunday", "for an afternoon": the article before a lone day or part of the day is part of the span, as
    the tweets annotate it (no sentence in the news data has one there)."""
    words = cols.words
    for n, span in enumerate(spans):
        if span.rule not in _ARTICLE_RULES:
            continue
        k = bisect_left(cols.idx, span.start)
        if k < 2 or k >= len(words) or cols.idx[k] != span.start:
            continue
        article = word_step(words, k, -1, 0)  # (over a line break: "on a\nSunday")
        if words[article] in ("a", "an") and words[word_step(words, article, -1, 0)] in ("on", "for"):
            start = cols.idx[article]
            spans[n] = replace(span, start=start, text=cols.source[start:span.end])
    return spans


_ARTICLE_RULES = frozenset({"weekday", "part-of-day"})


_DAYS_BACK = 15  # a bare day this far before the bare day just read is in the next month


def _in_view(words: list[str], expr: Expr, engine: TimeEngine, base: datetime, sent_start: int, day: datetime,
             before: tuple[int, datetime, bool] | None) -> tuple[int, datetime, bool] | None:
    """What a later bare day of the month in the sentence counts from, after `expr` read as `day`: the month
    of a day named with its month or in numbers, or else the bare day itself (`before` stays otherwise)."""
    side = read_features(words[slice(*expr.sides[-1])], engine.lexicon, base.year)
    if side.month is not None or side.numeric is not None:
        return (sent_start, day, False)
    if _bare_day(side):
        return (sent_start, day, True)
    return before


def _over_today(span: TimeSpan, now: datetime, direction: int, words: list[str], expr: Expr,
                engine: TimeEngine) -> bool:
    """Whether `span` is a clock time with no day, already over today, in a sentence that looks ahead: "I'll call
    you at 2pm", "Can we talk at 9am Sydney time?" written after that hour mean tomorrow's. Told in the past ("We
    spoke at 2pm") it is today's, and so are hours not yet over ("Support hours are 8am-6pm CET" at 3pm CET)."""
    if direction <= 0 or span.grain not in ("minute", "hour"):
        return False
    if span.to <= now:
        return _clock_alone(words, expr, engine.lexicon, now.year) or _bare_part_of_day(words, expr)
    # "first thing in the morning" is its start: once the morning has begun, tomorrow's.
    return span.from_ < now and _bare_part_of_day(words, expr) and expr.start >= 3 \
        and unwrapped(words, expr.start - 3, expr.start) == ["first", "thing", "in"]


_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})


def _bare_part_of_day(words: list[str], expr: Expr) -> bool:
    """Whether `expr` is a part of the day with no day named: "the morning", "in the afternoon" ("this morning",
    "Monday evening", "tonight" name their day)."""
    said = unwrapped(words, expr.start, expr.end)
    return expr.rule == "part-of-day" and (len(said) == 1 or (len(said) == 2 and said[0] == "the")) \
        and said[-1] in _DAY_PARTS


_EVENT_OPENERS = frozenset({"the", "a", "an", "this", "that", "our", "your", "their", "his", "her", "its", "we", "you",
                            "i", "they", "he", "she", "it", "my"})


def _unit_after(cols: TokenColumns, expr: Expr, engine: TimeEngine, anchor: datetime,
                zone: ZoneInfo) -> TimeSpan | None:
    """"the week after" / "the month before" with no date after it: the period next to `anchor`'s (the day last
    named, or now), the bound word kept in the span. None for anything else ("the week after Thanksgiving" is
    joined before this)."""
    words = cols.words
    if expr.rule != "the-unit" or len(expr.sides) != 1:
        return None
    j = skip_wraps(words, expr.end, len(words))
    if j >= len(words) or words[j] not in ("after", "before"):
        return None
    k = skip_wraps(words, j + 1, len(words))
    if k < len(words) and words[k] in _EVENT_OPENERS:
        return None  # "the week after the launch", "the month after we sign": counted from an event we cannot date
    unit = read_features(words[expr.start:expr.end], engine.lexicon, anchor.year).unit
    if unit not in ("week", "month", "year"):
        return None
    start, end, grain = shifted_period(anchor, 1 if words[j] == "after" else -1, unit)
    s_char, e_char = cols.idx[expr.start], cols.idx[j] + len(cols.texts[j])
    return TimeSpan(cols.source[s_char:e_char], s_char, e_char, start.replace(tzinfo=zone), end.replace(tzinfo=zone),
                    cast(Grain, grain), expr.rule)


_CLAUSE_SUBJECTS = frozenset({"i", "we", "you", "they", "he", "she", "i'm", "we're", "you're", "they're", "i’m",
                              "we’re", "you’re", "they’re"})


def _unit_of_a_clause(words: list[str], expr: Expr) -> bool:
    """Whether `expr` is "the week" / "the day" with a clause after it that says which ("the week I'm back", "the
    day you sign"): the time of an event we cannot date, not this week or today."""
    if expr.rule != "the-unit" or len(expr.sides) != 1 or words[expr.start] != "the":
        return False
    j = skip_wraps(words, expr.end, len(words))
    return j < len(words) and words[j] in _CLAUSE_SUBJECTS


def _next_day(span: TimeSpan) -> TimeSpan:
    """`span` a day later, wall-clock in the zone it is told in."""
    return replace(span, from_=span.from_ + timedelta(days=1), to=span.to + timedelta(days=1))


def _clock_alone(words: list[str], expr: Expr, lex: TimeLexicon, year: int) -> bool:
    """Whether every side of `expr` is a clock time with no day ("2pm", "9am Sydney time", "2-4pm")."""
    for k, (s, e) in enumerate(expr.sides):
        head = [expr.cue] if expr.cue and k == 0 else []  # "at 2": a bare number read as a clock time
        f = read_features(head + words[expr.start if k == 0 else s:e], lex, year)
        if f.hour is None or f.has_date():
            return False
    return True


def _bare_day(f: Features) -> bool:
    """Whether `f` names a day of the month and nothing more ("the 5th", "on the 14th")."""
    return f.dom is not None and f.month is None and f.numeric is None and f.weekday is None and f.unit is None \
        and f.year is None and f.rel is None


def _wall(span: TimeSpan, zone: ZoneInfo) -> datetime:
    """The wall time in `zone` that `span` starts at (what later expressions count from)."""
    return span.from_.astimezone(zone).replace(tzinfo=None)


_BARE_WEEKDAY = frozenset({"weekday", "weekday-abbr-cued"})
_CONJUNCTIONS = frozenset({"and", "or", "&", ",", "/"})


def _conjoined(words: list[str], end: int, start: int) -> bool:
    """Whether only a conjunction ("and", "or", ", or") lies between token `end` and token `start`, or words of
    coming back ("out Monday, back Tuesday", "off Wednesday and returning on Friday")."""
    gap = unwrapped(words, end, start)
    if 1 <= len(gap) <= 2 and _CONJUNCTIONS.issuperset(gap):
        return True
    return 1 <= len(gap) <= 4 and _RETURNING.issuperset(gap) and not _RETURNS.isdisjoint(gap)


_RETURNS = frozenset({"back", "returning", "return", "returns"})
_RETURNING = _RETURNS | {",", "and", "but", "on", "again", "in", "the", "office"}


def _after_bound(words: list[str], expr: Expr, engine: TimeEngine) -> int:
    """The first token of `expr` after the bound words a pattern included ("by" in "by the 5th")."""
    i = expr.start
    while i < expr.end and (words[i] in engine.bound_words or is_wrap(words[i])):
        i += 1
    return i


def _resolve_expr(cols: TokenColumns, expr: Expr, engine: TimeEngine, base: datetime,
                  direction: int, zone: ZoneInfo) -> TimeSpan | None:
    words = cols.words
    # The interval depends only on the expression's words (and how they split into sides), the
    # range-cut flag of its rule, `base` and `direction` (and `zone`, which is attached to it):
    # memoised on exactly those, per engine.
    s0 = expr.start
    sides = expr.sides
    cut_range = len(sides) == 1 and expr.rule.endswith("-range")
    shape = (sides[0][0] - s0, sides[0][1] - s0) if len(sides) == 1 else tuple((s - s0, e - s0) for s, e in sides)
    key = (tuple(words[s0:expr.end]), shape, cut_range, expr.offset, expr.anchor, expr.cue, base, direction, zone)
    memo = engine.resolved
    if key in memo:
        found = memo[key]
    else:
        if len(memo) >= _RESOLVED_LIMIT:
            memo.clear()
        found = memo[key] = _aware(_interval(words, expr, cut_range, engine.lexicon, base, direction), zone)
    if found is None:
        return None
    last = expr.end - 1
    s_char, e_char = cols.idx[s0], cols.idx[last] + len(cols.texts[last])
    if words[last] in _STOP_NOT_OURS or (words[last] in _MONTH_STOPS and _sentence_ends_after(cols.texts, last)):
        e_char -= 1
    return TimeSpan(cols.source[s_char:e_char], s_char, e_char, found[0], found[1], found[2], expr.rule)


# Tokens that end a span with a full stop that may be the sentence's: spaCy keeps it on "pm." and on a dotted
# weekday ("on Thur."); inside a span it stays ("Tues., Dec. 10").
_STOP_NOT_OURS = frozenset({"am.", "pm.", *(w.lower() for w in WEEKDAY_ABBREVIATIONS)})
# A dotted month ("Jan.") keeps its stop inside a sentence ("Aug. and Sept.") and leaves it to the sentence at
# its end ("We start early Jan."), as the evaluation data marks them.
_MONTH_STOPS = frozenset({"jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.",
                          "dec."})


def _sentence_ends_after(texts: list[str], i: int) -> bool:
    """Whether token `i` ends its sentence: the text, a line or a paragraph ends, or a capital opens the next."""
    if i + 1 >= len(texts):
        return True
    nxt = texts[i + 1]
    if nxt.isspace():
        return "\n" in nxt or i + 2 >= len(texts) or texts[i + 2][:1].isupper()
    return nxt[:1].isupper()


def _aware(found: _Interval | None, zone: ZoneInfo) -> tuple[datetime, datetime, Grain] | None:
    """The interval in the zone it names, or else in `zone`."""
    if found is None:
        return None
    start, end, grain, named = found
    ez = named if named is not None else zone
    return start.replace(tzinfo=ez), end.replace(tzinfo=ez), cast(Grain, grain)


def _interval(words: list[str], expr: Expr, cut_range: bool, lex: TimeLexicon, base: datetime,
              direction: int) -> _Interval | None:
    """The wall-time interval, grain and named zone (if any) of one joined expression, or None."""
    sides_at = expr.sides
    if cut_range:
        s0, e0 = sides_at[0]
        cut = next((i for i in range(s0 + 1, e0 - 1) if words[i] in _RANGE_CUT), None)
        if cut is not None:
            sides_at = [(s0, cut), (cut + 1, e0)]
    head = words[expr.start:sides_at[0][0]]  # a bound word kept in front ("by")
    if expr.cue:
        head = [expr.cue, *head]
    sides = [read_features(head + words[s:e], lex, base.year) if k == 0 else read_features(words[s:e], lex, base.year)
             for k, (s, e) in enumerate(sides_at)]
    if len(sides) == 2 and kind_of(sides[0]) == "clock" and sides[1].hour is None:
        end_side = range_end(words, *sides_at[1], lex, base.year)  # "9:30-10 tomorrow": 10 is a clock time
        sides[1] = end_side if end_side is not None and end_side.hour is not None else sides[1]
    if expr.offset or expr.anchor:
        # "a week from Friday" (Friday, a week on), "the week after Thanksgiving": the first side is placed
        # against the day the second names.
        day = resolve(sides[1], base, direction, _numeric_date)
        if day is None:
            return None
        found = counted_from(sides[0], day, -1 if expr.anchor == "before" else 1) if expr.offset \
            else next_to(sides[0], day, expr.anchor == "after")
        return (*found, ZoneInfo(sides[1].zone) if sides[1].zone else None) if found else None
    if len(sides) == 2:
        sides = [copy(f) for f in sides]  # read_features' results are shared
        _share(sides[0], sides[1])
    periods = [p for f in sides if (p := resolve(f, base, direction, _numeric_date)) is not None]
    if len(periods) < len(sides):
        return None
    start, end, grain = periods[0]
    if len(periods) == 2:
        end_start, end, grain2 = periods[1]
        if sides[1].hour is not None and grain2 in ("hour", "minute"):
            end = end_start  # a clock range ends at its last clock time: "2-3pm" is an hour, "9am to 5pm" ends at 5pm
        same_day = all(getattr(sides[0], name) == getattr(sides[1], name) for name in _DAY_FIELDS)
        if end <= start and same_day and sides[1].hour is not None:
            end += timedelta(days=1)  # "Saturday 11pm–3am" runs past midnight
        elif end <= start and sides[1].weekday is not None:
            end += timedelta(days=7)  # "Friday to Monday" runs into next week
        elif end <= start and (sides[1].month is not None or sides[1].numeric is not None) \
                and not sides[1].explicit_year and (sides[1].numeric is None or sides[1].numeric[2] is None):
            end = _next_year(end)  # "12/21-1/4" runs into next year
        elif end <= start and _bare_day(sides[1]) and sides[1].dom is not None:
            # "the 24th through the 28th", "the 24th to the 1st": the end is the first such day from the start on
            later = next((d for k in (0, 1, 2) if (d := day_of_month(start, k, sides[1].dom)) is not None
                          and d >= start), None)
            end = later + timedelta(days=1) if later is not None else end
        grain = grain if _GRAINS.index(grain) < _GRAINS.index(grain2) else grain2
    if end <= start:
        end = start + timedelta(minutes=1)
    named = next((ZoneInfo(f.zone) for f in sides if f.zone), None)
    return start, end, grain, named


def _next_year(t: datetime) -> datetime:
    """The same wall time a year on (February 29 becomes March 1)."""
    try:
        return t.replace(year=t.year + 1)
    except ValueError:
        return t.replace(year=t.year + 1, month=3, day=1)


_GRAINS: list[str] = ["minute", "hour", "day", "week", "month", "quarter", "year"]


# The Features fields that name a day, copied between the sides of a clock range.
_DAY_FIELDS = ("weekday", "month", "dom", "year", "numeric", "day_offset", "rel", "unit", "holiday")


def _share(left: Features, right: Features) -> None:
    """Fill what one side of a range leaves out from the other ("March 3-5", "between 2 and 4pm")."""
    if right.dom is None and right.month is None and right.count is not None and left.dom is not None \
            and left.month is not None and 1 <= right.count <= 31:
        right.dom, right.count = int(right.count), None  # "March 3-5"
    if right.month is None and right.dom is not None and left.month is not None:
        right.month = left.month
    if left.month is None and left.dom is None and right.month is not None and left.count is not None:
        left.dom, left.count, left.month = int(left.count), None, right.month  # "19-22 April"
    if left.month is None and left.dom is not None and right.month is not None:
        left.month = right.month
        if right.dom is not None and left.dom > right.dom:  # "the 21st through Jan 2": the 21st is December's
            left.month = right.month - 1 or 12
            if left.month == 12 and right.year is not None and left.year is None:
                left.year = right.year - 1
    if left.year is None and right.year is not None and left.month is not None:
        left.year = right.year
    if right.year is None and left.year is not None and right.month is not None:
        right.year = left.year
    if (right.hour is not None or right.pod is not None) and left.hour is None and left.count is not None \
            and left.unit is None and 0 < left.count <= 24:
        left.hour, left.count = int(left.count), None  # "from 9 to 11am", "11-noon"
    if left.hour is not None and left.meridiem is None and right.meridiem is not None:
        hour_right = right.hour or 0
        left.meridiem = right.meridiem if left.hour <= hour_right or hour_right == 12 else "am"
    if right.zone is not None and left.zone is None:
        left.zone = right.zone
    if (right.hour is not None or right.pod is not None) and not right.has_date() and left.has_date():
        # "Friday 2-4pm", "November 23 from 6 to 10am": the end is on the day the start names.
        for name in _DAY_FIELDS:
            setattr(right, name, getattr(left, name))
    elif (left.hour is not None or left.pod is not None) and not left.has_date() and right.has_date() \
            and (right.hour is not None or right.pod is not None):
        # "between 10am and noon on Wednesday", "9am to 5pm Friday", "noon-1pm tomorrow": the start is on the
        # day the end names.
        for name in _DAY_FIELDS:
            setattr(left, name, getattr(right, name))
    if left.weekday is not None and right.weekday is not None and left.rel is not None and right.rel is None:
        right.rel = left.rel
