"""Build the whole context (deals, people, calendars, ledger) from the settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from promisegate.context import Person
from promisegate.context.calendars import CachedCalendar, CacheTiming, CalendarFeed, Calendars, IcsPathFeed, IcsUrlFeed
from promisegate.context.deal_files import load_deals
from promisegate.context.deals import DealBook
from promisegate.context.ledger import Ledger
from promisegate.context.people import CalendarSpec, PeopleDirectory, load_people
from promisegate.errors import ConfigError

if TYPE_CHECKING:
    from promisegate.config import ContextSettings, Settings


@dataclass
class ContextBundle:
    """Everything the rules judge a message against; `close()` releases the ledger and sessions."""

    deals: DealBook
    people: dict[str, Person]
    calendars: Calendars
    ledger: Ledger
    internal_domains: tuple[str, ...] = ()
    directory: PeopleDirectory = field(default_factory=PeopleDirectory)

    def close(self) -> None:
        self.calendars.close()
        self.ledger.close()


def build_feed(spec: CalendarSpec, ctx: ContextSettings) -> CalendarFeed:
    """The feed for one people.yaml calendar entry."""
    if spec.kind == "ics":
        return IcsPathFeed(Path(spec.location))
    if spec.kind == "url":
        return IcsUrlFeed(spec.location, ctx.ics_url_hosts, ctx.calendar_timeout_seconds)
    from promisegate.context.caldav_source import CalDavFeed

    return CalDavFeed(spec.location, spec.username, spec.password, ctx.calendar_timeout_seconds)


def build_calendars(directory: PeopleDirectory, ctx: ContextSettings, source: str = "") -> Calendars:
    """One cached calendar per named source; zone = its own, else its first person's, else the default."""
    timing = CacheTiming(
        refresh_seconds=ctx.calendar_refresh_seconds,
        max_stale_seconds=ctx.calendar_max_stale_seconds,
        past=timedelta(days=ctx.calendar_window_past_days),
        future=timedelta(days=ctx.calendar_window_future_days),
    )
    zone_of: dict[str, str] = {}
    for person in directory.people.values():
        for name in person.calendars:
            zone_of.setdefault(name, person.timezone)
    cached: dict[str, CachedCalendar] = {}
    for name, spec in directory.calendars.items():
        try:
            feed = build_feed(spec, ctx)
        except ValueError as exc:
            raise ConfigError(f"calendars.{name}: {exc}", source or None) from exc
        zone = ZoneInfo(spec.timezone or zone_of.get(name) or ctx.default_timezone)
        cached[name] = CachedCalendar(feed, zone, timing)
    return Calendars(cached)


def load_context(settings: Settings) -> ContextBundle:
    """Read people.yaml and deals/*.yaml, set up the calendar caches and open the ledger.

    Calendars are read lazily on the first query (and refreshed after that), so a broken
    calendar holds the mail that needs it rather than stopping the relay.
    """
    ctx = settings.context
    directory = load_people(settings.people_path, ctx.default_timezone)
    deals = load_deals(settings.deals_path, directory.people, ctx.default_timezone)
    people = dict(directory.people)
    for deal in deals.all():  # inline owners count as people too
        people.setdefault(deal.owner.email, deal.owner)
    calendars = build_calendars(directory, ctx, str(settings.people_path))
    for deal in deals.all():
        for name in deal.owner.calendars:
            if name not in calendars.calendars:
                raise ConfigError(f"deal {deal.id}: owner calendar {name!r} is not defined in people.yaml",
                                  deal.source)
    ledger = Ledger(settings.data_path / "ledger.sqlite3")
    return ContextBundle(deals, people, calendars, ledger, directory.internal_domains, directory)
