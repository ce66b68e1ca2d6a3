"""unapproved-concession: give-aways, price locks and longer payment terms hold unless the deal approved them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from promisegate.context.loader import ContextBundle
from promisegate.extract import extract
from promisegate.model import Commitment
from tests.context.conftest import NOW, message, run_rule

RULE = "unapproved-concession"


def promised(text: str) -> list[Commitment]:
    """The commitments the real extractor finds in `text`."""
    return list(extract(text, NOW, "America/Los_Angeles").commitments)


def held(world: ContextBundle, text: str, **kw: object) -> list[str]:
    return [f.message for f in run_rule(RULE, world, promised(text), msg=message(text=text), **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "told"), [
    ("We'll waive the implementation fee.", "Gives away “implementation fee”"),
    ("The first three months are on us.", "Gives away “first three months”"),
    ("Onboarding is on the house.", "Gives away “Onboarding”"),
    ("If you're not happy in the first 90 days we'll refund you in full.", "“refund you in full”"),
    ("We'll refund the difference.", "Gives away “difference”"),
    ("We'll lock in today's pricing through 2028.", "Promises to hold the price"),
    ("We won't raise your price at renewal.", "Promises to hold the price"),
    ("I can extend net-60 payment terms for you.", "Offers payment in 60 days"),
    ("We guarantee 99.99% uptime.", "Promises 99.99% uptime"),
])
def test_a_concession_nobody_approved_is_held(world: ContextBundle, text: str, told: str) -> None:
    [message_] = held(world, text)
    assert told in message_
    assert "approv" in message_


def test_a_listed_item_given_away_names_its_list_price(world: ContextBundle) -> None:
    [message_] = held(world, "We'll throw in premium support at no charge.")
    assert "The Premium support lists at $12,000/year." in message_


@pytest.mark.parametrize("text", [
    "The API is included in your plan at no extra cost.",   # what the plan gives everyone
    "Our quote is valid until December 31.",                # the quote's own validity
    "Payment terms are net 30.",                            # the standard terms
    "We can offer 10% off the Enterprise plan.",            # a discount: price-beyond-limit's job
    "Could you waive the late fee for us?",                 # the reader's ask, no promise
    "Our SLA is 99.9% availability.",                       # the standard service level
    "We've had 99.99% uptime over the last 12 months.",     # a track record, no promise
    "There's no charge to attend our customer webinar next month.",  # free for everyone (policy ignore list)
    "Parking at our office is free.",
])
def test_no_concession(world: ContextBundle, text: str) -> None:
    assert held(world, text) == []


def test_payment_terms_are_judged_against_the_deal(world: ContextBundle) -> None:
    acme = world.deals.get("acme-rollout")
    net60 = replace(acme, pricing=replace(acme.pricing, payment_days=60))
    assert held(world, "Net 60 works for us.", deal=net60) == []
    [message_] = held(world, "Net 90 works for us.", deal=net60)
    assert "the deal's terms are net 60" in message_


def test_a_concession_the_deal_approves_passes(world: ContextBundle) -> None:
    acme = world.deals.get("acme-rollout")
    approved = replace(acme, pricing=replace(acme.pricing, approved_concessions=("implementation fee",)))
    assert held(world, "We'll waive the implementation fee.", deal=approved) == []
    [message_] = held(world, "We'll waive the travel costs.", deal=approved)
    assert "the deal approves only implementation fee" in message_


def test_a_concession_already_released_on_the_deal_is_not_held_again(world: ContextBundle) -> None:
    first = "We'll waive the implementation fee."
    assert held(world, first)
    world.ledger.record("acme-rollout", "q1", promised(first), "Re: pricing", NOW)
    assert held(world, "As promised, we'll waive the implementation fee.") == []
    assert held(world, "We'll also waive the travel costs.")


def test_without_a_deal_the_standard_terms_apply(world: ContextBundle) -> None:
    assert held(world, "Net 30 is fine.", deal=None) == []
    [message_] = held(world, "Net 45 is fine.", deal=None)
    assert "standard terms are net 30" in message_


def test_a_service_level_is_no_discount_against_the_ledger(world: ContextBundle) -> None:
    """Acme's ledger holds 10% off; "99.99% uptime" was told as "Offers 99.99% off"."""
    assert run_rule("contradicts-ledger", world, promised("We guarantee 99.99% uptime.")) == []


def test_a_discount_in_the_deal_file_approves_no_give_away(world: ContextBundle) -> None:
    """Acme's deal file holds "10% off the Enterprise plan": that does not make the plan free."""
    [message_] = held(world, "We'll throw in the Enterprise plan at no charge for the first month.")
    assert "Gives away “Enterprise plan”" in message_
