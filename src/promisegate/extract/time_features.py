"""Read the tokens of one matched time expression into calendar features (no arithmetic here)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from promisegate.extract.time_lexicon import TimeLexicon

_DOM = re.compile(r"^(\d{1,2})(st|nd|rd|th)?$")
_YEAR = re.compile(r"^(1[6-9]\d\d|20\d\d)$")
_YEAR2 = re.compile(r"^['’](\d\d)$")
# "2:30p", "4p": mail shorthand; "21:35:53": seconds, read to the minute
_CLOCK = re.compile(r"^(\d{1,2})(?:[:.h](\d\d)(?::[0-5]\d)?)?(am|pm|a\.m\.?|p\.m\.?|a|p)?$")
_CLOCK_HOURS = frozenset(float(h) for h in range(1, 13))
_H_CLOCK = re.compile(r"^([01]?\d|2[0-3])h$")
_H_CUES = frozenset({"", "at", "@", "from", "until"})  # (only the clock patterns make an atom of "16h")
_HMM = re.compile(r"^(\d{1,2})(\d\d)$")
_MILITARY = re.compile(r"^([01]\d|2[0-3])([0-5]\d)$")
# "q3", "3q", "h1", and "1h" before a year ("1H 2027"; "1h" alone is an hour).
_QUARTER = re.compile(r"^(?:q([1-4])|([1-4])q|h([12])|([12])h)(?:['’]?(\d{2}|\d{4}))?$")
_YEAR_WORD = re.compile(r"^(1[6-9]\d\d|20\d\d|['’]\d\d)$")
_FISCAL = re.compile(r"^[fc]y['’]?(\d{2}|\d{4})$")  # FY27, CY2027 (the calendar year; FY is read as one too)
# "the week of / commencing / beginning / starting 7 Dec": the week that day begins ("wk ending 12/15" the days to it).
_WEEK = frozenset({"week", "wk", "wk."})
_HALF_SIDES = {"front": 1, "back": 2, "latter": 2}
_WEEK_OF = frozenset({"of", "commencing", "beginning", "starting"})
_NUMERIC_DATE = re.compile(r"^(\d{1,4})[/.-](\d{1,2})(?:[/.-](\d{2,4}))?$")
_DECADE = re.compile(r"^['’]?(\d{2,4})['’]?s$")
_CENTURY = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_GMT_OFFSET = re.compile(r"^(?:utc|gmt)([+-−])(\d{1,2})(:?[1-5]\d)?(?::?00)?$")
_DIGITS = re.compile(r"^\d+(\.\d+)?$")
_JOINED = re.compile(r"^(?:([a-z]{3,9})\.?(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})([a-z]{3,9}))$")  # "jan21", "26nov"
_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DECADE_WORDS = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                 "seventies": 70, "eighties": 80, "nineties": 90}


@dataclass
class Features:
    """What one side of a time expression says; None means "not said"."""

    weekday: int | None = None
    month: int | None = None
    dom: int | None = None
    year: int | None = None
    numeric: tuple[int, int, int | None] | None = None  # (a, b, year) from "3/14/2025"
    hour: int | None = None
    minute: int | None = None
    meridiem: str | None = None
    clock24: bool = False  # "02:30", "14:00": a 24-hour clock, never moved to the afternoon
    pod: tuple[int, int] | None = None
    zone: str | None = None
    rel: int | None = None
    count: float | None = None
    unit: str | None = None
    offset_sign: int = 0  # -1 "ago/earlier", +1 "later/from now"
    day_offset: int | None = None  # today/tomorrow/yesterday
    deictic: str | None = None  # now / recent / future / past
    quarter: int | None = None
    half: int | None = None
    season: tuple[int, int] | None = None
    holiday: tuple[int, ...] | None = None
    holiday_days: int | None = None  # a holiday period: how many days from the holiday's day ("the holidays")
    decade: int | None = None
    century: int | None = None
    part: tuple[float, float] | None = None
    shorthand: str | None = None
    bound: str | None = None  # by / before / within / in
    business: bool = False
    week_of: bool = False
    week_ending: bool = False
    weekend_of: bool = False  # "the weekend of the 12th"
    nth_week: int | None = None
    nth_week_to: int | None = None  # "the 2nd or 3rd week of January": the last of the weeks named
    nth_weekday: int | None = None  # "the first Monday of February": 1 (-1 for the last)
    iso_week: int | None = None  # "week 49", "KW 49"
    edge_day: int | None = None  # "the first day of", "the last business day of": 1 or -1
    is_set: bool = False
    explicit_year: bool = False
    words: list[str] = field(default_factory=list)

    def has_date(self) -> bool:
        """Whether this side names a day or a period, not only a clock time."""
        return not (self.weekday is None and self.month is None and self.dom is None and self.year is None
                    and self.numeric is None and self.day_offset is None and self.quarter is None
                    and self.half is None and self.season is None and self.holiday is None
                    and self.decade is None and self.century is None and self.unit is None and self.iso_week is None
                    and self.deictic is None and self.shorthand is None)


def _number(words: list[str], i: int, lex: TimeLexicon) -> tuple[float | None, int]:
    """Read a count starting at words[i] ("24", "twenty four", "a couple of"); return (value, next i)."""
    w = words[i]
    if _DIGITS.match(w):
        value, j = float(w), i + 1
        if j < len(words) and words[j] in ("1/2", "½"):
            return value + 0.5, j + 1  # "2 1/2 years"
        if words[j:j + 3] == ["and", "a", "half"]:
            return value + 0.5, j + 3  # "2 and a half years"
        return value, j
    table = lex["number_word"]
    if w not in table and w not in _TENS:
        return None, i
    total = 0.0
    j = i
    while j < len(words) and (words[j] in table or words[j] in _TENS or words[j] in ("-", "of", "and")):
        v = words[j]
        if v in ("-", "of", "and"):
            j += 1
            continue
        n = table.get(v, _TENS.get(v, 0))
        if v == "hundred":
            total = max(total, 1) * 100
        elif v in ("a", "an") and total:
            pass
        elif v in ("few", "several", "couple") and total == 1:
            total = n  # "a few", "a couple"
        else:
            total += n
        j += 1
    if words[j - 2:j + 1] == ["and", "a", "half"]:
        return total + 0.5, j + 1  # "two and a half years" (the loop read "and a" as nothing more)
    while j > i and words[j - 1] in ("-", "of", "and"):
        j -= 1
    return total, j


_MEMO_LIMIT = 50_000


def read_features(words: list[str], lex: TimeLexicon, now_year: int) -> Features:
    """Scan lower-case token texts of one expression (or one side of a range).

    The result is memoised and shared: take `copy()` of it before changing it.
    """
    key = (tuple(words), now_year)
    known = lex.memo.get(key)
    if known is None:
        if len(lex.memo) >= _MEMO_LIMIT:
            lex.memo.clear()
        # A line break inside the expression ("the next\ntwo weeks") is no word of it.
        known = lex.memo[key] = _read_features([u for w in words if not w.isspace() for u in _unish(w)], lex,
                                               now_year)
    return known


_MIDNIGHT = (0, 1)


# "8ish", "3:30ish", "noonish": about that time, read as the time itself ("8ish" as "at 8", a clock for sure).
_ISH = re.compile(r"^(\d{1,2}(?::\d\d)?|\d{1,2}(?:am|pm)|noon|midnight)ish$")


def _unish(w: str) -> tuple[str, ...]:
    m = _ISH.match(w)
    if m is None:
        return (w,)
    base = m.group(1)
    return ("at", base) if base.isdigit() else (base,)


def _read_features(words: list[str], lex: TimeLexicon, now_year: int) -> Features:
    f = Features(words=words)
    months, weekdays = lex.months, lex.weekdays
    n = len(words)
    i = 0
    while i < n:
        w = words[i]
        prev = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < n else ""
        if w == "half" and nxt in ("a", "an") and i + 2 < n and words[i + 2] in lex["unit"]:
            f.count = 0.5  # "half an hour", "half a day"
            i += 2
            continue
        if w == "and" and words[i + 1:i + 3] == ["a", "half"] and f.unit is not None:
            f.count = (f.count or 1) + 0.5  # "an hour and a half", "a week and a half"
            i += 3
            continue
        if w == "12" and nxt in ("noon", "midnight", "midday"):
            i += 1  # "12 noon", "12 midnight": the part of the day says which 12
            continue
        if i == 0 and words[:3] in (["no", "later", "than"], ["on", "or", "before"]):
            f.bound = "by"  # "on or before Jan 15" includes the 15th, as "by" does
            i = 3
            continue
        if w in ("half", "quarter") and nxt in ("past", "after", "to", "till", "of") and i + 2 < n:
            value, j = _number(words, i + 2, lex)
            if j == i + 3 and value in _CLOCK_HOURS:
                # "half past ten", "quarter to five": the minutes either side of an hour.
                hour, minutes = int(value), 30 if w == "half" else 15
                if nxt in ("to", "till", "of"):
                    hour, minutes = (hour - 2) % 12 + 1, 60 - minutes
                f.hour, f.minute = hour, minutes
                i += 3
                continue
        if w == "w" and nxt == "/" and i + 2 < n and words[i + 2] in ("c", "b"):
            f.week_of = True  # "w/c 7 Dec": the week commencing (beginning) that day
            i += 3
            continue
        if w in ("first", "last") and (end := _edge_day_end(words, i + 1)) is not None:
            f.edge_day = 1 if w == "first" else -1  # "the last (business) day of the quarter": its day
            f.business = f.business or words[i + 1] in ("business", "working")
            i = end
            continue
        if w in ("week", "wk", "kw", "cw") and i + 1 < n and nxt.isdigit() and 1 <= int(nxt) <= 53 \
                and f.year is None:
            if 1 <= int(nxt) <= 5 and i + 2 < n and words[i + 2] in ("of", "in"):
                f.nth_week = int(nxt)  # "week 2 of January": its second week, as "the second week of January"
            else:
                f.iso_week = int(nxt)  # "week 49", "KW 49": the ISO week of the year
            i += 2
            continue
        if i == 0 and w in lex["bound_before"]:
            f.bound = "before" if w == "before" else "by"
        elif i == 0 and w in lex["bound_within"]:
            f.bound = "within"
        elif i == 0 and w == "in" and n > 2:
            f.bound = "in"
        elif w in ("every", "each", "everyday", "daily", "weekly", "monthly", "quarterly", "annually",
                   "yearly", "hourly", "nightly", "biweekly", "once", "twice", "per"):
            f.is_set = True
            unit = {"daily": "day", "everyday": "day", "weekly": "week", "biweekly": "week", "monthly": "month",
                    "quarterly": "quarter", "annually": "year", "yearly": "year", "hourly": "hour",
                    "nightly": "day"}.get(w)
            f.unit = f.unit or unit
        elif w in lex["shorthand"]:
            f.shorthand = lex["shorthand"][w][0]
        elif w in ("end", "close") and nxt == "of" and (last := _day_end(words, i + 2)) is not None:
            # "end of day", "close of business", "end of the business day": the words after it
            # ("Friday", "tomorrow") name the day it ends.
            f.shorthand = "cob" if words[last] in ("business", "play") else "day"
            i = last + 1
            continue
        elif ((w in lex["period_part"] and w != "start") or (w == "start" and nxt == "of")) \
                and not (w in _WEEK_OF and prev in _WEEK):  # ("the week beginning Jan 6": no part of a week)
            lo, hi = lex["period_part"][w]
            # ("mid-to-late January": from the first part to the end of the second)
            f.part = (float(lo), float(hi)) if f.part is None else (f.part[0], float(hi))
        elif w in weekdays:  # an abbreviation reaches here only with the context a pattern asked for
            if f.weekday is None:
                f.weekday = weekdays[w]
                if prev in lex["ordinal"] and nxt in ("of", "in") and f.nth_week is None:
                    f.nth_weekday = -1 if prev == "last" else int(lex["ordinal"][prev])
                    if prev[:1].isdigit():
                        f.dom = None  # "the 2nd Tuesday of": the 2nd was read as a day of the month
        elif w in months and not (w in lex["month_ambiguous"] and f.month is not None):
            if f.month is None:
                f.month = months[w]
        elif w in lex["deictic"]:
            kind, value = lex["deictic"][w]
            if kind == "day":
                f.day_offset = int(value)
                if i >= 2 and words[i - 2] == "day" and prev in ("after", "before"):
                    f.day_offset += 1 if prev == "after" else -1  # "the day after tomorrow"
            elif kind == "night":
                f.day_offset, f.pod = 0, f.pod if f.pod == _MIDNIGHT else (18, 24)
            else:
                f.deictic = kind
        elif w in ("past", "previously", "formerly") and (nxt in ("", "the") or (prev == "the" and nxt == "")):
            f.deictic = "past"
        elif w in lex["part_of_day"] and not (w in ("night", "nights") and prev in ("last", "lst") and f.unit):
            lo, hi = lex["part_of_day"][w]
            f.pod = (int(lo), int(hi))
            if prev in ("last", "lst"):
                f.day_offset, f.rel = -1, None
        elif w.replace(".", "") in ("am", "pm") and f.hour is None \
                and (prev == "this" or f.weekday is not None or f.day_offset is not None):
            # "got my flu shot this am", "see you this pm": this morning, this afternoon; "Monday AM", "tomorrow
            # pm", "Thurs a.m.": that day's morning or afternoon
            if prev == "this":
                f.day_offset, f.rel = 0, None
            f.pod = (6, 12) if w.startswith("a") else (12, 18)
        elif w in lex["meridiem"] or w.rstrip(".") in ("am", "pm"):
            f.meridiem = "pm" if w.startswith("p") else "am"
        elif w in lex["zone_city"] and nxt == "time":
            f.zone = lex["zone_city"][w]
        elif (m := _GMT_OFFSET.match(w)) is not None and int(m.group(2)) <= 14 and not m.group(3):
            # "3pm GMT+1", "UTC-5": a whole-hour offset is the IANA zone Etc/GMT with the sign turned round.
            hours = int(m.group(2))
            f.zone = "Etc/GMT" if hours == 0 else f"Etc/GMT{'-' if m.group(1) == '+' else '+'}{hours}"
        elif w in lex["zone"]:
            # "Pacific" is a zone in "Pacific time" or right after a clock ("9am Pacific"), not in "Pacific
            # islands"; read alone (the capitalised zone atom) it is one, and joins only a clock time.
            if w not in ("central", "pacific", "eastern", "mountain") or "time" in words or "standard" in words \
                    or n == 1 or (prev not in ("the", "") and (f.hour is not None or f.pod is not None)):
                f.zone = lex["zone"][w]
        elif w in lex["relative"] and not (w == "last" and nxt in ("night",)):
            if w == "last" and i + 1 < n and words[i + 1] in lex["ordinal"]:
                pass
            elif w == "last" and (nxt in ("week", "weekend") or nxt in weekdays) and i + 2 < n \
                    and words[i + 2] in ("of", "in"):
                pass  # "the last week of May", "the last Friday of the month": an ordinal, not "last week"
            else:
                f.rel = int(lex["relative"][w])
                if w == "next" and prev == "after" and f.unit is not None and f.weekday is None:
                    f.rel = 2  # "the week after next"
        elif w == "half" and prev in _HALF_SIDES and f.quarter is None:
            f.half = _HALF_SIDES[prev]  # "the back half of January": its second half
        elif w in ("quarter", "half") and prev in lex["ordinal"] and f.quarter is None:
            if w == "quarter":
                f.quarter = max(1, min(4, int(lex["ordinal"][prev]))) if prev != "last" else 4
            else:
                f.half = 1 if lex["ordinal"][prev] == 1 else 2
        elif w in lex["unit"] and f.unit is None:
            f.unit = lex["unit"][w]
            if f.count is None and w.endswith("s") and prev in ("coming", "next", "past", "recent"):
                f.count = 3  # "the coming days", "the past weeks": a few of them, as "the next few days"
            if w == "quarter" and f.quarter is None and prev in lex["ordinal"]:
                f.quarter, f.unit = max(1, min(4, int(lex["ordinal"][prev]))) if prev != "last" else 4, None
            elif w == "half" and prev in lex["ordinal"]:
                f.half, f.unit = (1 if lex["ordinal"][prev] == 1 else 2), None
            elif w == "weeks" and i >= 2 and words[i - 2] in ("first", "last", "final") and nxt in ("of", "in") \
                    and _COUNT_OF_WEEKS.get(prev):
                # "the last two weeks of December", "the first 2 weeks of January": whole weeks from the month's edge
                count = _COUNT_OF_WEEKS[prev]
                f.nth_week, f.nth_week_to = (1, count) if words[i - 2] == "first" else (-count, None)
                f.unit = f.count = f.rel = None
            elif w in ("week", "weekend", "weeks") and prev in lex["ordinal"] and nxt in ("of", "in"):
                f.nth_week, f.unit = int(lex["ordinal"][prev]), None
                if i >= 3 and words[i - 2] in ("or", "and", "to", "-", "–", "/") and words[i - 3] in lex["ordinal"] \
                        and words[i - 3] != "last":  # "the 2nd or 3rd week of January": from the 2nd to the 3rd
                    f.nth_week, f.nth_week_to = int(lex["ordinal"][words[i - 3]]), f.nth_week
                    f.dom = None
                if prev[:1].isdigit():
                    f.dom = None  # "the 2nd week": the 2nd was read as a day of the month
            elif w in _WEEK and nxt in _WEEK_OF:
                f.week_of, f.unit = True, None  # ("the week commencing 7 December": the week that day begins)
            elif w in _WEEK and nxt == "ending":
                f.week_ending, f.unit = True, None  # "wk ending 12/15": the seven days to that day
            elif w == "weekend" and nxt == "of":
                f.weekend_of, f.unit = True, None
        elif w in ("ago", "earlier", "before", "back") and f.unit:
            f.offset_sign = -1
        elif (w in ("later", "after", "hence") and f.unit and nxt != "next") \
                or (w == "from" and nxt in ("now", "today", "tomorrow")):
            f.offset_sign = 1
            if w == "from":
                if nxt == "tomorrow":
                    f.day_offset = 1  # "two weeks from tomorrow": counted from tomorrow
                break
        elif w in ("business", "working"):
            f.business = True
        elif w in lex["season"]:
            a, b = lex["season"][w]
            f.season = (int(a), int(b))
        elif w in lex["holiday_period"] and (f.holiday is not None or w not in ("break", "shutdown")):
            month, day, days = lex["holiday_period"][w]  # "the holidays"; "the Christmas break" only after a holiday
            f.holiday, f.holiday_days = (int(month), int(day)), int(days)
        elif w in lex["holiday"] or w.replace("'s", "").replace("’s", "") in lex["holiday"]:
            f.holiday = tuple(lex["holiday"][w.replace("'s", "").replace("’s", "")])
        elif f"{w} {nxt}" in lex["holiday_rule"]:  # "black friday", "cyber monday", "easter monday"
            f.holiday = tuple(lex["holiday_rule"][f"{w} {nxt}"])
            i += 2
            continue
        elif (w in lex["holiday_rule"] and (nxt == "day" or (nxt in ("'", "’") and words[i + 2:i + 3] == ["day"]))) \
                or w in ("thanksgiving", "easter"):  # ("Presidents' Day")
            f.holiday = tuple(lex["holiday_rule"][w])
        elif w == "new" and nxt == "year" and prev == "the" and words[i + 2:i + 3] != ["day"] \
                and (i < 2 or words[i - 2] in ("in", "after", "until", "till", "into", "early")):
            f.rel, f.unit = 1, "year"  # "I'll follow up in the new year": next year, not its first day
            i += 2
            continue
        elif w == "new" and (nxt.startswith("year") or nxt in ("yr", "yrs")):
            f.holiday = (1, 1)
            i += 2
            continue
        elif w in _DECADE_WORDS:
            f.decade = 1900 + _DECADE_WORDS[w]
        elif w in ("nineteen", "twenty") and nxt in _TENS and (i + 2 >= n or words[i + 2] not in lex["unit"]):
            year, j = _plus_ones(words, i + 2, "-", (19 if w == "nineteen" else 20) * 100 + _TENS[nxt])
            f.year, f.explicit_year = year, True
            i = j
            continue
        elif w == "two" and nxt == "thousand":
            year, j = _plus_ones(words, i + 2, "and", 2000)
            f.year, f.explicit_year = year, True
            i = j
            continue
        elif (m := _QUARTER.match(w)) is not None and (
                not m.group(4) or (m.group(5) and w[2] in "'’") or (not m.group(5) and _YEAR_WORD.match(nxt))):
            if m.group(3) or m.group(4):
                f.half = int(m.group(3) or m.group(4))
            else:
                f.quarter = int(m.group(1) or m.group(2))
            if m.group(5):
                f.year, f.explicit_year = _expand_year(m.group(5), now_year), True
        elif (m := _FISCAL.match(w)) is not None:
            f.year, f.explicit_year, f.unit = _expand_year(m.group(1), now_year), True, "year"
        elif w in ("fiscal", "fy", "cy") and nxt and (_YEAR.match(nxt) or re.match(r"^['’]?\d\d$", nxt)):
            f.year, f.explicit_year = _expand_year(nxt.lstrip("'’"), now_year), True
            i += 2
            continue
        elif w.isdigit() and len(w) == 4 and nxt == "-" and i + 4 < n and words[i + 2].isdigit():
            f.numeric = (int(words[i + 2]), int(words[i + 4]), int(w))
            f.year = int(w)
            i += 5
            continue
        elif (m := _JOINED.match(w)) is not None and _joined_month(m, months) is not None:
            f.month = _joined_month(m, months)
            f.dom = int(m.group(2) or m.group(3))
        elif (m := _MILITARY.match(w)) is not None and nxt in ("hrs", "hr", "h"):
            f.hour, f.minute, f.clock24 = int(m.group(1)), int(m.group(2)), True  # "1700 hrs": no year
            i += 2
            continue
        elif _YEAR.match(w) and f.year is None:
            f.year, f.explicit_year = int(w), True
        elif (m := _YEAR2.match(w)) is not None:
            f.year, f.explicit_year = _expand_year(m.group(1), now_year), True
        elif prev in months and f.year is None and f.dom is None and w.isdigit() and len(w) == 2 and int(w) > 31:
            f.year, f.explicit_year = _expand_year(w, now_year), True  # "Apr 98": no day can be 98
        elif (m := _DECADE.match(w)) is not None:
            digits = m.group(1)
            f.decade = int(digits) if len(digits) == 4 else _expand_year(digits, now_year)
        elif (m := _CENTURY.match(w)) is not None and nxt in ("century", "-"):
            f.century = int(m.group(1))
            i += 2 if nxt == "century" else 3
            continue
        elif (m := _NUMERIC_DATE.match(w)) is not None and ("/" in w or w.count(".") == 2 or w.count("-") == 2
                                                            or (w.count(".") == 1 and nxt == ".")):
            # ("on 4.1.": a day and month written German style, the full stop after the month its own token)
            a, b, c = m.groups()
            if len(a) == 4:
                f.numeric = (int(b), int(c or 0), int(a))  # ISO: month, day, year
                f.year = int(a)
            elif "." in w:  # "23.11.2026": dotted dates are day first
                f.numeric = (int(b), int(a), _expand_year(c, now_year) if c else None)
            else:
                f.numeric = (int(a), int(b), _expand_year(c, now_year) if c else None)
        elif (m := _H_CLOCK.match(w)) is not None and (nxt in lex["zone"] or prev in _H_CUES):
            f.hour, f.clock24 = int(m.group(1)), True  # "16h CET", "at 9h": the hour as French and German write it
        elif (m := _CLOCK.match(w)) is not None and _is_clock(m, prev, nxt, lex, f):
            f.hour = int(m.group(1))
            f.minute = int(m.group(2)) if m.group(2) else None
            f.clock24 = m.group(1).startswith("0") or f.hour > 12
            if m.group(3):
                f.meridiem = "pm" if m.group(3).startswith("p") else "am"
        elif (m := _HMM.match(w)) is not None and (nxt in lex["meridiem"] or nxt.rstrip(".") in ("am", "pm")):
            f.hour, f.minute = int(m.group(1)), int(m.group(2))
        elif (m := _MILITARY.match(w)) is not None and prev in ("at", "@", "") and not _YEAR.match(w):
            # "at 1430": only the clock patterns with "at" make such an atom (the "at" itself may be cut off)
            f.hour, f.minute, f.clock24 = int(m.group(1)), int(m.group(2)), True
        elif (m := _DOM.match(w)) is not None and 1 <= int(m.group(1)) <= 31 and (f.dom is None or m.group(2)) and (
                f.month is not None or nxt in months or nxt == "of" or m.group(2) or prev in months):
            # (a second bare number is no day: "November 23 from 6 to 10am" counts the 6 as a clock hour)
            f.dom = int(m.group(1))
        elif w in lex["ordinal"] and nxt in ("of",) and f.dom is None and w != "last":
            f.dom = int(lex["ordinal"][w])
        else:
            value, j = _number(words, i, lex)
            if value is not None and j > i:
                f.count = value
                i = j
                continue
        i += 1
    if f.unit == "fortnight":  # "in a fortnight", "the next fortnight": two weeks
        f.unit, f.count = "week", (f.count or 1) * 2
    if f.half is not None and f.part is None and (f.month is not None or f.unit in ("week", "month")):
        # "the first half of January", "the second half of next week": half of that period, not H1/H2.
        f.part, f.half = ((0.0, 0.5) if f.half == 1 else (0.5, 1.0)), None
    return f


def _edge_day_end(words: list[str], i: int) -> int | None:
    """After "first" / "last": the index past "(business) day of", or None."""
    if i < len(words) and words[i] in ("business", "working"):
        i += 1
    return i + 2 if words[i:i + 2] == ["day", "of"] else None


def _day_end(words: list[str], i: int) -> int | None:
    """Index of the word that ends "(the) (business|work) day" / "business" / "play" from `i`, if any."""
    j = i + (i < len(words) and words[i] == "the")
    j += j < len(words) and words[j] in ("business", "work") and j + 1 < len(words) and words[j + 1] == "day"
    return j if j < len(words) and words[j] in ("day", "business", "play") else None


def _is_clock(m: re.Match[str], prev: str, nxt: str, lex: TimeLexicon, f: Features) -> bool:
    """A bare number is a clock time only next to am/pm, a colon form, "@", "at" or "o'clock"."""
    if m.group(3) or (m.group(2) and (":" in m.group(0) or "h" in m.group(0))):
        return True
    if nxt in lex["meridiem"] or nxt.rstrip(".") in ("am", "pm") or nxt in ("o'clock", "oclock"):
        return True
    if m.group(2):
        return False
    if nxt in lex["zone"] and prev in ("", "-", "–", "—", "to") and 0 < int(m.group(1)) <= 12:
        return True  # the end of "9-5 GMT"
    after_cue = prev in ("@", "at", "and", "-", "–", "to", "between", "from", "until", "till") or (
        # "after 2 on Wednesday", "by 5 tomorrow", "after 2 PT" (but "by 2 of your contacts", "after 2 years")
        prev in ("after", "before", "by", "around") and (nxt in ("on", "your", "my", "our") or nxt in lex.weekdays
                                                           or nxt in _DAY_WORDS or nxt in lex["zone"]))
    # A count of a unit is no clock: "5-7 business days", "2 to 3 full weeks".
    # ("Dec 22 at 10" is 10 o'clock on Dec 22; after a month, "Dec 5 - 7" and "Dec 5 to 7" are days)
    return after_cue and 0 < int(m.group(1)) <= 12 and nxt not in lex["unit"] and nxt not in lex.months \
        and nxt not in _UNIT_MODIFIERS and (f.month is None or prev in ("at", "@"))


_DAY_WORDS = frozenset({"today", "tomorrow", "tonight"})
_UNIT_MODIFIERS = frozenset({"business", "working", "calendar", "full", "more", "straight", "consecutive", "extra"})


def _joined_month(m: re.Match[str], months: dict[str, int]) -> int | None:
    name = m.group(1) or m.group(4) or ""
    for key, value in months.items():
        if name == key.rstrip(".") or (len(name) > 3 and key.startswith(name)):
            return value
    return None


def _plus_ones(words: Sequence[str], j: int, joiner: str, year: int) -> tuple[int, int]:
    """Add a spelled-out last digit ("nineteen ninety-five", "two thousand and five"); return (year, next)."""
    if j < len(words) and words[j] == joiner:
        j += 1
    if j < len(words) and words[j] in _ONES:
        year += _ONES[words[j]]
        j += 1
    return year, j


def _expand_year(digits: str, now_year: int) -> int:
    """Two-digit years fall within ten years ahead of now, otherwise in the century before."""
    value = int(digits)
    if value >= 100:
        return value
    century = now_year // 100 * 100
    year = century + value
    return year if year <= now_year + 10 else year - 100


# "the last two weeks of December": how many weeks from the month's edge.
_COUNT_OF_WEEKS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
