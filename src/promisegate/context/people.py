"""people.yaml: who the SEs and colleagues are, their zones, working hours and calendars."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import time
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from promisegate.context import Person, WorkingHours
from promisegate.context.yamlfile import Node, root

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
PERSON_KEYS = ("email", "name", "timezone", "working_hours", "calendars")
CALENDAR_KEYS = ("ics", "url", "caldav", "username", "password", "password_env", "timezone")


@dataclass(frozen=True)
class CalendarSpec:
    """One named calendar from people.yaml: exactly one of `ics` (path), `url` or `caldav`."""

    name: str
    kind: str  # "ics" | "url" | "caldav"
    location: str  # resolved path, ICS URL or CalDAV collection URL
    timezone: str = ""  # zone for floating times and all-day events; default: the owner's zone
    username: str = ""
    password: str = ""


@dataclass
class PeopleDirectory:
    """Everything people.yaml says: people by lower-case email, calendars by name."""

    people: dict[str, Person] = field(default_factory=dict)
    calendars: dict[str, CalendarSpec] = field(default_factory=dict)
    internal_domains: tuple[str, ...] = ()


def zone_name(node: Node, default: str) -> str:
    """A valid IANA zone name from `node`, or `default` when absent."""
    name = node.text(default)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise node.error(f"unknown time zone {name!r}") from exc
    return name


def parse_working_hours(node: Node) -> WorkingHours:
    """`{days: [mon, ...], start: "09:00", end: "17:30"}`; missing keys take the defaults."""
    if node.value is None:
        return WorkingHours()
    node.mapping(("days", "start", "end"))
    default = WorkingHours()
    days = default.days
    if node.has("days"):
        picked = []
        for item in node.get("days").items():
            day = item.text().lower()[:3]
            if day not in DAYS:
                raise item.error(f"unknown weekday {item.value!r} (use mon..sun)")
            picked.append(DAYS.index(day))
        days = tuple(sorted(set(picked)))
    start = node.get("start").clock() if node.has("start") else default.start
    end = node.get("end").clock() if node.has("end") else default.end
    if end <= start and end != time(0, 0):
        raise node.error("working_hours end must be after start")
    return WorkingHours(days, start, end)


def parse_person(node: Node, default_tz: str) -> Person:
    """One person mapping (also used for a deal's inline `owner`)."""
    node.mapping(PERSON_KEYS, required=("email",))
    email = node.get("email").text().lower()
    if "@" not in email:
        raise node.get("email").error(f"not an email address: {email!r}")
    return Person(
        email=email,
        name=node.get("name").text(""),
        timezone=zone_name(node.get("timezone"), default_tz),
        working_hours=parse_working_hours(node.get("working_hours")),
        calendars=node.get("calendars").texts(),
    )


def _parse_calendar(name: str, node: Node, base: Path) -> CalendarSpec:
    node.mapping(CALENDAR_KEYS)
    kinds = [k for k in ("ics", "url", "caldav") if node.has(k)]
    if len(kinds) != 1:
        raise node.error("give exactly one of ics (path), url (ICS URL) or caldav (collection URL)")
    kind = kinds[0]
    location = node.get(kind).text()
    if kind == "ics":
        location = str((base / location).resolve()) if not Path(location).is_absolute() else location
    elif not location.startswith(("http://", "https://")):
        raise node.get(kind).error(f"expected an http(s) URL, got {location!r}")
    password = node.get("password").text("")
    if node.has("password_env"):
        password = os.environ.get(node.get("password_env").text(), "")
    tz = zone_name(node.get("timezone"), "") if node.has("timezone") else ""
    return CalendarSpec(name, kind, location, tz, node.get("username").text(""), password)


def load_people(path: Path, default_tz: str = "UTC") -> PeopleDirectory:
    """Read people.yaml; raises ConfigError with file:line on anything invalid."""
    top = root(path)
    if top.value is None:
        return PeopleDirectory()
    top.mapping(("people", "calendars", "internal_domains"))
    out = PeopleDirectory()
    cals = top.get("calendars")
    if cals.value is not None:
        cals.mapping(cals.value.keys() if isinstance(cals.value, dict) else ())
        for name in cals.value:
            out.calendars[name] = _parse_calendar(name, cals.get(name), path.parent)
    for item in top.get("people").items():
        person = parse_person(item, default_tz)
        if person.email in out.people:
            raise item.error(f"{person.email} is listed twice")
        for cal in person.calendars:
            if cal not in out.calendars:
                raise item.get("calendars").error(f"no calendar named {cal!r} under calendars:")
        out.people[person.email] = person
    domains = top.get("internal_domains").texts()
    out.internal_domains = tuple(d.lower() for d in domains) or tuple(
        sorted({p.email.split("@", 1)[1] for p in out.people.values()}))
    return out
