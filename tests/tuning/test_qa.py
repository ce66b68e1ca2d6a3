"""Post-send QA: reproducible sampling, labels, the scorecard, the CLI and the /qa pages."""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from promisegate.audit import AuditLog
from promisegate.config import QaSettings, Settings
from promisegate.context.loader import load_context
from promisegate.errors import NotFound
from promisegate.pipeline import Checker
from promisegate.qa import QaQueue, sampled
from promisegate.qa_http import add_qa_routes
from promisegate.relay import Relay
from promisegate.server import make_upstream
from promisegate.spool import Store
from promisegate.web.app import guard
from promisegate.web.keys import SECURITY
from promisegate.web.security import SESSION_COOKIE, WebSecurity
from tests.tuning.support import MARIA, PEN_TEST, RECORDING, TOM, Workspace, mail, run

REVIEWER = "priya.shah@brightline.example"
DISCOUNT = "Hi Maria,\n\nWe can offer 30% off the Enterprise plan if you sign this month.\n\nBest,\nAgent\n"
THANKS = "Hi Maria,\n\nThanks for your time today.\n\nBest,\nAgent\n"


def test_sampling_is_reproducible_and_close_to_the_rate() -> None:
    ids = [f"{i:011X}ABCDEF" for i in range(4000)]
    picked = [q for q in ids if sampled(q, 0.25, "seed-1")]
    assert picked == [q for q in ids if sampled(q, 0.25, "seed-1")]
    assert 900 < len(picked) < 1100
    assert picked != [q for q in ids if sampled(q, 0.25, "seed-2")]
    assert not any(sampled(q, 0.0, "seed-1") for q in ids)
    assert all(sampled(q, 1.0, "seed-1") for q in ids)


def _relay(settings: Settings) -> tuple[Relay, Any]:
    store = Store(settings.data_path / "promisegate.sqlite3")
    context = load_context(settings)
    audit = AuditLog(settings.data_path / "audit.sqlite3")
    return Relay(settings, store, Checker(settings, context), make_upstream(settings), audit, context), context


@pytest.fixture
def history(work: Workspace) -> dict[str, str]:
    """Four checked messages: two released, one held then approved by a person, one still held."""
    settings = work.settings(**{"qa.sample_rate": 1.0})

    async def go() -> dict[str, str]:
        relay, context = _relay(settings)
        try:
            ids = {name: await relay.submit(mail(rcpt, body), "agent@brightline.example", [rcpt], agent="demo-agent")
                   for name, rcpt, body in (("recording", MARIA, RECORDING), ("thanks", MARIA, THANKS),
                                            ("pen-test", TOM, PEN_TEST), ("discount", MARIA, DISCOUNT))}
            for _ in range(400):
                if all(relay.store.get(q).state not in ("accepted", "checked") for q in ids.values()):
                    break
                await asyncio.sleep(0.05)
            assert relay.store.get(ids["pen-test"]).state == "held"
            await relay.release(ids["pen-test"], REVIEWER, "web")
            return ids
        finally:
            await relay.stop()
            context.close()
            relay.audit.close()  # type: ignore[attr-defined]
            relay.store.close()

    return asyncio.run(go())


def test_queue_samples_released_agent_mail_and_takes_labels(work: Workspace, history: dict[str, str]) -> None:
    store = Store(work.var / "promisegate.sqlite3")
    queue = QaQueue(store, QaSettings(sample_rate=1.0), seed="fixed")
    try:
        assert queue.backfill(store.list(None)) == 3
        assert {s.queue_id for s in queue.samples()} == {history["recording"], history["thanks"], history["pen-test"]}
        notice = store.accept(b"Subject: notice\r\n\r\nhi\r\n", "", ["a@b.example"], kind="notice", state="released")
        assert not queue.maybe_sample(store.get(notice))
        queue.label(history["pen-test"], "false-hold", "nothing restricted in it", REVIEWER)
        assert [s.queue_id for s in queue.samples(pending_only=True)].count(history["pen-test"]) == 0
        with pytest.raises(ValueError, match="unknown defect"):
            queue.label(history["thanks"], "typo")
        with pytest.raises(NotFound):
            queue.label(history["discount"], "pricing")
    finally:
        queue.close()
        store.close()


