"""Conflict-query benchmark: the pre-expanded busy index against expanding the calendar per query.

Builds a calendar of N events (single events plus recurring series with EXDATEs and
overrides), then alternates rounds of baseline (B: recurring-ical-events expansion on
every query) and product (P: `Calendars.busy` over the index built once) as B P P B ...
Prints median and p99 per query for each, and the per-round ratio baseline/product.

    .venv/bin/python bench/context.py [--events 10000] [--rounds 6] [--queries 400]
Floor: product median <= 1 ms.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from promisegate.context import Person
from promisegate.context.calendars import CachedCalendar, Calendars, IcsPathFeed
from promisegate.context.ics import busy_intervals, parse_calendar

ZONE = ZoneInfo("America/Los_Angeles")
NOW = datetime.now(UTC)


def build_ics(n_events: int, n_series: int, rng: random.Random) -> str:
    """An iCalendar text with `n_series` recurring series and the rest single events."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//promisegate bench//EN"]
    start = (NOW - timedelta(days=30)).astimezone(ZONE).replace(hour=0, minute=0, second=0, microsecond=0)

    def stamp(dt: datetime) -> str:
        return dt.strftime("%Y%m%dT%H%M%S")

    for i in range(n_series):
        first = start + timedelta(days=rng.randrange(0, 14), hours=rng.randrange(8, 17))
        freq = rng.choice(["DAILY;BYDAY=MO,TU,WE,TH,FR", "WEEKLY", "WEEKLY;INTERVAL=2"])
        lines += ["BEGIN:VEVENT", f"UID:series-{i}@bench", "DTSTAMP:20261101T000000Z", f"SUMMARY:Series {i}",
                  f"DTSTART;TZID=America/Los_Angeles:{stamp(first)}",
                  f"DTEND;TZID=America/Los_Angeles:{stamp(first + timedelta(minutes=30))}",
                  f"RRULE:FREQ={freq}", f"EXDATE;TZID=America/Los_Angeles:{stamp(first + timedelta(days=28))}",
                  "END:VEVENT",
                  "BEGIN:VEVENT", f"UID:series-{i}@bench", "DTSTAMP:20261101T000000Z",
                  f"RECURRENCE-ID;TZID=America/Los_Angeles:{stamp(first + timedelta(days=14))}",
                  f"SUMMARY:Series {i} (moved)",
                  f"DTSTART;TZID=America/Los_Angeles:{stamp(first + timedelta(days=14, hours=1))}",
                  f"DTEND;TZID=America/Los_Angeles:{stamp(first + timedelta(days=14, hours=2))}",
                  "END:VEVENT"]
    for i in range(n_events - n_series):
        s = start + timedelta(days=rng.randrange(0, 430), minutes=rng.randrange(8 * 4, 18 * 4) * 15)
        lines += ["BEGIN:VEVENT", f"UID:single-{i}@bench", "DTSTAMP:20261101T000000Z", f"SUMMARY:Meeting {i}",
                  f"DTSTART;TZID=America/Los_Angeles:{stamp(s)}",
                  f"DTEND;TZID=America/Los_Angeles:{stamp(s + timedelta(minutes=rng.choice([15, 30, 60])))}",
                  "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--series", type=int, default=100, help="how many of the events are recurring series")
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--queries", type=int, default=400, help="product queries per round")
    ap.add_argument("--baseline-queries", type=int, default=2, help="baseline queries per round")
    args = ap.parse_args()
    rng = random.Random(42)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.ics"
        path.write_text(build_ics(args.events, args.series, rng))
        t0 = time.perf_counter()
        cached = CachedCalendar(IcsPathFeed(path), ZONE)
        cals = Calendars({"big": cached})
        person = Person("se@bench.example", timezone="America/Los_Angeles", calendars=("big",))
        warm_q = NOW + timedelta(days=3)
        n_busy = len(cached.index_for(warm_q, warm_q + timedelta(hours=1)))
        load_s = time.perf_counter() - t0
        cal = parse_calendar(path.read_bytes())

        def query_times(n: int) -> list[tuple[datetime, datetime]]:
            out = []
            for _ in range(n):
                s = (NOW + timedelta(days=rng.randrange(0, 120), minutes=rng.randrange(8 * 4, 18 * 4) * 15))
                out.append((s, s + timedelta(hours=1)))
            return out

        def product(n: int) -> list[float]:
            times = []
            for s, e in query_times(n):
                t = time.perf_counter()
                cals.busy(person, s, e)
                times.append(time.perf_counter() - t)
            return times

        def baseline(n: int) -> list[float]:
            times = []
            for s, e in query_times(n):
                t = time.perf_counter()
                busy_intervals(cal, s, e, ZONE)  # recurring-ical-events expansion over the whole calendar
                times.append(time.perf_counter() - t)
            return times

        # Sanity: both paths agree on a sample of queries.
        for s, e in query_times(20):
            a = sorted((b.start, b.end, b.summary) for b in cals.busy(person, s, e))
            b = sorted((x.start, x.end, x.summary) for x in busy_intervals(cal, s, e, ZONE))
            assert a == b, (s, a, b)

        product(50)  # warm-up
        all_p: list[float] = []
        all_b: list[float] = []
        ratios: list[float] = []
        order = ["B", "P", "P", "B"]
        pending_b: list[float] = []
        pending_p: list[float] = []
        for r in range(args.rounds):
            for step in order if r % 2 == 0 else order[::-1]:
                if step == "B":
                    pending_b += baseline(args.baseline_queries)
                else:
                    pending_p += product(args.queries // 2)
            ratios.append(statistics.median(pending_b) / statistics.median(pending_p))
            all_b += pending_b
            all_p += pending_p
            pending_b, pending_p = [], []

    ms = 1000.0
    print(f"calendar: {args.events} events ({args.series} recurring series), {n_busy} busy intervals indexed, "
          f"load+index {load_s:.2f}s")
    print(f"product  (index + bisect):        median {statistics.median(all_p) * ms:.4f} ms   "
          f"p99 {pct(all_p, 0.99) * ms:.4f} ms   n={len(all_p)}")
    print(f"baseline (expand on every query): median {statistics.median(all_b) * ms:.1f} ms   "
          f"p99 {pct(all_b, 0.99) * ms:.1f} ms   n={len(all_b)}")
    print(f"ratio baseline/product per round (B P P B alternating, {args.rounds} rounds): "
          f"median {statistics.median(ratios):,.0f}x  range {min(ratios):,.0f}x – {max(ratios):,.0f}x")
    floor_ok = statistics.median(all_p) * ms <= 1.0
    print(f"floor median <= 1 ms: {'PASS' if floor_ok else 'FAIL'}")
    raise SystemExit(0 if floor_ok else 1)


if __name__ == "__main__":
    main()
