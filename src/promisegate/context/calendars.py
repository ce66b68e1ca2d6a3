"""Calendars: busy time per person from .ics files, ICS URLs and CalDAV, cached and indexed.

Each source is expanded once per refresh into a `BusyIndex` over a window around
now, so a conflict query is two bisects, never a recurrence expansion. When a
source cannot be read, its last good copy is used up to `calendar_max_stale_seconds`;
after that `busy()` raises CalendarUnavailable and the message is held (fail closed).
"""

from __future__ import annotations

import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit
from urllib.request import Request, urlopen

import icalendar

from promisegate.context import BusyInterval, Person
from promisegate.context.ics import CalendarDataError, busy_intervals, parse_calendar
from promisegate.errors import CalendarUnavailable

# Intervals longer than this (vacations, multi-day offsites) are kept apart and scanned
# linearly, so the bisect window for ordinary meetings stays one day wide.
_LONG = 86400.0


class BusyIndex:
    """Busy intervals over a covered window, sorted by start, answering overlaps with bisect."""

    def __init__(self, intervals: Sequence[BusyInterval], start: datetime, end: datetime) -> None:
        self.start = start
        self.end = end
        short = sorted((i for i in intervals if (i.end - i.start).total_seconds() <= _LONG),
                       key=lambda i: i.start)
        self._short = short
        self._starts = [i.start.timestamp() for i in short]
        self._ends = [i.end.timestamp() for i in short]
        self._long = sorted((i for i in intervals if (i.end - i.start).total_seconds() > _LONG),
                            key=lambda i: i.start)
        self._long_bounds = [(i.start.timestamp(), i.end.timestamp()) for i in self._long]

    def __len__(self) -> int:
        return len(self._short) + len(self._long)

    def covers(self, start: datetime, end: datetime) -> bool:
        return self.start <= start and end <= self.end

    def overlapping(self, start: datetime, end: datetime) -> list[BusyInterval]:
        """Intervals with start < `end` and end > `start`, in start order."""
        qs, qe = start.timestamp(), end.timestamp()
        lo = bisect_left(self._starts, qs - _LONG)
        hi = bisect_left(self._starts, qe)
        ends = self._ends
        hits = [self._short[k] for k in range(lo, hi) if ends[k] > qs]
        hits.extend(iv for iv, (s, e) in zip(self._long, self._long_bounds, strict=True) if s < qe and e > qs)
        if self._long:
            hits.sort(key=lambda i: i.start)
        return hits


class SourceError(Exception):
    """A calendar source could not be read (network, HTTP status, file, bad data)."""


class CalendarFeed(Protocol):
    """Where one named calendar comes from; returns parsed VCALENDARs."""

    label: str
    windowed: bool  # True when fetch() only returns events inside the window asked for

    def fetch(self, start: datetime, end: datetime) -> list[icalendar.Calendar]: ...


class IcsPathFeed:
    """An .ics file, or a directory of them (read in name order)."""

    windowed = False

    def __init__(self, path: Path) -> None:
        self.path = path
        self.label = str(path)

    def fetch(self, start: datetime, end: datetime) -> list[icalendar.Calendar]:
        try:
            files = sorted(self.path.glob("*.ics")) if self.path.is_dir() else [self.path]
            if self.path.is_dir() and not files:
                raise SourceError("no .ics files in directory")
            return [parse_calendar(f.read_bytes(), f.name) for f in files]
        except OSError as exc:
            raise SourceError(exc.strerror or str(exc)) from exc
        except CalendarDataError as exc:
            raise SourceError(str(exc)) from exc


class IcsUrlFeed:
    """An ICS URL; only hosts listed in `ics_url_hosts` may be fetched."""

    windowed = False

    def __init__(self, url: str, allowed_hosts: Sequence[str], timeout: float = 10.0) -> None:
        self.url = url
        self.label = url
        self.timeout = timeout
        parts = urlsplit(url)
        host = parts.hostname or ""
        hostport = f"{host}:{parts.port}" if parts.port else host
        if parts.scheme not in ("http", "https"):
            raise ValueError(f"ICS URL must be http or https: {url}")
        if host not in allowed_hosts and hostport not in allowed_hosts:
            raise ValueError(f"host {host!r} of {url} is not in context.ics_url_hosts")

    def fetch(self, start: datetime, end: datetime) -> list[icalendar.Calendar]:
        request = Request(self.url, headers={"User-Agent": "promisegate", "Accept": "text/calendar"})
        try:
            with urlopen(request, timeout=self.timeout) as response:  # scheme checked in __init__
                data = response.read()
        except OSError as exc:  # URLError, HTTPError and timeouts are all OSError
            raise SourceError(str(getattr(exc, "reason", None) or exc)) from exc
        try:
            return [parse_calendar(data, self.url)]
        except CalendarDataError as exc:
            raise SourceError(str(exc)) from exc


@dataclass(frozen=True)
class CacheTiming:
    """How a cached calendar refreshes and how far it reaches."""

    refresh_seconds: float = 300.0
    max_stale_seconds: float = 3600.0
    past: timedelta = timedelta(days=30)
    future: timedelta = timedelta(days=400)
    retry_seconds: float = 30.0  # after a failed read, wait this long before trying again


