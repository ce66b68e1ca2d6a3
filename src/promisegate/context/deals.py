"""Deals (deals/*.yaml): what has been agreed with a customer, and which mail belongs to which deal.

The schema is documented in docs/context.md; every key is validated and an unknown
key or bad value raises ConfigError naming the file and line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from promisegate.context import LedgerEntry, Person
from promisegate.errors import NotFound

if TYPE_CHECKING:
    from promisegate.parse import ParsedMessage

DocumentStatus = Literal["shareable", "restricted", "needs-nda", "not-yet-available"]
DOCUMENT_STATUSES: tuple[DocumentStatus, ...] = ("shareable", "restricted", "needs-nda", "not-yet-available")
STAGES = ("prospect", "discovery", "evaluation", "pilot", "negotiation", "renewal", "closed-won", "closed-lost")
# Words that name the kind of a document rather than which one it is.
_GENERIC = {"the", "our", "a", "an", "of", "latest", "current", "copy", "full", "your", "final", "updated",
            "new", "and", "for", "report", "document", "doc", "docs", "documentation", "pdf", "file", "deck",
            "sheet", "summary", "overview", "version", "v", "my", "this", "that", "its", "whole"}


@dataclass(frozen=True)
class Contact:
    """A person at the customer."""

    email: str
    name: str = ""
    role: str = ""


@dataclass(frozen=True)
class AgreedDate:
    """A date agreed with the customer: promises must not fall before `not_before` or after `not_after`."""

    name: str
    not_before: date | None = None
    not_after: date | None = None
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True)
class DealDocument:
    """A document the customer may ask for, and whether it may be promised."""

    name: str
    status: DocumentStatus = "shareable"
    aliases: tuple[str, ...] = ()
    available_from: date | None = None  # for not-yet-available documents
    note: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class PriceItem:
    """A product on the price list, its list price and the lowest price allowed without approval."""

    item: str
    price: float
    aliases: tuple[str, ...] = ()
    per: str = ""  # "year", "month", "seat / month"
    floor: float | None = None


@dataclass(frozen=True)
class PricingLimits:
    """What the agent may offer on price."""

    currency: str = "USD"
    max_discount_percent: float | None = None
    items: tuple[PriceItem, ...] = ()
    payment_days: int | None = None  # the deal's payment terms ("net 30" is 30); longer ones need approval
    approved_concessions: tuple[str, ...] = ()  # keywords of concessions the SE has approved ("free onboarding")

    def floor_of(self, item: PriceItem) -> float | None:
        if item.floor is not None:
            return item.floor
        if self.max_discount_percent is not None:
            return round(item.price * (1 - self.max_discount_percent / 100), 2)
        return None


@dataclass(frozen=True)
class RestrictedTopic:
    """A subject the agent must not commit on without a human (legal, security, roadmap, ...)."""

    name: str
    keywords: tuple[str, ...]
    note: str = ""


@dataclass(frozen=True)
class Deal:
    """One customer deal: owner SE, contacts, and everything agreed so far."""

    id: str
    name: str
    owner: Person
    approvers: tuple[str, ...]  # emails, owner first
    stage: str = "discovery"
    customer: str = ""
    domains: tuple[str, ...] = ()
    contacts: tuple[Contact, ...] = ()
    agreed_dates: tuple[AgreedDate, ...] = ()
    documents: tuple[DealDocument, ...] = ()
    nda_on_file: bool = False
    pricing: PricingLimits = field(default_factory=PricingLimits)
    restricted_topics: tuple[RestrictedTopic, ...] = ()
    existing_commitments: tuple[LedgerEntry, ...] = ()
    source: str = ""  # file the deal was read from

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.owner.timezone)

    @property
    def contact_emails(self) -> frozenset[str]:
        return frozenset(c.email for c in self.contacts)

    def find_document(self, text: str) -> DealDocument | None:
        """The deal document `text` names ("SOC 2 report" finds "SOC 2 Type II report"), or None."""
        return match_document(text, self.documents)

    def find_document_named(self, text: str) -> DealDocument | None:
        """The deal document whose full name or alias appears as a phrase in `text` (strict match)."""
        padded = f" {normalise(text)} "
        hits = [(len(normalise(n)), d) for d in self.documents for n in d.names
                if normalise(n) and f" {normalise(n)} " in padded]
        return max(hits, key=lambda h: h[0])[1] if hits else None

    def find_price_item(self, text: str) -> PriceItem | None:
        """The price-list item named in `text`, or None."""
        low = normalise(text)
        for item in self.pricing.items:
            if any(normalise(n) and normalise(n) in low for n in (item.item, *item.aliases)):
                return item
        return None


def normalise(text: str) -> str:
    """Lower-case words separated by single spaces; "SOC2" and "SOC 2" both become "soc 2"."""
    text = re.sub(r"(?<=[a-z])(?=\d)|(?<=\d)(?=[a-z])", " ", text.lower())
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _tokens(text: str) -> set[str]:
    return set(normalise(text).split())


def match_document(text: str, documents: Iterable[DealDocument]) -> DealDocument | None:
    """Best document for a name as written: an exact name or alias, then a phrase inside the text,
    then the written words (minus generic ones) all appearing in one document's name or aliases."""
    docs = list(documents)
    low = normalise(text)
    if not low:
        return None
    padded = f" {low} "
    for doc in docs:
        if any(normalise(n) == low for n in doc.names):
            return doc
    best: tuple[int, DealDocument] | None = None
    for doc in docs:
        for n in doc.names:
            nn = normalise(n)
            if nn and f" {nn} " in padded and (best is None or len(nn) > best[0]):
                best = (len(nn), doc)
    if best:
        return best[1]
    words = _tokens(text) - _GENERIC
    if not words:
        return None
    for doc in docs:
        if any(words <= _tokens(n) for n in doc.names):
            return doc
    # Extra words around a full name ("your SOC 2 Type II audit"): every distinctive word of a name is there.
    for doc in docs:
        if any((_tokens(n) - _GENERIC) and (_tokens(n) - _GENERIC) <= words for n in doc.names):
            return doc
    return None


