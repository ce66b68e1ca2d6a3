"""The pre-send HTTP API over real HTTP: check without sending, submit, bad input, wrong key."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.support import RunningServer, UpstreamSink

KEY = "test-api-key"
DRAFT = {"from": "agent@seller.example", "to": ["buyer@example.com"], "subject": "Hello",
         "text": "Thanks for the call today, it was great to meet the team."}


def call(server: RunningServer, path: str, body: Any = None, *, key: str | None = KEY,
         content_type: str = "application/json") -> tuple[int, Any]:
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(server.web_url + path, data=data, method="POST" if data is not None else "GET")
    req.add_header("Content-Type", content_type)
    if key:
        req.add_header("Authorization", f"Bearer {key}")
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, json.load(resp)
    except urllib.error.HTTPError as exc:
        return exc.code, json.load(exc)


def test_check_returns_the_verdict_and_sends_nothing(relay_server: RunningServer,
                                                     upstream_sink: UpstreamSink) -> None:
    status, verdict = call(relay_server, "/v1/check", DRAFT)
    assert status == 200
    assert verdict["action"] in ("release", "hold", "reject")
    assert {"score", "mode", "commitments", "findings"} <= set(verdict)
    assert relay_server.relay.store.list() == []
    assert upstream_sink.messages == []


def test_check_accepts_a_raw_rfc822_message(relay_server: RunningServer) -> None:
    raw = b"From: agent@seller.example\r\nTo: buyer@example.com\r\nSubject: hi\r\n\r\nThanks for the call.\r\n"
    status, verdict = call(relay_server, "/v1/check", raw, content_type="message/rfc822")
    assert status == 200 and "action" in verdict


def test_submit_spools_and_reports_state(relay_server: RunningServer) -> None:
    status, body = call(relay_server, "/v1/messages", DRAFT)
    assert status == 202
    qid = body["queue_id"]
    stored = relay_server.relay.store.get(qid)
    assert stored.agent == "agent-1" and stored.rcpts == ("buyer@example.com",)
    relay_server.wait_state(qid, "delivered", "held")
    status, state = call(relay_server, f"/v1/messages/{qid}")
    assert status == 200 and state["state"] in ("delivered", "held") and state["verdict"]


@pytest.mark.parametrize(("body", "field"), [
    ({**DRAFT, "to": []}, "to"),
    ({**DRAFT, "to": ["not an address"]}, "to"),
    ({**DRAFT, "from": None}, "from"),
    ({k: v for k, v in DRAFT.items() if k != "text"}, "text"),
    ({**DRAFT, "subjcet": "typo"}, "subjcet"),
    ({**DRAFT, "text": 42}, "text"),
])
def test_bad_input_is_a_400_naming_the_field(relay_server: RunningServer, body: dict, field: str) -> None:
    status, error = call(relay_server, "/v1/check", body)
    assert status == 400
    assert error["field"] == field and field in error["error"]


def test_invalid_json_is_a_400(relay_server: RunningServer) -> None:
    status, error = call(relay_server, "/v1/messages", b"{not json")
    assert status == 400 and "not valid JSON" in error["error"]
    assert relay_server.relay.store.list() == []


@pytest.mark.parametrize("key", [None, "wrong-key"])
def test_missing_or_wrong_key_is_a_401(relay_server: RunningServer, key: str | None) -> None:
    status, error = call(relay_server, "/v1/messages", DRAFT, key=key)
    assert status == 401 and "API key" in error["error"]
    assert relay_server.relay.store.list() == []


def test_another_agents_message_is_not_visible(relay_factory) -> None:
    from promisegate.config import AgentAccount

    server = relay_factory(agents=[AgentAccount("a", "pw-a", "key-a"), AgentAccount("b", "pw-b", "key-b")])
    _, body = call(server, "/v1/messages", DRAFT, key="key-a")
    status, _ = call(server, f"/v1/messages/{body['queue_id']}", key="key-b")
    assert status == 404


def test_openapi_describes_every_route(relay_server: RunningServer) -> None:
    with urllib.request.urlopen(relay_server.web_url + "/openapi.json", timeout=10) as resp:
        spec = json.load(resp)
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {"/v1/check", "/v1/messages", "/v1/messages/{queue_id}"}
