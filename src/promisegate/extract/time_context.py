"""Resolved times that borrow from the time before them: a bare clock time takes the day named just
before it ("Thursday afternoon, say 2:30"), a bare day of the month the month ("in March, probably the
12th"), a bare weekday the week ("next week, say Tuesday")."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace
from datetime import date, datetime, timedelta

from promisegate.model import Grain, TimeSpan

# "Tuesday, December 1 at 11am PT or 3pm PT": the second time is another slot on the same day.
# "10am PT (1pm ET) on Tuesday": the same slot in another zone, in brackets.
_ALTERNATIVE_GAP = re.compile(r"^\s*,?\s*(?:or|and|/|\()\s*(?:at\s+)?$", re.IGNORECASE)
# "early January, ideally the 6th or 7th", "Thursday afternoon, say 2:30": a hedge between a period and
# the finer time that narrows it.
_NARROWING_GAP = re.compile(r"^[\s,;:(—–-]*(?:(?:ideally|preferably|probably|maybe|perhaps|possibly|likely|say|"
                            r"around|about|on|at|or|and|either|sometime|hopefully|e\.g\.|i\.e\.)[\s,;:]*)*$",
                            re.IGNORECASE)
# A clock time with at most a zone: "3pm", "2:30 Eastern", "11am PT" (not "3:30 tomorrow", "60 minutes").
# A range of them too: "between 3 and 4", "from 2 to 4pm", "1-3pm ET".
_CLOCK = r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?i:[ap]\.?m\.?)?|(?i:noon|midnight))"
_CLOCK_ONLY = re.compile(rf"^(?:(?i:between|from)\s+)?{_CLOCK}"
                         rf"(?:\s*(?:[-–—]|(?i:to|and|until|till|thru|through)\s)\s*{_CLOCK})?"
                         r"(?:\s+(?:[A-Z]{2,5}|(?i:eastern|central|mountain|pacific)(?:\s+time)?))?$")
_DAY_ONLY = re.compile(r"^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)$", re.IGNORECASE)
# A weekday with at most a part of the day: "Tues", "Wednesday afternoon" (not "next Tuesday", "Tuesday the 8th").
_WEEKDAY_ONLY = re.compile(r"^(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?"
                           r"(?:\s+(?:morning|afternoon|evening|night|a\.?m\.?|p\.?m\.?))?$", re.IGNORECASE)
_CLOCK_GRAINS = ("hour", "minute")
_NAMED_MONTH_DAY = frozenset({"day-month", "month-day", "month-day-joined"})


# A bare hour offered before another clock time: "9 or 10am PT", "7:30 / 8:00 AM", "10, 11 or 2pm".
_OFFERED_HOUR = re.compile(r"(?<![\w:/.,$£€%-])(\d{1,2})(?::([0-5]\d))?\s*(?:,\s*(?:or\s+)?|or\s+|/\s*)$",
                           re.IGNORECASE)
_MERIDIEM = re.compile(r"\d\s*[ap]\.?m\b\.?", re.IGNORECASE)


def share_meridiem(text: str, spans: list[TimeSpan]) -> list[TimeSpan]:
    """Give a bare hour offered before a clock time with am/pm that clock time's half of the day, zone and day:
    "Would 9 or 10am PT work?" offers 9am PT too, and "7:30 or 8:00 AM PDT" 7:30am (not 7:30pm, as a bare 7:30
    alone is read). An hour past the later one is the morning's before an afternoon: "11 or 1pm" offers 11am."""
    out = list(spans)
    for i in range(len(out) - 1, -1, -1):
        later = out[i]
        if later.grain not in _CLOCK_GRAINS or not _MERIDIEM.search(later.text) or later.limit is not None:
            continue
        anchor, k = later, i
        while (m := _OFFERED_HOUR.search(text, max(0, anchor.start - 16), anchor.start)) is not None:
            hour, minute = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= hour <= 12:
                break
            pm = later.from_.hour >= 12
            if hour % 12 <= later.from_.hour % 12:
                hour = hour % 12 + (12 if pm else 0)
            elif pm:
                hour %= 12  # "11 or 1pm": the morning's 11
            else:
                break  # ("10 or 9am" offers nothing we can read)
            start, end = m.start(1), m.end(2) if m.group(2) else m.end(1)
            before = [j for j in range(len(out)) if out[j].start < end and start < out[j].end]
            if before and (len(before) > 1 or out[before[0]].start != start or out[before[0]].end != end
                           or _MERIDIEM.search(out[before[0]].text)):
                break  # a time read whole already covers it ("Tuesday 2 or 3pm" keeps its own reading)
            at = later.from_.replace(hour=hour, minute=minute)
            if at >= anchor.from_:
                break  # alternatives run earliest first
            grain: Grain = "minute" if m.group(2) else "hour"
            length = timedelta(minutes=1) if m.group(2) else timedelta(hours=1)
            offered = TimeSpan(text[start:end], start, end, at, at + length, grain, later.rule)
            if before:
                out[before[0]] = offered
                k = before[0]
            else:
                out.insert(k, offered)
            anchor = offered
    return out


