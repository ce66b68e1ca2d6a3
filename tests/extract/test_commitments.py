"""Commitment and request extraction: hand-written positive and negative cases, one row each."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from promisegate.extract import extract
from promisegate.extract.commit_units import clauses
from promisegate.extract.commitments import find_commitments
from promisegate.extract.nlp import get_nlp
from promisegate.model import Commitment
from promisegate.paths import bundled

NOW = datetime(2024, 3, 4, 9, 0, tzinfo=UTC)
C, R = "commitment", "request"

# (text, side, kind, rule, expected fields)
POSITIVE: list[tuple[str, str, str, str, dict[str, Any]]] = [
    # --- documents
    ("I'll send over the SOC 2 Type II report by Friday.", C, "document", "document-send",
     {"object": "SOC 2 Type II report"}),
    ("We will share the security questionnaire responses tomorrow.", C, "document", "document-send",
     {"object": "security questionnaire responses"}),
    ("We'll have a revised proposal in your inbox Monday AM.", C, "document", "document-send", {"object": "proposal"}),
    ("I can get you a copy of the MSA redlines this afternoon.", C, "document", "document-send",
     {"object": "MSA redlines"}),
    ("Attached is our pricing sheet.", C, "document", "document-attached", {"object": "pricing sheet"}),
    ("Please find attached the updated order form.", C, "document", "document-attached", {"object": "order form"}),
    ("I've attached the implementation plan for your review.", C, "document", "document-attached",
     {"object": "implementation plan"}),
    ("The signed NDA is attached.", C, "document", "document-attached", {"object": "NDA"}),
    ("Please find the security questionnaire attached.", C, "document", "document-attached",
     {"object": "security questionnaire"}),
    ("Glad to share the deck with your team.", C, "document", "document-send", {"object": "deck"}),
    ("I'm sending the invoice now.", C, "document", "document-send", {"object": "invoice"}),
    ("Expect the proposal in your inbox tomorrow morning.", C, "document", "document-expect", {"object": "proposal"}),
    ("Expect to hear from us soon.", C, "other", "commit-expect", {}),
    ("Expect a follow-up from our security team this afternoon.", C, "other", "commit-expect", {}),
    # "and can" continues a clause whose subject is ours; the document is the first one the verb takes.
    ("We're SOC 2 Type II certified and can share the report under NDA.", C, "document", "document-send",
     {"object": "report"}),
    ("We're SOC 2 Type II certified and can share the report under NDA.", C, "capability", "capability-certified",
     {"object": "SOC 2 Type II"}),
    ("Our platform is HIPAA compliant and will integrate with Epic by March.", C, "capability",
     "capability-certified", {}),
    ("I read your note and will make sure the team follows up.", C, "other", "commit-and-will", {}),
    ("We're also happy to share the security overview.", C, "document", "document-send", {}),
    # What the writer was asked to do is the writer's to do.
    ("Dana asked me to send you the SOC 2 report.", C, "document", "document-send", {"object": "SOC 2 report"}),
    # "so" going on from a clause of ours: the figure is offered to this reader.
    ("The 5% we agreed plus an extra 3%, so 8% off the Team plan.", C, "price", "price-discount", {"amount": 8.0}),
    # A document named, then promised in a relative clause.
    ("We have a postmortem for the October incident, which I'll share once legal signs off.", C, "document",
     "document-send-it", {"object": "postmortem", "conditional": True}),
    ("Happy to present to your board on the 29th.", C, "meeting", "meeting-verb", {}),
    ("Our best offer is $20,000 flat.", C, "price", "price-stated", {"amount": 20000.0}),
    # A credit or refund promised is a concession, as a waived fee is.
    ("We will credit you for the October outage.", C, "price", "price-free", {"object": "October outage"}),
    ("To make up for it, we'll give your team two extra weeks on the pilot.", C, "price", "price-free",
     {"object": "two extra weeks on the pilot"}),
    # What is free comes before the time it is free for: "premium support", not "the first year".
    ("We can add premium support for the first year at no charge.", C, "price", "price-free",
     {"object": "premium support"}),
    ("We'll refund you the setup fee.", C, "price", "price-free", {"object": "setup fee"}),
    ("We'll refund the difference.", C, "price", "price-free", {"object": "difference"}),
    ("We'll refund you in full.", C, "price", "price-free", {"object": "refund you in full"}),
    ("You'll get a full refund if it doesn't work out.", C, "price", "price-free",
     {"object": "full refund", "conditional": True}),
    # What is "on us" opens the hit; "on the house" gives it away without a "we" or "you".
    ("The first three months are on us.", C, "price", "price-free", {"object": "first three months"}),
    ("Onboarding is on the house.", C, "price", "price-free", {"object": "Onboarding"}),
    ("Your price won't be raised at renewal.", C, "price", "price-frozen", {}),
    ("Pricing stays flat at renewal.", C, "price", "price-held", {}),
    ("Your renewal price stays the same as this year.", C, "price", "price-held", {}),
    # A document in a named reader's inbox by a day is ours to send.
    ("Tom should have the pen test results in his inbox by Monday.", C, "document", "document-send",
     {"object": "pen test results"}),
    ("As a goodwill gesture we'll credit two months of service for the outage.", C, "price", "price-free",
     {"object": "two months"}),
    ("We'll match whatever Contoso quoted you.", C, "price", "price-held", {"object": "whatever Contoso quoted"}),
    ("We offer a price match guarantee.", C, "price", "price-held", {"object": "price match"}),
    ("We'll roll your current pricing into the renewal.", C, "price", "price-held", {}),
    ("Allow me to share our pen test results.", C, "document", "document-send", {"object": "pen test results"}),
    ("You'll keep today's rates for another year.", C, "price", "price-held", {}),
    ("I can share the draft chapters with you next week.", C, "document", "document-send",
     {"object": "draft chapters"}),
    # A terse item of a recap ("Next steps:"): a document, to whom, by when.
    ("Security review: SOC 2 report to Tom by Wednesday.", C, "document", "document-send",
     {"object": "SOC 2 report"}),
    ("Revised SOW to you by Friday.", C, "document", "document-send", {"object": "SOW"}),
    ("Proposal to you by Monday.", C, "document", "document-send", {"object": "Proposal"}),
    ("Happy to leave the roadmap deck with you afterwards.", C, "document", "document-send",
     {"object": "roadmap deck"}),
    ("The pen test executive summary is yours for the asking.", C, "document", "document-attached",
     {"object": "pen test executive summary", "conditional": True}),
    # "can / could be ready by": a date for our deliverable, hedged or not ("switched on", "rolled out" complete it).
    ("Engineering thinks SAML could be switched on for you by mid-January.", C, "deadline", "deadline-by", {}),
    ("The connector can be rolled out by Friday.", C, "deadline", "deadline-by", {}),
    ("The migration handbook will be in your hands before kickoff.", C, "document", "document-on-its-way",
     {"object": "migration handbook"}),
    ("Our CISO's office will walk you through the pen test findings on a call.", C, "meeting", "meeting-verb", {}),
    # What an approval was got for is granted now, in force.
    ("I got sign-off for 12% off the Enterprise plan on a three-year term.", C, "price", "price-discount",
     {"amount": 12.0}),
    ("I'll be in Boston on the 22nd and could swing by your office.", C, "meeting", "meeting-verb", {}),
    ("We reviewed the deck that you sent and can share comments by Friday.", C, "deadline", "deadline-by", {}),
    ("I'll be in Chicago next week and would love to stop by.", C, "meeting", "meeting-verb", {}),
    ("I'm here today (wasn't yesterday) and will be happy to discuss it with you.", C, "meeting", "meeting-verb", {}),
    ("We would very much like to speak to you about your new role.", C, "meeting", "meeting-verb", {}),
    # spaCy keeps "I'll" whole after an infix dash ("extension--I'll").
    ("I need an extension--I'll give you any comments I have tomorrow by email.", C, "other", "commit-will", {}),
    # After a clause break the subject is the one before "but", and it must be ours.
    ("I'm traveling Dec 14-18 but can take a call the morning of the 15th.", C, "meeting", "meeting-set-up", {}),
    ("I'm out next week, but will probably send the notes.", C, "document", "document-send", {}),
    ("We reviewed the redlines and would be happy to send a revised draft tomorrow.", C, "document", "document-send",
     {}),
    # "we would" + a verb of offering is an offer ("we'd go down to $36"), conditional under an "if".
    ("If you can commit to 1,000 seats we'd go down to $36.", C, "price", "price-amount", {"conditional": True}),
    ("We would cover the travel costs.", C, "other", "commit-would-offer", {}),
    ("We guarantee a response within 15 minutes for Sev 1 tickets.", C, "price", "price-sla", {}),
    ("Should you have any questions, feel free to contact me at (713) 853-5707.", R, "other", "request-reminder", {}),
    ("Hey call me when you're on the net.", R, "other", "request-imperative", {}),
    ("Given that Sue is back on Tuesday, you may want to coordinate drafting duties with her.", R, "other",
     "request-you-need", {}),
    ("Just a reminder to send me a currency report.", R, "document", "document-send", {}),
    ("I'm having lunch with Dan today - want to join us?", R, "other", "request-question-you", {}),
    ("Possible to meet this weekend to discuss the project?", C, "meeting", "meeting-verb", {}),
    # Contract style: the figure in brackets is the number of days.
    ("Payment is due within thirty (30) days of the invoice date.", C, "price", "price-payment-terms",
     {"amount": 30.0, "unit": "days"}),
    ("Payment terms are net thirty (30) days.", C, "price", "price-payment-terms", {"amount": 30.0}),
    ("We'll need to update the numbers by Friday.", C, "deadline", "deadline-by", {}),
    # "Send it": the document named just before.
    ("Our SOC 2 Type II report is available under NDA; I can send it over as soon as your team signs the NDA.", C,
     "document", "document-send-it", {"object": "SOC 2 Type II report", "conditional": True}),
    ("The MSA is ready and I'll send it over today.", C, "document", "document-send-it", {"object": "MSA"}),
    # A fee said to be waived is given away, to whomever the mail names; "consider it done" promises.
    ("The setup fee is waived.", C, "price", "price-free", {"object": "setup fee"}),
    # A thing included at no charge is a term of this deal, though the clause names neither "we" nor "you".
    ("Premium support is included at no additional cost.", C, "price", "price-free", {}),
    ("Onboarding and training are included at no extra charge.", C, "price", "price-free", {}),
    # Removing a fee waives it; an adverb after the fee is no part of it, nor another noun it names.
    ("We can remove the setup fee completely.", C, "price", "price-free", {"object": "setup fee"}),
    ("I'll strike the implementation fee from the order form.", C, "price", "price-free",
     {"object": "implementation fee"}),
    ("We'll waive the implementation fee entirely.", C, "price", "price-free", {"object": "implementation fee"}),
    ("No problem at all — consider the onboarding fee waived.", C, "price", "price-free",
     {"object": "onboarding fee"}),
    ("Consider it done.", C, "other", "commit-promise", {}),
    ("Your dedicated CSM will reach out within 24 hours of signing.", C, "deadline", "deadline-by", {}),
    # Meeting the reader's compliance requirements claims what the standards named are.
    ("I'm confident that our platform will meet all of your compliance requirements, including HIPAA and SOC 2.", C,
     "capability", "capability-compliance", {"object": "HIPAA and SOC 2"}),
    ("We'll be able to meet your security requirements.", C, "capability", "capability-compliance",
     {"object": "security requirements"}),
    ("We'd love to meet your security team next week.", C, "meeting", "meeting-verb", {}),
    # What an integration connects to is not the time after it.
    ("Our roadmap includes a native Snowflake connector for later this year.", C, "capability",
     "capability-integration", {"object": "Snowflake connector"}),
    # Granted now ("I've ..."): in force, no past event; a longer trial is free time given.
    ("Per your request, I've extended your trial by another two weeks.", C, "price", "price-free",
     {"object": "trial"}),
    ("I've approved an extra 5% off.", C, "price", "price-discount", {"amount": 5.0}),
    # A cap on increases holds the price (not a cap on SLA credits, below).
    ("Renewal pricing will be capped at a 3% annual increase.", C, "price", "price-held", {"amount": 3.0}),
    # Being live at a time is a date claim, as launching is.
    ("Our EU data center goes live in March.", C, "date", "date-expected", {}),
    ("We'll cover the first three months of the subscription if the rollout slips past February.", C, "price",
     "price-free", {"object": "subscription", "conditional": True}),
    # Seats held "at the current price" hold the price; an add-on keeps its hyphenated "on"; who a free item is for
    # is not the item; a length "of" something is an amount, no `when`.
    ("I've reserved 200 seats at the current price until the end of Q1.", C, "price", "price-held",
     {"object": "at the current price"}),
    ("We can throw in the analytics add-on for the first year.", C, "price", "price-free",
     {"object": "analytics add-on"}),
    ("I'll set aside 10 hours of professional services for your team at no charge.", C, "price", "price-free",
     {"object": "professional services"}),
    ("We'll send the sign-off form.", C, "document", "document-send", {"object": "sign-off form"}),
    # Approval for an additional share is a discount granted, on the deal's condition.
    ("I've gotten approval for an additional 5% if we can close before the 15th.", C, "price", "price-discount",
     {"amount": 5.0, "object": "additional 5%", "conditional": True}),
    ("We've agreed to net 45 for your account.", C, "price", "price-payment-terms", {"amount": 45.0}),
    ("I've confirmed the 18% multi-year discount with finance.", C, "price", "price-discount", {"amount": 18.0}),
    ("I've added two extra seats at no charge.", C, "price", "price-free", {"object": "two extra seats"}),
    # Access offered to a document is sharing it; a document landing in the reader's inbox is on its way.
    ("You can download our SOC 2 report from the trust center once you've signed the NDA.", C, "document",
     "document-expect", {"object": "SOC 2 report", "conditional": True}),
    ("The updated security questionnaire should land in your inbox by tomorrow.", C, "document",
     "document-on-its-way", {"object": "security questionnaire"}),
    ("Let me dig up the benchmark results from last quarter and send them your way.", C, "document",
     "document-send-it", {"object": "benchmark results"}),
    # Covering a cost is giving that thing away.
    ("We'll pick up the cost of travel for your team.", C, "price", "price-free", {"object": "travel"}),
    ("Happy to cover the costs of the onsite workshop.", C, "price", "price-free", {"object": "onsite workshop"}),
    # "There's no cost for ...": an offer to this reader, though it names neither "we" nor "you".
    ("There's no cost for the pilot.", C, "price", "price-free", {"object": "pilot"}),
    ("There is no charge for onboarding.", C, "price", "price-free", {"object": "onboarding"}),
    ("We'll include premium support at no extra cost.", C, "price", "price-free", {"object": "premium support"}),
    # A response time promised by the team is an SLA, in words as in digits.
    ("Rest assured, our support team is available 24/7 and responds within an hour.", C, "price", "price-sla",
     {"object": "responds within an hour"}),
    ("Our team responds in two hours.", C, "price", "price-sla", {"object": "responds in two hours"}),
    # "Throw in" gives something away: a price, whose object is what is given.
    ("Happy to throw in premium support for the first year if you sign by Friday.", C, "price", "price-free",
     {"object": "premium support", "conditional": True}),
    ("We'll throw in the onboarding package.", C, "price", "price-free", {"object": "onboarding package"}),
    # Meeting the reader's people, and holding slots for the reader, are meetings to check.
    ("Our team can be onsite in Chicago the week of the 11th.", C, "meeting", "meeting-verb", {}),
    ("We're able to support up to 5,000 concurrent users on the Enterprise tier.", C, "capability",
     "capability-supports", {"object": "5,000 concurrent users"}),
    ("We'll schedule a technical deep dive with your IT lead for the week of December 14.", C, "meeting",
     "meeting-set-up", {}),
    ("Our CEO would love to meet your CEO when she's in New York on the 14th.", C, "meeting", "meeting-verb", {}),
    ("I'll hold two slots for you: Wednesday at 10am or Thursday at 3pm PT.", C, "meeting", "meeting-set-up", {}),
    ("I would like to schedule a quarterly meeting to review the roadmap.", C, "meeting", "meeting-set-up", {}),
    # Asking for minutes of someone's time is proposing a meeting (it was a bare request, or a date).
    ("Can we grab 30 minutes on Thursday?", C, "meeting", "meeting-verb", {}),
    ("I would love to get 20 minutes with your CFO before the holidays.", C, "meeting", "meeting-verb", {}),
    ("Let's find half an hour next week.", C, "meeting", "meeting-verb", {}),
    ("Perhaps coffee or lunch?", R, "other", "request-question-you", {}),
    # A question to "we" puts a joint decision to the reader.
    ("Also, should we set a time schedule?", R, "other", "request-question-we", {}),
    ("For feedback, don't hesitate to reach out to our team.", R, "other", "request-reminder", {}),
    ("Visit our help center for setup guides.", R, "other", "request-imperative", {}),
    ("If you need additional help, visit Apple Support.", R, "other", "request-imperative", {}),
    ("Why don't you check with me in April to see whether we are hiring.", R, "other", "request-modal-you", {}),
    ("When you get a minute I need to discuss the term sheet.", R, "meeting", "meeting-verb", {}),
    ("I need to know if you want the upgrade.", R, "other", "request-you-need", {}),
    ("I think I might need to talk to you about this tomorrow.", R, "meeting", "meeting-verb", {}),
    ("I would like a quick read of it when you can.", R, "other", "request-you-need", {}),
    ("It may be worthwhile for us to have a quick phone call to discuss.", R, "meeting", "meeting-set-up", {}),
    ("Would be useful to get a copy.", R, "document", "document-send", {}),
    ("It might be best if you called them directly.", R, "other", "request-wondering", {}),
    ("Any help you can give Kevin would be much appreciated.", R, "other", "request-wondering", {}),
    ("In addition, we would like the opportunity to meet with you beforehand.", C, "meeting", "meeting-verb", {}),
    ("Do we have a list of attendees?", R, "other", "request-question-we", {}),
    ("I also want to discuss any suggestion you may have on people to recruit.", C, "other", "commit-would-like-to",
     {}),
    ("Unfortunately, the discount expires Friday.", C, "price", "price-held", {}),
    ("The promo ends 12/31 - after that it's list price.", C, "price", "price-held", {}),
    ("Heads up: list prices increase 7% effective March 1.", C, "price", "price-stated", {}),
    # A cap is a promise: the negation before "more than" sets a bound, it refuses nothing.
    ("We will not charge more than $40 per seat for the first year.", C, "price", "price-stated",
     {"amount": 40.0, "unit": "USD"}),
    ("We cannot offer more than 10% off list.", C, "price", "price-discount", {"amount": 10.0, "unit": "%"}),
    ("Pricing won't go up by more than 3% at renewal.", C, "price", "price-stated", {}),
    ("Your rate will not increase by more than 5% a year.", C, "price", "price-stated", {}),
    # A third party named before the claim leaves it ours when "we" takes it back.
    ("Unlike other vendors we support SAML out of the box.", C, "capability", "capability-supports",
     {"object": "SAML"}),
    ("Unlike some vendors, we support SAML out of the box.", C, "capability", "capability-supports", {}),
    # A feature promised in the future tense is claimed too; with a time it is a date promise (below).
    ("We'll support the Okta integration out of the box.", C, "capability", "capability-supports",
     {"object": "Okta integration"}),
    ("Our team can support SSO via Azure AD from day one.", C, "capability", "capability-supports",
     {"object": "SSO"}),
    ("Competitors charge more, but our price is $40 per seat.", C, "price", "price-stated", {"amount": 40.0}),
    ("Our security whitepaper is linked below.", C, "document", "document-attached", {"object": "security whitepaper"}),
    ("I can share the architecture diagram after our call Tuesday.", C, "document", "document-send",
     {"object": "architecture diagram"}),
    ("You'll receive the order form from DocuSign shortly.", C, "document", "document-send", {"object": "order form"}),
    ("You should receive the signed MSA by Friday.", C, "document", "document-send", {"object": "MSA"}),
    # A time held or booked, or an invite announced, is a meeting: the SE's calendar is checked for it.
    ("I've blocked 2-3pm ET on Wednesday for the demo.", C, "meeting", "meeting-invite-sent", {}),
    ("Let's tentatively hold Dec 15, 9-10am CT.", C, "meeting", "meeting-invite-sent", {}),
    ("Expect a calendar invite from my colleague Priya for Thursday at 11.", C, "meeting", "meeting-invite-sent", {}),
    ("Pricing includes unlimited API calls and 24/7 support.", C, "price", "price-included",
     {"object": "unlimited API calls"}),
    ("The price includes a dedicated CSM.", C, "price", "price-included", {"object": "dedicated CSM"}),
    ("The annual commitment is $120,000, billed quarterly in advance.", C, "price", "price-stated",
     {"amount": 120000.0, "unit": "USD"}),
    ("How's 3pm on Thursday?", C, "meeting", "meeting-slot-works", {}),
    ("How is Tuesday at 10 for you?", C, "meeting", "meeting-slot-works", {}),
    # A date in figures, an ordinal or a month after "how's" / "shall we say" / ", say" proposes it too.
    ("Shall we say 22/12 at 10:00 your time?", C, "meeting", "meeting-slot-works", {}),
    ("Let's aim for a decision call right before the break, say Dec 21?", C, "meeting", "meeting-slot-works", {}),
    # "see if we could" proposes politely; it imagines nothing and sets no condition.
    ("I wanted to see if we could set up a call next week.", C, "meeting", "meeting-set-up", {"conditional": False}),
    ("Our DPA is available on our trust center.", C, "document", "document-attached", {"object": "DPA"}),
    ("The SOC 2 report is available in our security portal under NDA.", C, "document", "document-attached",
     {"object": "SOC 2 report"}),
    ("We'll share the SOC 2 Type II bridge letter by 12/15.", C, "document", "document-send",
     {"object": "SOC 2 Type II bridge letter"}),
    # A name may hold capitalised words between its nouns.
    ("I will send the SIG Lite questionnaire.", C, "document", "document-send", {"object": "SIG Lite questionnaire"}),
    ("Please find the completed SIG Lite questionnaire attached.", C, "document", "document-attached",
     {"object": "SIG Lite questionnaire"}),
    ("The HECVAT will come from our compliance team by end of week.", C, "document", "document-on-its-way",
     {"object": "HECVAT"}),
    # What is given free is named before its time: "the pilot", not "January 15".
    ("We can extend the pilot through January 15 at no cost.", C, "price", "price-free", {"object": "pilot"}),
    ("We'll extend your trial until the 31st at no charge.", C, "price", "price-free", {"object": "trial"}),
    # Offers written in words.
    ("I can do fifteen percent off if you sign this week.", C, "price", "price-discount",
     {"amount": 15.0, "unit": "%", "conditional": True}),
    ("We can offer half off onboarding this month.", C, "price", "price-discount", {"amount": 50.0}),
    ("We'll give you two months free on an annual plan.", C, "price", "price-free", {"object": "two months"}),
    ("We can throw in a free month.", C, "price", "price-free", {"object": "free month"}),
    ("Our best and final is $110,000 annually.", C, "price", "price-stated", {"amount": 110000.0, "unit": "USD"}),
    # A price freeze: the negation is the promise.
    ("Our prices won't increase at renewal.", C, "price", "price-frozen", {"object": "prices won't increase"}),
    ("We will never raise your price during the contract.", C, "price", "price-frozen",
     {"object": "raise your price"}),
    ("Your rate will not be raised for the first two years.", C, "price", "price-frozen", {}),
    ("There will be no price increase for 3 years.", C, "price", "price-frozen", {}),
    # The reader asked to take the writer's time: that time is offered (the calendar is checked for it).
    ("Feel free to grab time on my calendar next week.", C, "meeting", "meeting-book-time", {}),
    ("Feel free to book a slot next week.", C, "meeting", "meeting-book-time", {}),
    ("We guarantee no increase in your subscription fees at renewal.", C, "price", "price-frozen", {}),
    ("We'll match any competitor's price.", C, "price", "price-held", {}),
    ("We can offer a 3-year price lock.", C, "price", "price-held", {}),
    ("Implementation services are on us.", C, "price", "price-free", {}),
    ("No setup fee if you sign this month.", C, "price", "price-free", {"conditional": True}),
    ("Onboarding is included in your subscription.", C, "price", "price-free", {}),
    ("We'll be sure to loop in your security team.", C, "other", "commit-will", {}),
    ("You'll have a dedicated CSM from day one.", C, "other", "commit-will", {}),
    # (an onsite visit is a meeting to check)
    ("Our engineers will be on-site the week of January 11.", C, "meeting", "meeting-verb", {}),
    ("If we can get the PO by Friday, we'll deliver Monday.", C, "deadline", "deadline-by", {"conditional": True}),
    ("Let me know if we can help.", C, "other", "commit-can", {}),
    ("We don't currently support Azure AD, but it's coming in the spring release.", C, "date", "date-expected", {}),
    ("Our EU data residency option launches in Q1.", C, "date", "date-expected", {}),
    ("Your subscription renews on January 15.", C, "date", "date-expected", {}),
    ("We're FedRAMP In Process, with authorization expected mid-2027.", C, "date", "date-expected", {}),
    ("GA is planned Q3.", C, "date", "date-expected", {}),
    ("We have a native Salesforce integration.", C, "capability", "capability-integration", {"object": "Salesforce"}),
    ("The March go-live is on track.", C, "date", "date-event", {}),
    # A terse confirmation after a comma or dash, as at the start of a sentence ("Perfect, see you at 3" was a request).
    ("Perfect, see you at 3.", C, "meeting", "meeting-see-you", {}),
    # Being scheduled / set / due to do something is a plan of ours ("supposed to" is not: "We are supposed to leave
    # tomorrow", "what I'm supposed to do now").
    ("I believe we are scheduled to start at 9am Thursday.", C, "other", "commit-plan", {}),
    # A meeting we host or keep is ours to hold.
    ("We're hosting a customer dinner in Chicago on January 21.", C, "meeting", "meeting-set-up", {"object": "dinner"}),
    ("Let's keep our standing Tuesday call at 2pm ET.", C, "meeting", "meeting-set-up", {"object": "call"}),
    ("On it - expect the deck by EOD.", C, "document", "document-expect", {"object": "deck"}),
    ("Sounds good - talk Tuesday.", C, "meeting", "meeting-see-you", {}),
    # "Invite sent for ..." sent the invite (no imperative "Invite").
    ("Done. Invite sent for Wed 10am PT.", C, "meeting", "meeting-invite-sent", {}),
    # A recap line whose time comes a few words after the colon.
    ("Onboarding: included, starting the week of Jan 11", C, "date", "date-event", {"object": "Onboarding"}),
    # A recap line with a hedge after its colon, and "pending signature" as its condition.
    ("Kickoff: tentatively Jan 6, pending signature", C, "date", "date-event",
     {"object": "Kickoff", "conditional": True}),
    # A confirmed time outweighs the meeting word it overlaps ("for the workshop").
    ("The earliest available slot for the workshop is Thursday, January 7 at 1pm ET.", C, "meeting",
     "meeting-confirmed", {"object": "workshop"}),
    ("Let me know if you'd like a copy of our pen test results.", C, "document", "document-offered",
     {"object": "pen test results", "conditional": True}),
    # Leave to pass our document on gives it out as much as sending it does.
    ("Feel free to share our SOC 2 report with Tom.", C, "document", "document-offered",
     {"object": "SOC 2 report", "conditional": True}),
    ("Feel free to forward the roadmap deck to your CTO.", C, "document", "document-offered",
     {"object": "roadmap deck"}),
    # "4 business hours" is 4 hours of response time (the span ended at "business", with no figure read).
    ("We can guarantee a response within 4 business hours for P1 tickets.", C, "price", "price-sla",
     {"amount": 4.0, "unit": "hours"}),
    # A time targeted for a meeting proposes the meeting ("for the rollout" names no meeting).
    ("Let's target the week of January 11 for the executive sponsor meeting.", C, "meeting", "meeting-set-up",
     {"object": "meeting"}),
    # A meeting moved by the writer is confirmed at its new time; a length before the meeting noun is no gap.
    ("Per your request, I've moved our Thursday sync to Friday at 11am PT.", C, "meeting", "meeting-confirmed",
     {"object": "sync"}),
    ("I'm confirming the 45-minute security review for Tuesday with your InfoSec team.", C, "meeting",
     "meeting-confirmed", {"object": "review"}),
    # A delivery the writer expects of itself: "should have <something>", "should be ready".
    ("I should have an answer for you early next week.", C, "other", "commit-should-have", {}),
    ("We should be done with the configuration soon.", C, "other", "commit-should-have", {}),
    # A date said to be achievable is a date promise, though another was refused before it.
    ("Unfortunately, we won't be able to meet the January 5 deadline, but January 19 is achievable.", C, "date",
     "date-feasible", {}),
    ("The 19th is realistic for the cutover.", C, "date", "date-feasible", {}),
    # A length before the meeting noun ("a 30-minute technical deep dive") no longer uses up the words between.
    ("Let's schedule a 30-minute technical deep dive next week.", C, "meeting", "meeting-set-up",
     {"object": "deep dive"}),
    ("Can we book a one-hour product demo on Friday?", C, "meeting", "meeting-set-up", {"object": "demo"}),
    # A day of the month between the month and the event noun: "a March 1 go-live" was no promise at all.
    ("A March 1 go-live is realistic if we kick off by mid-January.", C, "date", "date-event",
     {"object": "go-live", "conditional": True}),
    ("The fix is scheduled for our next maintenance window, Saturday 2am-4am ET.", C, "date", "date-event", {}),
    ("I'll set up a 30-minute QBR for the second week of January.", C, "meeting", "meeting-set-up", {}),
    # Free months and seats; an order followed by "and we'll" sets a condition on the offer.
    ("Sign the 200-seat deal before Dec 31 and we'll give you the first 3 months free.", C, "price", "price-free",
     {"conditional": True}),
    ("We'll give you the first month free.", C, "price", "price-free", {"conditional": False}),
    # Handing a document over in other words: "have ... to you", "circle back / follow up with".
    ("I'll have a draft to you in a day or two.", C, "document", "document-send", {}),
    ("I'll circle back after the holidays with the revised SOW.", C, "document", "document-send", {}),
    ("We'll get back to you with a quote by Friday.", C, "document", "document-send", {}),
    ("The full SOC 2 Type II report can go out once the mutual NDA is countersigned.", C, "document",
     "document-on-its-way", {"conditional": True}),
    ("The signed contract will be sent to you tomorrow.", C, "document", "document-on-its-way", {}),
    ("I'll get you our completed SIG Lite and the pen test summary by next Wednesday.", C, "document",
     "document-send", {}),
    # Proposing a meeting is offering a time, as "Can we meet Tuesday?" is.
    ("I'd propose a 30-minute call on Friday at 2pm ET.", C, "meeting", "meeting-set-up", {"object": "call"}),
    ("I suggest we meet on Tuesday to review the numbers.", C, "meeting", "meeting-we-meet", {}),
    # A meeting we have arranged, told in the present, is one to check against the calendar, as "our call is on
    # Tuesday" is; "we meet with" is no capability claimed.
    ("We meet with your CFO on Thursday.", C, "meeting", "meeting-we-meet", {}),
    # A meeting proposed for a time ("could / would / will be"), and a time held for one.
    ("The final readout with your CFO could be the following Tuesday or Wednesday.", C, "meeting",
     "meeting-confirmed", {}),
    ("The kickoff call would be Monday at 10.", C, "meeting", "meeting-confirmed", {}),
    ("Let's lock in 2pm ET on the 17th for the exec readout.", C, "meeting", "meeting-set-up", {}),
    ("We're meeting with your CFO on Thursday.", C, "meeting", "meeting-we-meet", {}),
    ("I'm meeting w/ Bradford tomorrow to discuss.", C, "meeting", "meeting-we-meet", {}),
    ("We're meeting your CFO on Thursday.", C, "meeting", "meeting-verb", {}),
    ("I will be joining the call on Thursday.", C, "meeting", "meeting-set-up", {}),
    ("I'll visit your office on the 22nd.", C, "meeting", "meeting-verb", {}),
    ("I'm flying out to see you on Thursday.", C, "meeting", "meeting-verb", {}),
    ("I would suggest that we revisit pricing in January.", C, "other", "commit-suggest", {}),
    ("Perhaps we could have lunch next week.", C, "meeting", "meeting-set-up", {"object": "lunch"}),
    ("I would love to join the kickoff.", C, "meeting", "meeting-set-up", {"object": "kickoff"}),
    ("Would love to make that work for you.", C, "other", "commit-willing", {}),
    ("How does next Tuesday look for a quick sync?", C, "meeting", "meeting-slot-works", {}),
    ("Go ahead and send it out to the team.", R, "other", "request-imperative", {}),
    ("Our team will be in touch shortly.", C, "other", "commit-will", {}),
    ("We can guarantee a response time of under 4 hours for P1 tickets.", C, "price", "price-sla", {}),
    # Roadmap dates are promises too.
    ("SSO is on our roadmap for Q1.", C, "date", "date-event", {"object": "roadmap"}),
    ("The HubSpot integration is coming next quarter.", C, "date", "date-event", {"object": "integration"}),
    ("We are targeting general availability for the mobile app.", C, "other", "commit-plan", {}),
    # Promises the writer makes for colleagues: the customer cannot tell them from the writer's own.
    ("Your account manager will reach out early next week.", C, "other", "commit-will", {}),
    ("Someone from our support team will call you tomorrow.", C, "meeting", "meeting-verb", {"object": "call"}),
    ("Legal will have the redlines back to you by Monday.", C, "document", "document-send", {"object": "redlines"}),
    ("My colleague Maria will send the pricing sheet.", C, "document", "document-send", {"object": "pricing sheet"}),
    ("Our solutions engineer, Marco, will also send over a draft integration plan early next week.", C, "document",
     "document-send", {}),
    ("Can we push our call to Thursday?", C, "meeting", "meeting-reschedule", {"object": "call"}),
    ("Could we move Friday's demo to Monday?", C, "meeting", "meeting-reschedule", {"object": "demo"}),
    ("The contract will be countersigned by EOD.", C, "deadline", "deadline-by", {}),
    # Hard-wrapped mail: the patterns and the names they find run over a line break.
    ("I'll send over the SOC 2\nreport by Friday.", C, "document", "document-send", {"object": "SOC 2 report"}),
    ("Attached is our pricing\nsheet.", C, "document", "document-attached", {"object": "pricing sheet"}),
    ("Omar: please review the redlines.", R, "other", "request-imperative", {}),
    ("Here is the implementation plan we discussed.", C, "document", "document-attached",
     {"object": "implementation plan"}),
    ("We include the analytics add-on at no charge through Q1.", C, "price", "price-free",
     {"object": "analytics add-on"}),
    ("I'll send the one-pager tomorrow.", C, "document", "document-send", {"object": "one-pager"}),
    ("Let's schedule the kick-off for Monday.", C, "meeting", "meeting-set-up", {"object": "kick-off"}),
    ("We're PCI-DSS compliant.", C, "capability", "capability-certified", {"object": "PCI-DSS"}),
    ("Happy to set up a call next Tuesday at 3pm PT.", C, "meeting", "meeting-set-up", {"object": "call"}),
    ("Happy to set up a 30-minute call on Tuesday.", C, "meeting", "meeting-set-up", {"object": "call"}),
    ("Looking forward to our call on Wednesday.", C, "meeting", "meeting-confirmed", {"object": "call"}),
    ("Let me know if Thursday works for a demo.", C, "meeting", "meeting-slot-works", {"conditional": False}),
    ("Our team can have a sandbox ready for you within 48 hours.", C, "deadline", "deadline-by", {}),
    ("Your account will be provisioned by the vendor.", C, "other", "commit-will-be-ready", {}),
    ("You will receive the invoice with the order form.", C, "document", "document-send", {"object": "invoice"}),
    ("Could you send the W-9 by Friday?", R, "document", "document-send", {"object": "W-9"}),
    ("Please send me the signed order form.", R, "document", "document-send", {"object": "order form"}),
    # --- prices
    ("If you sign by Friday we can do 15% off.", C, "price", "price-discount",
     {"amount": 15.0, "unit": "%", "conditional": True}),
    ("We can offer you a 20% discount on the first year.", C, "price", "price-discount", {"amount": 20.0, "unit": "%"}),
    ("I can extend a discount of 12.5% for a three-year term.", C, "price", "price-discount",
     {"amount": 12.5, "unit": "%"}),
    ("We can waive the onboarding fee for you.", C, "price", "price-free", {"object": "onboarding fee"}),
    ("Onboarding is free for your team.", C, "price", "price-free", {"object": "Onboarding"}),
    ("We'll include premium support at no cost to you.", C, "price", "price-free", {"object": "premium support"}),
    ("Pricing is $45,000 per year.", C, "price", "price-stated", {"amount": 45000.0, "unit": "USD"}),
    ("The license is €12 per seat per month.", C, "price", "price-stated", {"amount": 12.0, "unit": "EUR"}),
    ("We can do $40k for the first year.", C, "price", "price-amount", {"amount": 40000.0, "unit": "USD"}),
    ("I can get it down to 2,500 GBP.", C, "price", "price-amount", {"amount": 2500.0, "unit": "GBP"}),
    ("We offer net 45 payment terms.", C, "price", "price-payment-terms", {"amount": 45.0, "unit": "days"}),
    ("We guarantee 99.95% uptime.", C, "price", "price-sla", {"amount": 99.95, "unit": "%"}),
    ("Our uptime SLA is 99.9% for enterprise customers.", C, "price", "price-sla", {"amount": 99.9, "unit": "%"}),
    ("Can you give us a 20% discount?", R, "price", "price-discount", {"amount": 20.0, "unit": "%"}),
    # An opening aside that recalls the past leaves the claim after it stated now.
    ("As I said last week, the price is $45 per seat.", C, "price", "price-stated", {"amount": 45.0}),
    ("Per our call yesterday, pricing is $45 per seat.", C, "price", "price-stated", {"amount": 45.0}),
    ("We can offer a 10% reduction in your annual subscription fee.", C, "price", "price-discount", {"amount": 10.0}),
    # "no later than", "no more than" set a bound; they negate nothing.
    ("Support for your region will go live no later than April.", C, "date", "date-event", {}),
    ("We'll charge no more than $40 per seat.", C, "price", "price-stated", {"amount": 40.0}),
    # A price offered in a question is offered all the same.
    ("Would you be open to a 15% discount?", C, "price", "price-discount", {"amount": 15.0}),
    ("How about 10% off if you sign this month?", C, "price", "price-discount", {"conditional": True}),
    ("Would 10% off work for you?", C, "price", "price-discount", {}),
    ("What if we waived the setup fee?", C, "price", "price-free", {}),
    ("Could we do $40 per seat?", C, "price", "price-stated", {"amount": 40.0}),
    ("How about Tuesday at 3pm to go over the 10% discount?", C, "meeting", "meeting-slot-works", {}),
    # A thing said to be expected, planned or coming at a time: a date claimed for it.
    ("Snowflake support is expected in the second half of next year.", C, "date", "date-expected", {}),
    ("GA is planned for Q3.", C, "date", "date-expected", {}),
    # --- capabilities
    ("We support SAML SSO.", C, "capability", "capability-supports", {"object": "SAML SSO"}),
    # What our product is said to be, and where and how data is kept, are claims as much as what it does.
    ("Our integration with Salesforce is fully bidirectional and syncs every 15 minutes.", C, "capability",
     "capability-supports", {"object": "bidirectional"}),
    ("Our platform scales to 10,000 concurrent users.", C, "capability", "capability-supports",
     {"object": "10,000 concurrent users"}),
    ("With us, your data is encrypted at rest and in transit.", C, "capability", "capability-supports", {}),
    ("We integrate natively with Epic and Cerner.", C, "capability", "capability-supports", {"object": "Epic"}),
    ("Our platform natively integrates with Salesforce.", C, "capability", "capability-supports",
     {"object": "Salesforce"}),
    ("We're HIPAA compliant.", C, "capability", "capability-certified", {"object": "HIPAA"}),
    ("We are SOC 2 Type II certified.", C, "capability", "capability-certified", {"object": "SOC 2 Type II"}),
    ("We hold ISO 27001 across all regions.", C, "capability", "capability-certified", {"object": "ISO 27001"}),
    ("We have a native integration with Okta.", C, "capability", "capability-integration", {"object": "Okta"}),
    # --- meetings
    ("I'll set up a call next week.", C, "meeting", "meeting-set-up", {"object": "call"}),
    ("Does Tuesday 3pm PT work?", C, "meeting", "meeting-slot-works", {}),
    ("How about Thursday at 10am?", C, "meeting", "meeting-slot-works", {}),
    ("I'm free Wednesday afternoon if that helps.", C, "meeting", "meeting-slot-works", {}),
    # A fallback time ("if that doesn't work") is no condition on an offer.
    ("If that doesn't work, I'm also free Thursday afternoon.", C, "meeting", "meeting-slot-works",
     {"conditional": False}),
    ("If you sign by Friday, we can meet Monday to kick off.", C, "meeting", "meeting-verb", {"conditional": True}),
    ("We're both available Monday.", C, "meeting", "meeting-slot-works", {}),
    ("I'll call you tomorrow morning.", C, "meeting", "meeting-verb", {}),
    ("Can we set up a demo next week?", C, "meeting", "meeting-set-up", {"object": "demo"}),
    ("Our kickoff call is confirmed for Monday.", C, "meeting", "meeting-confirmed", {}),
    ("Could you join a call with our security team?", R, "meeting", "meeting-set-up", {"object": "call"}),
    ("See you tmrw at 3.", C, "meeting", "meeting-see-you", {}),
    ("Our CTO would love to join the call on the 12th.", C, "meeting", "meeting-set-up", {}),
    # A time offered after "but", when the subject before it is ours.
    ("I'm out Monday but available Tuesday at 2pm.", C, "meeting", "meeting-slot-but", {}),
    # --- deadlines and dates
    ("We'll have the integration ready by Friday.", C, "deadline", "deadline-by", {}),
    ("I will get this done before the end of the month.", C, "deadline", "deadline-by", {}),
    ("The go-live is on March 3.", C, "date", "date-event", {"object": "go-live"}),
    ("Go-live is scheduled for Monday, April 8.", C, "date", "date-event", {"object": "Go-live"}),
    ("Please get back to me by Thursday.", R, "deadline", "deadline-by", {}),
    # --- other first-person promises and moods
    ("I'll make sure the team follows up.", C, "other", "commit-will", {}),
    ("We should loop in your IT lead.", C, "other", "commit-we-should", {}),
    ("I can take care of the paperwork.", C, "other", "commit-can", {}),
    ("I'm going to escalate this internally.", C, "other", "commit-going-to", {}),
    ("I'd be happy to help your team with it.", C, "other", "commit-willing", {}),
    ("We plan to add two more regions.", C, "other", "commit-plan", {}),
    ("We plan to ship SCIM provisioning this summer.", C, "date", "date-event", {}),
    ("Let me check with our solutions engineer.", C, "other", "commit-let-me", {}),
    ("Let's get your admins onboarded.", C, "other", "commit-lets", {}),
    ("I'm preparing the rollout now.", C, "other", "commit-progressive", {}),
    ("I'm preparing the rollout checklist now.", C, "document", "document-send", {"object": "rollout checklist"}),
    ("I'd like to propose a pilot with two teams.", C, "other", "commit-would-like-to", {}),
    ("The sandbox will be ready for your team.", C, "other", "commit-will-be-ready", {}),
    ("A 12% discount is on the table.", C, "price", "price-discount", {"amount": 12.0}),
    # The verb is no part of what is priced ("take an extra 7% off" gives 7%, "hold pricing flat" holds pricing).
    ("We can take an extra 7% off if you sign before December 18.", C, "price", "price-discount",
     {"object": "7%", "amount": 7.0}),
    ("We can hold pricing flat.", C, "price", "price-held", {"object": "pricing"}),
    ("We can lock in your current rate for 3 years.", C, "price", "price-held", {"object": "your current rate"}),
    # Percentages written out, any of them, and with a hyphen ("a 12-percent discount").
    ("We can do eighteen percent off.", C, "price", "price-discount", {"amount": 18.0, "unit": "%"}),
    ("We can do twenty-two percent off.", C, "price", "price-discount", {"amount": 22.0, "unit": "%"}),
    ("We can do twenty two percent off the renewal.", C, "price", "price-discount", {"amount": 22.0}),
    ("We can do a 12-percent discount.", C, "price", "price-discount", {"amount": 12.0, "unit": "%"}),
    # Figures of the quote the writer sends are offers to this reader.
    ("The attached quote reflects a 12% discount.", C, "price", "price-discount", {"amount": 12.0}),
    ("The revised order form shows 12% off list.", C, "price", "price-discount", {"amount": 12.0}),
    ("We can come in at 12% below list.", C, "price", "price-discount", {"amount": 12.0}),
    ("Attached is the updated order form reflecting 12% off list.", C, "price", "price-discount", {"amount": 12.0}),
    ("Please find attached the quote with the 12% discount applied.", C, "price", "price-discount",
     {"amount": 12.0}),
    # An event noun and the thing of it that is dated are one name ("the pilot environment" is not "the pilot").
    ("We're pushing the pilot environment to March 18.", C, "date", "date-event", {"object": "pilot environment"}),
    ("The pilot kickoff moves to the 18th.", C, "date", "date-event", {"object": "pilot kickoff"}),
    ("The pilot starts on the 18th.", C, "date", "date-event", {"object": "pilot"}),
    # A document put where the reader can get it is shared: a data room, a shared drive, access granted.
    ("I've dropped the SOC 2 report in our shared Slack channel.", C, "document", "document-shared",
     {"object": "SOC 2 report"}),
    ("The SOC 2 report is in the data room now.", C, "document", "document-shared", {"object": "SOC 2 report"}),
    ("You now have access to the SOC 2 report in our trust portal.", C, "document", "document-shared",
     {"object": "SOC 2 report"}),
    ("I've granted you access to the pen test report.", C, "document", "document-shared",
     {"object": "pen test report"}),
    ("I've added the roadmap deck to the shared folder.", C, "document", "document-shared",
     {"object": "roadmap deck"}),
    # A report named by its standard alone is the report.
    ("I'll send our SOC 2 Type II on Monday.", C, "document", "document-send", {"object": "SOC 2 Type II"}),
    ("Happy to share our SOC2.", C, "document", "document-send", {"object": "SOC2"}),
    # A document named in a condition is the condition's: "it" is what is sent, and here it is the SOC 2 report.
    ("SOC 2 Type II - we'll get it to you as soon as the NDA is signed.", C, "document", "document-send-it",
     {"object": "SOC 2 Type II", "conditional": True}),
    ("I'll send the deck once the contract is signed.", C, "document", "document-send",
     {"object": "deck", "conditional": True}),
    ("The migration guide v3 will be shared during onboarding.", C, "document", "document-on-its-way",
     {"object": "migration guide"}),
    ("Our SOC 2 Type II will be with you Monday.", C, "document", "document-on-its-way",
     {"object": "SOC 2 Type II"}),
    ("I'll make sure our SOC 2 is in your inbox early next week.", C, "document", "document-on-its-way",
     {"object": "SOC 2"}),
    ("The signed MSA will be with you by Friday.", C, "document", "document-on-its-way", {"object": "MSA"}),
    # Access given and a system running are things made ready too.
    ("Your team will have access to the sandbox by the 15th.", C, "deadline", "deadline-by", {}),
    ("You'll be up and running by the 15th.", C, "deadline", "deadline-by", {}),
    ("Can we meet Friday at 3pm ET?", C, "meeting", "meeting-verb", {}),
    ("See you Thursday!", C, "meeting", "meeting-see-you", {}),
    ("We're confirmed for the workshop on the 12th.", C, "meeting", "meeting-confirmed", {}),
    ("We're able to offer a 10% multi-year discount.", C, "price", "price-discount", {}),
    ("I've asked finance to send the W-9 this afternoon.", C, "document", "document-send", {"object": "W-9"}),
    ("I have asked Dan to give you a call on this.", C, "other", "commit-arranged", {}),
    ("Our CISO is available for a call next Tuesday at 11am ET.", C, "meeting", "meeting-slot-works", {}),
    # Terse mail drops the "I".
    ("Will send the deck over shortly.", C, "document", "document-send", {"object": "deck"}),
    ("Can do Thursday 2-3pm ET.", C, "other", "commit-will", {}),
    ("Sending the contract over now.", C, "document", "document-send", {"object": "contract"}),
    ("Forwarding this to our CFO.", C, "other", "commit-progressive", {}),
    ("ETA for the fix is Thursday.", C, "date", "date-event", {}),
    # Terms held, plans on track, documents the reader will have, colleagues brought in.
    ("Pricing is locked through December 31.", C, "price", "price-held", {}),
    ("The discount is valid until the end of the quarter.", C, "price", "price-held", {}),
    ("I can hold this pricing until Friday.", C, "price", "price-held", {}),
    # ("by mid-January": a deadline read across the hyphen)
    ("We're on track to deliver the custom connector by mid-January.", C, "deadline", "deadline-by", {}),
    ("We're on track to deliver the custom connector soon.", C, "other", "commit-plan", {}),
    ("You'll have the updated DPA in your inbox by tomorrow morning.", C, "document", "document-expect",
     {"object": "DPA"}),
    ("I have cc'd Priya, who will send the SOC 2 report tomorrow.", C, "document", "document-send",
     {"object": "SOC 2 report"}),
    ("I've looped in our solutions architect, who can walk your team through the SSO setup next Tuesday.", C,
     "meeting", "meeting-verb", {}),
    ("I've added my colleague Sam, who will send the pricing sheet tomorrow.", C, "document", "document-send",
     {"object": "pricing sheet"}),
    ("cc'ing Priya Shah, who can help with the integration questions.", C, "other", "commit-will", {}),
    # Accepting, confirming and looking forward to a time the writer will keep.
    ("Can we try Friday at 10 am, again?", C, "meeting", "meeting-slot-works", {}),
    ("Could we do Tuesday instead?", C, "meeting", "meeting-slot-works", {}),
    ("Thursday, usual time?", C, "meeting", "meeting-slot-works", {}),
    ("Tomorrow at 3?", C, "meeting", "meeting-slot-works", {}),
    ("We are ok for 8:15 on Sunday", C, "meeting", "meeting-slot-works", {}),
    ("Saturday is good.", C, "meeting", "meeting-slot-accepted", {}),
    ("Friday at 2 is perfect.", C, "meeting", "meeting-slot-accepted", {}),
    ("Tuesday at 3pm ET works great for us.", C, "meeting", "meeting-slot-works", {}),
    ("How's Tuesday look?", C, "meeting", "meeting-slot-works", {}),
    ("Confirmed for Tuesday at 10am PT.", C, "meeting", "meeting-confirmed", {}),
    ("Looking forward to seeing you on Thursday.", C, "meeting", "meeting-look-forward", {}),
    ("Look forward to speaking with you Tuesday at 2pm ET.", C, "meeting", "meeting-look-forward", {}),
    ("Talk to you tomorrow.", C, "meeting", "meeting-see-you", {}),
    ("I'll see you Thursday.", C, "meeting", "meeting-verb", {}),
    ("Let's pencil in Tuesday morning.", C, "meeting", "meeting-pencil-in", {}),
    ("Let's lock in Thursday at 2pm ET.", C, "meeting", "meeting-pencil-in", {}),
    # A day kept for the reader, also when arranged with a colleague.
    ("I've asked Dana to hold Dec 22 for you.", C, "meeting", "meeting-pencil-in", {}),
    ("I've sent a calendar invite for Thursday at 2pm ET.", C, "meeting", "meeting-invite-sent", {"object": "invite"}),
    ("A calendar invite for Thursday at 2pm ET is on its way.", C, "meeting", "meeting-invite-sent", {}),
    ("It would be great to meet in person next week.", C, "meeting", "meeting-verb", {}),
    ("It would be great to sit down with your team.", C, "meeting", "meeting-verb", {}),
    ("It would be great to host your team at our office.", C, "other", "commit-would-be-great", {}),
    # (meeting the reader's team is a meeting to check)
    ("It would be great to meet your team in person.", C, "meeting", "meeting-verb", {}),
    ("Please review the redlines.", R, "other", "request-please", {}),
    ("Would you confirm the billing contact?", R, "other", "request-modal-you", {}),
    ("Let me know which option works.", R, "other", "request-let-me-know", {}),
    ("Give me a shout when legal is done.", R, "other", "request-send-me", {}),
    ("I'd appreciate your feedback on the proposal.", R, "other", "request-want-you", {}),
    ("You should loop in procurement early.", R, "other", "request-you-need", {}),
    ("Forward this to your CFO.", R, "other", "request-imperative", {}),
    ("Don't forget to add your admin emails.", R, "other", "request-reminder", {}),
    ("Can I get the name of your procurement lead?", R, "other", "request-can-i-get", {}),
    ("I was wondering if your CISO has reviewed it.", R, "other", "request-wondering", {}),
    ("Have you had a chance to look?", R, "other", "request-question-you", {}),
    # Offering one's own time: what the calendar must be checked against.
    ("I can do 9:30-10 tomorrow or anytime after 2.", C, "meeting", "meeting-slot-offered", {}),
    ("I could make 4pm work on Friday.", C, "meeting", "meeting-slot-offered", {}),
    ("I have some availability Thursday from 1-3pm PT.", C, "meeting", "meeting-slot-offered", {}),
    ("Wednesday morning is wide open for me.", C, "meeting", "meeting-slot-offered", {}),
    ("My calendar is open all day Friday.", C, "meeting", "meeting-slot-offered", {}),
    ("I can do either Mon 12/7 or Wed 12/9 after 1pm PT.", C, "meeting", "meeting-slot-offered", {}),
    # A hold on the reader's calendar and a "Next call:" heading book a time as an invite does.
    ("I've put a hold on your calendar for Thursday, Dec 10 from 1:00-1:45pm CT.", C, "meeting",
     "meeting-invite-sent", {}),
    ("Next sync: same time next week (Tue 12/15, 10am PT).", C, "meeting", "meeting-invite-sent", {}),
    ("I've gone ahead and reserved a 30-minute slot for us on Thursday at 2pm PT.", C, "meeting",
     "meeting-invite-sent", {}),
    # Hosting data is a product claim; hosting people is a meeting.
    ("Data residency: we can host in the EU (Frankfurt) region.", C, "capability", "capability-supports", {}),
    ("We can host you at our office on Friday.", C, "meeting", "meeting-verb", {}),
    # Asking for the reader's time, or proposing with "let's" under a question mark, proposes a meeting.
    ("Would you have 20 minutes sometime next Tues or Thurs?", C, "meeting", "meeting-slot-works", {}),
    ("Let's plan on a 30-min sync Thursday morning, say 9:30 your time?", C, "meeting", "meeting-set-up", {}),
    # A negation in another phrase does not turn the time down.
    ("No problem, Thursday works for us.", C, "meeting", "meeting-slot-works", {}),
    ("If not, are you available Thursday to discuss?", C, "meeting", "meeting-slot-works", {}),
    # Proposing to meet in other words: "should try to", "sit down with", "find time", a question without its mark.
    ("We should try to talk tomorrow or Friday.", C, "meeting", "meeting-verb", {}),
    ("I would also like to sit down with you this week.", C, "meeting", "meeting-verb", {}),
    ("Let's find time next week to discuss.", C, "meeting", "meeting-set-up", {}),
    ("Are you still available Weds or Thurs a.m.", C, "meeting", "meeting-slot-works", {}),
    ("I just wanted to know if you can spare Hoang for two days.", R, "other", "request-wondering", {}),
    # A document already shared or on its way is as given as an attachment.
    ("The updated MSA should be in your inbox by end of day.", C, "document", "document-on-its-way", {"object": "MSA"}),
    ("The contract is on its way.", C, "document", "document-on-its-way", {"object": "contract"}),
    # A meeting said to be at a time is confirmed: "our call is tomorrow at 11".
    ("Reminder: our call is tomorrow at 11 PT.", C, "meeting", "meeting-confirmed", {"object": "call"}),
    ("Our next sync is Thursday at 2pm ET.", C, "meeting", "meeting-confirmed", {"object": "sync"}),
    # A product that "will ship by March" has a date claimed for it.
    ("The new dashboard will ship by March.", C, "deadline", "deadline-by", {}),
    ("We need to ship by March.", C, "date", "date-expected", {}),
    # Outcomes and product futures promised to the reader.
    ("You'll see ROI within 90 days.", C, "deadline", "deadline-by", {}),
    ("You will see results in the first month.", C, "other", "commit-will", {}),
    ("Our platform will pay for itself in the first quarter.", C, "other", "commit-will", {}),
    ("Your data will never leave the EU.", C, "other", "commit-promise", {}),
    # A dash before "I" / "we" opens a clause: the thanks before it does not swallow the promise.
    ("Thanks for your patience — I'll get you a firm answer on the SAML question by Tuesday.", C, "deadline",
     "deadline-by", {}),
    ("The proposal is valid through 12/31.", C, "price", "price-held", {}),
    ("You asked for 15% off, and we can do 12%.", C, "price", "price-amount", {"amount": 12.0}),
    ("Do you have time on Monday?", C, "meeting", "meeting-slot-works", {}),
    # A line headed with the deal's terms speaks to the reader, with no "we" or "you" in it.
    ("Commercials: the pilot is free for 30 days.", C, "price", "price-free", {"object": "pilot"}),
    ("We can drop 10% if you sign today.", C, "price", "price-discount", {"amount": 10.0}),
    # "the attached SOW" is an attachment, and pointing at it ("See the attached ...") asks nothing.
    ("See the attached SOW for details.", C, "document", "document-attached", {"object": "SOW"}),
    ("We'll send you a DocuSign envelope later today.", C, "document", "document-send",
     {"object": "DocuSign envelope"}),
    # Requests of the reader written without "you could": "just need your signature", "if you could confirm ...".
    ("Just need your signature on page 4.", R, "other", "request-you-need", {}),
    ("If you could confirm by EOD, that would be great.", R, "other", "request-wondering", {}),
    # A document offered on request is offered, on that condition.
    ("The SOC 2 report is available upon request under NDA.", C, "document", "document-attached",
     {"object": "SOC 2 report", "conditional": True}),
    # "the data room" names no document: what was shared is the letter.
    ("I've shared the SOC 2 bridge letter in the data room.", C, "document", "document-shared",
     {"object": "SOC 2 bridge letter"}),
    ("I can do any time on Thursday after 2pm ET.", C, "meeting", "meeting-slot-offered", {}),
    ("I'm wide open Tuesday.", C, "meeting", "meeting-slot-works", {}),
    ("Happy to hop on at 8am PT if that's easier for your team.", C, "meeting", "meeting-verb", {}),
    # A bare day of the month after an event is its date ("the 15th", not only "15").
    ("The go-live is on the 15th.", C, "date", "date-event", {"object": "go-live"}),
    ("The renewal is due on the 1st.", C, "date", "date-event", {"object": "renewal"}),
    # A verb of cutting with a price, or "it", as its object is a discount.
    ("We can cut your bill by 10%.", C, "price", "price-discount", {"amount": 10.0}),
    ("I'm writing to confirm our meeting on Tuesday at 2pm.", C, "meeting", "meeting-confirmed", {"object": "meeting"}),
    ("I am writing to request a meeting with you in November.", C, "meeting", "meeting-verb", {}),
    ("I'm writing up the SOW now.", C, "other", "commit-progressive", {}),
    ("We store all customer data in the EU.", C, "capability", "capability-supports", {}),
    ("We agree to a 12-month term with auto-renewal.", C, "other", "commit-promise", {}),
    # An uptime figure with service credits is an SLA, not a discount.
    ("We offer a 99.9% uptime SLA with credits.", C, "price", "price-sla", {"amount": 99.9}),
    # "Let's do / say / aim for" a time right after proposes it; "can we push to 4:30?" moves the meeting.
    ("Let's do 9am Pacific / 12pm Eastern on Tuesday.", C, "meeting", "meeting-slot-works", {}),
    ("Let's aim for Thursday at 2.", C, "meeting", "meeting-slot-works", {}),
    ("Can we push to 4:30?", C, "meeting", "meeting-reschedule", {}),
    ("Our call is at 0900 UTC.", C, "meeting", "meeting-confirmed", {"object": "call"}),
    ("I'll make sure the SOC 2 report is in your hands before your board meeting on the 17th.", C, "document",
     "document-on-its-way", {"object": "SOC 2 report"}),
    # A document that "will follow" or is "coming your way" is promised.
    ("Our DPA and subprocessor list will follow by mid-December.", C, "document", "document-on-its-way",
     {"object": "subprocessor list"}),
    ("The updated SOW is coming your way Monday.", C, "document", "document-on-its-way", {"object": "SOW"}),
    # "no ... fee" and "won't charge for": a free item.
    ("There's no implementation fee if you sign by year-end.", C, "price", "price-free",
     {"object": "implementation fee", "conditional": True}),
    ("We won't charge you for onboarding.", C, "price", "price-free", {"object": "onboarding"}),
    ("We don't charge for premium support.", C, "price", "price-free", {"object": "premium support"}),
    ("I've shared the Drive folder with the case studies.", C, "document", "document-shared",
     {"object": "case studies"}),
    ("We've uploaded the SOC 2 report to the portal.", C, "document", "document-shared", {"object": "SOC 2 report"}),
    # Asking for time on the reader's calendar, or to move a meeting to a time, is a meeting.
    ("I'd love to get 45 minutes on your calendar before year-end.", C, "meeting", "meeting-on-calendar", {}),
    ("Let me grab 30 minutes on your calendar for Tuesday.", C, "meeting", "meeting-on-calendar", {}),
    ("Can we reschedule to the same time next week?", C, "meeting", "meeting-reschedule", {}),
    ("Could we reschedule for Thursday at 2?", C, "meeting", "meeting-reschedule", {}),
    # A meeting word naming a document ("the meeting minutes") is the document.
    ("I'll send the meeting minutes by Friday.", C, "document", "document-send", {"object": "meeting minutes"}),
    ("I'll share the call recording tomorrow.", C, "document", "document-send", {}),
    # Asking whether a time is too early or better proposes it; asking for a document by a time asks for the document.
    ("Would Tuesday at 8am PT be too early for your team?", C, "meeting", "meeting-slot-works", {}),
    ("Would Tuesday be better?", C, "meeting", "meeting-slot-works", {}),
    ("Would it be possible to get the report by Friday?", R, "document", "document-send", {"object": "report"}),
    # Promising in other words, a colleague's willingness, walking someone through something.
    ("You have my word that the migration will be seamless.", C, "other", "commit-promise", {}),
    ("Count on us to support you through go-live.", C, "other", "commit-promise", {}),
    ("I promise we'll have an answer for you.", C, "other", "commit-promise", {}),
    ("Our team is happy to help with the rollout.", C, "other", "commit-willing", {}),
    ("I'd be happy to walk your team through it.", C, "meeting", "meeting-verb", {}),
    ("Go-live: March 3.", C, "date", "date-event", {}),
    # A condition on the deal addresses the reader as "you" would; "provided" alone is no condition.
    ("Pricing: 12% off list if signed by 12/31.", C, "price", "price-discount", {"conditional": True}),
    ("We can waive the fee provided you sign this week.", C, "price", "price-free", {"conditional": True}),
    # A passive of now or later is no past: "will be provided" (but "was provided" is).
    ("Training for your team will be provided at no cost.", C, "price", "price-free", {"conditional": False}),
    # A negation in a phrase of its own does not negate the promise after it.
    ("Don't worry, I'll take care of the invoice.", C, "other", "commit-will", {}),
    ("If I can't make the class, I'm available Wed evening to discuss.", C, "meeting", "meeting-slot-works", {}),
    ("As I said on the call, we can support SAML and SCIM.", C, "capability", "capability-supports", {}),
    ("If that doesn't work, we will run one-on-ones with each team.", C, "other", "commit-will", {"conditional": True}),
    ("I'll have our solutions engineer walk your team through the sandbox next Tuesday.", C, "meeting",
     "meeting-verb", {}),
]

# (text, pattern id it is a near miss for, whether a request is expected instead)
NEGATIVE: list[tuple[str, str, bool]] = [
    ("The staff will be onsite all week.", "meeting-verb", False),
    ("We met with your CFO on Thursday.", "meeting-we-meet", False),
    ("Free shipping on all orders!", "price-free", False),
    ("IMA early this month lowered its offer to $26.50 a share.", "price-stated", False),
    ("We are looking at Salesforce as an option.", "commit-plan", False),
    ("Sally asked me to send this to you.", "commit-arranged", False),
    ("Prices rose, so 20% off everything!", "price-discount", False),
    ("You should see an improvement soon.", "meeting-invite-sent", False),
    ("They penciled us in for a demo last month.", "meeting-pencil-in", False),
    ("The 4th option works best.", "meeting-slot-works", False),
    ("Their 10am launch works well.", "meeting-slot-works", False),
    ("They will present to the court.", "meeting-verb", False),
    ("We're looking at your questionnaire now.", "commit-plan", False),
    ("They refunded your payment last year.", "price-free", False),
    ("Can you refund the difference?", "price-free", True),
    ("Prices stayed flat last year.", "price-held", False),
    ("Shall we say a few words about pricing?", "meeting-slot-works", True),
    ("Sales grew, say 10%, last year.", "meeting-slot-works", False),
    ("They held the 22nd for another customer.", "meeting-pencil-in", False),
    ("How's the weather in Dallas?", "meeting-slot-works", False),
    ("Prices stayed the same last year.", "price-held", False),
    ("Tom should have the budget approved by Monday.", "commit-should-have", False),
    ("They credited two months to another customer.", "price-free", False),
    ("Can you match what they quoted?", "price-held", True),
    ("We kept the current pricing last year.", "price-held", False),
    ("Allow me to introduce myself.", "commit-let-me", False),
    ("This should allow us to have another discussion.", "commit-let-me", False),
    ("Can you keep the current pricing?", "price-held", True),
    ("The vendor said prices would stay flat.", "price-held", False),
    ("They matched the competitor's price last quarter.", "price-held", False),
    ("The fee was waived for another customer last year.", "price-free", False),
    ("Free parking is available at the venue.", "price-free", False),
    ("Will the price stay flat next year?", "price-held", False),
    ("Net income rose 8% in the quarter.", "price-payment-terms", False),
    ("Their refund policy is 30 days.", "price-free", False),
    ("Analysts expect prices to remain unchanged.", "price-held", False),
    ("The customer asked for a full refund.", "price-free", False),
    # "won't be" with no "raised": the invoice's due date, not a price freeze.
    ("So the first invoice won't be due until well into the new year.", "price-frozen", False),
    ("They got two extra weeks on the trial last year.", "price-free", False),
    ("If they mail an offer by Nov. 22, it will reimburse them for expenses.", "price-free", False),
    ("Their price is $40 per seat.", "price-stated", False),
    ("FYI: report to management is due Friday.", "document-send", False),
    ("The report to the board was late on Friday.", "document-send", False),
    ("Please send the report to Tom by Wednesday.", "commit-will", True),
    ("The report is yours.", "document-attached", False),
    ("They left the contract with legal.", "document-send", False),
    ("It could be delivered late.", "commit-will-be-ready", False),
    ("Nobody knows how the disputes could be resolved.", "commit-will-be-ready", False),
    ("We got 15% off from them last year.", "price-discount", False),
    ("I received your note about the 10% discount.", "price-discount", False),
    ("They have the SOW in their inbox.", "document-send", False),
    ("Onboarding was included at no cost last year.", "price-free", False),
    ("Their plan includes onboarding at no extra charge.", "price-free", False),
    ("Is onboarding included at no extra cost?", "price-free", False),
    ("The demo could be better.", "meeting-confirmed", False),
    ("The call will be recorded.", "meeting-confirmed", False),
    ("Thanks for the readout yesterday.", "meeting-set-up", False),
    ("They are meeting with your CFO on Thursday.", "meeting-we-meet", False),
    ("We meet with customers.", "meeting-we-meet", False),
    ("We are on the way.", "meeting-we-meet", False),
    ("I'm on vacation right now.", "meeting-we-meet", False),
    ("Please visit the website for details.", "meeting-verb", True),
    ("Can you download the report?", "document-expect", True),
    ("The invoice should arrive at the warehouse by truck.", "document-on-its-way", False),
    ("The new pricing would work better in Q2.", "meeting-slot-accepted", False),
    ("That would work for us.", "meeting-slot-accepted", False),
    ("Vendors need to meet our compliance requirements.", "capability-compliance", False),
    ("The vendor has to meet strict security requirements.", "capability-compliance", False),
    ("They sent a follow-up email last week.", "meeting-set-up", False),
    ("Our office hours are 9 to 5.", "meeting-set-up", False),
    ("They expect it in March.", "date-expected", False),
    ("Last year we extended the trial by a month.", "price-free", False),
    ("We have offered 15% before.", "price-discount", False),
    ("Last year the fee was waived.", "price-free", False),
    ("Please consider it.", "commit-promise", True),
    ("The contract is with legal. They will send it back next week.", "document-send-it", False),
    ("The NDA is signed. Did you send it to procurement?", "document-send-it", True),
    ("Stocks took a dive on Monday.", "meeting-set-up", False),
    ("We live in Boston.", "date-expected", False),
    ("We are supposed to leave tomorrow.", "commit-plan", False),
    ("We're running late.", "commit-progressive", False),
    ("The stock traded at the current price yesterday.", "price-held", False),
    ("Revenue grew an additional 5% last year.", "price-discount", False),
    ("Onboarding: included for every plan.", "date-event", False),
    ("If you'd like to review your policy, log in to your account.", "document-offered", True),
    ("Please let me know if you would like further information.", "document-offered", True),
    ("Feel free to send back the signed order form.", "document-offered", True),
    ("Feel free to send your feedback on the proposal.", "document-offered", True),
    ("Feel free to forward this to your team.", "document-offered", True),
    ("Their team can support SSO via Azure AD.", "capability-supports", False),
    ("They target the enterprise market for the next meeting cycle of investors.", "meeting-set-up", False),
    ("We moved the call to Friday last month.", "meeting-confirmed", False),
    ("Signing before then locks in today's rates.", "date-event", False),
    ("Thank you for your business, and we look forward to serving you.", "meeting-look-forward", False),
    ("Thanks for the call on Tuesday.", "meeting-verb", False),
    ("We should have done this earlier.", "commit-should-have", False),
    ("You should have received the invoice.", "commit-should-have", False),
    ("We should be back next week.", "commit-should-have", False),
    ("Is January 19 achievable?", "date-feasible", False),
    ("January 19 is not achievable.", "date-feasible", False),
    ("We said January 19 was achievable.", "date-feasible", False),
    ("We agreed to net 45 last year.", "price-payment-terms", False),
    ("We can't remove the platform fee.", "price-free", False),
    ("We removed the fee last year.", "price-free", False),
    ("I've linked up with your procurement team.", "document-attached", False),
    ("We had a 30-minute technical call with them last week.", "meeting-set-up", False),
    # A past verb of taking part governs what follows it.
    ("Really enjoyed learning about how your team handles vendor onboarding today.", "date-event", False),
    ("I also learned that the meetings with the regulator are scheduled for tomorrow.", "date-expected", False),
    # A summary introduced in the mail itself is no attachment.
    ("As promised, here's a quick summary of next steps:", "document-attached", False),
    ("Here is a quick recap of what we discussed:", "document-attached", False),
    # What we will need from the reader is no promise of ours (it may be a request).
    ("A few things we'll need from you:", "commit-will", False),
    ("We'll need your signature by Friday.", "commit-will", True),
    ("We will want to see the numbers first.", "commit-will", False),
    ("You'll need to pay the fee for late renewals.", "price-free", True),
    ("The costs of the migration were covered last year.", "price-free", False),
    # The reader's time for a task of theirs is no meeting: a request.
    ("Could you find 30 minutes to review the deck?", "meeting-slot-works", True),
    ("Would you have an hour to fill out the questionnaire?", "meeting-slot-works", True),
    ("They reserve two spots for alumni every year.", "meeting-set-up", False),
    ("This will meet your security requirements.", "meeting-verb", False),
    ("The product should meet your team's needs.", "meeting-verb", False),
    ("There's no cost advantage to waiting.", "price-free", False),
    ("He responds in an hour.", "price-sla", False),
    ("Our office is available 24/7 for walk-ins.", "meeting-slot-works", False),
    ("Our platform isn't multi-tenant.", "capability-supports", False),
    ("Their data is stored in the US.", "capability-supports", False),
    ("The data was encrypted last year.", "capability-supports", False),
    ("I cc'd our legal team, who need to review it first.", "commit-will", False),
    ("She looped in her manager, who will decide next week.", "commit-will", False),
    ("It was the last day of the trial.", "date-event", False),
    ("Our customers usually grab 30 minutes with support when they onboard.", "meeting-verb", False),
    ("Did you get a few minutes to look at the deck?", "meeting-verb", True),
    ("I've copied our CFO, who won't be joining.", "commit-will", False),
    ("They threw in the towel last year.", "price-free", False),
    ("We won't throw in the towel.", "price-free", False),
    ("It took 30 minutes to get a reply.", "meeting-verb", False),
    ("We get 30 minutes of downtime a year.", "meeting-verb", False),
    ("Customers get an hour of onboarding included.", "meeting-verb", False),
    ("They put the renewal date on their calendar last year.", "meeting-on-calendar", False),
    ("The terms are valid for 30 days.", "price-payment-terms", False),
    ("The call was Tuesday.", "meeting-confirmed", False),
    ("The meeting is next door.", "meeting-confirmed", False),
    ("The report will follow the format of last year's.", "document-on-its-way", False),
    ("The SOW is coming together nicely.", "document-on-its-way", False),
    ("The decision is in your hands.", "document-on-its-way", False),
    ("We agree to disagree.", "commit-promise", False),
    ("Shipping is free this week.", "price-free", False),
    ("Their platform will cost more.", "commit-will", False),
    ("I don't promise results.", "commit-promise", False),
    ("You'll see what I mean.", "commit-will", False),
    ("Once you log in, you'll notice the new dashboard.", "commit-will", False),
    ("The platform would need a rewrite.", "commit-will", False),
    # Getting the reader's feedback is receiving, not sending: a request, no document promised.
    ("Would love to get your feedback on the proposal?", "document-send", False),
    ("Support is available on request.", "document-attached", False),
    ("We hop on the train at 8.", "meeting-verb", False),
    ("I'm wide open on pricing.", "meeting-slot-works", False),
    # Cutting something that names no price measures an outcome.
    ("We helped Acme cut onboarding time by 40%.", "price-discount", False),
    ("March would be ideal for the go-live.", "meeting-slot-accepted", False),
    ("Dec 15 was great.", "meeting-slot-accepted", False),
    # How a letter opens is no promise.
    ("I'm writing to follow up on our call.", "commit-progressive", False),
    ("I am writing because our renewal is coming up.", "commit-progressive", False),
    ("We confirmed the meeting last week.", "meeting-confirmed", False),
    ("We add new titles to the App Store every day.", "capability-supports", False),
    ("Anyway, we keep you posted.", "capability-supports", False),
    ("We push to production on Monday.", "meeting-reschedule", False),
    # A price the reader wishes for is not offered.
    ("I understand you're hoping for a 20% discount.", "price-discount", False),
    ("Your procurement team asked for net 90.", "price-payment-terms", False),
    ("They don't charge for support either.", "price-free", False),
    ("We didn't charge them for the pilot last year.", "price-free", False),
    ("I can't promise we won't charge for overages.", "price-free", False),
    ("We rescheduled to Monday.", "meeting-reschedule", False),
    ("We had to reschedule for weather.", "meeting-reschedule", False),
    ("Did they ever reschedule to a new date?", "meeting-reschedule", False),
    ("Rescheduling to next week was their idea.", "meeting-reschedule", False),
    ("She put it on her calendar.", "meeting-on-calendar", False),
    ("He booked a room on the third floor.", "meeting-on-calendar", False),
    ("The launch would be too late for Q1.", "meeting-slot-works", False),
    ("Would the report be ready by Friday?", "meeting-slot-works", False),
    ("Would the price be too high?", "meeting-slot-works", False),
    ("I can't promise anything on pricing.", "commit-promise", False),
    ("The results were expected in March.", "date-expected", False),
    ("Last year, the price was $40 per seat.", "price-stated", False),
    ("She's out Monday but free Tuesday at 2pm.", "meeting-slot-but", False),
    ("We saw a 12% drop in churn last quarter.", "price-discount", False),
    ("Their CTO would love to join the call.", "commit-willing", False),
    ("He was free Tuesday but busy Wednesday.", "meeting-slot-but", False),
    ("They're out Monday but free Tuesday at 2pm.", "meeting-slot-but", False),
    ("Where is the invoice for the free trial?", "price-free", False),
    ("How about that game last night?", "meeting-slot-works", False),
    ("What did you think of the 10% discount they offered?", "price-discount", True),
    # A reduction in something that is no price measures an outcome.
    ("Many of our customers see a 30% reduction in ticket volume.", "price-discount", False),
    ("As discussed, the price was $40 last year.", "price-stated", False),
    # A question about a price is no offer of it unless it is put as one.
    ("Where is my free lunch?", "price-free", False),
    ("Did you get the 15% discount applied?", "price-discount", True),
    ("Could you confirm the $40 per seat price?", "price-stated", True),
    ("They promised a fix last year.", "commit-promise", False),
    ("You can't count on them.", "commit-promise", False),
    ("Our team was happy to help last quarter.", "commit-willing", False),
    ("They walk through the lobby every morning.", "meeting-verb", False),
    ("Launch: a new era for the company.", "date-event", False),
    ("Training was provided at no cost to your team.", "price-free", False),
    ("We can't, unfortunately, offer 30% off.", "commit-can", False),
    ("We can't support on-prem deployments.", "capability-supports", False),
    ("They can integrate with Okta.", "capability-supports", False),
    ("No worries if not, I understand.", "commit-will", False),
    ("Unfortunately, no discount is possible this quarter.", "price-discount", False),
    ("Expect delays over the holidays.", "commit-expect", False),
    ("They talk Monday about the merger.", "meeting-verb", False),
    ("Expect a call from their lawyer.", "commit-expect", False),
    ("Your team will need to provide SSO metadata.", "commit-will", False),
    ("Their legal team will review it.", "commit-will", False),
    ("Our customers will see savings.", "commit-will", False),
    ("We moved the demo to Monday.", "meeting-reschedule", False),
    ("They are certified and can share the report.", "commit-and-will", False),
    ("They will be in touch.", "commit-will", False),
    ("They are targeting a larger market.", "commit-plan", False),
    ("The integration shipped last quarter.", "date-event", False),
    ("Our response time was slow last year.", "price-sla", False),
    ("I recommend a glass of wine for your health.", "commit-suggest", False),
    ("They suggested that we revisit pricing.", "commit-suggest", False),
    ("We could have sent it sooner.", "commit-can", False),
    ("I would love to hear your thoughts.", "commit-willing", True),
    ("Talk soon, after our product sync on Thursday.", "capability-supports", False),
    ("He is busy and will call you later.", "commit-and-will", False),
    ("They are in Boston and could swing by your office.", "commit-and-will", False),
    ("We have a task force report that would be relevant and could provide the basis for an analysis.",
     "commit-and-will", False),
    ("She read the deck and would love to see a demo.", "commit-and-will", False),
    ("He is in town and would like to meet Tuesday.", "commit-and-will", False),
    ("I read your note and would love to hear more.", "commit-and-will", False),
    ("We had the contract back from legal yesterday.", "document-send", False),
    ("They'll have a copy of the report.", "document-send", False),
    ("We would do this to the extent Judy could get the capacity.", "commit-would-offer", False),
    ("I'd go with option B.", "commit-would-offer", False),
    ("I'm also free to answer questions.", "meeting-slot-works", False),
    ("Our CEO, Bob, was not happy.", "commit-will", False),
    ("We put a hold on the invoice payment.", "meeting-invite-sent", False),
    ("Since this offer may expire at anytime, hurry!", "price-held", False),
    ("Last week's launch went well.", "date-event", False),
    ("The rollout was scheduled for last week.", "date-event", False),
    ("Energy costs rose 3% last year.", "price-stated", False),
    ("Activate your 1-month trial with the promo code below.", "date-event", False),
    ("Did you get a response within 15 minutes last time?", "price-sla", True),
    ("They are looking at another project and want to discuss it with us.", "commit-would-like-to", False),
    ("This is a reminder that the office is closed Monday.", "request-reminder", False),
    ("Do you want to keep your number?", "request-question-you", True),
    ("Kevin, how do we get at the transmission without buying the company?", "request-question-we", False),
    ("Did we get the DASH approved?", "request-question-we", False),
    ("Should we not wait?", "request-question-we", False),
    ("It was useful to see the numbers.", "request-wondering", False),
    ("Their feedback was much appreciated.", "request-wondering", False),
    ("The price increased 5% in 2019.", "price-stated", False),
    ("The product launched in Q1.", "date-expected", False),
    ("The license renewed in March.", "date-expected", False),
    ("Revenue is expected to grow 20% next year, analysts said.", "date-expected", False),
    ("We hope to serve our customers better in the coming year.", "date-expected", False),
    ("They have a native Salesforce integration too.", "capability-integration", False),
    ("Your account is linked to SSO.", "document-attached", False),
    ("Fifteen percent of our users are in Europe.", "price-discount", False),
    ("Half of the team took a free day last Friday.", "price-free", False),
    ("Twenty percent of the budget went to travel last year.", "price-discount", False),
    ("The free month they offered expired in March.", "price-free", False),
    ("Competitors often quote two months free.", "price-free", False),
    ("We used to charge $40 per seat annually.", "price-stated", False),
    ("They moved the offsite to the 14th.", "meeting-reschedule", False),
    ("Other vendors have a native Salesforce integration.", "capability-integration", False),
    ("The contract will come up at the board meeting.", "document-on-its-way", False),
    ("Support is available through the portal 24/7.", "document-attached", False),
    ("If we could get the budget approved, we would start in March.", "commit-can", False),
    ("How's the weather in Boston today?", "meeting-slot-works", False),
    ("How was Thursday?", "meeting-slot-works", False),
    ("Our promotion ended last week.", "price-held", False),
    ("Does the price include onboarding?", "price-included", False),
    ("Our old plan included phone support.", "price-included", False),
    ("The price includes taxes.", "price-included", False),
    ("We held the workshop for the team on Tuesday.", "meeting-invite-sent", False),
    ("I've blocked your account until Monday.", "meeting-invite-sent", False),
    ("Thanks for the invite for Tuesday.", "meeting-invite-sent", False),
    ("Once we receive the signed order form from you, the team can start.", "document-send", False),
    ("Hey, you should see us up here.", "request-you-need", False),
    ("Each week a new episode releases, and fans love it.", "date-expected", False),
    ("I can't promise we won't raise prices next year.", "price-frozen", False),
    # Someone else's claims: the phrase opens with a third party as its subject.
    ("Some vendors might promise a December go-live, but we won't.", "date-event", False),
    ("Most vendors charge $60 per seat for this.", "price-stated", False),
    ("Our competitors are SOC 2 certified too.", "capability-certified", False),
    ("Other providers quote a go-live in March, which is unrealistic.", "date-event", False),
    ("They might promise a December go-live, but we won't.", "date-event", False),
    ("Their pricing is $60 per seat.", "price-stated", False),
    ("We did not change the price last year.", "price-frozen", False),
    ("Will the price not increase?", "price-frozen", False),
    ("Their prices never went up.", "price-frozen", False),
    ("There was no price increase last year, and we saw no increase in headcount.", "price-frozen", False),
    ("Did they say there would be no price increase?", "price-frozen", False),
    ("Our competitors promise no price increase for 3 years.", "price-frozen", False),
    ("Did you book a slot with us for Friday?", "meeting-book-time", True),
    ("Please book time off with HR next week.", "meeting-book-time", True),
    ("We can't give you a discount, and we don't expect prices to fall either.", "price-discount", False),
    ("We are on the way to the airport.", "price-free", False),
    ("The first round is on me.", "price-free", False),
    ("Failure to meet the Heat Rate Guarantee shall prevent acceptance.", "price-held", False),
    ("They went to check on the house status.", "price-free", False),
    ("Prices may rise 2% next year, analysts said.", "price-stated", False),
    ("They said the fix was scheduled for last week.", "date-event", False),
    ("The room was booked for a wedding last June.", "meeting-invite-sent", False),
    ("I wonder whether we can make it.", "commit-can", False),
    ("It was appropriate to wait.", "request-wondering", False),
    ("She said she would be on-site.", "commit-will", False),
    ("He was busy and will be happy to hear from you.", "commit-and-will", False),
    ("Ask him--he'll know.", "commit-will", True),
    ("She may not be the right person, but will likely know who is.", "commit-will", False),
    ("We are not here (as you know) and won't be able to help.", "commit-and-will", False),
    ("They would like a bigger discount.", "request-you-need", False),
    ("I would like to think so.", "request-you-need", False),
    ("You will have a great time in a few weeks.", "commit-will", False),
    ("Their engineers will be on-site next week.", "commit-will", False),
    ("Many customers ask whether we can do a POC.", "commit-can", False),
    ("I wonder if we can meet Tuesday.", "commit-can", False),
    ("If it rains, the team stays indoors.", "request-imperative", False),
    ("I asked why they did not call.", "request-modal-you", False),
    ("They need to discuss it internally first.", "request-you-need", False),
    ("I didn't hesitate to sign it.", "request-reminder", False),
    ("The first week free was great last year.", "price-free", False),
    ("Our meeting: it went well last Tuesday.", "meeting-invite-sent", False),
    ("We booked a room for the offsite last week.", "meeting-invite-sent", False),
    ("Next steps: sign by Friday.", "meeting-invite-sent", False),
    ("The report can't be shared until Q2.", "document-on-its-way", False),
    ("Could the report be sent today?", "document-on-its-way", False),
    ("Was the report sent to the board last week?", "document-on-its-way", False),
    ("Their CTO, Dana, will decide next week.", "commit-will", False),
    ("We'd go to the conference if invited.", "commit-would-offer", False),
    ("We would give it a try if we had the budget.", "commit-would-offer", False),
    ("Look for errors in the report.", "document-expect", False),
    ("I'm not sending the report until legal approves.", "document-send", False),
    ("They are sending the contract today.", "document-send", False),
    ("- Support: email support is included with every plan.", "request-imperative", False),  # a heading
    ("You will have to sign the order form first.", "commit-will", True),
    ("Our team can't support that.", "commit-will", False),
    ("You will have a great time in Orlando.", "commit-will", False),
    ("Happy to hear the pilot went well.", "commit-willing", False),
    ("Pleased to announce our new release.", "commit-willing", False),
    ("Looking forward to hearing from you.", "meeting-confirmed", False),
    ("I've asked you to call me twice.", "commit-arranged", False),
    ("I asked our CFO whether to send the quote.", "commit-arranged", False),
    ("Our team is available 24/7.", "meeting-slot-works", False),
    ("Our lawyers are free to review it.", "meeting-slot-works", False),
    ("Will Smith called about the renewal.", "commit-will", False),
    ("Will you send the report?", "commit-will", True),
    ("Can tuesday come already...", "commit-will", False),
    ("Sending thoughts your way.", "commit-progressive", False),
    ("Can we do the integration by Friday?", "meeting-slot-works", True),
    ("Today, what did you do?", "meeting-slot-works", True),
    ("Tomorrow is the deadline, right?", "meeting-slot-works", False),
    ("We're good for now.", "meeting-slot-works", False),
    ("The price is good.", "price-held", False),
    ("Is the pricing locked?", "price-held", False),
    ("Last year's pricing was locked.", "price-held", False),
    ("The offer is no longer valid.", "price-held", False),
    ("Keep the quote handy.", "price-held", True),
    ("You will have a great time in Orlando.", "document-expect", False),
    ("You'll have to sign the DPA first.", "document-expect", True),
    ("They are on track to finish by Friday.", "commit-plan", False),
    ("I spoke with Priya, who will decide next week.", "commit-will", False),
    ("Adding Tom, who will not be able to join.", "commit-will", False),
    ("Looking forward to seeing the final numbers.", "meeting-look-forward", False),
    ("Looking forward to meeting you.", "meeting-look-forward", False),  # no time: nothing to keep
    ("I look forward to your feedback by Friday.", "meeting-look-forward", False),
    ("Saturday was perfect, thanks.", "meeting-slot-accepted", False),
    ("Please send me an invite for Thursday.", "meeting-invite-sent", True),
    ("Saturday is a holiday.", "meeting-slot-accepted", False),
    ("Monday was good.", "meeting-slot-accepted", False),
    ("Thursday's demo is great.", "meeting-slot-accepted", False),
    ("The weather on Saturday is good.", "meeting-slot-accepted", False),
    ("Talk soon.", "meeting-see-you", False),  # a sign-off, not an order
    ("The calendar was locked in on Friday.", "meeting-pencil-in", False),
    ("I sent an invite to the whole team.", "meeting-invite-sent", False),
    ("They sent an invitation to the gala.", "meeting-invite-sent", False),
    ("It would be great to get the contract signed by Friday.", "commit-would-be-great", False),
    ("It would not be good to meet before the board call.", "commit-would-be-great", False),
    ("Please find a quiet room for the call.", "document-attached", True),
    # requests are not commitments
    ("Could you send the W-9 by Friday?", "document-send", True),
    ("Please send over your SOC 2 report.", "document-send", True),
    ("Can you give us a 20% discount?", "price-discount", True),
    ("Could you share your availability?", "meeting-slot-works", True),
    # questions
    ("Is a 20% discount possible?", "price-discount", False),
    ("Do you support SAML SSO?", "capability-supports", True),
    ("Are you HIPAA compliant?", "capability-certified", True),
    ("Is the go-live still March 3?", "date-event", False),
    ("Will the sandbox be ready by Friday?", "commit-will-be-ready", False),
    ("Will you have access by Friday?", "commit-will-be-ready", True),
    ("The team will be with you on Monday.", "document-on-its-way", False),
    ("Ninety percent of customers renew.", "price-discount", False),
    ("The 20% discount is no longer on the table.", "price-discount", False),
    ("20% off is not on the table.", "price-discount", False),
    ("Their quote reflects a 12% discount.", "price-discount", False),
    ("Were you able to access the SOC 2 report?", "document-shared", True),
    ("Let us know as soon as the NDA is signed.", "document-send", True),
    ("The SOC 2 audit is in progress.", "document-send", False),
    ("Our calendar looks busy.", "meeting-slot-works", False),
    ("Meeting: postponed until further notice.", "meeting-confirmed", False),
    ("Feel free to share your thoughts on the proposal.", "document-offered", True),
    ("The pilot environment was pushed last week.", "date-event", False),
    ("I've added a note to the contract.", "document-shared", False),
    ("Do you have access to the report?", "document-shared", True),
    ("The signed contract included a 10% discount.", "price-discount", False),
    ("Revenue came in 12% below list.", "price-discount", False),
    ("The quote expired with 12% off list.", "price-discount", False),
    ("Tom will send you the SOC 2 Type II.", "document-send", False),
    ("The servers were up and running by noon.", "commit-will-be-ready", False),
    ("It can be done in Python.", "commit-will-be-ready", False),
    ("Should I have sent the pricing sheet earlier?", "document-send", False),
    # negations
    ("We can't commit to a 20% discount.", "price-discount", False),
    ("We don't support SCIM yet.", "capability-supports", False),
    ("We are not SOC 2 certified today.", "capability-certified", False),
    ("I won't be able to send the report this week.", "commit-will", False),
    ("We cannot waive the onboarding fee.", "price-free", False),
    ("I can't make it on Tuesday.", "commit-can", False),
    ("We don't have a native integration with Workday.", "capability-integration", False),
    ("I'm not going to push legal on this.", "commit-going-to", False),
    ("Onboarding is not free for this tier.", "price-free", False),
    ("There is no discount of 20% available.", "price-discount", False),
    # past events
    ("We sent it last week.", "document-send", False),
    ("I shared the deck with your team yesterday.", "document-send", False),
    ("We offered a 15% discount last quarter.", "price-discount", False),
    ("Pricing was $45,000 per year.", "price-stated", False),
    ("We met on Tuesday to review the plan.", "meeting-verb", False),
    ("They supported SAML back then.", "capability-supports", False),
    # hypotheticals
    ("If we were to offer 10% off, would you sign?", "price-discount", True),
    ("Hypothetically we can do net 60.", "price-payment-terms", False),
    # quoted earlier mail
    ("> I'll send the SOC 2 report tomorrow.", "commit-will", False),
    ("Thanks!\n\n> We can do 15% off if you sign by Friday.\n> Attached is our pricing sheet.",
     "document-attached", False),
    (">> Let's set up a call next week.", "commit-lets", False),
    # other people's promises and statements
    ("He will send the contract.", "commit-will", False),
    ("Their platform integrates with Salesforce.", "capability-supports", False),
    ("The customer requires HIPAA compliance.", "capability-certified", False),
    ("Legal said the MSA is attached to the ticket.", "document-attached", False),
    # "May" the verb, "We", phone and version numbers, prices that look like times
    ("May I ask who else is on the buying committee?", "date-event", True),
    ("We.", "commit-will", False),
    ("Our main line is 415.782.7822.", "price-amount", False),
    ("We're on version 2.10 of the agent.", "price-amount", False),
    ("The 3.30 train was late.", "deadline-by", False),
    ("It costs about 4.30 a day in coffee.", "price-stated", False),
    ("The 99.9 percentile latency is 4.5 seconds.", "price-sla", False),
    ("Uptime last month was 99.2%.", "price-sla", False),
    ("Terms were net 30 under the old contract.", "price-payment-terms", False),
    # marketing and boilerplate
    ("FINAL DAY: 20% OFF + FREE SHIPPING!", "price-discount", False),
    ("If you have any questions, please contact support.", "request-please", False),
    ("To unsubscribe, click here.", "request-imperative", False),
    ("If you no longer wish to receive these emails, let us know.", "request-let-me-know", False),
    # near misses of the mood patterns
    ("I will be out of the office until Monday.", "commit-will", False),
    ("I can see why that matters.", "commit-can", False),
    ("We should have known earlier.", "commit-we-should", False),
    ("I hope to hear from you.", "commit-plan", False),
    ("I am working from home today.", "commit-progressive", False),
    ("She said she can let me know.", "request-let-me-know", False),
    ("Bob did tell me to email you.", "request-send-me", False),
    ("That is the only copy you should keep.", "request-you-need", False),
    ("The pricing that you should expect is on the site.", "request-you-need", False),
    ("Anything to please the auditors.", "request-please", False),
    ("Thanks for the call today.", "meeting-verb", False),
    ("The call was great.", "meeting-set-up", False),
    ("See the notes below.", "meeting-see-you", True),
    ("I'd like to understand your timeline.", "commit-would-like-to", False),
    ("I would be surprised if that were the case.", "commit-willing", False),
    ("Let me be clear about the scope.", "commit-let-me", False),
    ("I was hoping to finish this today.", "request-wondering", False),
    ("What did the board decide?", "request-question-you", False),
    ("Make sense?", "request-reminder", False),
    ("It will be interesting to see.", "commit-will-be-ready", False),
    ("The call was booked by another team.", "meeting-confirmed", False),
    ("You'd have to ask finance.", "request-modal-you", False),
    ("Sam asked me if I could help.", "request-can-i-get", False),
    ("The cluster lets admins set quotas.", "commit-lets", False),
    ("How many hours a week does the team spend on this?", "request-want-you", False),
    ("Deadlines are tight for everyone.", "deadline-by", False),
    ("Forwarded message below.", "request-imperative", False),
    ("We have a window into their roadmap.", "meeting-slot-offered", False),
    ("The portal is open Friday for renewals.", "meeting-slot-offered", False),
    # Turning a time down is no meeting.
    ("Unfortunately Thursday doesn't work for us.", "meeting-slot-works", False),
    ("Thursday no longer works for me.", "meeting-slot-works", False),
    ("The package is on its way.", "document-on-its-way", False),
    ("We should sit on this for a week.", "commit-we-should", False),
    ("I sat down with the team yesterday.", "meeting-verb", False),
    ("We found time to finish the audit.", "meeting-set-up", False),
    ("Are you kidding me.", "meeting-slot-works", False),
    ("I have shared my thoughts with the team.", "document-shared", False),
    ("I've forwarded her resume to the hiring team.", "document-shared", False),
    ("You have 30 minutes to complete the quiz.", "meeting-slot-works", False),
    ("Did you have 20 minutes left on the clock?", "meeting-slot-works", True),
    ("Do you have the minutes from the board meeting?", "meeting-slot-works", True),
    ("They could do Mon 12/7 but not Tuesday.", "meeting-slot-offered", False),
    ("Let's keep it simple?", "meeting-set-up", False),
]


def _run(text: str) -> tuple[list[Commitment], list[Commitment]]:
    return find_commitments(get_nlp()(text), [], NOW)


@pytest.mark.parametrize(("text", "side", "kind", "rule", "fields"), POSITIVE)
def test_positive(text: str, side: str, kind: str, rule: str, fields: dict[str, Any]) -> None:
    commitments, requests = _run(text)
    found = commitments if side == C else requests
    match = [c for c in found if c.kind == kind and c.rule == rule]
    assert match, f"expected {side} {kind}/{rule}, got C={commitments} R={requests}"
    got = match[0]
    assert got.text == text[got.start : got.end]
    for name, value in fields.items():
        assert getattr(got, name) == value, f"{name}: {getattr(got, name)!r} != {value!r}"
    if side == R:
        assert not commitments, f"a request is not a commitment: {commitments}"


@pytest.mark.parametrize(("text", "near_miss", "is_request"), NEGATIVE)
def test_negative(text: str, near_miss: str, is_request: bool) -> None:
    commitments, requests = _run(text)
    assert commitments == [], f"no commitment expected (near miss of {near_miss}): {commitments}"
    assert bool(requests) == is_request, f"requests: {requests}"


def _pattern_ids() -> set[str]:
    path = bundled("rules") / "patterns" / "commitments.jsonl"
    return {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def test_every_pattern_id_has_a_positive_case() -> None:
    missing = _pattern_ids() - {row[3] for row in POSITIVE}
    assert not missing, f"pattern ids without a positive test: {sorted(missing)}"


def test_every_pattern_id_has_a_negative_case() -> None:
    missing = _pattern_ids() - {row[1] for row in NEGATIVE}
    assert not missing, f"pattern ids without a negative test: {sorted(missing)}"


def test_half_of_the_cases_are_negative() -> None:
    assert len(NEGATIVE) >= len(POSITIVE) * 0.9


# With the time tagger: `when` is the time in the clause, alternatives are the other "or" options.
WHEN_CASES: list[tuple[str, str, str, str, tuple[str, ...]]] = [
    ("We'll have the integration ready by Friday.", "deadline", "deadline-by", "by Friday", ()),
    ("How's the 22nd for a working session?", "meeting", "meeting-slot-works", "the 22nd", ()),
    ("We'll block the 22nd for your team.", "meeting", "meeting-pencil-in", "the 22nd", ()),
    # The time reported is "Monday"; what the commitment promises is the limit "by Monday".
    ("We can have the sandbox ready by Thursday or Friday.", "deadline", "deadline-by", "by Thursday", ("Friday",)),
    ("I'll send the quote no later than June 30.", "document", "document-send", "no later than June 30", ()),
    ("The go-live is on March 14.", "date", "date-event", "March 14", ()),
    ("We're meeting with your CFO on the 22nd.", "meeting", "meeting-we-meet", "the 22nd", ()),
    # A clock time or a day of the month that "works" is a slot offered, as "Tuesday at 3pm works" is.
    ("I'll be dialing in from London, so 8am ET on the 22nd works best.", "meeting", "meeting-slot-works",
     "8am ET on the 22nd", ()),
    ("The 22nd works for us.", "meeting", "meeting-slot-works", "The 22nd", ()),
    # A slot booked for the reader, and an invite the reader is told to expect.
    ("Tom - I've penciled you in for Tuesday the 22nd at 10am PT.", "meeting", "meeting-pencil-in",
     "Tuesday the 22nd at 10am PT", ()),
    ("You should see an invite from me for Wednesday, March 6.", "meeting", "meeting-invite-sent",
     "Wednesday, March 6", ()),
    # A new date for a slipped deliverable is a promise of its own.
    ("We're now looking at the 16th for the pilot environment.", "date", "commit-plan", "the 16th", ()),
    ("The pilot environment will now be ready on the 16th.", "date", "commit-will-be-ready", "the 16th", ()),
    ("We now expect the pilot environment to be ready by the 16th.", "deadline", "deadline-by", "by the 16th", ()),
    ("I'm meeting w/ Bradford at 11 to discuss.", "meeting", "meeting-we-meet", "11", ()),
    # A meeting moved: `when` is the time it moves to, not a range from the old one.
    ("Can we move our sync from Wednesday to Friday?", "meeting", "meeting-reschedule", "Friday", ()),
    ("Let's push the demo from the 10th to the 17th.", "meeting", "meeting-reschedule", "the 17th", ()),
    ("Can we move the call from 2pm to 4pm tomorrow?", "meeting", "meeting-reschedule", "4pm tomorrow", ()),
    ("Does Tuesday 3pm PT work?", "meeting", "meeting-slot-works", "Tuesday 3pm PT", ()),
    # A length before the slots is no alternative to them.
    ("Can we get 30 minutes on Tuesday or Wednesday afternoon to walk through it?", "meeting", "meeting-verb",
     "Tuesday", ("Wednesday afternoon",)),
    # Two slots written out in full still ask "would ... work".
    ("Would Friday at 11:30am CT or Monday the 11th at 2pm CT work instead?", "meeting", "meeting-slot-works",
     "Friday at 11:30am CT", ("Monday the 11th at 2pm CT",)),
    ("Tuesday's no good for me, but Wednesday works.", "meeting", "meeting-slot-works", "Wednesday", ()),
    ("I can do Monday or Tuesday at 2pm for the call.", "meeting", "meeting-slot-offered", "Monday",
     ("Tuesday at 2pm",)),
    # A time that says which thing ("the Q1 pricing") is not when it is promised.
    ("I'll hold the Q1 pricing until January 31.", "price", "price-held", "until January 31", ()),
    ("We're on track to deliver the custom connector by mid-January.", "deadline", "deadline-by", "by mid-January",
     ()),
    ("Thursday afternoon or any time Monday works for me.", "meeting", "meeting-slot-works", "Thursday afternoon",
     ("Monday",)),
    # A length ("30-minute") is the `when` only if the clause names no date or time.
    ("Happy to set up a 30-minute call on Tuesday.", "meeting", "meeting-set-up", "Tuesday", ()),
    ("I'll send the SOC 2 report tomorrow, not Friday.", "document", "document-send", "tomorrow", ()),
    # A time inside the words of the promise is its time, however near another one ends.
    ("Happy to set up a demo sometime next week - does Wednesday afternoon work?", "meeting", "meeting-slot-works",
     "Wednesday afternoon", ()),
    ("I'll hold two slots for you: Wednesday at 10am or Thursday at 3pm PT.", "meeting", "meeting-set-up",
     "Wednesday at 10am", ("Thursday at 3pm PT",)),
    # A date we expect for something named before ("it"): "now" is when it is said, not when it comes.
    ("The custom reporting module is slipping; we now expect it in late January rather than early January.",
     "date", "date-expected", "late January", ()),
    ("If it would help, I can also set up office hours next week for your admins.", "meeting", "meeting-set-up",
     "next week", ()),
    # "More than happy to", "taken the liberty of scheduling a follow-up": promises as plain as "I'll".
    ("I'd be more than happy to put together a custom ROI analysis for your team by the end of next week.",
     "document", "document-send", "by the end of next week", ()),
    ("I've taken the liberty of scheduling a 30-minute follow-up for next Thursday at 10am PT; feel free to move "
     "it if needed.", "meeting", "meeting-set-up", "next Thursday at 10am PT", ()),
    # A slot named before "would work" is accepted or offered; a fallback slot is no condition.
    ("Tuesday would work for me.", "meeting", "meeting-slot-accepted", "Tuesday", ()),
    ("We're booked solid until the 15th, but the 16th or 17th would work.", "meeting", "meeting-slot-accepted",
     "the 16th", ("17th",)),
    # "pencil in 45 minutes": the "in" is the verb's; the clock time after the day narrows it.
    ("Could we pencil in 45 minutes on the 9th, say 11:30 your time?", "meeting", "meeting-verb", "11:30", ()),
    # A time modifier joined by a hyphen ("mid-January") is read as one written apart.
    ("Our next release, v5.2, ships in mid-June and includes the audit log export you asked for.", "date",
     "date-expected", "mid-June", ()),
    # A time after the promise's words is as near as one the same distance before them, and wins the tie.
    ("I'll circulate the runbook by EOD Wednesday and schedule a go/no-go call for Friday the 18th at 9am CT.",
     "meeting", "meeting-set-up", "Friday the 18th at 9am CT", ()),
    ("I sent a note yesterday saying that I could make dinner in Austin on Wednesday, March 27.", "meeting",
     "meeting-set-up", "Wednesday, March 27", ()),
    # A feature to come with its time is a date promise, not a capability claim.
    ("We will support SAML SSO in Q2.", "date", "commit-will", "Q2", ()),
    # "If we get the PO by the 20th" is the reader's part: what is promised is the kickoff.
    ("If we get the PO by the 20th, we can guarantee a January 4th kickoff.", "date", "date-event",
     "January 4th", ()),
    # A clock range right after a day narrows it: the slot is what the calendar is checked for.
    ("Can we do Thursday between 3 and 4?", "meeting", "meeting-slot-works", "between 3 and 4", ()),
    ("Tomorrow from 10 to 11 is good.", "meeting", "meeting-slot-accepted", "10 to 11", ()),
]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("Can we do Thursday between 3 and 4?", "2024-03-07T15:00", "2024-03-07T16:00"),
    ("Tomorrow from 10 to 11 is good.", "2024-03-05T10:00", "2024-03-05T11:00"),
    ("On March 8 from 1 to 3 we can walk through it.", "2024-03-08T13:00", "2024-03-08T15:00"),
])
def test_a_clock_range_after_a_day_is_on_that_day(text: str, start: str, end: str) -> None:
    # It read as today's hours before ("between 3 and 4" at 15:00 on the day the mail was written).
    from promisegate.extract import extract

    clocks = [t for t in extract(text, NOW, "UTC").times if t.grain == "hour"]
    assert [(t.from_.isoformat()[:16], t.to.isoformat()[:16]) for t in clocks] == [(start, end)]


@pytest.mark.parametrize(("text", "kind", "rule", "when", "alternatives"), WHEN_CASES)
def test_when_comes_from_the_time_tagger(
    text: str, kind: str, rule: str, when: str, alternatives: tuple[str, ...]
) -> None:
    from promisegate.extract import extract

    result = extract(text, NOW, "UTC")
    match = [c for c in result.commitments if c.kind == kind and c.rule == rule]
    assert match, result.commitments
    assert match[0].when is not None and match[0].when.text == when
    if when.split()[0] in ("by", "no"):  # a limit runs from now
        assert match[0].when.from_ == NOW
    assert tuple(a.text for a in match[0].alternatives) == alternatives


@pytest.mark.parametrize(("text", "objects", "asks"), [
    # What is attached is shared whatever the clause asks about it: the share rules must see it.
    ("I've attached the deck - let me know your thoughts.", ["deck"], True),
    ("Please sign the attached NDA.", ["NDA"], True),
    # A courtesy closing the clause after "and" leaves what comes before it standing.
    ("Please review the attached order form and let me know if you have any questions.", ["order form"], True),
    ("Let me know if you have any questions.", [], False),
    # "- any thoughts?" after a dash asks for the reader's answer.
    ("Just circling back on the proposal I sent last week - any thoughts?", [], True),
])
def test_an_attachment_stands_beside_an_ask(text: str, objects: list[str], asks: bool) -> None:
    commitments, requests = _run(text)
    assert [c.object for c in commitments if c.kind == "document"] == objects
    assert bool(requests) == asks


@pytest.mark.parametrize(("text", "kind", "when"), [
    # A length "of" something is an amount, no `when`.
    ("I'll set aside 10 hours of professional services for your team at no charge.", "price", None),
    # A meeting, a document or another act is still to come: a time already over is not when it happens.
    ("I can also connect you with one of our customers who went through a similar migration last spring.",
     "meeting", None),
    ("Following up on our call on Tuesday, I'll send the deck by Friday.", "document", "by Friday"),
    # A courtesy before the comma names nothing of the promise ("the call on Tuesday" is no time for the deck).
    ("Thanks for the call on Tuesday, I'll send the deck.", "document", None),
    ("Thanks for your time, I'll send the deck tomorrow.", "document", "tomorrow"),
    # A day or longer after "after" only bounds it ("after the holidays" is no time to check a calendar for);
    # a clock time after "after" is where the window offered opens; another time in the clause is the when.
    ("Let's touch base after the holidays to plan the rollout.", "meeting", None),
    ("Let's touch base after the holidays, say Jan 5?", "meeting", "Jan 5"),
    ("I can call you after 3pm tomorrow.", "meeting", "3pm tomorrow"),
    # An offer runs ahead: the day it was discussed is no when of it when its validity is named.
    ("What I can confirm is the 5% we discussed on Feb 26, valid until March 29.", "price", "until March 29"),
    # "the week I'm back" is no time; the example after it is the when.
    ("If neither works, we can do it the week I'm back, e.g. Jan 6 at 10am PT.", "date", "Jan 6 at 10am PT"),
])
def test_a_time_gone_by_or_in_a_courtesy_is_no_when(text: str, kind: str, when: str | None) -> None:
    from promisegate.extract import extract

    result = extract(text, NOW, "UTC")
    assert [c.kind for c in result.commitments] == [kind]
    got = result.commitments[0].when
    assert (got.text if got is not None else None) == when


def test_what_the_mail_attaches_has_no_when() -> None:
    # The attachment is sent now: the clause's time is the other promise's, or what the document is about.
    from promisegate.extract import extract

    result = extract("I'll send the pen test results tomorrow, and the security whitepaper is attached.", NOW, "UTC")
    got = {c.object: (c.when.text if c.when else None) for c in result.commitments}
    assert got == {"pen test results": "tomorrow", "security whitepaper": None}
    [agenda] = extract("Attached please find the agenda for Monday's board meeting.", NOW, "UTC").commitments
    assert agenda.rule == "document-attached" and agenda.when is None
    # A link in the mail is sent now as well ("the uptime report for Q3" names the quarter it covers).
    text = "I've attached the RCA so your team can review the timeline, and our uptime report for Q3 is linked below."
    got = {c.object: (c.when.text if c.when else None) for c in extract(text, NOW, "UTC").commitments}
    assert got == {"RCA": None, "uptime report": None}


@pytest.mark.parametrize("text", ["The launch in January went well.", "We shipped the release in February.",
                                  "The go-live in January slipped."])
def test_a_date_claim_told_in_the_past_about_a_time_gone_by_is_no_promise(text: str) -> None:
    # With the time tagger: the claim's time lies before now and a past tense tells it.
    assert not extract(text, NOW, "UTC").commitments


@pytest.mark.parametrize("text", ["Our average implementation takes just 3 weeks.",
                                  "Most customers go live in under 30 days.",
                                  "Implementation typically takes 6-8 weeks."])
def test_a_typical_length_dates_nothing_for_this_deal(text: str) -> None:
    assert not extract(text, NOW, "UTC").commitments
    # Said of this deal, the length is a date claim.
    assert [c.rule for c in extract("Your implementation will take 3 weeks.", NOW, "UTC").commitments] == [
        "date-event"]


def test_one_of_our_people_named_makes_our_promise() -> None:
    # An agent writes for its SE by name: with the names of our side, "Dana will" promises as "we will" does, and
    # so does "she'll" after her; a name nobody told us about may be the customer's.
    text = "Dana will walk your team through the demo on Tuesday, and she'll bring the SOC 2 report."
    assert extract(text, NOW, "UTC").commitments == ()
    got = [(c.kind, c.rule) for c in extract(text, NOW, "UTC", ours={"dana", "lee"}).commitments]
    assert got == [("document", "document-send"), ("meeting", "meeting-verb")]
    assert extract("Maria will send the PO on Tuesday.", NOW, "UTC", ours={"dana"}).commitments == ()
    # ("will" in lower case is the verb, whoever is called Will; "Dana won't" promises nothing)
    assert extract("They will send the PO on Tuesday.", NOW, "UTC", ours={"will"}).commitments == ()
    assert extract("Dana will not send the deck.", NOW, "UTC", ours={"dana"}).commitments == ()
    # Her willingness and her time offered, too.
    for text, kind, rule in [("Dana is happy to walk your team through it on Tuesday.", "meeting", "meeting-verb"),
                             ("Dana is available for a call on Tuesday at 2pm.", "meeting", "meeting-slot-offered"),
                             ("Dana has availability on Tuesday at 2pm.", "meeting", "meeting-slot-offered"),
                             ("Dana can do Tuesday at 2pm.", "meeting", "meeting-slot-offered"),
                             ("Dana has a window on Tuesday between 9 and 11.", "meeting", "meeting-slot-offered"),
                             ("Dana has openings on Tuesday.", "meeting", "meeting-slot-offered"),
                             ("Dana has Tuesday afternoon open for you.", "meeting", "meeting-slot-offered"),
                             # her plans told in the progressive
                             ("Dana is flying out on Tuesday to meet your team.", "meeting", "meeting-verb"),
                             ("Dana is leading the workshop on Tuesday.", "meeting", "commit-colleague")]:
        assert [(c.kind, c.rule) for c in extract(text, NOW, "UTC", ours={"dana"}).commitments] == [(kind, rule)]
    for text in ["Dana has a window seat.", "Dana is running late.", "Maria is flying out on Tuesday to meet us.",
                 "Dana has an open question about your SSO setup.", "Dana has the deck available."]:
        assert extract(text, NOW, "UTC", ours={"dana"}).commitments == ()


@pytest.mark.parametrize(("text", "kinds"), [
    # An action item of a recap names who acts: ours (a person or the company) promise, the customer's do not.
    ("Next steps: Brightline to share SOC 2 report by Friday.", ["document"]),
    ("1) Brightline to share SOC 2 report", ["document"]),
    ("Action items:\n- Dana to run the workshop on Tuesday\n- Maria to confirm attendees", ["meeting"]),
    ("Action items:\n- Maria to confirm attendees", []),
    # ("Thanks to Brightline" and a name inside a sentence open no item)
    ("Thanks to Brightline for hosting.", []),
    ("We asked Dana to the dinner.", []),
])
def test_an_action_item_of_ours_in_a_recap_is_a_promise(text: str, kinds: list[str]) -> None:
    got = extract(text, NOW, "UTC", ours={"dana", "brightline"}).commitments
    assert [c.kind for c in got] == kinds


@pytest.mark.parametrize("text", [
    "We've got Dana booked for your kickoff on 3/12.",
    "I've got you booked for Tuesday at 10.",
    "We have you scheduled for the onboarding session on Friday.",
])
def test_a_meeting_we_have_booked_is_confirmed(text: str) -> None:
    got = [(c.kind, c.rule) for c in extract(text, NOW, "UTC").commitments]
    assert got == [("meeting", "meeting-confirmed")]


def test_a_unit_with_no_count_says_no_when() -> None:
    # "weeks" alone is a time expression (TimeML marks it), but it dates nothing.
    [c] = extract("To make up for it, we'll give your team two extra weeks on the pilot.", NOW, "UTC").commitments
    assert c.when is None
    [c] = extract("We are ready to help in any way we can in the weeks and months ahead.", NOW, "UTC").commitments
    assert (c.kind, c.when) == ("other", None)


@pytest.mark.parametrize(("text", "kind"), [
    ("We'll have the integration ready two weeks after kickoff.", "other"),
    ("We'll go live a week after the kickoff.", "date"),
    ("We'll send the report 3 days before the workshop.", "document"),
])
def test_a_length_counted_from_an_event_proposes_no_meeting_and_no_when(text: str, kind: str) -> None:
    # The kickoff is a reference point, not a meeting proposed, and the length runs from it, not from now.
    [c] = extract(text, NOW, "UTC").commitments
    assert (c.kind, c.when) == (kind, None)
    # A date named after "after" is a date ("two weeks after Jan 4"), and a length from now stays one.
    [c] = extract("We'll go live two weeks after Jan 4.", NOW, "UTC").commitments
    assert c.when is not None and c.when.text == "two weeks after Jan 4"
    [c] = extract("We'll go live in two weeks.", NOW, "UTC").commitments
    assert c.when is not None and c.when.text == "in two weeks"


@pytest.mark.parametrize(("text", "rule"), [("The launch is in January.", "date-event"),
                                           ("The Sydney region is planned for January.", "date-expected")])
def test_a_date_claim_in_the_present_about_a_time_gone_by_is_kept(text: str, rule: str) -> None:
    # No past tense ("is planned" is a passive of now): written in March, it may be a slip; it is held.
    assert [c.rule for c in extract(text, NOW, "UTC").commitments] == [rule]


def test_slots_listed_under_a_line_about_slots_are_one_proposed_meeting() -> None:
    from promisegate.extract import extract

    text = ("Thanks for the call.\n\nJordan has the following slots open for a 45-minute demo:\n"
            "- Tuesday, July 16 at 9:30am PT\n- Wednesday, July 17 between 1 and 3pm PT\n\nLet me know.")
    meetings = [c for c in extract(text, NOW, "UTC").commitments if c.kind == "meeting"]
    assert [(c.rule, c.when.text if c.when else None, [a.text for a in c.alternatives]) for c in meetings] == [
        ("meeting-slot-offered", "Tuesday, July 16 at 9:30am PT", ["Wednesday, July 17 between 1 and 3pm PT"])]
    assert meetings[0].text == text[meetings[0].start:meetings[0].end]
    # Dates listed under a line about something else are no slots.
    other = "Key dates for the rollout:\n- Kickoff on July 16\n- Go-live on August 5"
    assert not [c for c in extract(other, NOW, "UTC").commitments if c.kind == "meeting"]
    # Items with no bullet that name themselves ("Option A - ...") run on as one clause: one slot a line.
    text = ("Two proposals for the alignment session:\n\n  Option A - Tue Jul 16, 10-11:30am PT\n"
            "  Option B - Mon Jul 22, 1-2:30pm PT\n\nDana")
    [c] = extract(text, NOW, "UTC").commitments
    assert (c.rule, c.when.text if c.when else None, [a.text for a in c.alternatives]) == (
        "meeting-slot-offered", "Tue Jul 16, 10-11:30am PT", ["Mon Jul 22, 1-2:30pm PT"])


@pytest.mark.parametrize(("text", "kind"), [("We'd be happy to extend the trial by another two weeks.", "price"),
                                           ("We'll extend the deadline by 2 weeks.", "other")])
def test_a_length_after_by_is_an_amount_not_a_deadline(text: str, kind: str) -> None:
    # (A longer trial is free time given: a price.)
    from promisegate.extract import extract

    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.when) for c in result.commitments] == [(kind, None)]


def test_hyphenated_pattern_words_stay_one_token(tmp_path: Path) -> None:
    # spaCy splits "sync-up" at its hyphen; a word the patterns name is kept whole, also for a rules
    # directory loaded after start (its words are special cases before the text is tokenised).
    from promisegate.extract import extract

    rules = tmp_path / "rules"
    shutil.copytree(bundled("rules"), rules)
    meetings = rules / "lexicon" / "meetings.yaml"
    meetings.write_text(meetings.read_text(encoding="utf-8").replace("meeting_nouns: [", "meeting_nouns: [sync-up, "),
                        encoding="utf-8")
    text = "Can we do a quick Sync-up Tuesday?"
    result = extract(text, NOW, "UTC", rules_dir=rules)
    assert [(c.kind, c.object) for c in result.commitments] == [("meeting", "Sync-up")]
    assert [t.text for t in get_nlp()(text)].count("Sync-up") == 1


@pytest.mark.parametrize(("text", "when"), [
    # An event that "can / will start" at a time is dated by it, however far the time is; with no time, no date.
    ("The pilot can start two weeks from Monday.", "two weeks from Monday"),
    ("The pilot could end badly.", None),
])
def test_an_event_set_to_start_at_a_time_is_dated(text: str, when: str | None) -> None:
    from promisegate.extract import extract

    result = extract(text, NOW, "UTC")
    found = [c for c in result.commitments if c.rule == "date-event"]
    assert [c.when.text if c.when else None for c in found] == ([when] if when else [])


@pytest.mark.parametrize(("text", "kind", "conditional"), [
    # A question that offers the writer's act is an offer on the reader's yes: the share rules must see a
    # restricted document offered ("Would you like me to send over the SOC 2 report?" was a request of the reader).
    ("Would you like me to send over the SOC 2 report?", "document", True),
    ("Can we send you the updated contract by Friday?", "document", True),
    # A document offered on the reader's word, though the clause asks.
    ("Let me know if you'd like a copy of our pen test results.", "document", True),
    ("Feel free to grab the SOC 2 report from our trust portal.", "document", True),
    ("Should I send the pricing sheet?", "document", True),
    # A meeting offered is proposed, as "Does Tuesday work?" proposes it.
    ("Should I set up a call with our CTO for next week?", "meeting", False),
])
def test_a_question_offering_the_writers_act_is_an_offer(text: str, kind: str, conditional: bool) -> None:
    from promisegate.extract import extract

    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.conditional) for c in result.commitments] == [(kind, conditional)]


def test_items_under_a_heading_of_ours_are_offers_to_this_reader() -> None:
    # A list item ends at its line break (unless the next line goes on, indented or in lower case), and a price in
    # an item under a line of ours ending in a colon is offered to this reader; "Today's deals:" is to the public.
    text = ("Next steps:\n- Kickoff: tentatively Jan 6, pending signature\nHere's what we agreed on the call:\n"
            "- 15% discount on the annual license\n- Implementation fee waived\n")
    commitments, _ = _run(text)
    assert [(c.kind, c.text) for c in commitments] == [
        ("date", "Kickoff: tentatively Jan 6, pending signature"),
        ("price", "15% discount on the annual license"), ("price", "Implementation fee waived")]
    public, _ = _run("Today's deals:\n- 20% off everything\n- 15% off shoes\n")
    assert public == []


@pytest.mark.parametrize("text", ["Call being scheduled for Wednesday it appears.",
                                  "Plan includes connections to existing systems.", "Invite sent for Wednesday."])
def test_a_verb_noun_before_a_participle_or_a_third_person_verb_is_no_imperative(text: str) -> None:
    # "Call being scheduled", "Plan includes": the first word is a noun, its sentence asks nothing.
    _, requests = _run(text)
    assert not requests


def test_an_extension_at_no_cost_is_one_free_item() -> None:
    # "at no cost" after "extend the pilot by two weeks" is the extension's price, not a second free item.
    commitments, _ = _run("We'll extend the pilot by two weeks at no cost so your team can finish testing.")
    assert [(c.kind, c.object) for c in commitments] == [("price", "pilot")]
    commitments, _ = _run("We'd be able to extend the pilot to March 12 at no cost if the first phase slips.")
    assert [(c.kind, c.object) for c in commitments] == [("price", "pilot")]


def test_a_price_lock_said_twice_is_one_promise() -> None:
    commitments, _ = _run("It includes a price lock: we guarantee the per-seat price will not increase for 24 months.")
    assert [c.rule for c in commitments if c.kind == "price"] == ["price-held"]


def test_the_figures_of_an_sla_are_not_discounts() -> None:
    # Service credits and their cap are how the SLA pays out: no 10% or 30% discount is offered.
    commitments, _ = _run("We commit to 99.95% monthly uptime, with service credits of 10% for each 0.1% below "
                          "target, capped at 30% of the monthly fee.")
    assert [(c.rule, c.amount) for c in commitments] == [("price-sla", 99.95)]
    # An uptime achieved is a record, not a level promised; a response time that drops measures an outcome.
    assert _run("Scale: our largest customer runs 12,000 users on one tenant, with a 99.9% uptime record.")[0] == []
    assert _run("Customers typically see first-response times drop by 35% within the first quarter.")[0] == []
    # An SLA figure does not reach over "and" to take the discount after it.
    commitments, _ = _run("We offer 99.9% uptime and 15% off the first year.")
    assert [(c.rule, c.amount) for c in commitments] == [("price-sla", 99.9), ("price-discount", 15.0)]


def test_a_figure_after_can_do_is_no_meeting_slot() -> None:
    # "we can do 12%" offers a discount; "I can do 3" would offer a time.
    commitments, _ = _run("I checked with our VP and we can do 12% on a two-year term signed by Friday.")
    assert [c.kind for c in commitments] == ["price"] and commitments[0].amount == 12.0


def test_one_stated_price_per_figure() -> None:
    # "price is $50" and "$50 per user" read the same figure: one commitment for it, and one for $40.
    commitments, _ = _run("Our list price is $50 per user per month, but I can offer $40.")
    assert [c.amount for c in commitments if c.kind == "price"] == [50.0, 40.0]


@pytest.mark.parametrize(("text", "kinds"), [
    # "45 minutes" is a length of time, though "minutes" is also a document.
    ("I'd love to get 45 minutes on your calendar before year-end.", ["meeting"]),
    ("I'll send 30 minutes of footage by Friday.", ["deadline"]),
    # "the meeting minutes" is a document, though "meeting" is also a meeting.
    ("I'll send the meeting minutes by Friday.", ["document"]),
    ("I'll send a meeting invite for Friday.", ["meeting"]),
    # "free" before a time offers the writer's time; before anything else it is a price.
    ("I'm free Wed after 1pm ET.", ["meeting"]),
    ("I'm free Wed at 1pm ET.", ["meeting"]),
    ("I'm free Thurs after 2pm.", ["meeting"]),
    ("Onboarding is free for your team.", ["price"]),
    # A day opening the sentence that "would be ideal" is accepted as a slot: a bare day of the month, a month
    # and day, an abbreviated weekday (not a month alone: "March would be ideal for the go-live").
    ("The 15th or 16th would be ideal.", ["meeting"]),
    ("Dec 15 would be ideal for the workshop.", ["meeting"]),
    # A quarter after "let's plan for" is no meeting slot.
    ("Let's plan for Q1 pricing.", ["date"]),
    # "Would <a meeting on a day> work to <do something>?" proposes the meeting; "Would it work to send the report
    # by Friday?" asks for a task, and "available to discuss" offers a meeting.
    ("Would a quick 15-minute sync on Monday or Tuesday afternoon work to finalize the rollout timeline?",
     ["meeting"]),
    ("Would it work to send the report by Friday?", []),
    ("I'm also available to discuss the proposal further by phone if you would like to talk before Monday.",
     ["meeting"]),
    # The work a meeting is for ("to finalize the rollout plan") is done in it: no document is sent.
    ("Let's reconnect in the new year to finalize the rollout plan.", ["meeting"]),
    ("Let's hop on a call Tuesday to finalize the SOW.", ["meeting"]),
    ("I'll set up a call for Tuesday and send the SOW beforehand.", ["document", "meeting"]),
    # "go to" a figure or a page is no meeting ("go to lunch" is one).
    ("We can go to 12% off list if you sign before year end.", ["price"]),
    ("Let's go to lunch on Tuesday.", ["meeting"]),
    # "come in at" a figure is a price arrived at ("I can come in on Tuesday" is a visit).
    ("We can come in at 12% below list.", ["price"]),
    ("We could come in under $50k for the first year.", ["price"]),
    ("I can come in on Tuesday.", ["meeting"]),
    # An attachment's figures are offers only when it is the quote.
    ("Attached is the case study where Acme saved 30% on fuel.", ["document"]),
    ("Attached is the updated order form reflecting 12% off list.", ["price", "document"]),
    ("Let's go over the proposal on Tuesday.", ["meeting"]),
])
def test_a_word_of_two_kinds_is_read_by_its_neighbour(text: str, kinds: list[str]) -> None:
    result = extract(text, NOW, "UTC")  # with the time tagger: "45 minutes" is a time expression
    assert [c.kind for c in result.commitments] == kinds


def test_a_terse_recap_item_promises_its_document() -> None:
    text = ("Next steps:\n- Security review: SOC 2 report to Tom by Wednesday\n- Revised SOW to you by Friday\n"
            "- MSA redlines to Tom by Monday\n")
    got = [(c.kind, c.object, c.when.text if c.when else None) for c in extract(text, NOW, "UTC").commitments]
    assert got == [("document", "SOC 2 report", "by Wednesday"), ("document", "SOW", "by Friday"),
                   ("document", "MSA redlines", "by Monday")]


@pytest.mark.parametrize(("text", "when"), [
    # A recap line headed by a meeting names the meeting's time.
    ("- Workshop: Tue, Mar 12 at 10am PT", "Tue, Mar 12 at 10am PT"),
    ("Kickoff call: Monday 3/11, 9am PT", "Monday 3/11, 9am PT"),
    ("Next call - Thursday 2pm ET", "Thursday 2pm ET"),
])
def test_a_line_headed_by_a_meeting_confirms_its_time(text: str, when: str) -> None:
    got = [(c.kind, c.rule, c.when.text if c.when else None) for c in extract(text, NOW, "UTC").commitments]
    assert got == [("meeting", "meeting-confirmed", when)]


@pytest.mark.parametrize("text", ["Meeting: none scheduled yet.", "Call - 555 1234"])
def test_a_meeting_heading_without_a_time_confirms_nothing(text: str) -> None:
    assert extract(text, NOW, "UTC").commitments == ()


def test_a_labelled_line_is_its_own_clause() -> None:
    # A recap written without bullets or full stops: each "Label: ..." line is an item.
    text = ("Phase 1 (Jan 4 - Jan 22): onboarding and data connection\n"
            "Phase 2 (Jan 25 - Mar 5): pilot with two regional teams\n"
            "Pricing: the pilot fee is waived, and the year-one license comes in at 14% off list.\n")
    got = [(c.kind, c.object, c.amount) for c in extract(text, NOW, "UTC").commitments if c.kind == "price"]
    assert got == [("price", "pilot fee", None), ("price", "14% off", 14.0)]
    # A colon that ends its line introduces the lines after it, and a lower-case line goes on.
    assert len(clauses(get_nlp()("Here is the plan:\nwe start Monday and finish Friday."))) == 1


def test_each_list_item_is_its_own_clause() -> None:
    # A recap in a list: each item is judged alone, without its marker, and ";" is not part of the clause after it.
    text = ("Here's where we landed:\n- Pilot kickoff: Monday, Jan 11 at 9:30am ET\n"
            "- Security review: I'll send the SIG Lite by Friday\n2. Pricing: list price; net 45 payment terms")
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.text) for c in result.commitments] == [
        ("meeting", "Pilot kickoff: Monday, Jan 11 at 9:30am ET"),  # a meeting noun labels the time
        ("document", "Security review: I'll send the SIG Lite by Friday"),
        ("price", "net 45 payment terms"),
    ]
    for c in result.commitments:
        assert text[c.start:c.end] == c.text


def test_items_under_a_line_of_what_we_can_do_are_offers() -> None:
    # Written as orders, offered: not requests of the reader.
    text = ("For renewal, here's what I can do:\n* Keep you on the 2024 rate of $31/seat for 250 seats\n"
            "* Add 25 seats at no charge through March 31\n\nThanks")
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.text) for c in result.commitments if c.kind == "price"] == [
        ("price", "Keep you on the 2024 rate of $31/seat for 250 seats"),
        ("price", "Add 25 seats at no charge through March 31")]
    assert not result.requests
    # Under a line of what the reader must do, the orders stay requests.
    text = "Here's what we need from you:\n- Sign the order form by Friday\n- Send the PO to billing"
    result = extract(text, NOW, "UTC")
    assert len(result.requests) == 2 and not result.commitments


def test_so_after_a_comma_opens_a_clause() -> None:
    # The past tense of the first half does not make the promise after ", so" a past event.
    text = "We hit a snag with the SSO cutover last night, so we're moving the go-live to Dec 9."
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.text) for c in result.commitments] == [("date", "so we're moving the go-live to Dec 9.")]
    text = "We hit a snag with the SSO cutover last night,\nso we're moving the go-live to Dec 9."
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.text) for c in result.commitments] == [("date", "so we're moving the go-live to Dec 9.")]
    # ", so that" is a purpose, not a new clause.
    text = "I'll send the W-9 today, so that you can set us up as a vendor."
    assert [c.text for c in extract(text, NOW, "UTC").commitments] == [text]


@pytest.mark.parametrize(("text", "expected"), [
    # The opening condition is the reader's part: Tom's list is no document we promise, and the promise's own
    # time is its `when`.
    ("And if Tom can share the list of required integrations by next Wednesday, our SE will scope the connectors "
     "before the holidays.", ("deadline", "commit-will", True, "before the holidays")),
    ("If the sync needs to finish before 6am ET, we can schedule the export at midnight.",
     ("date", "commit-can", True, "midnight")),
    # With no time of its own (a length is none), the offer runs until the condition's.
    ("If you sign by Friday, we can do 15% for the first year.", ("price", "price-amount", True, "by Friday")),
    # "If you'd like to discuss it" wishes for what the promise offers: its words still count.
    ("If you'd like to discuss it further, I'd be happy to set up a call.", ("meeting", "meeting-verb", True, None)),
])
def test_an_opening_condition_is_not_what_we_promise(text: str, expected: tuple[str, str, bool, str | None]) -> None:
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.rule, c.conditional, c.when.text if c.when else None) for c in result.commitments] \
        == [expected]


def test_and_before_a_subject_of_ours_opens_a_second_promise() -> None:
    # Each promise keeps its own time: the walkthrough is next Tuesday, not by Friday.
    text = "I'll send the MSA redlines by Friday, and our SE will walk your team through the sandbox next Tuesday."
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.when.text if c.when else None) for c in result.commitments] == [
        ("document", "by Friday"), ("meeting", "next Tuesday")]
    # After an opening condition both promises hang on it: one clause, conditional.
    text = "If you sign by Friday, we'll waive the setup fee, and we'll add 10 seats at no cost."
    result = extract(text, NOW, "UTC")
    assert [(c.object, c.conditional, c.when.text if c.when else None) for c in result.commitments] == [
        ("setup fee", True, "by Friday"), ("10 seats", True, "by Friday")]
    # Hard-wrapped mail may end the line after the comma: the break is the same.
    text = "We're meeting with your CFO on the 22nd to walk through the business case,\nand I'll visit your Chicago " \
        "office on the 28th for the admin training."
    result = extract(text, NOW, "UTC")
    assert [(c.kind, c.when.text if c.when else None) for c in result.commitments] == [
        ("meeting", "the 22nd"), ("meeting", "the 28th")]
    # ", and" before anything else joins one clause.
    text = "We support SAML, and SCIM provisioning is on the roadmap for Q3."
    assert len({(c.start, c.end) for c in extract(text, NOW, "UTC").commitments}) == 1


def test_a_dash_before_i_or_we_opens_a_clause() -> None:
    # The dash is in neither clause; a dash inside a range ("Dec 9-11") cuts nothing.
    text = "Thanks for your patience — I'll send the SIG Lite by Friday."
    assert [c.text for c in extract(text, NOW, "UTC").commitments] == ["I'll send the SIG Lite by Friday."]
    text = "I'll be on site Dec 9-11 and can walk your team through the rollout."
    assert [c.text for c in extract(text, NOW, "UTC").commitments] == [text]
    # After an opening condition the dash splits nothing: the offer hangs on it.
    result = extract("If you sign by Friday - we can do 15%.", NOW, "UTC")
    assert [(c.kind, c.conditional, c.when.text if c.when else None) for c in result.commitments] == [
        ("price", True, "by Friday")]
    # A question that opens with "When are we" sets no condition: the dash still splits.
    text = "When are we going to start practicing - we need to get a team together."
    assert [c.text for c in extract(text, NOW, "UTC").commitments] == ["we need to get a team together."]
    text = "We could meet at a non-I-House place on Friday."  # a hyphen inside a word
    assert [c.text for c in extract(text, NOW, "UTC").commitments] == [text]


def test_offsets_index_the_original_text() -> None:
    text = "Hi Dana,\n\nThanks for today.  I'll send the MSA by Friday.\n\n> old: I'll send it.\nCould you sign?"
    commitments, requests = _run(text)
    assert [c.text for c in commitments] == ["I'll send the MSA by Friday."]
    assert [r.text for r in requests] == ["Could you sign?"]
    for c in commitments + requests:
        assert text[c.start : c.end] == c.text


@pytest.mark.parametrize("text", [
    "Rest assured, our support team is available 24/7 and responds within an hour.",
    "Rest assured, our support team is available\n24/7 and responds within an hour.",  # (hard-wrapped)
    "Our team is available around the\nclock, and responds within 2 hours.",
])
def test_a_service_available_24_7_offers_no_slot(text: str) -> None:
    # "available" with a time in the clause read as a meeting slot "within an hour" before.
    from promisegate.extract import extract

    assert [c.kind for c in extract(text, NOW, "UTC").commitments] == ["price"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("Do you have 30 minutes to walk through the proposal?", ["meeting"]),
    ("Do you have 15 minutes to chat tomorrow?", ["meeting"]),
    ("Could you find 30 minutes to review the deck?", []),
])
def test_time_asked_for_a_task_of_the_readers_is_no_meeting(text: str, kinds: list[str]) -> None:
    # With the time tagger, where "30 minutes" is a time: it proposed a meeting 30 minutes from now before.
    from promisegate.extract import extract

    assert [c.kind for c in extract(text, NOW, "UTC").commitments] == kinds


def test_one_thing_named_by_two_patterns_is_one_promise() -> None:
    # "here's a summary" and "attached" each made the same document promise.
    commitments, _ = _run("Here's a summary of the pilot results, attached.")
    assert [(c.kind, c.object) for c in commitments] == [("document", "pilot results")]


@pytest.mark.parametrize(("text", "kinds"), [
    # What is asked "whether" is an open question: only the promise to answer is made.
    ("Our standard is net 30, but I've asked finance whether we can stretch to net 45 and will let you know by "
     "Tuesday.", [("price", "net 30"), ("deadline", None)]),
    ("I'll check whether we can offer 20% off.", [("other", None)]),
    ("Let me confirm whether the SOC 2 report can be shared.", [("other", None)]),
    # ("whether Tuesday or Wednesday" offers a choice of slots)
    ("Let me know whether Tuesday or Wednesday works better.", [("meeting", None)]),
    # ("whether" set off by a comma opens a condition, and what follows is offered)
    ("Whether you pick the annual or the monthly plan, onboarding is free.", [("price", "onboarding")]),
])
def test_a_claim_asked_whether_is_no_offer(text: str, kinds: list[tuple[str, str | None]]) -> None:
    from promisegate.extract import extract

    assert [(c.kind, c.object) for c in extract(text, NOW, "UTC").commitments] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("We have a SOC 2 report. I can send it over tomorrow.", [("capability", "SOC 2"), ("document", "SOC 2 report")]),
    # With no document before it, "it" is nothing we know: a bare promise.
    ("I'll send it over tomorrow.", [("other", None)]),
    ("Thanks for your note.\n\nOur pricing sheet is attached. I'll send it to legal too.",
     [("document", "pricing sheet"), ("document", "pricing sheet")]),
    ("Thanks for the pricing sheet.\n\nI'll send it over tomorrow.", [("other", None)]),
])
def test_send_it_sends_the_document_named_before(text: str, kinds: list[tuple[str, str | None]]) -> None:
    commitments, _ = _run(text)
    assert [(c.kind, c.object) for c in commitments] == kinds


@pytest.mark.parametrize(("text", "objects"), [
    # A promise for each document listed: each is checked against what the deal may share.
    ("I'll send the SOW and the MSA.", ["SOW", "MSA"]),
    ("Attached: updated pricing, the DPA, and our sub-processor list.", ["pricing", "DPA", "sub-processor list"]),
    ("I'll send the deck, the pricing sheet and the case study by Friday.", ["deck", "pricing sheet", "case study"]),
    # A list before "are attached / linked below" is read from its first name; "I've linked / included X below".
    ("The data processing addendum and our sub-processor list are both linked below.",
     ["data processing addendum", "sub-processor list"]),
    ("The SOW, the MSA and the DPA are attached.", ["SOW", "MSA", "DPA"]),
    ("I've linked our security whitepaper below.", ["security whitepaper"]),
    ("The team and the pricing sheet are linked below.", ["pricing sheet"]),
    # What "I've included / shared" takes is the first name after it, not the last ("for reference").
    ("I have included the SOW here for reference.", ["SOW"]),
    # "share it" after a document already promised in the clause promises nothing more; a document word before a
    # meeting ("your budget meeting") names no document.
    ("I'll put together a business case with ROI numbers and share it before your budget meeting on the 12th.",
     ["business case"]),
    # A document the reader shares in a condition is the reader's part, no promise of ours.
    ("We'll match the competitor's price if you can share their quote.", []),
    ("Once you share the requirements doc, we'll send a proposal.", ["proposal"]),
    # Not a list: a document after "once", after a clause of its own, or a list with no "and".
    ("I'll send the proposal once the contract is signed.", ["proposal"]),
    ("I'll send the SOW, and our team will review the MSA.", ["SOW"]),
    ("We added search inside documents attached to notes, added PDF annotation and new tools.", ["notes"]),
])
def test_each_document_of_a_list_is_promised(text: str, objects: list[str]) -> None:
    commitments, _ = _run(text)
    assert [c.object for c in commitments if c.kind == "document"] == objects


def test_a_follow_up_email_is_no_meeting() -> None:
    # "follow-up" is a meeting noun ("schedule a follow-up"), but not before "email", "questions" and the like.
    from promisegate.extract import extract

    assert [c.kind for c in extract("I'll send a follow-up email tomorrow.", NOW, "UTC").commitments] == ["date"]
    assert [c.kind for c in extract("Let's book a follow-up call for Monday.", NOW, "UTC").commitments] == ["meeting"]


def test_meeting_the_readers_requirements_is_no_meeting() -> None:
    # "meet your security ..." was a meeting with the reader's security people.
    commitments, _ = _run("We'll be able to meet your security requirements.")
    assert [c.kind for c in commitments] == ["capability"]


def test_a_slot_offered_if_another_does_not_work_is_no_condition() -> None:
    from promisegate.extract import extract

    [c] = extract("If Tuesday at 3 doesn't work, I'm also free Wednesday morning.", NOW, "UTC").commitments
    assert (c.kind, c.conditional, c.when.text if c.when else None) == ("meeting", False, "Wednesday morning")


@pytest.mark.parametrize(("text", "conditional"), [
    # "If it would help" offers outright: a courtesy, no condition to meet.
    ("If it would help, I can also set up office hours next week for your admins.", False),
    ("If that's helpful, I can send the deck.", False),
    ("If you sign by Friday, we can do 15%.", True),
])
def test_a_courtesy_if_sets_no_condition(text: str, conditional: bool) -> None:
    commitments, _ = _run(text)
    assert [c.conditional for c in commitments] == [conditional]


@pytest.mark.parametrize(("text", "kind"), [
    # A meeting named in the promise's own words dates it too ("expect a call from <a name>").
    ("Expect a call from Dana on the 22nd.", "meeting"),
    ("I'll call again on Friday.", "meeting"),
    ("Expect a follow-up from our team on the 22nd.", "date"),
    # A promise dated by the meeting next to its time is that meeting, checked against the calendars.
    ("I'll loop in our solutions architect for a deep dive next Thursday.", "meeting"),
    ("I'll bring our architect to the call next Thursday.", "meeting"),
    ("I'll add Priya to the Tuesday call.", "meeting"),
    ("We can offer the seminar / discussion session on Monday, March 18, at 3:30.", "meeting"),
    # The reader's meeting, and work named like a meeting ("the review"), are not ours to check.
    ("I'll add Priya to your Tuesday call.", "date"),
    ("I'll prep for your meeting on Monday.", "date"),
    ("I'll include our security lead in the review on Monday.", "date"),
])
def test_a_promise_dated_by_a_meeting_is_that_meeting(text: str, kind: str) -> None:
    from promisegate.extract import extract

    assert [c.kind for c in extract(text, NOW, "UTC").commitments] == [kind]


@pytest.mark.parametrize(("text", "when"), [
    # A hold put on our calendar is a meeting offered for that time.
    ("I've put a hold on Dana's calendar for Tue 3/12 at 10am PT.", "Tue 3/12 at 10am PT"),
    ("Dana's calendar is blocked for you on the 12th.", "the 12th"),
    ("Dana blocked off the 12th for your team.", "the 12th"),
    ("Tentatively booked: Mar 12, 10-11am PT.", "Mar 12, 10-11am PT"),
])
def test_a_hold_on_our_calendar_is_a_meeting(text: str, when: str) -> None:
    got = [(c.kind, c.when.text if c.when else None) for c in extract(text, NOW, "UTC", ours={"dana"}).commitments]
    assert got == [("meeting", when)]


@pytest.mark.parametrize("text", ["The road was blocked off on Tuesday.", "My calendar is blocked all week."])
def test_a_blocked_road_or_a_full_week_offers_no_meeting(text: str) -> None:
    assert extract(text, NOW, "UTC").commitments == ()


@pytest.mark.parametrize(("text", "when"), [
    # "can be <done>" with a time after it ("in January") dates it, as "by January" does.
    ("SSO can be enabled for you in January.", "January"),
    ("The part can be shipped on Monday.", "Monday"),
])
def test_what_can_be_done_at_a_time_is_dated(text: str, when: str) -> None:
    got = [(c.kind, c.when.text if c.when else None) for c in extract(text, NOW, "UTC").commitments]
    assert got == [("date", when)]


@pytest.mark.parametrize(("text", "when"), [
    # Questions that ask whether the reader can meet at a time propose it.
    ("Any chance you could make Dec 22 at 10 PT?", "Dec 22 at 10 PT"),
    ("Could your team make the 22nd?", "the 22nd"),
    ("Are you open to a session on the 22nd?", "the 22nd"),
    ("What does your calendar look like on the 22nd?", "the 22nd"),
])
def test_a_question_whether_the_reader_can_meet_proposes_the_time(text: str, when: str) -> None:
    now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    got = [(c.kind, c.when.text if c.when else None) for c in extract(text, now, "UTC").commitments]
    assert got == [("meeting", when)]


@pytest.mark.parametrize("text", ["Are you open to feedback?", "What does the roadmap look like?",
                                  "We are open to a discussion on pricing."])
def test_openness_with_no_meeting_or_time_proposes_nothing(text: str) -> None:
    assert extract(text, NOW, "UTC").commitments == ()


def test_an_inline_answer_takes_the_meeting_of_the_question_it_answers() -> None:
    text = "Answers inline:\n\n> Can Dana join our board meeting on March 28?\nShe can, I've confirmed with her.\n"
    [c] = extract(text, NOW, "UTC", ours={"dana"}).commitments
    assert (c.kind, c.when.text if c.when else None) == ("meeting", "March 28")
    # A question with no meeting, and an answer with a time of its own, keep their own reading.
    text = "> Can you send the report by March 28?\nI can, yes.\n"
    assert [c.kind for c in extract(text, NOW, "UTC").commitments] == ["other"]
    text = "> Can Dana join our board meeting on March 28?\nShe can do March 29 instead.\n"
    [c] = extract(text, NOW, "UTC", ours={"dana"}).commitments
    assert c.when is not None and c.when.text == "March 29"


@pytest.mark.parametrize(("text", "when"), [
    # "can do" a day offers it, however the day is written, and with "both" / "also" between.
    ("I can do the 22nd.", "the 22nd"),
    ("We can do Dec 22.", "Dec 22"),
    ("Dana and I can both do the 22nd.", "the 22nd"),
])
def test_can_do_a_day_offers_it(text: str, when: str) -> None:
    now = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
    got = [(c.kind, c.rule, c.when.text if c.when else None) for c in extract(text, now, "UTC").commitments]
    assert got == [("meeting", "meeting-slot-offered", when)]


def test_a_colleague_named_with_an_aside_still_promises() -> None:
    text = "Dana (our SE) will send the deck on Monday."
    assert [c.rule for c in extract(text, NOW, "UTC", ours={"dana"}).commitments] == ["document-send"]
    assert extract(text, NOW, "UTC").commitments == ()


@pytest.mark.parametrize(("text", "kinds"), [
    # A price word that opens a price promise names no document ("get price protection").
    ("You'll get price protection for three years.", ["price"]),
    # A day's thing ("today's pricing") is no slot on that day.
    ("We'll lock in today's pricing through 2028.", ["price"]),
    ("Let's lock in Tuesday for the call.", ["meeting"]),
])
def test_a_price_promise_is_not_also_a_document_or_a_slot(text: str, kinds: list[str]) -> None:
    commitments, _ = _run(text)
    assert [c.kind for c in commitments] == kinds
