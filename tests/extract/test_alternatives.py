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
    # Not an alternative, but the same sentence, and the day is ahead: the clock narrows that day.
    ("Tuesday at 11am PT we ship; 3pm is the cut-off.", "2026-11-24T15:00:00-08:00"),
    ("Let's meet Thursday; 2:30 works for me.", "2026-11-26T14:30:00-08:00"),
    ("Could we push our sync to Thursday afternoon, say 2:30 Eastern?", "2026-11-26T14:30:00-05:00"),
])
def test_bare_clock_time_takes_the_day_before_it(text: str, second: str) -> None:
    times = extract(text, NOW, LA).times
    assert times[1].from_.isoformat() == second


@pytest.mark.parametrize(("text", "first"), [
    ("Either 10am or 2pm on Friday works.", "2026-11-27T10:00:00-08:00"),
    ("Let's do 9:30 Pacific / 12:30 Eastern on Wednesday.", "2026-11-25T09:30:00-08:00"),
])
def test_bare_clock_alternative_takes_the_day_after_it(text: str, first: str) -> None:
    times = extract(text, NOW, LA).times
    assert times[0].from_.isoformat() == first


@pytest.mark.parametrize("text", [
    "The call is Tuesday, December 1 at 11am PT. Lunch is at 1pm.",  # a new sentence
    "We met last Friday, and I will call you at 1pm.",  # a day in the past is another event
    "Please send it by Friday; I can talk at 1pm.",  # a limit, not a day the clock narrows
    "The audit is Friday and everyone involved in it must first check in with me at 1pm.",  # far apart
])
def test_clock_times_that_narrow_no_day_keep_their_own_day(text: str) -> None:
    times = extract(text, NOW, LA).times
    assert times[1].from_.date() == NOW.date()


@pytest.mark.parametrize(("text", "days"), [
    ("Let's target early January, ideally the 6th or 7th.", ["2027-01-06", "2027-01-07"]),
    ("In March, probably the 12th.", ["2027-03-12"]),
    ("I can do the 14th or 15th of December.", ["2026-12-14", "2026-12-15"]),
])
def test_bare_day_of_month_takes_the_month_it_narrows(text: str, days: list[str]) -> None:
    found = [t for t in extract(text, NOW, LA).times if t.grain == "day"]
    assert [t.from_.date().isoformat() for t in found] == days


@pytest.mark.parametrize(("text", "days"), [
    ("We're free Jan 5, 12 or 19.", ["2027-01-05", "2027-01-12", "2027-01-19"]),
    ("Would Dec 18, 21 or 22 work for the demo?", ["2026-12-18", "2026-12-21", "2026-12-22"]),
    ("Does the 1st, 2nd or 3rd of December work?", ["2026-12-01", "2026-12-02", "2026-12-03"]),
    ("I'm available on April 16, 17, 18 or 19th.", ["2027-04-16", "2027-04-17", "2027-04-18", "2027-04-19"]),
    ("Sessions run May 2 - 3, 9 - 10 and 16 - 17.", ["2027-05-02", "2027-05-09", "2027-05-16"]),
    ("Free on the 5th, 12th or 19th of January.", ["2027-01-05", "2027-01-12", "2027-01-19"]),
    ("In March, probably the 12th, 14th or 16th.", ["2027-03-12", "2027-03-14", "2027-03-16"]),
])
def test_days_listed_after_a_date_take_its_month(text: str, days: list[str]) -> None:
    found = [t for t in extract(text, NOW, LA).times if t.grain == "day"]
    assert [t.from_.date().isoformat() for t in found] == days


@pytest.mark.parametrize("text", [
    "On Jan 5, 6 or 7 people will join.",  # a count after the date
    "On Jan 5, 6 or 7.5 hours were logged.",
    "On Dec 5, 21-14 was the final score.",  # falling numbers are no days
    "On Oct. 19, 12 analysts cut their targets.",
    "Since May 3, 4.2 and 5.0 have shipped.",  # versions
])
def test_numbers_after_a_date_that_are_no_days_stay_unread(text: str) -> None:
    assert [t.grain for t in extract(text, NOW, LA).times if t.grain == "day"] == ["day"]


def test_listed_days_are_alternatives_of_a_meeting() -> None:
    [meeting] = extract("Would Dec 18, 21 or 22 work for the demo?", NOW, LA).commitments
    assert meeting.when is not None and meeting.when.text == "Dec 18"
    assert [a.text for a in meeting.alternatives] == ["21", "22"]


