"""`promisegate run`: the SMTP gateway and the web/API in one asyncio loop, on one spool."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import signal
import ssl
from pathlib import Path

from aiohttp import web
from aiosmtpd.smtp import SMTP

from promisegate.api import add_api_routes
from promisegate.audit import AuditLog
from promisegate.config import Settings
from promisegate.context.loader import load_context
from promisegate.deliver import MaildirOutbox, SmtpUpstream, Upstream
from promisegate.gateway import Authenticator, GatewayHandler
from promisegate.ops_http import add_ops_routes
from promisegate.pipeline import Checker
from promisegate.qa_http import add_qa_routes
from promisegate.relay import Relay
from promisegate.reload import Reloader
from promisegate.spool import Store

log = logging.getLogger(__name__)


def admin_token(data_dir: Path) -> str:
    """The token `promisegate pause/resume` use; created on first run, readable only by the owner."""
    path = data_dir / "admin.token"
    if not path.exists():
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write(secrets.token_urlsafe(32))
    return path.read_text().strip()


def make_upstream(settings: Settings) -> Upstream:
    if settings.upstream.host:
        return SmtpUpstream(settings.upstream)
    return MaildirOutbox(settings.data_path / "outbox")


class Server:
    """Owns every long-lived part of a running relay."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.relay: Relay | None = None
        self._smtp: asyncio.AbstractServer | None = None
        self._web: web.AppRunner | None = None
        self._stopped = asyncio.Event()

    async def start(self) -> None:
        from promisegate.approvals import ApprovalService
        from promisegate.web.app import build_app

        s = self.settings
        data = s.data_path
        data.mkdir(parents=True, exist_ok=True)
        store = Store(data / "promisegate.sqlite3")
        context = load_context(s)
        upstream = make_upstream(s)
        self.relay = relay = Relay(s, store, Checker(s, context), upstream, AuditLog(data / "audit.sqlite3"),
                                   context)
        approvals = ApprovalService(relay)
        relay.notifier = approvals.notifier
        await relay.start()

        handler = GatewayHandler(s, relay.submit, approvals.handle_reply)
        tls = None
        if s.server.tls_cert:
            tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            tls.load_cert_chain(s.server.tls_cert, s.server.tls_key)
        authenticator = Authenticator(s)

        def factory() -> SMTP:
            return SMTP(handler, hostname=s.server.hostname, data_size_limit=s.server.max_message_size,
                        enable_SMTPUTF8=True, decode_data=False, tls_context=tls,
                        authenticator=authenticator, auth_required=False,
                        auth_require_tls=s.server.auth_require_tls and tls is not None,
                        ident=f"promisegate ESMTP on {s.server.hostname}")

        loop = asyncio.get_running_loop()
        self._smtp = await loop.create_server(factory, s.server.smtp_host, s.server.smtp_port)
        app = build_app(relay, approvals)
        add_ops_routes(app, relay, admin_token(data))
        add_api_routes(app, relay)
        add_qa_routes(app, relay)
        self._web = web.AppRunner(app, access_log=None)
        await self._web.setup()
        await web.TCPSite(self._web, s.server.web_host, s.server.web_port).start()
        self._approvals = approvals
        self._sweeper = loop.create_task(self._sweep_loop())
        self.reloader = Reloader(relay)
        self._reloading = loop.create_task(self.reloader.run())

    async def _sweep_loop(self) -> None:
        while True:
            await asyncio.sleep(60)
            try:
                await self._approvals.sweep()
            except Exception:
                log.exception("approval sweep failed")

    async def stop(self) -> None:
        self._sweeper.cancel()
        self._reloading.cancel()
        if self._smtp:
            self._smtp.close()
            await self._smtp.wait_closed()
        if self._web:
            await self._web.cleanup()
        if self.relay:
            await self.relay.stop()
            self.relay.store.close()
            if self.relay.context is not None:
                self.relay.context.close()
        self._stopped.set()

    async def serve_forever(self) -> None:
        """Run until SIGTERM or SIGINT, then shut down cleanly."""
        await self.start()
        loop = asyncio.get_running_loop()
        stop = asyncio.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        loop.add_signal_handler(signal.SIGHUP, self.reloader.trigger)
        await stop.wait()
        log.info("shutting down")
        await self.stop()
