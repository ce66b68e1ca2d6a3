"""Join neighbouring time atoms into expressions: "Friday" + "at 3pm" + "PT", "March 3" "to" "April 5"."""

from __future__ import annotations

from dataclasses import dataclass

from promisegate.extract.nlp import is_wrap, skip_wraps, unwrapped
from promisegate.extract.time_features import Features, read_features
from promisegate.extract.time_lexicon import TimeLexicon
from promisegate.extract.time_moves import moving_from

# Tokens allowed between two atoms that read as one expression ("Friday, March 3 at 3pm (PT)").
_JOINERS = frozenset({",", "at", "on", "@", "the", "of", "(", ")", "'s", "’s", "in", "this"})
# Cue words a pattern takes in front of a day ("say Tues", "free Wed"): no joiners, so an atom that opens with
# one is never joined across a gap ("early next week, say Tues" is two times).
_CUE_OPENERS = frozenset({"say", "do", "try", "about", "hold", "book", "free", "available", "open", "for"})
_PERIOD_UNITS = frozenset({"week", "month", "quarter", "year"})
RANGE = frozenset({"-", "–", "—", "to", "through", "thru", "until", "till", "til", "and"})


@dataclass
class Atom:
    """One pattern match kept after selection, in token indexes [start, end)."""

    start: int
    end: int
    label: str
    rule: str


def kind_of(f: Features) -> str:
    """What one side names: a "date", a "clock" time, only a "zone", or "other"."""
    if f.zone is not None and not f.has_date() and f.hour is None and f.pod is None:
        return "zone"  # "noon PT" is a clock time
    if (f.hour is not None or f.pod is not None) and not f.has_date():
        return "clock"
    return "date" if f.has_date() else "other"


@dataclass
class Expr:
    """One time expression: its token range, rule, label and one or two sides (a range)."""

    start: int
    end: int
    rule: str
    label: str
    sides: list[tuple[int, int]]  # one side, or two for a range
    # "a week from Friday": the first side is a length counted from the day the second names.
    offset: bool = False
    # "the week after Thanksgiving": the first side is a day or period next to ("after" / "before")
    # the day the second names.
    anchor: str | None = None
    # The clock cue cut off in front of a bare number: "at 2" is a clock time, "2" alone is not.
    cue: str = ""


