"""The knowledge editor: search, edit with the checks' errors next to each field, the test pane, the history
with revert, and the review queue of drafts."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote

from starlette.responses import Response

from bot.answering.decision import Decision
from bot.console.web import Ctx, Missing, Page
from bot.desk.editor import Saved
from bot.knowledge.edits import FIELDS, KINDS
from bot.storage.models import EditStatus

KIND_LABELS = {"faq": "Questions (FAQ)", "glossary": "Glossaire", "contact": "Contacts"}
SINGULAR = {"faq": "la fiche", "glossary": "le terme", "contact": "le contact"}
LABELS = {
    "id": ("Identifiant", "minuscules, chiffres et tirets ; ne change pas une fois publiée"),
    "question": ("Question", "telle qu'un membre la poserait"),
    "alternates": ("Autres formulations", "une par ligne ; au moins trois, avec les fautes et le langage SMS"),
    "short": ("Réponse courte", "40 mots au plus, phrases courtes, sans jargon : ce que le membre lit d'abord"),
    "answer": ("Réponse", "claire, avec « vous »"),
    "more": ("Réponse complète", "facultatif : le détail, montré quand le membre demande « en savoir plus »"),
    "source": ("Source", "obligatoire : le document, la loi ou le texte officiel d'où vient la réponse"),
    "related": ("Fiches liées", "identifiants séparés par des virgules"),
    "tags": ("Mots-clés", "séparés par des virgules"),
    "reviewed": ("Relue le", "AAAA-MM-JJ"),
    "review": ("À faire relire", "la réponse doit être vérifiée par l'équipe"),
    "term": ("Terme ou sigle", ""), "meaning": ("Sens", "en une ligne"),
    "definition": ("Définition", "facultatif : l'explication en mots simples"),
    "synonyms": ("Synonymes", "un par ligne"),
    "role": ("Rôle", "jamais le nom d'une personne"), "description": ("Description", ""),
    "address": ("Adresse", "publique seulement"), "phone": ("Téléphone", "public seulement"),
    "email": ("Courriel", "public seulement"), "website": ("Site web", ""),
    "how": ("Comment le joindre", "quand il n'y a pas de coordonnées sûres"),
}
LONG = {"short", "answer", "more", "definition", "description", "alternates", "synonyms", "how"}
NO_ITEM = "Cet élément n'existe pas (ou plus)."
DECISIONS = {"answer": "Réponse directe", "suggest": "Propose un choix (« Vouliez-vous dire… »)",
             "unknown": "Ne sait pas", "smalltalk": "Politesse / aide", "glossary": "Définition du glossaire",
             "passage": "Extrait d'une fiche", "agenda": "Agenda", "empty": "Message vide"}


def _kind(ctx: Ctx) -> str | None:
    kind = str(ctx.request.path_params.get("kind", ""))
    return kind if kind in KINDS else None


def _edit_page(ctx: Ctx, kind: str, key: str | None, values: Mapping[str, str], *, saved: Saved | None = None,
               status: int = 200, draft_id: int | None = None) -> Response:
    history = ctx.services.editor.history(kind, key) if key and draft_id is None else []
    action = (f"/connaissances/brouillons/{draft_id}" if draft_id is not None
              else f"/connaissances/{kind}/{quote(key, safe='')}" if key else f"/connaissances/nouveau/{kind}")
    return ctx.render("knowledge_edit.html", status=status, kind=kind, key=key, values=values, fields=FIELDS[kind],
                      labels=LABELS, long=LONG, errors=saved.verdict.errors if saved else {},
                      warnings=saved.verdict.warnings if saved else [], history=history, action=action,
                      kind_label=KIND_LABELS[kind], draft_id=draft_id, singular=SINGULAR[kind])


def list_items(ctx: Ctx) -> Response:
    kind = ctx.arg("type", "faq")
    kind = kind if kind in KINDS else "faq"
    query = ctx.arg("q").strip()
    items = ctx.services.editor.items(kind, query)
    return ctx.render("knowledge.html", kind=kind, kinds=KIND_LABELS, items=items, query=query,
                      drafts=len(ctx.services.editor.drafts()))


def _item(ctx: Ctx) -> tuple[str, str, dict[str, str]]:
    """The kind and key in the address, and the item's form (the missing page when there is no such item)."""
    kind, key = ctx.found(_kind(ctx), NO_ITEM), str(ctx.request.path_params.get("key", ""))
    return kind, key, ctx.found(ctx.services.editor.form(kind, key), NO_ITEM)


def edit(ctx: Ctx) -> Response:
    kind, key, values = _item(ctx)
    return _edit_page(ctx, kind, key, values)


