"""Commitment and time extraction: `extract(text, now, tz) -> Extraction`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from promisegate.extract.commit_rules import load_rules
from promisegate.extract.commitments import find_commitments
from promisegate.extract.nlp import get_nlp, parse
from promisegate.extract.times import find_times, get_engine
from promisegate.model import Extraction


def extract(text: str, now: datetime, tz: ZoneInfo | str = "UTC", rules_dir: Path | None = None) -> Extraction:
    """Find the commitments, requests and time expressions in `text` relative to `now`."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    if now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    load_rules(get_nlp().vocab, rules_dir)  # first: it tells the tokenizer which hyphenated words stay whole
    doc = parse(text)  # built once: times and commitments read the same tokens
    times = find_times(doc, now, zone, rules_dir=rules_dir)
    commitments, requests = find_commitments(doc, times, now, rules_dir=rules_dir)
    return Extraction(commitments=tuple(commitments), requests=tuple(requests), times=tuple(times))


def reload_patterns(rules_dir: Path | None = None) -> None:
    """Load the pattern files again; on ConfigError the patterns in use stay in force."""
    # Compile outside the caches first so that a broken file never replaces working patterns.
    get_engine.__wrapped__(rules_dir)
    load_rules.__wrapped__(get_nlp().vocab, rules_dir)
    get_engine.cache_clear()
    load_rules.cache_clear()


__all__ = ["extract", "find_times", "reload_patterns"]
