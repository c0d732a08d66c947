"""The benchmark's evaluation set stays blind: none of its questions is taught to the FAQ."""

from __future__ import annotations

from collections import Counter

import yaml

from bot.config import ROOT
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE
from tests.support.eval_sets import taught_to

EVAL = ROOT / "bench" / "eval" / "questions.yaml"


def test_no_evaluation_question_appears_among_the_faq_phrasings() -> None:
    kb = load_knowledge(SHIPPED_KNOWLEDGE)
    questions = yaml.safe_load(EVAL.read_text(encoding="utf-8"))
    assert taught_to(kb, (q["q"] for q in questions)) == []


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
