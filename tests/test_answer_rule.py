"""When a single question is answered at once: three rankers' evidence and the fitted rule."""

from __future__ import annotations

import dataclasses
import random

from bot.answering.answer_rule import (
    ANSWER_PROBABILITY,
    CHARS_FEATURES,
    DAILY_LIFE_PROBABILITY,
    NEIGHBOUR_PROBABILITY,
    Evidence,
    features,
    probability,
    sure,
    sure_whatever_chars,
)
from bot.answering.answerer import Answerer
from bot.answering.char_opinion import CharOpinion

# A member's first entry, named by all three rankers, with a fair score and lead.
AGREED = Evidence(entry="cc-definition", score=55.0, lead=12.0, known_coverage=0.6, bm25=6.0, bm25_ratio=0.7,
                  bm25_agrees=True, chars=0.55, chars_ratio=0.8, chars_agrees=True, words=12, story_share=0.5,
                  tie_broken=False)


def test_a_misspelt_question_still_finds_its_entry_by_its_letters(answerer: Answerer) -> None:
    letters = CharOpinion(answerer.kb.faq)
    ranked = letters.rank("c koi un konseil sitoyen")
    assert ranked and ranked[0][0] == "cc-definition"
    assert 0 < ranked[0][1] <= 1


def test_letters_that_match_nothing_name_no_entry(answerer: Answerer) -> None:
    assert CharOpinion(answerer.kb.faq).rank("zzzz qqqq") == []
    assert CharOpinion([]).rank("c'est quoi un conseil citoyen") == []


def test_the_three_rankers_agreeing_on_a_clear_entry_answer_at_once() -> None:
    assert probability(AGREED) >= ANSWER_PROBABILITY
    assert sure(AGREED)


def test_without_bm25_the_entry_is_never_answered_at_once() -> None:
    assert not sure(dataclasses.replace(AGREED, bm25_agrees=False))


def test_a_near_tie_broken_by_bm25_is_answered_only_when_the_letters_agree_too() -> None:
    tie = dataclasses.replace(AGREED, tie_broken=True, lead=-1.0, score=60.0)
    assert sure(tie)
    assert not sure(dataclasses.replace(tie, chars_agrees=False))


def test_bm25s_near_tie_does_not_decide_alone_between_answering_and_offering() -> None:
    # BM25 scores ours 7.26 and another entry 7.27: ours is answered when the letters name it too.
    second = dataclasses.replace(AGREED, bm25_agrees=False, bm25_tied=True, bm25_ratio=0.99)
    assert sure(second)
    assert not sure(dataclasses.replace(second, chars_agrees=False))
    assert not sure(dataclasses.replace(second, bm25_tied=False))


def test_bm25_a_tenth_apart_and_the_letters_naming_ours_answer_a_member_at_once(answerer: Answerer) -> None:
    # "cb on est": BM25 puts the members' count second, 0.93 of its first; ours and the letters put it first.
    question = "cb on est ds un conseil citoyen en general"
    opinion = answerer.second_opinion(question, limit=3)
    assert opinion[1][0] == "cc-nombre-membres" and 0.9 <= opinion[1][1] / opinion[0][1] < 0.97
    decision = answerer.decide(question)
    assert decision.entry is not None and decision.entry.id == "cc-nombre-membres"


def test_en_general_at_the_end_of_a_question_changes_nothing(answerer: Answerer) -> None:
    # "en général" says how things usually are; it named the budget entry and made a sure question a choice.
    for question in ("cb de membres ds un conseil citoyen en general", "cb on est ds un conseil citoyen en général"):
        decision = answerer.decide(question)
        assert decision.entry is not None and decision.entry.id == "cc-nombre-membres", question


def test_a_message_naming_a_daily_life_matter_needs_more_certainty() -> None:
    modest = dataclasses.replace(AGREED, score=42.0, lead=5.0, known_coverage=0.45, chars=0.5)
    assert ANSWER_PROBABILITY <= probability(modest) < DAILY_LIFE_PROBABILITY
    assert sure(modest)
    assert not sure(dataclasses.replace(modest, daily_life=True))


def test_the_letters_are_not_read_when_the_rule_says_the_same_whatever_they_say() -> None:
    """The product skips the n-gram ranking when `sure_whatever_chars` gives a verdict: that verdict must be the
    rule's for every reading of theirs (random evidence, seeded; fails if a feature's sign is assumed wrong)."""
    rng = random.Random(11)
    decided = undecided = 0
    for _ in range(3000):
        e = dataclasses.replace(
            AGREED, score=rng.uniform(20, 100), lead=rng.uniform(0, 40), known_coverage=rng.random(),
            bm25=rng.uniform(0, 15), bm25_ratio=rng.random(), bm25_agrees=rng.random() < 0.8,
            bm25_tied=rng.random() < 0.2, tie_broken=rng.random() < 0.2, words=rng.randint(1, 60),
            story_share=rng.random(), daily_life=rng.random() < 0.2, bm25_neighbour=rng.random() < 0.2)
        verdict = sure_whatever_chars(e)
        if verdict is None:
            undecided += 1
            continue
        decided += 1
        for _ in range(20):
            chars = rng.random()
            read = dataclasses.replace(e, chars=chars, chars_ratio=rng.random(), chars_agrees=rng.random() < 0.5)
            assert sure(read) == verdict
        assert sure(dataclasses.replace(e, chars=0.0, chars_ratio=0.0, chars_agrees=False)) == verdict
    assert decided > 900 and undecided > 100  # both cases are met


def test_the_letters_features_are_where_the_shortcut_reads_them() -> None:
    read = dataclasses.replace(AGREED, chars=0.37, chars_ratio=0.61, chars_agrees=True)
    assert [features(read)[k] for k in CHARS_FEATURES] == [0.37, 0.61, 1.0]


# BM25 names first an entry ours lists as related (the same subject, other words), ours at 0.85 of it.
NEIGHBOUR = dataclasses.replace(AGREED, bm25_agrees=False, bm25_neighbour=True, bm25_ratio=0.85)


def test_bm25_naming_a_neighbour_of_ours_first_is_no_disagreement_when_the_letters_name_ours() -> None:
    assert probability(NEIGHBOUR) >= NEIGHBOUR_PROBABILITY
    assert sure(NEIGHBOUR)
    assert not sure(dataclasses.replace(NEIGHBOUR, chars_agrees=False))
    assert not sure(dataclasses.replace(NEIGHBOUR, bm25_neighbour=False))


def test_a_neighbour_first_in_bm25_asks_for_more_certainty() -> None:
    modest = dataclasses.replace(NEIGHBOUR, score=42.0, lead=5.0, known_coverage=0.45, chars=0.5)
    assert ANSWER_PROBABILITY <= probability(modest) < NEIGHBOUR_PROBABILITY
    assert sure(dataclasses.replace(modest, bm25_agrees=True, bm25_neighbour=False))
    assert not sure(modest)
