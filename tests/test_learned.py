"""A classifier learned from members' own messages: a single question offered as choices is answered when it names
our first choice too, surely."""

from __future__ import annotations

import pytest

from bot.answering.answerer import Answerer
from bot.answering.decision import Kind
from bot.answering.learned import AGREED_PROBABILITY, NONE, shipped_model
from bot.config import ROOT, load_settings
from bot.knowledge.loader import load_knowledge
from tests.conftest import SHIPPED_KNOWLEDGE


@pytest.fixture(scope="module")
def answerer() -> Answerer:
    """The engine on the shipped knowledge base and the shipped thresholds."""
    return Answerer(load_knowledge(SHIPPED_KNOWLEDGE), load_settings(ROOT / "config.toml", env={}).answering)


def test_a_short_question_the_rankers_only_offered_is_answered_when_the_classifier_agrees(answerer: Answerer) -> None:
    asked = "c'est bénévole le conseil ?"
    answerer.use_learned = False
    offered = answerer.decide(asked)
    answerer.use_learned = True
    decided = answerer.decide(asked)
    assert offered.kind == Kind.SUGGEST and offered.candidates[0].entry.id == "moyens-remboursement-frais"
    assert decided.kind == Kind.ANSWER and decided.entry is not None
    assert decided.entry.id == "moyens-remboursement-frais"


def test_the_choices_stay_when_the_classifier_names_another_entry(answerer: Answerer) -> None:
    decided = answerer.decide("comment on monte une asso pour le conseil")
    model = shipped_model()
    assert model is not None
    named, probability = model.first(answerer.analyze("comment on monte une asso pour le conseil"))
    assert probability >= AGREED_PROBABILITY and named != decided.candidates[0].entry.id
    assert decided.kind == Kind.SUGGEST


def test_a_members_own_matter_is_never_answered_with_confidence_even_when_the_classifier_is_sure(
        answerer: Answerer) -> None:
    asked = "jpeu me faire rembourser mon ticket de bus pr venir"
    decided = answerer.decide(asked)
    model = shipped_model()
    assert model is not None
    assert model.first(answerer.analyze(asked))[0] == decided.candidates[0].entry.id
    assert decided.personal and decided.kind == Kind.SUGGEST


def test_the_shipped_model_knows_every_entry_of_the_shipped_knowledge(answerer: Answerer) -> None:
    """Rebuild it (`python -m bench.learned_study build`) when entries are added or renamed."""
    model = shipped_model()
    assert model is not None
    assert set(model.classes) == {e.id for e in answerer.kb.faq} | {NONE}