class DealBook:
    """All deals, and which one a message belongs to (the DealSource)."""

    def __init__(self, deals: Iterable[Deal]) -> None:
        self._deals = {d.id: d for d in deals}

    def all(self) -> list[Deal]:
        return list(self._deals.values())

    def get(self, deal_id: str) -> Deal:
        """The deal with this id (case-insensitive); raises NotFound."""
        deal = self._deals.get(deal_id) or next(
            (d for d in self._deals.values() if d.id.lower() == deal_id.strip().lower()), None)
        if deal is None:
            raise NotFound(f"no deal {deal_id!r}")
        return deal

    def for_message(self, message: ParsedMessage) -> Deal | None:
        """X-Promisegate-Deal header first; else the deal whose contacts, then domains, the recipients hit.

        Ties go to the deal with more recipients matched, then open deals over closed ones, then id order.
        """
        if message.deal_header:
            try:
                return self.get(message.deal_header)
            except NotFound:
                return None
        rcpts = [r.lower() for r in message.recipients]
        scored: list[tuple[int, int, int, str, Deal]] = []
        for deal in self._deals.values():
            contacts = sum(1 for r in rcpts if r in deal.contact_emails)
            domains = sum(1 for r in rcpts if _domain_matches(r.rpartition("@")[2], deal.domains))
            if contacts or domains:
                open_deal = 0 if deal.stage.startswith("closed") else 1
                scored.append((contacts, domains, open_deal, deal.id, deal))
        if not scored:
            return None
        scored.sort(key=lambda t: (-t[0], -t[1], -t[2], t[3]))
        return scored[0][4]


def _domain_matches(domain: str, domains: Iterable[str]) -> bool:
    return any(domain == d or domain.endswith("." + d) for d in domains)


def load_deals(directory: Path, people: Mapping[str, Person], default_tz: str = "UTC") -> DealBook:
    """Read and validate every deals/*.yaml (see `deal_files`); raises ConfigError with file:line."""
    from promisegate.context.deal_files import load_deals as _load

    return _load(directory, people, default_tz)
