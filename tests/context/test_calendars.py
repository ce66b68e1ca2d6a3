"""Calendars from the .ics fixtures, the busy index, the cache (stale copy, fail closed) and ICS URLs."""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from promisegate.context import BusyInterval, Person
from promisegate.context.calendars import BusyIndex, CachedCalendar, CacheTiming, Calendars, IcsPathFeed, IcsUrlFeed
from promisegate.context.ics import busy_intervals, parse_calendar
from promisegate.context.loader import ContextBundle
from promisegate.errors import CalendarUnavailable
from tests.context.conftest import BERLIN, FIXTURES, LA


def busy(world: ContextBundle, who: str, start: datetime, end: datetime) -> list[BusyInterval]:
    return list(world.calendars.busy(world.people[who], start, end))


DANA = "dana.lee@brightline.example"
JONAS = "jonas.weber@brightline.example"


def test_rrule_with_exdate_skips_thanksgiving(world: ContextBundle) -> None:
    week = busy(world, DANA, datetime(2026, 11, 23, tzinfo=LA), datetime(2026, 11, 28, tzinfo=LA))
    standups = [b.start.astimezone(LA).day for b in week if b.summary == "SE team standup"]
    assert standups == [23, 24, 25]
    assert any(b.all_day and b.summary.startswith("Thanksgiving") for b in week)


@pytest.mark.parametrize(("zone_name", "who", "summary", "before", "after"), [
    # US fall back 2026-11-01: 09:00 PDT = 16:00Z, then 09:00 PST = 17:00Z.
    ("LA", DANA, "SE team standup", datetime(2026, 10, 30, 9, 0), datetime(2026, 11, 2, 9, 0)),
    # US spring forward 2027-03-14.
    ("LA", DANA, "SE team standup", datetime(2027, 3, 12, 9, 0), datetime(2027, 3, 15, 9, 0)),
    # EU fall back 2026-10-25: floating 10:00 + X-WR-TIMEZONE Europe/Berlin.
    ("BERLIN", JONAS, "EMEA team sync", datetime(2026, 10, 19, 10, 0), datetime(2026, 10, 26, 10, 0)),
    # EU spring forward 2027-03-28.
    ("BERLIN", JONAS, "EMEA team sync", datetime(2027, 3, 22, 10, 0), datetime(2027, 3, 29, 10, 0)),
])
def test_recurring_meetings_keep_local_time_across_dst(world: ContextBundle, zone_name: str, who: str,
                                                       summary: str, before: datetime, after: datetime) -> None:
    zone = LA if zone_name == "LA" else BERLIN
    for local in (before, after):
        start = local.replace(tzinfo=zone)
        hits = [b for b in busy(world, who, start, start + timedelta(minutes=5)) if b.summary == summary]
        assert hits and hits[0].start == start, (summary, local)
    offsets = {(x.replace(tzinfo=zone)).utcoffset() for x in (before, after)}
    assert len(offsets) == 2  # the UTC instants really differ by an hour


def test_all_day_event_is_local_midnight_to_midnight(world: ContextBundle) -> None:
    [onsite] = [b for b in busy(world, DANA, datetime(2026, 12, 9, 12, tzinfo=LA), datetime(2026, 12, 9, 13, tzinfo=LA))
                if b.all_day]
    assert onsite.start == datetime(2026, 12, 9, tzinfo=LA) and onsite.end == datetime(2026, 12, 10, tzinfo=LA)


def test_all_day_event_in_floating_calendar_uses_x_wr_timezone(world: ContextBundle) -> None:
    [ski] = [b for b in busy(world, JONAS, datetime(2027, 2, 16, tzinfo=BERLIN), datetime(2027, 2, 17, tzinfo=BERLIN))
             if b.all_day]
    assert ski.start == datetime(2027, 2, 15, tzinfo=BERLIN) and ski.end == datetime(2027, 2, 20, tzinfo=BERLIN)


def test_transparent_recurring_lunch_never_blocks(world: ContextBundle) -> None:
    noon = datetime(2026, 12, 2, 12, 45, tzinfo=BERLIN)
    assert [b.summary for b in busy(world, JONAS, noon, noon + timedelta(minutes=30))] == []


def test_biweekly_series_with_exdate(world: ContextBundle) -> None:
    hours = busy(world, JONAS, datetime(2026, 12, 1, tzinfo=BERLIN), datetime(2027, 1, 31, tzinfo=BERLIN))
    days = [b.start.date().isoformat() for b in hours if b.summary == "Customer office hours"]
    assert days == ["2026-12-02", "2026-12-16", "2027-01-13", "2027-01-27"]  # 2026-12-30 excluded


