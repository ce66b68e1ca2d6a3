"""Context a promise is judged against: calendars, deals and the ledger of earlier promises.

Each outside system sits behind a one-method Protocol; `promisegate.testing` ships
in-memory fakes for unit tests, and end-to-end tests use the real sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING, Protocol

from promisegate.model import Commitment

if TYPE_CHECKING:
    from promisegate.context.deals import Deal
    from promisegate.parse import ParsedMessage


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Weekdays (0=Monday) and the local start/end of a person's working day."""

    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    start: time = time(9, 0)
    end: time = time(17, 30)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone whose calendar matters: an SE, an approver, an attendee."""

    email: str
    name: str = ""
    timezone: str = "UTC"
    working_hours: WorkingHours = field(default_factory=WorkingHours)
    calendars: tuple[str, ...] = ()  # source names from people.yaml

    @property
    def display(self) -> str:
        return self.name or self.email


@dataclass(frozen=True, slots=True)
class BusyInterval:
    """A span of time a person cannot be booked, with what it is for the explanation."""

    start: datetime
    end: datetime
    summary: str = "busy"
    all_day: bool = False
    source: str = ""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    """A commitment already released to a customer on a deal."""

    deal_id: str
    queue_id: str
    recorded_at: datetime
    commitment: Commitment
    subject: str = ""


class CalendarSource(Protocol):
    """Busy time of a person; raises CalendarUnavailable when it cannot say."""

    def busy(self, person: Person, start: datetime, end: datetime) -> Sequence[BusyInterval]: ...


class DealSource(Protocol):
    """The deal a message belongs to, or None."""

    def for_message(self, message: ParsedMessage) -> Deal | None: ...


class LedgerView(Protocol):
    """Promises already made on a deal."""

    def entries(self, deal_id: str) -> Sequence[LedgerEntry]: ...
