"""Operator endpoints on the web port: /healthz, /metrics and the stop button (/admin/mode)."""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from promisegate.model import MODES

if TYPE_CHECKING:
    from promisegate.relay import Relay


def add_ops_routes(app: web.Application, relay: Relay, admin_token: str) -> None:
    """Mount the operator routes; /admin/* needs the admin token kept in the data dir."""

    async def healthz(request: web.Request) -> web.Response:
        counts = relay.store.counts()
        return web.json_response({"status": "ok", "mode": relay.mode, "queue": counts})

    async def metrics(request: web.Request) -> web.Response:
        for state, n in relay.store.counts().items():
            relay.metrics.queue.labels(state).set(n)
        body = generate_latest(relay.metrics.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def set_mode(request: web.Request) -> web.Response:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), admin_token.encode()):
            return web.json_response({"error": "admin token missing or wrong"}, status=401)
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"error": "body must be JSON: {\"mode\": MODE or null}"}, status=400)
        mode = body.get("mode") if isinstance(body, dict) else None
        if mode is not None and mode not in MODES:
            return web.json_response({"error": f"mode must be one of {', '.join(MODES)} or null"}, status=400)
        actor = str(body.get("actor") or "operator")
        now_mode = await relay.set_mode(mode, actor)
        return web.json_response({"mode": now_mode})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics)
    app.router.add_post("/admin/mode", set_mode)
