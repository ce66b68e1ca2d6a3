"""Alternative slots: a bare clock time after a dated one shares its day; 'Would <time> work' proposes a meeting."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from promisegate.extract import extract

LA = ZoneInfo("America/Los_Angeles")
NOW = datetime(2026, 11, 23, 10, 0, tzinfo=LA)


@pytest.mark.parametrize(("text", "second"), [
    ("We could do Tuesday, December 1 at 11am PT or 3pm PT.", "2026-12-01T15:00:00-08:00"),
    ("Thursday at 9am, or 2pm?", "2026-11-26T14:00:00-08:00"),
    ("Today at 3pm or 4pm works.", "2026-11-23T16:00:00-08:00"),  # already the same day
])
def test_bare_alternative_time_takes_the_day_before_it(text: str, second: str) -> None:
    times = extract(text, NOW, LA).times
    assert times[1].from_.isoformat() == second


@pytest.mark.parametrize("text", [
    "The call is Tuesday, December 1 at 11am PT. Lunch is at 1pm.",  # a new sentence, not an alternative
    "Tuesday at 11am PT we ship; 3pm is the cut-off.",  # joined by ';', not or/and
])
def test_clock_times_that_are_not_alternatives_keep_their_own_day(text: str) -> None:
    times = extract(text, NOW, LA).times
    assert times[1].from_.date() == NOW.date()


def test_would_time_work_is_a_meeting_proposal_with_its_time() -> None:
    (c,) = extract("Would Thursday, December 3 at 7am PT work for the kickoff?", NOW, LA).commitments
    assert (c.kind, c.rule) == ("meeting", "meeting-slot-works")
    assert c.when is not None and c.when.from_.isoformat() == "2026-12-03T07:00:00-08:00"


@pytest.mark.parametrize("text", ["Would that work for you?", "Does this approach work for your team?"])
def test_would_it_work_without_a_time_is_not_a_meeting(text: str) -> None:
    assert extract(text, NOW, LA).commitments == ()


def test_slots_that_work_on_our_side_are_offered_meetings() -> None:
    text = "Tuesday, December 1 at 11am PT or 3pm PT both work on our side for the workshop."
    (c,) = extract(text, NOW, LA).commitments
    assert c.kind == "meeting"
    assert [a.from_.isoformat() for a in c.alternatives] == ["2026-12-01T15:00:00-08:00"]


def test_work_on_our_side_without_a_time_is_not_a_meeting() -> None:
    found = extract("The integration work on our side is done.", NOW, LA).commitments
    assert [c for c in found if c.kind == "meeting"] == []