def test_cli_sample_label_scorecard(work: Workspace, history: dict[str, str]) -> None:
    with work.config.open("a", encoding="utf-8") as f:
        f.write("[qa]\nsample_rate = 1.0\n")
    cfg = ["--config", str(work.config)]
    listed = json.loads(run("qa", "sample", "--backfill", "--json", *cfg).output.split("\n", 1)[1])
    assert {s["queue_id"] for s in listed} == {history["recording"], history["thanks"], history["pen-test"]}
    run("qa", "label", history["pen-test"], "false-hold", "--note", "the report was fine to share", *cfg)
    run("qa", "label", history["recording"], "unapproved-document", "--note", "recording is internal", *cfg)
    run("qa", "label", history["thanks"], "none", *cfg)
    run("qa", "label", history["discount"], "pricing", *cfg, code=1)
    card = json.loads(run("qa", "scorecard", "--json", *cfg).output)
    assert card["checked"] == 4 and card["actions"] == {"release": 2, "hold": 2}
    assert card["hold_rate"] == 0.5
    assert card["reviewed"] == 3 and card["defect_rate"] == 0.6667
    assert card["false_hold_rate"] == 1.0
    assert card["defects"] == {"false-hold": 1, "unapproved-document": 1}
    assert card["defects_by_rule"] == {"new-commitment": 2, "document-restricted": 1}
    assert card["defects_by_agent"] == {"demo-agent": 2}
    assert card["time_to_approve"]["count"] == 1 and card["time_to_approve"]["median_seconds"] >= 0
    text = run("qa", "scorecard", *cfg).output
    assert "hold rate        50.0%" in text and "false-hold rate  100.0% of reviewed holds" in text


def _app(settings: Settings, relay: Relay) -> web.Application:
    app = web.Application(middlewares=[guard])
    app[SECURITY] = WebSecurity(b"k" * 32, [{"email": REVIEWER, "password": "pw"},
                                            {"email": "other@brightline.example", "password": "pw"}], secure=False)
    add_qa_routes(app, relay)
    return app


def test_web_pages_need_a_reviewer_and_a_csrf_field(work: Workspace, history: dict[str, str]) -> None:
    settings = work.settings(**{"qa.sample_rate": 1.0, "qa.reviewers": [REVIEWER]})

    async def go() -> None:
        relay, context = _relay(settings)
        QaQueue(relay.store, settings.qa).backfill(relay.store.list(None))
        app = _app(settings, relay)
        security = app[SECURITY]
        async with TestClient(TestServer(app)) as client:
            resp = await client.get("/qa", allow_redirects=False)
            assert resp.status == 303 and resp.headers["Location"].startswith("/login?next=/qa")
            other = security.session_value("other@brightline.example")
            client.session.cookie_jar.update_cookies({SESSION_COOKIE: other})
            assert (await client.get("/qa")).status == 403
            client.session.cookie_jar.update_cookies({SESSION_COOKIE: security.session_value(REVIEWER)})
            page = await client.get("/qa")
            html = await page.text()
            assert page.status == 200 and history["pen-test"] in html
            csrf = re.search(r'name="csrf" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]
            url = f"/qa/{history['pen-test']}/label"
            refused = await client.post(url, data={"defect": "false-hold", "csrf": "forged"}, allow_redirects=False)
            assert refused.status == 403
            done = await client.post(url, data={"defect": "false-hold", "note": "fine", "csrf": csrf},
                                     allow_redirects=False)
            assert done.status == 303 and done.headers["Location"] == "/qa"
            assert "false-hold: fine — " + REVIEWER in await (await client.get("/qa")).text()
            card = await (await client.get("/qa/scorecard")).text()
            assert "false-hold rate  100.0% of reviewed holds" in card and "document-restricted" in card
        await relay.stop()
        context.close()
        relay.audit.close()  # type: ignore[attr-defined]
        relay.store.close()

    asyncio.run(go())
