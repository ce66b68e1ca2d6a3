"""Extraction speed on the fixture emails, against raw dateparser.search_dates in the same run.

    .venv/bin/python bench/extract.py [--rounds 7] [--repeat 20]

Rounds alternate baseline and product (B P P B B P ...) so that CPU-speed drift hits both alike;
the figure to quote is the median per-round ratio with its range. Prints emails/s and p50/p99
per email for: full extract() (times + commitments), times only (tokenise + find_times), and
dateparser.search.search_dates as the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from promisegate.extract import extract
from promisegate.extract.nlp import get_nlp
from promisegate.extract.times import find_times, get_engine
from promisegate.parse import parse_message
from promisegate.paths import bundled

NOW = datetime(2024, 7, 10, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def load_texts() -> list[str]:
    """The new text of every fixture email (quoted reply and signature removed), as the relay sees it."""
    paths = sorted((bundled("fixtures") / "emails").glob("*.eml"))
    return [parse_message(p.read_bytes()).text for p in paths]


def load_bodies() -> list[str]:
    """Whole decoded bodies (~2-3 KB each), for the "3 KB email" figure."""
    from email import policy
    from email.parser import BytesParser

    out = []
    for p in sorted((bundled("fixtures") / "emails").glob("*.eml")):
        msg = BytesParser(policy=policy.default).parsebytes(p.read_bytes())
        out.append(msg.get_body(preferencelist=("plain",)).get_content())  # type: ignore[union-attr]
    return out


def run(fn: Callable[[str], object], texts: list[str], repeat: int) -> list[float]:
    """Per-email latencies (seconds) of `fn` over `repeat` passes of `texts`."""
    times: list[float] = []
    for _ in range(repeat):
        for text in texts:
            t0 = time.perf_counter()
            fn(text)
            times.append(time.perf_counter() - t0)
    return times


def describe(name: str, xs: list[float]) -> str:
    xs = sorted(xs)
    p50 = xs[len(xs) // 2] * 1000
    p99 = xs[min(len(xs) - 1, int(0.99 * len(xs)))] * 1000
    return f"{name:28s} {len(xs) / sum(xs):8.0f} emails/s   p50 {p50:6.2f} ms   p99 {p99:6.2f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=6)
    ap.add_argument("--repeat", type=int, default=20, help="passes over the emails per round")
    args = ap.parse_args()
    warnings.simplefilter("ignore")  # dateparser's deprecation chatter is not what we measure
    from dateparser.search import search_dates

    bodies = load_bodies()
    nlp = get_nlp()
    get_engine()
    settings = {"RELATIVE_BASE": NOW.replace(tzinfo=None)}

    def baseline(text: str) -> object:
        return search_dates(text, languages=["en"], settings=settings)  # type: ignore[arg-type]

    def product(text: str) -> object:
        return extract(text, NOW, "America/New_York")

    def times_only(text: str) -> object:
        return find_times(nlp(text), NOW, "America/New_York")

    for fn in (baseline, product, times_only):  # warm caches and lazy imports
        run(fn, bodies, 1)
    size = sum(len(b) for b in bodies) / len(bodies)
    print(f"{len(bodies)} fixture emails, mean body {size:.0f} chars; {args.rounds} rounds x {args.repeat} passes")
    base_all: list[float] = []
    prod_all: list[float] = []
    times_all: list[float] = []
    ratios: list[float] = []
    for r in range(args.rounds):
        order = ("B", "P") if r % 2 == 0 else ("P", "B")
        got: dict[str, list[float]] = {}
        for who in order:
            got[who] = run(baseline if who == "B" else product, bodies, args.repeat)
        times_all += run(times_only, bodies, args.repeat)
        base_all += got["B"]
        prod_all += got["P"]
        ratios.append(sum(got["B"]) / sum(got["P"]))
        print(f"  round {r + 1} ({''.join(order)}): product is {ratios[-1]:.1f}x faster than search_dates")
    print(describe("extract() (times+commits)", prod_all))
    print(describe("times only (tokenise+find)", times_all))
    print(describe("dateparser.search_dates", base_all))
    print(f"median ratio {statistics.median(ratios):.1f}x (range {min(ratios):.1f}x-{max(ratios):.1f}x)")


if __name__ == "__main__":
    main()
