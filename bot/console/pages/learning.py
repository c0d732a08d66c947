"""Active learning: what the hotline could not answer lately, grouped, with one click to teach it."""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.responses import Response

from bot.console.web import Ctx, Page


def to_learn(ctx: Ctx) -> Response:
    groups = ctx.services.to_learn()
    return ctx.render("learning.html", groups=groups,
                      new_entry=lambda text: "/connaissances/nouveau/faq?" + urlencode({"question": text}))


def add_wording(ctx: Ctx) -> Response:
    text, entry = ctx.field("texte").strip(), ctx.field("fiche").strip()
    if not text or not entry:
        return ctx.redirect("/apprentissage", "Choisissez la fiche.", "error")
    return ctx.redirect("/apprentissage", ctx.services.add_wording(ctx.me, text, entry))


def journal(ctx: Ctx) -> Response:
    return ctx.render("journal.html", entries=ctx.services.access.journal())


PAGES = [
    Page("/apprentissage", to_learn),
    Page("/apprentissage/formulation", add_wording, methods=("POST",)),
    Page("/journal", journal),
]
