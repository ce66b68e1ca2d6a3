"""Times offered as a list: "Jordan has the following slots open for a demo:" and one time on each line after it."""

from __future__ import annotations

import re
from collections.abc import Sequence

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
        for item in units[k + 1:]:
            if not _LIST_ITEM_GAP.fullmatch(source, last.end_char, item.start_char):
                break
            found = [t for t in times if item.start_char <= t.start and t.end <= item.end_char]
            if not found or any(item.start_char <= c.start < item.end_char for c in made):
                break
            slots.append(found[0])
            last = item
        if slots:
            text = source[intro.start_char:last.end_char]
            out.append(Commitment("meeting", text, intro.start_char, last.end_char, "meeting-slot-offered",
                                  slots[0], alternatives=tuple(slots[1:])))
    return out


# A line that introduces times to choose from; a list item opens a new line with a bullet or a number.
_SLOT_INTRO = re.compile(r"\b(?:slots?|times?|availability|available|options|windows?|openings?|free)\b", re.IGNORECASE)
_LIST_ITEM_GAP = re.compile(r"[ \t]*\n\s*(?:[-*•·–—]|\d{1,2}[.)])\s*")
