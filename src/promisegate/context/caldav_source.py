"""A CalDAV calendar collection as a calendar feed, through the `caldav` library."""

from __future__ import annotations

import contextlib
from datetime import datetime
from typing import Any

import icalendar

from promisegate.context.calendars import SourceError
from promisegate.context.ics import CalendarDataError, parse_calendar


class CalDavFeed:
    """Events of one CalDAV collection in a time window; recurring masters are expanded locally."""

    windowed = True

    def __init__(self, url: str, username: str = "", password: str = "", timeout: float = 10.0) -> None:
        self.url = url
        self.label = url
        self.username = username
        self.password = password
        self.timeout = timeout
        self._client: Any = None

    def _calendar(self) -> Any:
        import caldav  # imported late: it is slow to import and only CalDAV users need it

        if self._client is None:
            self._client = caldav.DAVClient(url=self.url, username=self.username or None,
                                            password=self.password or None, timeout=int(self.timeout) or 1)
        return self._client.calendar(url=self.url)

    def fetch(self, start: datetime, end: datetime) -> list[icalendar.Calendar]:
        try:
            objects = self._calendar().search(start=start, end=end, event=True, expand=False)
            datas = [obj.data for obj in objects]
        except Exception as exc:  # caldav raises its own errors plus niquests/OS errors
            self.close()
            raise SourceError(f"{type(exc).__name__}: {exc}") from exc
        try:
            return [parse_calendar(data, self.url) for data in datas if data]
        except CalendarDataError as exc:
            raise SourceError(str(exc)) from exc

    def close(self) -> None:
        if self._client is not None:
            # Closing a broken session must not mask the original error.
            with contextlib.suppress(Exception):
                self._client.close()
            self._client = None
