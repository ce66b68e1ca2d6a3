"""Rules that check proposed meeting times against the calendars of the people who must attend."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

from promisegate.context import BusyInterval, Person
from promisegate.model import Commitment, Finding, TimeSpan
from promisegate.rules import RuleContext, register
from promisegate.rules.builtin import quote
from promisegate.rules.context_common import (
    fmt_busy,
    fmt_day,
    fmt_days,
    fmt_span,
    involved_people,
    proposals,
    question_answered,
)

_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _slot_limit(ctx: RuleContext) -> timedelta:
    """Proposals up to this long are specific slots; longer ones ("Tuesday") are whole days."""
    return timedelta(hours=float(ctx.params.get("max_slot_hours", 4)))


def _meetings(ctx: RuleContext) -> list[tuple[Commitment, TimeSpan]]:
    return [(c, span) for c in ctx.extraction.commitments if c.kind == "meeting" for span in proposals(c)]


def _hours_text(person: Person) -> str:
    wh = person.working_hours
    days = wh.days
    if days and list(days) == list(range(days[0], days[-1] + 1)) and len(days) > 1:
        day_text = f"{_DAY_NAMES[days[0]]}–{_DAY_NAMES[days[-1]]}"
    else:
        day_text = ", ".join(_DAY_NAMES[d] for d in days) or "no days"
    return f"{day_text} {wh.start:%H:%M}–{wh.end:%H:%M} {person.timezone}"


def outside_working_hours(person: Person, start: datetime, end: datetime) -> bool:
    """True when [start, end) is not wholly inside one of the person's working days, in their zone."""
    zone = ZoneInfo(person.timezone)
    s, e = start.astimezone(zone), end.astimezone(zone)
    wh = person.working_hours
    if s.weekday() not in wh.days:
        return True
    day_end = datetime.combine(s.date(), wh.end, zone) if wh.end != time(0) else \
        datetime.combine(s.date() + timedelta(days=1), time(0), zone)
    return s < datetime.combine(s.date(), wh.start, zone) or e > day_end


def _customer_words(ctx: RuleContext) -> frozenset[str]:
    """Words that name the deal's customer in a calendar entry: its company name and its contacts' names."""
    if ctx.deal is None:
        return frozenset()
    names = [ctx.deal.customer, *(c.name for c in ctx.deal.contacts)]
    return frozenset(w for n in names for w in _NAME_WORD.findall(n.lower())) - _GENERIC_NAME_WORDS


_NAME_WORD = re.compile(r"[^\W\d_]{3,}")


_GENERIC_NAME_WORDS = frozenset({"inc", "corp", "corporation", "ltd", "llc", "gmbh", "company", "group", "the", "and",
                                 "logistics", "systems", "software", "solutions", "technologies", "services",
                                 "holdings", "international", "global"})
_SAME_START = timedelta(minutes=15)
# What follows one of ours who will act ("Dana will", "Dana Lee can", "Dana is going to").
_ACTS = r"(?:will|'ll|’ll|can|is\s+going\s+to|plans\s+to|is\s+planning\s+to|would|should)\b"


def booked(iv: BusyInterval, start: datetime, customer: frozenset[str]) -> bool:
    """Whether the busy time `iv` is the proposed meeting itself, already on the calendar: it starts then and its
    title names the customer ("See you at the workshop on Monday at 1pm PT" and ‘Acme data mapping workshop’)."""
    return not iv.all_day and abs(iv.start - start) <= _SAME_START \
        and not customer.isdisjoint(_NAME_WORD.findall(iv.summary.lower()))


def _busy(ctx: RuleContext, person: Person, start: datetime, end: datetime) -> list[BusyInterval]:
    """The person's busy time in [start, end); none when no calendar is known for them."""
    return list(ctx.calendars.busy(person, start, end)) if ctx.calendars is not None and person.calendars else []


def _whole_day_block(busy: list[BusyInterval], start: datetime, end: datetime) -> BusyInterval | None:
    """An all-day or long interval (vacation, onsite) covering the day proposed."""
    for iv in busy:
        if (iv.all_day or iv.end - iv.start >= timedelta(hours=12)) and iv.start <= start and iv.end >= end:
            return iv
    return None


