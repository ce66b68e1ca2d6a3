"""Read and validate deals/*.yaml into Deal values (schema in docs/context.md)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from promisegate.context import LedgerEntry, Person
from promisegate.context.deals import (
    DOCUMENT_STATUSES,
    STAGES,
    AgreedDate,
    Contact,
    Deal,
    DealBook,
    DealDocument,
    PriceItem,
    PricingLimits,
    RestrictedTopic,
)
from promisegate.context.people import parse_person
from promisegate.context.yamlfile import Node, root
from promisegate.errors import ConfigError
from promisegate.model import Commitment, TimeSpan

DEAL_KEYS = ("id", "name", "stage", "owner", "approvers", "customer", "agreed_dates", "nda_on_file",
             "documents", "pricing", "restricted_topics", "existing_commitments", "notes")
COMMITMENT_KINDS = ("date", "deadline", "meeting", "document", "price", "capability", "other")


def _contact(node: Node) -> Contact:
    if isinstance(node.value, str):
        return Contact(node.text().lower())
    node.mapping(("email", "name", "role"), required=("email",))
    return Contact(node.get("email").text().lower(), node.get("name").text(""), node.get("role").text(""))


def _agreed(node: Node) -> AgreedDate:
    node.mapping(("name", "not_before", "not_after", "keywords"), required=("name",))
    name = node.get("name").text()
    nb = node.get("not_before").day() if node.has("not_before") else None
    na = node.get("not_after").day() if node.has("not_after") else None
    if nb is None and na is None:
        raise node.error("an agreed date needs not_before or not_after")
    keywords = node.get("keywords").texts() or (name,)
    return AgreedDate(name, nb, na, keywords)


def _document(node: Node) -> DealDocument:
    node.mapping(("name", "aliases", "status", "available_from", "note"), required=("name", "status"))
    return DealDocument(
        node.get("name").text(), node.get("status").choice(DOCUMENT_STATUSES), node.get("aliases").texts(),
        node.get("available_from").day() if node.has("available_from") else None, node.get("note").text(""))


def _price_item(node: Node) -> PriceItem:
    node.mapping(("item", "aliases", "price", "per", "floor"), required=("item", "price"))
    return PriceItem(node.get("item").text(), node.get("price").number(), node.get("aliases").texts(),
                     node.get("per").text(""), node.get("floor").number() if node.has("floor") else None)


def _pricing(node: Node) -> PricingLimits:
    if node.value is None:
        return PricingLimits()
    node.mapping(("currency", "max_discount_percent", "list_prices", "payment_terms_days", "approved_concessions"))
    limit = node.get("max_discount_percent").number() if node.has("max_discount_percent") else None
    if limit is not None and not 0 <= limit <= 100:
        raise node.get("max_discount_percent").error("must be between 0 and 100")
    days = node.get("payment_terms_days").number() if node.has("payment_terms_days") else None
    if days is not None and (days < 0 or days != int(days)):
        raise node.get("payment_terms_days").error("must be a whole number of days (30 for net 30)")
    return PricingLimits(node.get("currency").text("USD").upper(), limit, node.get("list_prices").each(_price_item),
                         None if days is None else int(days), node.get("approved_concessions").texts())


def _topic(node: Node) -> RestrictedTopic:
    node.mapping(("name", "keywords", "note"), required=("name", "keywords"))
    keywords = node.get("keywords").texts()
    if not keywords:
        raise node.get("keywords").error("needs at least one keyword")
    return RestrictedTopic(node.get("name").text(), keywords, node.get("note").text(""))


def _day_span(text: str, first: date, last: date, zone: ZoneInfo) -> TimeSpan:
    start = datetime.combine(first, time(0), zone)
    end = datetime.combine(last + timedelta(days=1), time(0), zone)
    return TimeSpan(text, 0, len(text), start, end, "day")


def _existing(node: Node, deal_id: str, zone: ZoneInfo) -> LedgerEntry:
    node.mapping(("kind", "text", "object", "date", "from", "to", "amount", "unit", "made_on", "reference"),
                 required=("kind", "text"))
    kind = node.get("kind").choice(COMMITMENT_KINDS)
    text = node.get("text").text()
    when = None
    if node.has("date"):
        d = node.get("date").day()
        when = _day_span(str(d), d, d, zone)
    elif node.has("from") or node.has("to"):
        if not (node.has("from") and node.has("to")):
            raise node.error("give both from and to (or a single date)")
        when = _day_span("", node.get("from").day(), node.get("to").day(), zone)
    amount = node.get("amount").number() if node.has("amount") else None
    unit = node.get("unit").text("") or None
    if amount is not None and unit is None:
        raise node.get("amount").error('an amount needs a unit ("%", "USD", ...)')
    made = node.get("made_on").day() if node.has("made_on") else date(1970, 1, 1)
    commitment = Commitment(kind, text, 0, len(text), "deal-file", when,  # type: ignore[arg-type]
                            object=node.get("object").text("") or None, amount=amount, unit=unit)
    recorded = datetime.combine(made, time(12), zone).astimezone(UTC)
    return LedgerEntry(deal_id, node.get("reference").text("") or "deal file", recorded, commitment)


def parse_deal(top: Node, people: Mapping[str, Person], default_tz: str) -> Deal:
    """Validate one deal file's top node into a Deal."""
    top.mapping(DEAL_KEYS, required=("id", "name", "owner", "customer"))
    deal_id = top.get("id").text()
    owner_node = top.get("owner")
    if isinstance(owner_node.value, dict):
        owner = parse_person(owner_node, default_tz)
        known = people.get(owner.email)
        if known is not None and not owner.calendars:
            owner = Person(owner.email, owner.name or known.name, owner.timezone, owner.working_hours,
                           known.calendars)
    else:
        email = owner_node.text().lower()
        owner = people.get(email) or Person(email, timezone=default_tz)
        if email not in people:
            raise owner_node.error(f"owner {email} is not in people.yaml; add them there or inline here")
    customer = top.get("customer")
    customer.mapping(("name", "domains", "contacts"))
    domains = tuple(d.lower().lstrip("@") for d in customer.get("domains").texts())
    contacts = customer.get("contacts").each(_contact)
    if not domains and not contacts:
        raise customer.error("needs domains or contacts so mail can be matched to the deal")
    approvers = [owner.email]
    for a in top.get("approvers").texts():
        if a.lower() not in approvers:
            approvers.append(a.lower())
    zone = ZoneInfo(owner.timezone)
    return Deal(
        id=deal_id,
        name=top.get("name").text(),
        owner=owner,
        approvers=tuple(approvers),
        stage=top.get("stage").choice(STAGES, "discovery"),
        customer=customer.get("name").text(""),
        domains=domains,
        contacts=contacts,
        agreed_dates=top.get("agreed_dates").each(_agreed),
        documents=top.get("documents").each(_document),
        nda_on_file=top.get("nda_on_file").flag(False),
        pricing=_pricing(top.get("pricing")),
        restricted_topics=top.get("restricted_topics").each(_topic),
        existing_commitments=top.get("existing_commitments").each(lambda n: _existing(n, deal_id, zone)),
        source=str(top.path),
    )


def load_deals(directory: Path, people: Mapping[str, Person], default_tz: str = "UTC") -> DealBook:
    """Read every deals/*.yaml (and .yml); duplicate ids and invalid files raise ConfigError."""
    if not directory.is_dir():
        raise ConfigError("deals directory not found", str(directory))
    deals: dict[str, Deal] = {}
    for path in sorted([*directory.glob("*.yaml"), *directory.glob("*.yml")]):
        top = root(path)
        if top.value is None:
            continue
        deal = parse_deal(top, people, default_tz)
        if deal.id in deals:
            raise top.get("id").error(f"deal id {deal.id!r} is also used in {deals[deal.id].source}")
        deals[deal.id] = deal
    return DealBook(deals.values())
