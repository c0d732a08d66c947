"""The study of the answer rule with the classifier's probability (bench/learned_study.py): an entry the classifier
never learned (added by staff after its file was made) keeps the shipped rule's verdict, and for an entry it knows
its probability weighs in the verdict."""

from __future__ import annotations

import dataclasses
import random

from bench.learned_study import learned_sure
from bot.answering.answer_rule import Evidence, sure

# A member's first entry, named by all three rankers, with a fair score and lead.
AGREED = Evidence(entry="cc-definition", score=55.0, lead=12.0, known_coverage=0.6, bm25=6.0, bm25_ratio=0.7,
                  bm25_agrees=True, chars=0.55, chars_ratio=0.8, chars_agrees=True, words=12, story_share=0.5,
                  tie_broken=False)


def random_evidence(rng: random.Random) -> Evidence:
    return dataclasses.replace(
        AGREED, score=rng.uniform(20, 100), lead=rng.uniform(0, 40), known_coverage=rng.random(),
        bm25=rng.uniform(0, 15), bm25_ratio=rng.random(), bm25_agrees=rng.random() < 0.8, chars=rng.random(),
        chars_ratio=rng.random(), chars_agrees=rng.random() < 0.5, tie_broken=rng.random() < 0.2,
        words=rng.randint(1, 60), story_share=rng.random(), daily_life=rng.random() < 0.2)


def test_an_entry_the_classifier_never_learned_is_decided_as_the_shipped_rule_decides() -> None:
    rng = random.Random(5)
    verdicts = [(sure(e), learned_sure(e, None)) for e in (random_evidence(rng) for _ in range(2000))]
    assert all(shipped == studied for shipped, studied in verdicts)
    assert any(shipped for shipped, _ in verdicts) and not all(shipped for shipped, _ in verdicts)


def test_the_classifier_naming_another_entry_turns_a_fair_answer_into_choices() -> None:
    assert learned_sure(AGREED, 0.95)
    assert not learned_sure(AGREED, 0.01)
