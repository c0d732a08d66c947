"""A member's long question answered modestly, that e5 reads as about something else entirely, gets two choices
instead of a confident answer: ours first, then e5's first. e5's readings are given here (the tests' knowledge has
five entries; "far down" e5's rankings needs more), the decisions are the hotline's own."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

import pytest

from bot.answering.acts import Act
from bot.answering.answerer import Decision, Kind
from bot.answering.doubt import FAR_BY_PASSAGES, doubted
from bot.answering.semantic_opinion import SemanticOpinion
from bot.app import Answering, build_answering
from bot.config import Settings
from bot.core.replies import Sender
from bot.knowledge.model import KnowledgeBase

MEMBER = Sender(channel="cli", user_id="1", chat_id="1")
LONG = "bonjour, je voudrais savoir comment préparer un comité de pilotage avec les habitants du quartier"
FILLER = tuple(f"elsewhere-{n}" for n in range(FAR_BY_PASSAGES + 5))  # entries e5 would rank before ours


def reading_elsewhere(first: str, ours: str) -> tuple[Sequence[str], Sequence[str]]:
    """e5 names `first` and puts `ours` after every other entry, in both of its readings."""
    return (first, *FILLER, ours), (first, *FILLER, ours)


class Told(SemanticOpinion):
    """e5 as if its vectors were there, reading every text the way it is told; it backs no choice."""

    def __init__(self, reading: Callable[[str], tuple[Sequence[str], Sequence[str]] | None]) -> None:
        super().__init__(embed=lambda texts, kind: [], background=False)
        self.reading = reading
        self.read: list[str] = []

    def index(self, kb: KnowledgeBase) -> None:
        return None

    def rankings(self, kb: KnowledgeBase, said: str) -> tuple[Sequence[str], Sequence[str]] | None:  # type: ignore[override]
        self.read.append(said)
        return self.reading(said)


@pytest.fixture
def answering(settings: Settings) -> Callable[[Told | None], Answering]:
    def make(semantic: Told | None) -> Answering:
        return build_answering(settings, open_database=False, semantic=semantic)

    return make


def decide(answering: Answering, text: str) -> Decision:
    return answering.decider.decide(MEMBER, text)


def test_a_long_question_e5_reads_as_about_another_entry_gets_both_as_choices(
        answering: Callable[[Told | None], Answering]) -> None:
    alone = decide(answering(None), LONG)
    assert alone.kind == Kind.ANSWER and alone.entry is not None and alone.entry.id == "copil-preparer"

    e5 = Told(lambda said: reading_elsewhere("cc-rejoindre", "copil-preparer"))
    decision = decide(answering(e5), LONG)

    assert decision.kind == Kind.SUGGEST and decision.entry is None
    assert [c.entry.id for c in decision.candidates][:2] == ["copil-preparer", "cc-rejoindre"]
    assert e5.read == [" ".join(alone.segments)]  # the words answered on, the greeting set aside


def test_e5_reading_our_entry_near_the_top_of_either_ranking_leaves_the_answer(
        answering: Callable[[Told | None], Answering]) -> None:
    by_passage_close = Told(lambda said: (("cc-rejoindre", *FILLER, "copil-preparer"), ("cc-rejoindre", "copil-preparer")))
    by_phrasing_close = Told(lambda said: (("cc-rejoindre", "copil-preparer"), ("cc-rejoindre", *FILLER, "copil-preparer")))

    for e5 in (by_passage_close, by_phrasing_close):
        decision = decide(answering(e5), LONG)
        assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "copil-preparer"
        assert e5.read  # read, and not doubted


@pytest.mark.parametrize("text", [
    "comment préparer un comité de pilotage ?",  # too few words for e5 to read
    # a score too sure to be read (the tests' knowledge gives it 60.8)
    "je suis nouvelle et je voudrais savoir comment on fait pour démissionner du conseil citoyen quand on déménage",
])
def test_a_short_question_or_a_sure_answer_is_not_read(answering: Callable[[Told | None], Answering],
                                                       text: str) -> None:
    e5 = Told(lambda said: reading_elsewhere("fph", "nothing"))

    decision = decide(answering(e5), text)

    assert decision.kind == Kind.ANSWER and e5.read == []


def test_without_e5_reading_the_answer_stays(answering: Callable[[Told | None], Answering]) -> None:
    decision = decide(answering(Told(lambda said: None)), LONG)

    assert decision.kind == Kind.ANSWER and decision.entry is not None and decision.entry.id == "copil-preparer"


def test_a_follow_up_and_one_of_several_questions_stay_answered(
        answering: Callable[[Told | None], Answering]) -> None:
    on = answering(None)
    alone = decide(on, LONG)
    assert alone.kind == Kind.ANSWER and alone.entry is not None
    kb = on.answers.get().kb

    follow_up = doubted(dataclasses.replace(alone, acts=(*alone.acts, Act.FOLLOW_UP)), kb,
                        lambda said: reading_elsewhere("fph", "copil-preparer"))
    several = doubted(Decision(kind=Kind.MULTI, parts=(alone,)), kb,
                      lambda said: reading_elsewhere("fph", "copil-preparer"))

    assert follow_up.kind == Kind.ANSWER
    assert several.parts[0].kind == Kind.ANSWER