# Another day of the month just named, listed after it with the month left out: ", 12", " or 19th", ", and the 23rd",
# a range of them ("May 2 - 3, 9 - 10 and 16 - 17").
_LISTED_DAY = re.compile(r"\s*(?:,\s*(?:(?:or|and|&)\s+)?|(?:or|and|&)\s+)(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?)"
                         r"(?:\s*[-–]\s*(\d{1,2}(?:st|nd|rd|th)?))?(?![\w:%$€£'’-]|[./]\d)", re.IGNORECASE)
# What may follow a listed day: the next item, or the end of the list ("Jan 5, 6 or 7 people" lists no days).
_LIST_GOES_ON = re.compile(r"\s*(?:[,.;:!?)]|(?:or|and|&|work|works|would|could|are|is|both|either|for|at)\b|[-–—]|$)",
                           re.IGNORECASE)
# A number listed after the days that is no day ("Jan 5, 6 or 7.5 people"): then none of them is.
_MORE_NUMBERS = re.compile(r"\s*(?:,\s*(?:(?:or|and|&)\s+)?|(?:or|and|&)\s+)(?:the\s+)?\d{1,2}(?!\d)", re.IGNORECASE)
_LIST_HEADS = frozenset({"month-day", "day-month", "month-day-range", "day-of-month", "day-of-month-range",
                         "month-day-joined"})


def _day_number(word: str) -> int:
    return int(word.rstrip("stndrhSTNDRH"))


def list_days(text: str, spans: list[TimeSpan]) -> list[TimeSpan]:
    """Add the days of the month listed after a dated day without their month: "Jan 5, 12 or 19" offers
    Jan 12 and Jan 19 too, "the 21st, 22nd or 23rd" the 22nd. The days must rise, each must end where an item
    or the list may end, and none may be read already as something else."""
    out = list(spans)
    added = 0
    for i, head in enumerate(spans):
        if head.rule not in _LIST_HEADS or head.grain != "day" or head.limit is not None:
            continue
        month = head.to - timedelta(days=1)  # (a range's last day: the list goes on from it)
        last, pos = month.day, head.end
        found: list[TimeSpan] = []
        nxt = spans[i + 1] if i + 1 < len(spans) else None
        while (m := _LISTED_DAY.match(text, pos)) is not None:
            if nxt is not None and nxt.start < m.end():
                break  # read already ("or the 23rd", "at 10 am"): the list ends before it
            first, final = _day_number(m.group(1)), _day_number(m.group(2) or m.group(1))
            if not last < first <= final <= 31 or not _LIST_GOES_ON.match(text, m.end()):
                found = []
                break
            try:
                begin = month.replace(day=first, hour=0, minute=0)
                finish = month.replace(day=final, hour=0, minute=0) + timedelta(days=1)
            except ValueError:  # ("Feb 27, 30")
                found = []
                break
            start, end = m.start(1), m.end(2) if m.group(2) else m.end(1)
            found.append(TimeSpan(text[start:end], start, end, begin, finish, "day", "day-of-month"))
            last, pos = final, m.end()
        if found and not (m is None and (nxt is None or nxt.start > pos) and _MORE_NUMBERS.match(text, pos)):
            out[i + 1 + added:i + 1 + added] = found
            added += len(found)
    return out


