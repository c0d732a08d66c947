"""Active learning: what the hotline could not answer lately, grouped, with one click to teach it."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from starlette.responses import Response

from bot.answering.decision import Decision
from bot.console.web import Ctx, Page
from bot.desk.learning import SimilarGroup
from bot.knowledge.model import FaqEntry, KnowledgeBase


@dataclass(frozen=True, kw_only=True)
class Group:
    """A group of the queue as the page shows it: what the members picked or turned down, and the entries
    offered for the wording — the members' own pick first (pre-selected), then the hotline's candidates."""

    group: SimilarGroup
    chosen: tuple[FaqEntry, ...]
    rejected: tuple[FaqEntry, ...]
    choices: tuple[tuple[FaqEntry, float | None], ...]

    @property
    def log_ids(self) -> str:
        return ",".join(str(i) for i in self.group.log_ids)


def shown(group: SimilarGroup, decision: Decision, kb: KnowledgeBase) -> Group:
    chosen = tuple(e for e in map(kb.entry, group.chosen) if e is not None)
    rejected = tuple(e for e in map(kb.entry, group.rejected) if e is not None)
    picked = {e.id for e in chosen}
    offered = [(c.entry, c.score) for c in decision.candidates[:3] if c.entry.id not in picked]
    return Group(group=group, chosen=chosen, rejected=rejected,
                 choices=(*((e, None) for e in chosen[:3]), *offered[:max(0, 3 - len(chosen))]))


def log_ids(ctx: Ctx) -> tuple[int, ...]:
    return tuple(int(i) for i in ctx.field("questions").split(",")[:1000] if i.isdigit())


def to_learn(ctx: Ctx) -> Response:
    kb = ctx.services.kb
    groups = [shown(group, decision, kb) for group, decision in ctx.services.to_learn()]
    return ctx.render("learning.html", groups=groups,
                      new_entry=lambda text: "/connaissances/nouveau/faq?" + urlencode({"question": text}))


def add_wording(ctx: Ctx) -> Response:
    text, entry = ctx.field("texte").strip(), ctx.field("fiche").strip()
    if not text or not entry:
        return ctx.redirect("/apprentissage", "Choisissez la fiche.", "error")
    return ctx.redirect("/apprentissage", ctx.services.add_wording(ctx.me, text, entry, log_ids(ctx)))


def set_aside(ctx: Ctx) -> Response:
    return ctx.redirect("/apprentissage", ctx.services.set_aside(ctx.me, log_ids(ctx)))


def journal(ctx: Ctx) -> Response:
    return ctx.render("journal.html", entries=ctx.services.access.journal())


PAGES = [
    Page("/apprentissage", to_learn),
    Page("/apprentissage/formulation", add_wording, methods=("POST",)),
    Page("/apprentissage/ecarter", set_aside, methods=("POST",)),
    Page("/journal", journal),
]