@register
class MeetingConflict:
    """A proposed meeting the SE (or a colleague on the mail) cannot attend."""

    name: ClassVar[str] = "meeting-conflict"
    description: ClassVar[str] = ("A proposed meeting time overlaps the owner's busy time or falls outside "
                                  "their working hours; or a promise has them act on a day they are away.")

    def check(self, ctx: RuleContext) -> list[Finding]:
        findings: list[Finding] = []
        people = involved_people(ctx)
        limit = _slot_limit(ctx)
        customer = _customer_words(ctx)
        spans: dict[int, tuple[Commitment, list[TimeSpan]]] = {}
        for c, span in _meetings(ctx):
            spans.setdefault(id(c), (c, []))[1].append(span)
        for c, proposed in spans.values():
            quoted = said(ctx, c)
            for person in people:
                # The alternatives of one proposal that clash for one reason are one finding, scored once: "Proposes
                # Mon 21 Dec 2026 or Tue 22 Dec 2026 (…); Dana Lee is away then: ‘Vacation (OOO)’ …".
                by_reason: dict[str, list[_Clash]] = {}
                for span in proposed:
                    clash = self._clash(ctx, span, person, limit, customer)
                    if clash is not None:
                        by_reason.setdefault(clash.reason, []).append(clash)
                for reason, clashes in by_reason.items():
                    whens = clashes[0].when if len(clashes) == 1 else \
                        ", ".join(k.when for k in clashes[:-1]) + f" or {clashes[-1].when}"
                    proposals_json = clashes[0].proposed if len(clashes) == 1 else [k.proposed for k in clashes]
                    findings.append(ctx.finding(
                        self, f"Proposes {whens} ({quoted}){reason}",
                        **clashes[0].extra, person=person.email, proposed=proposals_json, sentence=c.text))
        return findings + self._acts_while_away(ctx, people)

    def _acts_while_away(self, ctx: RuleContext, people: list[Person]) -> list[Finding]:
        """Other promises that have one of ours act on a day away: "Dana will send the updated implementation plan
        on the 22nd" in her vacation. Only whole days away count (her busy hours are for meetings)."""
        findings: list[Finding] = []
        meetings = {m.text for m in ctx.extraction.commitments if m.kind == "meeting"}  # (judged as meetings)
        for c in ctx.extraction.commitments:
            if c.kind == "meeting" or c.text in meetings or c.when is None \
                    or c.when.to - c.when.from_ > timedelta(days=1):
                continue
            for person in people:
                first = person.name.split()[0] if person.name else ""
                if not first or not re.search(rf"\b{re.escape(first)}\b(?:\s+\w+)?\s+{_ACTS}", c.text, re.IGNORECASE):
                    continue
                busy = _busy(ctx, person, c.when.from_, c.when.to)
                when = fmt_days(c.when.from_, c.when.to, ZoneInfo(person.timezone))
                clash = self._clash_days(c.when, person, busy, when, {"from": c.when.from_.isoformat(),
                                                                       "to": c.when.to.isoformat()})
                if clash is not None and "is away then" in clash.reason:
                    findings.append(ctx.finding(
                        self, f"Commits {person.display} on {when} ({said(ctx, c)}){clash.reason}",
                        **clash.extra, person=person.email, proposed=clash.proposed, sentence=c.text))
        return findings

    def _clash(self, ctx: RuleContext, span: TimeSpan, person: Person, limit: timedelta,
               customer: frozenset[str]) -> _Clash | None:
        """How `span` clashes with `person`'s time, if it does: the span as shown, and the reason after the quote.
        Busy time that is the meeting itself (`booked` for the `customer`'s words) is no clash."""
        zone = ZoneInfo(person.timezone)
        start, end = span.from_, span.to
        whole_day = end - start > limit
        busy = _busy(ctx, person, start, end)
        when = fmt_days(start, end, zone) if whole_day else fmt_span(start, end, zone)
        proposed = {"from": start.isoformat(), "to": end.isoformat()}
        if whole_day:
            return self._clash_days(span, person, busy, when, proposed)
        busy = [iv for iv in busy if not booked(iv, start, customer)]
        if busy:
            shown = "; ".join(f"‘{iv.summary}’ {fmt_busy(iv.start, iv.end, iv.all_day, zone)}" for iv in busy[:3])
            more = f" and {len(busy) - 3} more" if len(busy) > 3 else ""
            return _Clash(when, f"; {person.display} is busy then: {shown}{more}.", proposed,
                          {"busy": [_busy_json(iv) for iv in busy]})
        if outside_working_hours(person, start, end):
            return _Clash(when, f", outside {person.display}'s working hours ({_hours_text(person)}).", proposed,
                          {"working_hours": _hours_text(person)})
        return None

    def _clash_days(self, span: TimeSpan, person: Person, busy: list[BusyInterval], when: str,
                    proposed: dict[str, str]) -> _Clash | None:
        """A day-or-longer proposal ("Tuesday", "next week") conflicts when every working day in it
        is blocked by an all-day or long event (vacation, onsite), or when it has no working day."""
        zone = ZoneInfo(person.timezone)
        wh = person.working_hours
        day = span.from_.astimezone(zone).date()
        last = (span.to.astimezone(zone) - timedelta(microseconds=1)).date()
        blocks: list[BusyInterval] = []
        working = 0
        while day <= last and working < 15:
            if day.weekday() in wh.days:
                working += 1
                day_start = max(span.from_, datetime.combine(day, wh.start, zone))
                day_end = min(span.to, datetime.combine(day, wh.end, zone) if wh.end != time(0)
                              else datetime.combine(day + timedelta(days=1), time(0), zone))
                block = _whole_day_block(busy, day_start, max(day_end, day_start))
                if block is None:
                    return None
                if block not in blocks:
                    blocks.append(block)
            day += timedelta(days=1)
        if working == 0:
            return _Clash(when, f", which is not a working day for {person.display} ({_hours_text(person)}).",
                          proposed, {})
        shown = "; ".join(f"‘{b.summary}’ {fmt_busy(b.start, b.end, True, zone)}" for b in blocks)
        return _Clash(when, f"; {person.display} is away then: {shown}.", proposed,
                      {"busy": [_busy_json(b) for b in blocks]})