def share_day(text: str, spans: list[TimeSpan], sentence_starts: list[int], today: date) -> list[TimeSpan]:
    """Give a bare time the day or month a time next to it in the same sentence names.

    A bare clock time takes the day of a dated time before it that it is offered as an alternative to
    ("Tuesday at 11am or 3pm"), or that is today or later ("Let's meet Thursday; 2:30 works"; a day in
    the past is more often another event: "we met Monday and I'll call at 3"), or of the dated
    alternative after it ("10am or 2pm on Friday"). A bare day of the month takes the month it narrows
    ("in March, probably the 12th"; "the 6th or 7th" after it too), or the one named after it ("the
    14th or 15th of December").
    """
    out = list(spans)
    narrowed: set[int] = set()  # days of the month moved into a named month
    weeks: dict[int, date] = {}  # weekdays moved into a named week: the Monday of that week
    for i in range(1, len(out)):
        first, bare = out[i - 1], out[i]
        at_first, at_bare = bisect_right(sentence_starts, first.start), bisect_right(sentence_starts, bare.start)
        if at_first != at_bare:
            if at_bare == at_first + 1 and first.grain == "day" and bare.grain in _CLOCK_GRAINS \
                    and first.limit is None and _short_question(text, sentence_starts[at_bare - 1], bare) \
                    and _is_bare_clock(bare) and first.to - first.from_ <= timedelta(days=1) \
                    and first.from_.date() >= today:
                # "Let's meet Thursday. Does 2:30 work?": a short question about a time asks about that day.
                out[i] = _on_day(bare, first.from_.date())
            continue
        gap = text[first.end:bare.start]
        if _is_bare_weekday(bare) and _NARROWING_GAP.match(gap) and (
                i - 1 in weeks or (first.grain == "week" and first.to - first.from_ <= timedelta(days=7)
                                   and first.rule not in _LENGTHS)
                or (first.grain == "day" and "week" in first.text.lower() and _ALTERNATIVE_GAP.match(gap))):
            # "early next week, say Tues or Weds afternoon", "next week, Tuesday or Wednesday": the days of the
            # week just named.
            monday = weeks.get(i - 1) or first.from_.date() - timedelta(days=first.from_.weekday())
            weeks[i] = monday
            out[i] = _on_day(bare, monday + timedelta(days=bare.from_.weekday()))
            continue
        if _is_bare_clock(bare) and first.to - first.from_ <= timedelta(days=1) \
                and (first.grain == "day" or first.grain in _CLOCK_GRAINS):
            alternative = first.grain in _CLOCK_GRAINS and _ALTERNATIVE_GAP.match(gap) is not None
            # A day's own date, wall time (and a part of a day's: "Monday morning (..., say, 8:00 AM PDT)" is that
            # Monday, whatever the hour 6:00 in the writer's zone is in Pacific time); the date of a clock slot
            # offered as an alternative, in the zone of the alternative.
            day = first.from_.astimezone(bare.from_.tzinfo).date() if alternative else first.from_.date()
            if alternative or (first.limit is None and day >= today and len(gap) <= 40):
                out[i] = _on_day(bare, day)
        elif (dom := _bare_day_of_month(bare)) is not None and _NARROWING_GAP.match(gap) \
                and (first.grain == "month" or first.rule in _NAMED_MONTH_DAY or i - 1 in narrowed):
            moved = _in_month(bare, first.from_, dom)
            if moved is not None:
                out[i] = moved
                narrowed.add(i)
    dated: set[int] = set()  # bare clock times given the day after them in this pass
    listed: set[int] = set()  # bare days of the month given the month after them
    for i in range(len(out) - 2, -1, -1):
        bare, named = out[i], out[i + 1]
        gap = text[bare.end:named.start]
        if _is_bare_clock(bare) and named.grain == "day" and named.to - named.from_ <= timedelta(days=1) \
                and _MEETING_ON_GAP.match(gap):
            # "a 2pm ET call on Tuesday", "noon Eastern call on the 8th": the meeting's day is the clock time's.
            out[i] = _on_day(bare, named.from_.date())
            dated.add(i)
            continue
        dom = _bare_day_of_month(bare)
        if not (_ALTERNATIVE_GAP.match(gap) or (dom is not None and gap.strip() == ",")):
            continue
        if _is_bare_clock(bare) and named.grain in _CLOCK_GRAINS \
                and (not _CLOCK_ONLY.match(named.text) or i + 1 in dated):
            # "9:30 Pacific / 12:30 Eastern on Wednesday": one slot written in two zones, or two slots.
            out[i] = _on_day(bare, named.from_.astimezone(bare.from_.tzinfo).date())
            dated.add(i)
        elif dom is not None and (named.rule in _NAMED_MONTH_DAY or i + 1 in listed):
            # ("the 5th, 12th or 19th of January": each takes January)
            moved = _in_month(bare, named.from_, dom)
            if moved is not None:
                out[i] = moved
                listed.add(i)
    return out


