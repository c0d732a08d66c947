"""The console's web application: every route is a `Page`, and every page goes through `_endpoint`,
the one place that refuses visitors without a session and POSTs without a CSRF token."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, TypeVar

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from bot.console.access import StaffUser
from bot.console.security import FLASH_COOKIE, Guard, SignInLimiter
from bot.console.services import ConsoleServices

# Pages are ours and htmx is served from /static: nothing from elsewhere runs, nothing is framed.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",  # sign-in links carry a token: never in a Referer
    "Cache-Control": "no-store",
}

T = TypeVar("T")


class Missing(Exception):
    """Raised by a page when what the address names does not exist: the visitor gets the "missing" page (404)."""

    def __init__(self, what: str) -> None:
        super().__init__(what)
        self.what = what


@dataclass
class Ctx:
    """What a page handler gets: the request, who is signed in, the form, and the services."""

    request: Request
    staff: StaffUser | None
    form: FormData
    csrf: str
    services: ConsoleServices
    guard: Guard
    templates: Jinja2Templates
    after: list[Callable[[Response], None]] = field(default_factory=list)

    @property
    def me(self) -> StaffUser:
        assert self.staff is not None, "a public page asked who is signed in"
        return self.staff

    def arg(self, name: str, default: str = "") -> str:
        return self.request.query_params.get(name, default)

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name, default)
        return value if isinstance(value, str) else default

    def fields(self, name: str) -> list[str]:
        return [v for v in self.form.getlist(name) if isinstance(v, str)]

    def values(self, names: Iterable[str]) -> dict[str, str]:
        """The posted form's fields, by name (missing ones are empty)."""
        return {name: self.field(name) for name in names}

    def number(self, name: str) -> int | None:
        raw = str(self.request.path_params.get(name, ""))
        return int(raw) if raw.isdigit() and len(raw) < 10 else None

    def path_number(self, missing: str) -> int:
        """The number in the address (`{id}`); without one, the page says `missing`."""
        return self.found(self.number("id"), missing)

    @staticmethod
    def found(value: T | None, missing: str) -> T:
        """`value`, or the page saying `missing` (404) when there is none."""
        if value is None:
            raise Missing(missing)
        return value

    def render(self, template: str, status: int = 200, **context: Any) -> Response:
        flash = self.guard.take_flash(self.request)
        if flash is not None:
            self.after.append(lambda response: response.delete_cookie(FLASH_COOKIE, path="/"))
        return self.templates.TemplateResponse(self.request, template, {
            "staff": self.staff, "csrf": self.csrf, "flash": flash, "now": self.services.now(),
            "path": self.request.url.path, **context}, status_code=status)

    def redirect(self, url: str, flash: str | None = None, kind: str = "ok") -> Response:
        response = RedirectResponse(url, status_code=303)
        if flash:
            self.guard.set_flash(response, flash, kind)
        return response


Handler = Callable[[Ctx], Response]


def _handle(handler: Handler, ctx: Ctx) -> Response:
    try:
        return handler(ctx)
    except Missing as missing:
        return ctx.render("missing.html", status=404, what=missing.what)


@dataclass(frozen=True)
class Page:
    path: str
    handler: Handler
    methods: tuple[str, ...] = ("GET",)
    public: bool = False  # only the sign-in pages


def _refuse(request: Request) -> Response:
    if request.method == "GET" and "hx-request" not in request.headers:
        return RedirectResponse("/connexion", status_code=303)
    return HTMLResponse("<p>Connectez-vous d'abord : tapez /console dans le groupe de l'équipe.</p>", status_code=401)


def _expired_form() -> Response:
    return HTMLResponse("<p>Ce formulaire a expiré ou ne vient pas de la console. Rechargez la page et recommencez."
                        "</p>", status_code=403)


def _french_date(value: datetime | None, fmt: str = "%d/%m/%Y %H:%M") -> str:
    return "" if value is None else value.strftime(fmt)


def build_web_app(services: ConsoleServices, *, guard: Guard, pages: Iterable[Page]) -> Starlette:
    env = jinja2.Environment(loader=jinja2.PackageLoader("bot.console", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters["local"] = lambda value, fmt="%d/%m/%Y %H:%M": _french_date(services.local(value), fmt)
    templates = Jinja2Templates(env=env)

    def endpoint(page: Page) -> Callable[[Request], Any]:
        async def run(request: Request) -> Response:
            seed, fresh = guard.csrf_seed(request)
            staff = await run_in_threadpool(guard.staff, request)
            ctx: Ctx | None = None
            if staff is None and not page.public:
                response = _refuse(request)
            else:
                form = await request.form() if request.method == "POST" else FormData()
                if request.method == "POST" and not guard.csrf_ok(request, form, seed):
                    response = _expired_form()
                else:
                    ctx = Ctx(request=request, staff=staff, form=form, csrf=guard.csrf_token(seed),
                              services=services, guard=guard, templates=templates)
                    response = await run_in_threadpool(_handle, page.handler, ctx)
            for step in ctx.after if ctx is not None else ():
                step(response)
            if fresh:
                guard.keep_seed(response, seed)
            response.headers.update(SECURITY_HEADERS)
            return response

        return run

    routes: list[Route | Mount] = [Route(p.path, endpoint(p), methods=list(p.methods)) for p in pages]
    routes.append(Mount("/static", StaticFiles(packages=[("bot.console", "static")]), name="static"))
    return Starlette(routes=routes)


def new_secret() -> str:
    return secrets.token_urlsafe(48)


def make_guard(services: ConsoleServices, secret: str | None) -> Guard:
    settings = services.settings.console
    return Guard(access=services.access, secret=secret or new_secret(), secure=settings.secure_cookies,
                 session_ttl=timedelta(hours=settings.session_hours), limiter=SignInLimiter(clock=services.clock))
