"""A classifier learned from members' own messages: a single question offered as choices is answered when it names
our first choice too, surely."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.answering.decision import Kind
from bot.answering.learned import AGREED_PROBABILITY, NONE, PART_AGREED_PROBABILITY, Learned, shipped_model
from bot.answering.normalize import Analysis
from bot.app import App
from bot.core.replies import Sender

MEMBER = Sender(channel="cli", user_id="7", chat_id="7")


def test_a_short_question_the_rankers_only_offered_is_answered_when_the_classifier_agrees(shipped_app: App) -> None:
    asked = "c'est bénévole le conseil citoyen ?"
    shipped_app.faq.answerer.use_learned = False
    offered = shipped_app.faq.decide(MEMBER, asked)
    shipped_app.faq.answerer.use_learned = True
    decided = shipped_app.faq.decide(MEMBER, asked)
    assert offered.kind == Kind.SUGGEST and offered.candidates[0].entry.id == "moyens-remboursement-frais"
    assert decided.kind == Kind.ANSWER and decided.entry is not None
    assert decided.entry.id == "moyens-remboursement-frais"
    # The choice that came second stays within reach, beside the answer.
    assert decided.runner_up is not None and decided.runner_up.entry.id == offered.candidates[1].entry.id


def test_the_choices_stay_when_the_classifier_names_another_entry(shipped_app: App) -> None:
    asked = "comment on monte une asso pour le conseil"
    answerer = shipped_app.faq.answerer
    model = shipped_model()
    assert model is not None
    named, probability = model.first(answerer.analyze(asked))
    decided = answerer.decide(asked)
    # Choices whose first is not the entry the classifier names, surely: they stay choices.
    others = [c for c in decided.candidates if c.entry.id != named]
    offered = dataclasses.replace(decided, kind=Kind.SUGGEST, entry=None, candidates=tuple(others))
    assert probability >= AGREED_PROBABILITY and others
    assert answerer.learned_agrees(offered, asked) is offered


def test_a_members_own_matter_is_never_answered_with_confidence_even_when_the_classifier_is_sure(
        shipped_app: App) -> None:
    asked = "jpeu me faire rembourser mon ticket de bus pr venir"
    decided = shipped_app.faq.decide(MEMBER, asked)
    model = shipped_model()
    assert model is not None
    named, probability = model.first(shipped_app.faq.answerer.analyze(asked))
    assert named == decided.candidates[0].entry.id and probability >= AGREED_PROBABILITY
    assert decided.personal and decided.kind == Kind.SUGGEST


def test_the_shipped_model_knows_every_entry_of_the_shipped_knowledge(shipped_app: App) -> None:
    """Rebuild it (`python -m bench.learned_study build`) when entries are added or renamed."""
    model = shipped_model()
    assert model is not None
    assert set(model.classes) == {e.id for e in shipped_app.knowledge.faq} | {NONE}


def test_an_entry_added_after_the_classifier_learned_stays_offered_without_the_message_read(
        shipped_app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    asked = "c'est bénévole le conseil citoyen ?"
    answerer = shipped_app.faq.answerer
    answerer.use_learned = False
    offered = answerer.decide(asked)
    answerer.use_learned = True
    assert answerer.learned_agrees(offered, asked).kind == Kind.ANSWER  # the entry it learned: answered
    first = offered.candidates[0]
    added = dataclasses.replace(first, entry=dataclasses.replace(first.entry, id="ajoutee-apres"))
    renamed = dataclasses.replace(offered, candidates=(added, *offered.candidates[1:]))

    def unread(self: Learned, analysis: Analysis) -> np.ndarray:
        raise AssertionError("the message is read for an entry the classifier never learned")

    monkeypatch.setattr(Learned, "probabilities", unread)
    answerer._reads = type(answerer._reads)()  # what it read of the message before is forgotten
    assert answerer.learned_agrees(renamed, asked) is renamed


@pytest.mark.parametrize(("asked", "offered_alone"), [
    ("Le conseil a un budget ? Et les membres sont payés ?", "moyens-budget"),
    ("Il faut un président ? Et combien de temps dure le mandat ?", "fonct-president-roles"),
])
def test_one_of_two_questions_only_offered_is_answered_when_the_classifier_agrees(
        shipped_app: App, asked: str, offered_alone: str) -> None:
    answerer = shipped_app.faq.answerer
    answerer.parts_agreed = None
    before = shipped_app.faq.decide(MEMBER, asked)
    answerer.parts_agreed = PART_AGREED_PROBABILITY
    after = shipped_app.faq.decide(MEMBER, asked)
    # Each question is read on its own words; the one our rankers only offered is answered when the classifier,
    # reading that question alone, names the same entry surely. The other question's answer is untouched.
    assert before.kind == after.kind == Kind.MULTI
    was = {p.candidates[0].entry.id: p.kind for p in before.parts if p.candidates}
    assert was.get(offered_alone) == Kind.SUGGEST
    answered = [p.entry.id for p in after.parts if p.kind == Kind.ANSWER and p.entry is not None]
    kept = [p.entry.id for p in before.parts if p.kind == Kind.ANSWER and p.entry is not None]
    assert offered_alone in answered and set(kept) < set(answered)
