"""The inbox: the tickets with filters, one ticket's thread, and what the staff do with it."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from starlette.responses import Response

from bot.console.web import Ctx, Page
from bot.desk.inbox import STATUSES, InboxFilter

STATUS_LABELS = {"new": "Nouvelle", "taken": "Prise en charge", "answered": "Répondue", "closed": "Close"}
FILTER_STATUSES = [("open", "Ouvertes"), ("waiting", "En attente de l'équipe"), ("new", "Nouvelles"),
                   ("taken", "Prises en charge"), ("answered", "Répondues"), ("closed", "Closes"), ("all", "Toutes")]
AGES = {"": None, "1h": timedelta(hours=1), "1d": timedelta(days=1), "3d": timedelta(days=3), "7d": timedelta(days=7)}
NO_TICKET = "Cette question n'existe pas (ou plus)."
NEEDS = {"reply": ("texte", "Écrivez d'abord la réponse."), "attach": ("fiche", "Choisissez la fiche.")}
AGE_LABELS = [("", "Peu importe"), ("1h", "Plus d'une heure"), ("1d", "Plus d'un jour"), ("3d", "Plus de 3 jours"),
              ("7d", "Plus d'une semaine")]


def _filter(ctx: Ctx) -> InboxFilter:
    status = ctx.arg("statut", "open")
    taken = ctx.arg("par")
    return InboxFilter(status=status if status in STATUSES else "open", council_id=ctx.arg("conseil"),
                       taken_by_id=ctx.me.id if taken == "moi" else taken, older_than=AGES.get(ctx.arg("age")))


def waited_label(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes < 1:
        return "moins d'une minute"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return f"{minutes // (24 * 60)} j"


def list_tickets(ctx: Ctx) -> Response:
    wanted = _filter(ctx)
    rows = ctx.services.tickets(wanted)
    chosen = {"statut": wanted.status, "conseil": ctx.arg("conseil"), "par": ctx.arg("par"), "age": ctx.arg("age")}
    return ctx.render("inbox.html", rows=rows, chosen=chosen, statuses=FILTER_STATUSES, ages=AGE_LABELS,
                      councils=ctx.services.councils(), takers=ctx.services.takers(), labels=STATUS_LABELS,
                      waited=lambda row: waited_label(ctx.services.waited(row)),
                      query=urlencode({k: v for k, v in chosen.items() if v}))


def show_ticket(ctx: Ctx) -> Response:
    found = ctx.found(ctx.services.thread(ctx.path_number(NO_TICKET)), NO_TICKET)
    decision = ctx.services.decide(found.row.ticket.question or "")
    return ctx.render("ticket.html", thread=found, labels=STATUS_LABELS, candidates=decision.candidates[:5],
                      waited=waited_label(ctx.services.waited(found.row)))


def _act(ctx: Ctx, action: str) -> Response:
    """A button on a ticket's page; replying and attaching need what was typed or chosen."""
    number = ctx.path_number(NO_TICKET)
    ctx.found(ctx.services.thread(number), NO_TICKET)
    back = f"/questions/{number}"
    name, ask = NEEDS.get(action, ("", ""))
    given = ctx.field(name).strip() if name else ""
    if name and not given:
        return ctx.redirect(back, ask, "error")
    services, me = ctx.services, ctx.me
    if action == "learn":
        return ctx.redirect("/connaissances/brouillons", services.learn(me, number))
    done = {"reply": lambda: services.answer(me, number, given), "take": lambda: services.take(me, number),
            "close": lambda: services.close(me, number), "attach": lambda: services.attach(me, number, given),
            "share": lambda: services.share(me, number)}[action]()
    return ctx.redirect(back, done)


def similar(ctx: Ctx) -> Response:
    """The members who asked something alike, shown before anything is sent."""
    number = ctx.path_number(NO_TICKET)
    found = ctx.found(ctx.services.thread(number), NO_TICKET)
    groups = ctx.services.similar(number)
    return ctx.render("similar.html", thread=found, groups=groups, count=sum(len(g.log_ids) for g in groups))


PAGES = [
    Page("/questions", list_tickets),
    Page("/questions/{id}", show_ticket),
    Page("/questions/{id}/semblables", similar),
    Page("/questions/{id}/repondre", lambda ctx: _act(ctx, "reply"), methods=("POST",)),
    Page("/questions/{id}/prendre", lambda ctx: _act(ctx, "take"), methods=("POST",)),
    Page("/questions/{id}/clore", lambda ctx: _act(ctx, "close"), methods=("POST",)),
    Page("/questions/{id}/rattacher", lambda ctx: _act(ctx, "attach"), methods=("POST",)),
    Page("/questions/{id}/fiche", lambda ctx: _act(ctx, "learn"), methods=("POST",)),
    Page("/questions/{id}/envoyer-semblables", lambda ctx: _act(ctx, "share"), methods=("POST",)),
]
