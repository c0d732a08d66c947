"""Members: find one, see what is kept (the /mesdonnees view), erase on request with confirmation."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.web import Ctx, Page

NO_MEMBER = "Ce membre n'existe pas."


def find(ctx: Ctx) -> Response:
    query = ctx.arg("q").strip()
    return ctx.render("members.html", query=query, found=ctx.services.find_members(query))


def show(ctx: Ctx) -> Response:
    gone = "Ce membre n'existe pas (ou ses données ont été effacées)."
    member, name, data = ctx.found(ctx.services.member_data(ctx.path_number(gone)), gone)
    return ctx.render("member.html", member=member, name=name, data=data)


def erase(ctx: Ctx) -> Response:
    number = ctx.path_number(NO_MEMBER)
    if ctx.field("confirmer") != "EFFACER":
        return ctx.redirect(f"/membres/{number}", "Pour effacer, tapez EFFACER dans la case.", "error")
    done = ctx.found(ctx.services.erase_member(ctx.me, number), NO_MEMBER)
    return ctx.redirect("/membres", f"Données effacées : {done}.")


PAGES = [
    Page("/membres", find),
    Page("/membres/{id}", show),
    Page("/membres/{id}/effacer", erase, methods=("POST",)),
]
