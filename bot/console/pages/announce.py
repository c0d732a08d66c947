"""Announcements: compose, target, preview with the number of recipients, confirm, and a live progress bar."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.web import Ctx, Page

FIELDS = ("sujet", "cible", "territoire", "conseil", "texte")


def _target_value(values: dict[str, str]) -> str:
    return values["territoire"] if values["cible"] == "territory" else values["conseil"]


def announcements(ctx: Ctx, values: dict[str, str] | None = None, problem: str | None = None,
                  status: int = 200) -> Response:
    return ctx.render("announce.html", status=status, topics=ctx.services.topics, places=ctx.services.territories(),
                      councils=ctx.services.councils(), recent=ctx.services.announcements(), problem=problem,
                      values=values or {"sujet": "agenda", "cible": "all", "territoire": "", "conseil": "", "texte": ""})


def preview(ctx: Ctx) -> Response:
    values = ctx.values(FIELDS)
    target = ctx.services.target(values["sujet"], values["cible"], _target_value(values))
    if isinstance(target, str):
        return announcements(ctx, values, target, 422)
    if not values["texte"].strip():
        return announcements(ctx, values, "Écrivez le texte de l'annonce.", 422)
    shown, count, audience = ctx.services.announcement_preview(target, values["texte"])
    return ctx.render("announce_preview.html", values=values, shown=shown, count=count, audience=audience)


def send(ctx: Ctx) -> Response:
    values = ctx.values(FIELDS)
    target = ctx.services.target(values["sujet"], values["cible"], _target_value(values))
    launched = target if isinstance(target, str) else ctx.services.launch(ctx.me, target, values["texte"])
    if isinstance(launched, str):
        return announcements(ctx, values, launched, 422)
    return ctx.redirect(f"/annonces/{launched}", f"Annonce n° {launched} en cours d'envoi.")


def show(ctx: Ctx) -> Response:
    gone = "Cette annonce n'existe pas."
    progress = ctx.found(ctx.services.progress(ctx.path_number(gone)), gone)
    template = "announce_progress.html" if "hx-request" in ctx.request.headers else "announce_show.html"
    return ctx.render(template, p=progress)


PAGES = [
    Page("/annonces", announcements),
    Page("/annonces/apercu", preview, methods=("POST",)),
    Page("/annonces/envoyer", send, methods=("POST",)),
    Page("/annonces/{id}", show),
]
