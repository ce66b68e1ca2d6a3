"""Commitment and time extraction: `extract(text, now, tz) -> Extraction`."""

from __future__ import annotations

import threading
from collections.abc import Collection
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from promisegate import native

native.extend(__path__, "extract")  # the mypyc build of the extractor, when promisegate put one in use

from promisegate.extract.commit_rules import load_rules  # noqa: E402
from promisegate.extract.commitments import find_commitments  # noqa: E402
from promisegate.extract.nlp import get_nlp, parse, remember  # noqa: E402
from promisegate.extract.times import find_times, get_engine  # noqa: E402
from promisegate.model import Extraction  # noqa: E402


def extract(text: str, now: datetime, tz: ZoneInfo | str = "UTC", rules_dir: Path | None = None,
            ours: Collection[str] = ()) -> Extraction:
    """Find the commitments, requests and time expressions in `text` relative to `now`; `ours` are the lower-case
    names of the writer's side, whose promises the mail makes ("Dana will walk your team through it")."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    if now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    nlp = get_nlp()
    with _zone_lock:  # spaCy's memory zones do not nest: one text at a time (the GIL runs one anyway)
        # Patterns first, outside the zone (and under the lock, so no other thread evicts them from their
        # caches before the zone reads them): they tell the tokenizer which hyphenated words stay whole.
        load_rules(nlp.vocab, rules_dir)
        get_engine(rules_dir)
        remember(text)
        # What the text adds to spaCy's Vocab is freed when the zone ends: nothing read from the doc
        # leaves it but plain strings, numbers and datetimes.
        with nlp.memory_zone():
            doc = parse(text)  # built once: times and commitments read the same tokens
            times = find_times(doc, now, zone, rules_dir=rules_dir)
            commitments, requests = find_commitments(doc, times, now, rules_dir=rules_dir, ours=ours)
    return Extraction(commitments=tuple(commitments), requests=tuple(requests), times=tuple(times))


_zone_lock = threading.Lock()


def reload_patterns(rules_dir: Path | None = None) -> None:
    """Load the pattern files again; on ConfigError the patterns in use stay in force."""
    # Compile outside the caches first so that a broken file never replaces working patterns; under the
    # lock, as the words compiling adds to the tokenizer must never fall in another thread's memory zone.
    with _zone_lock:
        get_engine.__wrapped__(rules_dir)
        load_rules.__wrapped__(get_nlp().vocab, rules_dir)
        get_engine.cache_clear()
        load_rules.cache_clear()


__all__ = ["extract", "find_times", "reload_patterns"]