def test_vfreebusy_periods(world: ContextBundle) -> None:
    jan = busy(world, DANA, datetime(2027, 1, 19, tzinfo=LA), datetime(2027, 1, 23, tzinfo=LA))
    fb = [b for b in jan if "free/busy" in b.summary]
    assert [(b.start, b.end) for b in fb] == [
        (datetime(2027, 1, 19, 17, tzinfo=UTC), datetime(2027, 1, 19, 20, tzinfo=UTC)),
        (datetime(2027, 1, 21, 22, tzinfo=UTC), datetime(2027, 1, 22, 1, tzinfo=UTC)),
    ]
    free = busy(world, DANA, datetime(2026, 12, 16, 9, tzinfo=LA), datetime(2026, 12, 16, 17, tzinfo=LA))
    assert not [b for b in free if "free/busy" in b.summary]  # FBTYPE=FREE does not block


def test_person_without_calendars_is_never_busy(world: ContextBundle) -> None:
    assert busy(world, "priya.shah@brightline.example", datetime(2026, 12, 1, tzinfo=UTC),
                datetime(2026, 12, 2, tzinfo=UTC)) == []


def test_busy_index_matches_brute_force() -> None:
    rng = random.Random(7)
    base = datetime(2027, 1, 1, tzinfo=UTC)
    ivs = []
    for i in range(2000):
        s = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
        length = timedelta(minutes=rng.choice([15, 30, 60, 90, 60 * 24, 60 * 24 * 5]))
        ivs.append(BusyInterval(s, s + length, f"e{i}"))
    index = BusyIndex(ivs, base, base + timedelta(days=100))
    for _ in range(300):
        qs = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
        qe = qs + timedelta(minutes=rng.choice([1, 30, 60, 600]))
        expected = sorted((iv for iv in ivs if iv.start < qe and iv.end > qs), key=lambda i: (i.start, i.summary))
        got = sorted(index.overlapping(qs, qe), key=lambda i: (i.start, i.summary))
        assert got == expected


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def _ics(summary: str) -> str:
    return (FIXTURES / "calendars" / "dana" / "work.ics").read_text().replace("Board prep", summary)


def test_cache_serves_last_good_copy_then_fails_closed(tmp_path: Path) -> None:
    path = tmp_path / "cal.ics"
    path.write_text(_ics("Board prep"))
    clock = Clock()
    cached = CachedCalendar(IcsPathFeed(path), LA, CacheTiming(refresh_seconds=60, max_stale_seconds=600,
                                                                retry_seconds=10), clock=clock)
    cals = Calendars({"c": cached})
    dana = Person(DANA, "Dana Lee", "America/Los_Angeles", calendars=("c",))
    q = (datetime(2026, 12, 1, 15, tzinfo=LA), datetime(2026, 12, 1, 16, tzinfo=LA))
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    path.write_text(_ics("Board prep v2"))
    clock.t += 30  # within the refresh interval: the cached copy answers
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    clock.t += 31  # due: this query still gets the good copy while a background refresh reads the change
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    cached.wait_refreshed(10)
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep v2"]
    path.write_text("this is not iCalendar")
    clock.t += 61
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep v2"]  # stale but young enough
    cached.wait_refreshed(10)  # the background refresh failed and kept the good copy
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep v2"]
    clock.t += 600
    with pytest.raises(CalendarUnavailable, match=r"dana.lee@brightline.example .*cal.ics: .*not valid iCalendar"):
        cals.busy(dana, *q)
    path.write_text(_ics("Board prep v3"))
    clock.t += 11
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep v3"]  # recovers once readable


def test_missing_file_without_good_copy_is_unavailable(tmp_path: Path) -> None:
    cals = Calendars({"c": CachedCalendar(IcsPathFeed(tmp_path / "nope.ics"), LA)})
    dana = Person(DANA, calendars=("c",))
    with pytest.raises(CalendarUnavailable, match=r"nope\.ics"):
        cals.busy(dana, datetime(2026, 12, 1, tzinfo=UTC), datetime(2026, 12, 2, tzinfo=UTC))


def test_queries_outside_the_window_widen_it(tmp_path: Path) -> None:
    cached = CachedCalendar(IcsPathFeed(FIXTURES / "calendars" / "dana"), LA,
                            CacheTiming(past=timedelta(days=1), future=timedelta(days=1)),
                            wall=lambda: datetime(2020, 1, 1, tzinfo=UTC))
    dana = Person(DANA, calendars=("c",))
    hits = Calendars({"c": cached}).busy(dana, datetime(2027, 1, 12, 15, tzinfo=LA),
                                         datetime(2027, 1, 12, 16, tzinfo=LA))
    assert [b.summary for b in hits] == ["Board prep"]


