"""Each context rule, positive and negative, over hand-built commitments and the demo world."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from promisegate.context import Person
from promisegate.context.calendars import CachedCalendar, Calendars, IcsPathFeed
from promisegate.context.loader import ContextBundle
from promisegate.errors import CalendarUnavailable
from promisegate.model import Extraction, TimeSpan
from promisegate.parse import ParsedMessage
from promisegate.rules import RuleContext, load_builtin_rules
from promisegate.rules.deal_rules import file_title
from tests.context.conftest import BERLIN, LA, NOW, POLICY, commitment, message, run_rule, span

CONTEXT_RULES = ["meeting-conflict", "overcommitted-week", "date-before-agreed", "document-restricted",
                 "document-unknown", "price-beyond-limit", "restricted-topic", "contradicts-ledger", "unknown-deal",
                 "weekday-mismatch", "unapproved-concession"]


def meeting(start: datetime, minutes: int = 60, text: str = "How about a call then?"):
    return commitment("meeting", text, when=span(start, start + timedelta(minutes=minutes), text))


def day(d: datetime, text: str = "Let's meet that day.", days: int = 1):
    return span(d, d + timedelta(days=days), text, "day")


def test_every_context_rule_is_registered_with_policy_and_description() -> None:
    registry = load_builtin_rules()
    for name in CONTEXT_RULES:
        assert name in registry
        assert registry[name].description.endswith(".")
        assert POLICY[name]["enabled"] is True


# --- meeting-conflict -------------------------------------------------------------------------

def test_meeting_conflict_names_the_busy_event(world: ContextBundle) -> None:
    [f] = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 15, 0, tzinfo=LA))])
    assert f.message.startswith("Proposes Tue 1 Dec 15:00–16:00 PST")
    assert "Dana Lee is busy then: ‘Board prep’ 14:30–16:00" in f.message
    assert f.score == POLICY["meeting-conflict"]["score"]
    assert f.evidence["busy"][0]["summary"] == "Board prep"


def test_the_customers_meeting_already_on_the_calendar_is_no_conflict_with_itself(world: ContextBundle) -> None:
    # Dana's calendar holds ‘Acme data mapping workshop’ Mon 7 Dec 13:00 PT: mail to Acme that names that time
    # speaks of the booked meeting ("See you at the workshop on Monday at 1pm PT"), which adds nothing to her week.
    see_you = [meeting(datetime(2026, 12, 7, 13, 0, tzinfo=LA), text="See you at the workshop on Monday at 1pm PT.")]
    assert run_rule("meeting-conflict", world, see_you) == []
    assert run_rule("overcommitted-week", world, see_you) == []
    # Another customer's meeting at that time is still a conflict: ‘Hooli discovery call’ Mon 7 Dec 10:30 PT.
    [f] = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 7, 10, 30, tzinfo=LA))])
    assert "‘Hooli discovery call’" in f.message


def test_a_promise_that_has_the_se_act_on_a_day_away_conflicts(world: ContextBundle) -> None:
    vacation = day(datetime(2026, 12, 22, tzinfo=LA), "the 22nd")
    text = "Dana will send the updated implementation plan on the 22nd."
    [f] = run_rule("meeting-conflict", world, [commitment("document", text, when=vacation)])
    assert f.message.startswith(f"Commits Dana Lee on Tue 22 Dec 2026 (“{text}”); Dana Lee is away then: ‘Vacation")
    # Nobody of ours acts ("Dana's notes"); a day she works; her busy hours (meetings only).
    for text, when in [("I'll send you Dana's notes on the 22nd.", vacation),
                       ("Dana will send the plan on December 15.", day(datetime(2026, 12, 15, tzinfo=LA))),
                       ("Dana will send it at 3pm on Tuesday.",
                        span(datetime(2026, 12, 1, 15, tzinfo=LA), datetime(2026, 12, 1, 16, tzinfo=LA)))]:
        assert run_rule("meeting-conflict", world, [commitment("document", text, when=when)]) == []


def test_meeting_in_free_working_time_passes(world: ContextBundle) -> None:
    assert run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 11, 0, tzinfo=LA), 30)]) == []


def test_transparent_and_cancelled_events_do_not_block(world: ContextBundle) -> None:
    lunch_and_learn = meeting(datetime(2026, 12, 2, 12, 15, tzinfo=LA), 30)
    cancelled_partner_sync = meeting(datetime(2026, 12, 4, 10, 0, tzinfo=LA), 60)
    assert run_rule("meeting-conflict", world, [lunch_and_learn, cancelled_partner_sync]) == []


def test_meeting_outside_working_hours(world: ContextBundle) -> None:
    [f] = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 18, 0, tzinfo=LA), 30)])
    assert "outside Dana Lee's working hours (Mon–Fri 08:30–17:30 America/Los_Angeles)" in f.message


def test_meeting_in_customer_zone_is_judged_in_owner_zone(world: ContextBundle) -> None:
    # 09:00 in New York is 06:00 in Los Angeles.
    from zoneinfo import ZoneInfo
    f = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 9, 0, tzinfo=ZoneInfo("America/New_York")))])
    assert f and "06:00–07:00 PST" in f[0].message


def test_day_proposal_during_vacation(world: ContextBundle) -> None:
    c = commitment("meeting", "Could we meet on Tuesday, December 22?",
                   when=day(datetime(2026, 12, 22, tzinfo=LA)))
    [f] = run_rule("meeting-conflict", world, [c])
    assert "away then: ‘Vacation (OOO)’ Mon 21 Dec 2026 – Sun 3 Jan 2027" in f.message


def test_alternatives_that_clash_for_one_reason_are_one_finding(world: ContextBundle) -> None:
    # "Dec 18, 21 or 22": the 21st and the 22nd fall in one vacation, one thing for the SE to fix.
    c = commitment("meeting", "Would Dec 18, 21 or 22 work?", when=day(datetime(2026, 12, 18, tzinfo=LA)),
                   alternatives=(day(datetime(2026, 12, 21, tzinfo=LA)), day(datetime(2026, 12, 22, tzinfo=LA))))
    [f] = run_rule("meeting-conflict", world, [c])
    assert f.message.startswith("Proposes Mon 21 Dec 2026 or Tue 22 Dec 2026 (“Would Dec 18, 21 or 22 work?”); ")
    assert "away then: ‘Vacation (OOO)’" in f.message and len(f.evidence["proposed"]) == 2


def test_day_proposal_on_a_normal_day_passes(world: ContextBundle) -> None:
    c = commitment("meeting", "Let's meet on Monday.", when=day(datetime(2026, 11, 30, tzinfo=LA)))
    assert run_rule("meeting-conflict", world, [c]) == []


def test_freebusy_period_blocks(world: ContextBundle) -> None:
    [f] = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 15, 11, 0, tzinfo=LA))])
    assert "unavailable (free/busy)" in f.message


def test_alternatives_are_checked_too(world: ContextBundle) -> None:
    first = span(datetime(2026, 12, 1, 11, 0, tzinfo=LA), datetime(2026, 12, 1, 11, 30, tzinfo=LA))
    second = span(datetime(2026, 12, 1, 15, 0, tzinfo=LA), datetime(2026, 12, 1, 15, 30, tzinfo=LA))
    c = commitment("meeting", "Tuesday at 11 or 3 works.", when=first, alternatives=(second,))
    [f] = run_rule("meeting-conflict", world, [c])
    assert "15:00–15:30" in f.message


def test_recurrence_override_moves_the_busy_time(world: ContextBundle) -> None:
    msg = message("anna.schmidt@globex.example")
    moved_to = meeting(datetime(2026, 12, 7, 14, 30, tzinfo=BERLIN), 30)
    [f] = run_rule("meeting-conflict", world, [moved_to], msg=msg)
    assert "Jonas Weber is busy then: ‘EMEA team sync (moved)’ 14:00–15:00" in f.message
    assert f.message.startswith("Proposes Mon 7 Dec 14:30–15:00 CET")
    original_slot = meeting(datetime(2026, 12, 7, 10, 0, tzinfo=BERLIN))
    assert run_rule("meeting-conflict", world, [original_slot], msg=msg) == []


def test_colleague_on_cc_is_checked(world: ContextBundle) -> None:
    msg = message(cc=("jonas.weber@brightline.example",))
    # 15:00 Berlin on Wed 2 Dec = 06:00 LA: outside Dana's hours, and Jonas has office hours.
    f = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 2, 15, 0, tzinfo=BERLIN))], msg=msg)
    people = {x.evidence["person"] for x in f}
    assert people == {"dana.lee@brightline.example", "jonas.weber@brightline.example"}


def test_non_meeting_commitments_are_ignored(world: ContextBundle) -> None:
    when = span(datetime(2026, 12, 1, 15, 0, tzinfo=LA), datetime(2026, 12, 1, 16, 0, tzinfo=LA))
    assert run_rule("meeting-conflict", world, [commitment("deadline", "Done by 3pm.", when=when)]) == []


def test_unreadable_calendar_raises_calendar_unavailable(tmp_path: Path) -> None:
    dana = Person("dana.lee@brightline.example", "Dana Lee", "America/Los_Angeles", calendars=("broken",))
    cals = Calendars({"broken": CachedCalendar(IcsPathFeed(tmp_path / "missing.ics"), LA)})
    rule = load_builtin_rules()["meeting-conflict"]
    c = meeting(datetime(2026, 12, 1, 15, 0, tzinfo=LA))
    msg = message("someone@hooli.example", cc=(dana.email,))
    ctx = RuleContext(message=msg, extraction=Extraction(commitments=(c,)), now=NOW, calendars=cals,
                      people={dana.email: dana}, params={})
    with pytest.raises(CalendarUnavailable, match=r"calendar unavailable: dana.lee@brightline.example \(.*missing.ics"):
        rule.check(ctx)


def test_a_meeting_at_a_clock_time_to_the_minute_lasts_half_an_hour(world: ContextBundle) -> None:
    # "at 14:15" is a minute long as a time expression; the meeting it proposes runs into Board prep at 14:30.
    [f] = run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 14, 15, tzinfo=LA), 1)])
    assert "14:15–14:45" in f.message and "Board prep" in f.message
    assert run_rule("meeting-conflict", world, [meeting(datetime(2026, 12, 1, 13, 45, tzinfo=LA), 1)]) == []


# --- overcommitted-week -----------------------------------------------------------------------

def test_overcommitted_week_counts_existing_meetings(world: ContextBundle) -> None:
    [f] = run_rule("overcommitted-week", world, [meeting(datetime(2026, 12, 10, 16, 0, tzinfo=LA), 30)])
    assert "Dana Lee already has 21 meetings in the week of Mon 7 Dec 2026 (limit 18)" in f.message


def test_ordinary_week_is_not_overcommitted(world: ContextBundle) -> None:
    assert run_rule("overcommitted-week", world, [meeting(datetime(2026, 12, 1, 11, 0, tzinfo=LA), 30)]) == []


def test_overcommitted_limit_is_a_param(world: ContextBundle) -> None:
    c = [meeting(datetime(2026, 12, 1, 11, 0, tzinfo=LA), 30)]
    assert run_rule("overcommitted-week", world, c, params={"max_meetings_per_week": 5})


# --- date-before-agreed -----------------------------------------------------------------------

def test_go_live_before_agreed_date(world: ContextBundle) -> None:
    text = "We'll have you live in production by February 15."
    c = commitment("deadline", text, when=span(NOW, datetime(2027, 2, 16, tzinfo=LA), "by February 15", "day"))
    [f] = run_rule("date-before-agreed", world, [c])
    assert "the deal's agreed go-live is not before Mon 1 Mar 2027" in f.message
    assert "by February 15" in f.message


def test_two_promises_of_one_clause_name_one_early_date_once(world: ContextBundle) -> None:
    text = "We'll have you live in production by February 15, and we'll send the runbook then."
    when = span(NOW, datetime(2027, 2, 16, tzinfo=LA), "by February 15", "day")
    both = [commitment("deadline", text, when=when), commitment("document", text, when=when, obj="runbook")]
    assert len(run_rule("date-before-agreed", world, both)) == 1


def test_a_date_in_figures_is_told_with_the_day_it_was_read_as(world: ContextBundle) -> None:
    # "2/15" or "15.2." can be read two ways: the reason says which day the gateway took.
    text = "We can go live on 2/15."
    c = commitment("date", text, when=day(datetime(2027, 2, 15, tzinfo=LA), "2/15"))
    [f] = run_rule("date-before-agreed", world, [c])
    assert "Promises go-live 2/15 (Mon 15 Feb 2027) (" in f.message


def test_a_time_wrapped_over_two_lines_is_told_on_one(world: ContextBundle) -> None:
    text = "We'll have you live in production by\n  February 15."
    c = commitment("deadline", text, when=span(NOW, datetime(2027, 2, 16, tzinfo=LA), "by\n  February 15", "day"))
    [f] = run_rule("date-before-agreed", world, [c])
    assert "Promises go-live by February 15 (" in f.message


@pytest.mark.parametrize(("said", "early"), [
    ("from January 4 to February 20", True),     # a range opening before the 11th starts the pilot early
    ("January 4 - February 20", True),
    ("from January 11 to February 20", False),
    ("until February 20", False),                # runs till then: says nothing of its start
])
def test_a_range_is_judged_by_its_start_against_a_not_before_date(world: ContextBundle, said: str,
                                                                  early: bool) -> None:
    text = f"Your pilot will run {said}."
    start = datetime(2027, 1, 11 if "11" in said else 4, tzinfo=BERLIN) if not said.startswith("until") else NOW
    c = commitment("date", text, when=span(start, datetime(2027, 2, 21, tzinfo=BERLIN), said, "day"))
    found = run_rule("date-before-agreed", world, [c], msg=message("anna.schmidt@globex.example", text))
    assert [f.evidence["agreed"] for f in found] == (["pilot start"] if early else [])


def test_go_live_after_agreed_date_passes(world: ContextBundle) -> None:
    text = "Go-live on March 15 is realistic."
    c = commitment("date", text, when=day(datetime(2027, 3, 15, tzinfo=LA), "on March 15"))
    assert run_rule("date-before-agreed", world, [c]) == []


@pytest.mark.parametrize(("text", "named", "fires"), [
    # The go-live's own date is judged, not the kickoff's the sentence names first.
    ("Kickoff can happen the week of Jan 4, with go-live targeted for mid-February.", "mid-February", True),
    ("Kickoff can happen the week of Jan 4, with go-live targeted for mid-March.", "", False),
    # A date written right before the keyword is the go-live's, not the kickoff's after it.
    ("A February 15 go-live is realistic if we kick off by mid-January.", "February 15", True),
    ("A March 8 go-live is realistic if we kick off by mid-January.", "", False),
])
def test_the_date_given_to_the_agreed_event_is_judged(world: ContextBundle, text: str, named: str,
                                                      fires: bool) -> None:
    from promisegate.extract import extract

    found = extract(text, NOW, "America/Los_Angeles")
    findings = run_rule("date-before-agreed", world, found.commitments, msg=message(text=text), times=found.times)
    assert bool(findings) is fires
    if fires:
        assert f"Promises go-live {named}" in findings[0].message


def test_unrelated_date_is_not_checked(world: ContextBundle) -> None:
    c = commitment("deadline", "I'll send the notes by February 1.", when=day(datetime(2027, 2, 1, tzinfo=LA)))
    assert run_rule("date-before-agreed", world, [c]) == []


def test_a_time_after_after_is_the_earliest_day_promised(world: ContextBundle) -> None:
    # "right after the holidays" gives the promise no `when`, but the holidays end before the agreed SSO date.
    text = "We'll flip SSO on right after the holidays."
    holidays = TimeSpan("the holidays", text.index("the holidays"), len(text) - 1,
                        datetime(2026, 12, 24, tzinfo=LA), datetime(2027, 1, 2, tzinfo=LA), "day")
    msg = message("bill.lumbergh@initech.example", text=text)
    [f] = run_rule("date-before-agreed", world, [commitment("other", text)], msg=msg, times=(holidays,))
    assert "Promises SSO rollout after the holidays" in f.message
    # Told with a date it is read with that date, not with the time it comes after.
    text = "We'll have SSO live after the holidays, by mid-February at the latest."
    by = span(NOW, datetime(2027, 2, 21, tzinfo=LA), "by mid-February", "month")
    holidays = replace(holidays, start=text.index("the holidays"), end=text.index("the holidays") + 12)
    c = commitment("date", text, when=by)
    assert run_rule("date-before-agreed", world, [c], msg=message("bill.lumbergh@initech.example", text=text),
                    times=(holidays, replace(by, start=text.index("by mid"), end=text.index(" at the")))) == []


def test_an_inline_answer_is_checked_with_the_question_it_answers(world: ContextBundle) -> None:
    # The go-live is named only in the customer's quoted question; the answer gives its date.
    said = "Mid-February is realistic if we kick off in early January."
    reading = f"Answers below:\n\n> 2. When can we go live?\n{said}\n\nBest,"
    msg = replace(message(text=f"Answers below:\n\n{said}"), reading=reading)
    c = commitment("date", said, when=span(datetime(2027, 2, 10, tzinfo=LA), datetime(2027, 2, 19, tzinfo=LA),
                                          "Mid-February", "month"))
    [f] = run_rule("date-before-agreed", world, [c], msg=msg)
    assert "Promises go-live Mid-February (“Mid-February is realistic" in f.message
    assert "answering “2. When can we go live?”" in f.message
    # A question that names no agreed date gives the answer none.
    other = replace(msg, reading=reading.replace("When can we go live?", "When can we meet?"))
    assert run_rule("date-before-agreed", world, [c], msg=other) == []


def test_promise_past_not_after_date(world: ContextBundle) -> None:
    msg = message("bill.lumbergh@initech.example")
    c = commitment("date", "We can keep your current contract pricing until March 31.",
                   when=day(datetime(2027, 3, 31, tzinfo=LA), "until March 31"))
    [f] = run_rule("date-before-agreed", world, [c], msg=msg)
    assert "current contract end is Sun 31 Jan 2027" in f.message


# --- document-restricted / document-unknown ---------------------------------------------------

def test_nda_document_without_nda(world: ContextBundle) -> None:
    c = commitment("document", "I'll send the SOC 2 report over tomorrow.", obj="SOC 2 report")
    [f] = run_rule("document-restricted", world, [c])
    assert f.escalate
    assert "Promises the SOC 2 Type II report" in f.message
    assert "NDA-only and no NDA is on file" in f.message


def test_nda_document_with_nda_on_file_passes(world: ContextBundle) -> None:
    c = commitment("document", "I'll send the SOC 2 report over tomorrow.", obj="SOC 2 report")
    assert run_rule("document-restricted", world, [c], msg=message("anna.schmidt@globex.example")) == []


def test_restricted_document(world: ContextBundle) -> None:
    c = commitment("document", "Happy to share our latest pen test results.", obj="pen test results")
    [f] = run_rule("document-restricted", world, [c])
    assert "the deal marks it restricted (Only shared by the CISO's office" in f.message


def test_not_yet_available_document(world: ContextBundle) -> None:
    msg = message("anna.schmidt@globex.example")
    c = commitment("document", "I'll send you the migration guide this week.", obj="migration guide",
                   when=span(NOW, datetime(2026, 11, 28, tzinfo=BERLIN), "this week", "week"))
    [f] = run_rule("document-restricted", world, [c], msg=msg)
    assert "not yet available (expected Mon 1 Feb 2027)" in f.message
    later = commitment("document", "I'll send you the migration guide when it's out in February.",
                       obj="migration guide",
                       when=span(datetime(2027, 2, 1, tzinfo=BERLIN), datetime(2027, 3, 1, tzinfo=BERLIN)))
    assert run_rule("document-restricted", world, [later], msg=msg) == []


@pytest.mark.parametrize("text", ["We'll have the migration guide v3 ready for you by mid-January.",
                                  "The migration guide will be available on January 15."])
def test_a_dated_promise_that_makes_a_document_ready_hands_it_over(world: ContextBundle, text: str) -> None:
    msg = message("anna.schmidt@globex.example", text)
    mid_january = span(datetime(2027, 1, 10, tzinfo=BERLIN), datetime(2027, 1, 16, tzinfo=BERLIN))
    c = commitment("deadline", text, when=mid_january)
    [f] = run_rule("document-restricted", world, [c], msg=msg)
    assert "Migration guide v3" in f.message and "not yet available" in f.message


@pytest.mark.parametrize(("filename", "title"), [
    ("Brightline_Pentest_Report_2026.pdf", "Brightline Pentest Report 2026"),
    ("ProductRoadmap-v2.pptx", "Product Roadmap v2"),
    ("SOC 2 Type II (2026).pdf", "SOC 2 Type II 2026"),
])
def test_an_attachments_file_name_is_read_as_words(filename: str, title: str) -> None:
    assert file_title(filename) == title


def attaching(text: str, *files: str) -> ParsedMessage:
    return replace(message(text=text), attachments=files)


def test_a_restricted_document_attached_is_shared_whatever_the_text_says(world: ContextBundle) -> None:
    msg = attaching("Following up on yesterday's call.", "Brightline_Pentest_Report_2026.pdf", "logo.png")
    [f] = run_rule("document-restricted", world, [], msg=msg)
    assert f.message == ("Attaches “Brightline_Pentest_Report_2026.pdf” (the Penetration test report 2026); the "
                         "deal marks it restricted (Only shared by the CISO's office, under NDA, on a call).")
    assert f.evidence["attachment"] == "Brightline_Pentest_Report_2026.pdf"
    # Told once when the text names it too.
    c = commitment("document", "Attached is our pen test report.", obj="pen test report")
    assert len(run_rule("document-restricted", world, [c], msg=replace(msg, text=c.text))) == 1


def test_an_unlisted_document_attached_is_unknown_and_the_text_pointing_at_it_is_not(world: ContextBundle) -> None:
    see = commitment("document", "Please see attached.")
    msg = attaching(see.text, "Acme_ROI_model.xlsx", "logo.png", "invite.ics", "image/png")
    [f] = run_rule("document-unknown", world, [see], msg=msg)
    assert f.message.startswith("Attaches a document the deal does not list: “Acme_ROI_model.xlsx”")
    # Everyday follow-ups attached need no clearance (the policy's ignore list), nor do shareable documents.
    msg = attaching(see.text, "Slides.pdf", "Security Whitepaper.pdf")
    assert run_rule("document-unknown", world, [see], msg=msg) == []
    assert run_rule("document-restricted", world, [see], msg=msg) == []


def test_shareable_document_passes_both_rules(world: ContextBundle) -> None:
    c = commitment("document", "Attached is our security overview.", obj="security overview")
    assert run_rule("document-restricted", world, [c]) == []
    assert run_rule("document-unknown", world, [c]) == []


def test_unknown_document(world: ContextBundle) -> None:
    c = commitment("document", "I'll send our HIPAA attestation letter.", obj="HIPAA attestation letter")
    [f] = run_rule("document-unknown", world, [c])
    assert "does not list: “HIPAA attestation letter”" in f.message


def test_everyday_followups_are_not_unknown_documents(world: ContextBundle) -> None:
    c = commitment("document", "I'll send the slides and the recording after the call.", obj="slides")
    assert run_rule("document-unknown", world, [c]) == []


def test_document_rules_need_a_deal(world: ContextBundle) -> None:
    c = commitment("document", "I'll send the SOC 2 report.", obj="SOC 2 report")
    msg = message("someone@hooli.example")
    assert run_rule("document-restricted", world, [c], msg=msg) == []
    assert run_rule("document-unknown", world, [c], msg=msg) == []


# --- price-beyond-limit -----------------------------------------------------------------------

def test_discount_above_deal_maximum(world: ContextBundle) -> None:
    c = commitment("price", "We can do 20% off the Enterprise plan.", amount=20, unit="%")
    [f] = run_rule("price-beyond-limit", world, [c])
    assert f.escalate and "Offers 20% off" in f.message and "maximum discount is 15%" in f.message


def test_discount_within_limit_passes(world: ContextBundle) -> None:
    c = commitment("price", "We can do 15% off the Enterprise plan.", amount=15, unit="%")
    assert run_rule("price-beyond-limit", world, [c]) == []


def test_another_discount_stacks_on_the_one_already_offered(world: ContextBundle) -> None:
    # Acme's deal file holds 10% off; "an extra 7%" makes 17%, over its 15% maximum; "an extra 3%" makes 13%.
    c = commitment("price", "We can take an extra 7% off if you sign this month.", amount=7, unit="%")
    [f] = run_rule("price-beyond-limit", world, [c])
    assert f.message.startswith("Offers another 7% off, 17% with the 10% already offered")
    assert f.evidence["discount"] == 17
    ok = commitment("price", "We can take an extra 3% off if you sign this month.", amount=3, unit="%")
    assert run_rule("price-beyond-limit", world, [ok]) == []


def test_price_below_floor(world: ContextBundle) -> None:
    c = commitment("price", "The Enterprise plan would be $75,000 per year.", obj="Enterprise plan",
                   amount=75000, unit="USD")
    [f] = run_rule("price-beyond-limit", world, [c])
    assert "list price is $96,000/year and the lowest allowed is $81,600" in f.message
    ok = commitment("price", "The Enterprise plan would be $90,000 per year.", amount=90000, unit="USD")
    assert run_rule("price-beyond-limit", world, [ok]) == []


def test_a_price_is_compared_in_the_list_prices_period(world: ContextBundle) -> None:
    # "$7,000 a month" is $84,000 a year, above the $81,600 floor of a plan listed per year; "$6,000 a month" is not.
    ok = commitment("price", "Enterprise drops to $7,000 a month.", amount=7000, unit="USD")
    assert run_rule("price-beyond-limit", world, [ok]) == []
    low = commitment("price", "Enterprise drops to $6,000 a month.", amount=6000, unit="USD")
    [f] = run_rule("price-beyond-limit", world, [low])
    assert "at $6,000 a month ($72,000/year)" in f.message


def test_a_price_per_seat_is_not_compared_with_a_plan_listed_whole(world: ContextBundle) -> None:
    c = commitment("price", "The Enterprise plan comes to $45 per seat per month.", amount=45, unit="USD")
    assert run_rule("price-beyond-limit", world, [c]) == []


def test_wrong_currency_is_flagged(world: ContextBundle) -> None:
    c = commitment("price", "The Enterprise plan would be €90,000.", amount=90000, unit="EUR")
    [f] = run_rule("price-beyond-limit", world, [c])
    assert "priced in USD" in f.message


def test_a_service_level_is_no_discount(world: ContextBundle) -> None:
    # "99.9% uptime" is a service level; read as a discount it was "Offers 99.9% off".
    from dataclasses import replace

    sla = replace(commitment("price", "We offer a 99.9% uptime SLA.", amount=99.9, unit="%"), rule="price-sla")
    assert run_rule("price-beyond-limit", world, [sla], msg=message("someone@hooli.example")) == []


def test_a_quoted_sentence_keeps_its_decimals(world: ContextBundle) -> None:
    text = "Thanks for the call. We offer a 99.9% uptime SLA on the enterprise tier. Talk soon."
    [f] = run_rule("restricted-topic", world, msg=message(text=text))
    assert "“We offer a 99.9% uptime SLA on the enterprise tier.”" in f.message


def test_discount_without_deal_uses_default_limit(world: ContextBundle) -> None:
    c = commitment("price", "I can offer 25% off.", amount=25, unit="%")
    assert run_rule("price-beyond-limit", world, [c], msg=message("someone@hooli.example"))
    small = commitment("price", "I can offer 5% off.", amount=5, unit="%")
    assert run_rule("price-beyond-limit", world, [small], msg=message("someone@hooli.example")) == []


# --- restricted-topic -------------------------------------------------------------------------

def test_security_claim_escalates(world: ContextBundle) -> None:
    text = "Thanks for the call. We are fully SOC 2 compliant and have never been breached."
    [f] = run_rule("restricted-topic", world, msg=message(text=text))
    assert f.escalate and f.evidence["topic"] == "security claims"
    assert "“We are fully SOC 2 compliant and have never been breached.”" in f.message


@pytest.mark.parametrize("claim", ["We've never had a data breach.", "We have never had a security breach."])
def test_breach_claims_with_a_noun_escalate(world: ContextBundle, claim: str) -> None:
    [f] = run_rule("restricted-topic", world, msg=message(text=f"Thanks for the call. {claim}"))
    assert f.escalate and f.evidence["topic"] == "security claims"


def test_deal_specific_topic(world: ContextBundle) -> None:
    text = "Good news: we can keep all of your data in our Frankfurt region."
    [f] = run_rule("restricted-topic", world, msg=message(text=text))
    assert f.evidence["topic"] == "EU data residency" and "EU region ships" in f.message
    assert f.message.endswith("any statement.")  # the deal's note ends with a full stop: not two


def test_an_out_clause_is_a_legal_term(world: ContextBundle) -> None:
    [f] = run_rule("restricted-topic", world, msg=message(text="I can also offer a 60-day out clause."))
    assert f.escalate and f.evidence["topic"] == "legal terms"


def test_legal_keyword_prefix(world: ContextBundle) -> None:
    [f] = run_rule("restricted-topic", world, msg=message(text="We will fully indemnify Acme for that."))
    assert f.evidence["matched"] == "indemnify"


@pytest.mark.parametrize(("text", "topic", "matched"), [
    # contract terms given away
    ("We can agree to New York law.", "legal terms", "agree to New York law"),  # a `*` alone: one to three words
    ("We'll cap our liability at 3x annual fees.", "legal terms", "liability"),
    ("We're fine using your paper for the contract.", "legal terms", "your paper"),
    ("We'll give you a most-favored-customer clause.", "legal terms", "most-favored"),
    ("You can cancel anytime with 30 days notice.", "legal terms", "cancel anytime"),
    # features not yet released
    ("The Salesforce connector ships in Q2.", "roadmap", "ships in Q2"),
    ("Offline mode is coming in the spring release.", "roadmap", "spring release"),
    ("SAP integration will be generally available in March.", "roadmap", "generally available in"),
    ("We're building a native Workday integration, expected early next year.", "roadmap", "We're building"),
    ("Multi-region failover is in beta now and will be ready for you by February.", "roadmap", "in beta"),
])
def test_default_topics_find_what_agents_write(world: ContextBundle, text: str, topic: str, matched: str) -> None:
    [f] = run_rule("restricted-topic", world, msg=message(text=text))
    assert f.evidence["topic"] == topic and f.evidence["matched"] == matched


def test_hardware_that_ships_in_days_is_no_roadmap(world: ContextBundle) -> None:
    assert run_rule("restricted-topic", world, msg=message(text="Your hardware ships in 5 business days.")) == []


def test_a_topic_in_the_messages_own_subject_is_found(world: ContextBundle) -> None:
    msg = replace(message(text="Details below."), subject="Happy to agree to Delaware law")
    [f] = run_rule("restricted-topic", world, msg=msg)
    assert f.evidence["matched"] == "agree to Delaware law"
    assert run_rule("restricted-topic", world, msg=replace(msg, subject="Re: Happy to agree to Delaware law?")) == []


def test_plain_text_has_no_restricted_topic(world: ContextBundle) -> None:
    text = "Thanks for your time today, Maria. Looking forward to our next conversation."
    assert run_rule("restricted-topic", world, msg=message(text=text)) == []


# --- weekday-mismatch -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "said"), [
    ("Tuesday, December 23 at 10am PT", "23 December 2026 is a Wednesday, not a Tuesday"),
    ("Mon 1/12", "12 January 2027 is a Tuesday, not a Monday"),  # the nearest 12 January
    ("Thu 24th of December", "24 December 2026 is a Thursday"),
])
def test_a_weekday_and_a_date_that_disagree(world: ContextBundle, text: str, said: str) -> None:
    t = span(NOW, NOW, text)
    found = run_rule("weekday-mismatch", world, times=(t,))
    if "not a" in said:
        [f] = found
        assert said in f.message and "the reader may come on either day" in f.message
    else:
        assert found == []


@pytest.mark.parametrize("text", ["Wednesday, December 23", "Tuesday, March 3, 2015", "Tue 1/12/2027", "Friday"])
def test_a_weekday_that_fits_its_date_or_stands_alone_is_fine(world: ContextBundle, text: str) -> None:
    assert run_rule("weekday-mismatch", world, times=(span(NOW, NOW, text),)) == []


# --- contradicts-ledger -----------------------------------------------------------------------

def test_other_date_for_same_deliverable(world: ContextBundle) -> None:
    text = "Your pilot environment will be ready by December 18."
    c = commitment("deadline", text, when=span(NOW, datetime(2026, 12, 19, tzinfo=LA), "by December 18", "day"))
    [f] = run_rule("contradicts-ledger", world, [c])
    assert "we promised Fri 11 Dec 2026 for the same thing" in f.message
    same = commitment("deadline", "Your pilot environment will be ready by December 11.",
                      when=span(NOW, datetime(2026, 12, 12, tzinfo=LA), "by December 11", "day"))
    assert run_rule("contradicts-ledger", world, [same]) == []


@pytest.mark.parametrize("text", [
    "Heads up that the pilot environment is slipping a week.",
    "Unfortunately the pilot environment won't be ready by Friday the 11th.",
    "The pilot environment is delayed.",
])
def test_a_dated_promise_taken_back_without_a_new_date(world: ContextBundle, text: str) -> None:
    # No new date to compare, but the reader learns that a promise on the ledger will not hold.
    [f] = run_rule("contradicts-ledger", world, msg=message(text=text))
    assert f.message.startswith("Takes back a promise") and "we promised Fri 11 Dec 2026" in f.message


@pytest.mark.parametrize("text", [
    "The pilot environment will be ready on the 11th as promised.",
    "We won't be ready to discuss pricing until January.",  # no deliverable of the ledger
    "The migration guide is delayed.",
])
def test_a_promise_kept_or_another_thing_delayed_takes_nothing_back(world: ContextBundle, text: str) -> None:
    assert run_rule("contradicts-ledger", world, msg=message(text=text)) == []


def test_a_thing_named_with_the_same_word_is_not_the_same_deliverable(world: ContextBundle) -> None:
    # The ledger promised the pilot environment; the pilot's kickoff is another thing.
    c = commitment("date", "We can kick off the pilot on January 7.", obj="pilot",
                   when=day(datetime(2027, 1, 7, tzinfo=LA), "on January 7"))
    assert run_rule("contradicts-ledger", world, [c]) == []


def test_a_new_date_is_read_with_the_sentence_that_names_its_deliverable(world: ContextBundle) -> None:
    # "we're now looking at the 16th" names nothing; its sentence names the pilot environment promised for the 11th.
    said = "we're now looking at the 16th."
    text = f"Heads up: the pilot environment won't be ready by the 11th after all -\n{said} Sorry for the slip."
    c = commitment("date", said, when=day(datetime(2026, 12, 16, tzinfo=LA), "the 16th"))
    [f] = run_rule("contradicts-ledger", world, [c], msg=message(text=text))
    assert "Promises the 16th" in f.message and "we promised Fri 11 Dec 2026 for the same thing" in f.message
    # In a sentence of its own it is no such promise: what is left is a promise taken back.
    alone = message(text=f"Heads up: the pilot environment won't be ready by the 11th.\n\n{said}")
    [f] = run_rule("contradicts-ledger", world, [c], msg=alone)
    assert f.message.startswith("Takes back a promise") and "the 16th" not in f.message


def test_bigger_discount_than_before(world: ContextBundle) -> None:
    c = commitment("price", "We can go to 12% off the Enterprise plan.", amount=12, unit="%")
    [f] = run_rule("contradicts-ledger", world, [c])
    assert "Offers 12% off" in f.message and "we offered 10%" in f.message
    assert run_rule("contradicts-ledger", world, [commitment("price", "8% off.", amount=8, unit="%")]) == []


def test_the_item_priced_is_read_in_the_part_of_the_clause_that_holds_the_figure(world: ContextBundle) -> None:
    # The discount is priced in the first part; premium support, named in the second, is another promise's item.
    text = "Dana can hold the 15% discount and add premium support for the first year at no charge."
    [f] = run_rule("contradicts-ledger", world, [commitment("price", text, obj="15% discount", amount=15, unit="%")])
    assert "Offers 15% off" in f.message and "we offered 10%" in f.message
    other = commitment("price", "We can take 20% off premium support.", obj="20% off", amount=20, unit="%")
    assert run_rule("contradicts-ledger", world, [other]) == []


def test_document_promised_twice(world: ContextBundle) -> None:
    c = commitment("document", "I'll send the security whitepaper.", obj="security whitepaper")
    [f] = run_rule("contradicts-ledger", world, [c])
    assert f.score == POLICY["contradicts-ledger"]["params"]["repeat_document_score"]
    assert "was it sent?" in f.message


def test_a_document_attached_now_keeps_the_earlier_promise(world: ContextBundle) -> None:
    # The whitepaper was promised before (the ledger fixture); attaching it now sends it: nothing to ask.
    attached = replace(commitment("document", "Our security whitepaper is attached.", obj="security whitepaper"),
                       rule="document-attached")
    assert run_rule("contradicts-ledger", world, [attached]) == []
    on_request = replace(commitment("document", "The security whitepaper is available on request.",
                                    obj="security whitepaper"), rule="document-attached")
    [f] = run_rule("contradicts-ledger", world, [on_request])
    assert "was it sent?" in f.message


def test_ledger_entries_from_released_mail_are_checked(world: ContextBundle) -> None:
    msg = message("bill.lumbergh@initech.example")
    sso = commitment("date", "SSO will be live for you on March 1.", obj="SSO",
                     when=day(datetime(2027, 3, 1, tzinfo=LA), "on March 1"))
    assert run_rule("contradicts-ledger", world, [sso], msg=msg) == []
    world.ledger.record("initech-renewal", "Q1", [sso], "SSO timeline", NOW)
    moved = commitment("date", "SSO will be live for you on March 22.", obj="SSO",
                       when=day(datetime(2027, 3, 22, tzinfo=LA), "on March 22"))
    [f] = run_rule("contradicts-ledger", world, [moved], msg=msg)
    assert "(SSO timeline)" in f.message


# --- unknown-deal -----------------------------------------------------------------------------

def test_unknown_deal(world: ContextBundle) -> None:
    [f] = run_rule("unknown-deal", world, msg=message("gavin@hooli.example"))
    assert "gavin@hooli.example" in f.message and f.score == POLICY["unknown-deal"]["score"]


def test_known_deal_and_internal_mail_are_not_unknown(world: ContextBundle) -> None:
    assert run_rule("unknown-deal", world, msg=message()) == []
    assert run_rule("unknown-deal", world, msg=message("priya.shah@brightline.example")) == []


def test_unknown_deal_header(world: ContextBundle) -> None:
    [f] = run_rule("unknown-deal", world, msg=message(deal_header="hooli-poc"))
    assert f.score == 5.0 and "hooli-poc" in f.message


def test_a_sentence_with_two_promises_names_its_restricted_document_once(tmp_path: Path) -> None:
    from promisegate.config import load_settings
    from promisegate.context.loader import load_context
    from promisegate.pipeline import Checker

    settings = load_settings(None, {"server.data_dir": str(tmp_path)})
    raw = (b"From: agent@brightline.example\r\nTo: maria.gomez@acmelogistics.example\r\nSubject: s\r\n\r\n"
           b"I'll send the SOC 2 report by Friday, and we can do the kickoff on Tuesday, December 1 at 3pm PT.\r\n")
    context = load_context(settings)
    try:
        verdict = Checker(settings, context).check(raw).verdict
    finally:
        context.close()
    assert [f.rule for f in verdict.findings].count("document-restricted") == 1
    assert verdict.findings[0].rule == "document-restricted"  # the decisive finding is listed first


# --- new-commitment ---------------------------------------------------------------------------

def test_new_commitment_names_what_a_pronoun_stands_for(world: ContextBundle) -> None:
    # "I can send it over": the sentence does not say what is sent, so the reason does.
    [f] = run_rule("new-commitment", world, [commitment("document", "I can send it over.", obj="SOC 2 report")])
    assert f.message.endswith("“I can send it over.” (the SOC 2 report)")
    [g] = run_rule("new-commitment", world, [commitment("document", "I'll send the SOC 2 report.", obj="SOC 2 report")])
    assert g.message.endswith("“I'll send the SOC 2 report.”")


def test_send_it_is_checked_as_the_document_it_stands_for(world: ContextBundle) -> None:
    # From the extractor: "it" is the SOC 2 report named before it, which is NDA-only.
    from promisegate.extract import extract

    found = extract("Our SOC 2 report is ready; I'll send it over tomorrow.", NOW, "America/Los_Angeles")
    [f] = run_rule("document-restricted", world, found.commitments)
    assert "Promises the SOC 2 Type II report" in f.message


def test_new_commitment_names_each_thing_one_sentence_promises(world: ContextBundle) -> None:
    text = "I'll send the SOW and the MSA."
    found = [commitment("document", text, obj="SOW"), commitment("document", text, obj="MSA")]
    messages = [f.message for f in run_rule("new-commitment", world, found)]
    assert [m.rsplit(" ", 1)[-1] for m in messages] == ["SOW)", "MSA)"]
