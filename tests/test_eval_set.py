"""The benchmark's evaluation set stays blind: none of its questions is taught to the FAQ."""

from __future__ import annotations

from collections import Counter

import yaml

from bot.answering.normalize import words
from bot.config import ROOT
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE

EVAL = ROOT / "bench" / "eval" / "questions.yaml"


def _key(text: str) -> str:
    return " ".join(words(text))


def test_no_evaluation_question_appears_among_the_faq_phrasings() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    taught = {_key(p) for entry in kb.faq for p in entry.phrasings}
    questions = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    leaked = [q["q"] for q in questions if _key(q["q"]) in taught]
    assert leaked == []


def test_the_evaluation_set_is_large_enough_split_and_labelled_with_real_entries() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    questions = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    kinds = Counter(q["kind"] for q in questions)
    assert kinds["faq"] >= 250 and kinds["none"] >= 40 and kinds["agenda"] >= 15
    assert {q["split"] for q in questions} == {"dev", "test"}
    for question in questions:
        for entry_id in question.get("expect") or []:
            assert kb.entry(entry_id) is not None, (question["q"], entry_id)
        if question["kind"] in ("none", "agenda"):
            assert not question.get("expect")