# A meeting word between a clock time and the day after it: "a 2pm ET call on Tuesday", "a 10am demo on Friday";
# or the bracket a conversion closes: "8am PT (11am ET) on Thursday".
# Or the words that ask whether the time suits, before the day: "Does 2:30 work on Thursday?", "Would 3pm work for
# you on Monday?", "Is 10am good for you tomorrow?".
_MEETING_ON_GAP = re.compile(r"^\s*(?:call|meeting|demo|sync|chat|session|review|walkthrough|check-in|catch-up)"
                             r"\s+(?:on|for)\s+$|^\s*\)\s*,?\s*(?:on\s+)?$"
                             r"|^\s*(?:work|works|be\s+good|good|ok|okay|fine|suit\s+you)(?:\s+for\s+(?:you|your\s+team"
                             r"|everyone|you\s+all|both\s+of\s+you))?\s+(?:on\s+)?$", re.IGNORECASE)


# A length ("a week on Monday", "about a week, Tuesday") names no calendar week for a weekday to narrow.
_LENGTHS = frozenset({"duration", "in-duration", "within-duration", "set"})


def _short_question(text: str, start: int, bare: TimeSpan) -> bool:
    """Whether the sentence at char `start` holding `bare` is a short question ending soon after it: "Does 2:30
    work?", "2:30 ok?", "How about 10?"."""
    mark = text.find("?", bare.end, bare.end + 20)
    return mark >= 0 and mark - start <= 40 and "\n" not in text[start:mark].strip()


def _is_bare_weekday(span: TimeSpan) -> bool:
    return span.rule.startswith("weekday") and span.limit is None and _WEEKDAY_ONLY.match(span.text) is not None


def _is_bare_clock(span: TimeSpan) -> bool:
    return span.rule in ("clock", "clock-range", "part-of-day") and _CLOCK_ONLY.match(span.text) is not None


def _bare_day_of_month(span: TimeSpan) -> int | None:
    m = _DAY_ONLY.match(span.text) if span.rule == "day-of-month" else None
    return int(m.group(1)) if m else None


def _on_day(span: TimeSpan, day: date) -> TimeSpan:
    """`span` at the same wall time on `day`."""
    moved = span.from_.replace(year=day.year, month=day.month, day=day.day)
    return replace(span, from_=moved, to=moved + (span.to - span.from_))


def _in_month(span: TimeSpan, month: datetime, dom: int) -> TimeSpan | None:
    """Day `dom` of the month `month` is in, or None when it has no such day ("February, the 30th")."""
    try:
        moved = month.replace(day=dom, hour=0, minute=0)
    except ValueError:
        return None
    return replace(span, from_=moved, to=moved + timedelta(days=1))