@pytest.mark.parametrize(("text", "day"), [
    ("The October invoice is due on the 15th.", "2026-12-15"),  # the month of the invoice, not of the date
    ("See you on the 30th, or on December 2.", "2026-11-30"),  # "or on" another named day: two days
])
def test_bare_day_of_month_far_from_a_month_keeps_its_own(text: str, day: str) -> None:
    bare = next(t for t in extract(text, NOW, LA).times if t.rule == "day-of-month")
    assert bare.from_.date().isoformat() == day


@pytest.mark.parametrize(("text", "days"), [
    # Written on Monday 23 November: this week's Tuesday would be tomorrow.
    ("How about early next week, say Tues or Weds afternoon?", ["2026-11-30", "2026-12-01", "2026-12-02"]),
    ("Let's aim for the week of the 7th, ideally Wednesday.", ["2026-12-07", "2026-12-09"]),
    ("Next week, Tuesday or Wednesday.", ["2026-12-01", "2026-12-02"]),
])
def test_bare_weekday_takes_the_week_it_narrows(text: str, days: list[str]) -> None:
    assert [t.from_.date().isoformat() for t in extract(text, NOW, LA).times] == days


@pytest.mark.parametrize("text", [
    "Next week is busy; Friday works.",  # another clause, no hedge: this Friday
    "Next week works, maybe Tuesday?",  # kept apart by the verb (left alone: ambiguous)
])
def test_bare_weekday_after_another_clause_keeps_its_own_week(text: str) -> None:
    assert extract(text, NOW, LA).times[1].from_.date() < datetime(2026, 11, 30).date()


def test_moving_a_meeting_promises_the_new_time_not_the_old() -> None:
    (c,) = extract("Could we move Friday's demo to Tuesday at 2pm?", NOW, LA).commitments
    assert (c.kind, c.rule) == ("meeting", "meeting-reschedule")
    assert c.when is not None and c.when.from_.isoformat() == "2026-11-24T14:00:00-08:00"


def test_a_slot_question_after_other_meeting_words_proposes_its_times() -> None:
    text = "3. For the kickoff, would Tuesday Dec 8 at 10am PT or Wednesday Dec 9 at 1pm PT work for your team?"
    (c,) = extract(text, NOW, LA).commitments
    assert (c.kind, c.rule) == ("meeting", "meeting-slot-works")
    assert c.when is not None and c.when.from_.isoformat() == "2026-12-08T10:00:00-08:00"
    assert [a.from_.isoformat() for a in c.alternatives] == ["2026-12-09T13:00:00-08:00"]


def test_a_recurrence_says_when_only_when_nothing_else_does() -> None:
    text = "I'll send calendar invites for the weekly syncs (Tuesdays, 11:00-11:30 AM ET) later today."
    (c,) = extract(text, NOW, LA).commitments
    assert (c.kind, c.object) == ("meeting", "invites")
    assert c.when is not None and c.when.text == "Tuesdays, 11:00-11:30 AM ET"


def test_a_length_used_as_an_adjective_is_no_when() -> None:
    (c,) = extract("We'll waive the onboarding fee if you commit to a 2-year term.", NOW, LA).commitments
    assert (c.kind, c.when) == ("price", None)


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


def test_an_hour_offered_before_a_clock_time_is_an_alternative_slot() -> None:
    # "Would 9 or 10am PT work?" offers both hours; the meeting's when is the first, the other its alternative.
    [meeting] = extract("Would 9 or 10am PT on Tuesday work for the kickoff?", NOW, LA).commitments
    assert meeting.kind == "meeting" and meeting.when is not None
    assert meeting.when.from_.isoformat() == "2026-11-24T09:00:00-08:00"
    assert [t.from_.isoformat() for t in meeting.alternatives] == ["2026-11-24T10:00:00-08:00"]


def test_a_clock_time_in_another_zone_takes_the_named_day_not_its_date_there() -> None:
    # "Monday morning" starts at 06:00 UTC, Sunday evening in Pacific time: the call is still on Monday.
    text = "Any chance of finalizing the tariff Monday morning (have a call, say, 8:00 AM PDT)?"
    times = extract(text, datetime(2024, 7, 10, 9, 0, tzinfo=ZoneInfo("UTC")), "UTC").times
    assert [t.from_.isoformat() for t in times] == ["2024-07-15T06:00:00+00:00", "2024-07-15T08:00:00-07:00"]


def test_a_meeting_moved_from_one_abbreviated_day_to_another_names_two_days() -> None:
    # "from Tue to Wed" after a verb of moving is the old day and the new one, not a range of two days.
    times = extract("We're moving our call from Tue to Wed, same time.", NOW, LA).times
    assert [(t.text, t.grain) for t in times] == [("Tue", "day"), ("Wed", "day")]
    assert [t.text for t in extract("Pushing the demo to Thurs.", NOW, LA).times] == ["Thurs"]
