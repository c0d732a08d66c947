"""The checks that need the answerer: can each entry be found by its own question? Used by
`hotline knowledge check` (the whole base) and by the console before an edit is saved (one item, in the
knowledge it will serve). The checks on the content alone are in `bot.knowledge.check`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from bot.answering.answerer import Answerer
from bot.config import AnsweringSettings, Settings
from bot.knowledge.check import content_problems, entry_problem
from bot.knowledge.edits import _SHORT, KEY_FIELD, Item, copy, key_of, origin, with_item
from bot.knowledge.loader import Problem, _reference_problems, parse_item, read_knowledge
from bot.knowledge.model import FaqEntry, KnowledgeBase, Location


@dataclass(frozen=True, kw_only=True)
class Verdict:
    """What the checks say about a version: errors next to their field (refused), warnings (saved)."""

    item: Item | None
    errors: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    answerer: Answerer | None = field(default=None, repr=False, compare=False)  # built for the check, if any

    @property
    def ok(self) -> bool:
        return self.item is not None and not self.errors



def ambiguity_problems(kb: KnowledgeBase, answerer: Answerer, only: Collection[str] | None = None) -> list[Problem]:
    """Entries the matcher cannot tell apart: an entry's own question must find it first, clearly.
    `only`: check these entries (the console checks the one being saved)."""
    problems: list[Problem] = []
    margin = answerer.settings.margin
    for entry in kb.faq:
        if only is not None and entry.id not in only:
            continue
        ranked = answerer.matcher.rank(answerer.analyze(entry.question), limit=2)
        own = next((c.score for c in ranked if c.entry.id == entry.id), 0.0)
        rival = next((c for c in ranked if c.entry.id != entry.id), None)
        if rival is not None and rival.score >= own:
            problems.append(entry_problem(entry, f"question impossible à distinguer de « {rival.entry.id} » "
                                         f"({rival.score:g} contre {own:g}) : reformuler l'une des deux", "error"))
        elif rival is not None and own - rival.score < margin:
            problems.append(entry_problem(entry, f"question très proche de « {rival.entry.id} » ({rival.score:g} contre "
                                         f"{own:g}) : la hotline proposera un choix au lieu de répondre"))
        for alternate in entry.alternates:
            top = answerer.matcher.rank(answerer.analyze(alternate), limit=1)
            if top and top[0].entry.id != entry.id:
                problems.append(entry_problem(entry, f"la formulation « {alternate} » mène à « {top[0].entry.id} »"))
    return problems


def check_knowledge(settings: Settings, *, today: date) -> tuple[list[Problem], str]:
    kb, problems = read_knowledge(settings.knowledge_dir)
    problems += content_problems(kb, today=today, max_age_days=settings.review_max_age_days)
    if not any(p.severity == "error" for p in problems):
        problems += ambiguity_problems(kb, Answerer(kb, settings.answering))
    counts = {s: sum(1 for p in problems if p.severity == s) for s in ("error", "warning", "info")}
    summary = (f"{len(kb.faq)} entrées de FAQ, {len(kb.glossary)} termes du glossaire, {len(kb.documents)} fiches "
               f"({len(kb.passages)} passages), {len(kb.contacts)} contacts, {len(kb.events)} événements, "
               f"{len(kb.councils)} conseils. {counts['error']} erreur(s), {counts['warning']} avertissement(s), "
               f"{counts['info']} à relire.")
    return problems, summary


def _field_of(kind: str, message: str) -> str:
    """The form field a check's message is about (the messages name it in words)."""
    short = [("courte", "short"), ("short", "short")] if _SHORT else []
    needles: list[tuple[str, str]] = [("related", "related"), ("formulation", "alternates"), *short,
                                      ("réponse", "answer"), ("relue", "reviewed"), ("question", "question")]
    return next((name for needle, name in needles if needle in message), KEY_FIELD[kind])


def check_edit(kind: str, data: Mapping[str, Any], *, key: str | None, kb: KnowledgeBase, answering: AnsweringSettings,
          today: date, max_age_days: int, previous: Answerer | None = None, at: Location | None = None,
          served: Callable[[Item], KnowledgeBase] | None = None) -> Verdict:
    """The rules of `hotline knowledge check`, for one item in the knowledge in service. `previous`: the
    answerer in service (of `kb`), whose analyses the check's answerer reuses; `at`: the item's origin (the
    version it will be stored as); `served`: the knowledge served once the item is published (else `kb`
    with the item in). The answerer built for the check comes with the verdict: once the version is stored,
    the learning loop serves it when the knowledge is the same."""
    at = at or origin()
    item, problems = parse_item(kind, dict(data), at)
    errors: dict[str, str] = {}
    for name, message in problems:
        errors.setdefault(name or KEY_FIELD[kind], message)
    if item is None or errors:
        return Verdict(item=None, errors=errors)
    new_kb = served(item) if served is not None else with_item(kb, kind, key, item)
    warnings: list[str] = []
    found = [p for p in _reference_problems(new_kb) if p.location == at]
    answerer: Answerer | None = None
    if isinstance(item, FaqEntry):
        found += content_problems(copy(new_kb, faq=(item,)), today=today, max_age_days=max_age_days)
        answerer = Answerer(new_kb, answering, previous=previous)
        found += ambiguity_problems(new_kb, answerer, only=(item.id,))
    for problem in found:
        message = problem.message.removeprefix(f"[{key_of(kind, item)}] ")
        if problem.severity == "error":
            errors.setdefault(_field_of(kind, message), message)
        elif problem.severity == "warning":
            warnings.append(message)
    return Verdict(item=item if not errors else None, errors=errors, warnings=warnings,
                   answerer=answerer if not errors else None)