class _IcsHandler(BaseHTTPRequestHandler):
    body = b""
    status = 200

    def do_GET(self) -> None:
        self.send_response(self.status)
        self.send_header("Content-Type", "text/calendar")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def ics_server() -> Iterator[tuple[str, type[_IcsHandler]]]:
    handler = type("Handler", (_IcsHandler,), {"body": (FIXTURES / "calendars" / "jonas.ics").read_bytes()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/jonas.ics", handler
    server.shutdown()
    server.server_close()


def test_ics_url_over_loopback(ics_server: tuple[str, type[_IcsHandler]]) -> None:
    url, handler = ics_server
    clock = Clock()
    cached = CachedCalendar(IcsUrlFeed(url, ["127.0.0.1"], timeout=5), BERLIN,
                            CacheTiming(refresh_seconds=1, max_stale_seconds=5, retry_seconds=1), clock=clock)
    jonas = Person(JONAS, calendars=("u",))
    cals = Calendars({"u": cached})
    q = (datetime(2027, 1, 7, 10, tzinfo=BERLIN), datetime(2027, 1, 7, 11, tzinfo=BERLIN))
    assert [b.summary for b in cals.busy(jonas, *q)] == ["Globex pilot prep"]
    handler.status = 503
    clock.t += 2
    assert [b.summary for b in cals.busy(jonas, *q)] == ["Globex pilot prep"]
    clock.t += 10
    with pytest.raises(CalendarUnavailable, match=r"calendar unavailable: jonas.weber@brightline.example \(http://"):
        cals.busy(jonas, *q)


def test_ics_url_host_must_be_allowed() -> None:
    with pytest.raises(ValueError, match="ics_url_hosts"):
        IcsUrlFeed("https://evil.example/cal.ics", ["calendar.example"])
    with pytest.raises(ValueError, match="http or https"):
        IcsUrlFeed("file:///etc/passwd", ["calendar.example"])


def test_unreachable_url_is_unavailable() -> None:
    cached = CachedCalendar(IcsUrlFeed("http://127.0.0.1:9/x.ics", ["127.0.0.1"], timeout=2), UTC)
    with pytest.raises(CalendarUnavailable, match=r"127\.0\.0\.1:9"):
        Calendars({"u": cached}).busy(Person(JONAS, calendars=("u",)), datetime(2027, 1, 1, tzinfo=UTC),
                                      datetime(2027, 1, 2, tzinfo=UTC))


def test_broken_rrule_is_reported_not_crashing() -> None:
    text = (FIXTURES / "calendars" / "jonas.ics").read_text().replace("FREQ=WEEKLY;BYDAY=MO", "FREQ=SOMETIMES")
    cal = parse_calendar(text)
    # skip_bad_series drops the broken series, the rest of the calendar still counts
    got = busy_intervals(cal, datetime(2027, 1, 7, tzinfo=BERLIN), datetime(2027, 1, 8, tzinfo=BERLIN), BERLIN)
    assert "Globex pilot prep" in [b.summary for b in got]


def test_a_slow_refresh_does_not_stall_queries(tmp_path: Path) -> None:
    import threading

    class SlowFeed(IcsPathFeed):
        """Blocks its second read until the test lets it go, like a big calendar being re-indexed."""

        def __init__(self, path: Path) -> None:
            super().__init__(path)
            self.reads = 0
            self.release = threading.Event()

        def fetch(self, start: datetime, end: datetime) -> list:
            self.reads += 1
            if self.reads > 1:
                assert self.release.wait(10)
            return super().fetch(start, end)

    path = tmp_path / "cal.ics"
    path.write_text(_ics("Board prep"))
    clock = Clock()
    feed = SlowFeed(path)
    cached = CachedCalendar(feed, LA, CacheTiming(refresh_seconds=60, max_stale_seconds=600), clock=clock)
    dana = Person(DANA, calendars=("c",))
    cals = Calendars({"c": cached})
    q = (datetime(2026, 12, 1, 15, tzinfo=LA), datetime(2026, 12, 1, 16, tzinfo=LA))
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    path.write_text(_ics("Board prep v2"))
    clock.t += 61
    # The refresh is blocked inside fetch; queries are answered from the good copy meanwhile.
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep"]
    feed.release.set()
    cached.wait_refreshed(10)
    assert [b.summary for b in cals.busy(dana, *q)] == ["Board prep v2"]
