"""Web sessions and CSRF: cookies signed with keys derived from the installation secret.

A session cookie is ``base64(email).expiry.mac``. CSRF uses a signed double submit: a
random ``pg_csrf`` cookie and a form field holding its HMAC, so a form posted from
another site (which can neither read the cookie nor compute the MAC) is refused.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Mapping, Sequence

from aiohttp import web

from promisegate.approval_tokens import subkey
from promisegate.errors import ApprovalError

SESSION_COOKIE = "pg_session"
CSRF_COOKIE = "pg_csrf"
SESSION_SECONDS = 12 * 3600


class WebSecurity:
    """Signs and checks session cookies and CSRF fields; checks approver passwords."""

    def __init__(self, secret: bytes, approvers: Sequence[Mapping[str, str]], secure: bool) -> None:
        self._session_key = subkey(secret, "web-session")
        self._csrf_key = subkey(secret, "web-csrf")
        self._accounts = {str(a.get("email", "")).strip().lower(): str(a.get("password", ""))
                          for a in approvers if a.get("email")}
        self.secure = secure

    # -- accounts --------------------------------------------------------------------------------
    def check_password(self, email: str, password: str) -> str | None:
        """The normalised email when the login is right, else None (same work either way)."""
        email = email.strip().lower()
        expected = self._accounts.get(email, "\0" + secrets.token_hex(8))
        ok = hmac.compare_digest(expected.encode(), password.encode()) and bool(password)
        return email if ok and email in self._accounts else None

    def is_approver(self, email: str) -> bool:
        return email.strip().lower() in self._accounts

    # -- sessions --------------------------------------------------------------------------------
    def _sign(self, key: bytes, value: str) -> str:
        return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()[:40]

    def session_value(self, email: str, now: float | None = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        payload = f"{base64.urlsafe_b64encode(email.encode()).decode().rstrip('=')}.{expires}"
        return f"{payload}.{self._sign(self._session_key, payload)}"

    def session_user(self, request: web.Request) -> str | None:
        """The logged-in approver, or None when there is no valid, unexpired session."""
        value = request.cookies.get(SESSION_COOKIE, "")
        parts = value.split(".")
        if len(parts) != 3:
            return None
        payload = f"{parts[0]}.{parts[1]}"
        if not hmac.compare_digest(self._sign(self._session_key, payload), parts[2]):
            return None
        try:
            if int(parts[1]) < time.time():
                return None
            email = base64.urlsafe_b64decode(parts[0] + "=" * (-len(parts[0]) % 4)).decode()
        except ValueError:
            return None
        return email if self.is_approver(email) else None

    def start_session(self, response: web.StreamResponse, email: str) -> None:
        response.set_cookie(SESSION_COOKIE, self.session_value(email), max_age=SESSION_SECONDS, httponly=True,
                            samesite="Lax", secure=self.secure, path="/")

    @staticmethod
    def end_session(response: web.StreamResponse) -> None:
        response.del_cookie(SESSION_COOKIE, path="/")

    # -- CSRF ------------------------------------------------------------------------------------
    def csrf_for(self, request: web.Request) -> tuple[str, str | None]:
        """(form field value, new cookie value to set or None) for a page with forms."""
        cookie = request.cookies.get(CSRF_COOKIE, "")
        new = None
        if len(cookie) < 20:
            cookie = new = secrets.token_urlsafe(24)
        return self._sign(self._csrf_key, cookie), new

    def set_csrf_cookie(self, response: web.StreamResponse, value: str) -> None:
        response.set_cookie(CSRF_COOKIE, value, httponly=True, samesite="Strict", secure=self.secure, path="/")

    def check_csrf(self, request: web.Request, form: Mapping[str, object]) -> None:
        """Refuse a POST whose CSRF field does not match its cookie."""
        cookie = request.cookies.get(CSRF_COOKIE, "")
        field = str(form.get("csrf", ""))
        if not cookie or not field or not hmac.compare_digest(self._sign(self._csrf_key, cookie), field):
            raise ApprovalError("this form has expired or was not sent from promisegate's own page; "
                                "reload the page and try again")
