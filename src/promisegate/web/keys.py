"""Typed application keys shared by the web modules."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from promisegate.web.security import WebSecurity

if TYPE_CHECKING:
    from promisegate.approvals import ApprovalService

RELAY: web.AppKey[Any] = web.AppKey("relay", object)
APPROVALS: web.AppKey[ApprovalService] = web.AppKey("approvals", object)  # type: ignore[arg-type]
SECURITY: web.AppKey[WebSecurity] = web.AppKey("security", WebSecurity)
