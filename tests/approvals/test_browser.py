"""A real browser (Debian's headless Chromium via Playwright) walks queue -> message -> edit -> approve."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.approvals.e2e import BUYER, MANAGER, PASSWORDS, delivered_to, links, notice_for, send_held, settings_for
from tests.support import RunningServer, UpstreamSink, wait_until

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists() and not shutil.which("chromium"),
                       reason="needs Debian package chromium"),
]


@pytest.fixture
def browser() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_queue_view_edit_and_approve_in_a_browser(relay_factory, upstream_sink: UpstreamSink, browser) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    server: RunningServer = relay_factory(**settings_for(MANAGER))
    first = send_held(server, "SSO timeline")
    second = send_held(server, "Pricing follow-up")
    context = browser.new_context(viewport={"width": 390, "height": 844})  # a phone
    page = context.new_page()

    page.goto(f"{server.web_url}/queue")
    page.fill("input[name=email]", MANAGER)
    page.fill("input[name=password]", PASSWORDS[MANAGER])
    page.click("#login-form button[type=submit]")
    page.wait_for_url("**/queue")
    assert page.locator(".queue .item").count() == 2
    assert "waiting" in page.locator(f"#q-{first} .waited").inner_text()
    page.screenshot(path=str(ARTIFACTS / "approvals-1-queue.png"), full_page=True)

    page.click(f"#q-{first} a.subject")
    page.wait_for_url(f"**/m/{first}")
    assert "SSO" in page.locator("article.text").inner_text()
    page.screenshot(path=str(ARTIFACTS / "approvals-2-message.png"), full_page=True)
    assert server.state(first) == "held"

    page.fill("#edit-text", "Hi Sam,\n\nThanks for the call. I will confirm the SSO date with the team.\n")
    page.click("#edit-form button[type=submit]")
    page.wait_for_selector("text=Re-check of your edit")
    page.screenshot(path=str(ARTIFACTS / "approvals-3-edited.png"), full_page=True)
    server.wait_state(first, "delivered")

    # The second message is approved from the link in the notice, in the same browser.
    page.goto(links(notice_for(upstream_sink, MANAGER, "Pricing follow-up"))["approve"])
    assert page.locator("#link-prompt").is_visible()
    page.screenshot(path=str(ARTIFACTS / "approvals-4-approve-link.png"), full_page=True)
    assert server.state(second) == "held"
    page.click("#approve-form button[type=submit]")
    page.wait_for_selector("text=Approved")
    server.wait_state(second, "delivered")
    wait_until(lambda: len(delivered_to(upstream_sink, BUYER)) == 2, what="both messages delivered")
    page.goto(f"{server.web_url}/history")
    assert page.locator(".queue .item").count() == 2
    page.screenshot(path=str(ARTIFACTS / "approvals-5-history.png"), full_page=True)
    context.close()
