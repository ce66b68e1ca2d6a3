"""Calendars from a real CalDAV server: Radicale on a free loopback port, events PUT through caldav."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from promisegate.context import Person
from promisegate.context.caldav_source import CalDavFeed
from promisegate.context.calendars import CachedCalendar, CacheTiming, Calendars
from promisegate.errors import CalendarUnavailable
from tests.context.conftest import BERLIN, FIXTURES

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

USER, PASSWORD = "jonas", "s3cret"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def radicale(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("radicale")
    users = root / "users"
    users.write_text(f"{USER}:{PASSWORD}\n")
    port = _free_port()
    log = (root / "radicale.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(root / "collections"),
         "--auth-type", "htpasswd", "--auth-htpasswd-filename", str(users),
         "--auth-htpasswd-encryption", "plain", "--logging-level", "warning"],
        stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError((root / "radicale.log").read_text()) from None
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


def _split_events(path: Path) -> list[str]:
    """Each UID of a fixture calendar as its own VCALENDAR (how CalDAV stores them)."""
    import icalendar

    cal = icalendar.Calendar.from_ical(path.read_bytes())
    by_uid: dict[str, icalendar.Calendar] = {}
    for ev in cal.walk("VEVENT"):
        out = by_uid.setdefault(str(ev["UID"]), icalendar.Calendar())
        if not out.get("VERSION"):
            out.add("VERSION", "2.0")
            out.add("PRODID", "-//promisegate tests//EN")
        out.add_component(ev)
    return [c.to_ical().decode() for c in by_uid.values()]


@pytest.fixture(scope="module")
def jonas_collection(radicale: str) -> str:
    import caldav

    with caldav.DAVClient(url=f"{radicale}/{USER}/", username=USER, password=PASSWORD) as client:
        cal = client.principal().make_calendar(name="work", cal_id="work")
        text = (FIXTURES / "calendars" / "jonas.ics").read_text()
        # CalDAV objects need real zones: turn the floating X-WR-TIMEZONE times into TZID times.
        text = text.replace("X-WR-TIMEZONE:Europe/Berlin\n", "")
        for key in ("DTSTART", "DTEND", "RECURRENCE-ID", "EXDATE"):
            text = text.replace(f"\n{key}:2", f"\n{key};TZID=Europe/Berlin:2")
        for data in _split_events_text(text):
            cal.save_event(data)
        return str(cal.url)


def _split_events_text(text: str) -> list[str]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".ics", delete=False) as f:
        f.write(text)
    try:
        return _split_events(Path(f.name))
    finally:
        Path(f.name).unlink()


def _calendars(url: str, password: str = PASSWORD, **timing: float) -> tuple[Calendars, Person]:
    feed = CalDavFeed(url, USER, password, timeout=5)
    cached = CachedCalendar(feed, BERLIN, CacheTiming(**timing))  # type: ignore[arg-type]
    return Calendars({"dav": cached}), Person("jonas.weber@brightline.example", "Jonas Weber", "Europe/Berlin",
                                             calendars=("dav",))


def test_caldav_events_recurrences_and_overrides(jonas_collection: str) -> None:
    cals, jonas = _calendars(jonas_collection)
    try:
        got = cals.busy(jonas, datetime(2026, 12, 7, tzinfo=BERLIN), datetime(2026, 12, 8, tzinfo=BERLIN))
        assert [(b.summary, b.start) for b in got] == [
            ("EMEA team sync (moved)", datetime(2026, 12, 7, 14, tzinfo=BERLIN))]
        # Recurring series across the EU DST change keeps 10:00 local.
        spring = cals.busy(jonas, datetime(2027, 3, 29, 9, tzinfo=BERLIN), datetime(2027, 3, 29, 12, tzinfo=BERLIN))
        assert [b.start for b in spring if b.summary == "EMEA team sync"] == [datetime(2027, 3, 29, 10, tzinfo=BERLIN)]
        assert spring[0].start.astimezone(UTC).hour == 8
        # Transparent lunch does not block; all-day vacation does.
        assert cals.busy(jonas, datetime(2026, 12, 2, 12, 45, tzinfo=BERLIN),
                         datetime(2026, 12, 2, 13, 15, tzinfo=BERLIN)) == []
        ski = cals.busy(jonas, datetime(2027, 2, 16, 10, tzinfo=BERLIN), datetime(2027, 2, 16, 11, tzinfo=BERLIN))
        assert [b.summary for b in ski] == ["Skiurlaub (vacation)"] and ski[0].all_day
    finally:
        cals.close()


def test_caldav_event_added_later_is_seen_after_refresh(jonas_collection: str) -> None:
    import caldav

    cals, jonas = _calendars(jonas_collection, refresh_seconds=0.0)
    slot = (datetime(2027, 1, 20, 16, tzinfo=BERLIN), datetime(2027, 1, 20, 17, tzinfo=BERLIN))
    try:
        assert cals.busy(jonas, *slot) == []
        with caldav.DAVClient(url=jonas_collection, username=USER, password=PASSWORD) as client:
            client.calendar(url=jonas_collection).save_event(
                dtstart=slot[0], dtend=slot[1], summary="Globex steering committee", uid="late-1@test")
        cals.refresh()
        assert [b.summary for b in cals.busy(jonas, *slot)] == ["Globex steering committee"]
    finally:
        cals.close()


def test_caldav_wrong_password_is_unavailable(jonas_collection: str) -> None:
    cals, jonas = _calendars(jonas_collection, password="wrong")
    with pytest.raises(CalendarUnavailable, match=r"calendar unavailable: jonas\.weber@brightline\.example"):
        cals.busy(jonas, datetime(2026, 12, 7, tzinfo=BERLIN), datetime(2026, 12, 8, tzinfo=BERLIN))
    cals.close()


def test_caldav_server_down_is_unavailable() -> None:
    cals, jonas = _calendars(f"http://127.0.0.1:{_free_port()}/{USER}/work/", max_stale_seconds=0)
    start = datetime.now(UTC)
    with pytest.raises(CalendarUnavailable):
        cals.busy(jonas, start, start + timedelta(hours=1))
    cals.close()
