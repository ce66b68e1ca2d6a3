"""Lists under an intro line: times offered ("Jordan has the following slots open for a demo:" and one time on
each line after it), and terms offered ("Here's what I can do:" and one offer on each line after it)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from promisegate.extract.commit_units import Unit
from promisegate.model import Commitment, TimeSpan


def slot_lists(source: str, units: list[Unit], times: Sequence[TimeSpan], made: list[Commitment]) -> list[Commitment]:
    """Times offered as a list under a line about slots ("Jordan has the following slots open for a demo:" and
    "- Tuesday, March 11 at 9:30am PT" on each line after it): one proposed meeting, the first item its `when`,
    the others its alternatives. Items that made a commitment of their own leave the list to it."""
    out: list[Commitment] = []
    for k, intro in enumerate(units):
        head = source[intro.start_char:intro.end_char]
        if not head.endswith(":") or not _SLOT_INTRO.search(head):
            continue
        slots: list[TimeSpan] = []
        last = intro
        for item in _items_under(source, units, k):
            found = [t for t in times if item.start_char <= t.start and t.end <= item.end_char]
            if not found or any(item.start_char <= c.start < item.end_char for c in made):
                break
            # One time an item, or one a line when items with no bullet run on as one clause ("Option A - Tue
            # Dec 22, 10-11:30am PT" / "Option B - Mon Jan 4, 1-2:30pm PT").
            slots += [t for n, t in enumerate(found) if n == 0 or "\n" in source[found[n - 1].end:t.start]]
            last = item
        if slots:
            text = source[intro.start_char:last.end_char]
            out.append(Commitment("meeting", text, intro.start_char, last.end_char, "meeting-slot-offered",
                                  slots[0], alternatives=tuple(slots[1:])))
    return out


def _items_under(source: str, units: list[Unit], k: int) -> Iterator[Unit]:
    """The list items that follow clause `k`, one per line, each opened by a bullet or a number (or by "Option A")."""
    last = units[k]
    for item in units[k + 1:]:
        if not _LIST_ITEM_GAP.fullmatch(source, last.end_char, item.start_char) and not (
                _LINE_GAP.fullmatch(source, last.end_char, item.start_char)
                and _NAMED_ITEM.match(source, item.start_char)):
            return
        yield item
        last = item


# A line that introduces times to choose from; a list item opens a new line with a bullet or a number.
_SLOT_INTRO = re.compile(r"\b(?:slots?|times?|availability|available|options|windows?|openings?|free|proposals)\b",
                         re.IGNORECASE)
_LIST_ITEM_GAP = re.compile(r"[ \t]*\n\s*(?:[-*•·–—]|\d{1,2}[.)])\s*")
# (or, on a line of its own with no bullet, an item that names itself: "Option A - Tue Dec 22, 10-11:30am PT")
_LINE_GAP = re.compile(r"[ \t]*\n\s*")
_NAMED_ITEM = re.compile(r"(?:option|choice|alternative)\s+\w{1,2}\b", re.IGNORECASE)


def offer_lists(source: str, units: list[Unit], requests: list[Commitment]) -> list[Commitment]:
    """The requests that are offers: list items under a line in which we say what we can do ("Here's what I can
    do:" / "* Add 25 seats at no charge through March 31"), written as orders but offered. They are taken out of
    `requests` and returned as commitments."""
    moved: list[Commitment] = []
    for k, intro in enumerate(units):
        head = source[intro.start_char:intro.end_char]
        if not head.endswith(":") or not _OFFER_INTRO.search(head):
            continue
        for item in _items_under(source, units, k):
            moved += [r for r in requests if item.start_char <= r.start < item.end_char and r.kind != "other"]
    for r in moved:
        requests.remove(r)
    return moved


# A line in which the writer says what they can do or propose: the items after it are offers.
_OFFER_INTRO = re.compile(r"\b(?:(?:i|we)\s*(?:can|could|will|'ll|’ll|would|'d|’d|are\s+able\s+to|am\s+able\s+to)\s+"
                          r"(?:do|offer|propose|include|provide|extend)|(?:i|we)\s+(?:propose|suggest|offer)|"
                          r"(?:our|my)\s+(?:proposal|offer))\b", re.IGNORECASE)
