"""The one place that decides who gets a page: session cookie, CSRF token, sign-in rate limit.

- The session cookie holds a random token, signed (itsdangerous); the database says whether it is
  still valid (logging out revokes it). HttpOnly, SameSite=Lax, Secure when the console is on HTTPS.
- CSRF: a random seed in its own cookie; every form carries an HMAC of it, and every POST must
  bring it back (form field `csrf_token` or header `X-CSRF-Token` for htmx). Another site can
  neither read the cookie nor compute the HMAC.
- Sign-in attempts are limited per address: a link token cannot be guessed by trying.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from itsdangerous import BadSignature, URLSafeSerializer
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response

from bot.clock import Clock
from bot.console.access import ConsoleAccess, StaffUser

SESSION_COOKIE = "hotline_session"
CSRF_COOKIE = "hotline_csrf"
FLASH_COOKIE = "hotline_flash"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


@dataclass
class SignInLimiter:
    """At most `attempts` sign-in tries per address within `window` (then a polite 429)."""

    clock: Clock
    attempts: int = 10
    window: timedelta = timedelta(minutes=10)
    _seen: dict[str, deque[datetime]] = field(default_factory=lambda: defaultdict(deque))

    def allow(self, key: str) -> bool:
        now = self.clock.now()
        seen = self._seen[key]
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        if len(seen) >= self.attempts:
            return False
        seen.append(now)
        return True


class Guard:
    def __init__(self, *, access: ConsoleAccess, secret: str, secure: bool, session_ttl: timedelta,
                 limiter: SignInLimiter) -> None:
        self.access = access
        self.secure = secure
        self.session_ttl = session_ttl
        self.limiter = limiter
        self._key = hashlib.sha256(("csrf:" + secret).encode()).digest()
        self._sessions = URLSafeSerializer(secret, salt="hotline-console-session")
        self._flash = URLSafeSerializer(secret, salt="hotline-console-flash")

    # --- sessions -------------------------------------------------------------------------

    def session_token(self, request: Request) -> str | None:
        raw = request.cookies.get(SESSION_COOKIE)
        if not raw:
            return None
        try:
            token = self._sessions.loads(raw)
        except BadSignature:
            return None
        return token if isinstance(token, str) else None

    def staff(self, request: Request) -> StaffUser | None:
        token = self.session_token(request)
        return self.access.signed_in(token) if token else None

    def open_session(self, response: Response, token: str) -> None:
        response.set_cookie(SESSION_COOKIE, self._sessions.dumps(token), max_age=int(self.session_ttl.total_seconds()),
                            httponly=True, samesite="lax", secure=self.secure, path="/")

    def close_session(self, response: Response) -> None:
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=self.secure)

    # --- CSRF -----------------------------------------------------------------------------

    def csrf_seed(self, request: Request) -> tuple[str, bool]:
        """The browser's seed, or a new one (True: to be set on the response)."""
        seed = request.cookies.get(CSRF_COOKIE, "")
        if len(seed) == 43 and seed.replace("-", "").replace("_", "").isalnum():
            return seed, False
        return secrets.token_urlsafe(32), True

    def csrf_token(self, seed: str) -> str:
        return hmac.new(self._key, seed.encode(), hashlib.sha256).hexdigest()

    def csrf_ok(self, request: Request, form: FormData, seed: str) -> bool:
        given = request.headers.get(CSRF_HEADER) or form.get(CSRF_FIELD) or ""
        return isinstance(given, str) and hmac.compare_digest(given, self.csrf_token(seed))

    def keep_seed(self, response: Response, seed: str) -> None:
        response.set_cookie(CSRF_COOKIE, seed, httponly=True, samesite="strict", secure=self.secure, path="/")

    # --- one-shot messages after a redirect -------------------------------------------------

    def set_flash(self, response: Response, text: str, kind: str = "ok") -> None:
        response.set_cookie(FLASH_COOKIE, self._flash.dumps([kind, text[:600]]), httponly=True, samesite="lax",
                            secure=self.secure, path="/")

    def take_flash(self, request: Request) -> tuple[str, str] | None:
        raw = request.cookies.get(FLASH_COOKIE)
        if not raw:
            return None
        try:
            kind, text = self._flash.loads(raw)
        except (BadSignature, ValueError, TypeError):
            return None
        return str(kind), str(text)
