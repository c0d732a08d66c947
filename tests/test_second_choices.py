"""Where e5 settles or widens the hotline's choices, the member keeps a way to the other likely entry.

e5 is replaced here by a stand-in that names the entry a story needs (each knowledge text is its own entry's
direction; a member's message points at the entry chosen for it), so that each story tests the hotline's rule,
not the model's reading of five fixture entries."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bot.answering.decision import Decision, Kind
from bot.answering.semantic_opinion import SemanticOpinion, VectorStore, passage_of
from bot.app import Answering, build_answering
from bot.config import Settings
from bot.core.replies import Sender
from bot.knowledge.loader import load_knowledge
from tests.conftest import FIXTURE_KNOWLEDGE

MEMBER = Sender(channel="cli", user_id="1", chat_id="1")
ASKED = "c'est quoi un conseil citoyen ? et comment on entre ?"  # the second question unsure: one choice


class PointsAt:
    """A stand-in for e5: a knowledge text lies along its entry; a member's message along `self.entry`."""

    def __init__(self) -> None:
        kb = load_knowledge(FIXTURE_KNOWLEDGE)
        self.ids = [e.id for e in kb.faq]
        self.owner = {t: e.id for e in kb.faq for t in (*e.phrasings, passage_of(e))}
        self.entry = self.ids[0]
        self.read_as: dict[str, str] = {}  # a part of a message read as another entry than `entry`

    def __call__(self, texts: list[str], kind: str) -> Sequence[Any]:
        return [np.eye(len(self.ids), dtype=np.float32)[self.ids.index(self.owner.get(t, self.read_as.get(t, self.entry)))]
                for t in texts]


@pytest.fixture
def e5() -> PointsAt:
    return PointsAt()


@pytest.fixture
def answering(settings: Settings, tmp_path: Path, e5: PointsAt) -> Callable[..., Answering]:
    def make(on: bool = True) -> Answering:
        semantic = SemanticOpinion(embed=e5, store=VectorStore(tmp_path / "vectors.pickle"), background=False)
        return build_answering(settings, open_database=False, semantic=semantic if on else None)

    return make


def decide(answering: Answering, text: str) -> Decision:
    return answering.decider.decide(MEMBER, text)


def offered(decision: Decision, part: int) -> list[str]:
    return [c.entry.id for c in decision.parts[part].candidates]


def test_when_e5_settles_the_choices_the_second_one_stays_under_the_answer(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    text = "c'est quoi un conseil citoyen et on peut partir quand on veut ?"
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.SUGGEST and [c.entry.id for c in lexical.candidates] == ["cc-definition", "cc-rejoindre"]
    e5.entry = "cc-definition"

    decision = decide(answering(), text)

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "cc-definition"
    assert decision.runner_up is not None and decision.runner_up.entry.id == "cc-rejoindre"


def test_an_unsure_question_among_several_gets_e5s_entry_beside_ours_when_the_rankers_name_it(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    text = ASKED
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.MULTI and offered(lexical, 1) == ["cc-rejoindre"]
    e5.entry = "demission"  # ours and BM25 name it among their first three for "et comment on entre ?"

    decision = decide(answering(), text)

    assert offered(decision, 1) == ["cc-rejoindre", "demission"]
    assert decision.parts[0] == lexical.parts[0]  # the answered question is left alone


def test_e5s_entry_that_the_rankers_do_not_name_is_not_shown(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    e5.entry = "fph"  # none of the lexical rankers names it among their first three for "et comment on entre ?"

    assert decide(answering(), ASKED) == decide(answering(on=False), ASKED)


def test_a_reply_to_several_questions_keeps_to_three_choices(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    from bot.answering.semantic_opinion import MAX_CHOICES

    hotline = answering()
    lexical = decide(answering(on=False), ASKED)
    two = tuple(c for c in lexical.candidates if c.entry.id in ("cc-definition", "demission"))
    full = Decision(kind=Kind.MULTI, parts=(lexical.parts[1], Decision(kind=Kind.SUGGEST, candidates=two)))
    assert len(full.parts[0].candidates) == 1 and len(two) == 2
    assert hotline.semantic is not None
    e5.entry = "copil-preparer"  # named by the lexical rankers too: shown, were there room

    assert hotline.semantic.second_choices(full, hotline.answers.get()) == full
    assert len({c.entry.id for p in full.parts for c in p.candidates}) == MAX_CHOICES


def test_e5_and_bm25_settle_on_our_second_choice_and_it_is_answered(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    # Ours puts the council's definition first ("c'est quoi … du conseil citoyen"); BM25 and the letters read the
    # fund first, and so does e5: the member asked about the fund.
    text = "c'est quoi le fonds pour les habitants du conseil citoyen"
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.SUGGEST and [c.entry.id for c in lexical.candidates][:2] == ["cc-definition", "fph"]
    e5.entry = "fph"

    decision = decide(answering(), text)

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "fph"
    assert decision.runner_up is not None and decision.runner_up.entry.id == "cc-definition"


def test_e5_alone_does_not_answer_a_choice_the_rankers_of_words_put_lower(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    # BM25 and the letters name other entries first: e5's reading only orders the choices.
    text = "je veux partir du conseil citoyen, comment on fait ?"
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.SUGGEST and "cc-definition" in [c.entry.id for c in lexical.candidates[1:]]
    e5.entry = "cc-definition"

    decision = decide(answering(), text)

    assert decision.kind == Kind.SUGGEST and "cc-definition" in [c.entry.id for c in decision.candidates]


def test_after_a_story_e5_reading_the_question_alone_settles_on_our_second_choice(
        answering: Callable[..., Answering], e5: PointsAt) -> None:
    # The whole message reads as something else to e5 (the story weighs on it); the question alone reads as the
    # fund, which BM25 and the letters name first too.
    question = "C'est quoi le fonds pour les habitants du conseil citoyen ?"
    text = f"Ma voisine m'a parlé de tout ça hier soir. {question}"
    lexical = decide(answering(on=False), text)
    assert lexical.kind == Kind.SUGGEST and [c.entry.id for c in lexical.candidates][:2] == ["cc-definition", "fph"]
    e5.entry, e5.read_as = "copil-preparer", {question: "fph"}

    decision = decide(answering(), text)

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "fph"
