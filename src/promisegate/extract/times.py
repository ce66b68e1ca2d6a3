"""Find time expressions: Matcher patterns from rules/ find the atoms, this engine joins and normalises them.

Steps for one doc: match every pattern; drop matches that touch a BLOCK span (prices, versions,
phones); keep the longest non-overlapping atoms; join neighbours that form one expression
("Friday" + "at 3pm" + "PT", "March 3" "to" "April 5"); keep a leading "by/before/within" that
changes the interval; read features and resolve them against `now` (see time_resolve.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from zoneinfo import ZoneInfo

import dateparser
from spacy.tokens import Doc

from promisegate.extract.nlp import get_nlp
from promisegate.extract.time_features import Features, read_features
from promisegate.extract.time_lexicon import TimeLexicon, load_lexicon
from promisegate.extract.time_patterns import TimePatterns, load_patterns
from promisegate.extract.time_resolve import resolve
from promisegate.model import Grain, TimeSpan
from promisegate.paths import bundled

# Tokens allowed between two atoms that read as one expression ("Friday, March 3 at 3pm (PT)").
_JOINERS = frozenset({",", "at", "on", "@", "the", "of", "(", ")", "'s", "’s", "in", "this"})
_RANGE = frozenset({"-", "–", "—", "to", "through", "thru", "until", "till", "til", "and"})
# Context words some patterns need ("in March") but that are not part of the expression itself.
_LEADING_CONTEXT = frozenset({"in", "since", "of", "during", "after", "through", "from", "at", "on", "@",
                              "for", "spend", "spent", "took", "take", "takes", "lasting", "around", "about"})
# A pattern whose id ends in "-range" spans both ends of a range; it is cut at the first of these.
_RANGE_CUT = ("-", "–", "—", "to", "through", "thru", "and", "until", "till")
_CONTEXT_WEIGHTLESS = _LEADING_CONTEXT | {"by", "before", "until", "till", "at", "around", "about"}
_PRIORITY = {"DATE": 0, "TIME": 0, "SET": 1, "DURATION": 2, "PART": 3}
_ED = re.compile(r"^[a-z]{3,}ed$")


@dataclass(frozen=True)
class TimeEngine:
    """Patterns, lexicon and cue words compiled once per rules directory."""

    patterns: TimePatterns
    lexicon: TimeLexicon
    future: frozenset[str]
    past: frozenset[str]
    bound_words: frozenset[str]


@dataclass
class _Atom:
    start: int  # token indexes, [start, end)
    end: int
    label: str
    rule: str


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
        past=frozenset(lexicon["past_cue"]),
        bound_words=frozenset([*lexicon["bound_before"], *lexicon["bound_within"]]),
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


def _select(doc: Doc, engine: TimeEngine) -> list[_Atom]:
    """Longest non-overlapping atoms that touch no BLOCK span."""
    label_of = engine.patterns.label_of
    strings = doc.vocab.strings
    blocked: list[tuple[int, int]] = []
    atoms: list[_Atom] = []
    for key, start, end in engine.patterns.matcher(doc):
        rule = strings[key]
        label = label_of[rule]
        if label == "BLOCK":
            blocked.append((start, end))
        else:
            atoms.append(_Atom(start, end, label, rule))
    if blocked:
        atoms = [a for a in atoms if not any(a.start < e and s < a.end for s, e in blocked)]
    # Longest first, but context words a pattern needs ("by March") count for less than the
    # expression itself, so "by March" never beats "March 7".
    def weight(a: _Atom) -> tuple[int, int, int, int]:
        lead = 0
        while a.start + lead < a.end - 1 and doc[a.start + lead].lower_ in _CONTEXT_WEIGHTLESS:
            lead += 1
        return (a.start + lead - a.end, a.start - a.end, _PRIORITY[a.label], a.start)

    atoms.sort(key=weight)
    taken = bytearray(len(doc))
    chosen: list[_Atom] = []
    for a in atoms:
        if not any(taken[a.start:a.end]):
            taken[a.start:a.end] = b"\x01" * (a.end - a.start)
            chosen.append(a)
    chosen.sort(key=lambda a: a.start)
    return chosen


def _kind(f: Features) -> str:
    if f.zone is not None and not f.has_date() and f.hour is None:
        return "zone"
    if (f.hour is not None or f.pod is not None) and not f.has_date():
        return "clock"
    return "date" if f.has_date() else "other"


@dataclass
class _Expr:
    start: int
    end: int
    rule: str
    label: str
    sides: list[tuple[int, int]]  # one side, or two for a range


def _join(doc: Doc, atoms: list[_Atom], engine: TimeEngine, now_year: int) -> list[_Expr]:
    """Join neighbouring atoms into expressions; a dangling PART atom is dropped."""
    lex = engine.lexicon
    words = [t.lower_ for t in doc]
    exprs: list[_Expr] = []
    feats: list[Features] = []
    for a in atoms:
        f = read_features(words[a.start:a.end], lex, now_year)
        if exprs:
            last, lf = exprs[-1], feats[-1]
            gap = words[last.end:a.start]
            joinable = all(w in _JOINERS for w in gap) and len(gap) <= 3
            if joinable and _compatible(lf, f, last.label, a.label, gap):
                last.end = a.end
                last.sides[-1] = (last.sides[-1][0], a.end)
                last.label = last.label if last.label != "PART" else a.label
                last.rule = last.rule if last.label != "PART" and last.rule not in ("zone", "period-part",
                                                                                      "week-of") else a.rule
                feats[-1] = read_features(words[last.sides[-1][0]:a.end], lex, now_year)
                continue
            is_range = len(gap) == 1 and gap[0] in _RANGE and (gap[0] != "and" or words[last.start] == "between")
            if is_range and len(last.sides) == 1 and last.label in ("DATE", "TIME", "PART") \
                    and a.label in ("DATE", "TIME") and _kind(lf) == _kind(f) and _kind(f) in ("date", "clock"):
                last.sides.append((a.start, a.end))
                last.end = a.end
                last.label = "TIME" if _kind(f) == "clock" else "DATE"
                feats[-1] = f
                continue
        exprs.append(_Expr(a.start, a.end, a.rule, a.label, [(a.start, a.end)]))
        feats.append(f)
    return [e for e in exprs if e.label != "PART" or len(e.sides) > 1]


def _compatible(a: Features, b: Features, la: str, lb: str, gap: list[str]) -> bool:
    """Whether two neighbouring atoms are parts of one expression rather than two expressions."""
    if lb == "PART" and b.zone is None:
        return False
    if la == "PART":
        opener = a.words[:1] in (["between"], ["from"])
        return lb in ("DATE", "TIME") and (a.part is not None or a.week_of or opener) and gap in ([], ["of"])
    if "DURATION" in (la, lb) or "SET" in (la, lb):
        return False
    ka, kb = _kind(a), _kind(b)
    if kb == "zone":
        return a.hour is not None and a.zone is None
    if {ka, kb} == {"date", "clock"}:
        return True
    if ka == "date" and kb == "date":
        if a.weekday is not None and b.weekday is None and (b.month is not None or b.dom is not None
                                                              or b.numeric is not None):
            return True
        periodic = a.month is not None or a.quarter is not None or a.half is not None or a.season is not None
        if a.year is None and b.year is not None and b.month is None and b.quarter is None and periodic \
                and a.weekday is None and gap in ([], [","], ["of"], ["in"]):
            return True
        if a.unit == "year" and a.rel is not None and (b.quarter is not None or b.half is not None):
            return True
        if a.day_offset is not None and b.pod is not None:
            return True
    return False


def _cue(w: str, engine: TimeEngine) -> int:
    if w in engine.future:
        return 1
    if w in engine.past or _ED.match(w):
        return -1
    return 0


def _doc_direction(doc: Doc, engine: TimeEngine) -> int:
    """The tense most of the text is written in: news reports the past, sales email plans ahead."""
    total = sum(_cue(t.lower_, engine) for t in doc)
    return 1 if total > 0 else -1 if total < 0 else 0


def _direction(doc: Doc, start: int, end: int, sent_start: int, sent_end: int, engine: TimeEngine,
               default: int) -> int:
    """+1 when the nearest tense cue in the sentence points forward, -1 backward, else `default`."""
    best = (10**6, default)
    for i in range(sent_start, sent_end):
        if start <= i < end:
            continue
        sign = _cue(doc[i].lower_, engine)
        if not sign:
            continue
        dist = start - i if i < start else i - end + 1
        if dist < best[0] or (dist == best[0] and sign > 0):
            best = (dist, sign)
    return best[1]


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]


def _extend_bound(doc: Doc, expr: _Expr, engine: TimeEngine) -> None:
    """Keep "by", "before", "until", "within", "no later than" in front: they change the interval."""
    i = expr.start
    if i >= 3 and [t.lower_ for t in doc[i - 3:i]] == ["no", "later", "than"]:
        expr.start = i - 3
        return
    if i >= 1 and doc[i - 1].lower_ in engine.bound_words and expr.label in ("DATE", "TIME"):
        expr.start = i - 1


def _trim(doc: Doc, expr: _Expr) -> None:
    while expr.end - expr.start > 1 and doc[expr.end - 1].lower_ in (",", "(", "-"):
        expr.end -= 1
        expr.sides[-1] = (expr.sides[-1][0], min(expr.sides[-1][1], expr.end))
    while expr.end - expr.start > 1 and doc[expr.start].lower_ in _LEADING_CONTEXT and expr.rule != "in-duration":
        expr.start += 1
    s0, e0 = expr.sides[0]
    expr.sides[0] = (max(s0, expr.start), e0)


def find_times(doc: Doc, now: datetime, tz: ZoneInfo | str = "UTC", rules_dir: Path | None = None) -> list[TimeSpan]:
    """Return the time expressions in `doc`, each resolved against `now` (naive `now` is in `tz`)."""
    engine = get_engine(rules_dir)
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    if now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    base = now.astimezone(zone).replace(tzinfo=None, second=0, microsecond=0)
    atoms = _select(doc, engine)
    if not atoms:
        return []
    words = [t.lower_ for t in doc]
    sentences = _sentence_bounds(doc)
    default = _doc_direction(doc, engine)
    out: list[TimeSpan] = []
    for expr in _join(doc, atoms, engine, base.year):
        _trim(doc, expr)
        _extend_bound(doc, expr, engine)
        sent = next(((s, e) for s, e in sentences if s <= expr.start < e), (0, len(doc)))
        direction = _direction(doc, expr.start, expr.end, sent[0], sent[1], engine, default)
        span = _resolve_expr(doc, expr, words, engine, base, direction, zone)
        if span is not None:
            out.append(span)
    return out


def _resolve_expr(doc: Doc, expr: _Expr, words: list[str], engine: TimeEngine, base: datetime,
                  direction: int, zone: ZoneInfo) -> TimeSpan | None:
    lex = engine.lexicon
    if expr.rule.endswith("-range") and len(expr.sides) == 1:
        s0, e0 = expr.sides[0]
        cut = next((i for i in range(s0 + 1, e0 - 1) if words[i] in _RANGE_CUT), None)
        if cut is not None:
            expr.sides = [(s0, cut), (cut + 1, e0)]
    head = words[expr.start:expr.sides[0][0]]  # a bound word kept in front ("by")
    sides = [read_features(head + words[s:e], lex, base.year) if k == 0 else read_features(words[s:e], lex, base.year)
             for k, (s, e) in enumerate(expr.sides)]
    if len(sides) == 2:
        _share(sides[0], sides[1])
    found = [resolve(f, base, direction, _numeric_date) for f in sides]
    if any(p is None for p in found):
        return None
    start, end, grain = found[0]  # type: ignore[misc]
    if len(found) == 2:
        _, end, grain2 = found[1]  # type: ignore[misc]
        if end <= start and sides[1].weekday is not None:
            end += timedelta(days=7)  # "Friday to Monday" runs into next week
        grain = grain if _GRAINS.index(grain) < _GRAINS.index(grain2) else grain2
    if end <= start:
        end = start + timedelta(minutes=1)
    ez = next((ZoneInfo(f.zone) for f in sides if f.zone), zone)
    first, last = doc[expr.start], doc[expr.end - 1]
    s_char, e_char = first.idx, last.idx + len(last.text)
    if last.lower_ in ("am.", "pm."):
        e_char -= 1  # spaCy keeps a sentence's full stop on "pm."; it is not part of the time
    return TimeSpan(text=doc.text[s_char:e_char], start=s_char, end=e_char, from_=start.replace(tzinfo=ez),
                    to=end.replace(tzinfo=ez), grain=grain, rule=expr.rule)


_GRAINS: list[Grain] = ["minute", "hour", "day", "week", "month", "quarter", "year"]


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
    if left.year is None and right.year is not None and left.month is not None:
        left.year = right.year
    if right.year is None and left.year is not None and right.month is not None:
        right.year = left.year
    if right.hour is not None and left.hour is None and left.count is not None and left.unit is None \
            and 0 < left.count <= 24:
        left.hour, left.count = int(left.count), None  # "from 9 to 11am"
    if left.hour is not None and left.meridiem is None and right.meridiem is not None:
        hour_right = right.hour or 0
        left.meridiem = right.meridiem if left.hour <= hour_right or hour_right == 12 else "am"
    if right.zone is not None and left.zone is None:
        left.zone = right.zone
    if left.weekday is not None and right.weekday is not None and left.rel is not None and right.rel is None:
        right.rel = left.rel
