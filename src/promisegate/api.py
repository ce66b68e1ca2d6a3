"""Pre-send HTTP API for agents: check a draft without sending, or submit it instead of SMTP.

    POST /v1/check      -> the verdict JSON `promisegate check --json` prints; nothing is sent
    POST /v1/messages   -> 202 {"queue_id"}: spooled durably, then checked like SMTP mail
    GET  /v1/messages/ID-> state and verdict of a message this agent submitted
    GET  /openapi.json  -> this API described for clients

Bodies are JSON `{from, to, cc, subject, text, html, headers}` or a raw RFC 5322 message
(`Content-Type: message/rfc822`). Every call needs `Authorization: Bearer <agent api_key>`.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid
from typing import TYPE_CHECKING, Any

from aiohttp import web

from promisegate.errors import NotFound

if TYPE_CHECKING:
    from promisegate.relay import Relay

_ADDRESS_FIELDS = ("to", "cc")
_KNOWN = {"from", "to", "cc", "subject", "text", "html", "headers"}


class BadInput(Exception):
    """A request body the API cannot use; names the field."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


def _error(status: int, message: str, field: str | None = None) -> web.Response:
    body: dict[str, Any] = {"error": message}
    if field:
        body["field"] = field
    return web.json_response(body, status=status)


def _addresses(value: Any, field: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise BadInput(f"'{field}' must be an address or a list of addresses", field)
    found = [addr for _, addr in getaddresses(items) if "@" in addr]
    if len(found) != len(items):
        raise BadInput(f"'{field}' holds something that is not an email address", field)
    return found


def message_from_json(data: Any, hostname: str) -> tuple[bytes, str, list[str]]:
    """Build (raw, envelope sender, recipients) from the JSON form; raises BadInput naming the field."""
    if not isinstance(data, dict):
        raise BadInput("body must be a JSON object")
    unknown = sorted(set(data) - _KNOWN)
    if unknown:
        raise BadInput(f"unknown field '{unknown[0]}' (known: {', '.join(sorted(_KNOWN))})", unknown[0])
    sender = _addresses(data.get("from"), "from")
    if len(sender) != 1:
        raise BadInput("'from' must be exactly one email address", "from")
    to, cc = _addresses(data.get("to"), "to"), _addresses(data.get("cc"), "cc")
    if not to:
        raise BadInput("'to' needs at least one recipient", "to")
    text, html = data.get("text"), data.get("html")
    if text is None and html is None:
        raise BadInput("give 'text' or 'html'", "text")
    for name, value in (("text", text), ("html", html), ("subject", data.get("subject", ""))):
        if value is not None and not isinstance(value, str):
            raise BadInput(f"'{name}' must be a string", name)
    headers = data.get("headers") or {}
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise BadInput("'headers' must be an object of strings", "headers")
    msg = EmailMessage()
    msg["From"] = data["from"]
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = data.get("subject", "")
    msg["Date"] = format_datetime(datetime.now(UTC))
    msg["Message-ID"] = make_msgid(domain=hostname)
    for key, value in headers.items():
        msg[key] = value
    if text is not None:
        msg.set_content(text)
        if html is not None:
            msg.add_alternative(html, subtype="html")
    else:
        msg.set_content(html, subtype="html")
    return msg.as_bytes(), sender[0], to + cc


async def _read_message(request: web.Request, hostname: str) -> tuple[bytes, str, list[str]]:
    if request.content_type == "message/rfc822":
        raw = await request.read()
        from promisegate.parse import parse_message

        parsed = parse_message(raw)
        if not parsed.recipients:
            raise BadInput("the message has no To or Cc recipients", "to")
        return raw, parsed.sender, list(parsed.recipients)
    if request.content_type != "application/json":
        raise BadInput("send application/json or message/rfc822")
    try:
        data = await request.json()
    except ValueError as exc:
        raise BadInput(f"body is not valid JSON: {exc}") from exc
    return message_from_json(data, hostname)


def add_api_routes(app: web.Application, relay: Relay) -> None:
    """Mount /v1/* and /openapi.json."""
    keys = {a.api_key: a.user for a in relay.settings.agents if a.api_key}

    def agent_of(request: web.Request) -> str | None:
        given = request.headers.get("Authorization", "")
        if not given.startswith("Bearer "):
            return None
        token = given.removeprefix("Bearer ").strip().encode()
        for key, user in keys.items():
            if hmac.compare_digest(token, key.encode()):
                return user
        return None

    def guarded(handler: Any) -> Any:
        async def wrapper(request: web.Request) -> web.StreamResponse:
            agent = agent_of(request)
            if agent is None:
                return _error(401, "missing or wrong API key: send 'Authorization: Bearer <api_key>'")
            try:
                return await handler(request, agent)
            except BadInput as exc:
                return _error(400, str(exc), exc.field)
        return wrapper

    async def check(request: web.Request, agent: str) -> web.Response:
        raw, sender, rcpts = await _read_message(request, relay.settings.server.hostname)
        result = await relay.run_check(raw, sender, rcpts)
        return web.json_response(result.verdict.to_json())

    async def submit(request: web.Request, agent: str) -> web.Response:
        raw, sender, rcpts = await _read_message(request, relay.settings.server.hostname)
        peer = request.remote or ""
        queue_id = await relay.submit(raw, sender, rcpts, agent=agent, client=peer, helo="http-api")
        return web.json_response({"queue_id": queue_id, "state": "accepted",
                                  "status_url": f"/v1/messages/{queue_id}"}, status=202)

    async def status(request: web.Request, agent: str) -> web.Response:
        try:
            qm = relay.store.get(request.match_info["queue_id"])
        except NotFound as exc:
            return _error(404, str(exc))
        if qm.agent != agent:
            return _error(404, f"no message with queue id {qm.queue_id}")
        return web.json_response({"queue_id": qm.queue_id, "state": qm.state, "reason": qm.reason,
                                  "verdict": qm.verdict, "delivered_at": qm.delivered_at and
                                  qm.delivered_at.isoformat()})

    async def openapi(request: web.Request) -> web.Response:
        return web.json_response(openapi_spec(relay.settings.base_url))

    app.router.add_post("/v1/check", guarded(check))
    app.router.add_post("/v1/messages", guarded(submit))
    app.router.add_get("/v1/messages/{queue_id}", guarded(status))
    app.router.add_get("/openapi.json", openapi)


def openapi_spec(base_url: str) -> dict[str, Any]:
    """The OpenAPI 3.1 description of the agent API."""
    draft = {
        "type": "object", "required": ["from", "to"], "additionalProperties": False,
        "properties": {
            "from": {"type": "string", "example": "agent@yourco.example"},
            "to": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "cc": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
            "subject": {"type": "string"}, "text": {"type": "string"}, "html": {"type": "string"},
            "headers": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    error = {"type": "object", "required": ["error"],
             "properties": {"error": {"type": "string"}, "field": {"type": "string"}}}
    body = {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Draft"}},
                                          "message/rfc822": {"schema": {"type": "string"}}}}
    errors = {"400": {"description": "bad input; `field` names the offending field",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
              "401": {"description": "missing or wrong API key",
                      "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
    return {
        "openapi": "3.1.0",
        "info": {"title": "promisegate agent API", "version": "1"},
        "servers": [{"url": base_url}],
        "components": {
            "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer"}},
            "schemas": {"Draft": draft, "Error": error, "Verdict": {
                "type": "object", "required": ["action", "score", "mode", "commitments", "findings"],
                "properties": {"action": {"enum": ["release", "hold", "reject"]}, "score": {"type": "number"},
                               "mode": {"type": "string"}, "reason": {"type": "string"},
                               "commitments": {"type": "array"}, "requests": {"type": "array"},
                               "findings": {"type": "array"}}}},
        },
        "security": [{"apiKey": []}],
        "paths": {
            "/v1/check": {"post": {"summary": "Check a draft without sending it", "requestBody": body,
                                   "responses": {"200": {"description": "the verdict", "content": {
                                       "application/json": {"schema": {"$ref": "#/components/schemas/Verdict"}}}},
                                       **errors}}},
            "/v1/messages": {"post": {"summary": "Submit a message for checking and delivery", "requestBody": body,
                                      "responses": {"202": {"description": "accepted and stored"}, **errors}}},
            "/v1/messages/{queue_id}": {"get": {
                "summary": "State and verdict of a submitted message",
                "parameters": [{"name": "queue_id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "responses": {"200": {"description": "the message state"}, "404": {"description": "unknown id"},
                              "401": errors["401"]}}},
        },
    }
