"""The SMTP gateway over real loopback SMTP: AUTH, limits, not an open relay."""

from __future__ import annotations

import smtplib

import pytest

from tests.support import AGENT_PASSWORD, AGENT_USER, RunningServer, compose


def connect(server: RunningServer) -> smtplib.SMTP:
    client = smtplib.SMTP("127.0.0.1", server.smtp_port, timeout=10)
    client.ehlo("agent.test")
    return client


def test_missing_credentials_are_refused_as_not_an_open_relay(relay_server: RunningServer) -> None:
    with connect(relay_server) as client:
        client.mail("agent@seller.example")
        code, text = client.rcpt("buyer@example.com")
    assert code == 530
    assert b"not an open relay" in text
    assert relay_server.relay.store.list() == []


def test_wrong_password_is_refused(relay_server: RunningServer) -> None:
    with connect(relay_server) as client, pytest.raises(smtplib.SMTPAuthenticationError) as info:
        client.login(AGENT_USER, "wrong-password")
    assert info.value.smtp_code == 535


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
def test_auth_plain_and_login_both_accepted(relay_server: RunningServer, mechanism: str) -> None:
    with connect(relay_server) as client:
        client.user, client.password = AGENT_USER, AGENT_PASSWORD
        code, _ = client.auth(mechanism, getattr(client, f"auth_{mechanism.lower()}"), initial_response_ok=True)
        assert code == 235
        refused = client.send_message(compose())
    assert refused == {}


def test_oversize_message_gets_552(relay_factory) -> None:
    server = relay_factory(**{"server.max_message_size": 2000})
    with connect(server) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        with pytest.raises(smtplib.SMTPException) as info:
            client.send_message(compose(body="x" * 5000))
    code = getattr(info.value, "smtp_code", None) or info.value.args[0]
    assert code == 552
    assert server.relay.store.list() == []


def test_recipient_limit_gets_452(relay_factory) -> None:
    server = relay_factory(**{"server.max_recipients": 2})
    with connect(server) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        client.mail("agent@seller.example")
        assert client.rcpt("a@example.com")[0] == 250
        assert client.rcpt("b@example.com")[0] == 250
        code, text = client.rcpt("c@example.com")
    assert code == 452
    assert b"Too many recipients" in text


def test_rate_limit_per_agent_gets_451(relay_factory) -> None:
    server = relay_factory(**{"server.rate_limit_per_minute": 2})
    with connect(server) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        client.send_message(compose())
        client.send_message(compose())
        with pytest.raises(smtplib.SMTPSenderRefused) as info:
            client.send_message(compose())
    assert info.value.smtp_code == 451
    assert b"Rate limit" in info.value.smtp_error


def test_allow_listed_client_may_send_without_auth(relay_factory) -> None:
    server = relay_factory(**{"server.allow_unauthenticated": ["127.0.0.0/8"]})
    with connect(server) as client:
        assert client.send_message(compose()) == {}
    (queued,) = server.relay.store.list()
    assert queued.agent == "client:127.0.0.1"


def test_250_reply_carries_the_queue_id_of_the_stored_message(relay_server: RunningServer) -> None:
    with connect(relay_server) as client:
        client.login(AGENT_USER, AGENT_PASSWORD)
        client.mail("agent@seller.example")
        client.rcpt("buyer@example.com")
        code, text = client.data(compose().as_bytes())
    assert code == 250
    queue_id = text.decode().rsplit(" ", 1)[-1]
    stored = relay_server.relay.store.get(queue_id)
    assert stored.agent == AGENT_USER
    assert stored.rcpts == ("buyer@example.com",)
    assert b"Received: from agent.test" in stored.raw
    assert stored.message_id.startswith("<")  # added because the agent sent none
