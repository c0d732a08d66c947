"""A member reads a short, plain answer first: at most 40 words, sentences of at most 15 words, every
acronym explained, no inclusive-writing dots.

Acronyms members already say as words (CAF, HLM, RSA, SMS, PDF, QR, OK) may stand alone; any other,
like QPV or CLSPD, comes with its words in the same short answer: « un quartier prioritaire (QPV) ».
"""

from __future__ import annotations

import re
import statistics
from datetime import date
from pathlib import Path

import pytest

from bot.knowledge.check import (
    KNOWN_ACRONYMS,
    MAX_SENTENCE_WORDS,
    MAX_SHORT_WORDS,
    content_problems,
    short_answer_faults,
)
from bot.knowledge.loader import load_knowledge, read_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.member_texts import knowledge_texts, python_texts

WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿŒœ]")
# « inscrit·e », « prévenu·e·s », « expert.e.s », « personne(s) », « inscrit(e) »
INCLUSIVE = re.compile(r"\w[·•]\w|\w\.e\.s\b|\w\((?:e|s|es|e\)\(s)\)")


def words(text: str) -> int:
    return sum(1 for token in text.split() if WORD.search(token))


def test_every_shipped_entry_has_a_short_answer_within_the_limits() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    assert all(entry.short for entry in kb.faq)
    too_long = {e.id: words(e.short or "") for e in kb.faq if words(e.short or "") > MAX_SHORT_WORDS}
    assert too_long == {}
    faults = {e.id: short_answer_faults(e.short or "") for e in kb.faq}
    assert {k: v for k, v in faults.items() if v} == {}


def test_short_answers_are_much_shorter_than_the_full_answers() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    assert statistics.median(words(e.short or "") for e in kb.faq) <= 35
    assert statistics.median(words(e.answer) for e in kb.faq) > 60


def test_a_long_short_answer_is_refused() -> None:
    text = " ".join(["Le conseil se réunit."] * 11)  # 44 words in short sentences
    assert short_answer_faults(text) == [f"réponse courte de 44 mots (au plus {MAX_SHORT_WORDS})"]


def test_a_long_sentence_is_refused() -> None:
    text = "Le conseil citoyen donne son avis sur les projets du quartier et sur le contrat de ville signé."
    [fault] = short_answer_faults(text)
    assert fault.startswith(f"phrase de 18 mots (au plus {MAX_SENTENCE_WORDS})")


@pytest.mark.parametrize(("text", "refused"), [
    ("Le CLSPD se réunit avec le maire.", True),
    ("Le CLSPD (conseil local de sécurité) se réunit avec le maire.", False),
    ("Vérifiez si vous êtes en quartier prioritaire (QPV).", False),
    ("La CAF peut vous aider.", False),
    ("Tapez /agenda pour voir les dates.", False),
    ("Préparez le copil avec RésO Villes.", True),
    ("Préparez le comité de pilotage avec RésO Villes.", False),
])
def test_an_acronym_needs_its_words_unless_everybody_knows_it(text: str, refused: bool) -> None:
    assert bool(short_answer_faults(text)) is refused


def test_the_known_acronyms_are_everyday_words() -> None:
    assert {"CAF", "HLM"} <= KNOWN_ACRONYMS and "QPV" not in KNOWN_ACRONYMS and "CLSPD" not in KNOWN_ACRONYMS


def test_the_check_names_the_file_and_line_of_a_bad_short_answer(tmp_path: Path) -> None:
    root = tmp_path / "knowledge"
    (root / "faq").mkdir(parents=True)
    (root / "faq" / "a.yaml").write_text(
        "- id: longue\n  question: Une question ?\n  alternates: [une, deux, trois]\n"
        "  short: Le CLSPD réunit le maire, la police, la justice, les bailleurs et les associations du quartier.\n"
        "  answer: Une réponse.\n  source: Une source\n  reviewed: 2026-11-26\n", encoding="utf-8")
    kb, problems = read_knowledge(root)
    assert problems == []
    found = [str(p) for p in content_problems(kb, today=date(2026, 11, 26), max_age_days=365)]
    assert found == [
        "knowledge/faq/a.yaml:4: erreur : [longue] phrase de 16 mots (au plus 15) : "
        "« Le CLSPD réunit le maire, la police, la justice, les bailleu… »",
        "knowledge/faq/a.yaml:4: erreur : [longue] sigle « CLSPD » sans explication : "
        "écrire les mots, ou « CLSPD (…) »",
    ]


def test_no_inclusive_writing_dots_in_member_facing_texts() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    texts = [*knowledge_texts(kb), *python_texts()]
    assert len(texts) > 500
    assert [f"{t.where}: {m.group(0)}" for t in texts for m in INCLUSIVE.finditer(t.text)] == []


@pytest.mark.parametrize("written", ["Vous êtes inscrit·e.", "Les inscrit·e·s seront prévenu·e·s.", "3 personne(s)",
                                     "des expert.e.s", "inscrit(e)"])
def test_the_inclusive_writing_patterns_are_recognised(written: str) -> None:
    assert INCLUSIVE.search(written)
