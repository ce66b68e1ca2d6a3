"""Accepted mail is checked, then delivered once, held, or bounced — over real SMTP to a real sink."""

from __future__ import annotations

import smtplib

import pytest

from promisegate.rules import registry
from tests.support import AGENT_PASSWORD, AGENT_USER, RunningServer, UpstreamSink, compose

BENIGN = "Hi Sam,\n\nThanks for your time on the call today. Great to meet the team.\n\nBest,\nAlex"


def send(server: RunningServer, msg, sender: str = "agent@seller.example") -> str:
    with smtplib.SMTP("127.0.0.1", server.smtp_port, timeout=10) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        client.mail(sender)
        for rcpt in msg.get_all("To"):
            client.rcpt(rcpt)
        code, text = client.data(msg.as_bytes())
    assert code == 250, text
    return text.decode().rsplit(" ", 1)[-1]


def test_benign_message_in_gated_mode_is_delivered_once(relay_server: RunningServer,
                                                        upstream_sink: UpstreamSink) -> None:
    qid = send(relay_server, compose(body=BENIGN, message_id="<benign-1@seller.example>"))
    assert relay_server.wait_state(qid, "delivered", "held", "failed") == "delivered"
    (got,) = upstream_sink.wait_for(1)
    assert got.message["Message-ID"] == "<benign-1@seller.example>"
    assert got.rcpts == ["buyer@example.com"]
    assert "promisegate" in got.message["Received"]
    assert got.message["X-Promisegate-Rules"].startswith("hit=")
    assert relay_server.relay.store.get(qid).delivered_at is not None
    assert len(upstream_sink.messages) == 1


@pytest.mark.parametrize("mode", ["draft-only", "paused"])
def test_draft_only_and_paused_hold_and_deliver_nothing(relay_factory, upstream_sink: UpstreamSink,
                                                        mode: str) -> None:
    server = relay_factory(**{"policy.mode": mode})
    qid = send(server, compose(body=BENIGN))
    assert server.wait_state(qid, "held", "released", "delivered") == "held"
    assert mode in server.relay.store.get(qid).reason
    assert upstream_sink.messages == []


def test_exception_inside_a_rule_holds_with_the_error_as_reason(relay_server: RunningServer,
                                                                upstream_sink: UpstreamSink,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx):
        raise ZeroDivisionError("division by zero in rule")

    monkeypatch.setattr(registry["new-commitment"], "check", broken)
    qid = send(relay_server, compose(body=BENIGN))
    assert relay_server.wait_state(qid, "held", "delivered") == "held"
    reason = relay_server.relay.store.get(qid).reason
    assert reason.startswith("internal error:")
    assert "new-commitment" in reason and "division by zero" in reason
    assert upstream_sink.messages == []


def test_upstream_down_defers_then_delivers_when_back(relay_server: RunningServer,
                                                      upstream_sink: UpstreamSink) -> None:
    upstream_sink.stop()
    qid = send(relay_server, compose(body=BENIGN, message_id="<outage@seller.example>"))
    relay_server.wait_state(qid, "deferred")
    assert relay_server.relay.store.get(qid).last_error
    upstream_sink.start()
    relay_server.wait_state(qid, "delivered")
    got = upstream_sink.wait_for(1)
    assert [m.message["Message-ID"] for m in got] == ["<outage@seller.example>"]


def test_upstream_4xx_defers_and_retries(relay_server: RunningServer, upstream_sink: UpstreamSink) -> None:
    upstream_sink.reply = "451 4.3.0 try later"
    qid = send(relay_server, compose(body=BENIGN))
    relay_server.wait_state(qid, "deferred")
    upstream_sink.reply = "250 OK"
    relay_server.wait_state(qid, "delivered")
    assert len(upstream_sink.wait_for(1)) == 1


def test_upstream_5xx_sends_a_failure_notice_to_the_agent(relay_server: RunningServer,
                                                          upstream_sink: UpstreamSink) -> None:
    upstream_sink.refuse["buyer@example.com"] = "550 5.1.1 no such mailbox"
    qid = send(relay_server, compose(body=BENIGN, subject="Pricing follow-up"), sender="bot@agents.example")
    assert relay_server.wait_state(qid, "failed", "delivered") == "failed"
    (notice,) = upstream_sink.wait_for(1)
    assert notice.rcpts == ["bot@agents.example"]
    assert notice.mail_from in ("", "<>")  # null sender: a notice never bounces back
    body = notice.message.get_body().get_content()
    assert "550 5.1.1 no such mailbox" in body and qid in body
    assert notice.message["Subject"] == "Undelivered: Pricing follow-up"


def test_pause_and_resume_act_on_a_running_server(relay_server: RunningServer,
                                                  upstream_sink: UpstreamSink) -> None:
    relay_server.call(relay_server.relay.set_mode("paused", "test"))
    qid = send(relay_server, compose(body=BENIGN))
    assert relay_server.wait_state(qid, "held") == "held"
    relay_server.call(relay_server.relay.set_mode(None, "test"))
    # Mail held only by the pause is judged again under the configured (gated) mode.
    relay_server.wait_state(qid, "delivered")
    assert len(upstream_sink.wait_for(1)) == 1


def test_released_mail_is_sampled_for_qa_review(relay_factory, upstream_sink: UpstreamSink) -> None:
    server = relay_factory(**{"qa.sample_rate": 1.0})
    qid = send(server, compose(body=BENIGN))
    server.wait_state(qid, "delivered")
    assert [s.queue_id for s in server.relay.qa.samples()] == [qid]
    unsampled = relay_factory(**{"qa.sample_rate": 0.0})
    other = send(unsampled, compose(body=BENIGN))
    unsampled.wait_state(other, "delivered")
    assert unsampled.relay.qa.samples() == []
