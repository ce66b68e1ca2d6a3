"""Commitment and time extraction: `extract(text, now, tz) -> Extraction`."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from promisegate.model import Extraction


def extract(text: str, now: datetime, tz: ZoneInfo | str = "UTC") -> Extraction:
    """Find the commitments, requests and time expressions in `text` relative to `now`."""
    raise NotImplementedError("extraction engine lands with issue 4")
