"""Calendar arithmetic on naive wall-clock datetimes: periods, unit steps and business days.

The normaliser works in the wall time of one zone and attaches the zone last, so that
"tomorrow 9am" stays 9am across a DST change (the zone, not the offset, is what people mean).
"""

from __future__ import annotations

import calendar
from datetime import datetime, timedelta

Period = tuple[datetime, datetime, str]  # [start, end) and grain

# Units that are not model grains are mapped to the nearest grain that tiles them.
GRAIN_OF_UNIT = {
    "second": "minute", "minute": "minute", "hour": "hour", "day": "day", "week": "week", "weekend": "day",
    "month": "month", "quarter": "quarter", "half": "quarter", "year": "year",
    "decade": "year", "century": "year",
}


def add_months(dt: datetime, months: int) -> datetime:
    """Step by whole months, clamping the day ("Jan 31" + 1 month = "Feb 28/29")."""
    index = dt.year * 12 + dt.month - 1 + months
    year, month = divmod(index, 12)
    day = min(dt.day, calendar.monthrange(year, month + 1)[1])
    return dt.replace(year=year, month=month + 1, day=day)


def shift(dt: datetime, n: float, unit: str) -> datetime:
    """Move `dt` by `n` units (a fraction of a month or longer moves by days, 30 to the month)."""
    if unit == "second":
        return dt + timedelta(seconds=n)
    if unit == "minute":
        return dt + timedelta(minutes=n)
    if unit == "hour":
        return dt + timedelta(hours=n)
    if unit in ("day",):
        return dt + timedelta(days=n)
    if unit in ("week", "weekend"):
        return dt + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "decade": 120, "century": 1200}[unit] * n
    whole = int(months)
    # "in two and a half months": the whole months, then the part of one as days (half a month is 15)
    return add_months(dt, whole) + timedelta(days=round((months - whole) * 30))


def period(dt: datetime, unit: str) -> Period:
    """The calendar period of `unit` containing `dt` (weeks start on Monday)."""
    day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit in ("second", "minute"):  # seconds are reported at minute grain
        start = dt.replace(second=0, microsecond=0)
        return start, start + timedelta(minutes=1), "minute"
    if unit == "hour":
        start = dt.replace(minute=0, second=0, microsecond=0)
        return start, start + timedelta(hours=1), "hour"
    if unit == "day":
        return day, day + timedelta(days=1), "day"
    if unit == "week":
        start = day - timedelta(days=day.weekday())
        return start, start + timedelta(days=7), "week"
    if unit == "weekend":
        start = day + timedelta(days=5 - day.weekday()) if day.weekday() < 5 else day - timedelta(
            days=day.weekday() - 5)
        return start, start + timedelta(days=2), "day"
    if unit == "month":
        start = day.replace(day=1)
        return start, add_months(start, 1), "month"
    if unit in ("quarter", "half"):
        size = 3 if unit == "quarter" else 6
        start = day.replace(month=(day.month - 1) // size * size + 1, day=1)
        return start, add_months(start, size), "quarter"
    if unit == "decade":
        start = day.replace(year=day.year // 10 * 10, month=1, day=1)
        return start, start.replace(year=start.year + 10), "year"
    if unit == "century":
        start = day.replace(year=day.year // 100 * 100, month=1, day=1)
        return start, start.replace(year=start.year + 100), "year"
    start = day.replace(month=1, day=1)
    return start, start.replace(year=start.year + 1), "year"


def shifted_period(dt: datetime, n: int, unit: str) -> Period:
    """The period of `unit` that is `n` periods from the one containing `dt`."""
    start, _, _ = period(dt, unit)
    return period(shift(start, n, unit), unit)


def add_business_days(dt: datetime, n: int) -> datetime:
    """The day `n` business days (Mon-Fri, no holiday calendar) after `dt`'s day."""
    day = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    step = 1 if n >= 0 else -1
    left = abs(n)
    while left:
        day += timedelta(days=step)
        if day.weekday() < 5:
            left -= 1
    return day


def sub_period(start: datetime, end: datetime, lo: float, hi: float) -> tuple[datetime, datetime]:
    """The part [lo, hi) of [start, end), cut at whole days when the period spans days."""
    length = end - start
    a = start + length * lo
    b = start + length * hi
    if length >= timedelta(days=2):
        a = a.replace(hour=0, minute=0, second=0, microsecond=0)
        b = b.replace(hour=0, minute=0, second=0, microsecond=0) if hi < 1 else end
        if b <= a:
            b = a + timedelta(days=1)
    return a, b


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> datetime:
    """The nth (1-based, -1 = last) given weekday of a month, at midnight."""
    if nth > 0:
        first = datetime(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = datetime(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7)
