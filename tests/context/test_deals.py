"""Deal and people files: the demo world loads, mail finds its deal, bad files name file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from promisegate.config import Settings
from promisegate.context.deal_files import load_deals
from promisegate.context.deals import match_document
from promisegate.context.loader import ContextBundle, load_context
from promisegate.context.people import load_people
from promisegate.errors import ConfigError, NotFound
from tests.context.conftest import FIXTURES, message


def test_demo_world_loads(world: ContextBundle) -> None:
    assert sorted(d.id for d in world.deals.all()) == ["acme-rollout", "globex-pilot", "initech-renewal"]
    acme = world.deals.get("acme-rollout")
    assert acme.owner.name == "Dana Lee" and acme.owner.timezone == "America/Los_Angeles"
    assert acme.approvers == ("dana.lee@brightline.example", "priya.shah@brightline.example")
    assert acme.pricing.max_discount_percent == 15 and acme.nda_on_file is False
    assert [e.commitment.kind for e in acme.existing_commitments] == ["price", "deadline", "document"]
    assert world.people["jonas.weber@brightline.example"].working_hours.start.hour == 9


@pytest.mark.parametrize(("to", "cc", "header", "expected"), [
    ("maria.gomez@acmelogistics.example", (), "", "acme-rollout"),
    ("someone.new@acmelogistics.example", (), "", "acme-rollout"),
    ("it@eu.globex.example", (), "", "globex-pilot"),
    ("gavin@hooli.example", (), "", None),
    ("gavin@hooli.example", (), "Initech-Renewal", "initech-renewal"),
    ("maria.gomez@acmelogistics.example", (), "no-such-deal", None),
    ("priya.shah@brightline.example", ("bill.lumbergh@initech.example",), "", "initech-renewal"),
])
def test_message_matches_deal(world: ContextBundle, to: str, cc: tuple[str, ...], header: str,
                              expected: str | None) -> None:
    deal = world.deals.for_message(message(to, cc=cc, deal_header=header))
    assert (deal.id if deal else None) == expected


def test_get_unknown_deal(world: ContextBundle) -> None:
    with pytest.raises(NotFound):
        world.deals.get("nope")


@pytest.mark.parametrize(("written", "expected"), [
    ("SOC 2 report", "SOC 2 Type II report"),
    ("SOC2", "SOC 2 Type II report"),
    ("your SOC 2 Type II audit", "SOC 2 Type II report"),
    ("the DPA", "Data Processing Agreement"),
    ("pen test results", "Penetration test report 2026"),
    ("report", None),
    ("HIPAA attestation", None),
])
def test_document_aliases(world: ContextBundle, written: str, expected: str | None) -> None:
    doc = match_document(written, world.deals.get("acme-rollout").documents)
    assert (doc.name if doc else None) == expected


def _deal_dir(tmp_path: Path, text: str) -> Path:
    d = tmp_path / "deals"
    d.mkdir(exist_ok=True)
    (d / "bad.yaml").write_text(text)
    return d


GOOD = (FIXTURES / "deals" / "initech-renewal.yaml").read_text()


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("broken", "needle", "message_part"), [
    (GOOD.replace("  max_discount_percent: 5", "  max_discount: 5"), "max_discount: 5", "unknown key 'max_discount'"),
    (GOOD.replace("status: restricted", "status: secret"), "status: secret", "must be one of shareable"),
    (GOOD.replace("not_before: 2027-02-15", "not_before: soon"), "not_before: soon", "expected a date"),
    (GOOD.replace("stage: renewal", "stage: almost-done"), "stage: almost-done", "must be one of prospect"),
    (GOOD.replace("owner: dana.lee@brightline.example", "owner: nobody@brightline.example"),
     "owner: nobody", "not in people.yaml"),
    (GOOD.replace("    price: 24000", "    price: lots"), "price: lots", "expected a number"),
    (GOOD.replace("  max_discount_percent: 5", "  max_discount_percent: 5\n  payment_terms_days: 45.5"),
     "payment_terms_days: 45.5", "whole number of days"),
    (GOOD.replace("      aliases: [team tier, team subscription]", "      aliases: [team tier"), None, "invalid YAML"),
])
def test_invalid_deal_file_names_file_and_line(tmp_path: Path, world: ContextBundle, broken: str,
                                               needle: str | None, message_part: str) -> None:
    d = _deal_dir(tmp_path, broken)
    with pytest.raises(ConfigError) as info:
        load_deals(d, world.people)
    err = info.value
    assert err.path == str(d / "bad.yaml")
    assert message_part in str(err)
    assert err.line is not None
    if needle is not None:
        assert err.line == _line_of(broken, needle), str(err)
    assert str(err).startswith(f"{d / 'bad.yaml'}:{err.line}: ")


def test_duplicate_deal_id(tmp_path: Path, world: ContextBundle) -> None:
    d = _deal_dir(tmp_path, GOOD)
    (d / "again.yaml").write_text(GOOD)
    with pytest.raises(ConfigError, match="also used in"):
        load_deals(d, world.people)


def test_inline_owner(tmp_path: Path) -> None:
    text = GOOD.replace("owner: dana.lee@brightline.example",
                        "owner:\n  email: sam@brightline.example\n  name: Sam Ortiz\n  timezone: Asia/Tokyo")
    book = load_deals(_deal_dir(tmp_path, text), {})
    deal = book.get("initech-renewal")
    assert deal.owner.name == "Sam Ortiz" and deal.owner.timezone == "Asia/Tokyo"


def test_invalid_people_file(tmp_path: Path) -> None:
    p = tmp_path / "people.yaml"
    p.write_text("people:\n  - email: a@b.example\n    timezone: Mars/Olympus\n")
    with pytest.raises(ConfigError, match="unknown time zone") as info:
        load_people(p)
    assert info.value.line == 3
    p.write_text("people:\n  - email: a@b.example\n    calendars: [nope]\n")
    with pytest.raises(ConfigError, match="no calendar named 'nope'"):
        load_people(p)
    p.write_text("calendars:\n  x: {ics: a.ics, url: http://b/c.ics}\n")
    with pytest.raises(ConfigError, match="exactly one of") as info:
        load_people(p)
    assert info.value.line == 2


def test_working_hours_accept_unquoted_times(tmp_path: Path) -> None:
    p = tmp_path / "people.yaml"
    p.write_text("people:\n  - email: a@b.example\n"
                 "    working_hours: {days: [Mon, Tuesday], start: 08:00, end: 16:00}\n")
    wh = load_people(p).people["a@b.example"].working_hours
    assert wh.days == (0, 1) and wh.start.hour == 8 and wh.end.hour == 16


def test_ics_url_host_not_allowed_is_config_error(tmp_path: Path, settings: Settings) -> None:
    p = tmp_path / "people.yaml"
    p.write_text("calendars:\n  team: {url: 'https://cal.example/team.ics'}\n")
    settings.context.people_file = str(p)
    (tmp_path / "no-deals").mkdir()
    settings.context.deals_dir = str(tmp_path / "no-deals")
    with pytest.raises(ConfigError, match=r"not in context\.ics_url_hosts"):
        load_context(settings)
    settings.context.ics_url_hosts = ["cal.example"]
    load_context(settings).close()
