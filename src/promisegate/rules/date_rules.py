"""Rules about the dates a message names, whoever the deal and whatever the calendars."""

from __future__ import annotations

import re
from datetime import date
from typing import ClassVar

from promisegate.model import Finding
from promisegate.rules import RuleContext, register

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# A weekday, then the date it names: "Tuesday, December 23", "Tue 23 Dec", "Mon 1/12", "Thursday the 14th of January".
_NAMED_DATE = re.compile(
    rf"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?"
    rf"(?:{_MONTH}\s+{_DAY}\b|{_DAY}(?:\s+of)?\s+{_MONTH}|(\d{{1,2}})/(\d{{1,2}})\b)"
    r"(?:,?\s*(?:/)?((?:19|20)\d\d)\b)?",  # a year written with it: "Tuesday, March 3, 2015", "Mon 1/12/2027"
    re.IGNORECASE)
_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@register
class WeekdayMismatch:
    """A weekday and a date that name two different days."""

    name: ClassVar[str] = "weekday-mismatch"
    description: ClassVar[str] = ("Names a weekday and a date that disagree ('Tuesday, December 23' when the 23rd is "
                                  "a Wednesday): the reader may come on either day.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        findings: list[Finding] = []
        today = ctx.now.date()
        for t in ctx.extraction.times:
            m = _NAMED_DATE.search(t.text)
            if m is None:
                continue
            weekday = _WEEKDAYS.index(m.group(1).lower()[:3])
            if m.group(2):
                month, day = _MONTHS.index(m.group(2).lower()[:3]) + 1, int(m.group(3))
            elif m.group(5):
                month, day = _MONTHS.index(m.group(5).lower()[:3]) + 1, int(m.group(4))
            else:
                month, day = int(m.group(6)), int(m.group(7))
            named = _on(int(m.group(8)), month, day) if m.group(8) else _nearest(today, month, day)
            if named is None or named.weekday() == weekday:
                continue
            said = " ".join(m.group(0).split())
            findings.append(ctx.finding(
                self, f"Says “{said}”, but {named.day} {named:%B %Y} is a {_NAMES[named.weekday()]}, not a "
                      f"{_NAMES[weekday]}: the reader may come on either day.",
                said=said, date=named.isoformat(), weekday=_NAMES[weekday]))
        return list({f.message: f for f in findings}.values())


def _on(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest(today: date, month: int, day: int) -> date | None:
    """The date of `month` and `day` nearest `today` (None when there is no such day)."""
    days = [d for year in (today.year - 1, today.year, today.year + 1) if (d := _on(year, month, day)) is not None]
    return min(days, key=lambda d: abs((d - today).days), default=None)