@dataclass(frozen=True)
class _Clash:
    """One proposed time that clashes: as shown ("Tue 1 Dec 15:00–16:00 PST"), the reason told after the quoted
    promise, the time as evidence, and the evidence of the reason (the busy events, the working hours)."""

    when: str
    reason: str
    proposed: dict[str, str]
    extra: dict[str, object]


def said(ctx: RuleContext, c: Commitment) -> str:
    """The promise as quoted to the approver, with the question it answers when its time is only there ("“She can,
    I've confirmed with her.”, answering “Can Dana join our board meeting on Dec 28?”")."""
    question = question_answered(ctx, c) if c.when is not None and c.when.start < c.start else ""
    return f"{quote(c.text)}, answering {quote(question, 80)}" if question else quote(c.text)


def _busy_json(iv: BusyInterval) -> dict[str, object]:
    return {"summary": iv.summary, "from": iv.start.isoformat(), "to": iv.end.isoformat(),
            "all_day": iv.all_day, "source": iv.source}


@register
class OvercommittedWeek:
    """A proposed meeting in a week the SE is already booked solid."""

    name: ClassVar[str] = "overcommitted-week"
    description: ClassVar[str] = "A proposed meeting lands in a week where the owner already has more than N meetings."

    def check(self, ctx: RuleContext) -> list[Finding]:
        if ctx.calendars is None:
            return []
        limit_n = int(ctx.params.get("max_meetings_per_week", 18))
        slot = _slot_limit(ctx)
        people = involved_people(ctx)[:1] if ctx.deal is not None else involved_people(ctx)
        findings: list[Finding] = []
        seen: set[tuple[str, object]] = set()
        customer = _customer_words(ctx)
        for c, span in _meetings(ctx):
            if span.to - span.from_ > slot:
                continue
            for person in people:
                if not person.calendars:
                    continue
                zone = ZoneInfo(person.timezone)
                local = span.from_.astimezone(zone)
                monday = datetime.combine(local.date() - timedelta(days=local.weekday()), time(0), zone)
                key = (person.email, monday.date())
                if key in seen:
                    continue
                week_end = datetime.combine(monday.date() + timedelta(days=7), time(0), zone)
                busy = ctx.calendars.busy(person, monday, week_end)
                meetings = [iv for iv in busy if not iv.all_day and iv.end - iv.start < timedelta(hours=12)]
                # (a meeting already on the calendar adds nothing to the week: "See you at the workshop on Monday")
                new = [s for _, s in _meetings(ctx) if monday <= s.from_ < week_end and s.to - s.from_ <= slot
                       and not any(booked(iv, s.from_, customer) for iv in meetings)]
                if span not in new:
                    continue
                proposed = len(new)
                total = len(meetings) + proposed
                if total > limit_n:
                    seen.add(key)
                    findings.append(ctx.finding(
                        self, f"Proposes {fmt_span(span.from_, span.to, zone)} ({quote(c.text)}); "
                              f"{person.display} already has {len(meetings)} meetings in the week of "
                              f"{fmt_day(monday)} (limit {limit_n}).",
                        person=person.email, week=monday.date().isoformat(), meetings=len(meetings),
                        proposed=proposed, limit=limit_n, sentence=c.text))
        return findings
