"""The vectorised matcher ranks exactly as the one it replaced: same entries, same order, same scores,
coverages and phrasings, on the evaluation's dev questions, on the FAQ's own phrasings, with context
weighed down, on the shipped base and on a bigger one where posting lists are long. One thing changed on
purpose: the cap on the phrasings scored is now exact (the previous matcher added whole posting lists and
went over it); it never binds on the shipped base."""

from __future__ import annotations

import pytest

from bench.common import load_eval, shipped
from bench.realistic import load_realistic
from bench.synthetic import scaled
from bot.answering.answerer import Answerer
from bot.answering.matcher import Candidate, Matcher
from bot.knowledge.model import KnowledgeBase
from tests.support.reference_matcher import Matcher as ReferenceMatcher

BIGGER = 1_500


def _questions(kb: KnowledgeBase) -> list[str]:
    dev = [q.q for q in load_eval() if q.split == "dev"] + [m.text for m in load_realistic() if m.split == "dev"]
    return dev + [p for e in kb.faq[:60] for p in e.phrasings]


def _same(new: list[Candidate], old: list[Candidate]) -> None:
    as_tuples = [[(c.entry.id, c.score, c.index, c.coverage, c.known_coverage, c.phrasing) for c in ranked]
                 for ranked in (new, old)]
    assert as_tuples[0] == as_tuples[1]


def _pair(size: int | None) -> tuple[Answerer, ReferenceMatcher]:
    settings, kb = shipped()
    if size is not None:
        kb = scaled(kb, size)
    answerer = Answerer(kb, settings.answering)
    return answerer, ReferenceMatcher(kb.faq, kb.passages, answerer.normalizer)


@pytest.fixture(scope="module")
def bigger() -> tuple[Answerer, ReferenceMatcher]:
    return _pair(BIGGER)


def _check_rankings(answerer: Answerer, reference: ReferenceMatcher) -> None:
    new: Matcher = answerer.matcher
    for text in _questions(answerer.kb):
        analysis = answerer.analyze(text)
        _same(new.rank(analysis, limit=12), reference.rank(analysis, limit=12))
        context = {t: 0.3 for t in analysis.tokens[::2]} | {t: 0.0 for t in analysis.tokens[1:2]}
        _same(new.rank(analysis, limit=5, boost=context), reference.rank(analysis, limit=5, boost=context))
        assert new.best_passage(analysis) == reference.best_passage(analysis)


def test_on_the_shipped_base_rankings_scores_and_passages_are_those_of_the_previous_matcher() -> None:
    _check_rankings(*_pair(None))


def test_on_a_bigger_base_they_are_the_same_too_when_the_cap_does_not_bind(
        bigger: tuple[Answerer, ReferenceMatcher], monkeypatch: pytest.MonkeyPatch) -> None:
    answerer, reference = bigger
    for matcher in (answerer.matcher, reference):
        monkeypatch.setattr(matcher, "_max_phrasing_postings", 10**9)
    _check_rankings(answerer, reference)


def test_the_answerer_decides_the_same_with_either_matcher() -> None:
    answerer, reference = _pair(None)
    texts = _questions(answerer.kb)
    new = [answerer.decide(t) for t in texts]
    answerer.matcher = reference  # type: ignore[assignment]
    answerer._analyses.clear()
    old = [answerer.decide(t) for t in texts]
    assert new == old
