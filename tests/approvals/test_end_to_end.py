"""Held mail approved, rejected or refused end to end: real SMTP in and out, real web server, real audit."""

from __future__ import annotations

import html
import re
import time

import pytest

from tests.approvals.e2e import (
    AGENT,
    BUYER,
    DEPUTY,
    MANAGER,
    Browser,
    delivered_to,
    links,
    notice_for,
    reply,
    send_held,
    settings_for,
)
from tests.support import RunningServer, UpstreamSink, wait_until


def _events(server: RunningServer, qid: str) -> list[tuple[str, str]]:
    return [(e.event, e.actor) for e in server.relay.audit.events(qid)]


def test_link_approval_end_to_end(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    qid = send_held(server)
    notice = notice_for(upstream_sink, MANAGER)
    urls = links(notice)
    browser = Browser(server.web_url)

    page = browser.get(urls["approve"])  # a mail scanner or the SE opening the link
    assert page.status == 200
    assert "You opened the <b>approve</b> link" in page.text and "Approve and send" in page.text
    commitments = (server.relay.store.get(qid).verdict or {}).get("commitments")
    assert ('class="commitment' in page.text) == bool(commitments)
    browser.get(urls["view"])
    assert server.state(qid) == "held"
    assert delivered_to(upstream_sink, BUYER) == []
    assert not any(e == "approved" for e, _ in _events(server, qid))

    done = browser.submit(page, "approve-form")
    assert done.status == 200 and "Approved" in done.text
    server.wait_state(qid, "delivered")
    wait_until(lambda: delivered_to(upstream_sink, BUYER), what="delivery to the buyer")
    time.sleep(0.5)  # a second delivery would have shown up by now
    assert len(delivered_to(upstream_sink, BUYER)) == 1
    events = [e for e, _ in _events(server, qid)]
    for step in ("accepted", "checked", "held", "notified", "viewed", "approved", "released", "delivered"):
        assert step in events, f"{step} missing from {events}"
    assert events.index("approved") < events.index("released") < events.index("delivered")
    assert ("approved", MANAGER) in _events(server, qid)
    assert server.relay.audit.verify()[0]

    again = browser.submit(page, "approve-form")
    assert again.status == 403 and "already used" in again.text
    assert len(delivered_to(upstream_sink, BUYER)) == 1


def test_reply_to_approve_end_to_end(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    qid = send_held(server)
    code, text = reply(server, MANAGER, links(notice_for(upstream_sink, MANAGER))["reply"],
                       "Approve - looks right.\n\nOn Monday promisegate wrote:\n> reject")
    assert code == 250 and "Approved" in text
    server.wait_state(qid, "delivered")
    confirmation = wait_until(lambda: [m for m in delivered_to(upstream_sink, MANAGER)
                                       if "Approved" in str(m["Subject"])], what="confirmation")
    assert qid in confirmation[0].get_content()
    assert len(delivered_to(upstream_sink, BUYER)) == 1
    assert any(e.event == "approved" and e.via == "email" and e.actor == MANAGER
               for e in server.relay.audit.events(qid))


def test_reject_with_reason_reaches_the_agent(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    qid = send_held(server)
    browser = Browser(server.web_url)
    page = browser.get(links(notice_for(upstream_sink, MANAGER))["reject"])
    done = browser.submit(page, "reject-form", reason="Friday is not possible; offer the 14th.")
    assert done.status == 200 and "Rejected" in done.text
    assert server.wait_state(qid, "rejected") == "rejected"
    notice = wait_until(lambda: delivered_to(upstream_sink, AGENT), what="rejection notice to the agent")[0]
    assert "Friday is not possible; offer the 14th." in notice.get_content()
    assert delivered_to(upstream_sink, BUYER) == []
    assert ("rejected", MANAGER) in _events(server, qid)


def test_edit_then_release_shows_the_recheck(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    qid = send_held(server)
    browser = Browser(server.web_url)
    page = browser.get(links(notice_for(upstream_sink, MANAGER))["edit"])
    done = browser.submit(page, "edit-form", text="Hi Sam,\n\nThanks for the call. I will confirm dates soon.\n")
    assert done.status == 200 and "Re-check of your edit" in done.text
    server.wait_state(qid, "delivered")
    (sent,) = delivered_to(upstream_sink, BUYER)
    assert "I will confirm dates soon." in sent.get_content()
    assert "edited" in [e for e, _ in _events(server, qid)]


@pytest.mark.parametrize("case", ["forged", "expired", "reused", "other-approver", "reply-other-sender",
                                  "get-action-url", "view-link-post", "no-csrf"])
def test_refusals_are_clear_and_deliver_nothing(relay_factory, upstream_sink: UpstreamSink, case: str) -> None:
    extra = {"approvals.token_ttl_hours": 2.0 / 3600} if case == "expired" else {}
    server: RunningServer = relay_factory(**settings_for(MANAGER, DEPUTY, **extra))
    qid = send_held(server)
    urls = links(notice_for(upstream_sink, MANAGER))
    browser = Browser(server.web_url)
    if case == "forged":
        page = browser.get(urls["approve"][:-3] + "aaa")
        assert page.status == 403 and "forged" in page.text
    elif case == "expired":
        page = browser.get(urls["approve"])
        time.sleep(max(0.0, 2.1 - (time.time() - server.relay.store.get(qid).updated_at.timestamp())))
        result = browser.submit(page, "approve-form")
        assert result.status == 403 and "expired" in result.text
        assert browser.get(urls["view"]).status == 403
    elif case == "reused":
        page = browser.get(urls["approve"])
        assert browser.submit(page, "approve-form").status == 200
        server.wait_state(qid, "delivered")
        second = browser.submit(page, "approve-form")
        assert second.status == 403 and "already used" in second.text
        assert len(delivered_to(upstream_sink, BUYER)) == 1
        return
    elif case == "other-approver":
        page = browser.get(urls["approve"])
        assert browser.login(DEPUTY).status == 200
        result = browser.submit(page, "approve-form")
        assert result.status == 403 and "issued to another approver" in result.text
    elif case == "reply-other-sender":
        code, text = reply(server, DEPUTY, urls["reply"], "approve")
        assert code == 550 and "different sender" in text
    elif case == "get-action-url":
        assert browser.login(MANAGER).status == 200
        page = browser.get(f"/m/{qid}/approve")
        assert page.status == 405 and "does nothing" in page.text
    elif case == "view-link-post":
        page = browser.get(urls["view"])
        action, hidden = page.form("approve-form")
        result = browser.post(urls["view"], hidden)
        assert result.status == 403 and "'view' link; it cannot be used to approve, reject or edit" in result.plain
        assert action != urls["view"].split("127.0.0.1", 1)[1]
    elif case == "no-csrf":
        result = Browser(server.web_url).post(urls["approve"], {})
        assert result.status == 403 and "reload the page" in result.text
    time.sleep(0.3)
    assert server.state(qid) == "held"
    assert delivered_to(upstream_sink, BUYER) == []
    assert not [e for e, _ in _events(server, qid) if e in ("approved", "released")]


def test_web_pages_need_a_login_or_token(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    qid = send_held(server)
    anonymous = Browser(server.web_url)
    for path in ("/queue", "/history", "/outbox", f"/m/{qid}"):
        page = anonymous.get(path)
        assert page.url.split("?")[0].endswith("/login"), path
        assert "SSO" not in page.text
    wrong = Browser(server.web_url)
    refused = wrong.submit(wrong.get("/login"), "login-form", email=MANAGER, password="nope")
    assert refused.status == 401 and "Wrong email or password" in refused.text
    assert wrong.get("/queue").url.split("?")[0].endswith("/login")

    browser = Browser(server.web_url)
    assert browser.login(MANAGER).status == 200
    queue = browser.get("/queue")
    assert qid in queue.text and "waiting" in queue.text and "SSO timeline" in queue.text
    assert "SSO timeline" not in browser.get("/queue?agent=nobody").text
    assert "SSO timeline" not in browser.get("/queue?age=24").text
    assert "SSO timeline" in browser.get("/queue?agent=agent-1&age=0").text
    view = browser.get(f"/m/{qid}")
    assert view.status == 200 and "Approve and send" in view.text
    assert server.state(qid) == "held"
    assert browser.get("/m/NOSUCHMESSAGE").status == 404


def test_without_upstream_the_outbox_page_shows_released_mail_and_notices(relay_factory) -> None:
    # A newcomer with no mail server: the hold notices land in the local outbox, the web page lists
    # them, an approver's own approve link is clickable there (and blanked out for anyone else), and
    # the released message then shows up in the outbox.
    server = relay_factory(**settings_for(MANAGER, DEPUTY), **{"upstream.host": ""})
    qid = send_held(server)
    browser, deputy = Browser(server.web_url), Browser(server.web_url)
    assert browser.login(MANAGER).status == 200 and deputy.login(DEPUTY).status == 200
    outbox = wait_until(lambda: (p := browser.get("/outbox")) and p.text.count("Held for approval") == 2 and p,
                        what="both notices in the outbox")
    assert str(server.settings.data_path / "outbox") in outbox.text
    keys = re.findall(r'href="/outbox/([^"]+)"', outbox.text)
    notice = next(page for key in keys
                  if f"<dt>X-Promisegate-Envelope-To</dt><dd>{MANAGER}" in (page := browser.get(f"/outbox/{key}")).text)
    approve = re.search(r'Approve[^\n]*?<a href="(http://127\.0\.0\.1:\d+/t/[^"]+)"', notice.text)
    assert approve is not None, notice.text
    seen_by_deputy = deputy.get(notice.url)
    assert "/t/" not in seen_by_deputy.text and "approve+" not in seen_by_deputy.text
    assert "a link for the recipient only" in seen_by_deputy.text
    result = browser.submit(browser.get(html.unescape(approve.group(1))), "approve-form")
    assert result.status == 200 and "released" in result.text
    wait_until(lambda: server.state(qid) == "delivered", what="release to the outbox")
    assert "SSO timeline" in browser.get("/outbox").text.replace("Held for approval: SSO timeline", "")
    assert browser.get("/outbox/no-such-key").status == 404


def test_with_an_upstream_the_outbox_page_says_where_mail_goes(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**settings_for(MANAGER))
    browser = Browser(server.web_url)
    assert browser.login(MANAGER).status == 200
    page = browser.get("/outbox")
    assert page.status == 200 and f"127.0.0.1:{upstream_sink.port}" in page.text and "no local outbox" in page.text
