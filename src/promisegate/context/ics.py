"""iCalendar data -> busy intervals: recurrences, all-day events, zones, TRANSP and VFREEBUSY.

Expansion happens once per load or refresh over a window; queries then use the
sorted index in `calendars.BusyIndex` and never expand again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar
import recurring_ical_events

from promisegate.context import BusyInterval

# FBTYPE values that mean the person cannot be booked (RFC 5545 3.2.9); FREE does not block.
_BUSY_FBTYPES = {"BUSY", "BUSY-UNAVAILABLE", "BUSY-TENTATIVE"}
_FB_LABELS = {"BUSY": "busy (free/busy)", "BUSY-UNAVAILABLE": "unavailable (free/busy)",
              "BUSY-TENTATIVE": "tentatively busy (free/busy)"}


class CalendarDataError(ValueError):
    """The bytes are not a usable iCalendar file."""


def parse_calendar(data: bytes | str, origin: str = "") -> icalendar.Calendar:
    """Parse one iCalendar file; raises CalendarDataError naming `origin` on bad input."""
    try:
        cal = icalendar.Calendar.from_ical(data)
    except Exception as exc:  # icalendar raises ValueError, KeyError, IndexError on broken files
        raise CalendarDataError(f"{origin or 'calendar'}: not valid iCalendar ({exc})") from exc
    if not isinstance(cal, icalendar.Calendar):
        raise CalendarDataError(f"{origin or 'calendar'}: not a VCALENDAR")
    return cal


def calendar_zone(cal: icalendar.Calendar, fallback: tzinfo) -> tzinfo:
    """The zone floating times and all-day dates are read in: X-WR-TIMEZONE, else `fallback`."""
    name = cal.get("X-WR-TIMEZONE")
    if name:
        try:
            return ZoneInfo(str(name))
        except (ZoneInfoNotFoundError, ValueError):
            return fallback
    return fallback


def _aware(value: date | datetime, zone: tzinfo) -> datetime:
    """Dates become local midnight in `zone`; floating datetimes get `zone`; aware ones stay."""
    if isinstance(value, datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=zone)
    return datetime(value.year, value.month, value.day, tzinfo=zone)


def _blocks(component: icalendar.cal.Component) -> bool:
    """TRANSPARENT ("show as free") and cancelled events do not make a person busy."""
    if str(component.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return False
    return str(component.get("STATUS", "")).upper() != "CANCELLED"


def event_intervals(cal: icalendar.Calendar, start: datetime, end: datetime, zone: tzinfo,
                    source: str = "") -> list[BusyInterval]:
    """Busy intervals of every VEVENT occurrence overlapping [start, end), recurrences expanded."""
    zone = calendar_zone(cal, zone)
    try:
        # x_wr_timezone (inside `of`) rewrites UTC times into X-WR-TIMEZONE; same instants.
        occurrences = recurring_ical_events.of(cal, skip_bad_series=True).between(start, end)
    except Exception as exc:  # malformed RRULE and friends
        raise CalendarDataError(f"{source or 'calendar'}: cannot expand recurring events ({exc})") from exc
    out: list[BusyInterval] = []
    for event in occurrences:
        if not _blocks(event):
            continue
        dtstart = event.get("DTSTART")
        if dtstart is None:
            continue
        first = dtstart.dt
        # All-day events run midnight to midnight in the calendar's zone, whatever DST does.
        all_day = not isinstance(first, datetime)
        s = _aware(first, zone)
        dtend = event.get("DTEND")
        if dtend is not None:
            e = _aware(dtend.dt, zone)
        elif event.get("DURATION") is not None:
            e = s + event["DURATION"].dt
        else:  # RFC 5545: a date lasts one day, a date-time zero time
            e = _aware(first + timedelta(days=1), zone) if all_day else s
        if e <= s or e <= start or s >= end:
            continue
        summary = str(event.get("SUMMARY", "busy")) or "busy"
        out.append(BusyInterval(s, e, summary, all_day, source))
    return out


def _periods(prop: object) -> Iterable[object]:
    if isinstance(prop, list):
        for item in prop:
            yield from _periods(item)
        return
    dts = getattr(prop, "dts", None)
    if dts is not None:  # several periods on one FREEBUSY line
        for item in dts:
            yield getattr(item, "dt", item)
        return
    yield getattr(prop, "dt", prop)


def freebusy_intervals(cal: icalendar.Calendar, start: datetime, end: datetime, zone: tzinfo,
                       source: str = "") -> list[BusyInterval]:
    """Busy periods published as VFREEBUSY (FBTYPE=FREE is skipped)."""
    out: list[BusyInterval] = []
    for fb in cal.walk("VFREEBUSY"):
        props = fb.get("FREEBUSY")
        if props is None:
            continue
        for prop in props if isinstance(props, list) else [props]:
            fbtype = str(getattr(prop, "params", {}).get("FBTYPE", "BUSY")).upper()
            if fbtype not in _BUSY_FBTYPES:
                continue
            for period in _periods(prop):
                if not isinstance(period, tuple) or len(period) != 2:
                    continue
                s = _aware(period[0], zone)
                e = s + period[1] if isinstance(period[1], timedelta) else _aware(period[1], zone)
                if e > start and s < end and e > s:
                    label = _FB_LABELS.get(fbtype, "busy")
                    out.append(BusyInterval(s, e, label, False, source))
    return out


def busy_intervals(cal: icalendar.Calendar, start: datetime, end: datetime, zone: tzinfo,
                   source: str = "") -> list[BusyInterval]:
    """Every interval in `cal` that makes its owner busy between `start` and `end`."""
    return [*event_intervals(cal, start, end, zone, source), *freebusy_intervals(cal, start, end, zone, source)]