def join_atoms(words: list[str], atoms: list[Atom], lex: TimeLexicon, now_year: int) -> list[Expr]:
    """Join neighbouring atoms into expressions; a dangling PART atom is dropped."""
    exprs: list[Expr] = []
    feats: list[Features] = []
    for k, a in enumerate(atoms):
        f = read_features(words[a.start:a.end], lex, now_year)
        if exprs:
            last, lf = exprs[-1], feats[-1]
            # A longer gap never joins: read the line breaks out only of gaps that might ("Friday\nat 3pm").
            gap = unwrapped(words, last.end, a.start) if a.start - last.end <= 6 else words[last.end:a.start]
            # (A bracket that closes one opened before the atoms joins nothing: "8am PT (11am ET) on Thursday".)
            if gap[:2] == ["local", "time"]:  # "at 6 a.m. local time Monday": the day of that clock time
                gap = gap[2:]
            joinable = all(w in _JOINERS for w in gap) and len(gap) <= 3 \
                and not (")" in gap and "(" not in gap and "(" not in words[last.start:last.end]) \
                and not (gap and words[a.start] in _CUE_OPENERS)
            # "9am-5pm ET, Monday through Friday": a day that opens a range of days stays with it.
            opens_range = "," in gap and k + 1 < len(atoms) and kind_of(lf) == "clock" \
                and _range_word(unwrapped(words, a.end, atoms[k + 1].start)) and atoms[k + 1].label == "DATE"
            zoned_hour = not gap and kind_of(f) == "zone" and _bare_hour(lf) and _zone_ends(words, a)
            if joinable and not opens_range and (_compatible(lf, f, last.label, a.label, gap, lex) or zoned_hour):
                if zoned_hour:
                    last.cue = last.cue or "at"  # "Does 10 Pacific work?", "3 ET on Thursday": a clock time
                last.end = a.end
                last.sides[-1] = (last.sides[-1][0], a.end)
                if "(" in gap and a.end < len(words) and words[a.end] == ")":
                    last.end += 1  # "Next Friday (the 4th)": the span closes the bracket it opened
                # A PART ("between", "early", "the week of") or a zone takes the rule of what it joins:
                # "between" + "Dec 2nd and 4th" is read as a month-day-range, cut at its "and".
                last.rule = last.rule if last.label != "PART" and last.rule not in ("zone", "period-part",
                                                                                      "week-of") else a.rule
                if a.rule == "clock-range" and len(last.sides) == 1:
                    last.rule = a.rule  # "Saturday, November 23 from 6 to 10am": cut as a range of that day
                last.label = last.label if last.label != "PART" else a.label
                feats[-1] = read_features(words[last.sides[-1][0]:a.end], lex, now_year)
                continue
            is_range = len(gap) == 1 and gap[0] in RANGE and (gap[0] != "and" or words[last.start] == "between") \
                and not moving_from(words, last.start) and not _bullet(words, last.end, a.start)
            side = a.start
            if not gap and a.end - a.start > 1 and _range_word(words[a.start:a.start + 1]) and _names_day(lf):
                # "from 12/24 through 1/1": the range word opened the second date's own atom.
                tail = read_features(words[a.start + 1:a.end], lex, now_year)
                # (not where something moves from the first to the second: "move our call from Tue to Wed")
                if _names_day(tail) and not moving_from(words, last.start):
                    is_range, side, f = True, a.start + 1, tail
            # Like with like, or a dated clock time to a clock time ("Saturday 11pm–3am", "9am Monday to
            # 5pm Friday": the day of the end may still join it).
            kinds = (kind_of(lf), kind_of(f))
            if is_range and kinds == ("clock", "other"):
                # "9:30-10 tomorrow": a bare number read alone is a count; after a clock and a range word it is
                # the clock time the range ends at.
                f = range_end(words, a.start, a.end, lex, now_year) or f
                kinds = (kinds[0], kind_of(f))
            if is_range and kinds == ("other", "clock") and last.end - last.start == 1 and lf.unit is None \
                    and lf.count is not None and 1 <= lf.count <= 12 and f.hour is None and f.pod is not None:
                kinds = ("clock", "clock")  # "11-noon": a bare hour before a range word and noon or midnight
            if is_range and len(last.sides) == 1 and last.label in ("DATE", "TIME", "PART") \
                    and a.label in ("DATE", "TIME") and (kinds in (("date", "date"), ("clock", "clock")) or (
                        kinds == ("date", "clock") and lf.hour is not None)):
                last.sides.append((side, a.end))
                last.end = a.end
                last.label = "TIME" if kinds == ("clock", "clock") else "DATE"
                feats[-1] = f
                continue
        exprs.append(Expr(a.start, a.end, a.rule, a.label, [(a.start, a.end)]))
        feats.append(f)
    if any(_moved_range(words, e) for e in exprs):
        exprs = [part for e in exprs for part in _split_move(words, e)]
    joined = _offsets(words, exprs, lex, now_year)
    return [e for e in (_unit_alone(words, e) for e in joined) if e.label != "PART" or len(e.sides) > 1]


def _bare_hour(f: Features) -> bool:
    """A number alone that can be an hour of the clock ("10", "3")."""
    return f.hour is None and f.unit is None and f.count is not None and len(f.words) == 1 \
        and float(f.count).is_integer() and 1 <= f.count <= 12


# After a zone spelled out, what lets a bare number before it be a clock time ("10 Pacific works", "3 Eastern on
# Thursday"; not "10 Pacific islands", "3 Central American countries").
_AFTER_SPELLED_ZONE = frozenset({"time", "works", "work", "would", "could", "is", "on", "or", "and", "tomorrow",
                                 "today", "tonight", "this", "next", "for", "instead", "then", "ok", "okay"})


def _zone_ends(words: list[str], zone: Atom) -> bool:
    """Whether the zone word at `zone` ends a clock time: an abbreviation always ("10 PT"), a spelled-out zone only
    before a stop or a word that goes on with a time."""
    if words[zone.start] not in ("pacific", "eastern", "central", "mountain"):
        return True
    nxt = words[zone.end] if zone.end < len(words) else ""
    return not nxt or not nxt[:1].isalnum() or nxt in _AFTER_SPELLED_ZONE or nxt.isspace()


def _bullet(words: list[str], end: int, start: int) -> bool:
    """Whether the dash between two times opens a list item on a new line ("at 9:30am PT\n- Wednesday, March 12"):
    the times are two list items, not a range."""
    if start - 2 < end or words[start - 1] not in ("-", "–", "—"):
        return False
    return "\n" in words[start - 2]


def _moved_range(words: list[str], e: Expr) -> bool:
    """Whether `e` is a range one pattern read whole ("the 10th to the 17th", "2pm to 4pm") where something moves
    from the first time to the second ("push the demo from the 10th to the 17th")."""
    return len(e.sides) == 1 and e.rule.endswith("-range") and moving_from(words, e.start)