def save(ctx: Ctx) -> Response:
    kind, key, _ = _item(ctx)
    values = ctx.values(FIELDS[kind])
    saved = ctx.services.editor.save(ctx.me.as_sender(), kind, key, values)
    if saved.edit is None:
        return _edit_page(ctx, kind, key, values, saved=saved, status=422)
    ctx.services.access.audit(ctx.me, "knowledge.save", f"{kind}:{key}", f"version {saved.edit.id}")
    notice = f"Enregistré : la hotline répond avec cette version dès maintenant (version n° {saved.edit.id})."
    if saved.verdict.warnings:
        notice += "\nÀ regarder : " + " ; ".join(saved.verdict.warnings)
    return ctx.redirect(f"/connaissances/{kind}/{quote(key, safe='')}", notice)


def new(ctx: Ctx) -> Response:
    kind = ctx.found(_kind(ctx), "Ce type n'existe pas.")
    if ctx.request.method == "GET":  # "Créer une fiche" from a member's question fills it in
        return _edit_page(ctx, kind, None, {name: ctx.arg(name) for name in FIELDS[kind]})
    values = ctx.values(FIELDS[kind])
    saved = ctx.services.editor.save(ctx.me.as_sender(), kind, None, values)
    if saved.edit is None:
        return _edit_page(ctx, kind, None, values, saved=saved, status=422)
    ctx.services.access.audit(ctx.me, "knowledge.create", f"{kind}:{saved.edit.key}", f"version {saved.edit.id}")
    return ctx.redirect(f"/connaissances/{kind}/{quote(saved.edit.key, safe='')}",
                        "Créé : la hotline s'en sert dès maintenant.")


def revert(ctx: Ctx) -> Response:
    gone = "Cette version n'existe pas."
    number = ctx.path_number(gone)
    old = ctx.found(ctx.services.editor.get(number), gone)
    saved = ctx.services.editor.revert(ctx.me.as_sender(), number)
    back = f"/connaissances/{old.kind}/{quote(old.key, safe='')}"
    if saved is None or saved.edit is None:
        problems = "; ".join(saved.verdict.errors.values()) if saved else ""
        return ctx.redirect(back, f"Impossible de rétablir la version n° {number} : {problems}", "error")
    ctx.services.access.audit(ctx.me, "knowledge.revert", f"{old.kind}:{old.key}", f"version {number}")
    return ctx.redirect(back, f"Version n° {number} rétablie : la hotline s'en sert dès maintenant.")


def test_pane(ctx: Ctx) -> Response:
    """The live matcher's answer: decision, score and candidates (an htmx fragment, or a page without JS)."""
    question = (ctx.field("question") if ctx.request.method == "POST" else ctx.arg("question")).strip()
    decision: Decision | None = ctx.services.editor.test(question) if question else None
    fragment = "hx-request" in ctx.request.headers
    return ctx.render("test_pane.html", question=question, decision=decision, decisions=DECISIONS, fragment=fragment)


def drafts(ctx: Ctx) -> Response:
    return ctx.render("drafts.html", drafts=ctx.services.editor.drafts())


def draft(ctx: Ctx) -> Response:
    gone = "Ce brouillon n'existe pas (ou a déjà été traité)."
    number = ctx.path_number(gone)
    found = ctx.found(ctx.services.editor.get(number), gone)
    if found.status != EditStatus.DRAFT:
        raise Missing(gone)
    if ctx.request.method == "GET":
        return _edit_page(ctx, found.kind, found.key, ctx.services.editor.as_form(found), draft_id=number)
    if ctx.field("action") == "rejeter":
        ctx.services.editor.reject(number)
        ctx.services.access.audit(ctx.me, "knowledge.reject", f"{found.kind}:{found.key}", f"brouillon {number}")
        return ctx.redirect("/connaissances/brouillons", "Brouillon écarté : il ne sera pas publié.")
    values = ctx.values(FIELDS[found.kind])
    saved = ctx.services.editor.publish(ctx.me.as_sender(), number, values)
    if saved is None or saved.edit is None:
        return _edit_page(ctx, found.kind, found.key, values, saved=saved, status=422, draft_id=number)
    ctx.services.access.audit(ctx.me, "knowledge.publish", f"{found.kind}:{saved.edit.key}", f"brouillon {number}")
    return ctx.redirect(f"/connaissances/{found.kind}/{quote(saved.edit.key, safe='')}",
                        "Publié : les membres reçoivent cette réponse dès maintenant.")


PAGES = [
    Page("/connaissances", list_items),
    Page("/connaissances/tester", test_pane, methods=("GET", "POST")),
    Page("/connaissances/brouillons", drafts),
    Page("/connaissances/brouillons/{id}", draft, methods=("GET", "POST")),
    Page("/connaissances/versions/{id}/retablir", revert, methods=("POST",)),
    Page("/connaissances/nouveau/{kind}", new, methods=("GET", "POST")),
    Page("/connaissances/{kind}/{key}", edit),
    Page("/connaissances/{kind}/{key}", save, methods=("POST",)),
]
