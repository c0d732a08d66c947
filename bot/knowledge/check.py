"""`hotline knowledge check`: what the loader refuses, plus what staff should look at."""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, timedelta

from bot.answering.answerer import Answerer
from bot.config import Settings
from bot.knowledge.loader import Problem, read_knowledge
from bot.knowledge.model import FaqEntry, KnowledgeBase

MAX_ANSWER_CHARS = 900
MIN_ALTERNATES = 3
MAX_ID_CHARS = 40  # ids travel in button data (64 bytes with their prefix and a number)
MAX_SHORT_WORDS = 40  # the short answer is read first, on a phone, by people new to the subject
MAX_SENTENCE_WORDS = 15  # "easy to read" (FALC) guidance: one idea per short sentence
# Capitals every resident already says as words; any other acronym is explained in the same short answer.
KNOWN_ACRONYMS = frozenset({"CAF", "HLM", "RSA", "SMS", "PDF", "QR", "OK"})
# Jargon written in small letters is an acronym all the same: « copil » is « comité de pilotage ».
LOWERCASE_JARGON = ("copil", "cotech", "cdv", "qpv", "fph", "anru", "npnru", "gusp", "tfpb", "clspd")

_WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿŒœ]")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+")
_ACRONYM = re.compile(r"(?<![\w-])[A-ZÀ-Ý]{2,}(?![\w-])")


def _words(text: str) -> list[str]:
    return [token for token in text.split() if _WORD.search(token)]


def _explained(acronym: str, text: str) -> bool:
    """« QPV (quartier prioritaire) » or « quartier prioritaire (QPV) »: the reader gets the words with it."""
    return re.search(rf"\b{acronym}\b\s*\(|\({acronym}\)", text) is not None


def short_answer_faults(text: str) -> list[str]:
    """What makes a short answer hard to read: too long, long sentences, unexplained acronyms."""
    faults: list[str] = []
    words = len(_words(text))
    if words > MAX_SHORT_WORDS:
        faults.append(f"réponse courte de {words} mots (au plus {MAX_SHORT_WORDS})")
    for sentence in _SENTENCE_END.split(text.strip()):
        if len(_words(sentence)) > MAX_SENTENCE_WORDS:
            faults.append(f"phrase de {len(_words(sentence))} mots (au plus {MAX_SENTENCE_WORDS}) : « {sentence[:60]}… »")
    acronyms = set(_ACRONYM.findall(text)) - KNOWN_ACRONYMS
    acronyms |= {word for word in LOWERCASE_JARGON if re.search(rf"(?<![\w/-]){word}(?![\w-])", text)}
    for acronym in sorted(acronyms):
        if not _explained(acronym, text):
            faults.append(f"sigle « {acronym} » sans explication : écrire les mots, ou « {acronym} (…) »")
    return faults


def _warn(entry: FaqEntry, message: str, severity: str = "warning") -> Problem:
    return Problem(location=entry.origin, message=f"[{entry.id}] {message}", severity=severity)


def content_problems(kb: KnowledgeBase, *, today: date, max_age_days: int) -> list[Problem]:
    problems: list[Problem] = []
    oldest = today - timedelta(days=max_age_days)
    for entry in kb.faq:
        if len(entry.id) > MAX_ID_CHARS:
            problems.append(_warn(entry, f"identifiant trop long (plus de {MAX_ID_CHARS} caractères)", "error"))
        if len(entry.answer) > MAX_ANSWER_CHARS:
            problems.append(_warn(entry, f"réponse de {len(entry.answer)} caractères : raccourcir (ou « more »)"))
        if len(entry.alternates) < MIN_ALTERNATES:
            problems.append(_warn(entry, f"{len(entry.alternates)} formulation(s) : il en faut au moins {MIN_ALTERNATES}"))
        if entry.reviewed is not None and entry.reviewed < oldest:
            problems.append(_warn(entry, f"relue le {entry.reviewed.isoformat()} : plus de {max_age_days} jours"))
        if entry.needs_review:
            problems.append(_warn(entry, "marquée « review: true » : à faire relire par l'équipe", "info"))
        if entry.short is not None:
            location = entry.short_origin or entry.origin
            problems += [Problem(location=location, message=f"[{entry.id}] {fault}")
                         for fault in short_answer_faults(entry.short)]
    for doc in kb.documents:
        if doc.reviewed is not None and doc.reviewed < oldest:
            problems.append(Problem(location=doc.origin, message=f"fiche relue le {doc.reviewed}", severity="warning"))
    return problems


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
            problems.append(_warn(entry, f"question impossible à distinguer de « {rival.entry.id} » "
                                         f"({rival.score:g} contre {own:g}) : reformuler l'une des deux", "error"))
        elif rival is not None and own - rival.score < margin:
            problems.append(_warn(entry, f"question très proche de « {rival.entry.id} » ({rival.score:g} contre "
                                         f"{own:g}) : la hotline proposera un choix au lieu de répondre"))
        for alternate in entry.alternates:
            top = answerer.matcher.rank(answerer.analyze(alternate), limit=1)
            if top and top[0].entry.id != entry.id:
                problems.append(_warn(entry, f"la formulation « {alternate} » mène à « {top[0].entry.id} »"))
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