def _split_move(words: list[str], e: Expr) -> list[Expr]:
    """A moved range (`_moved_range`) as its two times, the one moved from and the one moved to; `[e]` otherwise."""
    if not _moved_range(words, e):
        return [e]
    start = e.start + 1 if words[e.start] == "from" else e.start
    cut = next((i for i in range(start + 1, e.end - 1) if words[i] in RANGE and words[i] != "and"), None)
    if cut is None:
        return [e]
    return [Expr(start, cut, e.rule, e.label, [(start, cut)], cue=e.cue),
            Expr(cut + 1, e.end, e.rule, e.label, [(cut + 1, e.end)])]


def _unit_alone(words: list[str], e: Expr) -> Expr:
    """"the weekend of" with no date after it ("the weekend of fun") is still "the weekend" (but not before a
    number that may be a date it failed to read: "the week of 10/8")."""
    if e.label != "PART" or e.rule != "week-of" or len(e.sides) != 1 or words[e.end - 1] != "of" \
            or len(unwrapped(words, e.start, e.end)) != 3:
        return e  # ("w/c" with no date is no time)
    nxt = skip_wraps(words, e.end, len(words))
    if nxt < len(words) and words[nxt][:1].isdigit():
        return e
    end = _back_over_wraps(words, e.start, e.end - 1)
    return Expr(e.start, end, "the-unit", "DATE", [(e.start, end)])


def range_end(words: list[str], start: int, end: int, lex: TimeLexicon, now_year: int) -> Features | None:
    """The features of the side of a range at `start`, read with the range word before it (None if there is none)."""
    k = start - 1
    while k > 0 and is_wrap(words[k]):
        k -= 1
    return read_features(words[k:end], lex, now_year) if k >= 0 and words[k] in RANGE else None


def _range_word(gap: list[str]) -> bool:
    return len(gap) == 1 and gap[0] in RANGE and gap[0] != "and"


def _offsets(words: list[str], exprs: list[Expr], lex: TimeLexicon, now_year: int) -> list[Expr]:
    """Join a length and the day it counts from: "two weeks" + "from Monday" is one date, two weeks on."""
    out: list[Expr] = []
    for e in exprs:
        last = out[-1] if out else None
        if last is not None and (anchored := _anchored(words, last, e, lex, now_year)) is not None:
            out[-1] = anchored
            continue
        if last is not None and (counted := _counted(words, last, e, lex, now_year)) is not None:
            out[-1] = counted
            continue
        if last is not None and last.label == "DURATION" and len(last.sides) == 1 and e.label == "DATE" \
                and len(e.sides) == 1 and not unwrapped(words, last.end, e.start):
            # "from" opened the day's atom ("from Monday") or closed the length's ("a week from").
            head = (last.start, last.end - 1) if words[last.end - 1] == "from" else (last.start, last.end)
            tail = (skip_wraps(words, e.start + 1, e.end), e.end) if words[e.start] == "from" else (e.start, e.end)
            length = read_features(words[head[0]:head[1]], lex, now_year)
            day = read_features(words[tail[0]:tail[1]], lex, now_year)
            if (head[1] < last.end) != (tail[0] > e.start) and tail[0] < tail[1] and length.count is not None \
                    and length.unit is not None and kind_of(day) == "date":
                out[-1] = Expr(last.start, e.end, e.rule, "DATE", [head, tail], offset=True)
                continue
        out.append(e)
    return [_event_anchored(words, e) for e in out]


def _counted(words: list[str], last: Expr, e: Expr, lex: TimeLexicon, now_year: int) -> Expr | None:
    """"two days before Christmas", "three weeks after March 5": a length counted back or on from a day."""
    if last.rule != "relative-ago" or len(last.sides) != 1 or words[last.end - 1] not in _ANCHOR_WORDS \
            or e.label != "DATE" or len(e.sides) != 1 or e.offset or e.anchor or unwrapped(words, last.end, e.start):
        return None
    head = (last.start, _back_over_wraps(words, last.start, last.end - 1))
    length = read_features(words[head[0]:head[1]], lex, now_year)
    if length.count is None or length.unit is None or kind_of(read_features(words[e.start:e.end], lex, now_year)) \
            != "date":
        return None
    return Expr(last.start, e.end, e.rule, "DATE", [head, (e.start, e.end)], offset=True, anchor=words[last.end - 1])


