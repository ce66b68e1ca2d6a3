"""Turn the features of one time expression into a [start, end) interval in wall time.

`direction` says which way an underspecified date points: +1 future ("we'll ship Friday"),
-1 past ("the company said Friday"), 0 nearest to now; +2 strictly ahead (a deadline, "by Friday", or a
present tense right before the date, "the kickoff is Monday"), -2 strictly behind ("live since March").
Explicit words (next, last, ago) win.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from dateutil.easter import easter

from promisegate.extract.time_calendar import (
    GRAIN_OF_UNIT,
    Period,
    add_business_days,
    add_months,
    nth_weekday,
    period,
    shift,
    shifted_period,
    sub_period,
)
from promisegate.extract.time_features import Features

NumericDate = Callable[[str, datetime, int], datetime | None]


def _day(dt: datetime) -> Period:
    return period(dt, "day")


def _pick(cands: Iterable[Period], base: datetime, direction: int) -> Period:
    """Choose among yearly (or monthly) candidates: the nearest to `base`, where a candidate
    on the side `direction` points away from counts twice as far (so a cue breaks near-ties only)."""

    if direction >= 2:  # a deadline word ("by", "no later than") points strictly ahead
        return next((c for c in sorted(cands) if c[1] > base), max(cands))
    if direction <= -2:  # "since March": strictly behind (or the current one)
        return next((c for c in sorted(cands, reverse=True) if c[0] <= base), min(cands))

    def distance(c: Period) -> timedelta:
        if c[0] <= base < c[1]:
            return timedelta(0)
        gap = min(abs(c[0] - base), abs(c[1] - base))
        against = (c[1] <= base and direction > 0) or (c[0] > base and direction < 0)
        return gap * 4 if against else gap

    return min(sorted(cands), key=distance)


def _safe_day(year: int, month: int, day: int) -> datetime | None:
    try:
        return datetime(year, month, day)
    except ValueError:
        return None


def _weekday(f: Features, base: datetime, direction: int) -> Period:
    wd = f.weekday or 0
    today = base.weekday()
    if f.rel == 0 and f.day_offset is None:  # "this Friday": in the current week
        delta = wd - today
        if delta < 0 and direction >= 0:
            delta += 7
    elif f.rel is not None and f.rel > 0:
        # "next Friday" is the Friday of next week ("the Friday after next": the week after that);
        # "coming Friday" is the first one after today.
        weeks = 2 if "after" in f.words else 1
        delta = 7 * weeks + wd - today if "next" in f.words or "nxt" in f.words else (wd - today - 1) % 7 + 1
    elif f.rel is not None and f.rel < 0:
        delta = -((today - wd - 1) % 7 + 1)
    else:
        ahead, back = (wd - today) % 7, -((today - wd) % 7)
        if direction > 0:
            delta = ahead
        elif direction < 0:
            delta = back
        elif f.hour is not None or f.pod is not None:
            delta = ahead  # a clock time on a weekday, told in no tense, is to come: "I'm blocked Thursday 1-3pm"
        else:
            delta = ahead if ahead <= -back else back
    return _day(base + timedelta(days=delta))


def _yearly(base: datetime, direction: int, make: Callable[[int], Period | None]) -> Period | None:
    cands = [p for y in (base.year - 1, base.year, base.year + 1) if (p := make(y)) is not None]
    return _pick(cands, base, direction) if cands else None


def _month_day(f: Features, base: datetime, direction: int) -> Period | None:
    month, dom = f.month, f.dom
    if month is None:
        return None
    if dom is None:
        def make(y: int) -> Period | None:
            return period(datetime(y, month, 1), "month")
    else:
        def make(y: int) -> Period | None:
            d = _safe_day(y, month, dom)
            return _day(d) if d else None
    if f.year is not None:
        return make(f.year)
    if f.rel is not None and f.unit == "year":  # "July last year", "February this year"
        return make(base.year + f.rel)
    if f.rel is not None and f.unit is None:  # "last May", "next March", "this June"
        return _relative_month_day(f.rel, dom is None, base, make, direction)
    if f.weekday is not None and dom is not None and (found := _weekday_year(month, dom, f.weekday, base)):
        return found  # "Saturday, April 25"
    return _yearly(base, direction, make)


def _weekday_year(month: int, dom: int, weekday: int, base: datetime) -> Period | None:
    """That day in the year (this, next or last: the nearest day first) in which it is that weekday, if any within
    half a year. "Monday, January 12" written in December 2026 is no January 12 of 2026 (a Monday, eleven months
    gone): with no such day near, the date is read alone (the weekday-mismatch rule tells the SE)."""
    days = [d for y in (base.year, base.year + 1, base.year - 1) if (d := _safe_day(y, month, dom)) is not None]
    for d in sorted(days, key=lambda d: abs((d - base).days)):
        if d.weekday() == weekday and abs((d - base).days) <= _WEEKDAY_REACH:
            return _day(d)
    return None


_WEEKDAY_REACH = 183  # days from now within which a weekday picks the year of its date


def _relative_month_day(rel: int, whole_month: bool, base: datetime,
                        make: Callable[[int], Period | None], direction: int = 0) -> Period | None:
    """"last May" is the latest May before the current one, "next May" the first after it, "this May"
    the one of this year (told ahead once it is over, the coming one: "Let's meet this March" said in December);
    a day ("last Oct. 23") is judged against today, a month against this month."""
    if rel == 0:
        return _next_if_over(make(base.year), base, direction, make)
    cands = sorted(p for y in (base.year - 1, base.year, base.year + 1) if (p := make(y)) is not None)
    current = period(base, "month") if whole_month else _day(base)
    if rel < 0:
        return next((c for c in reversed(cands) if c[1] <= current[0]), None)
    return next((c for c in cands if c[0] >= current[1]), None)


def _next_if_over(found: Period | None, base: datetime, direction: int,
                  make: Callable[[int], Period | None]) -> Period | None:
    """`found`, this year's period, or next year's when it is over and the sentence looks ahead."""
    if direction > 0 and found is not None and found[1] <= base:
        return make(found[0].year + 1)
    return found


def _quarter(f: Features, base: datetime, direction: int) -> Period | None:
    size, index = (6, f.half) if f.half else (3, f.quarter)
    if index is None:
        return None
    unit = "half" if f.half else "quarter"

    def make(y: int) -> Period:
        return period(datetime(y, (index - 1) * size + 1, 1), unit)

    if f.year is not None:
        return make(f.year)
    # A bare "Q3" or "the third quarter" is this year's, as in TimeML and in sales talk, unless the
    # sentence looks ahead and this year's is over ("let's revisit this in Q2", said in November).
    found = make(base.year + (f.rel or 0))
    return _next_if_over(found, base, direction, make) if f.rel is None else found


def _season(f: Features, base: datetime, direction: int) -> Period | None:
    if f.season is None:
        return None
    first, length = f.season

    def make(y: int) -> Period:
        start = datetime(y, first, 1)
        return start, add_months(start, length), "quarter"

    if f.year is not None:
        return make(f.year)
    if f.rel:
        # "next spring" is the first spring to start after now, "last spring" the latest one over (in December,
        # next spring is in the coming year, not the one after the nearest).
        cands = sorted(make(y) for y in range(base.year - 2, base.year + 3))
        if f.rel > 0:
            ahead = [c for c in cands if c[0] > base]
            return ahead[min(f.rel, len(ahead)) - 1]
        behind = [c for c in cands if c[1] <= base]
        return behind[-min(-f.rel, len(behind))]
    found = _yearly(base, 0 if f.rel == 0 else direction, make)
    # ("Let's meet this summer", said in December: this year's is over, so the one to come)
    return _next_if_over(found, base, direction, make) if f.rel == 0 else found


def _holiday(f: Features, base: datetime, direction: int) -> Period | None:
    rule = f.holiday
    if rule is None:
        return None

    def make(y: int) -> Period:
        if rule[0] == 0:  # [0, days after Easter Sunday]: "Good Friday" is [0, -2]
            return _day(datetime.combine(easter(y), datetime.min.time()) + timedelta(days=rule[1]))
        if len(rule) >= 3:  # [month, weekday, nth] or [..., days after it]
            return _day(nth_weekday(y, rule[0], rule[1], rule[2]) + timedelta(days=rule[3] if len(rule) > 3 else 0))
        return _day(datetime(y, rule[0], rule[1]))

    found = make(f.year) if f.year else _yearly(base, direction, make)
    if found is None:
        return None
    if f.holiday_days:  # "the holidays", "the Christmas break": the days of the period
        return found[0], found[0] + timedelta(days=f.holiday_days), "week"
    if "eve" in f.words:
        return _day(found[0] - timedelta(days=1))
    if "week" in f.words:  # "Thanksgiving week", "Easter week": the week the day is in
        return period(found[0], "week")
    if "weekend" in f.words:
        # "Labor Day weekend" (a Monday): Saturday to Monday; "Thanksgiving weekend" (a Thursday): Thursday to
        # Sunday; a holiday on a weekend: that weekend; midweek: the weekend after.
        day, weekday = found[0], found[0].weekday()
        if weekday == 0:
            return day - timedelta(days=2), day + timedelta(days=1), "day"
        if weekday in (3, 4):
            return day, day + timedelta(days=7 - weekday), "day"
        return period(day, "weekend")
    return found


def _counted(f: Features, base: datetime, direction: int) -> Period | None:
    """Expressions built on a unit: ago/later, in/within N, the past/next N, this/next/last unit."""
    unit = f.unit
    if unit is None:
        return None
    grain = GRAIN_OF_UNIT[unit]
    count = f.count if f.count is not None else 1.0
    if f.business and unit == "day":
        if f.bound == "within":
            return base, add_business_days(base, int(count)) + timedelta(days=1), "day"
        step = int(count) if f.count is not None or f.rel is None else f.rel
        return _day(add_business_days(base, step))
    if f.offset_sign:
        # "a year ago": from the very day a year back, one unit long, so that both readings
        # ("1988" and "1988-10-26") hold the day it points at.
        target = _day(shift(base, f.offset_sign * count, unit))[0]
        if unit in ("second", "minute", "hour"):
            return period(shift(base, f.offset_sign * count, unit), unit)
        return target, shift(target, 1, unit), grain
    if f.bound == "within":
        return base, shift(base, count, unit), grain
    if f.bound == "in" and f.count is not None:
        target = shift(base, count, unit)
        fine = "minute" if unit in ("second", "minute") else "hour" if unit == "hour" else "day"
        return period(target, fine)
    if f.rel is not None and f.count is not None:
        if f.rel < 0:
            return shift(base, -count, unit), base, grain
        return base, shift(base, count, unit), grain
    if f.rel is not None:
        if unit == "weekend":
            start, end, _ = period(base, "weekend")
            if f.rel:
                start, end = start + timedelta(weeks=f.rel), end + timedelta(weeks=f.rel)
            return start, end, "day"
        if unit in ("day",) and f.rel:
            return _day(base + timedelta(days=f.rel))
        return shifted_period(base, f.rel, unit)
    if f.count is None and not f.is_set:
        if unit == "weekend":
            return _weekend(base, direction)
        return period(base, unit)  # "the year", "the quarter": the current one
    if f.is_set:
        return period(base, unit)
    return base, shift(base, count, unit), grain  # a bare duration: from now on


def _weekend(base: datetime, direction: int) -> Period:
    start, end, _ = period(base, "weekend")
    if direction < 0 and base.weekday() < 5:
        start, end = start - timedelta(weeks=1), end - timedelta(weeks=1)
    return start, end, "day"


def _date_part(f: Features, base: datetime, direction: int, numeric: NumericDate) -> Period | None:
    if f.shorthand:
        if f.shorthand in ("day", "cob"):
            # "EOD" is today's; "COB Friday" and "tomorrow EOD" end that day: a deadline, from now on,
            # unless a past cue puts the day behind ("said that at the close of business Thursday").
            named = replace(f, shorthand=None)
            on = _date_part(named, base, 2 if direction >= 0 else direction, numeric) if named.has_date() else None
            if on is not None and on[1] - on[0] > timedelta(days=1):
                return None
            day = (on or _day(base))[0]
            close = day + (timedelta(hours=17) if f.shorthand == "cob" else timedelta(days=1))
            if close <= base:  # that day is over: the moment it closed
                return (close, close + timedelta(hours=1), "hour") if f.shorthand == "cob" else _day(day)
            return base, close, "hour" if f.shorthand == "cob" else "day"
        if f.shorthand == "week":  # end of the working week: Friday
            monday = period(base, "week")[0]
            return base, monday + timedelta(days=5), "day"
        start, end, grain = period(base, f.shorthand)
        return base, end, grain
    if f.numeric is not None:
        a, b, y = f.numeric
        if y is None and f.weekday is not None and (that_day := _weekday_year(*((b, a) if a > 12 else (a, b)),
                                                                             f.weekday, base)):
            return that_day  # "Tue 12/10": the year in which 12/10 is a Tuesday
        if y is None and direction == 0:
            # No tense says which year: the nearest, as for "January 15" ("renews on 1/1" written in December).
            month, dom = (b, a) if a > 12 else (a, b)
            return _yearly(base, 0, lambda year: _day(d) if (d := _safe_day(year, month, dom)) else None)
        text = f"{a}/{b}/{y}" if y is not None else f"{a}/{b}"
        found = numeric(text, base, direction)
        return _day(found) if found else None
    if f.day_offset is not None and f.offset_sign and f.count is not None and f.unit is not None:
        return _day(shift(base + timedelta(days=f.day_offset), f.offset_sign * f.count, f.unit))
    if f.day_offset is not None:
        return _day(base + timedelta(days=f.day_offset))
    if f.holiday is not None:
        return _holiday(f, base, direction)
    if f.nth_weekday is not None and f.weekday is not None:
        return _nth_weekday(f, base, direction)
    if f.iso_week is not None:
        week = f.iso_week

        def make(y: int) -> Period | None:
            try:
                start = datetime.fromisocalendar(y, week, 1)
            except ValueError:  # week 53 of a year that has 52
                return None
            return start, start + timedelta(weeks=1), "week"

        return make(f.year) if f.year else _yearly(base, direction, make)
    if f.month is not None:
        dated = _month_day(f, base, direction)
        if dated and f.nth_week:
            return _nth_week(period(dated[0], "month")[0], f.nth_week, f.nth_week_to)
        return dated
    if f.nth_week and f.unit in (None, "month"):  # "the first week of the month / of next month"
        start = period(base, "month")[0]
        return _nth_week(add_months(start, f.rel) if f.rel else start, f.nth_week, f.nth_week_to)
    if f.quarter is not None or f.half is not None:
        return _quarter(f, base, direction)
    if f.season is not None:
        return _season(f, base, direction)
    if f.decade is not None:
        start = datetime(f.decade, 1, 1)
        return start, start.replace(year=f.decade + 10), "year"
    if f.century is not None:
        start = datetime((f.century - 1) * 100 + 1 if f.century > 1 else 1, 1, 1)
        return start, start.replace(year=start.year + 100), "year"
    if f.weekday is not None and f.dom is not None and f.rel is None and f.unit is None:
        # "Monday the 7th": a month in which the 7th is a Monday, the nearest one the tense allows.
        days = [d for k in range(-12, 13) if (d := day_of_month(base, k, f.dom)) is not None
                and d.weekday() == f.weekday]
        if days:
            return _pick([_day(d) for d in days], base, direction if direction else 1)
    if f.weekday is not None and f.dom is not None and f.rel is not None and f.unit is None:
        # "next Friday (the 12th)": the day of the month says which Friday "next" meant.
        guess = _weekday(f, base, direction)
        near = [d for k in (-1, 0, 1) if (d := day_of_month(guess[0], k, f.dom)) is not None
                and d.weekday() == f.weekday and abs((d - guess[0]).days) <= 7]
        return _day(near[0]) if near else guess
    if f.weekday is not None:
        if f.unit == "week" and f.rel is not None and f.count is None:  # "Monday next week"
            return _day(period(base, "week")[0] + timedelta(weeks=f.rel, days=f.weekday))
        return _weekday(f, base, direction)
    if f.year is not None:
        return period(datetime(f.year, 1, 1), "year")
    if f.dom is not None and f.unit == "year" and f.count is None:  # "the first of the year", "of next year"
        dom = f.dom
        if f.rel:
            return _day(d) if (d := _safe_day(base.year + f.rel, 1, dom)) else None
        return _yearly(base, direction, lambda y: _day(d) if (d := _safe_day(y, 1, dom)) else None)
    if f.dom is not None and f.unit == "month" and f.rel is not None and f.count is None:  # "the 1st of next month"
        found = day_of_month(base, f.rel, f.dom)
        return _day(found) if found else None
    if f.dom is not None:
        cands = [_day(d) for k in (-1, 0, 1) if (d := day_of_month(base, k, f.dom)) is not None]
        # ("the 1st of each month": a set, read as its next occurrence; a bare day told ahead is strictly ahead: "I'll
        # send it on the 9th", "Could we meet on the 9th?" on the 10th are next month's, never yesterday)
        return _pick(cands, base, 2 if f.is_set or direction > 0 else direction if direction else 1) if cands else None
    if f.deictic == "now":
        return base, base + timedelta(minutes=1), "minute"
    if f.deictic == "recent":
        return add_months(base, -1), base, "month"
    if f.deictic == "future":
        return base, base.replace(year=base.year + 1), "year"
    if f.deictic == "past":
        return base.replace(year=base.year - 1), base, "year"
    return _counted(f, base, direction)


def _nth_weekday(f: Features, base: datetime, direction: int) -> Period | None:
    """"the first Monday of February", "the last Friday of the month", "the 2nd Tuesday of next month"."""
    weekday, nth = f.weekday or 0, f.nth_weekday or 1
    if nth > 5:
        return None
    if f.month is not None:
        month = f.month
        return _yearly(base, direction, lambda y: _nth_weekday_day(y, month, weekday, nth))
    if f.unit == "month" or f.unit is None:
        start = add_months(period(base, "month")[0], f.rel or 0)
        return _nth_weekday_day(start.year, start.month, weekday, nth)
    return None


def _nth_weekday_day(year: int, month: int, weekday: int, nth: int) -> Period | None:
    day = nth_weekday(year, month, weekday, nth)
    return _day(day) if day.month == month else None  # a 5th Monday most months lack


_NEXT_OF = frozenset({"week", "month", "quarter"})


def _edge_day(date: Period, edge: int, business: bool) -> Period | None:
    """The first (edge 1) or last (-1) day, or weekday when `business`, of a period longer than a day."""
    start, end, grain = date
    if grain in ("minute", "hour", "day"):
        return None  # "the last day of Friday" names nothing
    day = start if edge > 0 else end - timedelta(days=1)
    step = timedelta(days=edge)
    while business and day.weekday() >= 5:
        day += step
    return _day(day)


def day_of_month(base: datetime, months: int, dom: int) -> datetime | None:
    """Day `dom` of the month `months` months from the one `base` is in (None when it has no such day)."""
    first = add_months(period(base, "month")[0], months)
    return _safe_day(first.year, first.month, dom)


def _nth_week(month_start: datetime, nth: int, last: int | None = None) -> Period:
    """The nth seven days of the month ("the first week of May" is May 1-7); -n its last 7n days. With `last`,
    from the nth to the end of the last-th ("the 2nd or 3rd week of January" is Jan 8-21)."""
    if nth < 0:  # the last -nth weeks ("the last two weeks of December")
        end = add_months(month_start, 1)
        return end - timedelta(days=7 * -nth), end, "week"
    start = month_start + timedelta(days=7 * (max(nth, 1) - 1))
    weeks = max(last - max(nth, 1) + 1, 1) if last is not None and last > 0 else 1
    return start, start + timedelta(days=7 * weeks), "week"


def resolve(f: Features, base: datetime, direction: int, numeric: NumericDate) -> Period | None:
    """The [start, end) wall-time interval and grain of one expression side, or None."""
    if f.bound in ("by", "before", "within") and direction >= 0:
        direction = 2  # (a limit told in the past, "had recovered by Wednesday", keeps looking back)
    has_clock = f.hour is not None or f.pod is not None
    date = _date_part(f, base, direction, numeric) if f.has_date() else None
    if date is None and not has_clock:
        return None
    if f.week_of and date is not None:
        date = period(date[0], "week")
    if f.week_ending and date is not None:
        date = date[1] - timedelta(days=7), date[1], "week"
    if f.weekend_of and date is not None:  # "the weekend of the 12th": the weekend that day is in, or the next one
        date = period(date[0], "weekend")
    if f.part is not None and date is not None and date[2] not in ("minute", "hour"):
        a, b = sub_period(date[0], date[1], *f.part)
        if b <= base and direction > 0 and f.rel is None and f.unit in _NEXT_OF and f.month is None:
            # "by mid-week" said on a Friday: this week's middle is gone by, so it is next week's
            nxt = shift(date[0], 1, f.unit)
            a, b = sub_period(nxt, shift(date[1], 1, f.unit), *f.part)
        date = a, b, date[2]
    if f.edge_day is not None and date is not None:
        date = _edge_day(date, f.edge_day, f.business)
        if date is None:
            return None
    if date is not None and f.words[:1] in (["later"], ["earlier"]) and date[0] < base < date[1]:
        # "later this week" is the rest of it, "earlier this month" the part gone by.
        date = (base, date[1], date[2]) if f.words[0] == "later" else (date[0], base, date[2])
    if has_clock and date is not None and date[1] - date[0] > timedelta(days=1):
        has_clock = False  # "next week at 3pm": the day is not named, so the week is what is known
    if has_clock:
        day = date[0] if date is not None else _day(base)[0]
        day = day.replace(hour=0, minute=0)
        if f.hour is not None:
            hour = f.hour % 12 + (12 if f.meridiem == "pm" else 0) if f.meridiem else f.hour
            evening = f.pod is not None and f.pod[0] >= 12
            morning = f.pod is not None and f.pod[1] <= 12  # "4 in the morning" is 4am
            afternoon = evening or (f.hour <= 7 and not morning)
            if f.meridiem is None and not f.clock24 and 1 <= f.hour <= 11 and afternoon:
                hour += 12  # "at 3" or "2:30" in a business email is afternoon; "tonight at 8" means 8pm
            if f.hour == 24 or hour >= 24:
                hour = 0
                day += timedelta(days=1)
            start = day + timedelta(hours=hour, minutes=f.minute or 0)
            step = timedelta(minutes=1) if f.minute is not None else timedelta(hours=1)
            date = start, start + step, "minute" if f.minute is not None else "hour"
        elif f.pod is not None:
            lo, hi = f.pod
            if (lo, hi) == (0, 1) and "midnight" in f.words:
                lo, hi = 24, 25  # "midnight Friday", "at midnight": the end of the day, not its start
            date = day + timedelta(hours=lo), day + timedelta(hours=hi), "hour"
    if date is None:
        return None
    start, end, grain = date
    if f.bound in ("by",) and start > base:
        # "by 5pm" ends at 5pm; "by Friday" runs to the end of Friday.
        start, end = (base, start) if grain in ("minute", "hour") and f.hour is not None else (base, end)
    elif f.bound == "before" and start > base:
        # "before the end of May" means by then; "before Friday" means up to Friday's start.
        start, end = (base, end) if f.part is not None and f.part[1] >= 1.0 else (base, start)
    return start, end, grain


def counted_from(f: Features, day: Period, sign: int = 1) -> Period | None:
    """`day` moved on (or back, `sign` -1) by the length `f` names ("a week from Friday", "two days before
    Christmas"), or None when `f` names none."""
    if f.count is None or f.unit is None:
        return None
    start = shift(day[0], sign * f.count, f.unit)
    return start, start + (day[1] - day[0]), day[2]


def next_to(f: Features, day: Period, after: bool) -> Period | None:
    """The weekday, day, week, weekend or month `f` names right after (or before) `day`: "the Monday
    after Thanksgiving" is the first Monday after it, "the week after" the calendar week after its
    week, "the day before" the day before it."""
    if f.weekday is not None:
        if after:
            return _day(day[1] + timedelta(days=(f.weekday - day[1].weekday()) % 7))
        return _day(day[0] - timedelta(days=(day[0].weekday() - f.weekday - 1) % 7 + 1))
    step = 1 if after else -1
    if f.unit == "day":
        return _day(day[1] if after else day[0] - timedelta(days=1))
    if f.unit == "week":
        start = period(day[0], "week")[0] + timedelta(weeks=step)
        return start, start + timedelta(weeks=1), "week"
    if f.unit == "weekend":
        saturday = day[1] + timedelta(days=(5 - day[1].weekday()) % 7) if after \
            else day[0] - timedelta(days=(day[0].weekday() - 5 - 1) % 7 + 1)
        return saturday, saturday + timedelta(days=2), "day"
    if f.unit == "month":
        start = add_months(period(day[0], "month")[0], step)
        return start, add_months(start, 1), "month"
    return None