class CachedCalendar:
    """One feed, its last good copy, and the busy index built from it."""

    def __init__(self, feed: CalendarFeed, zone: tzinfo, timing: CacheTiming | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 wall: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.feed = feed
        self.zone = zone
        self.timing = timing or CacheTiming()
        self._clock = clock
        self._wall = wall
        self._lock = threading.Lock()
        self._cals: list[icalendar.Calendar] | None = None
        self._fetched: tuple[datetime, datetime] | None = None
        self._good_at = 0.0
        self._next_try = 0.0
        self._error = ""
        self._index: BusyIndex | None = None
        self._refresher: threading.Thread | None = None

    @property
    def label(self) -> str:
        return self.feed.label

    def _window(self, start: datetime | None = None, end: datetime | None = None) -> tuple[datetime, datetime]:
        now = self._wall()
        lo, hi = now - self.timing.past, now + self.timing.future
        if start is not None and end is not None:
            # Queries outside the usual window (pinned test clocks, far-off proposals) widen it.
            lo, hi = min(lo, start - timedelta(days=7)), max(hi, end + timedelta(days=7))
        return lo, hi

    def _load(self, lo: datetime, hi: datetime) -> None:
        """Fetch and index; on failure keep the old copy and remember why."""
        now = self._clock()
        try:
            cals = self.feed.fetch(lo, hi)
            intervals = [iv for cal in cals for iv in busy_intervals(cal, lo, hi, self.zone, self.label)]
        except SourceError as exc:
            self._error = str(exc)
            self._next_try = now + min(self.timing.retry_seconds, self.timing.refresh_seconds)
            return
        except CalendarDataError as exc:
            self._error = str(exc)
            self._next_try = now + min(self.timing.retry_seconds, self.timing.refresh_seconds)
            return
        self._cals, self._fetched, self._good_at, self._error = cals, (lo, hi), now, ""
        self._next_try = now + self.timing.refresh_seconds
        self._index = BusyIndex(intervals, lo, hi)

    def _usable(self, start: datetime, end: datetime) -> bool:
        return (self._index is not None and self._index.covers(start, end)
                and self._clock() - self._good_at <= self.timing.max_stale_seconds)

    def _refresh_later(self) -> None:
        # Re-reading a big calendar takes seconds; checks keep the good copy meanwhile.
        if self._refresher is not None and self._refresher.is_alive():
            return
        self._next_try = self._clock() + min(self.timing.retry_seconds, self.timing.refresh_seconds)
        self._refresher = threading.Thread(target=self.refresh, name=f"refresh {self.label}", daemon=True)
        self._refresher.start()

    def wait_refreshed(self, timeout: float | None = None) -> None:
        """Block until a background refresh in progress has finished (for tests and shutdown)."""
        if self._refresher is not None:
            self._refresher.join(timeout)

    def index_for(self, start: datetime, end: datetime) -> BusyIndex:
        """The index covering [start, end); raises SourceError when no fresh-enough copy exists."""
        with self._lock:
            if self._clock() >= self._next_try:
                if self._usable(start, end):
                    self._refresh_later()
                else:
                    self._load(*self._window(start, end))
            if self._cals is None or self._index is None:
                raise SourceError(self._error or "never read")
            age = self._clock() - self._good_at
            if age > self.timing.max_stale_seconds:
                raise SourceError(f"{self._error}; last good copy is {age:.0f}s old "
                                  f"(limit {self.timing.max_stale_seconds:.0f}s)")
            if not self._index.covers(start, end):
                lo, hi = self._window(start, end)
                lo, hi = min(lo, self._index.start), max(hi, self._index.end)
                if self.feed.windowed:
                    self._load(lo, hi)
                    if self._fetched is None or not (self._fetched[0] <= start and end <= self._fetched[1]):
                        raise SourceError(self._error or "could not widen the window")
                else:
                    intervals = [iv for cal in self._cals
                                 for iv in busy_intervals(cal, lo, hi, self.zone, self.label)]
                    self._index = BusyIndex(intervals, lo, hi)
            return self._index

    def refresh(self) -> None:
        """Re-read the source now; errors are kept for the next query."""
        lo, hi = self._window()
        if self._index is not None:  # keep any widened window a query asked for
            lo, hi = min(lo, self._index.start), max(hi, self._index.end)
        fresh = CachedCalendar(self.feed, self.zone, self.timing, self._clock, self._wall)
        fresh._load(lo, hi)  # the slow part, outside the lock
        with self._lock:
            if fresh._index is not None:
                self._cals, self._fetched, self._good_at = fresh._cals, fresh._fetched, fresh._good_at
                self._index, self._error, self._next_try = fresh._index, "", fresh._next_try
            else:
                self._error, self._next_try = fresh._error, fresh._next_try


class Calendars:
    """The CalendarSource over every configured calendar, by the names people.yaml gives them."""

    def __init__(self, calendars: Mapping[str, CachedCalendar]) -> None:
        self.calendars = dict(calendars)

    def busy(self, person: Person, start: datetime, end: datetime) -> list[BusyInterval]:
        """Busy intervals of `person` overlapping [start, end), from all of their calendars."""
        out: list[BusyInterval] = []
        for name in person.calendars:
            cached = self.calendars.get(name)
            if cached is None:
                raise CalendarUnavailable(f"calendar unavailable: {person.email} (no calendar named {name!r})")
            try:
                out.extend(cached.index_for(start, end).overlapping(start, end))
            except SourceError as exc:
                raise CalendarUnavailable(f"calendar unavailable: {person.email} ({cached.label}: {exc})") from exc
        out.sort(key=lambda i: i.start)
        return out

    def refresh(self) -> None:
        """Re-read every source (for a periodic background task)."""
        for cached in self.calendars.values():
            cached.refresh()

    def close(self) -> None:
        for cached in self.calendars.values():
            close = getattr(cached.feed, "close", None)
            if close is not None:
                close()
