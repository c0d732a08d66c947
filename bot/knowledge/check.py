"""`hotline knowledge check`, its part that reads the knowledge alone: what staff should look at in the content.

The part that needs the answerer (can each entry be found?) is in `bot.answering.knowledge_check`."""

from __future__ import annotations

import re
from datetime import date, timedelta

from bot.knowledge.loader import Problem
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


def entry_problem(entry: FaqEntry, message: str, severity: str = "warning") -> Problem:
    return Problem(location=entry.origin, message=f"[{entry.id}] {message}", severity=severity)


def content_problems(kb: KnowledgeBase, *, today: date, max_age_days: int) -> list[Problem]:
    problems: list[Problem] = []
    oldest = today - timedelta(days=max_age_days)
    for entry in kb.faq:
        if len(entry.id) > MAX_ID_CHARS:
            problems.append(entry_problem(entry, f"identifiant trop long (plus de {MAX_ID_CHARS} caractères)", "error"))
        if len(entry.answer) > MAX_ANSWER_CHARS:
            problems.append(entry_problem(entry, f"réponse de {len(entry.answer)} caractères : raccourcir (ou « more »)"))
        if len(entry.alternates) < MIN_ALTERNATES:
            problems.append(entry_problem(
                entry, f"{len(entry.alternates)} formulation(s) : il en faut au moins {MIN_ALTERNATES}"))
        if entry.reviewed is not None and entry.reviewed < oldest:
            problems.append(entry_problem(entry, f"relue le {entry.reviewed.isoformat()} : plus de {max_age_days} jours"))
        if entry.needs_review:
            problems.append(entry_problem(entry, "marquée « review: true » : à faire relire par l'équipe", "info"))
        if entry.short is not None:
            location = entry.short_origin or entry.origin
            problems += [Problem(location=location, message=f"[{entry.id}] {fault}")
                         for fault in short_answer_faults(entry.short)]
    for doc in kb.documents:
        if doc.reviewed is not None and doc.reviewed < oldest:
            problems.append(Problem(location=doc.origin, message=f"fiche relue le {doc.reviewed}", severity="warning"))
    return problems
