"""Sign-in by one-time link, and sign-out. The only pages open to visitors without a session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.responses import Response

from bot.console.web import Ctx, Page

T = TypeVar("T")
TOO_MANY = "Trop d'essais depuis cette adresse. Attendez quelques minutes, puis demandez un nouveau lien."
BAD_LINK = ("Ce lien ne marche plus : il a déjà servi, il a expiré, ou il est incomplet. "
            "Tapez /console dans le groupe de l'équipe pour en recevoir un nouveau.")


def _client(ctx: Ctx) -> str:
    return ctx.request.client.host if ctx.request.client else "?"


def welcome(ctx: Ctx) -> Response:
    if ctx.staff is not None:
        return ctx.redirect("/questions")
    return ctx.render("signin.html", who=None, token="", problem=None)


def _link(ctx: Ctx, use: Callable[[str], T | None]) -> tuple[str, T] | Response:
    """The link's token and what `use` makes of it, or the page saying why not (too many tries, a bad link)."""
    token = str(ctx.request.path_params["token"])
    if not ctx.guard.limiter.allow(_client(ctx)):
        return ctx.render("signin.html", status=429, who=None, token="", problem=TOO_MANY)
    found = use(token)
    if found is None:
        return ctx.render("signin.html", status=403, who=None, token="", problem=BAD_LINK)
    return token, found


def confirm(ctx: Ctx) -> Response:
    """GET shows whom the link signs in; only the button (POST) uses it, so a link preview spends nothing."""
    checked = _link(ctx, ctx.services.access.peek)
    if isinstance(checked, Response):
        return checked
    token, who = checked
    return ctx.render("signin.html", who=who, token=token, problem=None)


def sign_in(ctx: Ctx) -> Response:
    checked = _link(ctx, ctx.services.access.redeem)
    if isinstance(checked, Response):
        return checked
    _, (staff, session_token) = checked
    response = ctx.redirect("/questions", f"Bonjour {staff.name}, vous êtes connecté·e.")
    ctx.guard.open_session(response, session_token)
    return response


def sign_out(ctx: Ctx) -> Response:
    token = ctx.guard.session_token(ctx.request)
    if token:
        ctx.services.access.sign_out(token)
    response = ctx.redirect("/connexion")
    ctx.guard.close_session(response)
    return response


def home(ctx: Ctx) -> Response:
    return ctx.redirect("/questions")


PAGES = [
    Page("/", home),
    Page("/connexion", welcome, public=True),
    Page("/connexion/{token}", confirm, public=True),
    Page("/connexion/{token}", sign_in, methods=("POST",), public=True),
    Page("/deconnexion", sign_out, methods=("POST",)),
]