def _event_anchored(words: list[str], e: Expr) -> Expr:
    """"90 days after their issue date", "a week before the launch": counted from an event, not from now,
    so only the length is a time expression (a DURATION, as TimeML marks it). "two days before." and
    "two days before, and" still count back from now."""
    if e.rule != "relative-ago" or e.offset or len(e.sides) != 1 or words[e.end - 1] not in _ANCHOR_WORDS:
        return e
    nxt = skip_wraps(words, e.end, len(words))
    if nxt == len(words) or not words[nxt][:1].isalnum() or words[nxt] in _CLAUSE_LINKS:
        return e
    end = _back_over_wraps(words, e.start, e.end - 1)
    return Expr(e.start, end, "duration", "DURATION", [(e.start, end)])


_CLAUSE_LINKS = frozenset({"and", "or", "but", "so"})


def _back_over_wraps(words: list[str], start: int, end: int) -> int:
    """`end` moved back over the line breaks that end words[start:end]."""
    while end > start + 1 and is_wrap(words[end - 1]):
        end -= 1
    return end


_ANCHOR_WORDS = ("after", "before")
_ANCHOR_UNITS = frozenset({"day", "week", "weekend", "month"})


def _anchored(words: list[str], last: Expr, e: Expr, lex: TimeLexicon, now_year: int) -> Expr | None:
    """"the week after Thanksgiving", "the Monday after the 14th", "the day before Dec 3" as one date."""
    # At most one word may lie between, and line breaks never stand next to each other: three tokens at most.
    if e.label != "DATE" or len(e.sides) != 1 or len(last.sides) != 1 or e.offset or e.start - last.end > 3:
        return None
    gap = unwrapped(words, last.end, e.start)  # "the week after\nThanksgiving" is wrapped, not apart
    if last.label == "PART" and last.rule == "day-anchor" and not gap:
        head, word, tail = (last.start, last.end - 1), words[last.end - 1], (e.start, e.end)  # "the day after"
    elif last.label == "DATE" and len(gap) == 1 and gap[0] in _ANCHOR_WORDS:
        head, word, tail = (last.start, last.end), gap[0], (e.start, e.end)
    elif last.label == "DATE" and not gap and words[e.start] in _ANCHOR_WORDS:
        head, word = (last.start, last.end), words[e.start]  # "after" opened the atom
        tail = (skip_wraps(words, e.start + 1, e.end), e.end)
    else:
        return None
    period = read_features(words[head[0]:head[1]], lex, now_year)
    day = read_features(words[tail[0]:tail[1]], lex, now_year)
    bare_weekday = period.weekday is not None and period.unit is None and period.month is None \
        and period.dom is None and period.rel is None
    bare_unit = period.unit in _ANCHOR_UNITS and period.rel is None and period.count is None \
        and period.weekday is None and period.dom is None and period.month is None and words[head[0]] == "the"
    if tail[0] >= tail[1] or kind_of(day) != "date" or not (bare_weekday or bare_unit):
        return None
    return Expr(head[0], e.end, e.rule, "DATE", [head, tail], anchor=word)


