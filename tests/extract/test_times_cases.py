"""Hand-written time-expression cases: what is a time, its bounds and grain, and what is not.

`now` is Wednesday 2024-07-10 09:00 in New York unless a case says otherwise. Each case names the
pattern ids it exercises; test_every_pattern_id_has_cases checks that every id in
rules/patterns/times.jsonl has at least one positive and one negative case.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest

from promisegate.extract.nlp import get_nlp, token_columns
from promisegate.extract.times import find_times, get_engine
from promisegate.model import TimeSpan

NY = ZoneInfo("America/New_York")
NOW = datetime(2024, 7, 10, 9, 0, tzinfo=NY)


class Expect(NamedTuple):
    text: str
    start: str  # ISO prefix of `from`
    end: str  # ISO prefix of `to` ("" = not checked)
    grain: str
    limit: Expect | None = None  # the limit a bound word sets ("by Friday"): what a commitment promises


class Case(NamedTuple):
    text: str
    expect: tuple[Expect, ...]
    ids: tuple[str, ...]


def times(text: str, now: datetime = NOW) -> list[TimeSpan]:
    return find_times(get_nlp()(text), now, NY)


def E(text: str, start: str, end: str = "", grain: str = "day", limit: Expect | None = None) -> Expect:
    return Expect(text, start, end, grain, limit)


POSITIVE: list[Case] = [
    Case("We will send it by Friday.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00",
           limit=E("by Friday", "2024-07-10T09:00", "2024-07-13T00:00")),), ("weekday",)),
    # "follow up", "went up": the "up" is the verb's ("up to two weeks" keeps it).
    Case("I'll follow up two weeks from today.", (E("two weeks from today", "2024-07-24", "", "week"),),
         ("relative-ago",)),
    Case("Prices went up two weeks ago.", (E("two weeks ago", "2024-06-26", "", "week"),), ("relative-ago",)),
    # A slot written in two zones: the second clock time is the same slot, on the same day, never the first
    # one's hour moved ("Thursday 8am PT (11am" read as 11am PT before).
    Case("Does Thursday 8am PT (11am ET) work?", (E("Thursday 8am PT", "2024-07-11T08:00:00-07:00", "2024-07-11T09:00",
         "hour"), E("11am ET", "2024-07-11T11:00:00-04:00", "2024-07-11T12:00", "hour")), ("weekday", "clock", "zone")),
    Case("How's 8am Pacific (11am Eastern) on Thursday?", (
        E("8am Pacific", "2024-07-11T08:00:00-07:00", "2024-07-11T09:00", "hour"),
        E("11am Eastern", "2024-07-11T11:00:00-04:00", "2024-07-11T12:00", "hour"), E("Thursday", "2024-07-11")),
         ("clock", "zone", "weekday")),
    Case("Can we do 10am your time on Tuesday?", (E("10am your time on Tuesday", "2024-07-16T10:00", "2024-07-16T11:00",
         "hour"),), ("clock", "weekday")),
    # "the week after" / "the year before" with no date after them: next to the period just named.
    Case("I'm out next week, so the week after is better.", (E("next week", "2024-07-15", "2024-07-22", "week"),
         E("the week after", "2024-07-22", "2024-07-29", "week")), ("relative-unit", "the-unit")),
    Case("Sales rose 5% last year, after a drop the year before.", (E("last year", "2023-01-01", "2024-01-01", "year"),
         E("the year before", "2022-01-01", "2023-01-01", "year")), ("relative-unit", "the-unit")),
    # Slots listed on bullet lines are alternatives: the dash that opens a line is no range.
    Case("Slots:\n- Tuesday, July 16 at 9:30am PT\n- Wednesday, July 17 at 1pm PT", (
        E("Tuesday, July 16 at 9:30am PT", "2024-07-16T09:30:00-07:00", "2024-07-16T09:31", "minute"),
        E("Wednesday, July 17 at 1pm PT", "2024-07-17T13:00:00-07:00", "2024-07-17T14:00", "hour")),
         ("weekday", "month-day", "clock", "zone")),
    # A short question right after a sentence naming a day asks about a time on that day.
    Case("Let's meet Thursday. Does 2:30 work?", (E("Thursday", "2024-07-11", "2024-07-12"),
         E("2:30", "2024-07-11T14:30", "2024-07-11T14:31", "minute")), ("weekday", "clock")),
    Case("The launch is Thursday. Call me at 3 to talk it through.", (E("Thursday", "2024-07-11", "2024-07-12"),
         E("3", "2024-07-10T15:00", "2024-07-10T16:00", "hour")), ("weekday", "clock")),
    # Back after being out: the day of return runs on from the day out (Thursday after that Monday, not tomorrow).
    Case("I'll be out Monday, back on Thursday.", (E("Monday", "2024-07-15", "2024-07-16"),
         E("Thursday", "2024-07-18", "2024-07-19")), ("weekday",)),
    # Moved from one time to another: two times, not a range ("I'm free from 2pm to 4pm" is one).
    Case("Let's push the demo from the 10th to the 17th.", (E("the 10th", "2024-07-10", "2024-07-11"),
         E("the 17th", "2024-07-17", "2024-07-18")), ("day-of-month-range",)),
    Case("I'm free from 2pm to 4pm tomorrow.", (E("2pm to 4pm tomorrow", "2024-07-11T14:00", "2024-07-11T16:00",
         "hour"),), ("clock-range",)),
    # A meeting moved goes to a day still ahead, though "moved" is a past tense.
    Case("The kickoff moved to the 8th.", (E("the 8th", "2024-08-08", "2024-08-09"),), ("day-of-month",)),
    Case("The call moved to 9am on Monday.", (E("9am on Monday", "2024-07-15T09:00", "2024-07-15T10:00", "hour"),),
         ("clock", "weekday")),
    Case("Shares moved to 5 on Monday.", (E("Monday", "2024-07-08", "2024-07-09"),), ("weekday",)),
    Case("We moved to Boston in May.", (E("May", "2024-05-01", "2024-06-01", "month"),), ("month-cued",)),
    Case("We'll start the month after we sign.", (E("the month", "2024-07-01", "2024-08-01", "month"),), ("the-unit",)),
    # After a preposition a month stays one before a name: "In May Acme signed".
    Case("In May Acme signed the deal.", (E("May", "2024-05-01", "2024-06-01", "month"),), ("month-cued",)),
    # A bare hour after "after" / "before" is a clock time when a zone follows it.
    Case("I'm free after 2 PT on Thursday.", (E("2 PT on Thursday", "2024-07-11T14:00:00-07:00",
         "2024-07-11T15:00", "hour"),), ("clock", "weekday")),
    Case("Call me after 4 Eastern tomorrow.", (E("4 Eastern tomorrow", "2024-07-11T16:00:00-04:00",
         "2024-07-11T17:00", "hour"),), ("clock",)),
    # A limit in another zone still runs from now (9:00 in New York, 6:00 in Pacific time).
    Case("I'll send it by 5pm PT tomorrow.", (E("5pm PT tomorrow", "2024-07-11T17:00:00-07:00", "2024-07-11T18:00",
         "hour", limit=E("by 5pm PT tomorrow", "2024-07-10T09:00:00-04:00", "2024-07-11T17:00", "hour")),), ("clock",)),
    # A limit runs from now, also on a day already begun (NOW is a Wednesday, 9am).
    Case("We will send it by Wednesday.", (E("Wednesday", "2024-07-10T00:00", "2024-07-11T00:00",
           limit=E("by Wednesday", "2024-07-10T09:00", "2024-07-11T00:00")),), ("weekday",)),
    Case("I'll have it to you by today.", (E("today", "2024-07-10T00:00", "2024-07-11T00:00",
           limit=E("by today", "2024-07-10T09:00", "2024-07-11T00:00")),), ("deictic-day",)),
    Case("Can we meet next Tuesday at 3pm PT?",
         (E("next Tuesday at 3pm PT", "2024-07-16T15:00:00-07:00", "2024-07-16T16:00", "hour"),),
         ("weekday-relative", "clock", "zone")),
    Case("Let's talk Monday or Tuesday.",
         (E("Monday", "2024-07-15T00:00"), E("Tuesday", "2024-07-16T00:00")), ("weekday",)),
    Case("The call is between 2 and 4pm.",
         (E("between 2 and 4pm", "2024-07-10T14:00", "2024-07-10T16:00", "hour"),), ("clock-range",)),
    Case("The conference runs March 3–5.",
         (E("March 3–5", "2025-03-03T00:00", "2025-03-06T00:00"),), ("month-day-range",)),
    Case("Our booth is open 19-22 April.", (E("19-22 April", "2025-04-19", "2025-04-23"),), ("month-day-range",)),
    Case("I'll have it to you by EOD.", (E("EOD", "2024-07-10T09:00", "2024-07-11T00:00",
           limit=E("by EOD", "2024-07-10T09:00", "2024-07-11T00:00")),), ("shorthand",)),
    Case("Please reply by COB.", (E("COB", "2024-07-10T09:00", "2024-07-10T17:00", "hour",
           limit=E("by COB", "2024-07-10T09:00", "2024-07-10T17:00", "hour")),), ("shorthand",)),
    Case("We'll wrap up by EOW.", (E("EOW", "2024-07-10T09:00", "2024-07-13T00:00",
           limit=E("by EOW", "2024-07-10T09:00", "2024-07-13T00:00")),), ("shorthand",)),
    Case("Pricing holds until the end of the quarter.",
         (E("the end of the quarter", "2024-09-23T00:00", "2024-10-01T00:00", "quarter",
           limit=E("until the end of the quarter", "2024-07-10T09:00", "2024-10-01T00:00", "quarter")),),
         ("shorthand",)),
    Case("Budget resets at the end of the year.",
         (E("the end of the year", "2024-12", "2025-01-01T00:00", "year"),), ("shorthand",)),
    Case("We need it by the end of May.", (E("the end of May", "2025-05-29T00:00", "2025-06-01T00:00", "month",
           limit=E("by the end of May", "2024-07-10T09:00", "2025-06-01", "month")),),
         ("period-part", "month-cued")),
    Case("The feature ships in Q3.", (E("Q3", "2024-07-01T00:00", "2024-10-01T00:00", "quarter"),), ("quarter",)),
    Case("Expect the connector in H2 2025.", (E("H2 2025", "2025-07-01", "2026-01-01", "quarter"),), ("quarter",)),
    Case("Revenue rose in the third quarter of 1989.",
         (E("the third quarter of 1989", "1989-07-01", "1989-10-01", "quarter"),), ("quarter", "year")),
    Case("This year's third quarter was weak.",
         (E("This year's third quarter", "2024-07-01", "2024-10-01", "quarter"),), ("relative-unit", "quarter")),
    Case("Our FY25 plan is ready.", (E("FY25", "2025-01-01", "2026-01-01", "year"),), ("year-fiscal",)),
    Case("The data is from fiscal 1989.", (E("fiscal 1989", "1989-01-01", "1990-01-01", "year"),), ("year-fiscal",)),
    # "within" sets a limit like "by": the time is "48 hours", the limit "within 48 hours".
    Case("We'll respond within 48 hours.",
         (E("48 hours", "2024-07-10T09:00", "2024-07-12T09:00", "hour",
            limit=E("within 48 hours", "2024-07-10T09:00", "2024-07-12T09:00", "hour")),), ("within-duration",)),
    Case("We fix P1 bugs within 3 business days.",
         (E("3 business days", "2024-07-15T00:00", "2024-07-16T00:00",
            limit=E("within 3 business days", "2024-07-10T09:00", "2024-07-16T00:00")),), ("within-duration",)),
    Case("It will be live in two weeks.", (E("in two weeks", "2024-07-24T00:00", "2024-07-25T00:00"),),
         ("in-duration",)),
    Case("Onboarding starts the first week of January.",
         (E("the first week of January", "2025-01-01", "2025-01-08", "week"),), ("first-week-of",)),
    # A count of weeks from a month's edge: the last two weeks of December end with it.
    Case("I'm out the last two weeks of December.",
         (E("the last two weeks of December", "2024-12-18", "2025-01-01", "week"),), ("first-week-of",)),
    Case("We can start in the first 2 weeks of January.",
         (E("the first 2 weeks of January", "2025-01-01", "2025-01-15", "week"),), ("first-week-of",)),
    Case("Can we push the call to the 2nd week of August?",
         (E("the 2nd week of August", "2024-08-08", "2024-08-15", "week"),), ("first-week-of",)),
    # "week 2 of January" is its second week, as "the 2nd week" is; "week 49" alone is an ISO week.
    Case("Can we do week 2 of January?",
         (E("week 2 of January", "2025-01-08", "2025-01-15", "week"),), ("first-week-of",)),
    Case("Training is the first week of next month.",
         (E("the first week of next month", "2024-08-01", "2024-08-08", "week"),), ("first-week-of",)),
    Case("Invoices go out the last week of the month.",
         (E("the last week of the month", "2024-07-25", "2024-08-01", "week"),), ("first-week-of",)),
    # "later this week" is the rest of the week, "earlier this week" the part gone by.
    Case("Can we talk later this week?", (E("later this week", "2024-07-10T09:00", "2024-07-15T00:00", "week"),),
         ("relative-unit",)),
    Case("Earlier this week we met.", (E("Earlier this week", "2024-07-08T00:00", "2024-07-10T09:00", "week"),),
         ("relative-unit",)),
    Case("We'll go live the week after next.", (E("the week after next", "2024-07-22", "2024-07-29", "week"),),
         ("relative-unit",)),
    Case("Kickoff is tentatively 7/18 @ 2pm EST.",
         (E("7/18 @ 2pm EST", "2024-07-18T14:00:00-04:00", "2024-07-18T15:00", "hour"),), ("date-numeric-short",)),
    Case("Let's aim for the week of the 14th.",
         (E("the week of the 14th", "2024-07-08T00:00", "2024-07-15T00:00", "week"),), ("week-of", "day-of-month")),
    Case("I'll call you at 10:30am ET on Thursday.",
         (E("10:30am ET on Thursday", "2024-07-11T10:30:00-04:00", "2024-07-11T10:31", "minute"),),
         ("clock", "zone", "weekday")),
    Case("The webinar is July 22 at 11am Pacific time.",
         (E("July 22 at 11am Pacific time", "2024-07-22T11:00:00-07:00", "", "hour"),), ("month-day", "zone")),
    Case("Call me at 3pm CET on Monday.", (E("3pm CET on Monday", "2024-07-15T15:00:00+02:00", "", "hour"),),
         ("clock", "zone")),
    # Pacific time in January is PST (-08:00), in July PDT (-07:00): the zone, not a fixed offset.
    Case("The launch is 3pm PT on January 15.",
         (E("3pm PT on January 15", "2025-01-15T15:00:00-08:00", "", "hour"),), ("clock", "zone")),
    Case("The launch is 3pm PT on July 15.", (E("3pm PT on July 15", "2024-07-15T15:00:00-07:00", "", "hour"),),
         ("clock", "zone")),
    Case("Send the W-9 before Friday.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00",
           limit=E("before Friday", "2024-07-10T09:00", "2024-07-12T00:00")),),
         ("weekday",)),
    Case("The review was last week.", (E("last week", "2024-07-01T00:00", "2024-07-08T00:00", "week"),),
         ("relative-unit",)),
    Case("We met two weeks ago.", (E("two weeks ago", "2024-06-26T00:00", "2024-07-03T00:00", "week"),),
         ("relative-ago",)),
    Case("See you tomorrow morning.", (E("tomorrow morning", "2024-07-11T06:00", "2024-07-11T12:00", "hour"),),
         ("part-of-day", "deictic-day")),
    Case("The office party is on 12/20/2024.", (E("12/20/2024", "2024-12-20T00:00", "2024-12-21T00:00"),),
         ("date-numeric",)),
    Case("The audit closed on 2024-06-30.", (E("2024-06-30", "2024-06-30T00:00", "2024-07-01T00:00"),),
         ("date-numeric",)),
    Case("Renewal is due 11/15.", (E("11/15", "2024-11-15T00:00"),), ("date-numeric-short",)),
    Case("It happened in 1998.", (E("1998", "1998-01-01", "1999-01-01", "year"),), ("year",)),
    # "in the new year" is the next year, not its first day ("Happy New Year" is the day).
    Case("I'll follow up in the new year.", (E("the new year", "2025-01-01", "2026-01-01", "year"),), ("holiday",)),
    # US public holidays, fixed and moving (Election Day: the Tuesday after the first Monday of November).
    Case("From now to Election Day we campaign.", (E("now", "2024-07-10T09:00", "2024-07-10T09:01", "minute"),
                                                   E("Election Day", "2024-11-05")), ("present", "holiday")),
    Case("We'll be closed on Veterans Day and Presidents' Day.", (E("Veterans Day", "2024-11-11"),
                                                                   E("Presidents' Day", "2025-02-17")), ("holiday",)),
    Case("We'll be out for MLK Day and Juneteenth.", (E("MLK Day", "2025-01-20"), E("Juneteenth", "2025-06-19")),
         ("holiday",)),
    # A capitalised March or May between a determiner and the thing it dates is the month ("the March go-live").
    Case("We will hit the March go-live.", (E("March", "2025-03-01", "2025-04-01", "month"),), ("month-cued",)),
    Case("Our May release fixed it.", (E("May", "2024-05-01", "2024-06-01", "month"),), ("month-cued",)),
    # "AM" / "PM" after a day with no clock time is that day's morning or afternoon.
    Case("See you Monday AM.", (E("Monday AM", "2024-07-15T06:00", "2024-07-15T12:00", "hour"),), ("weekday",)),
    Case("Let me know if tomorrow pm works.", (E("tomorrow pm", "2024-07-11T12:00", "2024-07-11T18:00", "hour"),),
         ("part-of-day",)),
    Case("Are you still available Thurs a.m.?", (E("Thurs a.m.", "2024-07-11T06:00", "2024-07-11T12:00", "hour"),),
         ("weekday-abbr-date",)),
    # A product named with its year is a version, not a time; the bill or standard numbered like a year likewise.
    Case("We have run SQL Server 2019 since 2021.", (E("2021", "2021-01-01", "2022-01-01", "year"),),
         ("block-version", "year")),
    Case("Under AB 1890, signed in 1996, direct access was illegal.", (E("1996", "1996-01-01", "1997-01-01", "year"),),
         ("block-identifier", "year")),
    Case("She was born in the 1970s.", (E("the 1970s", "1970-01-01", "1980-01-01", "year"),), ("decade",)),
    Case("True since the 20th century.", (E("the 20th century", "1901-01-01", "2001-01-01", "year"),),
         ("decade",)),
    Case("We'll launch this summer.", (E("this summer", "2024-06-01", "2024-09-01", "quarter"),), ("season",)),
    Case("Our team is off for Christmas.", (E("Christmas", "2024-12-25", "2024-12-26"),), ("holiday",)),
    Case("We will call after Thanksgiving.", (E("Thanksgiving", "2024-11-28", "2024-11-29"),), ("holiday",)),
    # The year-end holiday period: Christmas Eve through New Year's Day.
    Case("We'll have the contract signed before the holidays.",
         (E("the holidays", "2024-12-24", "2025-01-02", "week", limit=E("before the holidays", "2024-07-10T09:00",
                                                                        "2024-12-24", "week")),), ("holiday",)),
    Case("We're closed over the Christmas break.", (E("Christmas break", "2024-12-24", "2025-01-02", "week"),),
         ("holiday",)),
    Case("Let's reconnect after the holiday season.", (E("the holiday season", "2024-12-24", "2025-01-02", "week"),),
         ("holiday",)),
    Case("I'm on holiday next week.", (E("next week", "2024-07-15", "2024-07-22", "week"),), ("relative-unit",)),
    Case("The deal closes Friday, August 2.", (E("Friday, August 2", "2024-08-02T00:00"),),
         ("weekday", "month-day")),
    Case("Reach me anytime next month.", (E("next month", "2024-08-01", "2024-09-01", "month"),),
         ("relative-unit",)),
    Case("Let's reconnect early next year.", (E("early next year", "2025-01-01", "", "year"),),
         ("period-part", "relative-unit")),
    Case("Prices will go up mid-November.", (E("mid-November", "2024-11-1", "", "month"),), ("month-cued",)),
    # "Jan" and "Jun" are names too: they are months only with a cue, and "end of" is one.
    Case("We're targeting end of Jan.", (E("end of Jan", "2025-01-29", "2025-02-01", "month"),), ("month-cued",)),
    Case("It ships by the end of Jan.", (E("the end of Jan", "2025-01-29", "2025-02-01", "month",
                                           limit=E("by the end of Jan", "2024-07-10T09:00", "2025-02-01", "month")),),
         ("month-cued",)),
    Case("See you at the beginning of Jan.", (E("the beginning of Jan", "2025-01-01", "2025-01-11", "month"),),
         ("month-cued",)),
    # "beginning of" and "start of" name a part of the month ("beginning January 5" is when something begins).
    Case("Kickoff is planned for beginning of January.",
         (E("beginning of January", "2025-01-01", "2025-01-11", "month"),), ("period-part", "month-cued")),
    Case("Kickoff is planned for the start of January.",
         (E("the start of January", "2025-01-01", "2025-01-11", "month"),), ("period-part", "month-cued")),
    # A bare hour before a zone is a clock time ("Does 10 Pacific work?"); the hour of business is guessed as for
    # "at 3".
    Case("Does 10 Pacific work?", (E("10 Pacific", "2024-07-10T10:00:00-07:00", "", "hour"),), ("clock", "zone")),
    Case("How's 3 Eastern on Thursday?", (E("3 Eastern on Thursday", "2024-07-11T15:00", "", "hour"),),
         ("clock", "zone")),
    Case("Let's do 11 ET tomorrow.", (E("11 ET tomorrow", "2024-07-11T11:00", "", "hour"),), ("clock", "zone")),
    # A weekday picks the year of its date only within half a year of now; else the date is read alone.
    # ("Wednesday, August 9" written in July 2024 is no August 9 of 2023, a Wednesday eleven months gone)
    Case("The kickoff is Wednesday, August 9.", (E("Wednesday, August 9", "2024-08-09"),), ("weekday",)),
    Case("The sale ends Friday, July 12.", (E("Friday, July 12", "2024-07-12"),), ("weekday",)),
    # "at 10" after a month and day is the clock time of that day ("Dec 5 - 7" stays a range of days).
    Case("How about Dec 22 at 10 PT?", (E("Dec 22 at 10 PT", "2024-12-22T10:00:00-08:00", "", "hour"),),
         ("month-day", "clock", "zone")),
    # "16h" is 16:00 before a zone or after "at", as French and German mail write it ("16h of work" is none).
    Case("Could we do 16h CET on Thursday?", (E("16h CET on Thursday", "2024-07-11T16:00:00+02:00", "", "hour"),),
         ("clock", "zone")),
    Case("Shall we say at 9h on Thursday?", (E("9h on Thursday", "2024-07-11T09:00", "", "hour"),), ("clock",)),
    # "back half" / "front half" / "latter half" of a period are its second / first half.
    Case("Let's aim for the back half of January.",
         (E("the back half of January", "2025-01-16", "2025-02-01", "month"),), ("quarter",)),
    Case("We can start in the front half of next month.",
         (E("the front half of next month", "2024-08-01", "2024-08-16", "month"),), ("quarter",)),
    # Two parts of one month: from the first to the end of the second.
    Case("SSO will go live mid-to-late January.", (E("mid-to-late January", "2025-01-11", "2025-02-01", "month"),),
         ("month-cued",)),
    Case("We expect it early to mid Feb.", (E("early to mid Feb", "2025-02-01", "2025-02-19", "month"),),
         ("month-cued",)),
    # A verb before a month and day: the day ("start January" is no start of January here).
    Case("We'll start January 5.", (E("January 5", "2025-01-05", "2025-01-06"),), ("month-day",)),
    # After a comparison a short numeric date is a date, not a fraction.
    Case("We'll have it to you no later than 1/8.", (
        E("1/8", "2025-01-08", "2025-01-09", limit=E("no later than 1/8", "2024-07-10T09:00", "2025-01-09")),),
         ("date-numeric-short",)),
    Case("The pilot could start as soon as 1/4.", (E("1/4", "2025-01-04", "2025-01-05"),), ("date-numeric-short",)),
    Case("We meet every Monday.", (E("every Monday", "2024-07-15T00:00"),), ("set",)),
    Case("We send daily digests.", (E("daily", "2024-07-10T00:00"),), ("set",)),
    Case("The trial lasts 30 days.", (E("30 days", "2024-07-10T09:00", "2024-08-09T09:00"),), ("duration",)),
    Case("The pilot comes with a 14-day trial.", (E("14-day", "2024-07-10T09:00", "2024-07-24T09:00"),),
         ("duration",)),
    Case("Right now we are at capacity.", (E("Right now", "2024-07-10T09:00", "2024-07-10T09:01", "minute"),),
         ("present",)),
    Case("Recently we added SSO.", (E("Recently", "2024-06-10T09:00", "2024-07-10T09:00", "month"),), ("recent",)),
    Case("In the future we may add Sydney.", (E("the future", "2024-07-10T09:00", "2025-07-10", "year"),),
         ("future",)),
    Case("Those prices belong to the past.", (E("the past", "2023-07-10T09:00", "2024-07-10T09:00", "year"),),
         ("past-ref",)),
    Case("The board met on the 5th.", (E("the 5th", "2024-07-05T00:00"),), ("day-of-month",)),
    Case("Thurs, Sept 5th works.", (E("Thurs, Sept 5th", "2024-09-05T00:00"),), ("weekday-abbr-date",)),
    Case("See you Sat 7pm.", (E("Sat 7pm", "2024-07-13T19:00", "2024-07-13T20:00", "hour"),),
         ("weekday-abbr-date",)),
    Case("Let's do 9am-5pm on Wednesday.", (E("9am-5pm on Wednesday", "2024-07-10T09:00", "2024-07-10T17:00",
                                              "hour"),), ("clock",)),
    Case("The contract started on 26 April 2014.", (E("26 April 2014", "2014-04-26T00:00"),), ("day-month",)),
    Case("It expired in January 2020.", (E("January 2020", "2020-01-01", "2020-02-01", "month"),),
         ("month-year",)),
    Case("Shut down days Jan21 and 22.", (E("Jan21", "2024-01-21"), E("22", "2024-01-22")),
         ("month-day-joined",)),
    Case("We'll have it in the next couple of days.",
         (E("the next couple of days", "2024-07-10T09:00", "2024-07-12T09:00", "day"),), ("relative-count",)),
    Case("We have been here for the past three months.",
         (E("the past three months", "2024-04-10T09:00", "2024-07-10T09:00", "month"),), ("relative-count",)),
    Case("over the next two weeks", (E("the next two weeks", "2024-07-10T09:00", "2024-07-24T09:00", "week"),),
         ("relative-count",)),
    Case("Tonight at 8 works.", (E("Tonight at 8", "2024-07-10T20:00", "2024-07-10T21:00", "hour"),),
         ("part-of-day",)),
    Case("Meet at noon on Monday.", (E("noon on Monday", "2024-07-15T12:00", "2024-07-15T13:00", "hour"),),
         ("part-of-day",)),
    Case("Nineteen ninety-six was a good year.", (E("Nineteen ninety-six", "1996-01-01", "", "year"),),
         ("year-words",)),
    Case("The event is on Tuesday, March 11 at 9:30am PT.",
         (E("Tuesday, March 11 at 9:30am PT", "2025-03-11T09:30:00-07:00", "", "minute"),), ("weekday", "clock")),
    Case("Deadline: no later than June 30.", (E("June 30", "2025-06-30T00:00", "2025-07-01T00:00",
           limit=E("no later than June 30", "2024-07-10T09:00", "2025-07-01")),),
         ("month-day",)),
    # "end" before a day is a verb ("tickets end Friday", "scheduled to close Monday"); before a month, a part.
    Case("The deal is scheduled to close Monday.", (E("Monday", "2024-07-15T00:00", "2024-07-16T00:00"),),
         ("weekday",)),
    Case("Early bird tickets end 11/30.", (E("11/30", "2024-11-30T00:00", "2024-12-01T00:00"),),
         ("date-numeric-short",)),
    # A full weekday before a numeric date is one date, as an abbreviated one is; "/" joins two weekdays.
    Case("Next sync: Tuesday 12/10, 11:00 ET.",
         (E("Tuesday 12/10, 11:00 ET", "2024-12-10T11:00", "2024-12-10T11:01", "minute"),), ("weekday",)),
    Case("Tue/Wed work best for them.", (E("Tue", "2024-07-16T00:00"), E("Wed", "2024-07-17T00:00")),
         ("weekday-abbr-cued",)),
    # Two abbreviated weekdays joined by a dash are a range of days ("Mon" and "Thu" need the other day).
    Case("I'm traveling Mon–Wed next week.", (E("Mon–Wed next week", "2024-07-15T00:00", "2024-07-18T00:00"),),
         ("weekday-range",)),
    Case("Support is available Mon-Fri.", (E("Mon-Fri", "2024-07-15T00:00", "2024-07-20T00:00"),),
         ("weekday-range",)),
    # A year inside an order or ticket number is no year.
    Case("Order 2026-118 ships Friday.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00"),),
         ("block-identifier", "weekday")),
    # "mid-month", "end-quarter": that part of the current period.
    Case("Expect a decision by mid-month.", (E("mid-month", "2024-07-11T00:00", "2024-07-21T00:00", "month",
         limit=E("by mid-month", "2024-07-10T09:00", "2024-07-21", "month")),), ("the-unit",)),
    # A fiscal year before its quarter is that quarter of that year, as after it ("Q1 FY27").
    Case("The renewal is in FY27 Q2.", (E("FY27 Q2", "2027-04-01T00:00", "2027-07-01T00:00", "quarter"),),
         ("quarter",)),
    # "as agreed", "as expected": an aside, not the tense of the date.
    Case("We're holding the 22% discount through 7/31 as agreed.", (E("7/31", "2024-07-31T00:00"),),
         ("date-numeric-short",)),
    Case("Sales rose 4% as expected in March.", (E("March", "2024-03-01T00:00", "2024-04-01T00:00", "month"),),
         ("month-cued",)),
    # A semicolon bounds the tense cues a date is read by: "fixed" puts 6/28 behind, "ships" puts 8/15 ahead.
    Case("Version 4.2.1 fixed the bug you hit on 6/28; 4.3 ships on 8/15.",
         (E("6/28", "2024-06-28T00:00"), E("8/15", "2024-08-15T00:00")), ("date-numeric-short",)),
    # "on or before" includes the day, as "by" does.
    Case("Please sign on or before Jan 15 to keep the discount.", (E("Jan 15", "2025-01-15T00:00", "2025-01-16T00:00",
           limit=E("on or before Jan 15", "2024-07-10T09:00", "2025-01-16")),), ("month-day",)),
    # A numeric date after a verb of booking is one; so is one after "or" that no fraction can be.
    Case("I can hold 12/9 or 12/10 for the workshop.", (E("12/9", "2024-12-09T00:00"), E("12/10", "2024-12-10T00:00")),
         ("date-numeric-short",)),
    # "GA" looks ahead: in July, Q1 is next year's.
    Case("The connector goes GA in Q1.", (E("Q1", "2025-01-01T00:00", "2025-04-01T00:00", "quarter"),), ("quarter",)),
    # A numeric date with no tense cue is the nearest one, as a named date is: on July 10, 1/1 is next January's.
    Case("Your contract auto-renews on 1/1.", (E("1/1", "2025-01-01T00:00", "2025-01-02T00:00"),),
         ("date-numeric-short",)),
    Case("The new quarter starts now.", (E("now", "2024-07-10T09:00", "", "minute"),), ("present",)),
    # "between" with no second side after it ("then" is no time) is left out of the span.
    Case("We have a lot to do between now and then.", (E("now", "2024-07-10T09:00", "", "minute"),), ("present",)),
    Case("Let's talk between now and Thursday.",
         (E("between now and Thursday", "2024-07-10T09:00", "2024-07-12T00:00", "minute"),), ("present",)),
    Case("I've been here since last December.", (E("last December", "2023-12-01", "2024-01-01", "month"),),
         ("month-relative",)),
    Case("We will ship it the next business day.", (E("the next business day", "2024-07-11T00:00"),),
         ("next-business-day",)),
    Case("Results for that quarter were flat.", (E("that quarter", "2024-07-01", "", "quarter"),), ("the-unit",)),
    Case("See you at the weekend.", (E("the weekend", "2024-07-13T00:00", "2024-07-15T00:00"),), ("the-unit",)),
    Case("The plan was approved in March.", (E("March", "2024-03-01", "2024-04-01", "month"),), ("month-cued",)),
    # An abbreviated month after "and" / "or" / "&" is a month ("Jan" and "Jun" are names too often).
    Case("We can start in Sept. or Oct. if you prefer.",
         (E("Sept.", "2024-09-01", "2024-10-01", "month"), E("Oct.", "2024-10-01", "2024-11-01", "month")),
         ("month-cued",)),
    Case("The pilot runs in July & Aug this year.",
         (E("July", "2024-07-01", "2024-08-01", "month"), E("Aug this year", "2024-08-01", "2024-09-01", "month")),
         ("month-cued",)),
    Case("Sales were strong in October.", (E("October", "2023-10-01", "2023-11-01", "month"),), ("month-bare",)),
    Case("The company said Friday it would cut jobs.", (E("Friday", "2024-07-05T00:00"),), ("weekday",)),
    Case("The stock fell yesterday.", (E("yesterday", "2024-07-09T00:00", "2024-07-10T00:00"),),
         ("deictic-day",)),
    Case("Sales fell a year ago.", (E("a year ago", "2023-07-10T00:00", "2024-07-10T00:00", "year"),),
         ("relative-ago",)),
    Case("There is a 4 hour window.", (E("4 hour", "2024-07-10T09:00", "2024-07-10T13:00", "hour"),),
         ("duration",)),
    Case("Version 3.1.4 ships on Monday, July 15.", (E("Monday, July 15", "2024-07-15T00:00"),),
         ("weekday", "block-version")),
    Case("Call +1 (415) 555-0134 before 5pm.", (E("5pm", "2024-07-10T17:00", "2024-07-10T18:00", "hour",
           limit=E("before 5pm", "2024-07-10T09:00", "2024-07-10T17:00", "hour")),),
         ("block-phone", "clock")),
    Case("It costs $3.50 until Friday.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00",
           limit=E("until Friday", "2024-07-10T09:00", "2024-07-13T00:00")),),
         ("block-price", "weekday")),
    Case("A 20% discount through July 31.", (E("July 31", "2024-07-31T00:00"),), ("block-percent", "month-day")),
    Case("We added 2000 users in 2023.", (E("2023", "2023-01-01", "", "year"),), ("block-count-noun", "year")),
    Case("May I suggest May 14?", (E("May 14", "2024-05-14T00:00"),), ("block-may-verb", "month-day")),
    Case("Meet on the 4th floor on the 12th.", (E("the 12th", "2024-07-12T00:00"),),
         ("block-ordinal-noun", "day-of-month")),
    # "23rd Time:" is a header field after a date, not "the 3rd time".
    Case("Date: April 23rd Time: 11:00 a.m.",
         (E("April 23rd", "2024-04-23T00:00", "2024-04-24T00:00"), E("11:00 a.m.", "2024-07-10T11:00", "", "minute")),
         ("month-day", "clock")),
    # Weekday abbreviations: after a preposition, or with a clock time; "Wed" is not "We'd".
    Case("Let's meet on Thurs.", (E("Thurs", "2024-07-11T00:00", "2024-07-12T00:00"),), ("weekday-abbr-cued",)),
    Case("Can you send it by Fri?", (E("Fri", "2024-07-12T00:00", "2024-07-13T00:00",
           limit=E("by Fri", "2024-07-10T09:00", "2024-07-13T00:00")),), ("weekday-abbr-cued",)),
    Case("Let's meet Wed 7/17.", (E("Wed 7/17", "2024-07-17T00:00", "2024-07-18T00:00"),), ("weekday-abbr-date",)),
    Case("We'll be in Denver on Sat.", (E("Sat", "2024-07-13T00:00"),), ("weekday-abbr-cued",)),
    Case("Does Fri @ 2:30pm ET work?", (E("Fri @ 2:30pm ET", "2024-07-12T14:30:00-04:00", "", "minute"),),
         ("weekday-abbr-date", "zone")),
    Case("Can we meet Thu at 9pm?", (E("Thu at 9pm", "2024-07-11T21:00", "2024-07-11T22:00", "hour"),),
         ("weekday-abbr-date",)),
    # A clock range before a day is a range on that day; "noon PT" is a clock time with its zone.
    Case("I'm free between 10am and noon PT on Wed.",
         (E("between 10am and noon PT on Wed", "2024-07-10T10:00:00-07:00", "2024-07-10T13:00:00-07:00", "hour"),),
         ("clock", "zone", "weekday-abbr-cued")),
    Case("We are open 9am to 5pm on Friday.",
         (E("9am to 5pm on Friday", "2024-07-12T09:00", "2024-07-12T17:00", "hour"),), ("clock", "weekday")),
    # TimeML spans: the article of "a two-year contract" belongs to the noun; "earlier this month"
    # and "earlier Sunday" keep their modifier.
    Case("We signed a two-year contract.", (E("two-year", "2024-07-10T09:00", "2026-07-10T09:00", "year"),),
         ("duration",)),
    Case("The third-quarter results were strong.", (E("third-quarter", "2024-07-01", "2024-10-01", "quarter"),),
         ("quarter",)),
    Case("Earlier this month we shipped.", (E("Earlier this month", "2024-07-01", "2024-07-10T09:00", "month"),),
         ("relative-unit",)),
    Case("The rebels left earlier Sunday.", (E("earlier Sunday", "2024-07-07", "2024-07-08"),), ("weekday",)),
    Case("Can we meet the day after tomorrow?", (E("the day after tomorrow", "2024-07-12", "2024-07-13"),),
         ("deictic-day",)),
    Case("It happened the day before yesterday.", (E("the day before yesterday", "2024-07-08", "2024-07-09"),),
         ("deictic-day",)),
    # A bare quarter is this year's, unless the sentence looks ahead and it is over.
    Case("Let's revisit this in Q2.", (E("Q2", "2025-04-01", "2025-07-01", "quarter"),), ("quarter",)),
    # A roadmap looks ahead: in July, its Q1 is next year's.
    Case("SSO is on our roadmap for Q1.", (E("Q1", "2025-01-01", "2025-04-01", "quarter"),), ("quarter",)),
    Case("It's on the roadmap for H1.", (E("H1", "2025-01-01", "2025-07-01", "quarter"),), ("quarter",)),
    Case("Revenue in Q2 was strong.", (E("Q2", "2024-04-01", "2024-07-01", "quarter"),), ("quarter",)),
    # A length counted from a day is one date: the day, that far on.
    Case("Let's meet a week from Friday.", (E("a week from Friday", "2024-07-19", "2024-07-20"),),
         ("duration", "weekday")),
    Case("It's due two weeks from Monday.", (E("two weeks from Monday", "2024-07-29", "2024-07-30"),),
         ("duration", "weekday")),
    Case("Can we meet a week from Friday at 3pm ET?",
         (E("a week from Friday at 3pm ET", "2024-07-19T15:00:00-04:00", "2024-07-19T16:00", "hour"),),
         ("duration", "weekday", "clock", "zone")),
    Case("We have 3 days from Dec 1 to decide.", (E("3 days from Dec 1", "2024-12-04", "2024-12-05"),),
         ("duration", "month-day")),
    Case("It runs a week from Monday to Friday.",
         (E("a week", "2024-07-10T09:00", "2024-07-17T09:00", "week"),
          E("Monday to Friday", "2024-07-08", "2024-07-13")),
         ("duration", "weekday")),
    # A length counted back or on from a day is one date too; counted from an event ("after their issue
    # date") only the length is a time, and a length with nothing after "before" counts back from now.
    Case("We'll ship it two days before Christmas.",
         (E("two days before Christmas", "2024-12-23", "2024-12-24"),), ("relative-ago", "holiday")),
    Case("It's due three weeks after March 5.", (E("three weeks after March 5", "2025-03-26", "2025-03-27"),),
         ("relative-ago", "month-day")),
    Case("Payment is due 30 days after invoice date.",
         (E("30 days", "2024-07-10T09:00", "2024-08-09T09:00"),), ("duration",)),
    Case("The car was seen 10 days before the\nmurder.",
         (E("10 days", "2024-07-10T09:00", "2024-07-20T09:00"),), ("duration",)),
    Case("He had left two days before, and never came back.",
         (E("two days before", "2024-07-08", "2024-07-09"),), ("relative-ago",)),
    Case("Officials expect the bridge to reopen by the end of the decade.",
         (E("the end of the decade", "2029-03-14", "2030-01-01", "year",
            limit=E("by the end of the decade", "2024-07-10T09:00", "2030-01-01", "year")),),
         ("the-unit", "period-part")),
    Case("The century saw two wars.", (E("The century", "2000-01-01", "2100-01-01", "year"),), ("the-unit",)),
    # "later" / "earlier" count from a day named before them in the same sentence, else from now.
    Case("The treaty was signed in 1987 and ratified two years later.",
         (E("1987", "1987-01-01", "1988-01-01", "year"), E("two years later", "1989-01-01", "1990-01-01", "year")),
         ("year", "relative-ago")),
    Case("Shares closed at $45 on Friday, down from $48 a week earlier.",
         (E("Friday", "2024-07-05", "2024-07-06"), E("a week earlier", "2024-06-28", "2024-07-05", "week")),
         ("weekday", "relative-ago")),
    Case("Sales rose in 1987. Two years later they fell.",
         (E("1987", "1987-01-01", "1988-01-01", "year"), E("Two years later", "2026-07-10", "2027-07-10", "year")),
         ("year", "relative-ago")),
    Case("going to the beach this wknd", (E("this wknd", "2024-07-13", "2024-07-15"),), ("relative-unit",)),
    # A part of the day after one that has its own is another expression ("midnight tonight" is one).
    Case("tonight's the night", (E("tonight", "2024-07-10T18:00", "2024-07-11T00:00", "hour"),
                                 E("the night", "2024-07-10T18:00", "2024-07-11T00:00", "hour")),
         ("part-of-day",)),
    Case("This will close at midnight tonight.", (E("midnight tonight", "2024-07-11T00:00", "", "hour"),),
         ("part-of-day",)),
    # A future cue that is a noun after a determiner ("the intro call") says nothing of when.
    Case("Thanks for the intro call on Monday!", (E("Monday", "2024-07-08", "2024-07-09"),), ("weekday",)),
    Case("Looking forward to our call on Monday.", (E("Monday", "2024-07-15", "2024-07-16"),), ("weekday",)),
    Case("I'd love to get your thoughts before our call on Monday.", (E("Monday", "2024-07-15", "2024-07-16"),),
         ("weekday",)),
    Case("Give me a call Tuesday afternoon to discuss (gone golfing for the weekend).",
         (E("Tuesday afternoon", "2024-07-16T12:00", "2024-07-16T18:00", "hour"), E("the weekend", "2024-07-13")),
         ("weekday", "part-of-day", "the-unit")),
    # An abbreviated month after a cue word; its stop stays with the sentence it ends.
    Case("We start early Jan.", (E("early Jan", "2025-01-01", "2025-01-11", "month"),), ("month-cued",)),
    Case("By mid-Dec we should be done.", (E("mid-Dec", "2024-12-11", "2024-12-21", "month",
                                            limit=E("By mid-Dec", "2024-07-10T09:00", "2024-12-21", "month")),),
         ("month-cued",)),
    # "p" / "a" for pm / am, as mail writes them, after a clock cue or before a zone.
    Case("Can we do 2:30p ET?", (E("2:30p ET", "2024-07-10T14:30:00-04:00", "", "minute"),), ("clock", "zone")),
    Case("Works for me @ 4p.", (E("4p", "2024-07-10T16:00", "", "hour"),), ("clock",)),
    Case("Targeting end of Q1 for the rollout.", (E("end of Q1", "2025-03-24", "2025-04-01", "quarter"),),
         ("quarter", "period-part")),
    # Two bare hours after a word of availability are a clock range ("Scores were 2-4" is none).
    Case("I'm free 2-4 on Thursday.", (E("2-4 on Thursday", "2024-07-11T14:00", "2024-07-11T16:00", "hour"),),
         ("clock-range", "weekday")),
    Case("Hold 12-1 on Wednesday for lunch.",
         (E("12-1 on Wednesday", "2024-07-10T12:00", "2024-07-10T13:00", "hour"),), ("clock-range", "weekday")),
    Case("Scores were 2-4 on Thursday.", (E("Thursday", "2024-07-04", "2024-07-05"),), ("weekday",)),
    Case("The demo is at 3pm GMT+1.", (E("3pm GMT+1", "2024-07-10T15:00:00+01:00", "", "hour"),), ("clock", "zone")),
    Case("Can we do 9am UTC-5 on Monday?", (E("9am UTC-5 on Monday", "2024-07-15T09:00:00-05:00", "", "hour"),),
         ("clock", "zone", "weekday")),
    Case("It pings every 40 seconds.", (E("every 40 seconds", "2024-07-10T09:00", "", "minute"),), ("set",)),
    Case("Invoices go out every two weeks.", (E("every two weeks", "2024-07-08", "", "week"),), ("set",)),
    Case("We reply within 60 seconds.", (E("60 seconds", "2024-07-10T09:00", "2024-07-10T09:01", "minute",
                                          limit=E("within 60 seconds", "2024-07-10T09:00", "2024-07-10T09:01",
                                                  "minute")),), ("within-duration",)),
    # A limit in a sentence told wholly in the past looks back.
    Case("Shares fell 3% on Monday but recovered by Tuesday.",
         (E("Monday", "2024-07-08", "2024-07-09"),
          E("Tuesday", "2024-07-09", "2024-07-10", limit=E("by Tuesday", "2024-07-09", "2024-07-10"))),
         ("weekday",)),
    # A holiday's weekend: Saturday to Monday for a Monday holiday, Thursday to Sunday for Thanksgiving.
    Case("Have a great Labor Day weekend!", (E("Labor Day weekend", "2024-08-31", "2024-09-03"),), ("holiday",)),
    Case("We're closed Thanksgiving weekend.", (E("Thanksgiving weekend", "2024-11-28", "2024-12-02"),), ("holiday",)),
    # "the weekend of" names the weekend a day is in (or the next one); with no date after it, it is the weekend.
    Case("Are you around the weekend of the 13th?", (E("the weekend of the 13th", "2024-07-13", "2024-07-15"),),
         ("week-of", "day-of-month")),
    Case("Can you spare Hoang the week of 10/7?", (E("the week of 10/7", "2024-10-07", "2024-10-14", "week"),),
         ("date-numeric-short",)),
    Case("The weekend of fun was great.", (E("The weekend", "2024-07-06", "2024-07-08"),), ("week-of",)),
    # A present perfect of arranging looks ahead.
    Case("I've gone ahead and reserved a slot for us on Monday.", (E("Monday", "2024-07-15", "2024-07-16"),),
         ("weekday",)),
    # A plural unit after "coming" / "next" / "past" is a few of them, as "the next few days" is.
    Case("We'll know more in the coming days.", (E("the coming days", "2024-07-10T09:00", "2024-07-13T09:00"),),
         ("relative-unit",)),
    # Tweet and chat forms: "2day", "lst nite", "3ish".
    Case("see u 2day at 5", (E("2day at 5", "2024-07-10T17:00", "2024-07-10T18:00", "hour"),),
         ("deictic-day", "clock")),
    Case("lst nite was fun", (E("lst nite", "2024-07-09T18:00", "2024-07-10T00:00", "hour"),), ("part-of-day",)),
    Case("Call around 3ish?", (E("3ish", "2024-07-10T15:00", "2024-07-10T16:00", "hour"),), ("clock",)),
    Case("Invoice dated 2026/12/01.", (E("2026/12/01", "2026-12-01", "2026-12-02"),), ("date-numeric",)),
    Case("The call is two weeks from tomorrow.", (E("two weeks from tomorrow", "2024-07-25", "2024-07-26"),),
         ("relative-ago",)),
    Case("We'll reconvene in a fortnight.", (E("in a fortnight", "2024-07-24", "2024-07-25"),), ("in-duration",)),
    # A length names no calendar week for a weekday after it to narrow.
    Case("How about a week on Monday?", (E("a week", "2024-07-10T09:00", "2024-07-17T09:00", "week"),
                                         E("Monday", "2024-07-15", "2024-07-16")), ("duration", "weekday")),
    Case("Expect an invoice from us on the 1st of each month.",
         (E("the 1st of each month", "2024-08-01", "2024-08-02"),), ("set",)),
    # A clock time followed by a meeting word and a day takes that day.
    # "open" looks ahead, as "free" and "available" do.
    Case("I'm wide open Tuesday.", (E("Tuesday", "2024-07-16T00:00", "2024-07-17T00:00"),), ("weekday",)),
    # Asked whether it suits, a clock time takes the day after it: "Does 2:30 work on Thursday?".
    Case("Does 2:30 work on Thursday?", (E("2:30", "2024-07-11T14:30", "2024-07-11T14:31", "minute"),
                                        E("Thursday", "2024-07-11T00:00")), ("clock", "weekday")),
    Case("Would 3pm work for you on Monday?", (E("3pm", "2024-07-15T15:00", "2024-07-15T16:00", "hour"),
                                              E("Monday", "2024-07-15T00:00")), ("clock", "weekday")),
    Case("Can we do a 2pm ET call on Tuesday?",
         (E("2pm ET", "2024-07-16T14:00:00-04:00", "", "hour"), E("Tuesday", "2024-07-16", "2024-07-17")),
         ("clock", "zone", "weekday")),
    Case("Can you do a 9 AM Pacific / noon Eastern call on the 12th?",
         (E("9 AM Pacific", "2024-07-12T09:00:00-07:00", "", "hour"),
          E("noon Eastern", "2024-07-12T12:00:00-04:00", "", "hour"), E("the 12th", "2024-07-12", "2024-07-13")),
         ("clock", "zone", "day-of-month")),
    # Irregular past tenses are past cues the "-ed" rule misses.
    Case("He died Friday at age 84.", (E("Friday", "2024-07-05", "2024-07-06"),), ("weekday",)),
    # A length after "by" is how much, not a limit.
    Case("We will push the launch back by a week.", (E("a week", "2024-07-10T09:00", "2024-07-17T09:00", "week"),),
         ("duration",)),
    Case("Logs are configurable down to 30 days.", (E("30 days", "2024-07-10T09:00", "2024-08-09T09:00"),),
         ("duration",)),
    Case("Retention is up to 180 days.", (E("up to 180 days", "2024-07-10T09:00", "2025-01-06T09:00"),), ("duration",)),
    # A bare day of the month after a day named with its month, in the same sentence, is in that month's view.
    Case("I'm OOO from Dec 21 through Jan 4, back on the 5th.",
         (E("Dec 21 through Jan 4", "2024-12-21", "2025-01-05"), E("the 5th", "2025-01-05", "2025-01-06")),
         ("month-day", "day-of-month")),
    Case("We met on March 10 and again on the 3rd.",
         (E("March 10", "2024-03-10", "2024-03-11"), E("the 3rd", "2024-03-03", "2024-03-04")),
         ("month-day", "day-of-month")),
    Case("Our close is Jan 15, so we need signatures by the 10th.",
         (E("Jan 15", "2025-01-15", "2025-01-16"),
          E("the 10th", "2025-01-10", "2025-01-11", limit=E("by the 10th", "2024-07-10T09:00", "2025-01-11"))),
         ("month-day", "day-of-month")),
    # The limit's day is in view too ("until Jan 3"), and so is a bare day itself: a bare day after it is in its
    # month, unless it lies well before it ("closed the 24th, open the 2nd" is next month's 2nd).
    Case("I'm out until Jan 3, back on the 4th.",
         (E("Jan 3", "2025-01-03", "2025-01-04", limit=E("until Jan 3", "2024-07-10T09:00", "2025-01-04")),
          E("the 4th", "2025-01-04", "2025-01-05")),
         ("month-day", "day-of-month")),
    Case("I'm out until the 3rd, back on the 4th.",
         (E("the 3rd", "2024-08-03", "2024-08-04", limit=E("until the 3rd", "2024-07-10T09:00", "2024-08-04")),
          E("the 4th", "2024-08-04", "2024-08-05")), ("day-of-month",)),
    Case("We're closed the 24th and open again the 2nd.",
         (E("the 24th", "2024-07-24", "2024-07-25"), E("the 2nd", "2024-08-02", "2024-08-03")), ("day-of-month",)),
    # A range that opens on a bare day later than the day it ends on runs over a month's end: "the 21st
    # through Jan 2" starts in December, "the 24th to the 1st" ends in the next month.
    Case("I'm out from the 21st through Jan 2, back on the 5th.",
         (E("the 21st through Jan 2", "2024-12-21", "2025-01-03"), E("the 5th", "2025-01-05", "2025-01-06")),
         ("day-of-month", "month-day")),
    Case("Our office is closed the 28th through Jan 3, 2025.",
         (E("the 28th through Jan 3, 2025", "2024-12-28", "2025-01-04"),), ("day-of-month",)),
    Case("I'm out from the 21st through Aug 2.", (E("the 21st through Aug 2", "2024-07-21", "2024-08-03"),),
         ("day-of-month",)),
    Case("We're closed from the 24th to the 1st.", (E("the 24th to the 1st", "2024-07-24", "2024-08-02"),),
         ("day-of-month-range",)),
    Case("We're closed from the 24th to the 31st.", (E("the 24th to the 31st", "2024-07-24", "2024-08-01"),),
         ("day-of-month-range",)),
    Case("The D.C. meeting is on the 13th, which makes San Diego on the 12th hard.",
         (E("the 13th", "2024-07-13", "2024-07-14"), E("the 12th", "2024-07-12", "2024-07-13")), ("day-of-month",)),
    Case("The office reopens Jan 4. Payroll runs on the 15th.",
         (E("Jan 4", "2025-01-04", "2025-01-05"), E("the 15th", "2024-07-15", "2024-07-16")),
         ("month-day", "day-of-month")),
    # "Monday the 7th": the month in which the 7th is a Monday.
    Case("Let's plan on Monday the 7th.", (E("Monday the 7th", "2024-10-07", "2024-10-08"),), ("weekday",)),
    # A month/day with a day over 12 is no common fraction: no cue word needed.
    Case("Our Q4 close is 12/19.", (E("Q4", "2024-10-01", "2025-01-01", "quarter"), E("12/19", "2024-12-19")),
         ("quarter", "date-numeric-short")),
    Case("Let's aim for the week of 11/18.", (E("the week of 11/18", "2024-11-18", "2024-11-25", "week"),),
         ("week-of", "date-numeric-short")),
    Case("Any chance you're free Weds afternoon?",
         (E("Weds afternoon", "2024-07-10T12:00", "2024-07-10T18:00", "hour"),), ("weekday-abbr-date",)),
    # A reply header: the weekday, date, year and clock are one moment.
    Case("On Mon, Jul 8, 2024 at 4:02 PM Dana Brooks wrote:",
         (E("Mon, Jul 8, 2024 at 4:02 PM", "2024-07-08T16:02", "2024-07-08T16:03", "minute"),),
         ("month-day", "year", "clock")),
    Case("Our HR team will meet on Monday.", (E("Monday", "2024-07-15T00:00"),), ("block-hr", "weekday")),
    # A clock time set off by a comma from a week is another expression; "next week at 3pm" is one,
    # and names no day, so it is the week. (Told wholly in the past, the limit is last Friday's.)
    Case("Last week, by 3pm on Friday, most of the team had replied.",
         (E("Last week", "2024-07-01", "2024-07-08", "week"),
          E("3pm on Friday", "2024-07-05T15:00", "2024-07-05T16:00", "hour",
            limit=E("by 3pm on Friday", "2024-07-05T15:00", "2024-07-05T16:00", "hour"))),
         ("relative-unit", "clock", "weekday")),
    Case("Can we meet next week at 3pm?", (E("next week at 3pm", "2024-07-15", "2024-07-22", "week"),),
         ("relative-unit", "clock")),
    Case("It ran at a 15:1 ratio until 5 pm.", (E("5 pm", "2024-07-10T17:00", "2024-07-10T18:00", "hour",
           limit=E("until 5 pm", "2024-07-10T09:00", "2024-07-10T17:00", "hour")),),
         ("block-ratio-score", "clock")),
    Case("Good morning, the demo is at 2pm.", (E("2pm", "2024-07-10T14:00", "", "hour"),), ("block-idiom", "clock")),
    Case("The session runs from 9 to 11am.", (E("9 to 11am", "2024-07-10T09:00", "2024-07-10T11:00", "hour"),),
         ("clock-range",)),
    Case("We could meet between Monday and Wednesday.",
         (E("between Monday and Wednesday", "2024-07-15T00:00", "2024-07-18T00:00"),), ("range-between",)),
    # "last"/"next" with a month name count from the current month, whatever tense cues say.
    Case("We signed the pilot last September.", (E("last September", "2023-09-01", "2023-10-01", "month"),),
         ("month-relative",)),
    Case("The renewal is due next March.", (E("next March", "2025-03-01", "2025-04-01", "month"),),
         ("month-relative",)),
    Case("We met in February this year.", (E("February this year", "2024-02-01", "2024-03-01", "month"),),
         ("month-relative",)),
    Case("Kickoff was last Oct. 23.", (E("last Oct. 23", "2023-10-23", "2023-10-24"),), ("month-relative",)),
    # "that year", "the following month": read from the date the text named last, not from now.
    Case("We go live on March 3, 2025, and the following month we add SSO.",
         (E("March 3, 2025", "2025-03-03"), E("the following month", "2025-04-01", "2025-05-01", "month")),
         ("month-day", "relative-unit")),
    Case("Pricing changed in 2021; that year we also added SSO.",
         (E("2021", "2021-01-01", "2022-01-01", "year"), E("that year", "2021-01-01", "2022-01-01", "year")),
         ("year", "relative-unit")),
    # "by Friday" runs from now, so it is nothing to refer back to.
    Case("Send it by Friday. The following week is busy.",
         (E("Friday", "2024-07-12", "2024-07-13", limit=E("by Friday", "2024-07-10T09:00", "2024-07-13")),
          E("The following week", "2024-07-15", "2024-07-22", "week")),
         ("weekday", "relative-unit")),
    # A limit looks ahead, also when the nearest tense cue is a past one ("discussed").
    Case("I'll send the deck we discussed by Friday.",
         (E("Friday", "2024-07-12", "2024-07-13", limit=E("by Friday", "2024-07-10T09:00", "2024-07-13")),),
         ("weekday",)),
    # A passive "by" is no tense cue: "announced" is, and of two cues as near, the one before counts.
    Case("The deal was announced Monday by the CEO.", (E("Monday", "2024-07-08"),), ("weekday",)),
    # A day's end on a named day: the deadline runs to that day's close, or is that moment once past.
    Case("Send the SOW by COB Friday.", (E("COB Friday", "2024-07-10T09:00", "2024-07-12T17:00", "hour",
           limit=E("by COB Friday", "2024-07-10T09:00", "2024-07-12T17:00", "hour")),),
         ("shorthand", "weekday")),
    Case("I'll have it to you tomorrow EOD.", (E("tomorrow EOD", "2024-07-10T09:00", "2024-07-12T00:00"),),
         ("deictic-day", "shorthand")),
    Case("Reply by close of business on Friday.",
         (E("close of business on Friday", "2024-07-10T09:00", "2024-07-12T17:00", "hour",
           limit=E("by close of business on Friday", "2024-07-10T09:00", "2024-07-12T17:00", "hour")),),
         ("shorthand", "weekday")),
    Case("He said that at the close of business Monday, 5,000 shares were tendered.",
         (E("the close of business Monday", "2024-07-08T17:00", "2024-07-08T18:00", "hour"),),
         ("shorthand", "weekday")),
    # "between" + a month-day range is cut at its "and": the second day borrows the month.
    Case("I'm free between Dec 2nd and 4th.", (E("between Dec 2nd and 4th", "2024-12-02", "2024-12-05"),),
         ("range-between", "month-day-range")),
    Case("Let's meet at 9am Pacific.", (E("9am Pacific", "2024-07-10T09:00:00-07:00", "2024-07-10T10:00", "hour"),),
         ("clock", "zone")),
    Case("Let's talk at noon ET.", (E("noon ET", "2024-07-10T12:00:00-04:00", "2024-07-10T13:00", "hour"),),
         ("part-of-day", "zone")),
    Case("We start in the first half of January.",
         (E("the first half of January", "2025-01-01", "2025-01-16", "month"),), ("quarter", "month-cued")),
    # A day inside a named week, month or year: "Monday next week" is not today, nor two dates.
    Case("Can we do Monday next week?", (E("Monday next week", "2024-07-15", "2024-07-16"),),
         ("weekday", "relative-unit")),
    Case("Let's aim for Tuesday of next week.", (E("Tuesday of next week", "2024-07-16", "2024-07-17"),),
         ("weekday", "relative-unit")),
    Case("Next week on Thursday works.", (E("Next week on Thursday", "2024-07-18", "2024-07-19"),),
         ("relative-unit", "weekday")),
    Case("The invoice goes out on the first of the month.",
         (E("the first of the month", "2024-08-01", "2024-08-02"),), ("day-of-month",)),
    Case("Payment is due the 1st of next month.", (E("the 1st of next month", "2024-08-01", "2024-08-02"),),
         ("day-of-month", "relative-unit")),
    Case("We launch in Q1 of next year.", (E("Q1 of next year", "2025-01-01", "2025-04-01", "quarter"),),
         ("quarter", "relative-unit")),
    Case("We'll follow up in a couple of weeks.", (E("in a couple of weeks", "2024-07-24", "2024-07-25"),),
         ("in-duration",)),
    Case("We met a couple of days ago.", (E("a couple of days ago", "2024-07-08", "2024-07-09"),), ("relative-ago",)),
    Case("Can we meet the Tuesday after next?", (E("the Tuesday after next", "2024-07-23", "2024-07-24"),),
         ("weekday-relative",)),
    # A duration given as a range runs to its longer end.
    Case("Setup takes 2 to 3 weeks.", (E("2 to 3 weeks", "2024-07-10T09:00", "2024-07-31T09:00", "week"),),
         ("duration",)),
    Case("Provisioning takes one or two days.", (E("one or two days", "2024-07-10T09:00", "2024-07-12T09:00"),),
         ("duration",)),
    # A clock range after a date is a range on that day (it was one side: "23 from 6" read as the 6th).
    Case("We will upgrade your instance on Saturday, July 13 from 6 to 10am ET.",
         (E("Saturday, July 13 from 6 to 10am ET", "2024-07-13T06:00:00-04:00", "2024-07-13T10:00", "hour"),),
         ("weekday", "clock-range")),
    Case("Can you do Friday 2-4pm?", (E("Friday 2-4pm", "2024-07-12T14:00", "2024-07-12T16:00", "hour"),),
         ("weekday", "clock-range")),
    # Hard-wrapped mail: a line break inside a paragraph does not split an expression; a blank line does.
    Case("We will send it by\nFriday at 3pm.",
         (E("Friday at 3pm", "2024-07-12T15:00", "2024-07-12T16:00", "hour",
           limit=E("by\nFriday at 3pm", "2024-07-10T09:00", "2024-07-12T15:00", "hour")),), ("weekday", "clock")),
    Case("Can we meet in the next\ntwo weeks?",
         (E("the next\ntwo weeks", "2024-07-10T09:00", "2024-07-24T09:00", "week"),), ("relative-count",)),
    Case("It will be ready by\n\nFriday.", (E("Friday", "2024-07-12", "2024-07-13"),), ("weekday",)),
    # Ranges that were split or lost: an ordinal range, a range past midnight, a range between two dated
    # clock times, "mid-" before a year.
    Case("I'll be in Chicago the 8th-10th of December.",
         (E("8th-10th of December", "2024-12-08T00:00", "2024-12-11T00:00"),), ("month-day-range",)),
    Case("The migration window is Saturday night 11pm–3am UTC.",
         (E("Saturday night 11pm–3am UTC", "2024-07-13T23:00:00+00:00", "2024-07-14T03:00", "hour"),),
         ("weekday", "clock", "zone")),
    Case("The team will be at the offsite from 9am Monday to 5pm Friday.",
         (E("9am Monday to 5pm Friday", "2024-07-15T09:00", "2024-07-19T17:00", "hour"),), ("clock", "weekday")),
    Case("Can we hold Tuesday at 10am to noon?",
         (E("Tuesday at 10am to noon", "2024-07-16T10:00", "2024-07-16T13:00", "hour"),), ("weekday", "clock")),
    Case("We expect to support on-prem in mid-2027.", (E("mid-2027", "2027-05", "2027-09", "year"),), ("year",)),
    # A day that opens a range of days is not joined to the clock time before it.
    Case("Support hours are 8am-6pm CET, Monday through Friday.",
         (E("8am-6pm CET", "2024-07-10T08:00:00+02:00", "2024-07-10T18:00", "hour"),
          E("Monday through Friday", "2024-07-08T00:00", "2024-07-13T00:00")), ("clock", "zone", "weekday")),
    # Thanks are for what happened: "thanks for the time on Monday" is last Monday.
    Case("Thanks for the time on Monday.", (E("Monday", "2024-07-08T00:00", "2024-07-09T00:00"),), ("weekday",)),
    # A participle after a present "be" is no past tense: "is closed Monday" is the coming Monday.
    Case("The office is closed Monday.", (E("Monday", "2024-07-15T00:00", "2024-07-16T00:00"),), ("weekday",)),
    Case("The promo ends 11:59 PM ET on Cyber Monday.",
         (E("11:59 PM ET on Cyber Monday", "2024-12-02T23:59:00-05:00", "", "minute"),), ("clock", "zone", "holiday")),
    Case("Our Black Friday deal is live.", (E("Black Friday", "2024-11-29T00:00", "2024-11-30T00:00"),), ("holiday",)),
    # A range whose "through" the second date's pattern took as its cue.
    Case("Our offices will be closed from 12/24 through 1/1.",
         (E("12/24 through 1/1", "2024-12-24T00:00", "2025-01-02T00:00"),), ("date-numeric-short",)),
    # City zones and bare business hours with a zone.
    Case("Can you make 3pm Sydney time on Thursday?",
         (E("3pm Sydney time on Thursday", "2024-07-11T15:00:00+10:00", "", "hour"),), ("clock", "zone", "weekday")),
    Case("Our EMEA team is available 9-5 GMT.",
         (E("9-5 GMT", "2024-07-10T09:00:00+00:00", "2024-07-10T17:00", "hour"),), ("clock-range",)),
    Case("Reply by COB Thurs. please.", (E("COB Thurs", "2024-07-10T09:00", "2024-07-11T17:00", "hour",
                                          limit=E("by COB Thurs", "2024-07-10T09:00", "2024-07-11T17:00", "hour")),),
         ("weekday-abbr-cued",)),
    # Midnight ends the day it names: an offer that "expires at midnight Friday" runs all Friday.
    Case("The offer expires at midnight Friday.",
         (E("midnight Friday", "2024-07-13T00:00", "2024-07-13T01:00", "hour"),), ("part-of-day",)),
    Case("We can start the export at midnight instead of 2am.",
         (E("midnight", "2024-07-11T00:00", "2024-07-11T01:00", "hour"), E("2am", "2024-07-11T02:00", "", "hour")),
         ("part-of-day", "clock")),
    # European forms: dotted and day-first dates, "w/c", ISO weeks, "14h00".
    Case("The workshop is on 23.11.2024 in Munich.", (E("23.11.2024", "2024-11-23T00:00", "2024-11-24T00:00"),),
         ("date-numeric",)),
    Case("Can we do Monday 30/9 at 14:00 CET?",
         (E("Monday 30/9 at 14:00 CET", "2024-09-30T14:00:00+02:00", "", "minute"),), ("date-numeric-short", "clock")),
    Case("Let's aim for w/c 7 Oct.", (E("w/c 7 Oct", "2024-10-07T00:00", "2024-10-14T00:00", "week"),),
         ("week-of", "day-month")),
    Case("Delivery is planned for week 49.", (E("week 49", "2024-12-02T00:00", "2024-12-09T00:00", "week"),),
         ("week-number",)),
    Case("Delivery will be in KW 3.", (E("KW 3", "2025-01-13T00:00", "2025-01-20T00:00", "week"),), ("week-number",)),
    # Written at 15:00 Paris time (NOW), 14h00 today is over: the call is tomorrow's (see below).
    Case("The call is at 14h00 Paris time.", (E("14h00 Paris time", "2024-07-11T14:00:00+02:00", "", "minute"),),
         ("clock", "zone")),
    Case("The call is at 17h00 Paris time.", (E("17h00 Paris time", "2024-07-10T17:00:00+02:00", "", "minute"),),
         ("clock", "zone")),
    Case("Fri next week works for me.", (E("Fri next week", "2024-07-19T00:00", "2024-07-20T00:00"),),
         ("weekday-abbr-date",)),
    # Clock times in words.
    Case("See you at half past ten tomorrow.",
         (E("half past ten tomorrow", "2024-07-11T10:30", "2024-07-11T10:31", "minute"),), ("clock",)),
    Case("We have a hard stop at quarter to five.",
         (E("quarter to five", "2024-07-10T16:45", "2024-07-10T16:46", "minute"),), ("clock",)),
    # Texting spellings.
    Case("cant wait for 2moro!!", (E("2moro", "2024-07-11T00:00", "2024-07-12T00:00"),), ("deictic-day",)),
    Case("see u 2nite at the game", (E("2nite", "2024-07-10T18:00", "2024-07-11T00:00", "hour"),), ("part-of-day",)),
    Case("going to the beach this arvo", (E("this arvo", "2024-07-10T12:00", "2024-07-10T18:00", "hour"),),
         ("part-of-day",)),
    # "a day or two" is up to two days, not one ("in a day" was all that was read).
    # Misspellings of "tomorrow" common in mail.
    Case("I'll send it tommorrow.", (E("tommorrow", "2024-07-11", "2024-07-12"),), ("deictic-day",)),
    Case("See you tommorow morning.", (E("tommorow morning", "2024-07-11T06:00", "2024-07-11T12:00", "hour"),),
         ("part-of-day",)),
    Case("We'll reply in a day or two.", (E("a day or two", "2024-07-10T09:00", "2024-07-12T09:00"),), ("duration",)),
    Case("I'll get the redlines back to you in the next day or two.",
         (E("the next day or two", "2024-07-10T09:00", "2024-07-12T09:00"),), ("duration",)),
    Case("We met a week or so ago.", (E("a week or so ago", "2024-07-03", "2024-07-10", "week"),), ("relative-ago",)),
    # A clock time on a weekday, told in no tense, is to come, even when the weekday was yesterday
    # (now is a Wednesday): a calendar block is not told of after it is over.
    Case("We're blocked Tuesday from 1-3pm.",
         (E("Tuesday from 1-3pm", "2024-07-16T13:00", "2024-07-16T15:00", "hour"),), ("weekday", "clock-range")),
    Case("A reminder: 900am Tuesday, my office.",
         (E("900am Tuesday", "2024-07-16T09:00", "2024-07-16T09:01", "minute"),), ("weekday",)),
    # An abbreviated weekday after a word of booking or proposing ("do", "say", "how about", "hold").
    Case("Can we do Wed at 2?", (E("Wed at 2", "2024-07-10T14:00", "2024-07-10T15:00", "hour"),),
         ("weekday-abbr-cued",)),
    Case("How about Thu?", (E("Thu", "2024-07-11T00:00", "2024-07-12T00:00"),), ("weekday-abbr-cued",)),
    # A participle after "with" is an adjective, no past tense ("with limited access" read the dates as gone by).
    Case("I will be out of the office from 7/1 through 7/8 with limited access to email.",
         (E("7/1 through 7/8", "2025-07-01T00:00", "2025-07-09T00:00"),), ("month-day-range",)),
    # Two weeks of a month offered together: from the first to the end of the second.
    Case("Let's shoot for the 2nd or 3rd week of January.",
         (E("the 2nd or 3rd week of January", "2025-01-08T00:00", "2025-01-22T00:00", "week"),), ("first-week-of",)),
    Case("We can start the first or second week of next month.",
         (E("the first or second week of next month", "2024-08-01T00:00", "2024-08-15T00:00", "week"),),
         ("first-week-of",)),
    # Contract style: a count in words with its figure in brackets.
    Case("We will deliver the report within five (5) business days.",
         (E("five (5) business days", "2024-07-17T00:00", "2024-07-18T00:00",
            limit=E("within five (5) business days", "2024-07-10T09:00", "2024-07-18T00:00")),),
         ("within-duration",)),
    Case("Either party may terminate with sixty (60) days written notice.",
         (E("sixty (60) days", "2024-07-10T09:00", "2024-09-08T09:00"),), ("duration",)),
    # "Following up on" opens a mail about what happened; a possessive's meeting noun ("Friday's call") names it and
    # looks ahead no more than "the call" does ("I'll be following up on Friday" still looks ahead).
    Case("Following up on our call on Friday.", (E("Friday", "2024-07-05T00:00", "2024-07-06T00:00"),), ("weekday",)),
    Case("Following up on Friday's call.", (E("Friday", "2024-07-05T00:00", "2024-07-06T00:00"),), ("weekday",)),
    Case("I'll be following up on Friday.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00"),), ("weekday",)),
    Case("Before Friday's call, I'll send the agenda.", (E("Friday", "2024-07-12T00:00", "2024-07-13T00:00",
         limit=E("Before Friday", "2024-07-10T09:00", "2024-07-12T00:00")),), ("weekday",)),
    # Tweets: New Year's Eve as "nye", "new yrs"; "this am" / "this pm" are this morning / afternoon.
    Case("nye plans anyone?", (E("nye", "2024-12-31T00:00", "2025-01-01T00:00"),), ("holiday",)),
    Case("new yrs day brunch", (E("new yrs day", "2025-01-01T00:00", "2025-01-02T00:00"),), ("holiday",)),
    Case("Let's discuss this sometime this am.", (E("this am", "2024-07-10T06:00", "2024-07-10T12:00", "hour"),),
         ("part-of-day",)),
    # "local time" between a clock time and its day: one time, on that day.
    Case("The ceasefire took effect at 6 a.m. local time Monday.",
         (E("6 a.m. local time Monday", "2024-07-08T06:00", "2024-07-08T07:00", "hour"),), ("clock", "weekday")),
    # "pencil in 45 minutes": the "in" is the verb's, and the time a length, not 45 minutes from now.
    Case("Could we pencil in 45 minutes on the 19th?", (E("45 minutes", "2024-07-10T09:00", "2024-07-10T09:45",
         "minute"), E("the 19th", "2024-07-19T00:00", "2024-07-20T00:00")), ("in-duration", "day-of-month")),
    # A bare day of the month told ahead is strictly ahead: on the 10th, "the 9th" is next month's.
    Case("Could we meet on the 9th?", (E("the 9th", "2024-08-09T00:00", "2024-08-10T00:00"),), ("day-of-month",)),
    Case("I'll send it on the 9th.", (E("the 9th", "2024-08-09T00:00", "2024-08-10T00:00"),), ("day-of-month",)),
    Case("We met on the 9th.", (E("the 9th", "2024-07-09T00:00", "2024-07-10T00:00"),), ("day-of-month",)),
    # "targeted for" looks ahead, as "targeting" does (the "-ed" read it as a past tense).
    Case("Go-live is targeted for mid-March.", (E("mid-March", "2025-03-11T00:00", "2025-03-21T00:00", "month"),),
         ("month-cued",)),
    # A bare hour to a clock time after a word of availability; a numeric date after COB / EOD.
    Case("Can we do 10-10:30 tomorrow?", (E("10-10:30 tomorrow", "2024-07-11T10:00", "2024-07-11T10:30", "minute"),),
         ("clock-range",)),
    Case("Please respond by COB 7/12.", (E("COB 7/12", "2024-07-10T09:00", "2024-07-12T17:00", "hour",
         limit=E("by COB 7/12", "2024-07-10T09:00", "2024-07-12T17:00", "hour")),), ("date-numeric-short",)),
    # "will have X completed": done by then, no past tense.
    Case("We will have the SAML configuration completed before your security review on the 9th.",
         (E("the 9th", "2024-08-09T00:00", "2024-08-10T00:00"),), ("day-of-month",)),
    # A middle of the month still ahead is this month's.
    Case("We'll have a preliminary SOW to you by mid-month.", (E("mid-month", "2024-07-11T00:00", "2024-07-21T00:00",
         "month", limit=E("by mid-month", "2024-07-10T09:00", "2024-07-21T00:00", "month")),), ("the-unit",)),
    # The first or last day of a period, and an ordinal day of a month or year in words.
    Case("Let's plan on the last day of the quarter.",
         (E("the last day of the quarter", "2024-09-30T00:00", "2024-10-01T00:00"),), ("edge-day-of",)),
    Case("The offer ends on the last business day of August.",  # Aug 31, 2024 is a Saturday
         (E("the last business day of August", "2024-08-30T00:00", "2024-08-31T00:00"),), ("edge-day-of",)),
    Case("We need it signed by the last day of Q3 2024.",
         (E("the last day of Q3 2024", "2024-09-30T00:00", "2024-10-01T00:00",
            limit=E("by the last day of Q3 2024", "2024-07-10T09:00", "2024-10-01T00:00")),), ("edge-day-of",)),
    Case("Billing starts the first working day of next month.",
         (E("the first working day of next month", "2024-08-01T00:00", "2024-08-02T00:00"),), ("edge-day-of",)),
    Case("We start on the first of March.", (E("the first of March", "2025-03-01T00:00", "2025-03-02T00:00"),),
         ("day-month",)),
    Case("By the fifteenth of August we need a decision.",
         (E("the fifteenth of August", "2024-08-15T00:00", "2024-08-16T00:00",
            limit=E("By the fifteenth of August", "2024-07-10T09:00", "2024-08-16T00:00")),), ("day-month",)),
    Case("We met on the third of last month.", (E("the third of last month", "2024-06-03T00:00", "2024-06-04T00:00"),),
         ("day-of-month",)),
    Case("Pricing goes up on the first of the year.",
         (E("the first of the year", "2025-01-01T00:00", "2025-01-02T00:00"),), ("day-of-year",)),
    Case("Since the first of the year, sales are up 4%.",
         (E("the first of the year", "2024-01-01T00:00", "2024-01-02T00:00"),), ("day-of-year",)),
    # The nth weekday of a month.
    Case("The beta opens on the first Monday of February.",
         (E("the first Monday of February", "2025-02-03T00:00", "2025-02-04T00:00"),), ("weekday-nth", "month-cued")),
    Case("Our review is the last Friday of the month.",
         (E("the last Friday of the month", "2024-07-26T00:00", "2024-07-27T00:00"),), ("weekday-nth", "the-unit")),
    Case("The 2nd Tuesday of next month works.",
         (E("The 2nd Tuesday of next month", "2024-08-13T00:00", "2024-08-14T00:00"),),
         ("weekday-nth", "relative-unit")),
    # A day or period right after / before a named day is one date.
    Case("We can start the week after Thanksgiving.",
         (E("the week after Thanksgiving", "2024-12-02T00:00", "2024-12-09T00:00", "week"),), ("the-unit", "holiday")),
    Case("Let's regroup the day after Thanksgiving.",
         (E("the day after Thanksgiving", "2024-11-29T00:00", "2024-11-30T00:00"),), ("day-anchor", "holiday")),
    Case("Could we meet the Friday before Christmas?",
         (E("Friday before Christmas", "2024-12-20T00:00", "2024-12-21T00:00"),), ("weekday", "holiday")),
    Case("The draft is due the day before Dec 3.",
         (E("the day before Dec 3", "2024-12-02T00:00", "2024-12-03T00:00"),), ("day-anchor", "month-day")),
    # A clock time after "after" is no anchor: two times.
    Case("Call me Monday after 3pm.", (E("Monday", "2024-07-15"), E("3pm", "2024-07-15T15:00", "", "hour")),
         ("weekday", "clock")),
    # A clock time without am/pm from 1 to 7 is afternoon, with minutes too; a 24-hour "02:30" is not.
    Case("Can we meet at 2:30 tomorrow?", (E("2:30 tomorrow", "2024-07-11T14:30", "2024-07-11T14:31", "minute"),),
         ("clock",)),
    Case("The job runs at 02:30 tomorrow.", (E("02:30 tomorrow", "2024-07-11T02:30", "2024-07-11T02:31", "minute"),),
         ("clock",)),
    Case("We are free on the 16th or 17th.", (E("the 16th", "2024-07-16T00:00"), E("17th", "2024-07-17T00:00")),
         ("day-of-month",)),
    # A present-tense verb right before a date points ahead ("is Monday": the coming one, not two days
    # ago); "since" right before one points back.
    Case("The kickoff is Monday.", (E("Monday", "2024-07-15T00:00", "2024-07-16T00:00"),), ("weekday",)),
    Case("Our fiscal year ends June 30.", (E("June 30", "2025-06-30T00:00", "2025-07-01T00:00"),), ("month-day",)),
    Case("The integration has been live since September.",
         (E("September", "2023-09-01T00:00", "2023-10-01T00:00", "month"),), ("month-cued",)),
    # A present tense right after the date points ahead as well ("Monday is good": the coming Monday, not
    # two days ago); a past one right after it does not ("Monday was good").
    Case("Monday is good for us.", (E("Monday", "2024-07-15T00:00", "2024-07-16T00:00"),), ("weekday",)),
    Case("Monday was good.", (E("Monday", "2024-07-08T00:00", "2024-07-09T00:00"),), ("weekday",)),
    # ... but not across "from": "is from Monday" says nothing about which Monday (the nearest, two days ago).
    Case("The report is from Monday.", (E("Monday", "2024-07-08T00:00", "2024-07-09T00:00"),), ("weekday",)),
    # Further away neither counts: "since" there is mostly "because".
    Case("Since the team is small, Thursday suits us.", (E("Thursday", "2024-07-11T00:00", "2024-07-12T00:00"),),
         ("weekday",)),
    # A weekday before a numeric date and a clock is one time, not "12/8 at 10am" with "Tue" left over.
    # A weekday with a numeric date picks the year in which they agree, whatever the tense says.
    Case("I sent over the slides for Tue 12/10.", (E("Tue 12/10", "2024-12-10", "2024-12-11"),),
         ("weekday-abbr-date",)),
    Case("I sent the invite for Tue 12/10 at 10am PT.",
         (E("Tue 12/10 at 10am PT", "2024-12-10T10:00:00-08:00", "2024-12-10T11:00", "hour"),), ("weekday-abbr-date",)),
    # Tweets and quick mail write zones and months in lower case: a zone stays only after a clock time,
    # and "march" / "may" are months only after a word no verb follows.
    Case("call me at 3pm et on monday.", (E("3pm et on monday", "2024-07-15T15:00:00-04:00", "2024-07-15T16:00",
         "hour"),), ("clock", "zone", "weekday")),
    Case("see you in march!", (E("march", "2025-03-01T00:00", "2025-04-01T00:00", "month"),), ("month-cued",)),
    Case("we need it by the end of may.", (E("the end of may", "2025-05-", "2025-06-01T00:00", "month",
         limit=E("by the end of may", "2024-07-10T09:00", "2025-06-01T00:00", "month")),), ("month-cued",)),
    Case("At 9am et al. presented the results.", (E("9am", "2024-07-10T09:00", "2024-07-10T10:00", "hour"),),
         ("clock", "block-et-al")),
    # A four-digit 24-hour clock after "at" or before "hrs" (1600-2059 after "at" stay years).
    Case("Left school at 1015, so tired.", (E("1015", "2024-07-10T10:15", "2024-07-10T10:16", "minute"),), ("clock",)),
    Case("Can we do lunch tomorrow at 1130?",
         (E("tomorrow at 1130", "2024-07-11T11:30", "2024-07-11T11:31", "minute"),), ("deictic-day", "clock")),
    Case("Muster at 1700 hrs.", (E("1700 hrs", "2024-07-10T17:00", "2024-07-10T17:01", "minute"),), ("clock",)),
    # Capitalised abbreviations that are no other word stand alone; "Thu" (a given name), "Mon", "Wed",
    # "Sat" and "Sun" still need a cue or a date part.
    Case("See you Fri.", (E("Fri", "2024-07-12T00:00", "2024-07-13T00:00"),), ("weekday-abbr-cued",)),
    Case("Tues or Weds works.", (E("Tues", "2024-07-16T00:00"), E("Weds", "2024-07-17T00:00")), ("weekday-abbr-cued",)),
    # A word of availability before the day is cue enough: "free Wed", "available fri".
    Case("I'm free Wed after 1pm ET.",
         (E("Wed", "2024-07-10T00:00"), E("1pm ET", "2024-07-10T13:00", "2024-07-10T14:00", "hour")),
         ("weekday-abbr-cued",)),
    Case("available fri after 3?", (E("fri", "2024-07-12T00:00"),), ("weekday-abbr-cued",)),
    # "between" opens the dash range, so the day before it joins: the hours are Thursday's.
    Case("Can we meet Thursday between 1-4 ET?",
         (E("Thursday between 1-4 ET", "2024-07-11T13:00:00-04:00", "2024-07-11T16:00", "hour"),),
         ("weekday", "clock-range")),
    # Two numeric dates as a range are dates without a cue word; a range into January ends next year.
    Case("I'll be in London 12/7-12/9 (GMT).", (E("12/7-12/9", "2024-12-07T00:00", "2024-12-10T00:00"),),
         ("month-day-range",)),
    Case("Out 12/21-1/4, back after.", (E("12/21-1/4", "2024-12-21T00:00", "2025-01-05T00:00"),), ("month-day-range",)),
    Case("Mix 1/2-1/3 of the flour by noon.", (E("noon", "2024-07-10T12:00", "2024-07-10T13:00", "hour",
         limit=E("by noon", "2024-07-10T09:00", "2024-07-10T13:00", "hour")),), ("block-fraction-range",)),
    # A span that opens a bracket closes it.
    Case("Next Friday (the 12th) works.", (E("Next Friday (the 12th)", "2024-07-12T00:00", "2024-07-13T00:00"),),
         ("weekday-relative",)),
    # A line break inside a cued span does not make it longer than the date after it: "until\nJanuary"
    # lost "31" in a fixture wrapped at 72 columns.
    Case("I'll hold the pricing until\nJanuary 31.", (E("January 31", "2025-01-31T00:00", "2025-02-01T00:00",
         limit=E("until\nJanuary 31", "2024-07-10T09:00", "2025-02-01T00:00")),), ("month-day",)),
    # A count of business days after a range word is no clock time ("7" was 7pm on the fifth business day).
    Case("Legal needs 5-7 business days for redlines.",
         (E("5-7 business days", "2024-07-19T00:00", "2024-07-20T00:00"),), ("duration",)),
    # Lower-case "sat" after a preposition is Saturday; the verb never follows "on".
    Case("concert on sat!! who's going", (E("sat", "2024-07-13T00:00", "2024-07-14T00:00"),), ("weekday-abbr-cued",)),
    # A bare number after a clock time and a range word is where the range ends, and the day after it
    # is the day of both ends.
    Case("I can do 9:30-10 tomorrow.",
         (E("9:30-10 tomorrow", "2024-07-11T09:30", "2024-07-11T10:00", "minute"),), ("clock", "deictic-day")),
    Case("Any time between 9:30 and 11 on Friday.",
         (E("between 9:30 and 11 on Friday", "2024-07-12T09:30", "2024-07-12T11:00", "minute"),), ("clock", "weekday")),
    # A question with no tense in it proposes a time: the coming Monday, not the last one.
    Case("Monday lunch?", (E("Monday", "2024-07-15T00:00", "2024-07-16T00:00"),), ("weekday",)),
    # A count glued to its unit, as tweets write it, is split and read as "1.5 hrs".
    Case("It takes 1.5hrs just to play 3mins.", (E("1.5hrs", "2024-07-10T09:00", "2024-07-10T10:30", "hour"),
                                               E("3mins", "2024-07-10T09:00", "2024-07-10T09:03", "minute")),
         ("duration",)),
    Case("2weeks leave then.", (E("2weeks", "2024-07-10T09:00", "2024-07-24T09:00", "week"),), ("duration",)),
    # Holidays counted from Easter (dateutil's computus): Easter 2025 is April 20.
    Case("Our office will be closed on Good Friday and Easter Monday.",
         (E("Good Friday", "2025-04-18T00:00", "2025-04-19T00:00"), E("Easter Monday", "2025-04-21T00:00")),
         ("holiday",)),
    Case("We'll ship before Easter.", (E("Easter", "2025-04-20T00:00", "2025-04-21T00:00",
                                         limit=E("before Easter", "2024-07-10T09:00", "2025-04-20T00:00")),),
         ("holiday",)),
    # "<holiday> week" is the calendar week the day falls in.
    Case("Most of the team is out Thanksgiving week.",
         (E("Thanksgiving week", "2024-11-25T00:00", "2024-12-02T00:00", "week"),), ("holiday",)),
    # "forecast", "expected", "slated": a news report of what is to come.
    Case("The storm is forecast to make landfall Tuesday.", (E("Tuesday", "2024-07-16T00:00"),), ("weekday",)),
    Case("Delivery of the jets is slated for Tuesday.", (E("Tuesday", "2024-07-16T00:00"),), ("weekday",)),
    # A participle after a determiner is an adjective, not a past tense.
    Case("Expect the signed order form back from our legal team Monday.", (E("Monday", "2024-07-15T00:00"),),
         ("weekday",)),
    Case("How about 10:30 on Monday?", (E("10:30 on Monday", "2024-07-15T10:30", "2024-07-15T10:31", "minute"),),
         ("clock", "weekday")),
    # A bare number after "at" is a clock time, also when "at" is cut off the span ("2 on Friday" was Friday).
    Case("I'm free at 2.", (E("2", "2024-07-10T14:00", "2024-07-10T15:00", "hour"),), ("clock",)),
    Case("I'm free at 2 on Friday.", (E("2 on Friday", "2024-07-12T14:00", "2024-07-12T15:00", "hour"),),
         ("clock", "weekday")),
    # ... and after "after", "by", "until" when a day follows it.
    Case("Anytime after 3 tomorrow works.", (E("3 tomorrow", "2024-07-11T15:00", "2024-07-11T16:00", "hour"),),
         ("clock",)),
    Case("I'm around until 4 today.", (E("4 today", "2024-07-10T16:00", "2024-07-10T17:00", "hour",
                                        limit=E("until 4 today", "2024-07-10T09:00", "2024-07-10T16:00", "hour")),),
         ("clock",)),
    Case("I can have it to you by 5 tomorrow.",
         (E("5 tomorrow", "2024-07-11T17:00", "2024-07-11T18:00", "hour",
            limit=E("by 5 tomorrow", "2024-07-10T09:00", "2024-07-11T17:00", "hour")),), ("clock",)),
    # The part of the day says whether a bare hour is am or pm.
    Case("He will leave at 4 in the morning.",
         (E("4 in the morning", "2024-07-11T04:00", "2024-07-11T05:00", "hour"),), ("clock",)),
    # A clock time with no day that is already over today (NOW is 9am) is tomorrow's when the sentence looks
    # ahead, today's when it looks back; hours not yet over stay today's.
    Case("I'll call you at 8am.", (E("8am", "2024-07-11T08:00", "2024-07-11T09:00", "hour"),), ("clock",)),
    Case("Can we talk at 7:30am?", (E("7:30am", "2024-07-11T07:30", "2024-07-11T07:31", "minute"),), ("clock",)),
    Case("We spoke at 8am.", (E("8am", "2024-07-10T08:00", "2024-07-10T09:00", "hour"),), ("clock",)),
    Case("I'll send it over by 8am.",
         (E("8am", "2024-07-11T08:00", "2024-07-11T09:00", "hour",
            limit=E("by 8am", "2024-07-10T09:00", "2024-07-11T08:00", "hour")),), ("clock",)),
    Case("Our desk is staffed 8am-6pm.", (E("8am-6pm", "2024-07-10T08:00", "2024-07-10T18:00", "hour"),),
         ("clock",)),
    Case("We land at 7 in the evening.", (E("7 in the evening", "2024-07-10T19:00", "2024-07-10T20:00", "hour"),),
         ("clock",)),
    # Two days of the month joined by a dash or "to": a range in the month they share.
    Case("I'm traveling the 14th-16th but free on the 17th.",
         (E("the 14th-16th", "2024-07-14T00:00", "2024-07-17T00:00"), E("the 17th", "2024-07-17T00:00")),
         ("day-of-month-range", "day-of-month")),
    Case("We're out the 30th-2nd.", (E("the 30th-2nd", "2024-07-30T00:00", "2024-08-03T00:00"),),
         ("day-of-month-range",)),
    # The day a limit names is one to refer back to: "the following Monday" is the Monday after the 15th.
    Case("If the PO comes through before the 15th, we can start the following Monday.",
         (E("the 15th", "2024-07-15T00:00", "2024-07-16T00:00",
            limit=E("before the 15th", "2024-07-10T09:00", "2024-07-15T00:00")),
          E("following Monday", "2024-07-22T00:00", "2024-07-23T00:00")), ("day-of-month", "weekday-relative")),
    # Noon and midnight end or open a clock range, and the day after it is the day of both ends.
    Case("I'm free noon-1pm tomorrow.", (E("noon-1pm tomorrow", "2024-07-11T12:00", "2024-07-11T13:00", "hour"),),
         ("part-of-day", "clock", "deictic-day")),
    Case("I'm free 11-noon tomorrow.", (E("11-noon tomorrow", "2024-07-11T11:00", "2024-07-11T13:00", "hour"),),
         ("part-of-day", "deictic-day")),
    # A short numeric date after a verb of meeting ("do", "meet", "say", "about").
    Case("Can we do 12/9 at 2?", (E("12/9 at 2", "2024-12-09T14:00", "2024-12-09T15:00", "hour"),),
         ("date-numeric-short", "clock")),
    Case("Can you meet 12/9 between 2-4 ET?",
         (E("12/9 between 2-4 ET", "2024-12-09T14:00", "2024-12-09T16:00", "hour"),),
         ("date-numeric-short", "clock-range")),
    Case("Call 3/4 of the list on 12/9.", (E("12/9", "2024-12-09T00:00"),), ("block-fraction", "date-numeric-short")),
    # "1H 2027" / "2H'27" is a half-year as "H1 2027" is ("1h" alone is an hour); "wk of" is "week of".
    Case("Budget opens up in 1H 2027.", (E("1H 2027", "2027-01-01T00:00", "2027-07-01T00:00", "quarter"),),
         ("quarter",)),
    Case("Launch slips to 2H'27.", (E("2H'27", "2027-07-01T00:00", "2028-01-01T00:00", "quarter"),), ("quarter",)),
    # A weekday abbreviated with a full stop is one token, and the date after it joins it.
    Case("The webinar is Tues., Dec. 10 at 1 p.m. EST.",
         (E("Tues., Dec. 10 at 1 p.m. EST", "2024-12-10T13:00", "2024-12-10T14:00", "hour"),),
         ("weekday-abbr-date", "clock")),
    Case("Please send me the current draft on Thur.", (E("Thur", "2024-07-11T00:00", "2024-07-12T00:00"),),
         ("weekday-abbr-cued",)),
    # "and" / "or" cue an abbreviation that is no other word, as "on" does.
    Case("My exams are on Mon and tues.", (E("Mon", "2024-07-15T00:00"), E("tues", "2024-07-16T00:00")),
         ("weekday-abbr-cued",)),
    # A later weekday joined by "and" / "or" runs on from the first, in its week; an earlier one keeps its own reading.
    Case("My exams are on Monday and Tuesday.", (E("Monday", "2024-07-15T00:00"), E("Tuesday", "2024-07-16T00:00")),
         ("weekday",)),
    Case("Statements made Friday and Thursday.", (E("Friday", "2024-07-05T00:00"), E("Thursday", "2024-07-04T00:00")),
         ("weekday",)),
    # April, May, June and August are also given names: greeted, thanked, saying or being someone.
    Case("Thanks June, we launch in August.", (E("August", "2024-08-01T00:00", "2024-09-01T00:00", "month"),),
         ("block-month-name", "month-cued")),
    # "at least", "more than", "at most" belong to the length they qualify.
    Case("It took at least six months.", (E("at least six months", "2024-07-10T09:00", "2025-01-10T09:00", "month"),),
         ("duration",)),
    Case("It lasted more than a decade.",
         (E("more than a decade", "2024-07-10T09:00", "2034-07-10T09:00", "year"),), ("duration",)),
    Case("Allow at most 3 days.", (E("at most 3 days", "2024-07-10T09:00", "2024-07-13T09:00"),), ("duration",)),
    # "the" opens "the late 1970s" and "the mid-1990s"; a comparative's "than" is no part of "a year ago".
    Case("The group held power in the late 1970s.",
         (E("the late 1970s", "1976-08-07T00:00", "1980-01-01T00:00", "year"),), ("period-part", "decade")),
    Case("The plant opened in the mid-1990s.",
         (E("the mid-1990s", "1993-04-20T00:00", "1996-09-12T00:00", "year"),), ("period-part", "decade")),
    Case("Sales were higher than a year ago.", (E("a year ago", "2023-07-10T00:00", "2024-07-10T00:00", "year"),),
         ("relative-ago",)),
    # "this" / "next" before an abbreviated weekday with a time; "months ago" without a count.
    Case("Catch the finals this Sat, 430pm.",
         (E("this Sat, 430pm", "2024-07-13T16:30", "2024-07-13T16:31", "minute"),), ("weekday-abbr-date",)),
    Case("The issue was logged months ago.", (E("months ago", "2024-06-10T00:00", "2024-07-10T00:00", "month"),),
         ("relative-ago",)),
    # "the start of" a period, "12 noon", "tomo morning".
    Case("We celebrate the start of 2025.", (E("the start of 2025", "2025-01-01T00:00", "2025-05-05T00:00", "year"),),
         ("period-part", "year")),
    Case("Lunch is at 12 noon.", (E("12 noon", "2024-07-10T12:00", "2024-07-10T13:00", "hour"),), ("part-of-day",)),
    # "your time" / "my time" after a bare hour: a clock time in a zone the text does not name (read in `tz`).
    Case("Happy to meet anytime after 4 your time.",
         (E("4 your time", "2024-07-10T16:00", "2024-07-10T17:00", "hour"),), ("clock",)),
    Case("Leaving for Crewe tomo morning.", (E("tomo morning", "2024-07-11T06:00", "2024-07-11T12:00", "hour"),),
         ("part-of-day",)),
    # Lower-case "sat" before a part of the day is Saturday, as tweets write it; after a subject it is the verb.
    Case("see u guys sat nite", (E("sat nite", "2024-07-13T18:00", "2024-07-14T00:00", "hour"),),
         ("weekday-abbr-date",)),
    # After "or" / "and" a lower-case "sat" is Saturday too, unless a word of sitting follows ("or sat down").
    Case("how about friday night or sat?", (E("friday night", "2024-07-12T18:00", "2024-07-13T00:00", "hour"),
                                           E("sat", "2024-07-13T00:00", "2024-07-14T00:00")),
         ("weekday", "weekday-abbr-cued")),
    Case("She sat down, then left on Sat night.", (E("Sat night", "2024-07-13T18:00", "2024-07-14T00:00", "hour"),),
         ("block-sat-verb", "weekday-abbr-date")),
    # "as early as March": the comparison is a cue for the month, and no part of its span; a day after the month
    # still makes the longer expression ("as late as Jan. 12").
    Case("A cut could come as early as March.", (E("March", "2025-03-01", "2025-04-01", "month"),), ("month-cued",)),
    Case("The ruling could come as late as Jan. 12.", (E("Jan. 12", "2025-01-12", "2025-01-13"),),
         ("month-day",)),
    # A clock time right before a part of a named day is that part's hour: "5:45" alone read as 5:45 pm, and
    # "at 11" before "last night" was dropped as a bare number.
    Case("Watching the sunrise at 5:45 this morning", (
        E("5:45 this morning", "2024-07-10T05:45", "2024-07-10T05:46", "minute"),), ("clock", "part-of-day")),
    Case("Got home at 11 last night.", (E("11 last night", "2024-07-09T23:00", "2024-07-10T00:00", "hour"),),
         ("clock", "part-of-day")),
    Case("Let's talk at 4 this afternoon.", (E("4 this afternoon", "2024-07-10T16:00", "2024-07-10T17:00", "hour"),),
         ("clock", "part-of-day")),
    # "with <a noun phrase> <participle>" is a state of the thing, no past tense: the promise's "I'll" decides.
    Case("I'll get you a revised quote with the volume tier applied first thing Monday.",
         (E("Monday", "2024-07-15", "2024-07-16"),), ("weekday",)),
    Case("We met with the team and discussed it on Monday.", (E("Monday", "2024-07-08", "2024-07-09"),),
         ("weekday",)),
    # A past verb the date hangs on ("sent on Tuesday") outweighs the main clause's "is" / "expires" after it.
    Case("The quote I sent on Tuesday is attached.", (E("Tuesday", "2024-07-09", "2024-07-10"),), ("weekday",)),
    Case("Saturday is good.", (E("Saturday", "2024-07-13", "2024-07-14"),), ("weekday",)),
    # A report after the comma ("..., the company said Tuesday") is a clause of its own: its past tense does not
    # turn the date the report gives.
    Case("Apple will unveil its new iPhone at an event on Sept. 9, the company said Tuesday.", (
        E("Sept. 9", "2024-09-09", "2024-09-10"), E("Tuesday", "2024-07-09", "2024-07-10")), ("month-day", "weekday")),
    # A present perfect of agreeing or deciding sets up what is to come, as one of arranging does.
    Case("We've agreed to net 45, and a March 1 go-live is realistic.", (E("March 1", "2025-03-01", "2025-03-02"),),
         ("month-day",)),
    Case("He has decided to do a make-up session on the 29th.", (E("the 29th", "2024-07-29", "2024-07-30"),),
         ("day-of-month",)),
    # Lower-case "thurs" and "tues" are no English words: days alone, as tweets write them.
    Case("anyone up for drinks after work thurs?", (E("thurs", "2024-07-11", "2024-07-12"),), ("weekday-abbr-cued",)),
    # A recurrence takes its clock time and zone: "11am PT" alone was read as today's.
    Case("Training sessions run every Tuesday at 11am PT.", (
        E("every Tuesday at 11am PT", "2024-07-16T11:00:00-07:00", "2024-07-16T12:00", "hour"),),
         ("set", "clock", "zone")),
    # A later weekday joined to "next Thursday" runs on in that week, as one joined to a bare weekday does.
    Case("I'm traveling next Thursday and Friday.", (E("next Thursday", "2024-07-18", "2024-07-19"),
                                                     E("Friday", "2024-07-19", "2024-07-20")),
         ("weekday-relative", "weekday")),
    # A part of the period after "in": "early in the week" (told ahead on a Wednesday: next week's, as that part of
    # this week is over).
    Case("Early in the week is best for us.", (E("Early in the week", "2024-07-15", "2024-07-17", "week"),),
         ("period-part", "the-unit")),
    # The article before a lone day or part of the day after "on" / "for" is part of the span, as tweets annotate it.
    Case("Let's meet on a Sunday.", (E("a Sunday", "2024-07-14", "2024-07-15"),), ("weekday",)),
    Case("Join us for an afternoon of art.", (E("an afternoon", "2024-07-10T12:00", "2024-07-10T18:00", "hour"),),
         ("part-of-day",)),
    # "the month of April" is the month; a weekday right after a day and month is that day's.
    Case("Special class for the month of April.", (E("the month of April", "2024-04-01", "2024-05-01", "month"),),
         ("the-unit", "month-cued")),
    Case("Live streaming on 12th July Friday.", (E("12th July Friday", "2024-07-12", "2024-07-13"),),
         ("day-month", "weekday")),
    Case("Happy #Friday all!", (E("Friday", "2024-07-12", "2024-07-13"),), ("weekday",)),
    # What was set up "for" a date lies ahead: "Confirmed for the 12th", "Invite sent for Wed 10am PT".
    Case("Confirmed for the 12th.", (E("the 12th", "2024-07-12", "2024-07-13"),), ("day-of-month",)),
    Case("Invite sent for Wed 10am PT.", (E("Wed 10am PT", "2024-07-10T10:00:00-07:00", "2024-07-10T11:00", "hour"),),
         ("weekday-abbr-date", "zone")),
    # After a verb "past" is "beyond", not "last": "slips past February" is the coming February.
    Case("We'll cover it if the rollout slips past February.", (E("February", "2025-02-01", "2025-03-01", "month"),),
         ("month-relative",)),
    # What "we are committed to" lies ahead (a crime "was committed" keeps its past).
    Case("We're committed to a Q2 delivery.", (E("Q2", "2025-04-01", "2025-07-01", "quarter"),), ("quarter",)),
    Case("Let's target wk of 12/14.", (E("wk of 12/14", "2024-12-09T00:00", "2024-12-16T00:00", "week"),),
         ("week-of", "date-numeric-short")),
    # A dash typed straight after the word ("Friday- thanks") ends the word, as a spaced one does.
    Case("I moved Cindy to March 30th- can you move my lunch?", (E("March 30th", "2025-03-30", "2025-03-31"),),
         ("month-day",)),
    Case("See you Friday- thanks!", (E("Friday", "2024-07-12", "2024-07-13"),), ("weekday",)),
    # An abbreviated month after "for", "by", "from", "to", "of" or "on" (not "Jan", "Jun" or "Mar", names or words).
    Case("Send the numbers for Sept, please.", (E("Sept", "2024-09-01", "2024-10-01", "month"),), ("month-cued",)),
    Case("We moved it from Aug to Oct.", (E("Aug", "2024-08-01", "2024-09-01", "month"),
                                          E("Oct", "2024-10-01", "2024-11-01", "month")), ("month-cued",)),
    Case("Check the tickets for DEC forward.", (E("DEC", "2024-12-01", "2025-01-01", "month"),), ("month-cued",)),
    # A short numeric date after a verb of starting or ending ("Sale ends 7/12"), the verb no part of the span;
    # "starting" and "effective" right before a date point ahead as "starts" does.
    Case("Sale ends 7/12!", (E("7/12", "2024-07-12", "2024-07-13"),), ("date-numeric-short",)),
    Case("Offer valid thru 8/1.", (E("8/1", "2024-08-01", "2024-08-02"),), ("date-numeric-short",)),
    Case("Starting 6/1 we close early.", (E("6/1", "2025-06-01", "2025-06-02"),), ("date-numeric-short",)),
    Case("Costs rose under the new labor pact effective June 1.", (E("June 1", "2025-06-01", "2025-06-02"),),
         ("month-day",)),
    # "March" and "May" (a verb as often) stand alone after "for" or "to" as after "in".
    Case("Please send me the invoice for March.", (E("March", "2025-03-01", "2025-04-01", "month"),), ("month-cued",)),
    Case("Can we push it to May?", (E("May", "2025-05-01", "2025-06-01", "month"),), ("month-cued",)),
    # "the week commencing / beginning / starting <day>" is the week that day begins, as "w/c" is; "wk ending
    # <day>" the seven days to it. "attached" at a clause's end is what the mail carries, no past verb.
    Case("Let's do the week commencing 9 December.",
         (E("the week commencing 9 December", "2024-12-09", "2024-12-16", "week"),), ("week-of", "day-month")),
    Case("I'm out the week beginning Jan 6.", (E("the week beginning Jan 6", "2025-01-06", "2025-01-13", "week"),),
         ("week-of", "month-day")),
    Case("Numbers for wk ending 7/19 attached.", (E("wk ending 7/19", "2024-07-13", "2024-07-20", "week"),),
         ("week-of", "date-numeric-short")),
    Case("Sales for the week ending June 28 rose.",
         (E("the week ending June 28", "2024-06-22", "2024-06-29", "week"),), ("week-of", "month-day")),
    Case("Budget for CY2025 is set; CY 2026 is next.", (E("CY2025", "2025-01-01", "2026-01-01", "year"),
                                                         E("CY 2026", "2026-01-01", "2027-01-01", "year")),
         ("year-fiscal",)),
    # A clock time with seconds is read to the minute.
    Case("We received your 2014-07-01 21:35:53 application.",
         (E("2014-07-01 21:35:53", "2014-07-01T21:35:00-04:00", "2014-07-01T21:36", "minute"),), ("date-numeric",)),
    Case("The call is at 14:30:00 UTC tomorrow.",
         (E("14:30:00 UTC tomorrow", "2024-07-11T14:30:00+00:00", "2024-07-11T14:31", "minute"),), ("clock",)),
    # Halves: "2 1/2 years", "two and a half months", "an hour and a half", "half an hour" (a part of a month or
    # longer counts as days, 30 to the month).
    Case("We lived there for 2 1/2 years.", (E("2 1/2 years", "2024-07-10T09:00", "2027-01-10T09:00", "year"),),
         ("duration",)),
    Case("Delivery in 2 1/2 weeks.", (E("in 2 1/2 weeks", "2024-07-27", "2024-07-28"),), ("in-duration",)),
    Case("In two and a half months we launch.", (E("In two and a half months", "2024-09-25", "2024-09-26"),),
         ("in-duration",)),
    Case("It took an hour and a half; give us half an hour.", (
        E("an hour and a half", "2024-07-10T09:00", "2024-07-10T10:30", "hour"),
        E("half an hour", "2024-07-10T09:00", "2024-07-10T09:30", "hour")), ("duration",)),
    Case("We will ship within a week and a half.", (E("a week and a half", "2024-07-10T09:00", "2024-07-20T21:00",
                                                      "week", limit=E("within a week and a half", "2024-07-10T09:00",
                                                                      "2024-07-20T21:00", "week")),),
         ("within-duration",)),
    Case("We met 2 1/2 years ago.", (E("2 1/2 years ago", "2022-01-10", "2023-01-10", "year"),), ("relative-ago",)),
    # "Mon", "Sat", "Sun" need a cue; a weekday after "or" / "/" is one: "Mon or Tues" are two candidates.
    Case("Let's sync Mon or Tues.", (E("Mon", "2024-07-15", "2024-07-16"), E("Tues", "2024-07-16", "2024-07-17")),
         ("weekday-either",)),
    Case("Can we meet Mon/Tues 3pm?", (E("Mon", "2024-07-15", "2024-07-16"),
                                       E("Tues 3pm", "2024-07-16T15:00", "2024-07-16T16:00", "hour")),
         ("weekday-either",)),
    Case("Can we do lunch Fri. the 19th?", (E("Fri. the 19th", "2024-07-19", "2024-07-20"),), ("weekday-abbr-date",)),
    # "year's end", "month's end": the possessive form of "year end".
    Case("Regulations should be in place by year's end.", (E("year's end", "2024-12-02", "2025-01-01", "year", limit=E(
        "by year's end", "2024-07-10T09:00", "2025-01-01", "year")),), ("shorthand",)),
    Case("We'll have it by month's end.", (E("month's end", "2024-07-29", "2024-08-01", "month", limit=E(
        "by month's end", "2024-07-10T09:00", "2024-08-01", "month")),), ("shorthand",)),
    # A day and month written German style after a cue ("on 4.1."), day first as dotted dates are.
    Case("We could kick off the pilot on 4.1. if your team is ready.", (E("4.1.", "2025-01-04", "2025-01-05"),),
         ("date-numeric-short",)),
    Case("If that doesn't work, Wed/Thurs afternoon is fine too.", (
        E("Wed", "2024-07-10", "2024-07-11"), E("Thurs afternoon", "2024-07-11T12:00", "2024-07-11T18:00", "hour")),
         ("weekday-either",)),
    # Without "of", "close" before a period is the verb: "if we close this quarter" names the quarter.
    Case("I can knock another 5% off if we close this quarter.", (E("this quarter", "2024-07-01", "2024-10-01",
                                                                   "quarter"),), ("relative-unit",)),
    # A month and two figures no day can be is the month of that year ("Apr 98"); not before a noun they count.
    Case("Can I get the daily data going back to Apr 98?", (E("daily", "2024-07-10", "2024-07-11"),
                                                            E("Apr 98", "1998-04-01", "1998-05-01", "month")),
         ("month-year", "set")),
    # A bare hour offered before a clock time with am/pm takes its half of the day, zone and day ("11 or 1pm": the
    # morning's 11); a bare 7:30 alone would be the evening's.
    Case("Would 9 or 10am PT work?", (E("9", "2024-07-10T09:00:00-07:00", "2024-07-10T10:00", "hour"),
                                      E("10am PT", "2024-07-10T10:00:00-07:00", "2024-07-10T11:00", "hour")),
         ("clock",)),
    Case("Let's talk 7:30 or 8:00 AM PDT.", (E("7:30", "2024-07-10T07:30:00-07:00", "2024-07-10T07:31", "minute"),
                                             E("8:00 AM PDT", "2024-07-10T08:00:00-07:00", "2024-07-10T08:01",
                                               "minute")), ("clock",)),
    Case("Let's talk 7:30/8:00 AM PDT.", (E("7:30", "2024-07-10T07:30:00-07:00", "2024-07-10T07:31", "minute"),
                                          E("8:00 AM PDT", "2024-07-10T08:00:00-07:00", "2024-07-10T08:01",
                                            "minute")), ("clock",)),
    Case("Free at 10, 11 or 2pm.", (E("10", "2024-07-10T10:00", "2024-07-10T11:00", "hour"),
                                    E("11", "2024-07-10T11:00", "2024-07-10T12:00", "hour"),
                                    E("2pm", "2024-07-10T14:00", "2024-07-10T15:00", "hour")), ("clock",)),
    Case("Agenda for the 7/29 offsite attached.", (E("7/29", "2024-07-29", "2024-07-30"),), ("date-numeric-short",)),
]

# Text with no time in it, each aimed at a pattern that could misfire there.
NEGATIVE: list[tuple[str, tuple[str, ...]]] = [
    ("Ask Jan for the deck, and say hi to Jun for me.", ("month-cued",)),
    ("We plan to march for the cause; you may want to join.", ("month-cued",)),
    ("The week beginning was slow, and the week ending was worse.", ("week-of",)),
    ("Mon and I went to the Sun or the Mirror.", ("weekday-either",)),
    ("The appeal went to the 11th U.S. Circuit Court of Appeals.", ("block-ordinal-noun",)),
    ("Sales grew by 4.1. Then they fell.", ("date-numeric-short",)),
    ("More than 1/4 of users and as many as 1/3 of admins agreed.", ("date-numeric-short",)),
    ("I missed the end of Jan's talk.", ("month-cued",)),
    ("The back half of the deck covers pricing.", ("quarter",)),
    ("The year-one license and year 2 support are priced apart.", ("the-unit",)),
    ("We have 10 Pacific islands and 3 Central American offices.", ("zone",)),
    ("We logged 16h of work and offer 24h support.", ("clock",)),
    ("We spring into action, and names spring to mind; let's spring for the upgrade.", ("season",)),
    ("We wed and then left.", ("weekday-either",)),
    ("Sales in March 45 stores rose.", ("month-year",)),
    ("The fee is $5 or 10 percent, whichever is less.", ("clock",)),
    # "the week I'm back", "the day you sign": a unit an event dates, which cannot be read (not this week, today).
    ("We can do it the week I'm back, and start the day you sign.", ("the-unit",)),
    ("This am I going crazy?", ("block-idiom", "part-of-day")),
    ("He works the night shift at the hospital.", ("block-idiom", "part-of-day")),
    ("Monday Night Football drew big ratings.", ("block-idiom", "weekday")),
    ("They plan to wed for love.", ("weekday-abbr-cued",)),
    ("The first of many meetings went well.", ("day-of-year", "day-month")),
    ("The last of the boxes arrived.", ("day-of-year", "edge-day-of")),
    ("It was the first day of school.", ("edge-day-of",)),
    ("Smith et al. found the same.", ("block-et-al", "zone")),
    ("They sat near the window.", ("block-sat-verb", "weekday-abbr-date")),
    ("He stood or sat down.", ("block-sat-verb", "weekday-abbr-cued")),
    ("Thu-Trang joined the call.", ("weekday-range", "weekday-abbr-cued")),
    ("Re: order ID 2026-11-0042 (invoice #2026-118)", ("block-identifier", "year")),
    ("In 1015 the king died.", ("clock",)),
    ("Thu Nguyen joined the call.", ("weekday-abbr-cued",)),
    ("Happy holidays to you and yours!", ("holiday",)),
    ("Tom and Jan will join the call.", ("month-cued",)),
    ("Expect 1/4-1/2 of users to churn.", ("block-fraction-range", "month-day-range")),
    ("Use 3/4-7/8 inch bolts.", ("block-fraction-range", "month-day-range")),
    ("Room 1015 is free.", ("clock",)),
    ("we may need more seats.", ("month-cued",)),
    ("in may cases the march is long.", ("month-cued",)),
    ("the et team is in pt mode.", ("zone",)),
    ("We celebrated the day after.", ("day-anchor",)),
    ("Support is available 24/7.", ("date-numeric-short", "block-idiom")),
    ("In week 2 we configure the integrations; version 1.2.3 ships with 24h support.",
     ("week-number", "block-version", "clock")),
    ("He won by half a point, a quarter of the vote.", ("clock",)),
    ("The score was 9-5 at the half.", ("clock-range",)),
    ("London time is ahead of ours.", ("zone",)),
    ("We were the first team to ship the last mile.", ("weekday-nth",)),
    ("We will get there one way or another.", ("duration",)),
    ("The day before the launch was hectic.", ("day-anchor",)),
    ("We appreciate your patience.", ("weekday",)),
    ("The workshop is for 5th and 6th graders.", ("day-of-month", "block-ordinal-noun")),
    ("The 4th option is the cheapest, and the 2nd and 3rd drafts were close.", ("day-of-month", "block-ordinal-noun")),
    ("The offices on the 3rd or 4th floors are being painted.", ("day-of-month", "block-ordinal-noun")),
    ("We will review the contract.", ("weekday", "weekday-abbr-date")),
    ("Sun Microsystems was a customer.", ("weekday-abbr-date", "weekday-relative")),
    ("Mon Cheri is the product name.", ("weekday-abbr-date",)),
    ("We may need more information.", ("month-cued", "block-may-verb")),
    ("The March on Washington and the March of Dimes.", ("month-cued",)),
    ("May I ask a question?", ("month-cued", "block-may-verb")),
    ("You may march ahead without us.", ("month-cued", "month-bare")),
    ("Dec is our CTO's nickname.", ("month-bare",)),
    ("Jan Smit signed the order form.", ("month-bare", "month-year", "month-day")),
    ("We offer a 20% discount.", ("block-percent", "duration")),
    ("Pricing is 20 percent below list.", ("block-percent",)),
    ("Call me on +1 (415) 555-0134.", ("block-phone", "clock", "date-numeric")),
    ("Our office line is 212-555-0187.", ("block-phone",)),
    ("Upgrade to v2.3 for the fix.", ("block-version", "clock")),
    ("Version 3.1.4 fixed the bug.", ("block-version", "date-numeric")),
    ("We support SQL Server 2019, Windows Server 2022 and Office 2016.", ("block-version", "year")),
    ("Exchange 2013 and SharePoint 2019 are out of support.", ("block-version", "year")),
    ("Under AB 1890 direct access was illegal; see also SB 1999.", ("block-identifier", "year")),
    ("Private ranges per RFC 1918 are blocked, and headers are encoded per RFC 2047.", ("block-identifier", "year")),
    ("The price is $3.50 per unit.", ("block-price", "clock")),
    ("That will be 1990 dollars.", ("block-price", "year")),
    ("We keep a 15:1 ratio of agents to leads.", ("block-ratio-score", "clock")),
    ("A 3x improvement.", ("block-ratio-score",)),
    ("We have 2000 employees.", ("block-count-noun", "year")),
    ("It finished in second place.", ("quarter", "day-of-month")),
    ("She lives on the 4th floor.", ("block-ordinal-noun", "day-of-month")),
    ("He is 52 years old.", ("duration", "block-count-noun")),
    ("He is a 6-year-old.", ("duration",)),
    ("Half of the team agreed.", ("quarter",)),
    ("Our quarterly dividend is unchanged.", ("set",)),
    ("Growth of 20% annually.", ("set",)),
    ("Take the second exit.", ("quarter", "first-week-of")),
    ("Thanks for the update.", ("present", "recent")),
    ("The current design is good.", ("present", "relative-unit")),
    ("Recent customers liked it.", ("recent",)),
    ("Future versions will improve it.", ("future",)),
    ("We ship to Pacific islands.", ("zone",)),
    ("The central team owns this.", ("zone",)),
    ("Let's meet in the middle.", ("period-part",)),
    ("At the end of the road.", ("period-part", "shorthand")),
    ("Choose between red and blue.", ("range-between", "clock-range")),
    ("From the team at Contoso.", ("range-between",)),
    ("Scores were 2-4 at half time.", ("clock-range", "month-day-range")),
    ("Page 3 to 5 covers it.", ("month-day-range", "clock-range")),
    ("Send 3/4 of the payment.", ("date-numeric-short",)),
    ("Use the 1/2 inch bolt.", ("date-numeric-short", "date-numeric")),
    ("The ratio is 10.12.", ("date-numeric",)),
    ("It is a good day.", ("deictic-day", "the-unit")),
    ("The next step is yours.", ("relative-unit", "relative-count")),
    ("Last but not least, thanks.", ("relative-unit", "weekday-relative")),
    ("Next, we review pricing.", ("weekday-relative", "relative-unit")),
    ("That day-to-day work matters.", ("the-unit",)),
    ("We signed them ages ago.", ("relative-ago",)),
    ("Kopp was in his 30s then.", ("decade", "block-idiom")),
    ("Ask Jan about it.", ("month-cued",)),
    ("Apartment 9a is ours.", ("clock",)),
    ("We run on H100 GPUs.", ("quarter",)),
    ("She is 8ish years old.", ("clock", "block-count-noun")),
    ("Send it w/c please.", ("week-of",)),
    ("The Sunday Times reviewed it.", ("weekday", "block-idiom")),
    ("The Monday Club meets here.", ("weekday", "block-idiom")),
    ("She is the 2nd hire on the team.", ("day-of-month", "block-ordinal-noun")),
    ("It costs 10p a minute.", ("clock",)),
    ("A note from Jan in accounting.", ("month-cued",)),
    ("She is in her mid-40s.", ("decade", "block-idiom")),
    ("In two words: great work.", ("in-duration",)),
    ("Within reason, yes.", ("within-duration",)),
    ("The last three items are optional.", ("relative-count",)),
    ("Business is good.", ("next-business-day",)),
    ("Q&A follows the talk.", ("quarter",)),
    ("We use H1 tags on the page.", ("quarter",)),
    ("FYI the deck is attached.", ("year-fiscal",)),
    ("The fiscal impact is small.", ("year-fiscal",)),
    ("First things first.", ("first-week-of",)),
    ("The end of the line for old plans.", ("shorthand",)),
    ("Our COBOL system is old.", ("shorthand",)),
    ("New York is where we are based.", ("holiday",)),
    ("Labor costs rose.", ("holiday",)),
    ("Fall back to the default plan.", ("season",)),
    ("Twenty people attended.", ("year-words",)),
    ("Two thousand seats were sold.", ("year-words",)),
    ("At 5 we have 3 options.", ("clock",)),
    ("Table 3 shows the results.", ("clock",)),
    ("Every one of them agreed.", ("set",)),
    ("The pilot has many days.", ("duration",)),
    ("Best, Jordan", ("weekday",)),
    ("The 5th Avenue store is open.", ("block-ordinal-noun", "day-of-month")),
    ("Version 12.3 uses 100% of the CPU.", ("block-version", "block-percent")),
    ("Our 2nd generation model.", ("block-ordinal-noun",)),
    ("We shipped 12 units.", ("block-count-noun",)),
    ("Jan21ab is a product code.", ("month-day-joined",)),
    ("Call the decade-long partner.", ("decade",)),
    ("The 80 people in the room.", ("decade",)),
    ("Sixties music playlist.", ("decade",)),
    ("A year-long program of learning.", ("relative-ago",)),
    ("This may be the best option.", ("month-relative", "block-may-verb")),
    ("Protesters were arrested at this march.", ("month-relative",)),
    ("Our Central region grew.", ("zone",)),
    ("The first of many wins.", ("day-of-month",)),
    ("Cut the list in half.", ("quarter",)),
    ("Past customers liked it.", ("past-ref",)),
    ("It was a week of fun.", ("week-of",)),
    ("The quarterback threw it.", ("the-unit",)),
    ("Room 2019 is booked.", ("block-count-noun", "year")),
    ("Call 555-0134 x 1910 for help.", ("block-count-noun", "year")),
    ("Our office is at 1600 Amphitheatre Pkwy.", ("block-count-noun", "year")),
    ("They appealed to the 11th Circuit Court.", ("block-ordinal-noun", "day-of-month")),
    ("Funds hold more than a quarter of the market.", ("block-idiom", "duration")),
    ("Mix 3/4 at 2 parts water.", ("date-numeric-short",)),
    ("He scored 12/20 on the quiz.", ("date-numeric-short", "block-ratio-score")),
    ("I'd give it a 12/15 rating.", ("date-numeric-short", "block-ratio-score")),
    ("The sun shines on sun and moon alike.", ("weekday-abbr-cued",)),
    ("Wed love to join.", ("weekday-abbr-date",)),
    ("We met on mon ami's boat.", ("weekday-abbr-cued",)),
    ("I sat on the couch all day.", ("weekday-abbr-cued",)),
    ("The score was 3 - 1 at half time.", ("clock",)),
    ("Play it in MP3days mode.", ("duration",)),
    ("I don't think that HR gets involved.", ("block-hr", "relative-unit")),
    ("It was the 3rd time we asked.", ("block-ordinal-noun", "day-of-month")),
    ("26 people came to the party.", ("day-month",)),
    ("Good morning team.", ("block-idiom", "part-of-day")),
    ("That day-to-day work matters.", ("block-idiom", "the-unit")),
    # A number after "at", "from", "by" that a dash or a noun follows is no clock time.
    ("Please call us at 1-800-548-9554.", ("clock",)),
    ("Call T Jae Black at 3-5800.", ("clock",)),
    ("It rose from 4 pence to 6 pence.", ("clock",)),
    ("You were invited by 2 of your contacts.", ("clock",)),
    ("Coffee (at 7 Kickstart Brewiches)", ("clock",)),
    ("The 5th-6th graders met.", ("day-of-month-range", "block-ordinal-noun")),
    ("Call 3/4 of the list.", ("date-numeric-short", "block-fraction")),
    ("Mix 3/4 at 2 cups.", ("date-numeric-short", "block-fraction")),
    ("Room 1H is on the left.", ("quarter",)),
    ("Our contact there: April is our account manager.", ("block-month-name", "month-bare")),
    ("Hi April, thanks for the call.", ("block-month-name", "month-bare")),
    # A month name before a capitalised surname is a person; after a greeting or a sign-off and its comma too.
    ("Hi team, April Johnson will be your point of contact.", ("block-month-name", "month-bare")),
    ("I spoke with June Lee about the renewal.", ("block-month-name", "month-bare")),
    ("Thanks, April", ("block-month-name", "month-bare")),
    ("Cc: April Smith", ("block-month-name", "month-bare")),
    ("The team said June and I should lead.", ("block-month-name", "month-bare")),
    ("I will loop in August.", ("block-month-name", "month-cued")),
    ("The troops will march as soon as they can.", ("month-cued",)),
    # A race time is no clock time; the Summer Olympics are no summer.
    ("Her marathon time of 3:45 qualified her for Boston.", ("block-ratio-score", "clock")),
    ("He ran the mile in 4:05.", ("block-ratio-score", "clock")),
    ("The Summer Olympics bring in huge crowds.", ("block-idiom", "season")),
    # A hashtag is a topic, not a time (a weekday stays: "#Friday!" says what day it is).
    ("Motivation drops as we enter the #Christmas season.", ("holiday",)),
    # A day or "weekend" naming a kind of person or habit is no time.
    ("The weekend warrior crowd loves this bike.", ("block-idiom", "relative-unit")),
    ("He's a Friday regular at the bar.", ("block-idiom", "weekday")),
    ("Known as May, the ship sailed on.", ("month-cued", "month-bare")),
    ("The days ahead look busy: ago is no word here.", ("relative-ago",)),
    ("Tomo is my friend.", ("part-of-day",)),
    ("We left after 4 our team members quit.", ("clock",)),
    ("Press start to begin the demo.", ("period-part",)),
]


@pytest.mark.parametrize("case", POSITIVE, ids=[c.text for c in POSITIVE])
def test_time_expression(case: Case) -> None:
    found = times(case.text)
    assert [t.text for t in found] == [e.text for e in case.expect]
    for span, want in zip(found, case.expect, strict=True):
        _check(case.text, span, want)
        assert (span.limit is None) == (want.limit is None), span
        if span.limit is not None and want.limit is not None:
            _check(case.text, span.limit, want.limit)
            assert span.limit.start <= span.start and span.end == span.limit.end  # the bound word in front


@pytest.mark.parametrize(("text", "span", "start", "end"), [
    # Written on December 4th, "the 1st" alone would be three days ago; as the end of a range opened by the
    # 24th it is January's. "The 28th" alone would be November's; after the 24th it is December's.
    ("We're closed from the 24th to the 1st.", "the 24th to the 1st", "2026-12-24", "2027-01-02"),
    ("I'm on PTO the 24th through the 28th.", "the 24th through the 28th", "2026-12-24", "2026-12-29"),
])
def test_range_of_bare_days_written_late_in_the_month(text: str, span: str, start: str, end: str) -> None:
    found = times(text, datetime(2026, 12, 4, 10, 0, tzinfo=NY))
    assert [(t.text, t.from_.date().isoformat(), t.to.date().isoformat()) for t in found] == [(span, start, end)]


def _check(text: str, span: TimeSpan, want: Expect) -> None:
    assert span.text == want.text, span
    assert span.from_.isoformat().startswith(want.start), span
    assert not want.end or span.to.isoformat().startswith(want.end), span
    assert span.grain == want.grain, span
    assert span.from_ < span.to
    assert text[span.start:span.end] == span.text


@pytest.mark.parametrize(("text", "ids"), NEGATIVE, ids=[n[0] for n in NEGATIVE])
def test_not_a_time(text: str, ids: tuple[str, ...]) -> None:
    assert times(text) == []


def _fired(text: str) -> set[str]:
    doc = get_nlp()(text)
    return {rule for rule, _, _ in get_engine().patterns.matcher(token_columns(doc).solid)}


@pytest.mark.parametrize("case", POSITIVE, ids=[c.text for c in POSITIVE])
def test_case_ids_really_fire(case: Case) -> None:
    assert set(case.ids) <= _fired(case.text)


def test_every_pattern_id_has_cases() -> None:
    ids = set(get_engine().patterns.ids)
    positive = {i for c in POSITIVE for i in c.ids}
    negative = {i for _, ns in NEGATIVE for i in ns}
    assert ids - positive == set(), "pattern ids without a positive case"
    assert ids - negative == set(), "pattern ids without a negative case"
    assert (positive | negative) - ids == set(), "cases name ids the pattern file lacks"


DECEMBER = datetime(2024, 12, 10, 9, 0, tzinfo=NY)
FRIDAY = datetime(2024, 7, 12, 15, 0, tzinfo=NY)
DAWN, MORNING, EVENING = (datetime(2024, 7, 12, hour, 0, tzinfo=NY) for hour in (5, 10, 20))
MARCH = datetime(2024, 3, 4, 9, 0, tzinfo=NY)


@pytest.mark.parametrize(("text", "now", "start"), [
    # In December the nearest spring is the coming one: "next spring" is it, not the one after.
    ("We'll see you next spring.", DECEMBER, "2025-03-01"),
    ("Last spring was wet.", DECEMBER, "2024-03-01"),
    ("Next winter will be cold.", DECEMBER, "2025-12-01"),  # (this winter has begun)
    ("Growth began last fall.", DECEMBER, "2024-09-01"),
    # "this summer" told ahead once this year's is over is the coming one; told of the past it is this year's.
    ("Let's meet this summer.", DECEMBER, "2025-06-01"),
    ("This summer was hot.", DECEMBER, "2024-06-01"),
    ("Let's meet this March.", DECEMBER, "2025-03-01"),
    ("We launched this March.", DECEMBER, "2024-03-01"),
    # Said on a Friday: this week's middle is gone by, so a middle told ahead is next week's.
    ("We'll have a preliminary SOW to you by mid-week.", FRIDAY, "2024-07-17"),
    ("Let's meet mid-week.", FRIDAY, "2024-07-17"),
    ("We met mid-week.", FRIDAY, "2024-07-10"),
    # A report after the comma is a clause of its own: its "said" does not turn the date the report gives.
    ("Apple will unveil its new iPhone at an event on Sept. 9, the company said.", DECEMBER, "2025-09-09"),
    ("The plant closed on Sept. 9, officials said.", DECEMBER, "2024-09-09"),
    # A part of the day with no day named, told ahead once today's is over, is tomorrow's (as a clock time is);
    # "first thing in the morning" is tomorrow's once the morning has begun. Told of the past, or named with
    # "this", it stays today's.
    ("I'll send it in the morning.", EVENING, "2024-07-13T06:00"),
    ("I'll call you in the afternoon.", EVENING, "2024-07-13T12:00"),
    ("We met in the morning.", EVENING, "2024-07-12T06:00"),
    ("I'll send it this afternoon.", EVENING, "2024-07-12T12:00"),
    ("I'll have it to you first thing in the morning.", MORNING, "2024-07-13T06:00"),
    ("I'll send it in the morning.", MORNING, "2024-07-12T06:00"),
    ("I'll have it to you first thing in the morning.", DAWN, "2024-07-12T06:00"),
    # What we say we will do lies strictly ahead: "Jan 5" written in March after "we will", "I'll", "let's" is
    # next January's, however near the last one; others' futures keep the nearest ("They will meet Jan 5").
    ("We will go live Jan 5.", MARCH, "2025-01-05"),
    ("Let's meet Jan 5.", MARCH, "2025-01-05"),
    ("I'll send the SOW Jan 5.", MARCH, "2025-01-05"),
    ("They will meet Jan 5.", MARCH, "2024-01-05"),
    # An offer looks ahead: "happy to ... on Tuesday" written on a Friday is next Tuesday, not three days ago.
    ("I'm happy to walk your CFO through the numbers on Tuesday.", FRIDAY, "2024-07-16"),
    ("Glad to hear the demo on Tuesday went well.", FRIDAY, "2024-07-09"),
    # A present progressive looks ahead ("Marco is presenting on Thursday" written on a Friday is next
    # week's), unless another cue of the sentence looks back; a participle after "get" is no past tense.
    ("Marco is presenting on Thursday.", FRIDAY, "2024-07-18"),
    ("I'm sending the SOW on Thursday.", FRIDAY, "2024-07-18"),
    ("He is getting married on the 5th.", FRIDAY, "2024-08-05"),
    ("He got married on the 5th.", FRIDAY, "2024-07-05"),
    ("The bank said it is increasing reserves on Thursday.", FRIDAY, "2024-07-11"),
])
def test_a_period_of_this_year_or_week_reads_from_now(text: str, now: datetime, start: str) -> None:
    [span] = times(text, now)
    assert span.from_.isoformat().startswith(start), span
