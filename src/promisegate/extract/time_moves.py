"""Times that something is moved from or to: "move our sync from Wednesday to Friday", "the kickoff moved to the
14th". The time moved to lies ahead whatever the tense, and the two times are no range."""

from __future__ import annotations

from promisegate.extract.time_lexicon import TimeLexicon

MOVE_VERBS = frozenset({"move", "moving", "moved", "push", "pushing", "pushed", "reschedule", "rescheduling",
                        "rescheduled", "shift", "shifting", "shifted", "bump", "bumping", "bumped", "switch",
                        "switching", "swap", "change", "changing", "postpone", "postponing", "postponed"})
# Past tenses of moving that look ahead before "to" and a date.
MOVED = frozenset({"moved", "pushed", "rescheduled", "postponed", "delayed", "shifted", "bumped", "deferred",
                   "slipped", "pulled"})
MOVED_TO = frozenset({"to", "until", "till", "for", "into"})
_DATE_OPENERS = frozenset({"the", "next", "early", "mid", "late", "end", "tomorrow", "monday", "tuesday", "wednesday",
                           "thursday", "friday", "saturday", "sunday"})


def moving_from(words: list[str], start: int) -> bool:
    """Whether a time at `start` is where something moves from ("move our sync from Wednesday to Friday", "push the
    demo from the 10th to the 17th"): the old time and the new one, not a range."""
    k = start if words[start] == "from" else start - 1
    if k < 0 or words[k] != "from":
        return False
    return not MOVE_VERBS.isdisjoint(words[max(0, k - 5):k])


def moved_here(words: list[str], start: int) -> bool:
    """Whether token `start` is where something is moved to: "to" / "until" / "for" right before it and a verb of
    moving before that ("moved to", "pushed back to", "rescheduled for", "move our sync from Wednesday to")."""
    j = start - 1
    if j < 1 or words[j] not in MOVED_TO:
        return False
    before = words[max(0, j - 8):j]
    return not MOVED.isdisjoint(before) or not MOVE_VERBS.isdisjoint(before)


def moved_to_date(words: list[str], i: int, lex: TimeLexicon) -> bool:
    """Whether the verb of moving at `i` moves something to a date: "moved to the 14th", "pushed back to Thursday",
    "postponed until March" (not "moved to Boston in March")."""
    j = i + 1
    while j < len(words) and words[j] in ("back", "out", "forward", "up"):
        j += 1
    if j + 1 >= len(words) or words[j] not in MOVED_TO:
        return False
    nxt = words[j + 1]
    after = words[j + 2] if j + 2 < len(words) else ""
    # A number is a date or a clock time only with its form or am/pm ("to the 14th", "to 9am", "to 12/14"; not
    # "shares moved to 5").
    dated = nxt[:1].isdigit() and (not nxt.isdigit() or after in ("am", "pm", "a.m.", "p.m."))
    return dated or nxt in _DATE_OPENERS or nxt in lex.months or nxt in lex.weekdays
