"""Events: the programme, create / edit / cancel with every field, registrants per council, CSV, attendance."""

from __future__ import annotations

from starlette.responses import Response

from bot.console.web import Ctx, Page
from bot.events.editing import FIELDS
from bot.events.texts import KIND_LABELS

LABELS = {"kind": "Type", "title": "Titre", "start": "Début (heure de Paris)", "end": "Fin",
          "month": "Mois, si la date n'est pas fixée", "place": "Lieu", "online_url": "Lien de visioconférence",
          "audience": "Public", "territory": "Territoire", "capacity": "Places", "deadline": "Inscriptions jusqu'au",
          "description": "Description", "price": "Tarif"}
HINTS = {"start": "AAAA-MM-JJ HH:MM, ou AAAA-MM-JJ pour toute la journée ; vide si la date reste à fixer",
         "end": "facultatif, AAAA-MM-JJ HH:MM", "month": "AAAA-MM", "capacity": "vide : sans limite",
         "deadline": "facultatif, AAAA-MM-JJ HH:MM", "online_url": "https://…"}
STATUS = {"planned": "Prévu", "to_confirm": "Date à confirmer", "cancelled": "Annulé"}
NO_EVENT = "Cet événement n'existe pas."


def _form_page(ctx: Ctx, values: dict[str, str], errors: dict[str, str], event_id: int | None,
               status: int = 200) -> Response:
    view = ctx.services.event(event_id) if event_id is not None else None
    return ctx.render("event_edit.html", status=status, values=values, errors=errors, fields=FIELDS, labels=LABELS,
                      hints=HINTS, kinds=KIND_LABELS, view=view, statuses=STATUS,
                      action=f"/evenements/{event_id}" if event_id is not None else "/evenements/nouveau")


def programme(ctx: Ctx) -> Response:
    return ctx.render("events.html", rows=ctx.services.events(), kinds=KIND_LABELS, statuses=STATUS)


def new(ctx: Ctx) -> Response:
    if ctx.request.method == "GET":
        return _form_page(ctx, {name: "" for name in FIELDS} | {"kind": "interconseil"}, {}, None)
    values = ctx.values(FIELDS)
    saved, errors, _ = ctx.services.save_event(ctx.me, None, values)
    if saved is None:
        return _form_page(ctx, values, errors, None, 422)
    return ctx.redirect(f"/evenements/{saved}", "Événement créé : les membres le voient dans /agenda.")


def edit(ctx: Ctx) -> Response:
    number = ctx.path_number(NO_EVENT)
    view = ctx.found(ctx.services.event(number), NO_EVENT)
    if ctx.request.method == "GET":
        return _form_page(ctx, ctx.services.event_form(view.event), {}, number)
    values = ctx.values(FIELDS)
    saved, errors, told = ctx.services.save_event(ctx.me, number, values)
    if saved is None:
        return _form_page(ctx, values, errors, number, 422)
    return ctx.redirect(f"/evenements/{number}", f"Enregistré. {told} personne(s) prévenue(s) du changement.")


def cancel(ctx: Ctx) -> Response:
    number = ctx.path_number(NO_EVENT)
    if ctx.field("confirmer") != "oui":
        return ctx.redirect(f"/evenements/{number}", "Cochez la case pour confirmer l'annulation.", "error")
    told = ctx.found(ctx.services.cancel_event(ctx.me, number), NO_EVENT)
    return ctx.redirect(f"/evenements/{number}", f"Événement annulé. {told} personne(s) prévenue(s).")


def csv(ctx: Ctx) -> Response:
    name, content = ctx.found(ctx.services.registrants_csv(ctx.path_number(NO_EVENT)), NO_EVENT)
    return Response(content, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def attendance(ctx: Ctx) -> Response:
    number = ctx.path_number(NO_EVENT)
    ctx.found(ctx.services.event(number), NO_EVENT)
    present = {int(v) for v in ctx.fields("present") if v.isdigit()}
    count = ctx.services.mark_attendance(ctx.me, number, present)
    return ctx.redirect(f"/evenements/{number}", f"Présences enregistrées : {count}.")


PAGES = [
    Page("/evenements", programme),
    Page("/evenements/nouveau", new, methods=("GET", "POST")),
    Page("/evenements/{id}", edit, methods=("GET", "POST")),
    Page("/evenements/{id}/annuler", cancel, methods=("POST",)),
    Page("/evenements/{id}/inscrits.csv", csv),
    Page("/evenements/{id}/presences", attendance, methods=("POST",)),
]