def _compatible(a: Features, b: Features, la: str, lb: str, gap: list[str], lex: TimeLexicon) -> bool:
    """Whether two neighbouring atoms are parts of one expression rather than two expressions."""
    if lb == "PART" and b.zone is None:
        return False
    if la == "PART":
        # ("start" is a part only before "of": "the start of 2015", not "start Monday")
        opener = a.words[:1] in (["between"], ["from"]) or (a.words[-1:] == ["start"] and (
            gap == ["of"] or (not gap and b.words[:1] == ["of"])))
        # "end March" is the end of March, but "tickets end Friday", "end 11/30": a verb before a day.
        if a.words[-1:] in (["end"], ["close"], ["beginning"], ["middle"]) and gap != ["of"] and not a.week_of and (
                b.weekday is not None or b.dom is not None or b.numeric is not None or b.day_offset is not None):
            return False
        # "if we close this quarter", "to close next month": without "of", "close" is the verb (a deal closes).
        if a.words[-1:] == ["close"] and gap != ["of"]:
            return False
        # ("early in the week", "late in the year": a part of the period after "in" too)
        return lb in ("DATE", "TIME") and (a.part is not None or a.week_of or a.week_ending or a.weekend_of or opener) \
            and (gap in ([], ["of"]) or (gap == ["in"] and a.part is not None and b.unit in _PERIOD_UNITS
                                         and b.words[:1] == ["the"] and len(b.words) == 2))
    if la == "SET" and gap in ([], ["at"]) and ((lb == "TIME" and kind_of(b) == "clock" and b.hour is not None)
                                                 or (kind_of(b) == "zone" and a.hour is not None and a.zone is None)):
        return True  # "every Tuesday at 11am PT": the clock time of each, and its zone
    if "DURATION" in (la, lb) or "SET" in (la, lb):
        return False
    ka, kb = kind_of(a), kind_of(b)
    if kb == "zone":  # "3pm PT", "noon ET"
        return (a.hour is not None or a.pod is not None) and a.zone is None
    if ka == kb == "clock" and gap == ["in"] and a.hour is not None and a.meridiem is None and a.pod is None \
            and b.hour is None and b.pod is not None:
        return True  # "at 4 in the morning", "7 in the evening": the part of the day says am or pm ("3am" has it)
    if ka == kb == "clock" and not gap and a.hour is not None and a.pod is None and b.hour is None \
            and b.pod is not None and b.rel is not None and a.zone is None:
        return True  # "at 5:45 this morning", "8 last night": the clock time of that part of that day
    if {ka, kb} == {"date", "clock"}:
        clock = b if kb == "clock" else a
        if a.hour is not None and b.hour is not None:
            return False  # "Thursday 8am PT (11am ET)": a second clock time is the slot in another zone, or another
        pod = clock.pod
        if a.pod is not None and b.pod is not None and clock.hour is None and pod is not None and pod[1] - pod[0] > 1:
            return False  # "tonight's the night": a part of the day names no further part of it ("midnight" does)
        # A clock time set off by a comma from a week or longer is another expression: "last week, by
        # 3pm on Friday" (but "next week at 3pm" is one).
        day = a if ka == "date" else b
        return "," not in gap or not (
            day.unit in _PERIOD_UNITS and day.weekday is None and day.dom is None and day.day_offset is None)
    if ka == "date" and kb == "date":
        if a.weekday is not None and b.weekday is None and (b.month is not None or b.dom is not None
                                                              or b.numeric is not None):
            return True
        # "14th December Friday": the weekday after the date is the same day's.
        if b.weekday is not None and b.month is None and b.dom is None and b.rel is None and a.weekday is None \
                and a.month is not None and a.dom is not None and gap in ([], [","]):
            return True
        # "the month of April": the month named.
        if a.words == ["the", "month"] and not gap and b.words[:1] == ["of"] and b.month is not None and b.dom is None:
            return True
        periodic = a.month is not None or a.quarter is not None or a.half is not None or a.season is not None
        # "March 2024", "Q3 of 1989", "Mon, Jul 8, 2024" (a weekday alone takes no year).
        if a.year is None and b.year is not None and b.month is None and b.quarter is None and periodic \
                and (a.weekday is None or a.dom is not None) and gap in ([], [","], ["of"], ["in"]):
            return True
        if a.unit == "year" and a.rel is not None and (b.quarter is not None or b.half is not None):
            return True
        if a.unit == "week" and a.rel is not None and a.count is None and b.weekday is not None \
                and b.month is None and b.dom is None and b.rel is None and gap in ([], [","], ["on"]):
            return True  # "next week on Tuesday"
        # "Monday next week", "Tuesday of next week"; "the 1st of next month"; "Q1 of next year".
        if gap in ([], [","], ["of"]) and b.rel is not None and b.count is None and b.weekday is None \
                and b.dom is None and b.month is None and (
                (b.unit == "week" and a.weekday is not None and a.month is None and a.dom is None)
                or (b.unit == "month" and a.dom is not None and a.month is None and a.weekday is None)
                or (b.unit == "year" and (a.quarter is not None or a.half is not None) and a.year is None)):
            return True
        # "the last Friday of the month", "the 2nd Tuesday of next month".
        if a.weekday is not None and a.words[-2:-1] and a.words[-2] in lex["nth_ordinal"] and b.unit == "month" \
                and b.count is None and gap in ([], ["of"], ["in"]):
            return True
        # "the first half of January" ("of" may open the month's own atom); "the first half of 2025" is H1.
        if a.half is not None and a.year is None and gap in ([], ["of"]) \
                and (b.month is not None or b.unit in ("week", "month")):
            return True
        if a.day_offset is not None and b.pod is not None:
            return True
        # "COB Friday", "tomorrow EOD", "end of day on the 14th": the deadline's hour on that day.
        if (a.shorthand in _DAY_ENDS) != (b.shorthand in _DAY_ENDS) and _names_day(b if a.shorthand else a):
            return True
    return False


_DAY_ENDS = frozenset({"day", "cob"})  # shorthand that ends a day: EOD, COB, end of day, close of business


def _names_day(f: Features) -> bool:
    """Whether `f` names one day ("Friday", "tomorrow", "Dec 3", "12/3", "the 14th") and no shorthand."""
    return f.shorthand is None and f.unit is None and (
        f.weekday is not None or f.day_offset is not None or f.numeric is not None or f.dom is not None)
